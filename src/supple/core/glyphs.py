"""Block fonts for big text: a 3×5 font of digits for small spaces and a 5×7 font of digits,
capitals and accents, laid out as pixels at any whole scale that fits a box (drawn as half-block
cells).

The 5×7 font is a face of capitals, like a station's board: lower case is set in capitals, ß in
the capital sharp s (ẞ, its own shape, so a word keeps its letters). A letter is its base and its
combining marks (É is E and an acute, however the text spells it); the accents are drawn above
the capital in rows the text takes only when it carries one. A text with any character the font
does not draw (another script, an emoji, a mark not declared) is not set at all: ``fit`` gives
None and the widget shows it as plain text, never a box, a blank or a letter without its accent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from supple.core import font_tables
from supple.core.figure import EMPTY, Raster
from supple.core.value import value_class

Rows = tuple[str, ...]  # a glyph's rows, "#" a pixel


@value_class(frozen=True, slots=True)
class Font:
    name: str
    height: int
    glyphs: dict[str, Rows]

    def has(self, text: str) -> bool:
        """Whether every letter of ``text`` is drawn in this font (accents included)."""
        return _drawn(text, self.name) is not None


def _font(name: str, height: int, table: str) -> Font:
    glyphs: dict[str, Rows] = {}
    for block in table.strip().split("\n\n"):
        head, *lines = block.split("\n")
        chars = [c.strip("'") or c[1] for c in re.findall(r"'.'|\S+", head)]
        columns = [line.split(" ") for line in lines]
        if any(len(row) != len(chars) for row in columns):
            raise ValueError(f"font {name}: a row of {head!r} has not {len(chars)} glyphs")
        for index, char in enumerate(chars):
            glyphs[char] = tuple(row[index] for row in columns)
    for turned, original in font_tables.TURNED.items():
        if original in glyphs:
            glyphs[turned] = tuple(row[::-1] for row in reversed(glyphs[original]))
    for char, glyph in glyphs.items():
        if len(glyph) != height or len({len(r) for r in glyph}) != 1:
            raise ValueError(f"font {name}: glyph {char!r} is not {height} rows of one width")
    return Font(name, height, glyphs)


SMALL = _font("3x5", 5, font_tables.SMALL)
LARGE = _font("5x7", 7, font_tables.LARGE)
FONTS = (SMALL, LARGE)
_BY_NAME = {font.name: font for font in FONTS}


def letters(text: str) -> tuple[tuple[str, str], ...] | None:
    """``text`` as letters: each its base character and its combining marks (canonical
    decomposition, so a precomposed É and E + U+0301 are one letter), or None when a mark has
    no letter to sit on."""
    found: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char).startswith("M"):
            if not found:
                return None
            base, marks = found[-1]
            found[-1] = (base, marks + char)
        else:
            found.append((char, ""))
    return tuple(found)


def capital(char: str) -> str:
    """The capital a letter is set in: ß as ẞ; a letter whose capital is two (ŉ, ﬁ) stays
    itself, and is then not drawn."""
    if char == "ß":
        return "ẞ"
    upper = char.upper()
    return upper if len(upper) == 1 else char


@lru_cache(maxsize=1024)
def _drawn(text: str, font_name: str) -> tuple[Rows, ...] | None:
    """Each letter of ``text`` as its rows in a font, accents in place, all as tall as the
    text's tallest (rows above for accents, below for a cedilla, only if some letter has one);
    None if any is not drawn."""
    font = _BY_NAME[font_name]
    parts: list[tuple[Rows, Rows, Rows]] = []
    for base, marks in letters(text) or (("\0", ""),):  # a lone mark: drawn nowhere
        glyph = font.glyphs.get(capital(base))
        if glyph is None:
            return None
        above: Rows = ()
        below: Rows = ()
        for mark in marks:
            if mark in font_tables.ABOVE and not above:
                above = font_tables.ABOVE[mark]
            elif mark in font_tables.BELOW and not below:
                below = font_tables.BELOW[mark]
            else:
                return None  # a mark not drawn, or a second one where one goes
        if any(len(mark[0]) > len(glyph[0]) for mark in (above, below) if mark):
            return None
        parts.append((glyph, above, below))
    ascent = max((len(above) + 1 for _, above, _ in parts if above), default=0)
    descent = max((len(below) for _, _, below in parts), default=0)
    return tuple(_stacked(*part, ascent, descent) for part in parts)


def _stacked(glyph: Rows, above: Rows, below: Rows, ascent: int, descent: int) -> Rows:
    """A glyph with its accents: the mark above bottom-aligned over one empty row, the mark
    below hanging from the glyph, each centred on it; empty rows to the text's height."""
    width = len(glyph[0])

    def centred(row: str) -> str:
        left = (width - len(row)) // 2
        return "." * left + row + "." * (width - len(row) - left)

    blank = "." * width
    top = [blank] * (ascent - len(above) - 1) + [centred(r) for r in above] if above else []
    top += [blank] * (ascent - len(top))
    bottom = [centred(r) for r in below] + [blank] * (descent - len(below))
    return (*top, *glyph, *bottom)


