"""The bar charts: round ticks, x labels that never collide, bars to scale, and the stats and
program screens drawing them with their labels at 100 × 30 and 60 × 20."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import DataTable

from supple.core.program import MobilityTest
from supple.core.record import ExerciseEntry
from supple.core.stats import Stats, compute
from supple.tui.screens.program import ProgramScreen, results_chart
from supple.tui.screens.stats import StatsScreen, feelings_chart, minutes_text, weeks_chart
from supple.tui.widgets.chart import (
    EIGHTHS,
    BarChart,
    Chart,
    Column,
    nice_ticks,
    place_labels,
)
from tests.fakes import make_session_record
from tests.tui.conftest import build_app
from tests.tui.scenes import settle

TODAY = date(2026, 11, 24)
ZONE = timezone(timedelta(hours=1))
FILL = {" ": 0, **{glyph: n for n, glyph in enumerate(EIGHTHS, start=1)}}


def week_stats(minutes: list[float], feelings: list[int] | None = None) -> Stats:
    """Stats over 12 weeks with these work minutes (oldest first), one session each, and
    check-ins after the last sessions with these feelings."""
    records = []
    this_monday = TODAY - timedelta(days=TODAY.weekday())
    for back, value in enumerate(reversed(minutes)):
        if value:
            day = this_monday - timedelta(weeks=back)
            started = datetime(day.year, day.month, day.day, 7, tzinfo=ZONE)
            work = ExerciseEntry("sphinx", "Sphinx", "done", value * 60, value * 60, 1, 1, 0, 0)
            records.append(make_session_record(started, active=value * 60, exercises=[work]))
    for n, after in enumerate(feelings or []):
        started = datetime(2026, 11, 1, 8, tzinfo=ZONE) + timedelta(days=n % 23, minutes=n)
        records.append(make_session_record(started, active=1.0, after=after))
    return compute(records, TODAY)


def first_plot_row(lines: list[str]) -> int:
    return next(n for n, line in enumerate(lines) if "│" in line or "┤" in line)


def plot_rows(lines: list[str]) -> list[str]:
    """The rows of bars: between the values' row (if any) and the x axis."""
    axis = next(n for n, line in enumerate(lines) if "└" in line)
    return lines[first_plot_row(lines) : axis]


def fill_at(rows: list[str], x: int) -> int:
    """Eighths of a cell filled in column x, summed over the rows of bars."""
    return sum(FILL.get(row[x], 0) if x < len(row) else 0 for row in rows)


def bar_groups(rows: list[str]) -> list[list[int]]:
    """The x of each bar's cells, left to right (a bar is a run of filled columns)."""
    xs = sorted({x for row in rows for x, char in enumerate(row) if FILL.get(char, 0)})
    groups: list[list[int]] = []
    for x in xs:
        if groups and x == groups[-1][-1] + 1:
            groups[-1].append(x)
        else:
            groups.append([x])
    return groups


# -- ticks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "most", "ticks"),
    [
        (0, 4, 4, (0, 1, 2, 3, 4)[::2]),  # 0, 2, 4: five ticks of 1 are too many
        (0, 27, 4, (0, 10, 20)),
        (0, 60, 4, (0, 20, 40, 60)),
        (0, 80, 4, (0, 25, 50, 75)),
        (0, 55, 3, (0, 20, 40)),
        (0, 0.4, 4, (0, 0.2, 0.4)),
        (-12.5, 4, 3, (-10, -5, 0)),
        (0, 10, 3, (0, 5, 10)),
    ],
)
def test_nice_ticks_examples(low: float, high: float, most: int, ticks: tuple[float, ...]) -> None:
    assert nice_ticks(low, high, most) == tuple(float(t) for t in ticks)


