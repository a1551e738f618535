"""A week of daily use without a surprise (issue 12): each numbered defect, as a person meets it."""

from __future__ import annotations

import json
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Label, OptionList, Static, Switch

from supple.cli import main
from supple.core.words import change_words
from supple.system import paths
from supple.tui.screens.feeling import FeelingScreen
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.mobility_tests import TestsScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.program import ProgramScreen
from supple.tui.screens.settings import SettingsScreen
from tests.fakes import copy_routine
from tests.tui.conftest import WALL, advance, build_app
from tests.tui.scenes import settle

REPO = Path(__file__).resolve().parents[2]


def text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


# 1. A copied routine replaces the bundled one; two of yours with one id are both reported.


async def test_a_copied_routine_replaces_the_bundled_one_everywhere(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_routine("back-pain-relief", "My morning back")
    assert main(["list", "--json"]) == 0
    listed = [r for r in json.loads(capsys.readouterr().out) if r.get("id") == "back-pain-relief"]
    assert [(r["title"], r["source"]) for r in listed] == [("My morning back", "user")]
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        ids = [o.id for o in app.screen.query_one("#routines", OptionList).options]
        assert ids.count("back-pain-relief") == 1
        assert "My morning back" in text(app, "#preview-text")


async def test_two_files_of_yours_with_one_id_are_both_reported(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_routine("back-pain-relief", "First", "a-mine.toml")
    second = copy_routine("back-pain-relief", "Second", "b-mine.toml")
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert "First" in out and "Second" not in out
    assert str(second) in err and "also in a-mine.toml" in err
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        routines = app.screen.query_one("#routines", OptionList)
        assert f"error:{second}" in [o.id for o in routines.options]


def test_a_crash_never_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual.constants

    from supple.coach.coach import Coach
    from supple.tui.app import run_app

    def broken(self: HomeScreen) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomeScreen, "on_mount", broken)
    monkeypatch.setattr(
        textual.constants, "DRIVER", "textual.drivers.headless_driver:HeadlessDriver"
    )
    assert run_app(Coach.from_environment(), start=None) != 0


# 2. Saving settings keeps the person's own lines.


async def test_saving_settings_keeps_comments_order_and_unknown_lines(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    original = (
        "# my settings, by hand\n"
        'colour = "red"   # a typo of mine\n'
        "get_ready = 8  # slow start\n"
        'voice = "loud"\n'
        "check_in_after = false\n"
    )
    paths.config_file().write_text(original)
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#check_in_after", Switch).value = True  # back to its default
        await settle(pilot)
    saved = paths.config_file().read_text()
    assert saved == original.replace("check_in_after = false", "check_in_after = true")
    assert tomllib.loads(saved)["check_in_after"] is True  # kept its line, now the default


async def test_a_settings_file_that_is_not_toml_is_never_overwritten(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("get_ready = = 3\n# keep me\n")
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        app.screen.query_one("#check_in_after", Switch).value = False
        await settle(pilot)
        assert app.coach.config.check_in_after is False  # kept for this run
        messages = "\n".join(n.message for n in app._notifications)
        assert "Settings not saved" in messages and "fix it to save settings" in messages
    assert paths.config_file().read_text() == "get_ready = = 3\n# keep me\n"


# 3. Saved test results are shown again.


async def test_saved_test_results_show_when_the_tests_screen_opens_again(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s")  # start the program: the start tests are due
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TestsScreen)
        await pilot.press("1", "2", "enter")  # the toe touch: 12 cm, saved
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
        await pilot.press("t")  # opened again: what is on disk shows
        await settle(pilot)
        listing = text(app, "#tests-list")
        assert "✓ Standing toe touch" in listing and "12 cm" in listing


# 4. One workout a day, said where the person is; nothing before the program's start counts.


async def test_a_second_workout_on_one_day_is_explained(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        for number in (1, 2):
            later = WALL + timedelta(hours=number)  # the second session an hour after the first
            app.coach.now = lambda at=later: at
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, PlayerScreen)
            advance(app, 700.0)
            await settle(pilot)
            await pilot.press("escape")  # no check-in
            await settle(pilot)
            verdict = text(app, "#verdict")
            if number == 1:
                assert "Counted as workout 1 of 18" in verdict
            else:
                assert "Not counted as workout 2" in verdict and "one workout a day" in verdict
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ProgramScreen)
        assert "one workout a day counts" in text(app, "#next-text")
        assert "1/18 workouts done" in text(app, "#program-status")


def test_a_session_before_the_program_started_is_not_workout_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import datetime, timedelta

    from supple.core.history import HistoryStore
    from supple.core.program_store import ProgramStore
    from tests.fakes import make_session_record

    now = datetime.now().astimezone().replace(microsecond=0)
    store = HistoryStore(paths.data_dir())
    before = now - timedelta(minutes=30)
    record = make_session_record(before, routine="lower-back-mobility", level="beginner")
    store.save(record, store.path_for("lower-back-mobility", before))

    class Program:
        id = "lower-back-6-weeks"

    ProgramStore(store).start(Program(), now - timedelta(minutes=5))  # type: ignore[arg-type]
    assert main(["program", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["done"] == 0
    # A file written by an older supple holds only the date: taken as that day's start.
    state = ProgramStore(store).state_path
    state.write_text(f'schema = 1\nprogram = "lower-back-6-weeks"\nstarted = {now.date()}\n')
    assert main(["program", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["started"] == now.date().isoformat() and status["done"] == 1


# 5. The level chosen on home and mute are remembered, in a state file of their own.


async def test_level_and_mute_are_remembered_without_touching_the_settings(
    data_dir: Path,
) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
    assert not paths.config_file().exists()  # the person's settings file is not the app's
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.screen.level == "advanced"
        assert app.coach.announcer.muted
        await pilot.press("enter")
        await settle(pilot)
        assert "muted" in text(app, "#left")


# 6. The session list marks each exercise by its real outcome.


async def test_the_session_list_marks_real_outcomes(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 20.0)  # part of Cat-Cow's reps
        await pilot.press("n")  # ...then on to Sphinx: Cat-Cow is partial
        await settle(pilot)
        listing = text(app, "#exercises")
        assert "◐ Cat-Cow" in listing and "▶ Sphinx" in listing
        await pilot.press("n")  # Sphinx skipped, Child's Pose now
        await settle(pilot)
        listing = text(app, "#exercises")
        assert "– Sphinx" in listing and "▶ Child's Pose" in listing
        assert "✓" not in listing


async def test_during_a_rest_the_finished_exercise_shows_its_outcome(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 38.0)  # the rest after Cat-Cow
        assert text(app, "#stage") == "REST"
        listing = text(app, "#exercises")
        assert "✓ Cat-Cow" in listing and "▷ Sphinx" in listing and "▶" not in listing


# 7. Help during a session pauses it.


async def test_help_during_a_session_pauses_it_and_resumes_after(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 2.0)
        player = app.screen
        assert isinstance(player, PlayerScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert player.live.session.state == "paused"
        elapsed = player.live.session.snapshot().elapsed
        advance(app, 30.0)
        assert player.live.session.snapshot().elapsed == elapsed  # nothing ran behind it
        await pilot.press("escape")
        await settle(pilot)
        assert player.live.session.state == "running"
        assert text(app, "#stage").startswith("RESUMING IN")


# 8. A rest between sets says which set comes next, with the steps.


async def test_a_rest_between_sets_says_the_next_set_and_shows_the_steps(data_dir: Path) -> None:
    app = build_app(data_dir, start=("lower-back-mobility", "intermediate"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 5.0 + 8 * 6.0 + 0.5)  # get-ready, 8 Cat-Cow reps: the rest between sets
        assert text(app, "#stage") == "REST"
        assert text(app, "#counters") == "Set 2 of 2 next"
        assert "1. Kneel on all fours" in text(app, "#how")


# 9. Nothing covers the timer, the time left or the cue during a session.


async def test_notices_during_a_session_cover_nothing(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in ("m", "m", "m"):
            await pilot.press(key)
        await settle(pilot)
        assert text(app, "#notice") == "Sound off"
        toasts = [t for t in app.screen.query("Toast") if t.display and t.region.area]
        assert toasts == []
        lines = app.screen._compositor.render_strips()
        assert lines[-2].text.rstrip().endswith("left  ·  muted")  # the time left, uncovered
        assert "Sound off" in lines[0].text  # said in the title row


# The small ones.


async def test_the_footer_says_resume_while_paused(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        footer = lambda: app.screen._compositor.render_strips()[-1].text  # noqa: E731
        assert "Pause" in footer() and "Resume" not in footer()
        await pilot.press("space")
        await settle(pilot)
        assert "Resume" in footer() and "Pause" not in footer()
        await pilot.press("space")
        await settle(pilot)
        assert app.screen.live.session.state == "running"  # type: ignore[attr-defined]


async def test_no_player_keys_under_the_check_in_and_no_retry_after_a_save(
    data_dir: Path,
) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 200.0)
        await settle(pilot)
        assert isinstance(app.screen, FeelingScreen)
        bottom = app.screen._compositor.render_strips()[-1].text
        assert "Pause" not in bottom and "Next" not in bottom
        await pilot.press("escape")
        await settle(pilot)
        footer = app.screen._compositor.render_strips()[-1].text
        assert "Home" in footer and "Retry" not in footer


async def test_settings_switches_say_on_or_off(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = app.screen
        hint = lambda: str(screen.query_one("#check_in_after-hint", Label).render())  # noqa: E731
        assert hint() == "on"
        screen.query_one("#check_in_after", Switch).value = False
        await settle(pilot)
        assert hint() == "off"


async def test_superman_bar_rises_while_lifting(data_dir: Path) -> None:
    from supple.core.breath import PATTERNS, state_at

    pattern = PATTERNS["lift-hold-lower"]
    lift = [state_at(pattern.phases, t, cycle=False, follows_body=True) for t in (0.0, 1.0, 1.9)]
    fills = [s.fill for s in lift if s is not None]
    assert fills == sorted(fills) and fills[-1] > 0.9  # up while lifting (breathing out)
    top = state_at(pattern.phases, 2.5, cycle=False, follows_body=True)
    down = state_at(pattern.phases, 4.5, cycle=False, follows_body=True)
    assert top is not None and down is not None and top.fill == 1.0 and down.fill < 0.5


def test_a_change_reads_the_same_in_the_cli_and_the_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from supple.core.program import MobilityTest
    from supple.tui.screens.program import change_text

    test = MobilityTest("t", "T", "measure", "cm", "lower", -40, 100, ("x",))
    theme = {"success": "green", "warning": "yellow"}
    assert change_words(2.5, "cm") == "▲ 2.5 cm better"
    assert change_text(test, 2.5, theme).plain.startswith("▲ 2.5 cm better")
    assert change_text(test, -1.0, theme).plain == change_words(-1.0, "cm") == "▼ 1 cm worse"


# 10. Every screen shows its essentials at 60 × 20, the stated minimum.


def screen_text(app: Any) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_home_at_60x20_shows_settings_and_help_keys(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        footer = app.screen._compositor.render_strips()[-1].text.replace(" ", "")
        # The most needed first (History, Stats and the rest: in help, ? always shown).
        for key in (",Settings", "?Help", "Start", "bBuild", "lLibrary", "pProgram"):
            assert key in footer, footer


async def test_history_at_60x20_shows_every_column(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        shown = screen_text(app)
        for column in ("Date", "Routine", "Time", "Done", "Back"):
            assert column in shown, column
        first = next(line for line in shown.splitlines() if "24 Nov 06:05" in line)
        assert "6:06" in first and "✓" in first and "3/3" in first and "6→8" in first


async def test_program_at_60x20_shows_the_grid_and_the_tests(data_dir: Path) -> None:
    app = build_app(data_dir, program=3, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        shown = screen_text(app)
        assert all(f"#{n}" in shown for n in (1, 2, 3))
        grid = next(line for line in shown.splitlines() if "beg" in line)
        assert grid.count("✓") == 3
        app.screen.query_one("#progress-table").scroll_visible(animate=False)
        await settle(pilot)
        shown = screen_text(app)
        for column in ("Start", "Middle", "End", "Change"):
            assert column in shown, column
        toe = next(line for line in shown.splitlines() if "Standing toe touch" in line)
        assert "14" in toe and "9" in toe and "4" in toe and "▲ 10 cm" in toe


async def test_tests_screen_at_60x20_shows_the_field_to_type_into(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s", "t")
        await settle(pilot)
        field = app.screen.query_one("#test-value")
        assert field.has_focus and field.region.height and field.region.bottom <= 19


@pytest.mark.parametrize(
    ("routine", "at", "exercise"),
    [
        ("back-pain-relief", 6.5, "cat-cow"),
        ("back-pain-relief", 52.0, "sphinx"),
        ("lower-back-mobility", 67.0, "knee-to-chest"),
        ("lower-back-mobility", 150.0, "superman"),
    ],
)
async def test_player_at_60x20_shows_every_step_and_the_safety_line(
    data_dir: Path, routine: str, at: float, exercise: str
) -> None:
    app = build_app(data_dir, start=(routine, "beginner"))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        advance(app, at)
        await settle(pilot)
        player = app.screen
        assert isinstance(player, PlayerScreen)
        shown_exercise = player.live.session.snapshot().exercise
        assert shown_exercise is not None and shown_exercise.id == exercise
        how = player.query_one("#how")
        assert how.region.bottom <= player.query_one("#now").region.bottom - 1  # not cut
        lines = screen_text(app).splitlines()
        shown = " ".join(" ".join(line.strip(" │") for line in lines).split())
        for number in range(1, len(shown_exercise.how) + 1):
            assert f"{number}." in shown
        assert shown_exercise.safety is not None
        assert " ".join(shown_exercise.safety.split()[-3:]) in shown  # the end of the safety line
        assert "left" in screen_text(app).splitlines()[-2]
