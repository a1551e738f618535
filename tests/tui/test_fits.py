"""Text that fits: every screen at 60 × 20, 80 × 24 and 100 × 30, with the longest content the
routine format allows (a title of 80 characters, exercise names of 60), shows each word a
person needs there whole, on screen: the footer's keys (a key is shown whole or not at all),
and each screen's own needed words. Read from the rendered screen (the compositor's strips)."""

from __future__ import annotations

import random
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from supple.system import paths
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

SIZES = [(60, 20), (80, 24), (100, 30)]


def _long_words(rng: random.Random, limit: int) -> str:
    """Words of random lengths up to exactly ``limit`` characters (the format's maximum)."""
    words: list[str] = []
    while len(" ".join(words)) < limit:
        words.append(
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 14)))
        )
    return " ".join(words)[:limit].rstrip() + "x" * (limit - len(" ".join(words)[:limit].rstrip()))


def _write_long_routine(seed: int) -> None:
    """The bundled lower-back routine (seven exercises) with the longest title and names."""
    rng = random.Random(seed)
    routine = tomllib.loads((paths.bundled_routines_dir() / "lower-back-mobility.toml").read_text())
    routine.update(id="long", title=_long_words(rng, 80))
    for exercise in routine["exercise"]:
        exercise["name"] = _long_words(rng, 60)
    folder = paths.user_routines_dir()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.toml").write_text(tomli_w.dumps(routine), encoding="utf-8")


def screen_text(app: Any) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_keys(app: Any) -> list[str]:
    """Each key the footer shows, as it should read: its key and its description."""
    shown = []
    for key in app.screen.query("FooterKey"):
        if key.display and key.styles.display != "none":
            shown.append(f"{key.key_display} {key.description}".strip())
    return shown


# The screens, each reached from home by keys (a number moves the fake clock), with the words
# a person needs on it besides the footer's keys.
ROUTES: dict[str, tuple[tuple[str | float, ...], tuple[str, ...]]] = {
    "home": ((), ("Level", "b Build", "l Library", "p Program")),
    "history": (("h",), ()),
    "stats": (("s",), ()),
    "program": (("p",), ("(o: the other)", "o Other program")),
    "settings": (("comma",), ()),
    "player": (("enter", 6.5), ()),
    "paused": (("enter", 9.0, "space"), ("PAUSED",)),
    # Each question's words: whole, wrapped (a Checkbox label would be cut mid-word).
    "screening": (("p", "k"), ("Safety first",)),
}


@pytest.mark.parametrize("route", list(ROUTES))
async def test_every_needed_word_is_whole_on_screen(data_dir: Path, route: str) -> None:
    keys, needed = ROUTES[route]
    _write_long_routine(seed=len(route))
    app = build_app(data_dir, history=route in {"history", "stats"}, screened=True)  # a week
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        for step in keys:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                advance(app, step)
            await settle(pilot)
        for size in SIZES:  # one app, resized: the layout follows the size it is given
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.pause()
            text = screen_text(app)
            lines = text.splitlines()
            assert len(lines) == size[1], (route, size)
            shown = footer_keys(app)
            assert shown, (route, size)
            assert "? Help" in shown, (route, size, shown)  # always: it lists every key
            for key in shown:  # the footer is the last line: each key it shows is whole there
                assert key in lines[-1], (route, size, key, lines[-1])
            for word in needed:
                assert word in text, (route, size, word, text)
            if route == "screening":
                await _every_question_whole(app, pilot, size)


async def _every_question_whole(app: Any, pilot: Any, size: tuple[int, int]) -> None:
    """Each warning sign's question, scrolled into view, reads whole over its lines."""
    from supple.core.screening import SIGNS

    for number, sign in enumerate(SIGNS, 1):
        question = app.screen.query_one(f"#ask-{sign.key.replace('_', '-')}")
        question.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        await pilot.pause()
        shown = region_text(app, f"#ask-{sign.key.replace('_', '-')}")
        assert shown == f"{number}. " + " ".join(sign.question.split()), (size, sign.key, shown)


