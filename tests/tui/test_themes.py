"""supple's high-contrast theme (issue 27): its colours meet WCAG's AAA contrast, it is offered
where themes are chosen, and a settings file that names it starts the app in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Select, Switch

from supple.system import paths
from supple.tui.themes import HIGH_CONTRAST, THEMES
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = Color.parse(colour).rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "name", ["foreground", "primary", "secondary", "accent", "warning", "error", "success"]
)
def test_every_cue_colour_is_aaa_on_the_background(name: str) -> None:
    colour = getattr(HIGH_CONTRAST, name)
    assert contrast(colour, HIGH_CONTRAST.background or "") >= 7.0, name


def test_the_highlighted_row_and_the_borders_are_aaa() -> None:
    v = HIGH_CONTRAST.variables
    assert contrast(v["block-cursor-foreground"], v["block-cursor-background"]) >= 7.0
    for key in ("border", "text-muted", "footer-key-foreground", "scrollbar"):
        assert contrast(v[key], HIGH_CONTRAST.background or "") >= 7.0, key


async def test_offered_in_the_settings_and_chosen_from_the_file(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text('theme = "high-contrast"\nstill_figure = true\n')
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "high-contrast" and not app.coach.config_problems
        await pilot.press("comma")
        await settle(pilot)
        themes = app.screen.query_one("#theme", Select)
        assert themes.value == "high-contrast"
        assert {t.name for t in THEMES} <= set(app.available_themes)
        assert app.screen.query_one("#still_figure", Switch).value is True
