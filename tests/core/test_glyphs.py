"""The big letters of the focus view: every letter German and Spanish need is drawn, accents in
place, within the cue word's box; any other text is set not at all (plain text), never wrongly."""

from __future__ import annotations

import ast
import string
import unicodedata
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

import supple
from supple.core import font_tables
from supple.core.figure import EMPTY
from supple.core.glyphs import FONTS, LARGE, capital, fit, letters, measure, render

LOCALES = Path(supple.__file__).parent / "locale"
# The cue word's box in the focus view (measured in the player): at 60 × 20 and at 200 × 60.
BOXES = {(60, 20): (56, 6), (200, 60): (196, 19)}
NEEDED = "äöüßñáéíóú¿¡ÄÖÜẞÑÁÉÍÓÚ" + "àèìòùçÀÈÌÒÙÇ"
WORDS = ("ÜBUNG", "Größe", "Niño", "¡Listo!", "¿Qué?", "EINATMEN", "AUSATMEN", "Exhala", "Mantén")
PSEUDO = ("[ÍÍÑÑHÁLÉ]", "[ŠŠWÍÍTÇH]")  # the pseudo-locale's cue words (accented, bracketed)
LINES = ("Einatmen — Kuh: Bauch sinkt", "Exhala — gato", "¡Respira, despacio!", "Übung: 0:30")


def pixels(text: str) -> list[str]:
    """``text`` at scale 1 in the 5×7 font, as rows of "#" and "."."""
    raster = render(text, LARGE.name, 1, 1, 1)
    return ["".join("." if p == EMPTY else "#" for p in row) for row in raster]


@pytest.mark.parametrize("terminal", BOXES)
def test_every_letter_german_and_spanish_need_is_drawn_in_the_cue_box(
    terminal: tuple[int, int],
) -> None:
    columns, rows = BOXES[terminal]
    for text in (*NEEDED, *WORDS, *PSEUDO):
        layout = fit(text, columns, rows)
        assert layout is not None, (terminal, text)
        assert layout.columns <= columns and layout.rows <= rows, (terminal, text)
    for text in LINES:  # a line too long for the box is plain text there, never cut
        assert LARGE.has(text)
        layout = fit(text, columns, rows)
        if terminal == (200, 60):
            assert layout is not None, text
        if layout is not None:
            assert layout.columns <= columns and layout.rows <= rows


def test_an_accent_is_drawn_above_its_letter_and_each_reads_apart() -> None:
    for base in "AEIOU":
        marks = ("", "\u0301", "\u0300", "\u0302", "\u0308", "\u030c")
        shapes = [pixels(base + mark) for mark in marks]
        for one, other in combinations(shapes, 2):
            assert one != other, base
        accented = pixels(base + "\u0301")
        assert "#" in "".join(accented[:2]) and set(accented[2]) == {"."}  # the mark, a gap
        assert accented[3:10] == list(LARGE.glyphs[base])  # then the letter, whole
    assert pixels("Ñ") != pixels("N") and pixels("Ç")[7:] != pixels("C")[7:]
    assert pixels("Ç")[:7] == list(LARGE.glyphs["C"])  # the cedilla hangs below
    for one, other in combinations(["ẞ", "S", "B", "SS"], 2):
        assert pixels(one) != pixels(other)


def test_the_spanish_marks_are_the_others_turned_round() -> None:
    for turned, mark in (("¿", "?"), ("¡", "!")):
        body = pixels(mark)[: LARGE.height]  # (a last empty half row makes whole cells)
        assert pixels(turned)[: LARGE.height] == [row[::-1] for row in reversed(body)]


def test_a_letter_reads_the_same_however_it_is_spelled() -> None:
    """Lower case is set in capitals, a decomposed é as the precomposed one, ß as ẞ."""
    for text in ("größe", "niño", "¡listo!", "çà"):
        assert pixels(text) == pixels(text.upper().replace("SS", "ẞ"))
        assert pixels(unicodedata.normalize("NFD", text)) == pixels(text)


