"""Issue 25 item 4: each test drawn against its start's measurement-error band, for the class of
tests (either better direction, any range, any error) and widths 20-120."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.program import MobilityTest, TestKind
from supple.core.trends import BAND, BAND_MARKS, TestTrend, band_layout, band_row


@st.composite
def trends(draw: st.DrawFn) -> TestTrend:
    low = draw(st.integers(-100, 100))
    high = low + draw(st.integers(1, 400))
    error = draw(st.integers(0, 3) | st.integers(0, high - low))
    better = draw(st.sampled_from(["higher", "lower"]))
    test = MobilityTest("t", "T", TestKind.MEASURE, "cm", better, low, high, ("x",), error=error)
    count = draw(st.integers(1, 3))
    points = ("start", "middle", "end")[:count]
    start = draw(st.integers(low, high))
    near = st.integers(-error - 2, error + 2).map(lambda d: min(high, max(low, start + d)))
    later = [draw(near | st.integers(low, high)) for _ in points[1:]]  # near the band's edges
    values = tuple((p, float(v)) for p, v in zip(points, [start, *later], strict=True))
    return TestTrend(test, values, None, "not yet")  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(trends(), st.integers(20, 120))
def test_the_band_holds_the_start_and_never_a_point_beyond_the_error(
    trend: TestTrend, width: int
) -> None:
    runs = band_row(trend, width)
    row = "".join(text for text, _ in runs)
    assert len(row) == width
    layout = band_layout(trend, width - len(" → better"))
    assert layout is not None
    start = trend.values[0][1]
    marks = dict(layout.marks)
    assert marks["start"] in layout.band
    for point, value in trend.values:
        beyond = abs(value - start) > trend.test.error
        if beyond:
            assert marks[point] not in layout.band
            # drawn on the side it lies, as the scale runs low to high
            assert (marks[point] > marks["start"]) is (value > start)
    chart = row.removeprefix("better ← ").removesuffix(" → better")
    assert len(chart) == layout.cells
    last = {cell: point for point, cell in layout.marks}
    for cell, char in enumerate(chart):
        if cell in last:
            assert char == BAND_MARKS[last[cell]]
        else:
            assert (char == BAND) is (cell in layout.band)
    assert ("→ better" in row) is (trend.test.better == "higher")


def test_nothing_measured_draws_nothing() -> None:
    test = MobilityTest("t", "T", TestKind.MEASURE, "cm", "higher", 0, 50, ("x",), error=5)
    assert band_row(TestTrend(test, (), None, "not yet"), 60) == []
