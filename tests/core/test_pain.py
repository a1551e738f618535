"""Pain on the 0–10 scale: in the record, in its words, the next-morning link, easing."""

from __future__ import annotations

import csv
import io
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.clock import FakeClock
from supple.core.history import HistoryStore, read_record
from supple.core.morning import MORNING_WINDOW
from supple.core.pain import (
    band,
    legend,
    morning_due,
    morning_session,
    old_feeling_words,
    pain_line,
    read_pain,
)
from supple.core.record import CSV_FIELDS, PainMark, SessionRecord
from supple.core.recorder import session_record
from supple.core.routine import load_routine
from supple.core.session import Session
from supple.core.value import replace
from supple.system import paths
from tests.fakes import make_session_record

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
ratings = st.none() | st.integers(0, 10)
marks = st.lists(
    st.builds(
        PainMark,
        exercise=st.sampled_from(["cat-cow", "sphinx", "bird-dog"]),
        step=st.integers(0, 2),
        rating=st.integers(0, 10),
        at=st.floats(0, 3600, allow_nan=False).map(lambda s: round(s, 1)),
        action=st.sampled_from(["none", "eased", "skipped"]),
    ),
    max_size=4,
).map(tuple)


@settings(max_examples=80, deadline=None)
@given(
    feelings=st.tuples(ratings, ratings),
    pain=st.tuples(ratings, ratings, ratings),
    morning=st.booleans(),
    pain_marks=marks,
)
def test_pain_and_old_feelings_round_trip_through_the_file_and_exports(
    feelings: tuple[int | None, int | None],
    pain: tuple[int | None, int | None, int | None],
    morning: bool,
    pain_marks: tuple[PainMark, ...],
) -> None:
    record = replace(
        make_session_record(T0, before=feelings[0], after=feelings[1]),
        pain_before=pain[0],
        pain_after=pain[1],
        morning_pain=pain[2] if morning else None,
        morning_at=T0 + timedelta(hours=24) if morning else None,
        pain_marks=pain_marks,
    )
    text = tomli_w.dumps(record.to_toml())
    assert SessionRecord.from_toml(tomllib.loads(text)) == record
    data = record.to_json()
    assert data.get("pain_before") == pain[0] and data.get("feeling_after") == feelings[1]
    assert [m["rating"] for m in data.get("pain_mark", [])] == [m.rating for m in pain_marks]
    out = io.StringIO()
    csv.writer(out).writerows([CSV_FIELDS, record.csv_row()])
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    top = max((m.rating for m in pain_marks), default=None)
    assert row["pain_max"] == ("" if top is None else str(top))
    assert row["pain_marks"].count(";") == max(0, len(pain_marks) - 1)
    assert row["pain_after"] == ("" if pain[1] is None else str(pain[1]))
    # An old record's feelings are shown as they were, never as pain.
    shown = old_feeling_words(record.feeling_before, record.feeling_after)
    assert ("old scale, 10 = great" in shown) == (feelings != (None, None))
    assert "feeling" not in pain_line(record)


def test_a_record_without_pain_writes_no_pain_keys() -> None:
    data = make_session_record(T0, after=7).to_toml()
    assert not {"pain_before", "pain_after", "morning_pain", "morning_at", "pain_mark"} & set(data)
    assert old_feeling_words(None, 7) == "feeling after 7/10 (old scale, 10 = great)"