DRAWN_ALPHABET = list(NEEDED + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyzŠž0123456789:!?.,-—'()[]/ ")


def test_both_alphabets_are_drawn_whole() -> None:
    for letter in string.ascii_letters + NEEDED:
        assert LARGE.has(letter), letter


def translations(po: str) -> str:
    """Every translated text of a catalogue, run together (msgstr and its continued lines)."""
    found: list[str] = []
    inside = False
    for line in po.splitlines():
        if line.startswith("msgstr"):
            inside = True
            line = line.split(" ", 1)[1]
        elif not line.startswith('"'):
            inside = False
        if inside:
            found.append(ast.literal_eval(line))
    return "".join(found)


def test_every_letter_the_catalogues_use_is_drawn() -> None:
    """A translator's word may become a cue in big letters: each letter of every German and
    Spanish translation is in the 5×7 font (so a new letter needs a glyph before it ships)."""
    catalogues = sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))
    if not catalogues:
        pytest.skip("no catalogues yet")
    assert "ñ" in translations('msgid ""\n"x"\nmsgstr "a"\n"ñ"\n\nmsgid "b"\nmsgstr "c"\n')
    for path in catalogues:
        text = translations(path.read_text(encoding="utf-8"))
        missing = {c for c in text if c.isalpha() and not LARGE.has(c)}
        assert not missing, (path.parent.parent.name, sorted(missing))


MARKS = ["\u0301", "\u0308", "\u0327", "\u030a", "\u200d", "\ufe0f", "\u202e"]
TEXT = st.one_of(
    st.text(st.sampled_from(DRAWN_ALPHABET), max_size=14),  # drawn, or too big for the box
    st.text(st.sampled_from("0123456789: "), max_size=8),  # a countdown: the 3×5 font too
    st.lists(  # anything: CJK, emoji, right-to-left, controls, marks on anything
        st.one_of(st.sampled_from(DRAWN_ALPHABET), st.sampled_from(MARKS), st.characters()),
        max_size=14,
    ).map("".join),
)


def _drawn_everywhere(text: str) -> bool:
    """Independently of the layout code: each letter's capital is in a font and its marks are
    declared accents, one above and one below at most."""
    found = letters(text)
    if found is None:
        return False
    for base, marks in found:
        if not any(capital(base) in font.glyphs for font in FONTS):
            return False
        above = [m for m in marks if m in font_tables.ABOVE]
        below = [m for m in marks if m in font_tables.BELOW]
        if len(above) + len(below) != len(marks) or len(above) > 1 or len(below) > 1:
            return False
    return True


@settings(max_examples=250, deadline=None)
@given(text=TEXT, columns=st.integers(1, 200), rows=st.integers(1, 60))
@example(text="漢字", columns=200, rows=60)
@example(text="👍🏽", columns=200, rows=60)
@example(text="שָׁלוֹם", columns=200, rows=60)
@example(text="\u0301E", columns=200, rows=60)
@example(text="ﬁ Å Ω ǅ İ", columns=200, rows=60)
@example(text="[b]x[/b]", columns=200, rows=60)
def test_any_text_is_set_whole_in_its_box_or_left_to_plain_text(
    text: str, columns: int, rows: int
) -> None:
    layout = fit(text, columns, rows)
    event("plain text" if layout is None else f"set in {layout.font.name}")
    if layout is None:  # plain text: not drawn, or too big even at the smallest scale
        if text and _drawn_everywhere(text):
            assert all(
                measure(text, font, 1).columns > columns or measure(text, font, 1).rows > rows
                for font in FONTS
                if font.has(text)
            )
        return
    assert _drawn_everywhere(text) and layout.font.has(text)
    assert layout.columns <= columns and layout.rows <= rows
    raster = render(text, layout.font.name, layout.wide, layout.tall, 1)
    assert len(raster) == 2 * layout.rows and {len(r) for r in raster} == {layout.columns}
    if layout.font is LARGE:  # never a wrong glyph: each letter's block is its capital's
        glyphs = [LARGE.glyphs[capital(base)] for base, _ in letters(text) or ()]
        body = pixels(text)
        x = 0
        tops = set(range(len(body) - LARGE.height + 1))
        for glyph in glyphs:
            width = len(glyph[0])
            tops &= {
                t
                for t in tops
                if [row[x : x + width] for row in body[t : t + LARGE.height]] == list(glyph)
            }
            x += width + 1
        assert tops, text
