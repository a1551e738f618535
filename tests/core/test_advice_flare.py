"""A next-morning flare is never hidden (review R1 item 3, docs/advice.md): a morning 2 or more
above usual eases the whole routine whatever marks its sessions carry (both lines when both
apply, the safe side winning); a morning rated with no usual pain known says so; the advice names
the morning's own date in the app's style."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach.wording import advice
from supple.core.advice import (
    AdviceInput,
    AdviceKind,
    AppliedFact,
    ExerciseFact,
    SessionFact,
    Suggestion,
    advise,
    usual_pain,
)
from tests.core.test_advice import Screen

TODAY = date(2026, 12, 6)  # a Sunday
YESTERDAY = TODAY - timedelta(days=1)
R = "back-pain-relief"
EXERCISES = ("cat-cow", "sphinx", "childs-pose")


def played(
    day: date,
    marks: dict[str, int] | None = None,
    *,
    morning: int | None = None,
    after: int | None = None,
    before: int | None = None,
    routine: str = R,
) -> SessionFact:
    marks = marks or {}
    exercises = tuple(
        ExerciseFact(e, e.replace("-", " ").title(), "5 reps", True, marks.get(e))
        for e in EXERCISES
    )
    return SessionFact(day, routine, True, exercises, before, after, morning)


def easier(suggestions: list[Suggestion]) -> list[tuple[str, ...]]:
    return sorted(s.exercises for s in suggestions if s.kind is AdviceKind.EASIER)


def test_the_reviewers_history_gives_both_lines() -> None:
    """Two sessions of one routine yesterday, the first with a mark of 7 on Cat-Cow, then a
    morning of 5 against a usual 2: Cat-Cow for the mark, and the whole routine for the flare,
    whatever order the history comes in."""
    first = played(YESTERDAY, {"cat-cow": 7})
    second = played(YESTERDAY, morning=5)
    for order in ((first, second), (second, first)):
        out = advise(AdviceInput(TODAY, order, screening=Screen()))
        assert easier(out) == [("cat-cow",), EXERCISES], out
        assert not any(s.kind is AdviceKind.HARDER for s in out)
    flare = next(s for s in out if len(s.exercises) == 3)
    assert advice(flare) == (
        "Cat Cow, Sphinx, Childs Pose one step easier next time: "
        "next morning 5 of 10 on Sun 06 Dec (usual 2)."
    )
    mark = next(s for s in out if len(s.exercises) == 1)
    assert advice(mark) == (
        "Cat Cow one step easier next time: pain 7 of 10 during (above 5) on Sat 05 Dec."
    )


def test_after_the_mark_is_applied_the_flare_still_eases_the_rest() -> None:
    history = (played(YESTERDAY, {"cat-cow": 7}), played(YESTERDAY, morning=5))
    applied = (AppliedFact(R, "cat-cow", TODAY),)
    out = advise(AdviceInput(TODAY, history, applied=applied, screening=Screen()))
    assert easier(out) == [("sphinx", "childs-pose")]
    both = applied + (AppliedFact(R, "sphinx", TODAY), AppliedFact(R, "childs-pose", TODAY))
    assert advise(AdviceInput(TODAY, history, applied=both, screening=Screen())) == []


def test_a_flare_after_a_later_quiet_session_still_stands() -> None:
    """A flare on Friday's morning, then a session on Saturday with nothing rated yet: the
    routine is still eased (the flare is the latest morning rated)."""
    friday = TODAY - timedelta(days=2)
    history = (played(friday, morning=6), played(YESTERDAY))
    out = advise(AdviceInput(TODAY, history, screening=Screen()))
    assert easier(out) == [EXERCISES]
    (line,) = out
    assert line.day == friday and "next morning 6 of 10 on Sat 05 Dec (usual 2)" in advice(line)


def test_a_morning_with_no_usual_pain_known_says_so_and_never_harder() -> None:
    history = tuple(played(TODAY - timedelta(days=d)) for d in (5, 3)) + (
        played(YESTERDAY, morning=8),
    )
    out = advise(AdviceInput(TODAY, history, screening=Screen(usual_pain=None)))
    assert [s.kind for s in out] == [AdviceKind.USUAL_PAIN]
    assert advice(out[0]) == (
        "Next morning 8 of 10 on Sun 06 Dec: usual pain not known yet, so supple cannot tell a "
        "flare and suggests nothing harder; give your usual pain (`supple screening`)."
    )


# -- generated: sequences of sessions, marks and mornings ------------------------------------


@st.composite
def histories(draw: st.DrawFn) -> AdviceInput:
    """Up to three weeks of two routines, some days twice; a morning only on a day's last
    session (as the app links it); the history in any order; advice applied or not."""
    sessions: list[SessionFact] = []
    for ago in sorted(draw(st.sets(st.integers(1, 20), max_size=8)), reverse=True):
        day = TODAY - timedelta(days=ago)
        routine = draw(st.sampled_from([R, "lower-back-mobility"]))
        times = draw(st.integers(1, 2))
        for n in range(times):
            marks = draw(st.dictionaries(st.sampled_from(EXERCISES), st.integers(0, 10)))
            morning = draw(st.none() | st.integers(0, 10)) if n == times - 1 else None
            after = draw(st.none() | st.integers(0, 10))
            before = draw(st.none() | st.integers(0, 10))
            sessions.append(played(day, marks, morning=morning, after=after, before=before))
            sessions[-1] = SessionFact(
                day, routine, True, sessions[-1].exercises, before, after, morning
            )
    applied = tuple(
        AppliedFact(draw(st.sampled_from([R, "lower-back-mobility"])), e, TODAY - timedelta(d))
        for e, d in draw(st.lists(st.tuples(st.sampled_from(EXERCISES), st.integers(0, 20))))
    )
    usual = draw(st.none() | st.integers(0, 8))
    order = draw(st.permutations(sessions))
    return AdviceInput(TODAY, tuple(order), applied=applied, screening=Screen(usual_pain=usual))


@settings(max_examples=250, deadline=None)
@given(histories())
def test_a_flare_is_never_hidden(facts: AdviceInput) -> None:
    """While a routine's latest rated morning (in the last 14 days) is a flare, every exercise
    of that routine done on its latest day is in an easier line, or was stepped by advice since
    (or within the 7-day limit), or a rest day is suggested; never harder; and the line says the
    flare's numbers. With no usual pain known, the "usual pain not known yet" line."""
    out = advise(facts)
    usual = usual_pain(facts)
    since = TODAY - timedelta(days=14)
    for routine in {s.routine for s in facts.sessions}:
        recent = sorted((s for s in facts.sessions if s.routine == routine), key=lambda s: s.day)
        recent = [s for s in recent if s.day > since]
        rated = [s for s in recent if s.morning_pain is not None]
        if not rated:
            continue
        if usual is None:
            assert any(s.kind is AdviceKind.USUAL_PAIN for s in out)
            assert not any(s.kind is AdviceKind.HARDER for s in out)
            continue
        flare = rated[-1]
        if (flare.morning_pain or 0) < usual + 2:
            continue
        assert not any(s.kind is AdviceKind.HARDER for s in out)
        if any(s.kind is AdviceKind.REST for s in out):
            continue
        eased = {e for s in out if s.routine == routine for e in s.exercises}
        # acted on since the flare's session, or stepped by advice within 7 days (the limit)
        stepped = {
            a.exercise
            for a in facts.applied
            if a.routine == routine and (a.day >= flare.day or (TODAY - a.day).days < 7)
        }
        latest = [s for s in recent if s.day in (recent[-1].day, flare.day)]
        flared = {e.exercise for s in latest for e in s.exercises if e.done}
        assert flared <= eased | stepped, out
        if flared - stepped:  # not all acted on: a line says the flare, with its numbers
            lines = [s for s in out if s.routine == routine and "morning" in s.numbers]
            assert lines and all(s.numbers["morning"] == flare.morning_pain for s in lines)
            assert all(s.numbers["morning_day"] == str(flare.morning_day) for s in lines)


@settings(max_examples=60, deadline=None)
@given(histories())
def test_every_line_says_its_days_as_the_app_does(facts: AdviceInput) -> None:
    """No ISO date in a sentence: the session's day and the morning's are said "Sat 05 Dec"."""
    import re

    for s in advise(facts):
        assert not re.search(r"\d{4}-\d\d-\d\d", advice(s)), advice(s)
