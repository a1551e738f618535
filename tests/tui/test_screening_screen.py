"""The screening screen: every question starts unanswered, the first one focused; saving is
refused, naming what is open, until each is answered yes or no and the usual pain given; the
answer is said in words, not by colour alone; Escape never starts the program."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.core import screening
from supple.core.screening import LOW_BACK, OVERHEAD
from supple.tui.widgets.yes_no import YesNo
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


def _boxes(app: object) -> list[YesNo]:
    return list(app.screen.query(YesNo))  # type: ignore[attr-defined]


async def test_nothing_is_answered_until_the_person_answers(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p", "k")
        await settle(pilot)
        boxes = _boxes(app)
        assert len(boxes) == len(LOW_BACK.signs)
        assert app.focused is boxes[0]  # the first question, the cursor on it
        assert all(b.answer is None and "?" in str(b.render()) for b in boxes)
        await pilot.press("ctrl+s")  # nothing answered: refused, and said why
        await settle(pilot)
        said = str(app.screen.query_one("#screening-result").render())
        assert "Not saved" in said and "1, 2, 3, 4, 5, 6, 7" in said and "usual pain" in said
        assert screening.load(data_dir)[0] is None
        await pilot.press("y")  # yes to 1, the focus moves on
        await settle(pilot)
        assert boxes[0].answer is True and "yes" in str(boxes[0].render())
        assert app.focused is boxes[1]
        await pilot.press(*"nnnnnn")
        await settle(pilot)
        assert [b.answer for b in boxes] == [True] + [False] * 6
        assert "no" in str(boxes[1].render()) and str(boxes[1].render()) != str(boxes[0].render())
        said = str(app.screen.query_one("#screening-result").render())
        assert "Not saved" in said and "question" not in said  # only the pain is open now
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screening.load(data_dir)[0] is None
        await pilot.press("1", "1")
        await settle(pilot)
        said = str(app.screen.query_one("#screening-result").render())
        await pilot.press("enter")
        await settle(pilot)
        assert "'11'" in str(app.screen.query_one("#screening-result").render())
        await pilot.press("backspace", "backspace", "4")  # valid again: the error goes at once
        await settle(pilot)
        assert "'11'" not in str(app.screen.query_one("#screening-result").render())
        await pilot.press("enter")
        await settle(pilot)
        saved, _ = screening.load(data_dir)
        assert saved is not None and saved.usual_pain == 4
        assert [s.key for s in saved.flags] == ["saddle_numbness"]


def _cases() -> list[tuple[frozenset[int], bool]]:
    """Subsets of the questions answered, with and without the pain: the edges and a few
    drawn with a fixed seed (bounded: each case runs the app)."""
    import random

    count = len(LOW_BACK.signs)
    every = frozenset(range(count))
    drawn = random.Random(25)
    cases = [(frozenset(), False), (every, False), (every - {count - 1}, True), (every, True)]
    cases += [(frozenset(drawn.sample(range(count), drawn.randrange(count))), True)] * 1
    cases += [(frozenset(drawn.sample(range(count), drawn.randrange(count))), False)]
    return cases


@pytest.mark.parametrize(("answered", "pain"), _cases())
async def test_saving_is_refused_while_any_question_is_open(
    answered: frozenset[int], pain: bool, data_dir: Path
) -> None:
    """The class: any set of questions left open, or the pain, saves nothing."""
    from textual.widgets import Input

    app = build_app(data_dir)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p", "k")
        await settle(pilot)
        for number, box in enumerate(_boxes(app)):
            if number in answered:
                box.answer = bool(number % 2)
        if pain:
            app.screen.query_one("#usual-pain", Input).value = "3"
        await pilot.press("ctrl+s")
        await settle(pilot)
        complete = len(answered) == len(LOW_BACK.signs) and pain
        assert (screening.load(data_dir)[0] is not None) == complete


async def test_the_overhead_program_asks_its_own_questions_and_escape_starts_nothing(
    data_dir: Path,
) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p", "o")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        asked = [b.id for b in _boxes(app)]
        assert asked == [f"sign-{k.replace('_', '-')}" for k in OVERHEAD.keys]
        intro = str(app.screen.query_one("#screening-intro").render())
        assert "neck, shoulders or arms" in intro and "back first" not in intro
        await pilot.press("escape")
        await settle(pilot)
        assert app.coach.program_service.view("overhead-6-weeks").progress.started is None
        assert screening.load(data_dir)[0] is None


async def test_program_screen_keeps_the_warning_until_cleared(data_dir: Path) -> None:
    from datetime import UTC, datetime

    from supple.core import screening

    answered = screening.answered(frozenset({"weight_loss"}), 2, datetime.now(UTC), None)
    screening.save(data_dir, answered)
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        line = str(app.screen.query_one("#program-screening").render())
        assert "soon, before exercising" in line and "emergency" not in line, line
        assert "(k: your answers)" in line and "`" not in line, line


def _flag(data_dir: Path) -> None:
    from datetime import UTC, datetime

    answered = screening.answered(frozenset({"weight_loss"}), 2, datetime.now(UTC), None)
    screening.save(data_dir, answered)


async def test_a_warning_sign_starts_no_program_and_asks_before_any_session(
    data_dir: Path,
) -> None:
    """Every way into a session in the app is a StartSession: with a warning sign standing
    each asks first (n: nothing starts); s on the program screen starts nothing and the next
    panel says to see a clinician, not which workout."""
    from supple.tui.screens.confirm import ConfirmScreen
    from supple.tui.screens.player import PlayerScreen

    _flag(data_dir)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # home: the routine highlighted
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "weight loss" in str(app.screen.query_one("#detail").render())
        await pilot.press("n")
        await settle(pilot)
        assert not any(isinstance(s, PlayerScreen) for s in app.screen_stack)
        await pilot.press("p", "s")
        await settle(pilot)
        assert app.coach.program_service.view().progress.started is None
        panel = str(app.screen.query_one("#next-text").render())
        assert "See a doctor or physiotherapist first" in panel and "Enter" not in panel
        await pilot.press("escape", "enter")  # home again: y goes ahead
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any(isinstance(s, PlayerScreen) for s in app.screen_stack)


@pytest.mark.parametrize(("language", "yes"), [("en", "y"), ("de", "j"), ("es", "s")])
async def test_exercise_anyway_says_no_unless_the_person_types_yes(
    language: str, yes: str, data_dir: Path
) -> None:
    """While a warning sign stands, Enter and Escape on "Exercise anyway?" start nothing (the
    safe answer is the default); only y, or the language's yes, goes ahead; the key line says
    which key does what."""
    from supple import i18n
    from supple.tui.screens.confirm import CautiousConfirmScreen
    from supple.tui.screens.player import PlayerScreen

    _flag(data_dir)
    i18n.choose(language)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for no in ("enter", "escape", "n"):
            await pilot.press("enter")  # home: the routine highlighted
            await settle(pilot)
            assert isinstance(app.screen, CautiousConfirmScreen)
            keys = str(app.screen.query_one("#keys").render())
            assert keys.startswith(f"y / {yes}:" if yes != "y" else "y:"), keys
            assert "n / Esc / Enter:" in keys, keys
            await pilot.press(no)
            await settle(pilot)
            assert not any(isinstance(s, PlayerScreen) for s in app.screen_stack), no
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(yes)
        await settle(pilot)
        assert any(isinstance(s, PlayerScreen) for s in app.screen_stack)


async def test_a_refused_save_is_seen_at_60_by_20(data_dir: Path) -> None:
    """At 60×20 the refusal line is below the fold: the first open question (then the usual
    pain) takes the focus, scrolled into view, and the line comes as a notification too."""
    from textual.widgets import Input

    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p", "k")
        await settle(pilot)
        boxes = _boxes(app)
        body = app.screen.query_one("#screening-body")
        pain = app.screen.query_one("#usual-pain", Input)
        await pilot.press(*"nnynn")  # question 6 and 7 open, and the pain
        for first in (boxes[5], pain):
            boxes[0].focus()  # back at the top: the open one and the line are out of sight
            body.scroll_home(animate=False)
            await settle(pilot)
            assert not body.region.contains_region(first.region)
            app.clear_notifications()
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.focused is first
            assert body.region.contains_region(first.region), (body.region, first.region)
            said = [str(n.message) for n in app._notifications]
            assert len(said) == 1 and said[0].startswith("Not saved"), said
            assert said[0] == str(app.screen.query_one("#screening-result").render())
            await pilot.press("n", "n")  # 6 and 7 answered: only the pain is open
        assert screening.load(data_dir)[0] is None


async def test_the_program_screen_keeps_the_program_whose_screening_was_answered(
    data_dir: Path,
) -> None:
    """A low-back yes standing, the overhead program shown and its screening answered (s): the
    start is refused, and the program screen still shows the overhead program (it showed the
    low-back one)."""
    from textual.widgets import Input

    from supple.tui.screens.program import ProgramScreen

    _flag(data_dir)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p", "o")
        await settle(pilot)
        assert app.screen.view.program.id == "overhead-6-weeks"  # type: ignore[attr-defined]
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"n" * len(OVERHEAD.signs))
        app.screen.query_one("#usual-pain", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgramScreen)
        assert screen.view is not None and screen.view.program.id == "overhead-6-weeks"
        assert app.coach.program_service.view("overhead-6-weeks").progress.started is None
        saved, _ = screening.load(data_dir)
        assert saved is not None and saved.answered_for(OVERHEAD) and saved.flag_stands
