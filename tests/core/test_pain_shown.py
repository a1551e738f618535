"""Pain shown as what it is: the history's cell, the summary's line, the stats, the ``!``
dialog's rule and the totals an eased plan says."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach import wording
from supple.core.advice import ACCEPTABLE
from supple.core.pain import OLD_MARK, mark_words, pain_cell, pain_line, span
from supple.core.routine import Level, load_routine
from supple.core.session_plan import Plan, eased, planned_dose
from supple.core.stats import compute
from supple.core.timeline import expand
from supple.core.value import replace
from supple.system import paths
from tests.fakes import make_session_record

T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
ratings = st.none() | st.integers(0, 10)


@settings(max_examples=150, deadline=None)
@given(pain=st.tuples(ratings, ratings), old=st.tuples(ratings, ratings))
def test_the_history_cell_shows_pain_and_marks_old_feelings(
    pain: tuple[int | None, int | None], old: tuple[int | None, int | None]
) -> None:
    record = replace(
        make_session_record(T0, before=old[0], after=old[1]),
        pain_before=pain[0],
        pain_after=pain[1],
    )
    cell = pain_cell(record)
    if pain != (None, None):
        assert cell == span(*pain) and OLD_MARK not in cell  # pain, never the old scale
        for value in pain:
            if value is not None:
                assert str(value) in cell
    elif old != (None, None):
        assert cell.endswith(f" {OLD_MARK}") and span(*old) in cell
    else:
        assert cell == ""
    line = pain_line(record)
    assert "–" not in line  # a missing rating is said, not dashed
    if pain[0] is None and pain[1] is not None:
        assert f"pain after {pain[1]}/10" in line
    if pain[0] is not None and pain[1] is None:
        assert f"pain before {pain[0]}/10" in line


@given(st.integers(0, 10))
def test_the_hurt_dialog_says_the_rule_from_the_threshold(rating: int) -> None:
    words = mark_words(rating)
    assert f"pain {rating}/10" in words
    if rating > ACCEPTABLE:
        assert f"above {ACCEPTABLE} is more than the rule allows: ease or skip" in words
    else:
        assert f"up to {ACCEPTABLE} is acceptable" in words


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ratings, ratings, ratings, st.tuples(ratings, ratings)), max_size=8))
def test_stats_carry_pain_and_keep_old_feelings_apart(
    sessions: list[tuple[int | None, int | None, int | None, tuple[int | None, int | None]]],
) -> None:
    records = [
        replace(
            make_session_record(T0 + timedelta(days=n), before=old[0], after=old[1]),
            pain_before=before,
            pain_after=after,
            morning_pain=morning,
        )
        for n, (before, after, morning, old) in enumerate(sessions)
    ]
    stats = compute(records, date(2026, 12, 10))
    data = stats.to_json()
    with_pain = [s for s in sessions if s[:3] != (None, None, None)]
    assert [(p["before"], p["after"], p["morning"]) for p in data["pain"]] == [
        s[:3] for s in with_pain
    ]
    assert [(f["before"], f["after"]) for f in data["feelings"]] == [
        s[3] for s in sessions if s[3] != (None, None)
    ]
    afters = [s[1] for s in with_pain if s[1] is not None]
    trend = wording.pain_trend(stats)
    if afters:
        assert trend.startswith(f"first {afters[0]}, latest {afters[-1]}, lowest {min(afters)}")
    mornings = [s[2] for s in with_pain if s[2] is not None]
    assert ("next morning" in trend) == bool(mornings)


ROUTINES = sorted(paths.bundled_routines_dir().glob("*.toml"))


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_an_eased_plan_says_its_own_totals(data: st.DataObject) -> None:
    routine = load_routine(data.draw(st.sampled_from(ROUTINES)))
    level: Level = data.draw(st.sampled_from(["beginner", "intermediate", "advanced"]))
    segments = expand(routine, level)
    index = data.draw(st.integers(0, len(segments) - 1))
    dropped = eased(segments, index)
    plan = Plan(segments).without(dropped)
    kept = plan.segments
    groups: dict[tuple[int, int | None, str | None], list[int]] = {}
    for s in kept:
        if s.rep is not None:
            groups.setdefault((s.exercise_index, s.set, s.side), []).append(s.rep)
    for s in kept:
        if s.rep is not None:
            assert s.reps == max(groups[(s.exercise_index, s.set, s.side)])  # "Rep 2/2"
        if s.set is not None:
            assert s.sets == max(k.set or 0 for k in kept if k.exercise_index == s.exercise_index)
    for n, exercise in enumerate(routine.exercises):
        dose = planned_dose(kept, n, exercise.levels[level])
        work = [s for s in kept if s.exercise_index == n and s.active]
        if not dropped or all(segments[i].exercise_index != n for i in dropped):
            assert dose == exercise.levels[level]  # untouched exercises keep their dose
        elif work and work[-1].reps is not None:
            assert dose.reps == work[-1].reps and dose.sets == work[-1].sets
