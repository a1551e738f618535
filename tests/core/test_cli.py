"""The light commands: list, show, validate, --version, and user routines beside bundled ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from supple import __version__
from supple.cli import main
from supple.system import paths

DATA = Path(__file__).parents[1] / "data" / "routines"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"supple {__version__}"


def test_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    items = {item["id"]: item for item in json.loads(out)}
    lbm = items["lower-back-mobility"]
    assert lbm["source"] == "bundled" and lbm["title"] == "Lower back mobility"
    assert lbm["minutes"] == {"beginner": 4.5, "intermediate": 10.1, "advanced": 19.0}
    cat, knee = lbm["exercises"][0], lbm["exercises"][1]
    assert cat == {
        "id": "cat-cow",
        "name": "Cat-Cow",
        "kind": "reps",
        "per_side": False,
        "levels": {
            "beginner": {"reps": 5, "sets": 1},
            "intermediate": {"reps": 8, "sets": 2},
            "advanced": {"reps": 10, "sets": 3},
        },
    }
    assert knee["per_side"] is True and knee["levels"]["advanced"] == {"sets": 1, "seconds": 60}


def test_user_routines_are_listed_and_a_broken_one_shows_its_error(
    capsys: pytest.CaptureFixture[str], isolated_dirs: dict[str, Path]
) -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    shutil.copy(DATA / "valid.toml", folder / "mine.toml")
    shutil.copy(DATA / "unknown_kind.toml", folder / "broken.toml")
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    items = json.loads(out)
    mine = next(i for i in items if i.get("id") == "test")
    assert mine["source"] == "user" and mine["path"] == str(folder / "mine.toml")
    broken = next(i for i in items if "error" in i)
    assert set(broken) == {"path", "error"} and broken["path"] == str(folder / "broken.toml")
    assert "exercise[1].kind: unknown value 'stretch'" in broken["error"]
    code, out, err = run(capsys, "list")
    assert "test" in out and "broken.toml" in err


def test_show_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "lower-back-mobility", "--level", "advanced")
    assert code == 0
    assert out.splitlines()[0].startswith("Lower back mobility — advanced")
    assert "switch to the right side" in out and "Superman · set 3/3 · rep 15/15" in out
    code, out, _ = run(capsys, "show", "back-pain-relief", "--json")
    shown = json.loads(out)
    assert shown["routine"] == "back-pain-relief" and shown["level"] == "beginner"
    assert shown["total_seconds"] == 95
    assert sum(s["seconds"] for s in shown["segments"]) == 95
    assert shown["segments"][1]["breath"][0] == {"phase": "inhale", "seconds": 3}


def test_show_unknown_routine_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "lower-back-mobilty")
    assert code == 2 and "Did you mean 'lower-back-mobility'?" in err


def test_validate_ok_and_broken(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(paths.bundled_routines_dir()))
    bundled = sorted(paths.bundled_routines_dir().glob("*.toml"))
    assert code == 0 and out.count(": ok") == len(bundled)
    assert all(f"{path}: ok" in out for path in bundled)
    broken = tmp_path / "copy.toml"
    _, text, _ = run(capsys, "export", "lower-back-mobility")  # its exercises written out
    broken.write_text(text.replace('kind = "hold"', 'kind = "hodl"', 1))
    code, out, _ = run(capsys, "validate", str(broken), str(DATA / "valid.toml"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{broken}:")
    assert ": exercise[2].kind: unknown value 'hodl' (did you mean 'hold'?" in lines[0]
    line_no = int(lines[0].split(":")[1])
    assert (
        'kind = "hodl"'
        in text.replace('kind = "hold"', 'kind = "hodl"', 1).splitlines()[line_no - 1]
    )
    assert lines[-1] == f"{DATA / 'valid.toml'}: ok"


def test_validate_every_bad_fixture_exits_1_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = sorted(p for p in DATA.glob("*.toml") if p.name != "valid.toml")
    code, out, err = run(capsys, "validate", *map(str, bad))
    assert code == 1 and "Traceback" not in out + err
    assert {line.split(":")[0] for line in out.splitlines()} == {str(p) for p in bad}


def test_a_commands_own_parser_parses_and_words_it_as_the_whole_one() -> None:
    """`supple list` builds only its own parser (start-up): the same arguments, help and usage."""
    from supple.cli import COMMANDS, build_parser

    whole = build_parser()
    for name in COMMANDS:
        alone = build_parser(name)
        whole_sub = whole._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
        alone_sub = alone._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
        assert alone_sub.format_help() == whole_sub.format_help(), name
        assert alone_sub.format_usage() == whole_sub.format_usage(), name
    assert whole.parse_args(["history", "--csv"]) == build_parser("history").parse_args(
        ["history", "--csv"]
    )


def test_each_command_is_declared_once_in_the_module_of_its_group() -> None:
    """`COMMANDS` names each command's module; that module declares it, and no other command."""
    from importlib import import_module

    from supple.cli import COMMANDS

    for module in set(COMMANDS.values()):
        declared = import_module(f"supple.cli.{module}").COMMANDS
        assert set(declared) == {name for name, home in COMMANDS.items() if home == module}


def test_a_command_imports_only_its_own_module() -> None:
    """`supple list` loads supple.cli.routines, the shared declaration and the standard streams'
    guard, nothing of the rest."""
    import subprocess
    import sys

    code = (
        "import io, sys, contextlib\n"
        "from supple.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('supple.cli')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.strip()
    expected = "['supple.cli', 'supple.cli.command', 'supple.cli.routines', 'supple.cli.streams']"
    assert loaded == expected, done.stderr
