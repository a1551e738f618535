"""`supple completion`: the scripts shtab writes from the one parser, and a real bash completing
routine ids (bundled and your own), test ids, levels and commands through them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from supple.cli import COMMANDS
from supple.cli.completion import SHELLS, script

SRC = Path(__file__).resolve().parents[1] / "src"


def supple_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment with a `supple` of this source tree first on PATH, and a fresh home."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "supple"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m supple "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(SRC),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
    }


def complete_in_bash(tmp_path: Path, lines: list[str]) -> list[list[str]]:
    """What a real interactive bash (no rc files) offers for each command line in ``lines``
    (the last word being completed), with the bash script sourced and `supple` on PATH."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    env = supple_on_path(tmp_path)
    completion = tmp_path / "supple.bash"
    completion.write_text(script("bash"), encoding="utf-8")
    driver = [f"source {completion}", "fn=$(complete -p supple | sed 's/.*-F \\([^ ]*\\) .*/\\1/')"]
    for line in lines:
        words = line.split(" ")
        quoted = " ".join(f"'{word}'" for word in words)
        driver += [
            f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}",
            f"COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=()",
            f"\"$fn\" supple '{words[-1]}' '{words[-2]}'",
            'echo "@@ ${COMPREPLY[*]}"',
        ]
    done = subprocess.run(
        [bash, "--norc", "--noprofile", "-i"],
        input="\n".join(driver) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    offered = [line[3:].split() for line in done.stdout.splitlines() if line.startswith("@@ ")]
    assert len(offered) == len(lines), done.stdout + done.stderr
    return offered


def test_a_real_bash_completes_ids_levels_and_commands(tmp_path: Path) -> None:
    offered = complete_in_bash(
        tmp_path,
        [
            "supple play lo",
            "supple show back-pain-relief --level a",
            "supple test record th",
            "supple history --routine b",
            "supple comp",
            "supple completion f",
        ],
    )
    assert offered == [
        ["lower-back-mobility"],
        ["advanced"],
        ["thomas-gap"],
        ["back-pain-relief"],
        ["completion"],
        ["fish"],
    ]


def test_your_own_routines_complete_too(tmp_path: Path, isolated_dirs: dict[str, Path]) -> None:
    bundled = (
        Path(__file__).resolve().parents[1] / "routines" / "back-pain-relief.toml"
    ).read_text(encoding="utf-8")
    mine = isolated_dirs["config"] / "routines"
    mine.mkdir(parents=True)
    for routine_id in ("lower-back-evening", "lunch-break"):
        text = re.sub(r'(?m)^id = ".*"$', f'id = "{routine_id}"', bundled, count=1)
        (mine / f"{routine_id}.toml").write_text(text, encoding="utf-8")
    offered = complete_in_bash(tmp_path, ["supple play lo", "supple export lu", "supple log x"])
    assert [sorted(words) for words in offered] == [
        ["lower-back-evening", "lower-back-mobility"],
        ["lunch-break"],
        [],
    ]


def test_a_real_fish_completes_ids_and_levels(tmp_path: Path) -> None:
    fish = shutil.which("fish")
    if fish is None:
        pytest.skip("fish is not installed")
    env = supple_on_path(tmp_path)
    completion = tmp_path / "supple.fish"
    completion.write_text(script("fish"), encoding="utf-8")
    lines = ["supple play lo", "supple test record th", "supple show x --level a"]
    driver = f"source {completion}; " + "; ".join(f"complete -C '{line}'" for line in lines)
    done = subprocess.run(
        [fish, "--no-config", "-c", driver],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    offered = [line.split("\t")[0] for line in done.stdout.splitlines()]
    assert offered == ["lower-back-mobility", "thomas-gap", "advanced"], done.stderr


# A zsh, in a pseudo-terminal of its own (zpty), types `supple play lo<TAB>` with compinit on;
# each read waits for its pattern (the test's timeout bounds it).
ZSH_DRIVER = """
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z "PS1='> '; fpath=($FUNCTIONS \\$fpath); autoload -Uz compinit; compinit -u -d $DUMP"
zpty -w z "print READY"
zpty -r z out '*READY*READY*'
zpty -w -n z $'supple play lo\\t'
zpty -r z out '*mobility*'
print -r -- "$out"
zpty -d z
"""


def test_a_real_zsh_completes_a_routine_id(tmp_path: Path) -> None:
    zsh = shutil.which("zsh")
    if zsh is None:
        pytest.skip("zsh is not installed")
    env = supple_on_path(tmp_path)
    functions = tmp_path / "functions"
    functions.mkdir()
    (functions / "_supple").write_text(script("zsh"), encoding="utf-8")
    env |= {"FUNCTIONS": str(functions), "DUMP": str(tmp_path / "zcompdump")}
    done = subprocess.run(
        [zsh, "-f", "-c", ZSH_DRIVER],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=30,
        check=False,
    )
    assert "supple play lower-back-mobility" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_gets_every_command_and_the_id_helpers(shell: str) -> None:
    text = script(shell)
    for name in COMMANDS:
        assert name in text
    assert "list --ids" in text and "test list --ids" in text
    if shell == "bash" and shutil.which("bash"):
        subprocess.run(["bash", "-n"], input=text, text=True, check=True)
    if shell in ("zsh", "fish") and shutil.which(shell):
        subprocess.run([shell, "-n"], input=text, text=True, check=True)


def test_only_the_completion_command_imports_shtab() -> None:
    code = (
        "import sys; from supple.cli import main; main(['list', '--ids']); "
        "print('shtab' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.stdout.splitlines()[-1] == "False"


def test_a_real_bash_completes_exercises_programs_areas_and_equipment(tmp_path: Path) -> None:
    """Exercise ids, program ids (both places), a comma list's first and later items from the
    closed sets, and --lang without the pseudo-locale."""
    offered = complete_in_bash(
        tmp_path,
        [
            "supple play --exercise wall-ca",
            "supple program start overh",
            "supple program --program lower",
            "supple build --minutes 5 --focus ne",
            "supple build --minutes 5 --focus neck,upper",
            "supple build --minutes 5 --equipment wall,ch",
            "supple exercises --area hamst",
            "supple --lang ",
        ],
    )
    assert offered == [
        ["wall-calf-stretch"],
        ["overhead-6-weeks"],
        ["lower-back-6-weeks"],
        ["neck"],
        ["neck,upper-back"],
        ["wall,chair"],
        ["hamstrings"],
        ["en", "de", "es"],
    ]


def test_pseudo_works_but_is_never_offered() -> None:
    from supple.cli import build_parser
    from supple.cli.manpage import manual

    assert build_parser().parse_args(["--lang", "pseudo", "list"]).lang == "pseudo"
    assert "pseudo" not in build_parser().format_help()
    assert "pseudo" not in manual() and all("pseudo" not in script(s) for s in SHELLS)
