"""The coach layer without a screen: the effective catalog and the live session's frames."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supple.coach.catalog import EffectiveCatalog
from supple.coach.coach import Coach
from supple.coach.live import FRAME
from supple.core.clock import FakeClock
from supple.core.config import Config, parse_setting
from supple.core.routine import Level, Routine, load_catalog
from supple.system import paths
from supple.system.speech import Speaker
from tests.fakes import copy_routine

REPO = Path(__file__).resolve().parents[2]
WALL = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def test_a_users_routine_replaces_the_bundled_one_with_its_id() -> None:
    copy_routine("back-pain-relief", "My gentle version")
    catalog = EffectiveCatalog(load_catalog(paths.routine_folders()), Config())
    matching = [r for r in catalog.routines if r.id == "back-pain-relief"]
    assert [r.title for r in matching] == ["My gentle version"]
    assert catalog.find("back-pain-relief").source == "user"
    assert not catalog.errors


def test_two_user_files_with_one_id_both_reported_first_by_name_wins() -> None:
    first = copy_routine("back-pain-relief", "First", "a-mine.toml")
    second = copy_routine("back-pain-relief", "Second", "b-mine.toml")
    catalog = EffectiveCatalog(load_catalog(paths.routine_folders()), Config())
    assert catalog.find("back-pain-relief").title == "First"
    [error] = catalog.errors
    assert error.path == second
    assert f"also in {first.name}" in str(error)


def test_a_routines_length_is_totalled_once_per_level_and_is_its_plans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`supple program` asks the length of each workout's routine many times: walked once."""
    from supple.coach import catalog as catalog_module
    from supple.core.routine import LEVELS

    walked: list[tuple[str, str]] = []
    real = catalog_module.seconds

    def counted(routine: Routine, level: Level) -> float:
        walked.append((routine.id, level))
        return real(routine, level)

    monkeypatch.setattr(catalog_module, "seconds", counted)
    catalog = EffectiveCatalog(load_catalog(paths.routine_folders()), Config())
    for _ in range(3):
        totals = {r.id: catalog.seconds_per_level(r) for r in catalog.routines}
    assert sorted(walked) == sorted({(r.id, level) for r in catalog.routines for level in LEVELS})
    for routine in catalog.routines:
        for level in LEVELS:
            assert totals[routine.id][level] == catalog.plan(routine, level).seconds


def test_settings_are_applied_once_to_every_plan() -> None:
    raw = load_catalog(paths.routine_folders())
    plain = EffectiveCatalog(raw, Config())
    slow = EffectiveCatalog(raw, Config(get_ready=60, rest_between_exercises=0))
    assert plain.seconds("back-pain-relief", "beginner") == 95
    segments = slow.plan("back-pain-relief", "beginner").segments
    assert [s.seconds for s in segments if s.kind == "get_ready"] == [60, 60, 60]
    assert not [s for s in segments if s.kind == "rest" and s.set is None]
    assert slow.seconds("back-pain-relief", "beginner") == 95 + 3 * 55 - 2 * 10


def test_level_comes_from_the_argument_then_the_settings_then_beginner() -> None:
    raw = load_catalog(paths.routine_folders())
    assert EffectiveCatalog(raw, Config(level="advanced")).level_for(None) == "advanced"
    assert EffectiveCatalog(raw, Config(level="advanced")).level_for("intermediate") == (
        "intermediate"
    )
    assert EffectiveCatalog(raw, Config()).level_for(None) == "beginner"


def test_the_settings_screen_checks_values_as_the_loader_does() -> None:
    assert parse_setting("get_ready", "12") == (12, None)
    assert parse_setting("get_ready", "") == (None, None)
    value, problem = parse_setting("get_ready", "61")
    assert value is None and problem is not None and "expected 0 to 60 s" in problem
    value, problem = parse_setting("voice", "loud")
    assert value == "transitions" and problem is not None and "unknown value 'loud'" in problem


def make_coach(data_dir: Path, clock: FakeClock) -> Coach:
    return Coach.from_environment(
        clock=clock, now=lambda: WALL, data_dir=data_dir, speaker=Speaker(None)
    )


def test_frames_ask_for_ten_a_second_only_while_the_pacer_moves(data_dir: Path) -> None:
    clock = FakeClock(100.0)
    live = make_coach(data_dir, clock).start("back-pain-relief", "beginner")
    live.open()
    frame = live.frame()  # a get-ready: one frame at the next whole second's edge
    assert frame.snap.segment is not None and frame.snap.segment.kind == "get_ready"
    assert frame.interval is None and frame.wake_in is not None
    assert abs(frame.wake_in - 1.0) < 0.01
    clock.advance(0.4)
    assert abs((live.frame().wake_in or 0) - 0.6) < 0.01  # exactly at the edge, not a frame late
    clock.advance(5.6)  # Cat-Cow: the pacer moves
    frame = live.frame()
    assert frame.snap.segment is not None and frame.snap.segment.kind == "rep"
    assert frame.interval == FRAME
    live.toggle_pause()
    frame = live.frame()
    assert frame.interval is None and frame.wake_in is None  # paused: no timer at all
    live.toggle_pause()
    assert live.frame().interval == FRAME  # the 3-2-1 count-in moves