# -- the rest: each screen and modal once per size, one app resized across the three sizes ---


def region_text(app: Any, selector: str) -> str:
    """The words shown inside a widget's region, its lines joined by spaces (so a sentence
    wrapped over lines reads whole), borders and runs of spaces dropped."""
    widget = app.screen.query_one(selector)
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    text = " ".join(line[region.x : region.right] for line in lines)
    return " ".join(text.translate(str.maketrans("│║█▌▐▊▎", "       ")).split())


def plain(app: Any, selector: str) -> str:
    """The words a Static holds (to be found whole on screen)."""
    return " ".join(str(app.screen.query_one(selector).render()).split())


def _long() -> Any:
    from supple.core.routine import load_catalog

    return load_catalog(paths.routine_folders()).find("long")


def _highlight_long(app: Any) -> None:
    """The routine "long" chosen on home, wherever the bundled routines put it in the list."""
    routines = app.screen.query_one("#routines")
    routines.highlighted = routines.get_option_index("long")


def _home_preview(app: Any, size: tuple[int, int]) -> None:
    """Every exercise of the routine (its number, its name and its dose whole, wrapped at
    their spaces where the pane is narrow: the preview scrolls to them) and 'Enter to
    start'."""
    compact = app.screen.query_one("#preview-compact")
    if compact.display:  # all of it, what a scroll shows too
        lines = [compact.render_line(y).text for y in range(compact.size.height)]
        shown = " ".join(" ".join(lines).split())
        assert compact.size.width <= app.screen.query_one("#preview").content_region.width
    else:
        shown = region_text(app, "#preview")
    level = app.screen.level
    for number, exercise in enumerate(_long().exercises, 1):
        dose = exercise.describe(level)
        found = f"{re.escape(f'{number}. {exercise.name[:3]}')}[^.]*? {re.escape(dose)}"
        assert re.search(found, shown), (size, number, dose, shown)
        if compact.display:
            assert " ".join(exercise.name.split()) in shown, (size, exercise.name, shown)
    assert "Enter to start" in shown, size


def _summary(app: Any, size: tuple[int, int]) -> None:
    """The table's Sets, Reps and Next time columns, and the easier hint of the first row."""
    table = region_text(app, "#summary-table")
    for column in ("Sets", "Reps", "Next time"):
        assert column in table, (size, column, table)
    hint = app.screen._next_time(app.screen.record.exercises[0].id)
    assert hint, size
    for word in hint.split():  # each word whole (the words may wrap within their column)
        assert word in table.split(), (size, word, hint, table)


def _player(app: Any, size: tuple[int, int]) -> None:
    """The timer whole on screen, every step and the safety line, 's starts now'."""
    timer = app.screen.query_one("#timer").region
    assert timer.width >= 10 and timer.height >= 3, (size, timer)
    assert timer.right <= size[0] and timer.bottom <= size[1] - 1, (size, timer)
    now = region_text(app, "#now")
    exercise = _long().exercises[0]
    for number, step in enumerate(exercise.how, 1):
        assert " ".join(f"{number}. {step}".split()) in now, (size, step, now)
    assert " ".join(exercise.safety.split()) in now, (size, now)
    assert "s starts now" in now, (size, now)
    keys = footer_keys(app)
    assert "q End" in keys, (size, keys)
    if size[0] >= 100:  # "this hurts" in the footer wherever it fits
        assert "! Hurts" in keys, (size, keys)


def _whole(*selectors: str) -> Any:
    """Each Static named is shown whole, in its dialog."""

    def check(app: Any, size: tuple[int, int]) -> None:
        dialog = region_text(app, "#dialog")
        for selector in selectors:
            words = plain(app, selector)
            assert words and words in dialog, (size, selector, words, dialog)

    return check


def _help(app: Any, size: tuple[int, int]) -> None:
    """Title, close hint and each key; at 100 columns every row whole (breath tones too)."""
    _help_rows(app, size)
    for key in ("space", "q / esc", "?"):
        assert key in region_text(app, "#dialog"), (size, key)


