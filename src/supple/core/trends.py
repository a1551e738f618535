"""Progress you can show: each test against its start with its measurement error, pain before,
after and the next morning by week, and adherence to the program's plan by week. Pure facts
for the progress screen and `supple report` (the words are theirs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from supple.core.program import POINTS, MobilityTest, Point, Progress
from supple.core.record import SessionRecord
from supple.core.stats import Week, monday_of
from supple.core.value import value_class
from supple.core.words import Judgement, judge
from supple.i18n import _

SPARKS = "▁▂▃▄▅▆▇█"


def pain_of(record: SessionRecord) -> tuple[int | None, int | None, int | None]:
    """A session's pain before, after and the next morning (0-10, 0 = no pain), each None when
    not given (the record's reader checked them; an older record's feeling ratings are another
    scale, never converted)."""
    return record.pain_before, record.pain_after, record.morning_pain


@value_class(frozen=True, slots=True)
class PainWeek:
    monday: date
    before: float | None  # the week's mean, None: no rating
    after: float | None
    morning: float | None
    sessions: int  # sessions with at least one rating


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def pain_weeks(records: Iterable[SessionRecord]) -> tuple[PainWeek, ...]:
    """Per week with any rating, oldest first: the mean pain before, after, next morning."""
    by_week: dict[date, tuple[list[int], list[int], list[int]]] = {}
    for record in records:
        ratings = pain_of(record)
        if all(r is None for r in ratings):
            continue
        lists = by_week.setdefault(monday_of(record.started.date()), ([], [], []))
        for rating, into in zip(ratings, lists, strict=True):
            if rating is not None:
                into.append(rating)
        by_week[monday_of(record.started.date())] = lists
    weeks = []
    for monday in sorted(by_week):
        before, after, morning = by_week[monday]
        count = max(len(before), len(after), len(morning))
        weeks.append(PainWeek(monday, _mean(before), _mean(after), _mean(morning), count))
    return tuple(weeks)


def latest_pain(records: Iterable[SessionRecord]) -> tuple[int | None, int | None, int | None]:
    """The newest rating before, after and the next morning, each from the newest session that
    has one (None: never rated); the weeks' means are ``pain_weeks``."""
    out: list[int | None] = [None, None, None]
    for record in sorted(records, key=lambda r: r.started):
        for i, rating in enumerate(pain_of(record)):
            if rating is not None:
                out[i] = rating
    return out[0], out[1], out[2]


@value_class(frozen=True, slots=True)
class AdherenceWeek:
    week: int  # 1-based week of the program
    monday: date  # the first day of that week (counted from the program's start)
    due: int  # workouts the plan asks for in that week
    done: int  # workouts counted in it


# Program weeks listed from the start (the report, progress): two years, past the end of any
# program; a start day long ago (a state file written by hand) never makes thousands of rows.
MAX_ADHERENCE_WEEKS = 104


def adherence(progress: Progress, today: date) -> tuple[AdherenceWeek, ...]:
    """Workouts done of those due, per program week from the start to this week, at most
    ``MAX_ADHERENCE_WEEKS`` (the plan: ``workouts_per_week`` a week until all are done; a week
    not yet over still counts)."""
    if progress.started is None:
        return ()
    program = progress.program
    start = progress.started.date()
    if today < start:
        return ()
    weeks = min((today - start).days // 7 + 1, MAX_ADHERENCE_WEEKS)
    left = len(program.workouts)
    out = []
    for n in range(weeks):
        first = start + timedelta(weeks=n)
        last = first + timedelta(days=7)
        done = sum(1 for _, r in progress.done if first <= r.started.date() < last)
        due = min(program.workouts_per_week, max(0, left))
        left -= due
        out.append(AdherenceWeek(n + 1, first, due, done))
    return tuple(out)


def so_far(weeks: Sequence[AdherenceWeek]) -> tuple[int, int]:
    """Workouts done and due over the program's weeks so far (done may exceed due: ahead of
    the plan reads as ahead, never capped)."""
    return sum(w.done for w in weeks), sum(w.due for w in weeks)


def active_weeks(weeks: Sequence[Week], started: date | None) -> tuple[Week, ...]:
    """The weeks of work minutes worth showing: from the program's start (a week with nothing
    done in it is a week missed), and before it only those with any activity."""
    first = monday_of(started) if started is not None else None
    return tuple(
        w for w in weeks if w.sessions or w.minutes or (first is not None and w.monday >= first)
    )


@value_class(frozen=True, slots=True)
class TestTrend:
    __test__ = False  # not a pytest class, whatever its name

    test: MobilityTest
    values: tuple[tuple[Point, float], ...]  # the points measured, in order
    change: float | None  # improvement since the start (the test's unit; negative: worse)
    verdict: Judgement

    @property
    def start(self) -> float | None:
        return self.values[0][1] if self.values else None


def test_trends(progress: Progress) -> tuple[TestTrend, ...]:
    out = []
    for test in progress.program.tests:
        by_point = progress.results.get(test.id, {})
        values = tuple((p, by_point[p].value) for p in POINTS if p in by_point)
        change = test.improved(values[0][1], values[-1][1]) if len(values) >= 2 else None
        out.append(TestTrend(test, values, change, judge(change, test.error)))
    return tuple(out)


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float = 10.0) -> str:
    """One character a value on a fixed scale (`·` where there is none)."""
    span = high - low or 1.0
    out = []
    for value in values:
        if value is None:
            out.append("·")
            continue
        share = min(1.0, max(0.0, (value - low) / span))
        out.append(SPARKS[round(share * (len(SPARKS) - 1))])
    return "".join(out)