def test_nice_ticks_are_round_few_and_inside_the_range() -> None:
    rng = random.Random(14)
    for _ in range(2000):
        high = rng.choice([0.0, rng.uniform(0, 10) ** rng.choice([1, 2, 3])])
        low = -rng.uniform(0, 50) if rng.random() < 0.3 else 0.0
        if high == low == 0:
            assert nice_ticks(low, high) == (0.0,)
            continue
        most = rng.choice([3, 4])
        ticks = nice_ticks(low, high, most)
        assert 2 <= len(ticks) <= most, (low, high, ticks)
        assert 0.0 in ticks
        assert all(low - 1e-9 <= t <= high + 1e-9 for t in ticks)
        steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
        assert len(steps) == 1  # evenly spaced
        step = steps.pop()
        mantissa = step / 10 ** (len(str(int(step))) - 1) if step >= 1 else step
        while mantissa < 1:
            mantissa *= 10
        assert round(mantissa, 6) in (1, 2, 2.5, 5), step


# -- x labels ---------------------------------------------------------------------------------


def test_place_labels_spaces_them_evenly_from_the_last() -> None:
    labels = [f"{n:02d} Nov" for n in range(11)] + ["this wk"]
    centres = [4 + 3 * n for n in range(12)]  # too close for every label
    placed = place_labels(centres, labels, 60)
    columns = [i for i, _ in placed]
    assert columns[-1] == 11
    # Labels of 6 or 7 cells need 8 between centres: every third column (9), not every other (6).
    assert columns == [2, 5, 8, 11]
    for (a, start), (_, following) in zip(placed, placed[1:], strict=False):
        assert start + len(labels[a]) + 1 <= following
    roomy = place_labels([4 + 8 * n for n in range(12)], labels, 200)
    assert [i for i, _ in roomy] == list(range(12))


def test_place_labels_gives_up_rather_than_overflow() -> None:
    assert place_labels([2.0], ["a long label"], 5) == []
    assert place_labels([1.0, 30.0], ["", "end"], 40) == [(1, 29)]


@pytest.mark.parametrize("width", range(40, 201))
def test_week_labels_never_collide_and_sit_under_their_bars(width: int) -> None:
    stats = week_stats([5, 0, 12, 30, 0, 0, 8, 20, 0, 44, 10, 25])
    lines = weeks_chart(stats).plain(width)
    assert all(cell_len(line) <= width for line in lines)
    axis, labels = lines[-2], lines[-1]
    assert labels.endswith("this wk")
    names = [f"{w.monday:%d %b}" for w in stats.weeks[:-1]] + ["this wk"]
    found = [(labels.find(name), name) for name in names if name in labels]
    assert len(found) >= 3
    for (a, first), (b, _) in zip(found, found[1:], strict=False):
        assert a + len(first) + 1 <= b  # one blank between two labels at least
    shown = [names.index(name) for _, name in found]
    assert len({b - a for a, b in zip(shown, shown[1:], strict=False)}) == 1  # every n-th week
    marks = [x for x, char in enumerate(axis) if char == "┬"]
    assert len(marks) == len(found)
    for x, (start, name) in zip(marks, found, strict=True):
        assert start <= x < start + len(name)  # the label is under its bar's mark


# -- bars, values and axes --------------------------------------------------------------------


def test_weeks_chart_bars_are_to_scale_with_values_ticks_and_unit() -> None:
    minutes = [0.0] * 9 + [12.0, 3.0, 6.0]
    lines = weeks_chart(week_stats(minutes)).plain(80)
    assert lines[0].startswith("min") and lines[0].split()[-1] == "12"
    rows = plot_rows(lines)
    assert len(rows) == 8
    axis = next(line for line in lines if "└" in line)
    assert axis.lstrip().startswith("0 └")
    ticks = {line.split("┤")[0].strip() for line in rows if "┤" in line}
    assert ticks == {"5", "10"}  # and 0 on the axis: 12 min at most, steps of 5
    groups = bar_groups(rows)
    assert len(groups) == 3  # nine zero weeks draw no bar at all
    assert all(len(group) == len(groups[0]) > 1 for group in groups)
    tallest, low, middle = (fill_at(rows, group[0]) for group in groups)
    assert tallest == 8 * 8  # the tallest week fills every row, up to the top one
    assert rows[0][groups[0][0]] == "█"
    assert (low, middle) == (16, 32)  # 3 and 6 minutes: a quarter and a half of 12
    first = first_plot_row(lines)
    for group, value in zip(groups, ("12", "3", "6"), strict=True):
        top = next(n for n, row in enumerate(rows) if row[group[0] : group[0] + 1].strip())
        above = lines[first + top - 1]
        assert above[group[0] : group[-1] + 1].strip() == value  # printed over its bar


