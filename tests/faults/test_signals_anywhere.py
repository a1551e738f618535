"""Issue 24, class 6: every catchable signal ends the app cleanly at any moment: the session
saved as stopped, never a crash (a terminal closed just as the after-session check-in opened
once crashed the check-in's mount and left the record `in_progress`).

In-process: a scripted walk across every screen change (home ↔ history ↔ program, help, a
session started, the jump list, a pause, the end dialog, the session's end, the check-in, the
summary, home again); Hypothesis picks the step at which the app's signal path (what each signal
of ``ENDING_SIGNALS`` runs) is taken, and whether the step had time to settle first."""

from __future__ import annotations

import asyncio
import signal
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.system.signals import ENDING_SIGNALS, signal_name
from supple.tui.internals import app_exception
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

pytestmark = pytest.mark.faults

# Each step a key and what it changes; a session of back-pain-relief ends by `q`, `y`.
WALK = [
    "h",  # home → history
    "escape",  # → home
    "p",  # → program
    "escape",
    "question_mark",  # help opens
    "escape",  # and closes
    "enter",  # a session starts
    "j",  # the jump list opens
    "escape",
    "space",  # pause
    "space",  # resume
    "q",  # the end dialog opens
    "y",  # the session ends: the check-in opens (the moment of the crash once)
    "escape",  # the check-in closes: the summary
    "escape",  # → home
]


def test_the_table_holds_every_catchable_ending_signal() -> None:
    names = {signal_name(s) for s in ENDING_SIGNALS}
    wanted = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGALRM"}
    assert {n for n in wanted if hasattr(signal, n)} <= names


async def walk_then_exit(data_dir: Path, at: int, settled: bool) -> str:
    """Walk ``at`` steps, take the signal path; the name of the screen it was taken on."""
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in WALK[:at]:
            await pilot.press(key)
            advance(app, 1.0)
        if settled:
            await settle(pilot)
        seen = type(app.screen).__name__
        app.save_and_exit()  # what each signal of ENDING_SIGNALS runs
    assert app_exception(app) is None, (at, settled, app_exception(app))
    assert app.return_code == 0
    records = [tomllib.loads(p.read_text()) for p in (data_dir / "sessions").rglob("*.toml")]
    assert all(r["status"] != "in_progress" for r in records), (at, records)
    if at > WALK.index("enter") and at <= WALK.index("y"):
        (record,) = records
        assert record["status"] == "stopped", (at, record["status"])
    return seen


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.integers(0, len(WALK)), st.booleans())
def test_a_signal_at_any_step_ends_cleanly(data_dir: Path, at: int, settled: bool) -> None:
    for path in (data_dir / "sessions").rglob("*.toml"):
        path.unlink()  # each example on its own history
    asyncio.run(walk_then_exit(data_dir, at, settled))


async def test_a_signal_as_the_check_in_opens(data_dir: Path) -> None:
    """The instance of the issue: the terminal closed just as the check-in opened."""
    seen = await walk_then_exit(data_dir, WALK.index("y") + 1, settled=False)
    assert seen == "FeelingScreen"