# The band chart under each test's line: the start's ±error band shaded on the test's scale
# (low to high, left to right), each point marked, the better end pointed at.
BAND_MARKS: dict[Point, str] = {"start": "●", "middle": "◇", "end": "◆"}
BAND, TRACK = "░", "·"


@value_class(frozen=True, slots=True)
class BandLayout:
    cells: int  # cells in the chart, the first and the last kept free for a nudged point
    band: range  # the cells shaded: within the measurement error of the start
    marks: tuple[tuple[Point, int], ...]  # each point's cell, in order


def band_layout(trend: TestTrend, cells: int) -> BandLayout | None:
    """Where the band and the points fall in ``cells`` cells (None: nothing measured yet).

    The scale runs over cells 1 … cells-2, the band over every cell that holds a value within
    the error of the start. A point beyond the error that shares a cell with the band's edge
    (the chart is coarser than the error) is drawn one cell past it, so it never reads as
    within: the free first and last cells make room."""
    if not trend.values or cells < 3:
        return None
    test, start = trend.test, trend.values[0][1]
    inner = cells - 2
    step = (test.high - test.low) / inner or 1.0

    def cell(value: float) -> int:
        return 1 + min(inner - 1, max(0, int((value - test.low) // step)))

    band = range(cell(start - test.error), cell(start + test.error) + 1)
    marks: list[tuple[Point, int]] = []
    for point, value in trend.values:
        at = cell(value)
        if point != "start" and abs(value - start) > test.error and at in band:
            at = band[-1] + 1 if value > start else band[0] - 1
        marks.append((point, at))
    return BandLayout(cells, band, tuple(marks))


def band_row(trend: TestTrend, width: int) -> list[tuple[str, str]]:
    """The band chart in exactly ``width`` characters as (text, style) runs, [] when nothing
    is measured yet: the band ``░``, the points ``●`` start, ``◇`` middle, ``◆`` end (styled
    by the one judge), the rest ``·``, and the better end's arrow."""
    # Translators: beside a test's band chart, at the end where the better values lie
    better = _("better")
    arrow = f" → {better}" if trend.test.better == "higher" else f"{better} ← "
    layout = band_layout(trend, width - len(arrow))
    if layout is None:
        return []
    cells = [(BAND, "cyan") if c in layout.band else (TRACK, "dim") for c in range(layout.cells)]
    start = trend.values[0][1]
    for (point, value), (_point, at) in zip(trend.values, layout.marks, strict=True):
        verdict = judge(trend.test.improved(start, value), trend.test.error)
        style = {"better": "bold green", "worse": "bold yellow"}.get(verdict, "bold")
        cells[at] = (BAND_MARKS[point], style)
    runs: list[tuple[str, str]] = []
    for char, style in cells:
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + char, style)
        else:
            runs.append((char, style))
    return [*runs, (arrow, "dim")] if trend.test.better == "higher" else [(arrow, "dim"), *runs]
