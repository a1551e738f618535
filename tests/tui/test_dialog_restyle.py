"""A dialog over a screen restyles the dialog, not the screen under it: a class on the covered
screen (Textual's SUSPENDED_SCREEN_CLASS) restyled every widget of it and threw away what each
had drawn, so the program screen's restart question took 0.3-1.5 s to appear. Counted, not
timed: the widgets of the covered screen restyled while a dialog opens and closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from supple.tui.screens.program import ProgramScreen
from tests.tui.conftest import build_app
from tests.tui.scenes import settle

# The covered screen may restyle the widget that loses focus and its footer, no more.
MOST = 4


def restyled_under(monkeypatch: pytest.MonkeyPatch, covered: list[Screen[Any]]) -> list[Widget]:
    """The widgets of ``covered[0]`` (once set) restyled from now on, in order."""
    seen: list[Widget] = []
    apply = Stylesheet.apply

    def counting(self: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
        if covered and isinstance(node, Widget) and covered[0] in node.ancestors_with_self:
            seen.append(node)
        apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return seen


@pytest.mark.parametrize(("key", "size"), [("s", (100, 30)), ("question_mark", (60, 20))])
async def test_a_dialog_over_the_program_screen_restyles_almost_none_of_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, key: str, size: tuple[int, int]
) -> None:
    covered: list[Screen[Any]] = []
    seen = restyled_under(monkeypatch, covered)
    app = build_app(data_dir, program=3, screened=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        program = app.screen
        assert isinstance(program, ProgramScreen)
        widgets = len(list(program.walk_children()))
        assert widgets > 5 * MOST  # so the bound below means something
        covered.append(program)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not program  # the dialog is up
        assert not program.query_one(Footer).display  # its keys hidden under the dialog
        assert len(seen) <= MOST, [type(w).__name__ for w in seen]
        seen.clear()
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is program and program.query_one(Footer).display
        assert len(seen) <= MOST, [type(w).__name__ for w in seen]