def test_small_differences_show_in_eighths() -> None:
    lines = weeks_chart(week_stats([0.0] * 10 + [10.0, 9.5])).plain(80)
    rows = plot_rows(lines)
    ten, nine_and_a_half = bar_groups(rows)
    assert fill_at(rows, ten[0]) == 64
    assert fill_at(rows, nine_and_a_half[0]) == 61  # 9.5/10 of 64 eighths
    assert rows[0][nine_and_a_half[0]] == "▅"


def test_minutes_text_is_honest_about_small_weeks() -> None:
    assert [minutes_text(m) for m in (0, 0.4, 1.4, 12.6)] == ["", "<1", "1", "13"]


def test_no_sessions_and_no_check_ins_say_so_instead_of_an_empty_axis() -> None:
    stats = week_stats([0.0] * 12)
    assert weeks_chart(stats).plain(60) == ["No sessions in the last 12 weeks."]
    assert feelings_chart(stats).plain(60) == ["No check-ins yet."]


def test_feelings_chart_has_a_fixed_scale_and_the_dates_of_its_ends() -> None:
    stats = week_stats([0.0] * 11 + [5.0], feelings=[4, 10, 0, 7])
    lines = feelings_chart(stats).plain(60)
    ticks = [line.split("┤")[0].strip() for line in lines if "┤" in line]
    assert ticks == ["10", "5"]
    assert any(line.lstrip().startswith("0 └") for line in lines)
    assert lines[-1].split() == ["01", "Nov", "04", "Nov"]
    values = " ".join(lines[:-2]).split()
    for value in ("4", "10", "0", "7"):
        assert value in values
    rows = plot_rows(lines)
    groups = bar_groups(rows)
    assert len(groups) == 3  # 0/10 draws no bar, but its value shows
    reaching_top = [g for g in groups if rows[0][g[0]] == "█"]
    assert reaching_top == [groups[1]]  # only 10/10 fills the scale
    assert fill_at(rows, groups[1][0]) == 8 * len(rows)
    assert fill_at(rows, groups[0][0]) == round(0.4 * 8 * len(rows))


def test_feelings_chart_keeps_the_latest_check_ins_that_fit() -> None:
    feelings = [n % 11 for n in range(60)]
    stats = week_stats([0.0] * 11 + [5.0], feelings=feelings)
    chart = feelings_chart(stats)
    for width in (40, 60, 100, 200):
        lines = chart.plain(width)
        assert all(cell_len(line) <= width for line in lines)
        labels = lines[-1].split()
        last = stats.feelings[-1].day
        assert labels[-2:] == [f"{last:%d}", f"{last:%b}"]
    first = stats.feelings[0].day
    assert chart.plain(200)[-1].split()[:2] == [f"{first:%d}", f"{first:%b}"]  # all 60 fit
    assert chart.plain(40)[-1].split()[:2] != [f"{first:%d}", f"{first:%b}"]  # the latest


TOE = MobilityTest("toe", "Standing toe touch", "measure", "cm", "lower", -40, 100, ("x",))
HOLD = MobilityTest("hold", "Bridge hold (glutes)", "timed", "s", "higher", 1, 600, ("x",))


def test_a_test_chart_labels_points_values_and_which_way_is_better() -> None:
    lines = results_chart(HOLD, [45.0, 60.0, None]).plain(30)
    assert lines[0] == "Bridge hold" and lines[1] == "↑ higher is better"
    assert lines[2].startswith("s ")
    text = "\n".join(lines)
    assert "45 s" in text and "60 s" in text and "not yet" in text and "·" in text
    assert lines[-1].split() == ["start", "middle", "end"]
    below = lines[lines.index(next(line for line in lines if "not yet" in line)) + 1]
    assert below.strip().endswith("·")  # the missing point, at zero under its words
    assert "↓ lower is better" in results_chart(TOE, [14.0, 9.0, 4.0]).plain(30)


