"""Block fonts for big text: a 3×5 font of digits for small spaces and a 5×7 font of digits and
capitals, laid out as pixels at any whole scale that fits a box (drawn as half-block cells)."""

from __future__ import annotations

from functools import lru_cache

from supple.core.figure import EMPTY, Raster
from supple.core.value import value_class


@value_class(frozen=True, slots=True)
class Font:
    name: str
    height: int
    glyphs: dict[str, tuple[str, ...]]  # each glyph's rows, "#" a pixel

    def has(self, text: str) -> bool:
        return all(c in self.glyphs for c in text)


def _font(name: str, height: int, table: str) -> Font:
    glyphs: dict[str, tuple[str, ...]] = {}
    for entry in table.strip().split("\n\n"):
        char, *rows = entry.split("\n")
        glyphs[char.strip().strip("'")] = tuple(rows)
    for char, glyph in glyphs.items():
        if len(glyph) != height or len({len(r) for r in glyph}) != 1:
            raise ValueError(f"font {name}: glyph {char!r} is not {height} rows of one width")
    return Font(name, height, glyphs)


SMALL = _font(
    "3x5",
    5,
    """
0
###
#.#
#.#
#.#
###

1
.#.
##.
.#.
.#.
###

2
###
..#
###
#..
###

3
###
..#
###
..#
###

4
#.#
#.#
###
..#
..#

5
###
#..
###
..#
###

6
###
#..
###
#.#
###

7
###
..#
..#
..#
..#

8
###
#.#
###
#.#
###

9
###
#.#
###
..#
###

:
.
#
.
#
.

' '
..
..
..
..
..
""",
)

LARGE = _font(
    "5x7",
    7,
    """
0
.###.
#...#
#...#
#...#
#...#
#...#
.###.

1
..#..
.##..
..#..
..#..
..#..
..#..
.###.

2
.###.
#...#
....#
...#.
..#..
.#...
#####

3
.###.
#...#
....#
..##.
....#
#...#
.###.

4
...#.
..##.
.#.#.
#..#.
#####
...#.
...#.

5
#####
#....
####.
....#
....#
#...#
.###.

6
..##.
.#...
#....
####.
#...#
#...#
.###.

7
#####
....#
...#.
..#..
.#...
.#...
.#...

8
.###.
#...#
#...#
.###.
#...#
#...#
.###.

9
.###.
#...#
#...#
.####
....#
...#.
.##..

:
..
##
##
..
##
##
..

A
.###.
#...#
#...#
#####
#...#
#...#
#...#

C
.###.
#...#
#....
#....
#....
#...#
.###.

D
####.
#...#
#...#
#...#
#...#
#...#
####.

E
#####
#....
#....
####.
#....
#....
#####

G
.###.
#...#
#....
#.###
#...#
#...#
.####

H
#...#
#...#
#...#
#####
#...#
#...#
#...#

I
###
.#.
.#.
.#.
.#.
.#.
###

L
#....
#....
#....
#....
#....
#....
#####

N
#...#
##..#
##..#
#.#.#
#..##
#..##
#...#

O
.###.
#...#
#...#
#...#
#...#
#...#
.###.

P
####.
#...#
#...#
####.
#....
#....
#....

R
####.
#...#
#...#
####.
#.#..
#..#.
#...#

S
.####
#....
#....
.###.
....#
....#
####.

T
#####
..#..
..#..
..#..
..#..
..#..
..#..

U
#...#
#...#
#...#
#...#
#...#
#...#
.###.

W
#...#
#...#
#...#
#.#.#
#.#.#
#.#.#
.#.#.

X
#...#
#...#
.#.#.
..#..
.#.#.
#...#
#...#

Y
#...#
#...#
.#.#.
..#..
..#..
..#..
..#..

' '
...
...
...
...
...
...
...
""",
)

FONTS = (SMALL, LARGE)


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
    """How many cells ``text`` takes in ``font`` at a scale (one font pixel between glyphs)."""
    tall = wide if tall is None else tall
    width = sum(len(font.glyphs[c][0]) for c in text) + max(0, len(text) - 1)
    return Layout(font, wide, tall, width * wide, -(-font.height * tall // 2))


@lru_cache(maxsize=1024)
def fit(text: str, columns: int, rows: int, *, max_scale: int = 40) -> Layout | None:
    """The setting of ``text`` that reads best in ``columns`` × ``rows`` cells, or None if not
    even the smallest fits. The tallest wins (height is what reads from across a room), the
    5×7 font where it is nearly as tall; glyphs may be drawn up to half as tall again as they
    are wide, like a clock's digits, when that makes them taller in a narrow box; among equals
    the widest (the truest shapes). Cached: a countdown asks for the same few boxes."""
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
    """``text`` as pixels: ``value`` where a glyph has ink, EMPTY elsewhere."""
    font = LARGE if font_name == LARGE.name else SMALL
    height = font.height * tall
    rows: list[list[int]] = [[] for _ in range(height)]
    for index, char in enumerate(text):
        glyph = font.glyphs[char]
        for y in range(font.height):
            line = []
            for pixel in glyph[y]:
                line.extend([value if pixel == "#" else EMPTY] * wide)
            if index:
                line = [EMPTY] * wide + line
            for k in range(tall):
                rows[y * tall + k].extend(line)
    if height % 2:  # whole cells: the last half row is empty
        rows.append([EMPTY] * len(rows[0]))
    return tuple(tuple(r) for r in rows)
