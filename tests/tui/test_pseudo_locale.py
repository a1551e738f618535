"""Nothing cut in any language (issue 28 item 4): every scene of scenes.py at 60 × 20 under the
pseudo-locale, where every string is about 40 % longer and bracketed, ``[Ŝéššíóñ]``. A string cut
at an edge, or pushed off it, loses its closing bracket: on the screen, read row by row, each
``[`` must be closed by a ``]`` (on its row or, wrapped, on a later one). A name cut on purpose
(a routine's or exercise's title in a short list, which shows whole elsewhere) ends in ``…`` and
counts as closed: the cut shows.

And German and Spanish at 60 × 20 and 100 × 30 on home, the player, the summary and settings:
no sentence of the screens left in English, every placeholder filled."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from supple import i18n
from tests.tui.scenes import SCENES, Scene, play, scene_app, settle

LOCALE = Path(i18n.__file__).parent / "locale"


def screen_rows(app: Any) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def unclosed(rows: list[str]) -> list[tuple[int, int]]:
    """Where (row, column) a bracketed string starts and is never closed (nor visibly cut: …)."""
    opened: list[tuple[int, int]] = []  # where each string still open starts
    for number, row in enumerate(rows):
        for column, char in enumerate(row):
            if char == "[":
                opened.append((number, column))
            elif char == "]" and opened:
                opened.pop()
            elif char == "…":  # cut on purpose, and it shows: every string it cuts (nested
                while opened and opened[-1][0] == number:  # ones too) opened on this row
                    opened.pop()
    return opened


def reachable(app: Any, where: tuple[int, int]) -> bool:
    """Whether the string at ``where`` (row, column) is whole a scroll away (its container has
    more below or to the right), or lies on the screen beneath a dialog (checked in that
    screen's own scenes)."""
    widget, _region = app.screen.get_widget_at(where[1], where[0])
    if widget is app.screen and app.screen.is_modal:
        return True
    for node in (widget, *widget.ancestors_with_self):
        if getattr(node, "max_scroll_y", 0) > getattr(node, "scroll_y", 0):
            return True
        if getattr(node, "max_scroll_x", 0) > getattr(node, "scroll_x", 0):  # a wide table
            return True
    return False


def cut(app: Any) -> list[str]:
    """The rows of the screen with a string cut (or run off an edge) that no scrolling shows."""
    rows = screen_rows(app)
    return [rows[row] for row, column in unclosed(rows) if not reachable(app, (row, column))]


async def rendered(
    scene: Scene,
    sizes: list[tuple[int, int]],
    language: str,
    tmp: Path,
    *,
    environment: pytest.MonkeyPatch | None = None,
    cut: Callable[[Any], list[str]] = cut,
) -> list[tuple[list[str], list[str]]]:
    """The scene played in ``language`` at the first size, then the terminal resized to each
    next one: the screen's rows and its cut rows at each size. ``environment``: the language
    set in ``LANGUAGE`` (read afresh, as a real start reads it) rather than chosen as --lang."""
    app = scene_app(replace(scene, lang=language), tmp, environment=environment)
    shown = []
    async with app.run_test(size=sizes[0]) as pilot:
        await play(pilot, scene)
        shown.append((screen_rows(app), cut(app)))
        for size in sizes[1:]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            shown.append((screen_rows(app), cut(app)))
    return shown


def at_60x20() -> list[Scene]:
    """Each scene once at 60 × 20 (one played at another size or in another theme is the same
    screen here); not the too-small notice, which is below the minimum on purpose."""
    seen: dict[tuple[object, ...], Scene] = {}
    for scene in SCENES:
        key = (scene.start, scene.steps, scene.history, scene.program)
        key += (scene.yesterday, scene.screened)
        if scene.name != "too-small":
            seen.setdefault(key, scene)
    return list(seen.values())


SMALL = at_60x20()


def test_the_detector_finds_a_cut_string_and_passes_whole_and_wrapped_ones() -> None:
    assert unclosed(["│[Šéššíóñ]│", "[Ñéxt: │", "thé éñd]"]) == []
    assert unclosed(["[Lówér báçk mó…  [ŠŠtáá"]) == [(0, 17)]
    assert unclosed(["[ŠŠtáárt]  [Léévél]", "  [Béggíñ"]) == [(1, 2)]
    assert unclosed(["1. [Árm] [[5 rré…", "[Ñéxt"]) == [(1, 0)]  # a nested string cut: shown


@pytest.mark.parametrize("scene", SMALL, ids=[s.name for s in SMALL])
async def test_every_scene_at_60x20_in_the_pseudo_locale_cuts_nothing_and_leaves_no_english(
    scene: Scene, tmp_path: Path
) -> None:
    """And no English outside the brackets: a text never marked for translation (a title
    written as a literal, a label built from an id) shows as it is, which the brackets alone
    cannot catch; the editor shows its file's own fields."""
    [(rows, cut_rows)] = await rendered(scene, [(60, 20)], "pseudo", tmp_path)
    assert any("[" in row for row in rows), "nothing translated on screen"
    assert cut_rows == [], "\n".join(rows)
    if not scene.name.startswith("editor"):
        assert english_outside(rows) == [], "\n".join(rows)


def outside(rows: list[str]) -> str:
    """The screen's text outside every bracketed (translated) string."""
    depth, kept = 0, []
    for row in rows:
        for char in row:
            if char == "[":
                depth += 1
            elif char in "]…" and depth:  # closed, or cut on purpose (and it shows)
                depth -= 1
            elif not depth:
                kept.append(char)
        kept.append("\n")
    return "".join(kept)


def english_outside(rows: list[str]) -> list[str]:
    """English words of the catalogue (four letters or more) outside the brackets, once ids,
    paths, notes and the bundled files' and faked records' own texts are taken out."""
    from tests.tui.test_languages_small import content

    text = outside(rows)
    text = re.sub(r"“[^”]*”?|\S*[/_]\S*|\w+(?:-\w+)+", " ", text)
    for name in content():
        text = text.replace(name, " ")
        for end in range(len(name) - 1, 3, -1) if " " in name else ():
            text = text.replace(name[:end] + "…", " ")
    english = english_words()
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.casefold() in english]