def _help_rows(app: Any, size: tuple[int, int]) -> None:
    """At 100 columns every row of the help whole: each key's words, as declared, on screen
    (the help scrolls; each row is read where it is scrolled to)."""
    from supple.tui.screens.help import HelpScreen

    _whole("#question", "#keys")(app, size)
    if size[0] < 100:
        return
    help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    body = app.screen.query_one("#detail")
    lines = [line.rstrip() for line in str(body.render()).splitlines()]
    width = body.content_region.width or body.size.width
    for line in lines:
        assert len(line) <= width, (size, line, width)


def _tests(app: Any, size: tuple[int, int]) -> None:
    name = plain(app, "#test-name")
    assert name and name.split(".")[0] in region_text(app, "#test-detail"), (size, name)


def _titled(title: str) -> Any:
    """A full screen of its own: its title whole on screen, and the footer's way back."""

    def check(app: Any, size: tuple[int, int]) -> None:
        shown = screen_text(app)
        assert title in shown and "esc" in shown.lower(), (size, shown)

    return check


def _editor(app: Any, size: tuple[int, int]) -> None:
    assert plain(app, "#editor-title")[:20] in screen_text(app), size


# Each: the app's start, the steps from there (a number moves the clock, a callable is called
# with the app), the check; the routine "long" is the bundled seven exercises, long names.
RESIZED: dict[str, tuple[tuple[str, str] | None, tuple[Any, ...], Any]] = {
    "preview": (None, (_highlight_long,), _home_preview),
    "summary": (("long", "intermediate"), (40.0, *"nnnnnnn", "escape", "minus"), _summary),
    # Next time's words as long as a changed dose says them ("easier: 15 s hold each side
    # (was 30 s hold each side)"), generated.
    "summary-long-words": (
        ("long", "intermediate"),
        (40.0, *"nnnnnnn", "escape", "minus"),
        _summary,
    ),
    "player": (("long", "beginner"), (1.0,), _player),
    "help": (("long", "beginner"), (1.0, "question_mark"), _help),
    "help-home": (None, ("question_mark",), _help_rows),
    "help-summary": (
        ("long", "beginner"),
        (40.0, *"nnnnnnn", "escape", "question_mark"),
        _help_rows,
    ),
    "check-in": (("long", "beginner"), (40.0, *"nnnnnnn"), _whole("#question", "#keys")),
    "end": (("long", "beginner"), (6.5, "q"), _whole("#question", "#keys")),
    "jump": (("long", "beginner"), (6.5, "j"), _whole("#question", "#keys")),
    "import": (None, (lambda app: app.action_import(),), _whole("#question", "#keys")),
    "tests": (None, ("p", "s", "t"), _tests),
    "this-hurts": (("long", "beginner"), (6.5, "exclamation_mark"), _whole("#question", "#keys")),
    "screening": (None, ("p", "s"), _titled("Safety first")),
    "progress": (None, ("p", "g"), _titled("Progress")),
    "editor": (None, ("c",), _editor),
}


@pytest.mark.parametrize("route", list(RESIZED))
async def test_each_screen_and_modal_fits_at_every_size(
    data_dir: Path, route: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, steps, check = RESIZED[route]
    _write_long_routine(seed=len(route))
    if route == "summary-long-words":
        from supple.tui.screens.summary import SummaryScreen

        words = "easier: " + _long_words(random.Random(len(route)), 52)
        monkeypatch.setattr(SummaryScreen, "_next_time", lambda self, exercise_id: words)
    app = build_app(data_dir, start, screened=route != "screening")
    async with app.run_test(size=SIZES[-1]) as pilot:
        await settle(pilot)
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            elif callable(step):
                step(app)
            else:
                advance(app, step)
            await settle(pilot)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.pause()
            assert len(screen_text(app).splitlines()) == size[1], (route, size)
            check(app, size)
