"""Pilot tests: a person's whole path through home, player and summary, with a fake clock."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import OptionList, Static

from supple.core.value import replace
from supple.tui.screens.base import TooSmall
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.feeling import FeelingScreen
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.summary import SummaryScreen
from supple.tui.widgets.bigtext import BigText
from tests.tui.conftest import advance, bells, build_app


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


def saved_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "sessions").rglob("*.toml"))


async def test_home_lists_routines_changes_level_and_starts(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Back pain relief" in text(app, "#preview-text")
        assert "1 min 35 s" in text(app, "#preview-text")
        routines = app.screen.query_one(OptionList)
        while (
            routines.highlighted_option and routines.highlighted_option.id != "lower-back-mobility"
        ):
            await pilot.press("down")  # past the routines between them, in the order shown
        assert "Lower back mobility" in text(app, "#preview-text")
        await pilot.press("right")
        preview = text(app, "#preview-text")
        assert "intermediate" in preview and "Cat-Cow — 8 reps × 2 sets" in preview
        assert "Knee-to-Chest — 30 s hold each side" in preview
        await pilot.press("3")
        assert "Cat-Cow — 10 reps × 3 sets" in text(app, "#preview-text")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.live.session.routine.id == "lower-back-mobility"
        assert app.screen.live.session.level == "advanced"


async def test_a_session_by_keys_pause_skip_back_quit_and_save(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        assert text(app, "#stage") == "GET READY"
        assert player.query_one("#timer", BigText).text == "0:05"

        advance(app, 2.5)  # 3-2-1 begins, one bell per number
        assert player.query_one("#timer", BigText).text == "0:03"
        cues = bells(app)
        advance(app, 1.0)
        advance(app, 1.0)
        assert bells(app) == cues + 2

        advance(app, 0.5)  # 5 s: the first Cat-Cow rep, breathing in
        assert text(app, "#stage") == "REPS"
        assert "Rep 1/5" in text(app, "#counters")
        assert text(app, "#pacer #cue").startswith("Inhale — cow")
        advance(app, 2.9)
        assert text(app, "#pacer #cue").startswith("Inhale — cow")
        advance(app, 0.2)  # 3.1 s into the rep: the cue flips
        assert text(app, "#pacer #cue").startswith("Exhale — cat")

        await pilot.press("space")
        assert text(app, "#stage") == "PAUSED"
        frozen = player.query_one("#timer", BigText).text
        advance(app, 60.0)
        assert player.query_one("#timer", BigText).text == frozen
        assert "press space to resume" in text(app, "#next")

        await pilot.press("space")
        advance(app, 1.0)
        assert text(app, "#stage") == "RESUMING IN 2"
        advance(app, 2.0)
        assert text(app, "#stage") == "REPS"

        await pilot.press("n")  # skip to Sphinx
        assert text(app, "#exercise-name") == "Sphinx" and text(app, "#stage") == "GET READY"
        await pilot.press("p")  # straight back: within its first seconds, so Cat-Cow again
        assert text(app, "#exercise-name") == "Cat-Cow"
        await pilot.press("right")
        advance(app, 5.5)  # into the Sphinx hold
        assert text(app, "#stage") == "HOLD"
        assert text(app, "#pacer #cue") == "Breathe in slowly through the nose"
        await pilot.press("plus")
        assert player.query_one("#timer", BigText).text == "0:25"

        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # cancel: the session goes on
        await pilot.pause()
        assert app.screen is player
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FeelingScreen)
        files = saved_files(data_dir)  # saved before the check-in asks anything
        assert len(files) == 1 and "stopped" in files[0].read_text()
        await pilot.press("escape")  # skip the check-in with one key
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Session ended early" in text(app, "#title")
        files = saved_files(data_dir)
        assert len(files) == 1 and str(files[0]) in text(app, "#saved")

    record = tomllib.loads(files[0].read_text())
    assert record["schema"] == 1 and record["status"] == "stopped"
    assert record["routine"] == "back-pain-relief" and record["level"] == "beginner"
    assert record["started"] == "2026-11-24T07:30:00+01:00"
    by_id = {e["id"]: e for e in record["exercise"]}
    assert by_id["cat-cow"]["status"] == "partial"
    assert by_id["sphinx"]["status"] == "partial"
    assert by_id["childs-pose"]["status"] == "skipped"
    assert record["paused_seconds"] >= 60
    assert files[0].stat().st_mode & 0o777 == 0o600


async def test_a_whole_session_completes_and_enter_goes_home(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(40):
            advance(app, 2.5)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Session complete" in text(app, "#title")
        assert "3/3 exercises done" in text(app, "#totals")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    record = tomllib.loads(saved_files(data_dir)[0].read_text())
    assert record["status"] == "completed"
    assert record["active_seconds"] == 95 and record["planned_seconds"] == 95
    assert record["ended"] == "2026-11-24T07:31:35+01:00"
    assert [e["status"] for e in record["exercise"]] == ["done", "done", "done"]
    assert record["exercise"][0]["reps_done"] == 5


async def test_mute_silences_the_bell(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        before = bells(app)
        for _ in range(10):
            advance(app, 1.0)
        assert bells(app) == before
        assert "muted" in text(app, "#left")
        await pilot.pause()
        # The longer text widened its auto-width box (a relayout), so it shows uncut on screen.
        bottom = app.screen._compositor.render_strips()[-2].text
        assert bottom.rstrip().endswith("left  ·  muted")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
async def test_a_failed_save_says_so_and_can_be_retried(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    data_dir.chmod(0o500)
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    try:
        await _fail_then_retry(app, data_dir)
    finally:
        data_dir.chmod(0o700)


async def test_a_failed_save_with_a_file_in_the_way(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "sessions").write_text("not a folder")  # fails for root too
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        saved = text(app, "#saved")
        assert "Not saved" in saved and str(data_dir / "sessions") in saved
        await pilot.press("enter")  # refuses to leave an unsaved record behind
        assert isinstance(app.screen, SummaryScreen)
        (data_dir / "sessions").unlink()
        await pilot.press("r")
        assert text(app, "#saved").startswith("Saved to")
        assert all(live.saved for live in app.coach.sessions)
    assert len(saved_files(data_dir)) == 1


async def _fail_then_retry(app, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Not saved" in text(app, "#saved")
        data_dir.chmod(0o700)
        await pilot.press("r")
        assert text(app, "#saved").startswith("Saved to")


async def test_ctrl_q_mid_session_saves_a_stopped_record(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        advance(app, 20.0)
        await pilot.press("ctrl+q")
        await pilot.pause()
    record = tomllib.loads(saved_files(data_dir)[0].read_text())
    assert record["status"] == "stopped" and record["active_seconds"] == 20.0


async def test_help_lists_every_key(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = text(app, "#detail").splitlines()
        for keys, what in (
            ("space", "Pause the session"),
            ("n / →", "Skip to the next exercise"),
            ("p / ←", "Back to the start of this exercise; again for the previous one"),
            ("+", "Add 10 seconds to this hold"),
            ("m", "Tones, bell and voice on or off"),
            ("s", "Skip the rest of this get-ready or rest and begin the exercise"),
            ("b", "Breath tones: a tone rising each in-breath, falling each out-breath"),
            ("q / esc", "End the session early; what you did is kept"),
            ("?", "Every key"),
        ):
            assert f" {keys:<11} {what}" in rows
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_too_small_terminal_says_so_and_recovers(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(TooSmall)
        assert notice.display and "at least 60 × 20" in str(notice.render())
        assert not app.screen.query_one("#player-main").display
        advance(app, 10.0)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.query_one(TooSmall).display
        advance(app, 0.0)
        # The clock kept going while hidden: 10 s in, 5 s into the first rep.
        assert app.screen.query_one("#timer", BigText).text == "0:01"


async def test_home_lists_a_broken_user_routine_with_its_error(data_dir: Path) -> None:
    from supple.system import paths

    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('schema = 1\nid = "x"\ntitle = "X"\nexercise = []\n')
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        routines = app.screen.query_one("#routines")
        shown = "\n".join(str(o.prompt) for o in routines.options)  # type: ignore[attr-defined]
        assert "⚠ broken.toml" in shown and "1 problem: not usable" in shown
        assert "Back pain relief" in shown  # the good ones still show
        index = next(i for i, o in enumerate(routines.options) if o.id.startswith("error:"))  # type: ignore[attr-defined]
        routines.highlighted = index  # type: ignore[attr-defined]
        await pilot.pause()
        preview = str(app.screen.query_one("#preview-text").render())
        assert "broken.toml cannot be used" in preview
        assert "• line 4: exercise: no exercises" in preview
        app.theme = "nord"  # the error's colour is the theme's, as painted now
        await pilot.pause()
        painted = [routines.render_line(y) for y in range(routines.size.height)]
        title = next(seg for strip in painted for seg in strip if "broken.toml" in seg.text)
        assert title.style is not None and title.style.color is not None
        assert title.style.color.triplet == Color.parse(app.theme_variables["error"]).rgb


async def test_check_in_after_stores_pain_and_note(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        advance(app, 100.0)  # the whole session
        await pilot.pause()
        assert isinstance(app.screen, FeelingScreen)
        await pilot.press("1", "2", "enter")
        assert "not a whole number from 0 to 10" in text(app, "#feeling-error")
        await pilot.press("backspace", "backspace", "7", "tab", *"less stiff", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        feelings = text(app, "#feelings")
        assert "pain after 7/10" in feelings and "less stiff" in feelings
    record = tomllib.loads(saved_files(data_dir)[0].read_text())
    assert record["pain_after"] == 7 and record["note"] == "less stiff"
    assert "pain_before" not in record and "feeling_after" not in record


async def test_check_in_before_when_switched_on(data_dir: Path) -> None:
    app = build_app(data_dir)
    app.coach.config = replace(app.coach.config, check_in_before=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeelingScreen)
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    record = tomllib.loads(saved_files(data_dir)[0].read_text())
    assert record["pain_before"] == 4 and record["status"] == "stopped"


async def test_checkpoints_while_running(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        files = saved_files(data_dir)
        assert len(files) == 1
        assert tomllib.loads(files[0].read_text())["status"] == "in_progress"
        lock = next(app.coach.store.locks_dir.glob("*.lock"))
        assert lock.read_text().split()[0] == str(os.getpid())
        advance(app, 3.0)  # inside the get-ready: only the interval makes it write
        assert tomllib.loads(files[0].read_text())["active_seconds"] == 3.0
        advance(app, 1.0)  # 1 s later, nothing changed: no write yet
        assert tomllib.loads(files[0].read_text())["active_seconds"] == 3.0
        advance(app, 1.5)  # a new segment: written at once
        assert tomllib.loads(files[0].read_text())["active_seconds"] == 5.5
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert tomllib.loads(files[0].read_text())["status"] == "stopped"
    assert not list(app.coach.store.locks_dir.glob("*.lock"))


async def test_ten_frames_a_second_only_while_the_pacer_moves(data_dir: Path) -> None:
    """Battery: 10 Hz redraws are for the moving pacer; a countdown alone redraws once a
    second (at the second's edge), and a paused session not at all. The screen keeps exactly
    the Textual timers the coach's frame asks for."""
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        asked: list[tuple[str, float]] = []
        real_interval, real_timer = player.set_interval, player.set_timer

        def set_interval(every: float, callback, **kw):  # type: ignore[no-untyped-def]
            asked.append(("interval", every))
            return real_interval(every, callback, **kw)

        def set_timer(delay: float, callback, **kw):  # type: ignore[no-untyped-def]
            asked.append(("timer", delay))
            return real_timer(delay, callback, **kw)

        player.set_interval = set_interval  # type: ignore[method-assign]
        player.set_timer = set_timer  # type: ignore[method-assign]

        def rate() -> float:
            """Frames a second the screen's live timers give."""
            if player._steady is not None:
                return 1 / player._steady_every  # type: ignore[operator]
            return 1.0 if player._next is not None else 0.0

        assert text(app, "#stage") == "GET READY"
        assert rate() == 1.0
        advance(app, 6.5)  # Cat-Cow: the pacer follows each rep's breath
        assert text(app, "#stage") == "REPS"
        assert rate() == 10.0 and ("interval", 0.1) in asked
        asked.clear()
        advance(app, 31.5)  # 38 s: the rest before the next exercise
        assert text(app, "#stage") == "REST"
        assert rate() == 1.0
        assert asked and asked[-1][0] == "timer" and 0 < asked[-1][1] <= 1.01
        advance(app, 14.0)  # 52 s: a hold with the slow breathing pacer
        assert text(app, "#stage") == "HOLD"
        assert rate() == 10.0
        await pilot.press("space")
        assert text(app, "#stage") == "PAUSED"
        assert rate() == 0.0
        await pilot.press("space")  # resuming counts in 3-2-1
        assert text(app, "#stage").startswith("RESUMING IN")
        assert rate() == 10.0
