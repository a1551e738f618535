"""Issue 13, class 2: dates that crashed `supple program` and the program screen — a workout
dated 9999-12-31 (date + timedelta overflow), test results whose time has no UTC offset or is a
bare date (naive and aware times compared). Generated dates, from the first day to the last."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.program import POINTS, TestResult, load_program, progress
from supple.core.program_store import ProgramStore, read_progress
from supple.core.routine import load_catalog
from supple.system import paths
from supple.tui.screens.program import ProgramScreen
from tests.fakes import make_session_record
from tests.tui.conftest import build_app
from tests.tui.scenes import settle

EXAMPLES = 300
LAST = datetime(9999, 12, 31, 23, 0)  # a session lasts some minutes: it must end by then
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
aware = st.datetimes(max_value=LAST, timezones=offsets)
naive = st.datetimes()
extremes = [
    datetime(9999, 12, 31, 22, 58, tzinfo=UTC),
    datetime(9999, 12, 31, 0, 0, tzinfo=timezone(timedelta(hours=-23, minutes=-59))),
    datetime(9999, 12, 31, 22, 0, tzinfo=timezone(timedelta(hours=23, minutes=59))),
    datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=23, minutes=59))),
    datetime(1, 1, 1, 0, 0, tzinfo=UTC),
]


def program_and_catalog():  # type: ignore[no-untyped-def]
    catalog = load_catalog(paths.routine_folders())
    return load_program(paths.bundled_program_path(), catalog)


PROGRAM = program_and_catalog()
FIRST = PROGRAM.workouts[0]
takens = st.one_of(aware, naive, st.dates(), st.sampled_from(extremes))


def taken_text(value: datetime | date) -> str:
    return value.isoformat()


def sessions(starts: list[datetime]) -> list:  # type: ignore[type-arg]
    return [
        make_session_record(s, routine=FIRST.routine, level=FIRST.level, title="W") for s in starts
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    started=st.one_of(st.none(), st.dates(), naive, aware),
    starts=st.lists(st.one_of(aware, st.sampled_from(extremes)), max_size=4),
    taken=st.lists(st.tuples(takens, st.sampled_from(POINTS)), max_size=6),
    today=st.dates(),
)
@example(None, [extremes[0]], [], date.max)
@example(date(2026, 11, 2), [extremes[0], extremes[1]], [], date(2026, 11, 24))
@example(date.max, [extremes[0]], [(date(2026, 11, 4), "start")], date.max)
@example(date.min, [extremes[3]], [(datetime(2026, 11, 3, 7), "start")], date.min)
def test_progress_never_crashes_on_any_date(
    started: date | datetime | None,
    starts: list[datetime],
    taken: list[tuple[datetime | date, str]],
    today: date,
) -> None:
    results = [
        TestResult("toe-touch", float(n), point, _as_read(value))  # type: ignore[arg-type]
        for n, (value, point) in enumerate(taken)
    ]
    p = progress(PROGRAM, started, sessions(starts), results, today)
    json.dumps(p.to_json())
    if p.suggested is not None:
        assert p.suggested >= min(today, date.max)
        f"{p.suggested:%a %d %b}"  # noqa: B018 — as the CLI and the screen show it


def _as_read(value: datetime | date) -> datetime:
    """A result's time as the store reads it: ISO text parsed (a bare date is midnight)."""
    return datetime.fromisoformat(taken_text(value))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    starts=st.lists(st.one_of(aware, st.sampled_from(extremes)), max_size=3),
    taken=st.lists(takens, max_size=4),
)
@example([extremes[0]], [datetime(2026, 11, 3, 7), date(2026, 11, 4)])
def test_supple_program_never_crashes_on_any_date(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    starts: list[datetime],
    taken: list[datetime | date],
) -> None:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(data))
    assert main(["program", "start", "--date", "2026-11-02"]) == 0
    write_files(data, starts, taken)
    assert main(["program"]) == 0
    assert main(["program", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("{") :])["program"] == PROGRAM.id


def write_files(data: Path, starts: list[datetime], taken: list[datetime | date]) -> None:
    store = HistoryStore(data)
    for start in starts:
        record = sessions([start])[0]
        store.save(record, store.path_for(FIRST.routine, start))
    results = ProgramStore(store).results_dir / "any"
    results.mkdir(parents=True, exist_ok=True)
    for n, value in enumerate(taken):
        (results / f"{n}.toml").write_text(
            f'schema = 1\ntest = "toe-touch"\nvalue = {n}\npoint = "start"\n'
            f'taken = "{taken_text(value)}"\n'
        )


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_program_started_at_either_end_of_the_calendar(
    capsys: pytest.CaptureFixture[str], day: str, data_dir: Path
) -> None:
    """Refused as a start day (issue 24); a state file that says so anyway still reads."""
    with pytest.raises(SystemExit) as refused:  # argparse's: the option is refused
        main(["program", "start", "--date", day])
    assert refused.value.code == 2
    assert f"--date: {day} is too" in capsys.readouterr().err
    at = datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=UTC)
    ProgramStore(HistoryStore(data_dir))._activate("lower-back-6-weeks", at)
    assert main(["program"]) == 0


def test_the_quoted_cases_in_the_store(data_dir: Path) -> None:
    """A workout dated 9999-12-31; results taken "2026-11-03T07:00:00" and "2026-11-04"."""
    write_files(
        data_dir,
        [extremes[0]],
        [datetime(2026, 11, 3, 7), date(2026, 11, 4), datetime(2026, 11, 5, tzinfo=UTC)],
    )
    store = ProgramStore(HistoryStore(data_dir))
    store.start(PROGRAM, datetime(2026, 11, 2, tzinfo=UTC))
    records = HistoryStore(data_dir).load().records
    reading = read_progress(PROGRAM, store, records, date(2026, 11, 24))
    assert reading.quarantined == ()
    assert reading.progress.suggested == date.max  # nothing after the last day
    assert reading.progress.results["toe-touch"]["start"].value == 2  # the newest


async def test_the_program_screen_shows_the_quoted_cases(data_dir: Path) -> None:
    app = build_app(data_dir, program=1)
    write_files(data_dir, [extremes[0]], [datetime(2026, 11, 3, 7), date(2026, 11, 4)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
    assert app.return_code in (None, 0)
