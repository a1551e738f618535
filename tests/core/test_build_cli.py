"""`supple build`: the session shown before anything (exercises, doses, total), a refusal with
its reason, unknown words named, `--save` writing one of your routines that `list` and `show`
then read; an exercise marked "not for me" never built; the bundled quick routines play whole
within their minutes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.library import Area, Equipment, load_library
from supple.core.routine import LEVELS, load_routine
from supple.core.session import Session
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
    assert "`supple play my-eight --level beginner`" in out  # the level it was built at
    # one session: the minutes its title names at every level, as shown
    for level in LEVELS:
        assert abs(seconds(routine, level) - _total(out)) < 1
    # taken now: never over it
    code, _, err = run(
        capsys, "build", "--minutes", "8", "--focus", "lower-back", "--save", "my-eight"
    )
    assert code == 1 and "taken" in err
    code, _, err = run(capsys, "build", "--minutes", "8", "--save", "Not An Id")
    assert code == 1 and "is not an id" in err


QUICK = {"desk-break": 5, "morning-wake-up": 10, "evening-wind-down": 10}


@pytest.mark.parametrize(("name", "minutes"), QUICK.items())
def test_quick_routines_play_whole_within_their_minutes(name: str, minutes: int) -> None:
    """Each quick routine is a bundled routine (`supple list` shows it) that plays from start to
    end on the fake clock, every exercise done, within 10 % of its minutes at beginner."""
    routine = Coach.from_environment().catalog.find(name)
    assert routine.source == "bundled"
    assert minutes * 60 * 0.9 <= seconds(routine, "beginner") <= minutes * 60 * 1.1
    clock = FakeClock(1000.0)
    session = Session(routine, "beginner", clock)
    session.start()
    while not session.snapshot().done:
        clock.advance(0.7)
    assert session.outcome == "completed"
    assert session.active_seconds() == pytest.approx(seconds(routine, "beginner"), abs=1e-6)
    assert [r.status for r in session.records()] == ["done"] * len(routine.exercises)
    library = load_library(paths.bundled_library_dir())
    assert all(e.id in library.ids() for e in routine.exercises)  # each used from the library


@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_an_exercise_marked_not_for_me_is_never_built(data: st.DataObject) -> None:
    """Marked with `supple exercises --not-for-me`, an exercise never comes in `supple build`,
    whatever the focus, minutes and marks; unmarked (`--for-me`), it may come again."""
    library = load_library(paths.bundled_library_dir())
    area = data.draw(st.sampled_from([a.value for a in Area]), "area")
    minutes = data.draw(st.integers(5, 15), "minutes")
    build = [
        "build",
        "--minutes",
        str(minutes),
        "--focus",
        area,
        "--equipment",
        ",".join(Equipment),
    ]
    code, before, _ = run_quiet(*build)
    ids = {e.exercise.name: e.id for e in library.exercises}
    chosen = sorted(ids[name] for name in _rows(before))  # [] when it was refused
    here = sorted({e.id for e in library.in_area(Area(area))} | set(chosen))
    marked = data.draw(st.lists(st.sampled_from(here), unique=True, max_size=4), "marked")
    if chosen and not set(marked) & set(chosen):  # one the session chose, so the mark must move it
        marked.append(data.draw(st.sampled_from(chosen), "one it chose"))
    for exercise_id in marked:
        assert run_quiet("exercises", "--not-for-me", exercise_id)[0] == 0
    code, out, err = run_quiet(*build)
    assert code in (0, 1), err
    assert code == 1 or _rows(out)
    assert not {ids[name] for name in _rows(out)} & set(marked)
    for exercise_id in marked:
        assert run_quiet("exercises", "--for-me", exercise_id)[0] == 0
    assert run_quiet(*build)[1] == before  # the marks undone, the same session as before


def run_quiet(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _rows(out: str) -> set[str]:
    """The exercise names of a shown session."""
    return {m[1].strip() for m in re.finditer(r"^\s+\d+\. (.+?)  ", out, re.MULTILINE)}


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