def test_a_sped_up_clock_asks_for_real_seconds(data_dir: Path) -> None:
    class Fast(FakeClock):
        def real_seconds(self, seconds: float) -> float:
            return seconds / 20

    live = make_coach(data_dir, Fast(0.0)).start("back-pain-relief", "beginner")
    live.open()
    assert abs((live.frame().wake_in or 0) - 1.0 / 20) < 0.01


def test_the_last_frame_finishes_and_saves_once(data_dir: Path) -> None:
    clock = FakeClock(0.0)
    coach = make_coach(data_dir, clock)
    live = coach.start("back-pain-relief", "beginner")
    live.open()
    clock.advance(95.0)
    last = live.frame()
    assert last.finished and last.snap.outcome == "completed" and live.saved
    assert not live.frame().finished  # said once
    assert coach.end_all() == []  # nothing left to save on exit


def test_the_coach_and_tui_layers_keep_to_their_imports() -> None:
    """supple.coach imports no Textual; no screen or widget imports the App module."""
    code = (
        "import sys, supple.coach.coach, supple.coach.live, supple.coach.catalog;"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    tui = REPO / "src" / "supple" / "tui"
    offenders = [
        str(path.relative_to(tui))
        for path in [*tui.glob("screens/*.py"), *tui.glob("widgets/*.py"), tui / "commands.py"]
        if "supple.tui.app" in path.read_text()
    ]
    assert offenders == []


def test_a_stop_of_the_process_is_a_pause_from_the_last_frame(data_dir: Path) -> None:
    clock = FakeClock(0.0)
    live = make_coach(data_dir, clock).start("back-pain-relief", "beginner")
    live.open()
    clock.advance(7.0)
    before = live.frame().snap  # the last frame drawn before a `kill -STOP`
    clock.advance(30.0)  # stopped for 30 s: no frame, the clock goes on
    assert live.continued()  # SIGCONT
    after = live.frame().snap
    assert after.state == "paused"
    assert after.elapsed == before.elapsed and after.segment_index == before.segment_index
    records = live.session.records()
    assert records[0].status == "partial" and records[1].status == "skipped"  # nothing jumped
    assert live.session.paused_seconds() >= 30.0
    assert not live.continued()  # already paused: nothing to do


def test_a_frame_due_before_the_continue_callback_still_takes_the_stop_as_a_pause(
    data_dir: Path,
) -> None:
    """After SIGCONT the loop may run an overdue frame before the handler's callback: the
    handler marks the session stopped at once, so that frame pauses first."""
    clock = FakeClock(0.0)
    live = make_coach(data_dir, clock).start("back-pain-relief", "beginner")
    live.open()
    clock.advance(7.0)
    before = live.frame().snap
    clock.advance(60.0)  # stopped for 60 s
    live.stopped = True  # what the SIGCONT handler does, at once
    after = live.frame().snap  # the overdue frame, before the callback
    assert after.state == "paused" and after.elapsed == before.elapsed
    assert not live.continued()  # the callback then: already a pause


def test_a_slow_frame_is_not_a_stop(data_dir: Path) -> None:
    clock = FakeClock(0.0)
    live = make_coach(data_dir, clock).start("back-pain-relief", "beginner")
    live.open()
    clock.advance(40.0)  # a stalled event loop: the session caught up, exactly
    assert live.frame().snap.segment_index > 0 and live.session.state == "running"


def test_each_frame_carries_the_figure_with_the_breath(data_dir: Path) -> None:
    """The figure is the coach's to work out, like the cues: the screen only draws it."""
    from supple.core.motion import STEPS

    clock = FakeClock(100.0)
    live = make_coach(data_dir, clock).start("back-pain-relief", "beginner")
    live.open()
    frame = live.frame()  # the get-ready: Cat-Cow's ready position, the flat back
    assert frame.figure is not None and frame.figure.figure.name == "cat-cow"
    assert frame.figure.fraction == frame.figure.figure.ready == 0.5
    fractions = []
    for _ in range(110):  # the get-ready (5 s), then the first rep (6 s), ten frames a second
        clock.advance(0.1)
        frame = live.frame()
        if frame.snap.segment is not None and frame.snap.segment.kind == "rep":
            assert frame.figure is not None and frame.snap.breath is not None
            assert abs(frame.figure.fraction - frame.snap.breath.fill) <= 0.5 / STEPS
            fractions.append(frame.figure.fraction)
    assert max(fractions) == 1.0 and min(fractions) <= 1 / STEPS  # cow, then cat
    live.toggle_pause()
    assert live.frame().figure == frame.figure  # paused: the figure holds still
