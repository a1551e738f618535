"""The report lists the "this hurts" marks under Pain (review R1 item 11d): each mark's exercise,
rating, day and what was done then, from every session's record, the untrusted names escaped."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.pain import action_words
from supple.core.record import PainMark
from supple.core.report import marks_of
from supple.core.value import replace
from supple.core.words import day_words
from supple.system import paths
from tests.fakes import make_session_record

T0 = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
IDS = ("cat-cow", "sphinx", "childs-pose")

marks = st.lists(
    st.builds(
        PainMark,
        exercise=st.sampled_from(IDS),
        step=st.integers(0, 2),
        rating=st.integers(0, 10),
        at=st.floats(0, 600),
        action=st.sampled_from(["none", "eased", "skipped"]),
    ),
    max_size=3,
).map(tuple)


def pain_section(page: str) -> str:
    """The Pain section's text as a reader sees it."""
    section = page.split("<h2>Pain</h2>", 1)[1].split("<h2>", 1)[0]
    return html.unescape(re.sub(r"<[^>]*>", " ", section))


@settings(max_examples=15, deadline=None)
@given(st.lists(marks, min_size=1, max_size=4))
def test_every_mark_is_listed_under_pain(by_session: list[tuple[PainMark, ...]]) -> None:
    for f in (paths.data_dir() / "sessions").rglob("*.toml"):
        f.unlink()
    store = HistoryStore(paths.data_dir())
    for n, session_marks in enumerate(by_session):
        at = T0 + timedelta(days=n)
        record = replace(make_session_record(at), pain_marks=session_marks)
        store.save(record, store.path_for(record.routine, at))
    target = paths.data_dir().parent / "report.html"
    assert main(["report", "--to", str(target), "--force"]) == 0
    text = pain_section(target.read_text(encoding="utf-8"))
    names = {e.id: e.name for e in make_session_record(T0).exercises}
    expected = [
        (n, m) for n, session_marks in enumerate(by_session) for m in session_marks
    ]  # oldest first
    if not expected:
        assert "This hurts" not in text
        return
    assert '"This hurts" marks' in text
    flat = " ".join(text.split())
    position = 0
    for n, mark in expected:
        row = " ".join(
            (
                day_words(T0 + timedelta(days=n)),
                names.get(mark.exercise, mark.exercise),
                f"{mark.rating}/10",
                action_words(mark.action),
            )
        )
        found = flat.find(row, position)
        assert found >= 0, (row, flat)
        position = found + len(row)  # in the order of the sessions, oldest first


def test_an_exercise_name_is_escaped_and_the_order_is_by_day(tmp_path: Path) -> None:
    late, early = T0 + timedelta(days=2), T0
    records = []
    for at, rating in ((late, 7), (early, 3)):
        record = make_session_record(at)
        hostile = replace(record.exercises[0], name="<b>Cat</b> & Cow")
        mark = PainMark("cat-cow", 0, rating, 12.0, "eased")
        records.append(
            replace(record, exercises=(hostile, *record.exercises[1:]), pain_marks=(mark,))
        )
    listed = marks_of(records)
    assert [m.rating for m in listed] == [3, 7] and listed[0].exercise == "<b>Cat</b> & Cow"
    from supple.core.report import render
    from tests.core.test_report import facts

    page = render(replace(facts("x"), marks=listed))
    assert "&lt;b&gt;Cat&lt;/b&gt; &amp; Cow" in page and "<b>Cat</b>" not in page
    assert "eased" in pain_section(page)