@functools.cache
def english_words() -> frozenset[str]:
    """The words of the template's English (four letters or more), but the app's name and the
    days and months (the dates' own)."""
    template = (LOCALE / "supple.pot").read_text(encoding="utf-8")
    ids = re.findall(r'^msgid(?:_plural)? "(.*)"$', template, flags=re.MULTILINE)
    words = {w.casefold() for text in ids for w in re.findall(r"[A-Za-z]{4,}", text)}
    return frozenset(words - {"supple", "june", "july"})


def test_english_outside_the_brackets_is_found() -> None:
    assert english_outside(["[Šéššíóñ] The exercise library", "[Ñéxt: ", "Back] Stats"]) == [
        "exercise",
        "library",
        "Stats",
    ]
    assert english_outside(["back-pain-relief · [Ñéxt]", "“easier than yesterday”"]) == []


def english_sentences() -> list[str]:
    """The screens' own sentences (their template entries from supple.tui and the settings),
    each part between placeholders of two words and ten characters or more."""
    from babel.messages.pofile import read_po

    with (LOCALE / "supple.pot").open("rb") as file:
        template = read_po(file)
    found = []
    for message in template:
        ours = any(
            p.startswith(("src/supple/tui/", "src/supple/core/config"))
            for p, _ in message.locations
        )
        if ours and isinstance(message.id, str) and len(message.id.split()) >= 2:
            found += (part.strip() for part in re.split(r"\{[^{}]*\}|\n", message.id))
    return [s for s in found if len(s) >= 10 and " " in s]


SHOWN = {
    "home": next(s for s in SCENES if s.name == "home"),
    "player": next(s for s in SCENES if s.name == "rest-next-up"),
    "summary": next(s for s in SCENES if s.name == "summary"),
    "settings": Scene("settings", None, ("comma",)),
}


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize("where", list(SHOWN))
async def test_german_and_spanish_screens_leave_no_english_and_fill_every_placeholder(
    language: str, where: str, tmp_path: Path
) -> None:
    """At 60 × 20, then resized to 100 × 30."""
    pytest.importorskip("babel", reason="the test extra installs Babel")
    sentences = english_sentences()
    assert "Enter to start" in sentences  # the list is the screens' own
    for rows, _cut in await rendered(SHOWN[where], [(60, 20), (100, 30)], language, tmp_path):
        text = " ".join(" ".join(rows).split())
        assert not re.search(r"\{[a-z_]*\}", text), text
        left = [s for s in sentences if s in text]
        assert left == [], "\n".join(rows)
