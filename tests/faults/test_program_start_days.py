"""Absurd program start days (issue 24, R2 item 13): a start before 2000 or more than a year
ahead is refused, saying so, and nothing is written; whatever start a state file holds, the
report lists at most ``MAX_ADHERENCE_WEEKS`` weeks; and a report supple wrote is recognised
as its own (replaced without --force) whatever its size."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core.files import OWN_FILE_LIMIT, write_named
from supple.core.history import HistoryStore
from supple.core.program_start import AHEAD_DAYS, FIRST_START, start_day_problem
from supple.core.program_store import ProgramStore
from supple.core.report import GENERATOR, is_own_report
from supple.core.trends import MAX_ADHERENCE_WEEKS

TODAY = date(2026, 12, 6)


@given(st.dates())
def test_a_start_day_is_taken_only_from_2000_to_a_year_ahead(day: date) -> None:
    problem = start_day_problem(day, TODAY)
    assert (problem is None) == (FIRST_START <= day <= TODAY + timedelta(days=AHEAD_DAYS))
    if problem is not None:
        assert day.isoformat() in problem


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    day=st.one_of(
        st.dates(max_value=FIRST_START - timedelta(days=1)),
        st.dates(min_value=date.today() + timedelta(days=AHEAD_DAYS + 1)),
    )
)
def test_the_command_refuses_an_absurd_start_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, day: date
) -> None:
    args = ["program", "start", "--yes", "--screening", "no-signs", "--date", day.isoformat()]
    with pytest.raises(SystemExit) as refused:  # argparse's: the option is refused
        main(args)
    assert refused.value.code == 2
    assert f"--date: {day.isoformat()} is too" in capsys.readouterr().err
    assert not (data_dir / "program.toml").exists()


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.dates(max_value=date(2020, 1, 1)))
def test_a_report_of_any_start_lists_at_most_the_cap(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, day: date
) -> None:
    at = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    ProgramStore(HistoryStore(data_dir))._activate("lower-back-6-weeks", at)
    target = tmp_path / f"report-{day.isoformat()}.html"
    started = time.process_time()
    assert main(["report", "--to", str(target)]) == 0
    assert time.process_time() - started < 10
    page = target.read_text()
    assert len(page) < 200 * MAX_ADHERENCE_WEEKS  # 1997, uncapped: 206,094 characters
    assert main(["report", "--to", str(target)]) == 0  # its own: replaced, no --force


@pytest.mark.parametrize("size", [OWN_FILE_LIMIT - 1000, OWN_FILE_LIMIT + 1, 3 * OWN_FILE_LIMIT])
def test_a_report_of_ours_is_recognised_whatever_its_size(tmp_path: Path, size: int) -> None:
    target = tmp_path / "report.html"
    head = f"<!DOCTYPE html>\n<html><head>{GENERATOR}</head><body>".encode()
    target.write_bytes(head + b"x" * size)
    write_named(target, head + b"new", ours=is_own_report)
    assert target.read_bytes().endswith(b"new")
