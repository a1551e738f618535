"""Issue 25's review (P3): one judge of a test's change everywhere (the program's table and its
★, the progress screen, the report, the advice's celebration), and advice ids that derive only
from what a suggestion is, so a repeated apply finds it and says it is already applied."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core.advice import AdviceInput, AdviceKind, Suggestion, TestFact, advise
from supple.core.advice_log import Applied, save_log
from supple.core.program import MobilityTest, TestKind
from supple.core.report import ReportFacts, render
from supple.core.trends import TestTrend
from supple.core.words import judge, judged_words
from supple.system import paths
from tests.core.test_advice import OK

TODAY = date(2026, 12, 6)
NOW = datetime(2026, 12, 6, 5, 15, 18, tzinfo=UTC)
changes = st.integers(-60, 60).map(float)
errors = st.integers(0, 40).map(float)


def bridge(error: float) -> MobilityTest:
    return MobilityTest(
        "bridge", "Bridge hold", TestKind.TIMED, "s", "higher", 0, 300, ("x",), error=error
    )


def fact(point: str, value: float, error: float, days_ago: int = 1) -> TestFact:
    return TestFact(
        "bridge",
        "Bridge hold",
        "s",
        "higher",
        point,
        value,
        TODAY - timedelta(days=days_ago),
        error,  # type: ignore[arg-type]
    )


@settings(max_examples=200, deadline=None)
@given(changes, errors)
def test_every_place_says_what_the_one_judge_says(change: float, error: float) -> None:
    from rich.text import Text

    from supple.coach.wording import advice
    from supple.tui.screens.program import change_text
    from supple.tui.screens.progress import test_line

    verdict = judge(change, error)
    better = verdict == "better"
    words = judged_words(change, error, "s")
    assert ("better" in words) is better and ("worse" in words) is (verdict == "worse")
    assert ("within the" in words) is (verdict == "within error")
    # The program's table: the ★ only beyond the error, and the same words.
    theme = {"success": "green", "warning": "yellow"}
    cell = change_text(bridge(error), change, theme)
    assert ("★" in cell.plain) is better
    short = judged_words(change, error, "s", compact=True)
    assert cell.plain.startswith(short if verdict == "within error" else words)
    # The progress screen.
    trend = TestTrend(bridge(error), (("start", 60.0), ("middle", 60.0 + change)), change, verdict)
    line: Text = test_line(trend)
    assert words in line.plain
    # The report.
    page = render(ReportFacts(NOW, "", None, 0, 0, (), (), (), 0, (trend,), (), (), None))
    assert words in page
    # The advice: a celebration only for a change beyond the error, in the same words.
    facts = AdviceInput(  # the screening answered with no sign: tests are celebrated only then
        TODAY,
        tests=(fact("start", 60.0, error, 20), fact("middle", 60.0 + change, error)),
        screening=OK,
    )
    celebrations = [s for s in advise(facts) if s.kind is AdviceKind.CELEBRATE]
    assert bool(celebrations) is better
    for s in celebrations:
        assert words in advice(s)


def test_the_reviewers_case_reads_one_way() -> None:
    assert judged_words(10, 32, "s") == "10 s, within the ±32 s measurement error"
    assert judged_words(10, 32, "s", compact=True) == "≈ 10 s"
    assert judged_words(40, 32, "s") == "▲ 40 s better"


identity = st.tuples(
    st.sampled_from(list(AdviceKind)),
    st.sampled_from(["back-pain-relief", "desk"]),
    st.lists(st.sampled_from(["cat-cow", "sphinx", "bridge"]), max_size=2, unique=True).map(tuple),
    st.integers(0, 30).map(lambda d: TODAY - timedelta(days=d)),
)
numbers = st.dictionaries(
    st.sampled_from(["sessions", "pain_low", "pain_high", "usual", "morning", "session"]),
    st.integers(0, 10),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(identity, identity, numbers, numbers)
def test_an_id_derives_only_from_what_the_suggestion_is(
    a: tuple[AdviceKind, str, tuple[str, ...], date],
    b: tuple[AdviceKind, str, tuple[str, ...], date],
    n1: dict[str, int],
    n2: dict[str, int],
) -> None:
    """The numbers grow as more is logged (the usual pain, the sessions); the id stays."""
    kind, routine, exercises, day = a
    first = Suggestion(kind, routine, exercises, numbers=n1, day=day)
    later = Suggestion(kind, routine, exercises, numbers=n2, day=day, dose="8 reps", was="5 reps")
    assert first.id == later.id
    other = Suggestion(b[0], b[1], b[2], numbers=n1, day=b[3])
    assert (other.id == first.id) == (b == a)


def test_applying_an_applied_id_says_when_and_how_to_undo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    advice_id = "easier-back-pain-relief-2026-12-05-7196"
    entry = Applied(advice_id, "easier", "back-pain-relief", ("cat-cow",), "why", NOW, None)
    save_log(data / "advice.toml", [entry])
    assert main(["advice", "apply", advice_id]) == 1
    err = capsys.readouterr().err
    assert "already applied on Sun 6 Dec 2026" in err and "supple advice undo" in err
    assert main(["advice", "apply", "easier-nothing-2026-12-05-0000"]) == 2
    assert "no suggestion" in capsys.readouterr().err


# -- adherence and the report's adjustments ------------------------------------------------------

START = date(2026, 11, 2)  # a Monday
plan = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 7)), min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(plan, st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.integers(0, 90))))
def test_adherence_reads_right_and_leaves_out_the_weeks_before_the_start(
    weeks: list[tuple[int, int]], minutes: list[tuple[int, int, int]]
) -> None:
    from supple.coach.progress import ProgressFacts
    from supple.core.stats import Week
    from supple.core.trends import AdherenceWeek, active_weeks, so_far
    from supple.tui.screens.progress import adherence_lines

    rows = tuple(
        AdherenceWeek(n + 1, START + timedelta(weeks=n), due, done)
        for n, (due, done) in enumerate(weeks)
    )
    total_done = sum(done for _, done in weeks)
    started = datetime(2026, 11, 2, 8, tzinfo=UTC)
    history = tuple(
        Week(START + timedelta(weeks=w - 10), s, float(m)) for w, s, m in sorted(set(minutes))
    )
    shown = active_weeks(history, started.date())
    assert all(w.monday >= START or w.sessions or w.minutes for w in shown)
    assert [w for w in history if w.sessions or w.minutes] == [
        w for w in shown if w.sessions or w.minutes
    ]
    facts = ProgressFacts("P", started, total_done, 18, rows, shown, (), 0, (), None)
    text = adherence_lines(facts).plain
    done, due = so_far(rows)
    assert done == total_done
    assert text.startswith(f"{done} done of {due} due so far · {total_done} of 18")
    for week in rows:
        assert f"{week.done} done of {week.due} planned" in text
    page = render(
        ReportFacts(NOW, "P", started, total_done, 18, rows, shown, (), 1, (), (), (), None)
    )
    assert f"{done} done of {due} due so far" in page and "/" + str(due) not in text
    assert "1 older session carries" in page
    for week in history:
        if week.monday < START and not (week.sessions or week.minutes):
            assert week not in shown


def test_the_adjustments_say_what_moved_and_when(tmp_path_factory: pytest.TempPathFactory) -> None:
    from supple.coach.advice import AdviceService
    from supple.coach.notices import Notices
    from supple.coach.preferences import Preferences
    from supple.core.config import Config
    from supple.core.report import read_applied

    folder = tmp_path_factory.mktemp("data")
    prefs = Preferences(Config(), [], None, folder / "state.toml", folder, Notices())
    service = AdviceService(folder, prefs, lambda: None, lambda: NOW)  # type: ignore[arg-type,return-value]
    harder = Suggestion(
        AdviceKind.HARDER,
        "back-pain-relief",
        ("cat-cow",),
        ("Cat-Cow",),
        "8 reps",
        "5 reps",
        {"sessions": 3},
        TODAY,
    )
    service.apply(harder, "3 sessions at 5 reps")
    (applied,) = read_applied(folder)
    assert applied.change == "Cat-Cow one step harder, 5 reps → 8 reps"
    page = render(ReportFacts(NOW, "", None, 0, 0, (), (), (), 0, (), (applied,), (), None))
    assert "Sun 6 Dec 2026" in page and "05:15:18" not in page
