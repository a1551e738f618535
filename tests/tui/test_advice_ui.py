"""Advice on home and the summary (issue 25 item 2): a line per suggestion (one counting line
on a short screen), applied only by the advice key and its chooser, logged, undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList, Static

from supple.coach.advice import AdviceService
from supple.coach.wording import advice
from supple.core.advice import AdviceInput, AdviceKind, Suggestion
from supple.core.advice_log import load_log
from supple.tui.screens.advice import AdviceScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.widgets.advice_lines import SHOWN, AdviceLines, count_words
from tests.tui.conftest import build_app
from tests.tui.scenes import settle

R = "back-pain-relief"
EASIER = Suggestion(
    AdviceKind.EASIER,
    R,
    ("cat-cow",),
    ("Cat-Cow",),
    dose="2 reps",
    was="5 reps",
    numbers={"pain_during": 7, "session": "2026-11-23"},
    day=date(2026, 11, 23),
)
RETEST = Suggestion(AdviceKind.RETEST, numbers={"points": "middle"}, day=date(2026, 11, 24))


def suggest(monkeypatch: pytest.MonkeyPatch, found: list[Suggestion], calls: list[int]) -> None:
    """The engine (tested in tests/core/test_advice.py) gives ``found``; the screens, the
    service's cache, apply, the log and undo are the real ones."""

    def suggestions(self: AdviceService, facts: AdviceInput) -> list[Suggestion]:
        calls.append(1)
        return [s for s in found if not any(a.id == s.id for a in self.log() if not a.undone_at)]

    monkeypatch.setattr(AdviceService, "suggestions", suggestions)


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_home_line_apply_and_undo(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    suggest(monkeypatch, [EASIER, RETEST], calls)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        lines = text_of(app, "#advice-full")
        assert advice(EASIER) in lines and "v: apply" in lines
        # In the app the sentence names the key in force, never a shell command.
        assert "Take the middle tests (t on the program screen)." in lines and "`" not in lines
        assert calls == [1]
        app.screen.load_status()
        await settle(pilot)
        assert calls == [1], "nothing changed: the service's cached suggestions"
        before = app.coach.catalog.seconds(R, "beginner")

        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, AdviceScreen)
        options = app.screen.query_one(OptionList)
        assert options.get_option(EASIER.id).disabled is False
        assert options.get_option(RETEST.id).disabled is True  # to read, not to apply
        await pilot.press("enter")  # the first: the easier step
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.coach.preferences.steps == {R: {"cat-cow": -1}}
        assert app.coach.catalog.seconds(R, "beginner") < before  # the preview follows
        (entry,) = load_log(data_dir / "advice.toml")[0]
        assert entry.id == EASIER.id and entry.reason == advice(EASIER)
        assert "pain 7 of 10" in entry.reason and entry.undone_at is None
        applied = [n.message for n in app._notifications if "Applied: " in n.message]
        assert applied and advice(EASIER) in applied[-1]
        assert "To undo it: v, then Enter" in applied[-1] and "advice key" not in applied[-1]
        assert advice(EASIER) not in text_of(app, "#advice-full")

        await pilot.press("v")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("undo")
        await pilot.press("enter")
        await settle(pilot)
        assert not (data_dir / "adjustments.toml").exists()  # as it was: no file
        assert app.coach.preferences.steps == {}
        assert load_log(data_dir / "advice.toml")[0][0].undone_at is not None
        assert any("Undone" in n.message for n in app._notifications)
        assert advice(EASIER) in text_of(app, "#advice-full")


async def test_escape_changes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    suggest(monkeypatch, [EASIER], [])
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not (data_dir / "adjustments.toml").exists()
        assert not (data_dir / "advice.toml").exists()


@settings(max_examples=6, deadline=None)
@given(count=st.integers(0, 6))
def test_short_home_says_one_line_and_wide_home_a_line_each(
    tmp_path_factory: pytest.TempPathFactory, count: int
) -> None:
    import asyncio

    found = [
        Suggestion(AdviceKind.RETEST, numbers={"points": f"middle{n}"}, day=date(2026, 11, 24))
        for n in range(count)
    ]
    with pytest.MonkeyPatch.context() as patch:
        suggest(patch, found, [])

        async def run(size: tuple[int, int]) -> tuple[bool, int, str]:
            app = build_app(tmp_path_factory.mktemp("data"))
            async with app.run_test(size=size) as pilot:
                await settle(pilot)
                widget = app.screen.query_one(AdviceLines)
                return widget.display, widget.region.height, text_of(app, "#advice-compact")

        shown, height, compact = asyncio.run(run((60, 20)))
        assert shown == bool(count) and height == (1 if count else 0)
        if count:
            assert compact == count_words(count, "v")
        shown, height, _ = asyncio.run(run((100, 30)))
        assert height == (min(count, SHOWN) + 1 if count else 0)


async def test_screening_advice_opens_the_safety_questions(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the screening is answered, its line names the keys that open it, and Enter on
    it in the chooser opens the safety questions."""
    from supple.tui.screens.screening import ScreeningScreen

    first = Suggestion(AdviceKind.SCREENING, day=date(2026, 11, 24))
    suggest(monkeypatch, [first], [])
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Answer the safety questions first (v, then Enter on it)" in text_of(
            app, "#advice-full"
        )
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, AdviceScreen)
        assert "not medical advice" not in text_of(app, "#question")
        assert app.screen.query_one(OptionList).get_option(first.id).disabled is False
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScreeningScreen)


@pytest.mark.parametrize(("pain", "easier"), [(7, True), (2, False)])
async def test_the_summary_advises_from_the_check_in_just_given(
    data_dir: Path, pain: int, easier: bool
) -> None:
    """The after-session pain is written into the record after it was first saved; the summary's
    advice reads it (a stale history once showed nothing after pain 7 of 10)."""
    from tests.tui.conftest import advance

    app = build_app(data_dir, ("back-pain-relief", "beginner"), screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        advance(app, 40.0)
        await pilot.press("n")
        advance(app, 60.0)
        await settle(pilot)
        await pilot.press(*str(pain), "enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#advice-full", Static).render())
        assert ("one step easier" in shown) is easier, shown
        assert (f"pain {pain} of 10 after" in shown) is easier