def test_a_lower_is_better_test_keeps_its_real_scale() -> None:
    """Better is not drawn taller: 14 → 4 cm is a bar that shrinks, said in words."""
    rows = plot_rows(results_chart(TOE, [14.0, 9.0, 4.0]).plain(30))
    start, middle, end = (fill_at(rows, group[0]) for group in bar_groups(rows))
    assert start == 8 * len(rows)
    assert (middle, end) == (round(start * 9 / 14), round(start * 4 / 14))


def test_negative_values_hang_below_zero() -> None:
    chart = results_chart(TOE, [-3.0, 4.0, -12.0])
    lines = chart.plain(30)
    text = "\n".join(lines)
    assert "-3 cm" in text and "4 cm" in text
    zero = next(line for line in lines if line.lstrip().startswith("0 "))
    ticks = [line.split("┤")[0].strip() for line in lines if "┤" in line]
    assert "-10" in ticks and "0" in ticks and lines.index(zero) < len(lines) - 2
    roles = {role for line in chart.lines(30) for _, role in line}
    assert "bar-down" in roles  # part cells below zero: drawn in reverse video


def test_nothing_measured_yet() -> None:
    assert results_chart(TOE, [None, None, None]).plain(30)[-1] == "not taken yet"


def test_wide_characters_never_push_a_line_past_the_width() -> None:
    chart = Chart(
        (Column(3.0, label="月曜日"), Column(None, label="火曜日")),
        unit="分钟",
        title="ストレッチの記録ストレッチの記録",
        rows=4,
    )
    for width in (12, 20, 30):
        assert all(cell_len(line) <= width for line in chart.plain(width))


# -- the widget -------------------------------------------------------------------------------


class ChartApp(App[None]):
    def __init__(self, chart: Chart) -> None:
        super().__init__()
        self.chart = chart

    def compose(self) -> ComposeResult:
        yield BarChart(self.chart, id="chart")


async def test_the_widget_draws_text_as_text_in_the_theme_colours() -> None:
    chart = Chart(
        (Column(4.0, label="[b]x[/b]"), Column(8.0, label="now", highlight=True)),
        rows=4,
        bar=(9, 9),
        unit="min",
    )
    app = ChartApp(chart)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(BarChart)
        assert widget.size.height == len(chart.lines(40))
        strips = [widget.render_line(y) for y in range(widget.size.height)]
        assert strips[-1].text.rstrip().endswith("now")
        assert "[b]x[/b]" in strips[-1].text  # a label is never markup
        primary = Color.parse(app.theme_variables["primary"]).rich_color
        accent = Color.parse(app.theme_variables["accent"]).rich_color
        styles = [seg.style for strip in strips for seg in strip if "█" in seg.text]
        assert any(s is not None and s.color == primary for s in styles)
        assert any(s is not None and s.color == accent for s in styles)  # the highlighted one
        widget.show(Chart(rows=4, empty="No check-ins yet."))
        await pilot.pause()
        assert widget.size.height == 1
        assert widget.render_line(0).text.strip() == "No check-ins yet."


# -- the screens ------------------------------------------------------------------------------


def chart_text(widget: BarChart) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_stats_screen_draws_both_charts_whole(data_dir: Path, size: tuple[int, int]) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        weeks = app.screen.query_one("#weeks", BarChart)
        feelings = app.screen.query_one("#feelings-trend", BarChart)
        for widget in (weeks, feelings):
            assert widget.region.right <= size[0]
            lines = chart_text(widget)
            assert lines == widget.chart.plain(widget.content_size.width)  # nothing cut
            assert all(cell_len(line) <= widget.content_size.width for line in lines)
        lines = chart_text(weeks)
        assert lines[0].startswith("min")
        assert lines[-1].endswith("this wk") and "Nov" in lines[-1]
        assert len(plot_rows(lines)) == (8 if size[1] >= 26 else 5)
        # This week's 2 minutes and last week's 4 are printed over their bars.
        assert lines[0].split()[-1] == "4"
        assert "2" in " ".join(lines[:-2]).split()
        lines = chart_text(feelings)
        assert lines[-1].split() == ["18", "Nov", "24", "Nov"]  # the first and last check-in
        assert [line.split("┤")[0].strip() for line in lines if "┤" in line] == ["10", "5"]
        feelings.scroll_visible(animate=False)
        await pilot.pause()
        assert feelings.region.bottom <= size[1] - 1  # above the footer once scrolled to
        assert not weeks.region.overlaps(feelings.region)


