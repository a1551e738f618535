"""Issue 14 on screen: the moving figure, a countdown sized to the terminal, the focus view, the
last three seconds, figures on home, the tests screen and `supple show --figures`."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from supple.cli import main
from supple.core.figure import BODY
from supple.core.motion import STEPS
from supple.tui.screens.player import PlayerScreen
from supple.tui.widgets.bigtext import BigText
from supple.tui.widgets.figure import FigureStrip, FigureView
from supple.tui.widgets.pixels import PixelView
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

INK = set("█▀▄")


def inked_rows(widget: PixelView) -> int:
    """Rows of the widget that show any pixel: how tall what it draws is on screen."""
    return sum(1 for y in range(widget.size.height) if INK & set(widget.render_line(y).text))


def shown(app: Any, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return bool(widget.display) and widget.styles.display != "none" and widget.size.area > 0


async def at(app: Any, pilot: Any, seconds: float) -> PlayerScreen:
    advance(app, seconds)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PlayerScreen)
    return screen


@pytest.mark.parametrize(
    ("size", "digit_rows", "figure_rows"), [((100, 30), 6, 3), ((200, 60), 12, 8)]
)
async def test_the_countdown_and_figure_grow_with_the_terminal(
    data_dir: Path, size: tuple[int, int], digit_rows: int, figure_rows: int
) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        player = await at(app, pilot, 52.0)  # the Sphinx hold
        timer = player.query_one("#timer", BigText)
        figure = player.query_one("#figure", FigureView)
        # Today's digits are 3 rows; at 100 × 30 at least twice that, at 200 × 60 four times.
        assert inked_rows(timer) >= digit_rows
        # Sphinx lies on the floor: a wide, low figure, as wide as its box.
        assert shown(app, "#figure") and inked_rows(figure) >= figure_rows
        body = [x for row in figure._rows for x, (_, fg, bg) in enumerate(row) if BODY in (fg, bg)]
        assert max(body) - min(body) >= 0.6 * figure.size.width
        now = player.query_one("#now")
        assert timer.size.width + figure.size.width >= 0.8 * now.content_region.width
        # The steps are still there under them.
        assert "elbows" in str(player.query_one("#how").render())


async def test_at_60_by_20_the_figure_steps_aside_and_the_digits_stay_small(
    data_dir: Path,
) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        player = await at(app, pilot, 6.5)
        assert not shown(app, "#figure")
        assert inked_rows(player.query_one("#timer", BigText)) == 3
        how = str(player.query_one("#how").render())
        assert "Move only through the spine" in how and "Stay inside a range" in how


async def test_cat_cow_bends_with_the_breath_the_pacer_shows(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        player = await at(app, pilot, 5.0 + 1.5)  # half way through the first inhale
        frame = player.query_one("#figure", FigureView).frame
        breath = player.live.session.snapshot().breath
        assert frame is not None and breath is not None and breath.phase == "inhale"
        assert frame.fraction == round(breath.fill * STEPS) / STEPS
        drawn_half = [player.query_one("#figure", FigureView).render_line(y).text for y in range(8)]

        player = await at(app, pilot, 1.45)  # the end of the inhale: cow
        cow = player.query_one("#figure", FigureView).frame
        assert cow is not None and cow.fraction > 0.95
        player = await at(app, pilot, 3.0)  # the end of the exhale: cat
        cat = player.query_one("#figure", FigureView).frame
        assert cat is not None and cat.fraction < 0.05
        # The back sags in cow and rounds up in cat; what is drawn changed with it.
        assert cow.pose()["waist"][1] < cat.pose()["waist"][1]
        drawn_cat = [player.query_one("#figure", FigureView).render_line(y).text for y in range(8)]
        assert drawn_cat != drawn_half


async def test_sides_are_mirrored_and_the_switch_turns_the_figure(data_dir: Path) -> None:
    app = build_app(data_dir, start=("lower-back-mobility", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        figure = app.screen.query_one("#figure", FigureView)
        await at(app, pilot, 55.0)  # Knee-to-Chest, left side
        assert figure.frame is not None and figure.frame.mirrored
        await at(app, pilot, 10.6)  # the switch, 0.6 s in: still facing the left side's way
        assert figure.frame is not None and figure.frame.turn < -0.7
        await at(app, pilot, 1.9)  # half way through the 5 s switch: edge on
        assert figure.frame is not None and abs(figure.frame.turn) < 0.1
        await at(app, pilot, 5.0)  # the right side
        assert figure.frame is not None and not figure.frame.mirrored
        assert figure.frame.turn == 1.0


async def test_the_rest_shows_the_exercise_up_next(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        player = await at(app, pilot, 38.0)  # the rest after Cat-Cow
        frame = player.query_one("#figure", FigureView).frame
        assert frame is not None and frame.figure.name == "sphinx"


async def test_the_last_three_seconds_of_a_hold_and_a_rest_stand_out(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        timer = app.screen.query_one("#timer", BigText)
        await at(app, pilot, 61.5)  # the Sphinx hold, 3.5 s left
        assert not timer.has_class("-closing")
        await at(app, pilot, 1.0)  # 2.5 s left
        assert timer.has_class("-closing")
        assert timer.rich_style.reverse  # inverted: shows without colour too (NO_COLOR)
        await at(app, pilot, 3.0)  # the rest after it, 9.5 s left
        assert not timer.has_class("-closing")
        await at(app, pilot, 7.0)  # 2.5 s left of the rest
        assert timer.has_class("-closing")


async def test_the_focus_view_is_one_key_and_remembered(
    data_dir: Path, isolated_dirs: dict[str, Path]
) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await at(app, pilot, 6.0)
        assert not shown(app, "#cue-word")
        await pilot.press("f")
        await pilot.pause()
        player = app.screen
        assert player.has_class("-focus")
        assert shown(app, "#cue-word") and shown(app, "#figure") and shown(app, "#timer")
        for hidden in ("#how", "#pacer", "#exercises", "#player-title", "#progress"):
            assert not shown(app, hidden), hidden
        cue = player.query_one("#cue-word", BigText)
        assert cue.text == "INHALE" and inked_rows(cue) >= 4
        await at(app, pilot, 3.0)
        assert cue.text == "EXHALE"
    state = tomllib.loads(
        (Path(os.environ["SUPPLE_STATE_DIR"]) / "state.toml").read_text(encoding="utf-8")
    )
    assert state["focus"] is True

    app = build_app(data_dir, start=("back-pain-relief", "beginner"))  # the next run
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-focus")
        await pilot.press("f")
        await pilot.pause()
        assert not app.screen.has_class("-focus") and shown(app, "#how")


def _figureless(config: Path) -> None:
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plain.toml").write_text(
        'schema = 1\nid = "plain"\ntitle = "Plain"\n[[exercise]]\nid = "reach"\n'
        'name = "Reach"\nkind = "hold"\nhow = ["Reach up."]\n'
        "levels.beginner = { seconds = 30 }\nlevels.intermediate = { seconds = 30 }\n"
        "levels.advanced = { seconds = 30 }\n",
        encoding="utf-8",
    )


async def test_an_exercise_without_a_figure_gives_the_digits_its_room(
    data_dir: Path, isolated_dirs: dict[str, Path]
) -> None:
    _figureless(Path(os.environ["SUPPLE_CONFIG_DIR"]))
    app = build_app(data_dir, start=("plain", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        player = await at(app, pilot, 10.0)
        assert player.query_one("#now-head").has_class("-no-figure")
        assert not shown(app, "#figure")
        timer = player.query_one("#timer", BigText)
        assert timer.size.width >= 0.9 * player.query_one("#now").content_region.width
        assert inked_rows(timer) >= 6


async def test_a_still_pose_is_not_redrawn(data_dir: Path) -> None:
    """The figure repaints only the lines whose cells changed, and nothing when none did."""
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await at(app, pilot, 2.0)  # get-ready: the ready pose, still
        figure = app.screen.query_one("#figure", FigureView)
        calls: list[tuple[Any, ...]] = []
        original = figure.refresh

        def spy(*regions: Any, **kwargs: Any) -> Any:
            calls.append(regions)
            return original(*regions, **kwargs)

        figure.refresh = spy  # type: ignore[method-assign]
        for _ in range(20):
            await at(app, pilot, 0.1)
        assert calls == []  # 2 s of frames, one pose: no repaint
        await at(app, pilot, 1.4)  # into the reps: the spine moves
        assert calls and all(regions for regions in calls)  # only some lines, never all
        assert all(r.height == 1 for regions in calls for r in regions)


async def test_home_shows_the_routine_as_figures(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        routines = app.screen.query_one(OptionList)
        routines.highlighted = routines.get_option_index("lower-back-mobility")  # seven exercises
        await pilot.pause()
        strip = app.screen.query_one("#preview-figures", FigureStrip)
        assert [f.figure.name if f else None for f in strip._frames] == [
            "cat-cow", "knee-to-chest", "childs-pose", "superman", "bridge",
            "kneeling-hip-flexor", "sphinx",
        ]  # fmt: skip
        assert inked_rows(strip) >= 6
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:  # at 20 rows the words come first
        await settle(pilot)
        assert not shown(app, "#preview-figures")


async def test_the_tests_screen_shows_how_each_test_is_done(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in ("p", "t"):
            await pilot.press(key)
            await settle(pilot)
        strip = app.screen.query_one("#test-figure", FigureStrip)
        assert [(f.figure.name, f.fraction) for f in strip._frames if f] == [
            ("toe-touch", 0.0),
            ("toe-touch", 1.0),
        ]
        await pilot.press("down")
        await pilot.pause()
        assert {f.figure.name for f in strip._frames if f} == {"thomas-test"}


def test_show_figures_draws_each_exercise(
    capsys: pytest.CaptureFixture[str], isolated_dirs: dict[str, Path]
) -> None:
    assert main(["show", "lower-back-mobility", "--figures"]) == 0
    out = capsys.readouterr().out
    assert "1. Cat-Cow — 5 reps" in out and "cat, breathing out" in out
    assert "7. Sphinx" in out and out.count("start") >= 6
    assert INK & set(out) and "\x1b" not in out  # blocks, no colour codes when piped
    _figureless(Path(os.environ["SUPPLE_CONFIG_DIR"]))
    assert main(["show", "plain", "--figures"]) == 0
    assert "(no figure)" in capsys.readouterr().out
