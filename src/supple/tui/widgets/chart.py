"""Bar charts in block characters: a y axis with round ticks, labelled columns, their values."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from supple.i18n import _, lazy

EIGHTHS = "▁▂▃▄▅▆▇█"  # a cell filled from the bottom, one eighth at a time
STEPS = (1.0, 2.0, 2.5, 5.0)  # tick steps, times a power of ten
Role = Literal[
    "blank", "axis", "bar", "highlight", "bar-down", "highlight-down", "value", "label",
    "missing", "title", "note", "empty",
]  # fmt: skip
Line = list[tuple[str, Role]]
ROLES: tuple[Role, ...] = Role.__args__  # type: ignore[attr-defined]


def nice_ticks(low: float, high: float, most: int = 4) -> tuple[float, ...]:
    """Round values between ``low`` and ``high`` (which always span 0), 0 among them: the
    multiples of the smallest step (1, 2, 2.5 or 5 × 10ⁿ) that makes at most ``most`` of them.
    Steps at most twice apart guarantee two or more on any range not empty when ``most`` is 3
    or more; with 2, a range may get 0 alone."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = max(high, -low)
    if span <= 0:
        return (0.0,)
    most = max(2, most)
    exponent = math.floor(math.log10(span / most)) - 1
    while True:
        for base in STEPS:
            step = base * 10.0**exponent
            first = math.ceil(low / step - 1e-9)
            last = math.floor(high / step + 1e-9)
            if last - first + 1 <= most:
                return tuple(round(k * step, 9) + 0.0 for k in range(first, last + 1))
        exponent += 1


def tick_text(value: float) -> str:
    return f"{value:g}"


def label_start(centre: float, label: str) -> int:
    """Where a label centred under ``centre`` begins."""
    return math.floor(centre - (cell_len(label) - 1) / 2 + 0.5)


def place_labels(
    centres: Sequence[float], labels: Sequence[str], width: int
) -> list[tuple[int, int]]:
    """(column, start) of the x labels shown: every n-th label counted back from the last (so
    the newest always shows), with the smallest n for which each label sits under its column,
    all fit in ``width`` and one blank at least separates two of them."""
    wanted = [i for i, label in enumerate(labels) if label]
    for stride in range(1, len(wanted) + 1):
        chosen = wanted[::-1][::stride][::-1]
        starts = [
            min(max(0, label_start(centres[i], labels[i])), width - cell_len(labels[i]))
            for i in chosen
        ]
        fits = all(start >= 0 for start in starts)
        apart = all(
            a + cell_len(labels[i]) + 1 <= b
            for i, a, b in zip(chosen, starts, starts[1:], strict=False)
        )
        if fits and apart:
            return list(zip(chosen, starts, strict=True))
    return []


@dataclass(frozen=True, slots=True)
class Scale:
    """Rows of bars over ``low``..``high``: ``up`` rows above zero, ``down`` below, ``unit`` a
    row. Zero falls on a row boundary, so a bar up and a bar down both start from it."""

    rows: int
    up: int
    down: int
    unit: float

    @classmethod
    def over(cls, rows: int, low: float, high: float) -> Scale:
        rows = max(2, rows)
        up = round(rows * high / (high - low)) if high > low else rows
        up = min(rows - (1 if low < 0 else 0), max(1, up))  # a row over zero for "not yet"
        down = rows - up
        return cls(rows, up, down, max(high / up, (-low / down) if down else 0.0) or 1.0)

    def level(self, value: float) -> int:
        """The row (0: the x axis, 1..rows from the bottom) holding ``value``'s level, where
        a bar of that value ends. Zero with bars below it: the row just over the boundary,
        where a zero or a missing value is written."""
        if value == 0 and self.down:
            return self.down + 1
        return math.ceil(value / self.unit + self.down - 1e-9)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, with an ellipsis where it was cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


@dataclass(frozen=True, slots=True)
class Column:
    value: float | None  # None: not there yet (drawn as "·" with "not yet" above)
    label: str = ""  # under the axis, where labels have room
    text: str | None = None  # above the bar, where it has room; None: the value (or "not yet")
    highlight: bool = False  # in the accent colour (this week); never the only sign of it


