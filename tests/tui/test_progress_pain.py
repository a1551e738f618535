"""The progress screen's pain rows (review R3 item 8): the sparkline is the weekly means (as the
report's "Weekly means" table), and the number after it is the latest rating itself, the one a
person remembers giving, never a mean that reads as one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from supple.core.history import HistoryStore
from supple.core.trends import latest_pain, pain_weeks
from supple.tui.screens.progress import ProgressScreen, pain_lines
from tests.fakes import make_session_record
from tests.tui.conftest import WALL, build_app
from tests.tui.scenes import settle

ratings = st.none() | st.integers(0, 10)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ratings, ratings, st.integers(0, 20)), min_size=1, max_size=8))
def test_the_number_is_the_latest_rating_and_the_caption_says_means(
    sessions: list[tuple[int | None, int | None, int]],
) -> None:
    records = [
        make_session_record(WALL - timedelta(days=days, hours=n), pain_before=b, pain_after=a)
        for n, (b, a, days) in enumerate(sessions)
    ]
    latest = latest_pain(reversed(records))  # any order in: the newest session's rating out
    by_time = sorted(records, key=lambda r: r.started)
    for i, rating in enumerate(latest[:2]):
        given_ = [(r.pain_before, r.pain_after)[i] for r in by_time]
        assert rating == next((g for g in reversed(given_) if g is not None), None)
    assert latest[2] is None
    weeks = pain_weeks(records)
    text = pain_lines(weeks, latest).plain
    if not weeks:
        assert "No pain ratings yet" in text
        return
    assert text.startswith("Weekly means from ")
    rows = text.splitlines()[1:]
    for row, rating in zip(rows, latest, strict=True):
        assert row.endswith(f"latest {'–' if rating is None else rating}")


async def test_after_4_then_2_in_one_week_reads_latest_2(data_dir: Path) -> None:
    app = build_app(data_dir)
    store = HistoryStore(data_dir)
    for hours, after in ((20, 4), (6, 2)):  # the same week, 2 the newer: the week's mean is 3
        at = WALL - timedelta(hours=hours)
        store.save(
            make_session_record(at, pain_after=after), store.path_for("back-pain-relief", at)
        )
    (week,) = pain_weeks(store.newest(9))
    assert week.after == 3  # one week, its mean 3: the number shown must not be it
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(ProgressScreen(app.coach))
        await settle(pilot)
        text = str(app.screen.query_one("#progress-pain", Static).render())
    (after,) = [line for line in text.splitlines() if line.startswith("after")]
    assert after.endswith("latest 2") and "latest 3" not in text
    assert "Weekly means from" in text
