"""`supple program` judges a test's change as every other place does (review R1 item 4): the one
judge (``core.words.judge`` through ``judged_words``) with the test's measurement error, and each
result with its unit ("start 12 cm"). Checked on generated results against the program screen,
the progress screen and the report."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.program_wording import point_word
from supple.core.history import HistoryStore
from supple.core.program import POINTS, MobilityTest, Program, load_program
from supple.core.program_store import ProgramStore
from supple.core.report import ReportFacts, render
from supple.core.routine import load_catalog
from supple.core.trends import TestTrend
from supple.core.words import judge, judged_words, measured
from supple.system import paths

STARTED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def bundled() -> Program:
    return load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))


def program_lines(
    capsys: pytest.CaptureFixture[str], results: dict[str, dict[str, float]]
) -> dict[str, str]:
    """`supple program`'s line for each test, after saving ``results`` (test → point → value)."""
    shutil.rmtree(paths.data_dir() / "tests", ignore_errors=True)
    store = ProgramStore(HistoryStore(paths.data_dir()))
    program = bundled()
    store.start(program, STARTED)
    for test_id, by_point in results.items():
        for n, (point, value) in enumerate(by_point.items()):
            store.record(test_id, value, point, STARTED + timedelta(days=20 * n), program.id)  # type: ignore[arg-type]
    assert main(["program"]) == 0
    out = capsys.readouterr().out
    return {t.id: next(line for line in out.splitlines() if t.name in line) for t in program.tests}


def _value(test: MobilityTest) -> st.SearchStrategy[float]:
    return st.integers(int(test.low) * 2, int(test.high) * 2).map(lambda v: v / 2)


@st.composite
def results(draw: st.DrawFn) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for test in bundled().tests:
        points = draw(st.sampled_from([POINTS[:1], POINTS[:2], POINTS]))
        out[test.id] = {p: draw(_value(test)) for p in points}
    return out


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(results())
def test_every_place_showing_a_test_change_agrees(
    capsys: pytest.CaptureFixture[str], generated: dict[str, dict[str, float]]
) -> None:
    from supple.tui.screens.program import change_text
    from supple.tui.screens.progress import test_line

    lines = program_lines(capsys, generated)
    theme = {"success": "green", "warning": "yellow"}
    for test in bundled().tests:
        line, by_point = lines[test.id], generated[test.id]
        for point, value in by_point.items():
            said = f"{point_word(point)} {measured(value, test.unit)}"  # "start 12 cm"
            assert said in line, (said, line)
        values = list(by_point.values())
        if len(values) < 2:
            assert "better" not in line and "worse" not in line and "±" not in line
            continue
        change = test.improved(values[0], values[-1])
        words = judged_words(change, test.error, test.unit)
        verdict = judge(change, test.error)
        assert line.endswith(words), (line, words)
        # The program screen: the same verdict (★ only beyond the error).
        cell = change_text(test, change, theme).plain
        assert ("★" in cell) is (verdict == "better")
        assert cell.startswith(judged_words(change, test.error, test.unit, compact=True))
        # The progress screen and the report: the same words.
        trend = TestTrend(test, tuple(by_point.items()), change, verdict)  # type: ignore[arg-type]
        assert words in test_line(trend).plain
        page = render(ReportFacts(NOW, "", None, 0, 0, (), (), (), 0, (trend,), (), (), None))
        assert words in page


def test_the_reviewers_results_read_within_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    lines = program_lines(
        capsys,
        {"toe-touch": {"start": 12, "middle": 10}, "superman-hold": {"start": 90, "middle": 95}},
    )
    touch, superman = lines["toe-touch"], lines["superman-hold"]
    assert "start 12 cm" in touch and "middle 10 cm" in touch and "better" not in touch
    assert touch.endswith("2 cm, within the ±5 cm measurement error")
    assert "start 90 s" in superman and superman.endswith("within the ±32 s measurement error")
