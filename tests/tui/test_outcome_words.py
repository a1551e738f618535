"""Words that tell the truth: every word about how a session went reads the one rule.

A session skipped through with `n` once showed "DONE / well done", "Session complete" and, in the
history, "✓ completed 0/3". Generated sessions (each exercise run, cut short or skipped, ended
early or not) go through every place that words an outcome — the player's last frame, the voice
at the end, the summary's and a session's headline, the history row, `supple history`, home's
line, the program's verdict — and each must say what the rule (``core.outcome``) says.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from supple.coach.wording import verdict
from supple.core.clock import FakeClock
from supple.core.cues import Cuer
from supple.core.history import HistoryStore
from supple.core.outcome import Outcome, outcome
from supple.core.recorder import session_record
from supple.core.routine import LEVELS, load_routine
from supple.core.session import Session
from supple.core.words import said
from supple.system import paths
from supple.tui.format import next_up, stage
from supple.tui.screens.history import row_cells
from supple.tui.screens.summary import SummaryScreen
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
STARTED = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
PRAISE = re.compile(r"(?i:well done|complete|\bcounts\b)|✓|\bDONE\b")

# What a person does to each exercise: let it run, cut it short after some seconds, or skip it.
exercise_moves = st.one_of(
    st.just(("run", 0.0)),
    st.tuples(st.just("cut"), st.floats(0.5, 60.0)),
    st.just(("skip", 0.0)),
)


def play(level: str, moves: list[tuple[str, float]], stop: bool) -> Session:
    """``BPR`` at ``level``, each exercise in turn as ``moves`` says; ``stop`` ends it early
    (before the last exercise), else it plays (or skips) to its end."""
    clock = FakeClock(1000.0)
    session = Session(BPR, level, clock)  # type: ignore[arg-type]
    session.start()
    for n, (move, seconds) in enumerate(moves):
        if session.snapshot().done:
            break
        if stop and n == len(moves) - 1:
            session.stop()
            break
        if move == "run":
            index = session.snapshot().exercise_index
            while not session.snapshot().done and session.snapshot().exercise_index == index:
                clock.advance(max(0.1, session.snapshot().segment_left))
        else:
            clock.advance(seconds if move == "cut" else 0.0)
            if not session.snapshot().done:
                session.skip()
    while not session.snapshot().done:  # the rest skipped through to the end
        session.skip()
    return session


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    level=st.sampled_from(LEVELS),
    moves=st.lists(exercise_moves, min_size=len(BPR.exercises), max_size=len(BPR.exercises)),
    stop=st.booleans(),
)
def test_every_word_about_an_outcome_reads_the_rule(
    level: str, moves: list[tuple[str, float]], stop: bool
) -> None:
    session = play(level, moves, stop)
    record = session_record(session, STARTED)
    rule = outcome(record.status, record.work_seconds, record.planned_work_seconds)
    counts = rule is Outcome.COUNTS
    assert record.outcome is rule and record.counts is counts
    words = said(rule)
    # The player's last frame and the voice.
    snap = session.snapshot()
    assert snap.judged is rule
    assert stage(snap) == words.stage and (stage(snap) == "DONE") is counts
    spoken = " ".join(c.text for c in Cuer().update(snap))
    assert ("Well done" in spoken) is counts
    # The summary's and a session's headline (both read ``said(record.outcome).headline``).
    assert bool(PRAISE.search(words.headline)) is counts
    # The history: the status cell, wide and narrow, never marks one that does not count.
    wide, narrow = row_cells(record)[4], row_cells(record, compact=True)[4]
    assert wide == f"{words.mark} {words.label}" and narrow == words.mark
    assert ("✓" in wide) is counts and ("✓" in narrow) is counts
    # The program's verdict, from the coach's facts.
    from supple.coach.views import Judged, Verdict

    facts = {
        Outcome.COUNTS: Verdict(Judged.STREAK),
        Outcome.TOO_LITTLE: Verdict(Judged.TOO_LITTLE),
    }.get(rule, Verdict(Judged.ENDED_EARLY))
    assert ("does not count" in verdict(facts)) is not counts


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    moves=st.lists(exercise_moves, min_size=len(BPR.exercises), max_size=len(BPR.exercises)),
    stop=st.booleans(),
)
def test_supple_history_and_stats_say_what_the_rule_says(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    moves: list[tuple[str, float]],
    stop: bool,
) -> None:
    from supple.cli import main

    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(data))
    record = session_record(play("beginner", moves, stop), STARTED)
    store = HistoryStore(data)
    store.save(record, store.path_for(record.routine, STARTED))
    capsys.readouterr()
    assert main(["history"]) == 0
    line = capsys.readouterr().out
    assert f"  {said(record.outcome).label} " in line
    assert ("counts" in line) is record.counts and "completed" not in line
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    counted = 1 if record.counts else 0
    assert f"In all: {counted} session{'' if counted == 1 else 's'} that count" in out
    assert f"({said(record.outcome).label})" in out  # the last session


async def test_a_session_skipped_through_is_not_praised(data_dir: Path) -> None:
    """The issue's instance: `n` through every exercise reaches the end, and does not count."""
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("check_in_after = false\n")
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # back pain relief, beginner
        await settle(pilot)
        advance(app, 6.0)
        for _ in BPR.exercises:
            await pilot.press("n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        title = str(app.screen.query_one("#title", Static).render())
        assert "Reached the end with less than 50% of the work done" in title
        assert not PRAISE.search(title)
        await settle(pilot)
        verdict_text = str(app.screen.query_one("#verdict", Static).render())
        assert "does not count" in verdict_text
        record = app.screen.record
        assert record.status == "completed" and not record.counts
        assert row_cells(record)[4] == "○ too little done"


def test_the_last_segment_promises_no_praise() -> None:
    session = Session(BPR, "beginner", FakeClock())
    session.start()
    while session.snapshot().next_segment is not None:
        session.next_segment()
    assert next_up(session.snapshot(), "beginner") == "Next: the end"