@value_class(frozen=True, slots=True)
class Layout:
    """Text set in a font at a scale (each font pixel ``wide`` × ``tall`` pixels): its size in
    cells (two pixel rows a cell)."""

    font: Font
    wide: int
    tall: int
    columns: int
    rows: int


def measure(text: str, font: Font, wide: int, tall: int | None = None) -> Layout:
    """How many cells ``text`` takes in ``font`` at a scale (one font pixel between glyphs);
    ValueError if the font does not draw it (ask ``Font.has``)."""
    tall = wide if tall is None else tall
    drawn = _drawn(text, font.name) if text else ()
    if drawn is None:
        raise ValueError(f"font {font.name} does not draw {text!r}")
    width = sum(len(glyph[0]) for glyph in drawn) + max(0, len(drawn) - 1)
    height = len(drawn[0]) if drawn else font.height
    return Layout(font, wide, tall, width * wide, -(-height * tall // 2))


@lru_cache(maxsize=1024)
def fit(text: str, columns: int, rows: int, *, max_scale: int = 40) -> Layout | None:
    """The setting of ``text`` that reads best in ``columns`` × ``rows`` cells, or None if not
    even the smallest fits or no font draws every letter of it (then it is shown as plain
    text). The tallest wins (height is what reads from across a room), the 5×7 font where it
    is nearly as tall; glyphs may be drawn up to half as tall again as they are wide, like a
    clock's digits, when that makes them taller in a narrow box; among equals the widest (the
    truest shapes). Cached: a countdown asks for the same few boxes."""
    best: Layout | None = None
    for font in FONTS:
        if not text or not font.has(text):
            continue
        for tall in range(1, max_scale + 1):
            narrowest = max(1, -(-tall * 2 // 3))
            if measure(text, font, narrowest, tall).rows > rows:
                break  # taller settings are taller still
            for wide in range(tall, narrowest - 1, -1):
                layout = measure(text, font, wide, tall)
                if layout.columns <= columns:
                    if best is None or _looks(layout) > _looks(best):
                        best = layout
                    break  # the widest that fits at this height
            else:
                break  # not even the narrowest fits this wide: taller ones are wider still
    return best


def _looks(layout: Layout) -> tuple[float, int]:
    """How well a setting reads: its height, the 5×7 font counted a third taller for its
    rounder shapes (at 200 × 60 "0:05" is 14 rows in 5×7 rather than 15 in 3×5); then width."""
    return (layout.rows * (4 / 3 if layout.font is LARGE else 1.0), layout.wide)


@lru_cache(maxsize=256)
def render(text: str, font_name: str, wide: int, tall: int, value: int) -> Raster:
    """``text`` as pixels: ``value`` where a glyph has ink, EMPTY elsewhere (``text`` drawn in
    the font: see ``Font.has``)."""
    drawn = _drawn(text, font_name)
    if not drawn:
        raise ValueError(f"font {font_name} does not draw {text!r}")
    height = len(drawn[0]) * tall
    rows: list[list[int]] = [[] for _ in range(height)]
    for index, glyph in enumerate(drawn):
        for y, pixels in enumerate(glyph):
            line = [EMPTY] * wide if index else []
            for pixel in pixels:
                line.extend([value if pixel == "#" else EMPTY] * wide)
            for k in range(tall):
                rows[y * tall + k].extend(line)
    if height % 2:  # whole cells: the last half row is empty
        rows.append([EMPTY] * len(rows[0]))
    return tuple(tuple(r) for r in rows)
