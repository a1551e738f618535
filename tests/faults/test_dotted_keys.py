"""Keys and table names of many parts (issue 24, R2 item 3): tomllib is quadratic in the parts
of one key, so every TOML file supple reads is refused as "too deeply nested" before tomllib
sees it, whatever the key's spelling (bare, quoted, spaced, a header, an array of tables, an
inline table), for every kind of file, and quickly."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.config import load_config
from supple.core.history import BadRecord, read_toml_file
from supple.core.imports import read_import
from supple.core.imports.base import ImportProblem
from supple.core.program import load_program
from supple.core.remembered import Remembered, load_remembered
from supple.core.routine import RoutineError, load_routine
from supple.core.toml_keys import MAX_PARTS, too_many_parts
from supple.core.tomlcheck import MAX_DEPTH, FileProblems
from supple.system.reminders import load_settings

SECONDS = 2.0  # CPU time one refusal may take; the attack took minutes


def _key(parts: int, spelling: str) -> str:
    match spelling:
        case "bare":
            return ".".join(["a"] * parts)
        case "quoted":
            return ".".join(['"a.b"'] * parts)  # a dot inside quotes is no part
        case "literal":
            return ".".join(["'a'"] * parts)
        case _:
            return " . ".join(["a"] * parts)


def _document(parts: int, spelling: str, place: str) -> str:
    key = _key(parts, spelling)
    body = {
        "key": f"{key} = 1\n",
        "header": f"[{key}]\nx = 1\n",
        "array": f"[[{key}]]\nx = 1\n",
        "inline": f"x = {{ y = 1, {key} = 2 }}\n",
        "in array": f"x = [{{ {key} = 1 }}]\n",
    }[place]
    return f'schema = 1\nid = "x"\n# a comment. with. dots.\ntitle = "a.b.c"\n{body}'


SPELLINGS = st.sampled_from(["bare", "quoted", "literal", "spaced"])
PLACES = st.sampled_from(["key", "header", "array", "inline", "in array"])


def _reads(kind: str, tmp_path: Path) -> tuple[Path, Callable[[Path], object]]:
    """Where a file of ``kind`` lives and the reader that must refuse it (or, for the files
    whose problems are forgotten or said, treat it as unreadable)."""

    def routine(path: Path) -> object:
        with pytest.raises(RoutineError, match="too deeply nested"):
            load_routine(path)
        return None

    def session(path: Path) -> object:
        with pytest.raises(BadRecord, match="too deeply nested"):
            read_toml_file(path)
        return None

    def config(path: Path) -> object:
        _, problems = load_config(path)
        assert any("too deeply nested" in p.message for p in problems)
        return None

    def program(path: Path) -> object:
        with pytest.raises(FileProblems, match="too deeply nested"):
            load_program(path, None)
        return None

    def remind(path: Path) -> object:
        settings_, problem = load_settings(path)
        assert problem is not None and "too deeply nested" in problem
        assert not settings_.on
        return None

    def remembered(path: Path) -> object:
        assert load_remembered(path) == Remembered()
        return None

    def imported(path: Path) -> object:
        with pytest.raises(ImportProblem, match="too deeply nested"):
            read_import(path)
        return None

    return {
        "routine": (tmp_path / "routines" / "x.toml", routine),
        "session": (tmp_path / "sessions" / "20261201T080000-x-abcdef.toml", session),
        "config": (tmp_path / "config.toml", config),
        "program": (tmp_path / "programs" / "x.toml", program),
        "remind": (tmp_path / "remind.toml", remind),
        "remembered": (tmp_path / "state.toml", remembered),
        "import": (tmp_path / "shared.toml", imported),
    }[kind]


KINDS = ["routine", "session", "config", "program", "remind", "remembered", "import"]


def test_the_cap_is_the_depth() -> None:
    assert MAX_PARTS == MAX_DEPTH


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=12, deadline=None)
@given(
    parts=st.integers(MAX_DEPTH + 1, 30_000), spelling=SPELLINGS, place=PLACES, size=st.booleans()
)
def test_every_file_kind_refuses_many_parts_quickly(
    kind: str,
    tmp_path_factory: pytest.TempPathFactory,
    parts: int,
    spelling: str,
    place: str,
    size: bool,
) -> None:
    tmp_path = tmp_path_factory.mktemp(kind)
    path, refuses = _reads(kind, tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _document(parts, spelling, place)
    if kind == "import":
        text = text.replace("schema = 1", "schema = 1\n[[exercise]]\nid = 'y'\n", 1)
    limit = 4096 if kind == "remembered" else 60_000
    if len(text.encode()) > limit:
        text = _document(MAX_DEPTH + 1 + (parts % 50), spelling, place)
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    refuses(path)
    assert time.process_time() - started < SECONDS


def test_the_attack_as_reported_is_refused_in_a_moment(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('schema = 1\nid = "x"\n[' + ".".join(["a"] * 120_000) + "]\nx=1\n")
    started = time.process_time()
    with pytest.raises(RoutineError, match="too deeply nested"):
        load_routine(path)
    assert time.process_time() - started < SECONDS


@settings(max_examples=60, deadline=None)
@given(
    parts=st.integers(1, MAX_DEPTH),
    spelling=SPELLINGS,
    place=PLACES,
    dots=st.integers(0, 200),
)
def test_keys_up_to_the_cap_and_dots_elsewhere_pass_the_scan(
    parts: int, spelling: str, place: str, dots: int
) -> None:
    """Dots in text, comments, floats, times and multi-line strings are never parts."""
    extra = (
        f"note = \"{'.' * dots}\"\nlit = '{'.' * dots}'\n# {'.' * dots}\n"
        f"ml = \"\"\"\n{'a.' * dots}\"\"\"\nml2 = '''{'.' * dots}'''\n"
        f"floats = [{', '.join(['1.5'] * dots)}]\nwhen = 1979-05-27T07:32:00.999\n"
    )
    text = extra + _document(parts, spelling, place)
    assert not too_many_parts(text)
    assert too_many_parts(extra + _document(parts + MAX_DEPTH, spelling, place))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a.\"'#=[]{},\n \\")), max_size=300))
def test_the_scan_answers_any_text_in_linear_time(text: str) -> None:
    """Any text, unclosed strings too: an answer, and a text a thousand times as long takes
    no more than linear time (no string opened again and again to the end)."""
    started = time.process_time()
    too_many_parts(text * 1000)
    assert time.process_time() - started < SECONDS