def test_the_words_of_the_scale() -> None:
    assert [band(n) for n in range(11)] == ["no pain"] + ["mild"] * 3 + ["moderate"] * 3 + [
        "severe"
    ] * 4
    assert legend() == "1–3 mild · 4–6 moderate · 7–10 severe"
    assert read_pain(" 10 ") == 10
    for bad in ("11", "-1", "７", "3.5", "", "ten"):
        try:
            read_pain(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was read")


# -- the next-morning link ------------------------------------------------------------------------


def session_at(started: datetime, minutes: float = 10, **kw: object) -> SessionRecord:
    record = make_session_record(started)
    return replace(record, started=started, ended=started + timedelta(minutes=minutes), **kw)


CET, CEST = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def test_the_morning_links_to_the_right_session() -> None:
    now = datetime(2026, 11, 25, 7, 0, tzinfo=CET)
    late = session_at(datetime(2026, 11, 24, 23, 50, tzinfo=CET))
    early = session_at(datetime(2026, 11, 24, 8, 0, tzinfo=CET))
    today = session_at(datetime(2026, 11, 25, 0, 10, tzinfo=CET), minutes=5)
    assert morning_session([early, late, today], now) == late  # two yesterday: the later
    assert morning_session([today], now) is None  # after midnight is today
    assert morning_session([], now) is None
    old = session_at(datetime(2026, 11, 23, 18, 0, tzinfo=CET))  # 37 hours before
    assert morning_session([old], now) is None
    # Across the change to summer time: the local days are the records' own.
    dst = session_at(datetime(2026, 3, 28, 22, 0, tzinfo=CET))
    assert morning_session([dst], datetime(2026, 3, 29, 8, 0, tzinfo=CEST)) == dst
    answered = replace(late, morning_pain=None, morning_at=now)  # skipped: asked once
    assert morning_session([answered], now) == answered and morning_due([answered], now) is None
    # Asked before the day's first session only: a session today has its own before-rating.
    assert morning_due([early, late], now) == late
    assert morning_due([early, late, today], now) is None
    assert morning_session([early, late, today], now) == late  # `checkin --morning` still links


@settings(max_examples=120, deadline=None)
@given(
    starts=st.lists(st.integers(-80 * 60, 12 * 60), max_size=6),
    offsets=st.lists(st.sampled_from([-5, 0, 1, 2, 14]), min_size=6, max_size=6),
    now_offset=st.sampled_from([-5, 0, 1, 2, 14]),
)
def test_the_morning_link_over_generated_histories(
    starts: list[int], offsets: list[int], now_offset: int
) -> None:
    now = datetime(2026, 3, 29, 7, 30, tzinfo=timezone(timedelta(hours=now_offset)))
    records = [
        session_at((now + timedelta(minutes=m)).astimezone(timezone(timedelta(hours=o))))
        for m, o in zip(starts, offsets, strict=False)
    ]
    found = morning_session(records, now)

    def fits(r: SessionRecord) -> bool:
        return r.started.date() < now.date() and timedelta(0) <= now - r.ended <= MORNING_WINDOW

    if found is None:
        assert not any(fits(r) for r in records)
    else:
        assert fits(found) and all(r.started <= found.started for r in records if fits(r))
    used_today = any(r.started.date() >= now.date() for r in records)
    assert morning_due(records, now) == (None if used_today else found)


def test_the_morning_answer_rewrites_that_one_record(tmp_path: Path) -> None:
    from supple.coach.journal import Journal

    store = HistoryStore(tmp_path / "data")
    now = datetime(2026, 11, 25, 7, 0, tzinfo=CET)
    paths_ = []
    for record in (session_at(datetime(2026, 11, 24, h, 0, tzinfo=CET)) for h in (8, 19)):
        path = store.path_for(record.routine, record.started)
        store.save(record, path)
        paths_.append(path)
    journal = Journal(tmp_path / "data", store, tmp_path / "unsaved", now.date, _Notices())
    assert journal.morning_session(now, due=True) is not None
    answered = journal.answer_morning(now, 3)
    assert answered is not None and answered.path == paths_[1]
    assert read_record(paths_[1]).morning_pain == 3
    assert read_record(paths_[0]).morning_at is None
    assert journal.morning_session(now, due=True) is None
    later = now + timedelta(days=3)
    assert journal.answer_morning(later, 2) is None  # nothing within 36 hours


class _Notices:
    def say(self, text: str, severity: str = "information") -> None:
        raise AssertionError(text)


# -- easing an exercise ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(into=st.floats(0, 400))
def test_easing_shortens_only_the_work_ahead_and_the_rule_judges_the_eased_plan(
    into: float,
) -> None:
    clock = FakeClock(1000.0)
    session = Session(LBM, "intermediate", clock)
    session.start()
    clock.advance(into)
    before = session.records()
    snap = session.snapshot()
    if snap.done:
        return
    step = snap.exercise_index
    eased = session.ease()
    after = session.records()
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        assert a.seconds == b.seconds and a.sets_done == b.sets_done  # nothing done is lost
        if i != step or not eased:
            assert a.planned_seconds == b.planned_seconds
    if eased:
        assert after[step].planned_seconds < before[step].planned_seconds
        assert after[step].planned_seconds >= after[step].seconds
    clock.advance(100_000)  # to the end: every piece of work still planned is done
    record = session_record(session, T0)
    assert record.status == "completed" and record.counts
    assert record.planned_work_seconds == round(sum(e.planned_seconds for e in after), 1)