async def test_stats_screen_with_no_history(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert chart_text(app.screen.query_one("#weeks", BarChart)) == [
            "No sessions in the last 12 weeks."
        ]
        assert chart_text(app.screen.query_one("#pain-trend", BarChart)) == ["No pain ratings yet."]
        assert not app.screen.query_one("#feelings-trend", BarChart).display  # no old scale


@pytest.mark.parametrize(("size", "across"), [((100, 30), 3), ((60, 20), 2), ((200, 60), 5)])
async def test_program_screen_charts_each_test(
    data_dir: Path, size: tuple[int, int], across: int
) -> None:
    app = build_app(data_dir, program=2)  # start and middle taken, the end not yet
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
        table = app.screen.query_one("#progress-table", DataTable)
        assert "Chart" not in [str(c.label) for c in table.columns.values()]
        # The change still there, judged against the test's measurement error (the fake
        # program's toe touch moves 5 cm, within its ±5 cm: "≈", never "better").
        assert table.get_row_at(0)[-1].plain.startswith(("▲", "≈"))
        charts = list(app.screen.query_one("#test-charts").query(BarChart))
        assert [c.chart.title for c in charts] == [
            "Standing toe touch",
            "Hip flexor check",
            "Prone press-up",
            "Superman hold",
            "Bridge hold",
        ]
        assert len({c.region.x for c in charts}) == across
        for n, chart in enumerate(charts):
            chart.scroll_visible(animate=False)
            await pilot.pause()
            assert chart.region.right <= size[0]
            assert not any(chart.region.overlaps(other.region) for other in charts[n + 1 :])
            lines = chart_text(chart)
            assert lines == chart.chart.plain(chart.content_size.width)
            assert lines[-1].split() == ["start", "middle", "end"]
            assert "not yet" in "\n".join(lines)
            assert lines[1].endswith("is better")
        toe = "\n".join(chart_text(charts[0]))
        assert "14 cm" in toe and "9 cm" in toe and "↓ lower is better" in toe


async def test_program_screen_without_results_shows_no_charts(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert not app.screen.query_one("#test-charts").display


def test_tick_labels_never_sit_on_neighbouring_rows() -> None:
    rng = random.Random(7)
    for _ in range(300):
        values = [rng.choice([None, rng.uniform(-30, 120)]) for _ in range(3)]
        if all(v is None for v in values):
            continue
        rows = rng.randint(3, 10)
        chart = Chart(tuple(Column(v, label="x") for v in values), rows=rows, unit="cm")
        lines = chart.plain(40)
        labelled = [
            n
            for n, line in enumerate(lines)
            for axis in ["┤" if "┤" in line else "└" if "└" in line else ""]
            if axis and line.split(axis)[0].strip()
        ]
        # Two at least from 4 rows up; with bars below zero a short chart may have room for
        # one round value only (the values over the bars still say it all).
        positive = all(v is None or v >= 0 for v in values)
        assert len(labelled) >= (2 if rows >= 4 and positive else 1), lines
        assert all(b - a >= 2 for a, b in zip(labelled, labelled[1:], strict=False)), lines
        for line in lines:  # a value is never cut by a bar drawn after it
            for word in ("not yet", "not ye"):
                assert word not in line or "not yet" in line


def test_a_value_never_runs_into_the_next_bar() -> None:
    chart = Chart((Column(-5.0), Column(None), Column(90.0)), rows=9, unit="cm", bar=(4, 4))
    text = "\n".join(chart.plain(40))
    assert "not ye█" not in text and "not ye" not in text  # no room: left out, not cut
    assert "·" in text
