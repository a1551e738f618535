"""supple(1): generated from the one parser, up to date in man/supple.1, rendered by `man -l`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supple.cli import COMMANDS
from supple.cli.manpage import manual, roff

PAGE = Path(__file__).resolve().parents[1] / "man" / "supple.1"


def test_the_shipped_page_is_the_generated_one() -> None:
    assert PAGE.read_text(encoding="utf-8") == manual(), "run scripts/manpage.py"


def test_man_renders_every_command_without_a_warning() -> None:
    if shutil.which("man") is None:
        pytest.skip("man is not installed")
    env = {**os.environ, "MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "LC_ALL": "C.UTF-8"}
    done = subprocess.run(
        ["man", "--warnings", "-l", str(PAGE)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    text = done.stdout
    assert text.startswith("SUPPLE(1)")
    for name in COMMANDS:
        assert f"supple {name}" in text
    assert "--level {beginner,intermediate,advanced}" in text
    assert "--ids" not in text  # the completion scripts' helper stays hidden


@given(st.text(max_size=40))
def test_no_text_becomes_a_roff_request(text: str) -> None:
    escaped = roff(text)
    for line in escaped.splitlines():
        assert not line.startswith((".", "'"))
    assert "-" not in escaped.replace("\\-", "")


def test_every_synopsis_line_fits_80_columns_as_rendered() -> None:
    from supple.cli import build_parser
    from supple.cli.manpage import _commands, _usage_lines

    for _name, _help, sub in _commands(build_parser()):
        assert all(7 + len(line) <= 80 for line in _usage_lines(sub))
