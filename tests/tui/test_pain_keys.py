"""The ``!`` key in a session and the next-morning question, in the pilot on a fake clock."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from supple.core.history import HistoryStore
from supple.tui.screens.feeling import FeelingScreen
from supple.tui.screens.hurt import HurtScreen
from supple.tui.screens.player import PlayerScreen
from tests.fakes import make_session_record
from tests.tui.conftest import WALL, advance, build_app


def saved(data_dir: Path) -> dict:  # type: ignore[type-arg]
    (path,) = sorted((data_dir / "sessions").rglob("*.toml"))
    return tomllib.loads(path.read_text())


async def test_this_hurts_marks_eases_and_skips(data_dir: Path) -> None:
    app = build_app(data_dir, start=("lower-back-mobility", "intermediate"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        advance(app, 12.0)  # into the first exercise's work
        await pilot.pause()
        planned = {e.id: e.planned_seconds for e in app.screen.live.session.records()}
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, HurtScreen)
        assert app.screen_stack[-2].live.session.state == "paused"
        await pilot.press("6", "e")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        live = app.screen.live
        first = live.routine.exercises[0].id
        eased = {e.id: e.planned_seconds for e in live.session.records()}
        assert eased[first] < planned[first]
        await pilot.press("exclamation_mark", "t", "s")  # 10, skip it
        await pilot.pause()
        assert live.session.snapshot().exercise_index == 1
        await pilot.press("exclamation_mark", "escape")  # no mark
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
    record = saved(data_dir)
    assert [(m["rating"], m["action"], m["step"]) for m in record["pain_mark"]] == [
        (6, "eased", 0),
        (10, "skipped", 0),
    ]
    assert record["exercise"][0]["planned_seconds"] == eased[first]


async def test_the_morning_question_is_asked_once(data_dir: Path) -> None:
    store = HistoryStore(data_dir)
    yesterday = make_session_record(WALL - timedelta(days=1))
    path = store.path_for(yesterday.routine, yesterday.started)
    store.save(yesterday, path)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FeelingScreen)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FeelingScreen)
    data = tomllib.loads(path.read_text())
    assert data["morning_pain"] == 2 and "morning_at" in data
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, FeelingScreen)


async def test_easing_shows_the_eased_plan_on_the_counter_and_the_list(data_dir: Path) -> None:
    app = build_app(data_dir, start=("lower-back-mobility", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        advance(app, 12.0)  # into the first exercise's reps
        await pilot.pause()
        live = app.screen.live
        first = live.routine.exercises[0]
        dose = first.levels["beginner"]
        before = str(app.screen.query_one("#exercises").render())
        assert first.describe("beginner") in before
        await pilot.press("exclamation_mark", "7", "e")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        seg = live.session.snapshot().segment
        assert seg is not None and seg.reps is not None and seg.reps < (dose.reps or 0)
        counters = str(app.screen.query_one("#counters").render())
        assert f"/{seg.reps}" in counters and f"/{dose.reps}" not in counters
        shown = str(app.screen.query_one("#exercises").render()).splitlines()
        line = shown[next(n for n, t in enumerate(shown) if first.name in t) + 1]
        assert line.strip() == f"{seg.reps} reps"  # the eased dose, not the routine's


async def test_in_a_rest_the_dialog_offers_only_what_can_be_taken(data_dir: Path) -> None:
    """The class: whatever phase `!` is pressed in, the dialog offers exactly the session's
    ``mark_choices`` (in the rest after an exercise nothing of it is left to ease or skip),
    and a key for an action not offered does nothing."""
    app = build_app(data_dir, start=("lower-back-mobility", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        live = app.screen.live
        for _ in range(600):  # on to the rest after the first exercise, a second at a time
            seg = live.session.snapshot().segment
            if seg is not None and seg.between_exercises and seg.exercise_index == 0:
                break
            advance(app, 1.0)
            await pilot.pause()
        else:
            raise AssertionError("no rest after the first exercise")
        assert live.mark_choices() == ("none",)
        await pilot.press("exclamation_mark", "7")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HurtScreen)
        keys = str(dialog.query_one("#keys").render())
        detail = str(dialog.query_one("#detail").render())
        assert "carry on" in keys and "ease" not in keys and "skip" not in keys
        assert "ease or skip" not in detail and "skip it" not in detail
        await pilot.press("e", "s")
        await pilot.pause()
        assert app.screen is dialog  # neither offered: nothing happens
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("q", "y")
        await pilot.pause()
    record = saved(data_dir)
    assert [(m["rating"], m["action"]) for m in record["pain_mark"]] == [(7, "none")]
