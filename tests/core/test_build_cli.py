"""`supple build`: the session shown before anything (exercises, doses, total), a refusal with
its reason, unknown words named, `--save` writing one of your routines that `list` and `show`
then read; the bundled quick routines are valid routines within their minutes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supple.cli import main
from supple.core.routine import load_routine
from supple.core.timeline import seconds
from supple.system import paths

ROUTINES = Path(__file__).parents[2] / "routines"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _total(out: str) -> int:
    found = re.search(r"total (\d+):(\d\d)", out)
    assert found, out
    return int(found[1]) * 60 + int(found[2])


def test_build_shows_the_session_within_the_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", "--minutes", "8", "--focus", "lower-back")
    assert code == 0, err
    assert out.startswith("8 minutes: lower back (beginner, ")
    assert 8 * 60 * 0.9 <= _total(out) <= 8 * 60 * 1.1
    rows = [line for line in out.splitlines() if re.match(r"\s+\d+\. ", line)]
    assert len(rows) >= 2
    assert all(re.search(r"(reps|s hold)", row) for row in rows)


def test_the_same_build_twice_is_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "build", "--minutes", "10", "--focus", "lower-back")
    assert first == run(capsys, "build", "--minutes", "10", "--focus", "lower-back")


def test_too_long_for_the_pool_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "build", "--minutes", "45", "--focus", "ankles")
    assert code == 1 and out == ""
    assert "no session:" in err and "add an area or equipment" in err


@pytest.mark.parametrize(
    ("args", "named"),
    [(("--focus", "hipz"), "'hipz' is not an area"), (("--equipment", "rope"), "'rope'")],
)
def test_unknown_words_are_named(
    capsys: pytest.CaptureFixture[str], args: tuple[str, str], named: str
) -> None:
    code, _, err = run(capsys, "build", "--minutes", "10", *args)
    assert code == 2 and named in err


def test_save_writes_one_of_your_routines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "build", "--minutes", "8", "--focus", "lower-back", "--save", "my-eight"
    )
    assert code == 0, err
    path = paths.user_routines_dir() / "my-eight.toml"
    assert f"Saved as {path}" in out
    routine = load_routine(path)
    assert routine.id == "my-eight" and routine.title == "8 minutes: lower back"
    assert abs(seconds(routine, "beginner") - _total(out)) < 1
    # taken now: never over it
    code, _, err = run(
        capsys, "build", "--minutes", "8", "--focus", "lower-back", "--save", "my-eight"
    )
    assert code == 1 and "taken" in err
    code, _, err = run(capsys, "build", "--minutes", "8", "--save", "Not An Id")
    assert code == 1 and "is not an id" in err


@pytest.mark.parametrize(
    ("name", "minutes"),
    [("desk-break", 5), ("morning-wake-up", 10), ("evening-wind-down", 10)],
)
def test_quick_routines_are_valid_and_last_their_minutes(name: str, minutes: int) -> None:
    path = ROUTINES / f"{name}.toml"
    if not path.exists():
        pytest.skip("built once the library has their areas (scripts/build_quick_routines.py)")
    routine = load_routine(path, "bundled")
    assert minutes * 60 * 0.9 <= seconds(routine, "beginner") <= minutes * 60 * 1.1


def test_minutes_outside_5_to_45_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", "--minutes", "3")
    assert code == 1 and out == ""
    assert "a session lasts 5 to 45 minutes, not 3" in err


def test_play_without_a_terminal_shows_the_session_then_says_why_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "build", "--minutes", "6", "--focus", "lower-back", "--play")
    assert code == 2
    assert out.startswith("6 minutes: lower back")
    assert "the app needs a terminal" in err
