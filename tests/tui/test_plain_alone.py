"""Review fixes (issues 26 and 27): every way into a session honours plain mode the same way;
plain mode says each exercise's safety line and counts in words; one exercise played alone
takes easier/harder, its totals agree with its table, and it is practice: kept, never counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach.coach import Coach
from supple.coach.live import LiveSession
from supple.core.config import Config, save_config
from supple.core.library import ALONE
from supple.core.outcome import Outcome
from supple.core.plain import noise
from supple.core.routine import Routine
from supple.system import paths
from tests.tui.test_plain import in_order, no_fsync, play

__all__ = ["no_fsync"]  # the fixture, autouse here too

ALONE_HOLD = f"{ALONE}standing-forward-fold"  # a hold with a safety line


# -- one decision point for plain mode ----------------------------------------------------------

WAYS = {
    "play ROUTINE": ["play", "back-pain-relief"],
    "play --exercise": ["play", "--exercise", "sphinx"],
    "play --resume": ["play", "--resume"],
    "build --play": ["build", "--minutes", "5", "--focus", "neck", "--play"],
}
CHOOSERS = ("--plain", "SUPPLE_PLAIN", "TERM=dumb", "setting")


@pytest.mark.parametrize("chooser", CHOOSERS)
@pytest.mark.parametrize("way", list(WAYS))
def test_every_way_into_a_session_plays_in_plain_mode_when_chosen(
    way: str,
    chooser: str,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The class: each way in (play ROUTINE, --exercise, --resume, build --play) by each
    chooser (the flag, SUPPLE_PLAIN, TERM=dumb, the setting) plays in lines, never the app."""
    from supple.cli import main

    if way == "play --resume":  # a stopped session to resume
        play(data_dir, [(20, "q"), (20, "y")])
    played: list[tuple[Routine | str, Any]] = []

    def run_plain(coach: Coach, routine: Routine | str, level: str, *rest: Any) -> int:
        played.append((routine, rest[0] if rest else None))
        return 0

    def run_app(*args: Any, **kwargs: Any) -> int:
        raise AssertionError("the full-screen app opened in plain mode")

    monkeypatch.setattr("supple.cli.plain_terminal.run_plain", run_plain)
    monkeypatch.setattr("supple.tui.app.run_app", run_app)
    monkeypatch.delenv("SUPPLE_PLAIN", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    argv = list(WAYS[way])
    match chooser:
        case "--plain":
            argv.append("--plain")
        case "SUPPLE_PLAIN":
            monkeypatch.setenv("SUPPLE_PLAIN", "1")
        case "TERM=dumb":
            monkeypatch.setenv("TERM", "dumb")
        case "setting":
            save_config(Config(plain=True), paths.config_file())
    assert main(argv) == 0, capsys.readouterr().err
    ((routine, resumed),) = played
    match way:
        case "play ROUTINE":
            assert routine == "back-pain-relief"
        case "play --exercise":
            assert routine == f"{ALONE}sphinx"
        case "play --resume":
            assert routine == "back-pain-relief" and resumed is not None
        case "build --play":
            assert isinstance(routine, Routine) and routine.exercises


# -- plain mode's words -------------------------------------------------------------------------


def test_plain_mode_says_the_safety_line_after_the_steps_in_words(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [], routine=ALONE_HOLD)
    exercise = live.routine.exercises[0]
    assert exercise.safety
    steps = [f"Step {n}: {step}" for n, step in enumerate(exercise.how, 1)]
    in_order(lines, [f"Exercise 1 of 1: {exercise.name}.", *steps, f"Safety: {exercise.safety}"])
    assert not any("⚠" in line for line in lines)
    assert f"{exercise.name}, beginner: 1 exercise, " in lines[0]  # not "1 exercises"


# -- one exercise alone -------------------------------------------------------------------------


def test_one_exercise_alone_is_practice_kept_but_never_counted(data_dir: Path) -> None:
    """Recorded and in the history, said as practice; the week, streaks and program skip it."""
    for _ in range(3):
        lines, live, coach = play(data_dir, [], routine=ALONE_HOLD)
    record = live.recorder.record()
    assert record.status == "completed" and record.outcome is Outcome.PRACTICE
    assert not record.counts and live.session.snapshot().judged is Outcome.PRACTICE
    assert "Practice complete." in lines
    assert any("does not count toward streaks, the week or the program" in x for x in lines)
    history = coach.journal.history().records
    assert len(history) == 3 and not any(r.counts for r in history)
    from supple.core.stats import compute

    assert compute(history, coach.now().date()).counted == 0
    # a routine of one exercise counts as ever: only one exercise played alone is practice
    _, other, _ = play(data_dir / "b", [])
    assert other.recorder.record().counts


def test_the_totals_agree_with_the_table(data_dir: Path) -> None:
    """The summary's "of … planned" is the work the table's rows add up to (get-ready apart)."""
    from supple.cli.plain_summary import summary_lines
    from supple.core.words import minutes

    _, live, coach = play(data_dir, [], routine=ALONE_HOLD)
    record = live.recorder.record()
    (entry,) = record.exercises
    totals = summary_lines(coach, live)[1]
    work = f"Work {minutes(entry.seconds)} of {minutes(entry.planned_seconds)} planned"
    assert totals.startswith(work), totals
    assert f"{minutes(record.active_seconds)} in all with get-ready and rests" in totals


@settings(max_examples=6, deadline=None)
@given(change=st.sampled_from([-1, 1]), level=st.sampled_from(["beginner", "advanced"]))
def test_easier_or_harder_applies_to_the_exercise_played_alone(
    tmp_path_factory: pytest.TempPathFactory, change: int, level: str
) -> None:
    """The step is kept for that one-exercise routine (``exercise-<id>``), the next time it is
    played alone plays it, and the routines that use the exercise are left as they are."""
    data_dir = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPLE_CONFIG_DIR", str(data_dir / "config"))
        patch.setenv("SUPPLE_DATA_DIR", str(data_dir))
        coach = Coach.from_environment()
        catalog = coach.catalog
        exercise_id = ALONE_HOLD.removeprefix(ALONE)
        before = catalog.find(ALONE_HOLD).exercises[0].describe(level)  # type: ignore[arg-type]
        changes = catalog.changes(ALONE_HOLD, exercise_id, level, change)  # type: ignore[arg-type]
        _, error = coach.adjust(ALONE_HOLD, exercise_id, change)
        assert error is None
        after = coach.catalog.find(ALONE_HOLD).exercises[0].describe(level)  # type: ignore[arg-type]
        stepped = coach.catalog.stepped(ALONE_HOLD, exercise_id, level)  # type: ignore[arg-type]
        if changes:
            assert after != before and stepped is not None and stepped.now == after
        else:  # at the ladder's end: said so before, nothing moved
            assert after == before and stepped is None
        live: LiveSession = coach.start(ALONE_HOLD, level)  # type: ignore[arg-type]
        assert live.routine.exercises[0].describe(level) == after  # type: ignore[arg-type]


def test_plain_summary_easier_is_said_and_kept_for_the_exercise_alone(data_dir: Path) -> None:
    typed = [(200, t) for t in ("", "", "1-", "")]  # no check-in, no note, easier
    lines, live, coach = play(data_dir, typed, routine=ALONE_HOLD)
    name = live.routine.exercises[0].name
    said = next(line for line in lines if line.startswith(f"{name}: "))
    assert said.startswith(f"{name}: easier: ") and "as it was" not in said
    text = "\n".join(lines)
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in text)