@dataclass(frozen=True, slots=True)
class Chart:
    """What a bar chart shows and how; ``lines(width)`` draws it (pure, so tests read it)."""

    columns: tuple[Column, ...] = ()
    rows: int = 8  # of bars, between the values' row and the x axis
    unit: str = ""  # over the y axis
    scale: tuple[float, float] | None = None  # fixed (low, high); None: 0 to the values
    ticks: tuple[float, ...] | None = None  # fixed ticks; None: nice_ticks of the scale
    bar: tuple[int, int] = (1, 4)  # the narrowest and the widest bar, in cells
    gap: int = 1  # cells between two bars
    keep: Literal["all", "last"] = "all"  # "last": drop the oldest columns that do not fit
    labels: Literal["spaced", "ends"] = "spaced"  # "ends": only the first and last column's
    title: str = ""
    note: str = ""
    empty: str = lazy("Nothing yet.")  # instead of an empty axis, when no column has a value
    marks: bool = True  # a ┬ on the x axis under each labelled column
    # Not an init field: dataclasses.replace would hand the copy the same dict.
    _cache: dict[int, list[Line]] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )

    def lines(self, width: int) -> list[Line]:
        if width not in self._cache:
            self._cache.clear()  # one width at a time is all a widget needs
            self._cache[width] = self._draw(max(1, width))
        return self._cache[width]

    def plain(self, width: int) -> list[str]:
        """The chart's text without styles, one string a line, trailing blanks dropped."""
        return ["".join(text for text, _ in line).rstrip() for line in self.lines(width)]

    def _range(self, columns: Sequence[Column]) -> tuple[float, float]:
        if self.scale is not None:
            return self.scale
        known = [c.value for c in columns if c.value is not None]
        low, high = min([0.0, *known]), max([0.0, *known])
        return (low, high) if high > low else (0.0, 1.0)

    def _ticks(self, low: float, high: float) -> tuple[float, ...]:
        """The given ticks, or the most round ones (up to 4) with a free row between two."""
        if self.ticks is not None:
            return self.ticks
        scale = Scale.over(self.rows, low, high)
        for most in (4, 3, 2):
            ticks = nice_ticks(low, high, most)
            levels = [scale.level(t) for t in ticks]
            spaced = all(b - a >= 2 for a, b in zip(levels, levels[1:], strict=False))
            if len(ticks) >= 2 and spaced:
                return ticks
        return nice_ticks(low, high, 3)  # crowded: the drawing drops a tick beside another

    def _draw(self, width: int) -> list[Line]:
        out: list[Line] = []
        if self.title:
            out.append([(fit(self.title, width), "title")])
        if self.note:
            out.append([(fit(self.note, width), "note")])
        columns = list(self.columns)
        if not any(c.value is not None for c in columns):
            out.append([(fit(_(self.empty), width), "empty")])  # declared with lazy()
            return out

        def gutter(columns: Sequence[Column]) -> tuple[tuple[float, ...], int]:
            ticks = self._ticks(*self._range(columns))
            return ticks, max([cell_len(self.unit), *(len(tick_text(t)) for t in ticks)])

        ticks, left = gutter(columns)
        narrow, wide = self.bar
        gap = self.gap
        room = width - (left + 3) - 1  # the tick labels, " │ " before the bars, one ─ after

        def widest(n: int) -> int:
            return (room - (n - 1) * gap) // n

        if widest(len(columns)) < narrow and self.keep == "last":
            columns = columns[-max(1, (room + gap) // (narrow + gap)) :]
            ticks, left = gutter(columns)
        n = len(columns)
        bar = max(narrow, min(wide, widest(n)))
        return out + _Canvas(self, columns, ticks, left, bar, gap, width).draw()


class _Canvas:
    """One chart drawn cell by cell: rows from the top are the values' row, the bars, the
    x axis and its labels; a wide character takes its cell and an empty one after it."""

    def __init__(
        self,
        chart: Chart,
        columns: Sequence[Column],
        ticks: Sequence[float],
        left: int,
        bar: int,
        gap: int,
        width: int,
    ) -> None:
        self.chart, self.columns, self.ticks = chart, columns, ticks
        self.bar, self.gap, self.width = bar, gap, width
        self.rows = max(2, chart.rows)
        self.axis_x = left + 1
        self.left = left
        self.first_x = self.axis_x + 2
        self.cells: list[list[list[str]]] = [
            [[" ", "blank"] for _ in range(width)] for _ in range(self.rows + 3)
        ]
        self.owner: list[int | None] = [None] * width
        scale = self.scale = Scale.over(chart.rows, *chart._range(columns))
        self.up, self.down, self.unit = scale.up, scale.down, scale.unit

    def y(self, k: int) -> int:
        """The canvas row of level ``k`` (-1: x labels, 0: x axis, 1..rows: bars, rows + 1:
        the values over the tallest bars)."""
        return self.rows + 1 - k

    def x(self, i: int) -> int:
        return self.first_x + i * (self.bar + self.gap)

    def put(self, k: int, x: int, text: str, role: Role) -> None:
        """``text`` from cell ``x`` on level ``k`` (-1: the x labels), cut at the edge."""
        row = self.cells[self.y(k)]
        for char in text:
            size = cell_len(char)
            if x >= 0 and x + size <= self.width:
                row[x] = [char, role]
                for extra in range(1, size):
                    row[x + extra] = ["", role]
            x += size

    def free(self, k: int, start: int, end: int, i: int) -> bool:
        """Cells start..end-1 on level k are blank and over column i's bar or a gap, and the
        cells either side hold no other value."""
        if k > self.rows + 1 or start <= self.axis_x or end > self.width:
            return False
        row = self.cells[self.y(k)]
        if any(row[x][1] != "blank" or self.owner[x] not in (None, i) for x in range(start, end)):
            return False
        return all(not (0 <= x < self.width and row[x][1] == "value") for x in (start - 1, end))

    def draw(self) -> list[Line]:
        self.axes()
        for i in range(len(self.columns)):
            for x in range(self.x(i), min(self.x(i) + self.bar, self.width)):
                self.owner[x] = i
        # Every bar before any value, so no value is drawn where a later bar goes.
        levels = [self.column(i, column) for i, column in enumerate(self.columns)]
        for i, (column, level) in enumerate(zip(self.columns, levels, strict=True)):
            self.value(i, column, level)
        self.x_labels()
        lines = [self.line(row) for row in self.cells]
        if all(role == "blank" for _, role in lines[0]):
            lines = lines[1:]  # nothing over the tallest bar: no row for it
        if all(role == "blank" for _, role in lines[-1]):
            lines = lines[:-1]
        return lines

    def axes(self) -> None:
        end = self.x(len(self.columns) - 1) + self.bar + 1
        for k in range(1, self.rows + 1):
            self.put(k, self.axis_x, "│", "axis")
        self.put(0, self.axis_x, "└" + "─" * (end - self.axis_x - 1), "axis")
        self.put(self.rows + 1, 0, self.chart.unit, "axis")
        taken: set[int] = set()
        for tick in sorted(self.ticks, key=lambda t: (t != 0, -t)):  # 0, then from the top
            k = self.scale.level(tick)
            if not 0 <= k <= self.rows or taken & {k - 1, k, k + 1}:
                continue  # two labels on neighbouring rows would read as one
            taken.add(k)
            text = tick_text(tick)
            self.put(k, self.left - len(text), text, "axis")
            if k:
                self.put(k, self.axis_x, "┤", "axis")

    def column(self, i: int, column: Column) -> int:
        """Draw column ``i``'s bar (or its "·"); the level its value goes on."""
        x0, bar = self.x(i), self.bar
        value = column.value
        role: Role = "highlight" if column.highlight else "bar"
        text_k = self.down + 1  # where the value goes when the bar does not rise
        if value is None:
            self.put(self.down + 1, x0 + (bar - 1) // 2, "·", "missing")
            text_k = self.down + 2
        elif value > 0:
            eighths = min(self.up * 8, max(1, round(value / self.unit * 8)))
            full, part = divmod(eighths, 8)
            for k in range(self.down + 1, self.down + 1 + full):
                self.put(k, x0, "█" * bar, role)
            if part:
                self.put(self.down + 1 + full, x0, EIGHTHS[part - 1] * bar, role)
            text_k = self.down + full + (1 if part else 0) + 1
        elif value < 0:
            eighths = min(self.down * 8, max(1, round(-value / self.unit * 8)))
            full, part = divmod(eighths, 8)
            for k in range(self.down, self.down - full, -1):
                self.put(k, x0, "█" * bar, role)
            if part:  # the top `part` eighths: the rest of the cell in reverse video
                down: Role = "highlight-down" if column.highlight else "bar-down"
                self.put(self.down - full, x0, EIGHTHS[7 - part] * bar, down)
        return text_k

    def value(self, i: int, column: Column, k: int) -> None:
        """Column ``i``'s value centred over its bar on level ``k``, if it has room there."""
        text = column.text
        if text is None:
            text = _("not yet") if column.value is None else f"{column.value:g}"
        if text:
            start = label_start(self.x(i) + (self.bar - 1) / 2, text)
            if self.free(k, start, start + cell_len(text), i):
                self.put(k, start, text, "value")

    def x_labels(self) -> None:
        columns = self.columns
        labels = [c.label for c in columns]
        if self.chart.labels == "ends":
            labels = [label if i in (0, len(columns) - 1) else "" for i, label in enumerate(labels)]
        centres = [self.x(i) + (self.bar - 1) / 2 for i in range(len(columns))]
        for i, start in place_labels(centres, labels, self.width):
            self.put(-1, start, labels[i], "label")
            if self.chart.marks:
                self.put(0, math.floor(centres[i]), "┬", "axis")

    @staticmethod
    def line(row: list[list[str]]) -> Line:
        line: Line = []
        for char, role in row:
            if line and line[-1][1] == role:
                line[-1] = (line[-1][0] + char, line[-1][1])
            else:
                line.append((char, role))  # type: ignore[arg-type]
        return line


class BarChart(Widget):
    """Draws a ``Chart`` with the line API: the strips are built once per width and chart."""

    DEFAULT_CSS = """
    BarChart { height: auto; width: 1fr; }
    BarChart > .chart--axis { color: $text-muted; }
    BarChart > .chart--bar { color: $primary; }
    BarChart > .chart--highlight { color: $accent; }
    BarChart > .chart--value { color: $text; text-style: bold; }
    BarChart > .chart--label { color: $text-muted; }
    BarChart > .chart--missing { color: $text-muted; }
    BarChart > .chart--title { text-style: bold; }
    BarChart > .chart--note { color: $text-muted; }
    BarChart > .chart--empty { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "chart--axis", "chart--bar", "chart--highlight", "chart--value", "chart--label",
        "chart--missing", "chart--title", "chart--note", "chart--empty",
    }  # fmt: skip

    def __init__(
        self, chart: Chart | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._chart = chart if chart is not None else Chart()
        self._strips: tuple[int, list[Strip]] | None = None
        self._styles: dict[Role, Style] | None = None

    @property
    def chart(self) -> Chart:
        return self._chart

    def show(self, chart: Chart) -> None:
        """Draw ``chart`` from now on (nothing to do if it is the one shown)."""
        if chart == self._chart:
            return
        self._chart = chart
        self._strips = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        self._styles = None
        self._strips = None
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._chart.lines(width))

    def _role_styles(self) -> dict[Role, Style]:
        if self._styles is None:
            base = self.rich_style
            styles: dict[Role, Style] = {"blank": base}
            for role in ROLES:
                name = f"chart--{role.removesuffix('-down')}"
                if name in self.COMPONENT_CLASSES:
                    styles[role] = base + self.get_component_rich_style(name)
            # The top of a cell filled downwards: a bottom block with the colours swapped.
            styles["bar-down"] = styles["bar"] + Style(reverse=True)
            styles["highlight-down"] = styles["highlight"] + Style(reverse=True)
            self._styles = styles
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if self._strips is None or self._strips[0] != width:
            styles = self._role_styles()
            strips = [
                Strip([Segment(text, styles[role]) for text, role in line]).adjust_cell_length(
                    width, styles["blank"]
                )
                for line in self._chart.lines(width)
            ]
            self._strips = (width, strips)
        strips = self._strips[1]
        return strips[y] if y < len(strips) else Strip.blank(width, self.rich_style)
