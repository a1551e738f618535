"""Advice applied is part of the session's record (issue 25, item 5): written into the session
it was drawn from, marked when undone, in ``history --json``/``--csv`` and the session detail."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.coach import Coach
from supple.coach.wording import advice_noted
from supple.core.advice import AdviceKind, Suggestion
from supple.core.clock import FakeClock
from supple.core.record import CSV_FIELDS, AdviceNote, BadRecord, SessionRecord
from supple.core.value import replace
from supple.system.speech import Speaker
from tests.fakes import make_session_record

R = "back-pain-relief"
T0 = datetime(2026, 12, 1, 7, 30, tzinfo=timezone(timedelta(hours=1)))
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)

times = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=0))
notes = st.lists(
    st.builds(
        AdviceNote,
        id=st.text(min_size=1, max_size=20),
        kind=st.sampled_from([k.value for k in AdviceKind]),
        exercises=st.lists(st.sampled_from(["cat-cow", "sphinx", "bird-dog"]), max_size=3).map(
            tuple
        ),
        applied_at=times,
        undone_at=st.none() | times,
    ),
    max_size=3,
).map(tuple)


@settings(max_examples=60, deadline=None)
@given(advice=notes, day=st.integers(0, 30))
def test_notes_round_trip_through_the_file_and_exports(
    advice: tuple[AdviceNote, ...], day: int
) -> None:
    record = replace(make_session_record(T0 + timedelta(days=day)), advice=advice)
    text = tomli_w.dumps(record.to_toml())
    again = SessionRecord.from_toml(tomllib.loads(text))
    assert again == record and again.to_toml() == record.to_toml()
    assert ("advice" in record.to_toml()) is bool(advice)
    data = json.loads(json.dumps(record.to_json()))
    assert [n["id"] for n in data.get("advice", [])] == [n.id for n in advice]
    assert [("undone_at" in n) for n in data.get("advice", [])] == [
        n.undone_at is not None for n in advice
    ]
    cell = dict(zip(CSV_FIELDS, record.csv_row(), strict=True))["advice"]
    assert cell.count("(undone)") == sum(n.undone_at is not None for n in advice)
    assert cell.count(";") == max(0, len(advice) - 1)
    for n in advice:
        assert f"{n.kind} {','.join(n.exercises)}" in cell


def test_a_record_without_advice_reads_and_writes_as_before() -> None:
    record = make_session_record(T0)
    data = record.to_toml()
    assert "advice" not in data and record.advice == ()
    assert SessionRecord.from_toml(data).to_toml() == data
    assert dict(zip(CSV_FIELDS, record.csv_row(), strict=True))["advice"] == ""
    assert "advice" not in record.to_json()
    assert advice_noted(record) == ""


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        (
            {"id": "a", "kind": "easier", "exercises": "cat-cow", "applied_at": T0.isoformat()},
            "exercises",
        ),
        ({"id": "a", "kind": "easier", "exercises": [], "applied_at": "Tuesday"}, "applied_at"),
        ({"kind": "easier", "exercises": [], "applied_at": T0.isoformat()}, "id"),
    ],
)
def test_a_broken_note_names_what_is_wrong(table: dict[str, object], reason: str) -> None:
    data = make_session_record(T0).to_toml() | {"advice": [table]}
    with pytest.raises(BadRecord, match=rf"advice\[1\]\.{reason}"):
        SessionRecord.from_toml(data)


def test_apply_writes_the_note_into_the_session_it_came_from_and_undo_marks_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coach = Coach.from_environment(
        clock=FakeClock(), now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )
    store = coach.journal.store
    days = [T0, T0 + timedelta(days=1), T0 + timedelta(days=3)]
    for at in days:
        store.save(make_session_record(at), store.path_for(R, at))
    other = T0 + timedelta(days=1, hours=2)  # later that day, another routine: not this one
    store.save(
        make_session_record(other, routine="lower-back-mobility", title="Lower back mobility"),
        store.path_for("lower-back-mobility", other),
    )
    adjustments = coach.preferences.adjustments_path
    before = adjustments.read_bytes() if adjustments.exists() else None
    coach.journal.history()  # read once, as home does before advice is shown
    suggestion = Suggestion(
        AdviceKind.EASIER, R, ("cat-cow", "sphinx"), ("Cat-Cow", "Sphinx"), day=date(2026, 12, 2)
    )
    coach.advice.apply(suggestion, "why")

    def carrying() -> list[SessionRecord]:
        return [r for r in coach.journal.history().records if r.advice]

    (noted,) = carrying()
    assert (noted.routine, noted.started) == (R, days[1])
    (note,) = noted.advice
    assert (note.id, note.kind, note.exercises) == (suggestion.id, "easier", ("cat-cow", "sphinx"))
    assert note.applied_at == NOW and note.undone_at is None
    assert advice_noted(noted) == "Advice applied: easier Cat-Cow, Sphinx"

    assert main(["history", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i.get("advice", []) for i in items if i["routine"] == R] == [
        [],
        [
            {
                "id": suggestion.id,
                "kind": "easier",
                "exercises": ["cat-cow", "sphinx"],
                "applied_at": "2026-12-06T08:00:00+00:00",
            }
        ],
        [],
    ]

    coach.advice.undo(suggestion.id)
    after = adjustments.read_bytes() if adjustments.exists() else None
    assert after == before  # the steps file as it was, byte for byte
    (noted,) = carrying()
    assert noted.advice[0].undone_at == NOW
    assert advice_noted(noted) == "Advice applied: easier Cat-Cow, Sphinx (undone)"
    assert main(["history", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["advice"] for r in rows) == ["", "", "", "easier cat-cow,sphinx (undone)"]


def test_advice_with_no_session_to_carry_it_is_still_applied(data_dir: Path) -> None:
    coach = Coach.from_environment(
        clock=FakeClock(), now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )
    suggestion = Suggestion(AdviceKind.HARDER, R, ("cat-cow",), day=date(2026, 12, 2))
    coach.advice.apply(suggestion, "why")
    assert coach.advice.log()[-1].id == suggestion.id
    assert not coach.journal.history().records


def test_applied_again_after_an_undo_each_time_has_its_note(data_dir: Path) -> None:
    coach = Coach.from_environment(
        clock=FakeClock(), now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )
    store = coach.journal.store
    store.save(make_session_record(T0), store.path_for(R, T0))
    suggestion = Suggestion(AdviceKind.EASIER, R, ("sphinx",), day=date(2026, 12, 2))
    coach.advice.apply(suggestion, "why")
    coach.advice.undo()
    coach.advice.apply(suggestion, "why")
    (record,) = coach.journal.history().records
    assert [n.undone_at for n in record.advice] == [NOW, None]
    coach.advice.undo()
    (record,) = coach.journal.history().records
    assert [n.undone_at for n in record.advice] == [NOW, NOW]
    assert advice_noted(record).count("(undone)") == 2
