"""Advice from what was measured, never applied by itself: facts in, suggestions out.

Pure: the coach turns the history, the test results, the easier/harder steps, the advice already
applied and the screening into an ``AdviceInput``; ``advise`` returns the suggestions, each with
a stable id and the numbers it used. The rules and their sources are in docs/advice.md; in short:

- pain during an exercise up to 5/10 is acceptable, above 5 is too much, and the next morning's
  pain should be back to the usual level (Silbernagel et al. 2007, applied to backs by analogy);
- a change in 0–10 pain matters from 2 points or 30 % (Ostelo et al. 2008);
- three sessions that count at one dose, pain acceptable, no morning flare: one step harder for
  that exercise, at most one step of advice per exercise per 7 days, and only when the screening
  was answered with no warning sign (or the person was cleared);
- pain above 5 during: one step easier for the exercises marked; pain above 5 after, or a
  morning 2 or more above usual: one step easier for the whole routine (both lines when both
  apply: a flare is never hidden behind a mark); pain rising across three sessions: a rest day;
- a test is better or worse only beyond its measurement error; middle and end tests are
  celebrated with the change since the start.

When in doubt the advice errs to the safe side: no pain recorded means no harder; no usual pain
known means no morning compared (the line "usual pain not known yet", and no harder after a
rated morning); until the screening is
answered (asked once, before the first advice of any kind), advice is only "answer the safety
questions first" and what is easier (a step easier, a rest day).
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import assert_never

from supple.core.advice_facts import AdviceInput as AdviceInput
from supple.core.advice_facts import AppliedFact as AppliedFact
from supple.core.advice_facts import Doses as Doses
from supple.core.advice_facts import ExerciseFact as ExerciseFact
from supple.core.advice_facts import Point as Point
from supple.core.advice_facts import ScreeningLike as ScreeningLike
from supple.core.advice_facts import SessionFact as SessionFact
from supple.core.advice_facts import TestFact as TestFact
from supple.core.value import field, value_class
from supple.core.words import judge

ACCEPTABLE = 5  # pain during up to this is acceptable (Silbernagel 2007); above is too much
MORNING_FLARE = 2  # a morning this many points above usual is a flare (the rule)
MCID_POINTS = 2  # the smallest change in 0–10 pain that matters (Ostelo 2008) ...
MCID_SHARE = 0.3  # ... or this share of the starting rating, whichever is smaller
SESSIONS_TO_PROGRESS = 3  # sessions that count at one dose before one step harder
STEP_DAYS = 7  # at most one step of advice per exercise in this many days
USUAL_DAYS = 14  # usual pain: the median before-session rating over these days ...
USUAL_RATINGS = 3  # ... once there are this many; before, the screening's usual pain
RECENT_DAYS = 14  # sessions older than this earn no step either way
CELEBRATE_DAYS = 14  # a middle or end test is celebrated this long after it was taken


class AdviceKind(StrEnum):
    HARDER = "harder"
    EASIER = "easier"
    REST = "rest"
    RETEST = "retest"
    CELEBRATE = "celebrate"
    SEE_CLINICIAN = "see-clinician"
    SCREENING = "screening"  # answer the safety questions first
    USUAL_PAIN = "usual-pain"  # a morning rated, no usual pain to compare it with yet

    @property
    def change(self) -> int:
        """The steps it moves each exercise along its dose ladder when applied."""
        match self:
            case AdviceKind.HARDER:
                return 1
            case AdviceKind.EASIER:
                return -1
            case (
                AdviceKind.REST
                | AdviceKind.RETEST
                | AdviceKind.CELEBRATE
                | AdviceKind.SEE_CLINICIAN
                | AdviceKind.SCREENING
                | AdviceKind.USUAL_PAIN
            ):
                return 0
            case _:
                assert_never(self)


# -- the suggestions out ------------------------------------------------------------------------


@value_class(frozen=True, slots=True)
class Suggestion:
    kind: AdviceKind
    routine: str = ""
    exercises: tuple[str, ...] = ()  # the exercise ids it steps
    names: tuple[str, ...] = ()  # and their names, for the sentence
    dose: str = ""  # the dose it leads to (harder, easier), in words
    was: str = ""  # the dose played
    # The numbers it used, by name (sessions, pain_low, pain_high, usual, morning, ...).
    numbers: Mapping[str, float | int | str] = field(default_factory=dict)
    day: date = date.min

    @property
    def id(self) -> str:
        """Stable: derived only from what the suggestion is — its kind, routine, exercises, the
        day it is about (and which tests a celebration is for) — never from the numbers that
        grow as more is logged, so `supple advice apply ID` finds it again tomorrow."""
        subject = self.exercises[0] if len(self.exercises) == 1 else self.routine
        about = str(self.numbers.get("point", ""))
        digest = hashlib.sha256(
            repr((self.kind.value, self.routine, self.exercises, about)).encode()
        ).hexdigest()[:4]
        return "-".join(p for p in (self.kind.value, subject, self.day.isoformat(), digest) if p)

    @property
    def change(self) -> int:
        return self.kind.change


def meaningful(start: float, end: float) -> bool:
    """A change in 0–10 pain that matters (Ostelo 2008): 2 points, or 30 % of the start when
    that is smaller (and never under 1 point)."""
    need = MCID_POINTS if start <= 0 else max(1.0, min(MCID_POINTS, MCID_SHARE * start))
    return abs(end - start) >= need


def usual_pain(facts: AdviceInput, routine: str = "") -> int | float | None:
    """The usual pain of ``routine``'s body region (``AdviceInput.regions``): the median
    before-session rating of that region's sessions of the last 14 days once there are three;
    before, the usual pain given with that region's screening; None when neither is known."""
    from supple.core.screening import CHECKLISTS

    region = facts.regions.get(routine, CHECKLISTS[0].id)
    since = facts.today - timedelta(days=USUAL_DAYS)
    ratings = [
        s.pain_before
        for s in facts.sessions
        if s.day > since
        and s.pain_before is not None
        and facts.regions.get(s.routine, CHECKLISTS[0].id) == region
    ]
    if len(ratings) >= USUAL_RATINGS:
        return statistics.median(ratings)
    if facts.screening is not None and facts.screening.answered:
        return facts.screening.usual_for(region)
    return None


Usual = Callable[[str], float | None]  # a routine's usual pain (``usual_pain``)


def _flare(session: SessionFact, usual: float | None) -> bool:
    """A morning 2 or more above usual; with no usual pain known, no morning is compared (a
    baseline is never made up)."""
    if session.morning_pain is None or usual is None:
        return False
    return session.morning_pain >= usual + MORNING_FLARE


def _last_stepped(facts: AdviceInput, routine: str, exercise: str) -> date | None:
    days = [a.day for a in facts.applied if a.routine == routine and a.exercise == exercise]
    return max(days) if days else None


def _may_step(facts: AdviceInput, routine: str, exercise: str) -> bool:
    last = _last_stepped(facts, routine, exercise)
    return last is None or (facts.today - last).days >= STEP_DAYS


def _ordered(facts: AdviceInput) -> list[SessionFact]:
    return sorted(facts.sessions, key=lambda s: s.day)


def advise(facts: AdviceInput) -> list[Suggestion]:
    """Every suggestion the rules give for ``facts``, the safest first."""
    out: list[Suggestion] = []
    screening = facts.screening
    answered = screening is not None and screening.answered
    if screening is None or not screening.answered:
        # Asked before the first advice: a person with nothing measured yet (no session, no
        # test) has nothing to be advised on, and home stays quiet for them.
        if facts.sessions or facts.tests or facts.tests_due:
            out.append(Suggestion(AdviceKind.SCREENING, day=facts.today))
    elif screening.any_flag and not screening.cleared:
        # No number: the screening's answer is the reason; ``urgent`` says how soon.
        urgent = {"urgent": int(screening.urgent)}
        out.append(Suggestion(AdviceKind.SEE_CLINICIAN, numbers=urgent, day=facts.today))
    known: dict[str, float | None] = {}

    def usual(routine: str) -> float | None:
        if routine not in known:
            known[routine] = usual_pain(facts, routine)
        return known[routine]

    sessions = _ordered(facts)
    rest = _rest(sessions, facts)
    out.extend(rest)
    easier, blocked = _easier(sessions, facts, usual)
    out.extend(easier)
    if blocked and not rest:
        out.append(blocked)
    out.extend(_usual_unknown(sessions, facts, usual))
    if _harder_allowed(sessions, facts, usual) and not rest and not blocked:
        out.extend(_harder(sessions, facts, usual))
    if answered:  # before the screening, only the safe side (the decision)
        out.extend(_tests(facts))
    return out


def _rest(sessions: list[SessionFact], facts: AdviceInput) -> list[Suggestion]:
    """A rest day when pain rose across the last three rated sessions, by a change that
    matters, the last of them recent."""
    rated = [s for s in sessions if s.pain is not None]
    if len(rated) < 3:
        return []
    a, b, c = (s.pain or 0 for s in rated[-3:])
    last = rated[-1]
    if not (a < b < c and meaningful(a, c)):
        return []
    if (facts.today - last.day).days > 2:
        return []
    return [
        Suggestion(
            AdviceKind.REST,
            routine=last.routine,
            numbers={"pain_first": a, "pain_middle": b, "pain_last": c},
            day=last.day,
        )
    ]


def _easier(
    sessions: list[SessionFact], facts: AdviceInput, usual: Usual
) -> tuple[list[Suggestion], Suggestion | None]:
    """For each routine: one step easier for the exercises of its latest day's sessions that
    hurt above 5, and one step easier for the whole routine after pain above 5 that day or
    while its latest rated morning is a flare (both lines when both apply, each leaving out the
    exercises advice stepped since); a rest day instead when none of a line's exercises may
    step (stepped by advice within 7 days, or at the easy end of their ladder)."""
    since = facts.today - timedelta(days=RECENT_DAYS)
    recent: dict[str, list[SessionFact]] = {}
    for session in sessions:
        if session.day > since:
            recent.setdefault(session.routine, []).append(session)
    out: list[Suggestion] = []
    blocked: Suggestion | None = None
    for routine, played in sorted(recent.items()):
        for chosen, numbers, day in _easier_lines(played, usual(routine)):
            suggestion = _step_down(facts, routine, chosen, numbers, day)
            if suggestion is None:
                continue
            match suggestion.kind:
                case AdviceKind.REST:  # nothing left to step down: a rest day instead
                    blocked = suggestion
                case (
                    AdviceKind.EASIER
                    | AdviceKind.HARDER
                    | AdviceKind.RETEST
                    | AdviceKind.CELEBRATE
                    | AdviceKind.SEE_CLINICIAN
                    | AdviceKind.SCREENING
                    | AdviceKind.USUAL_PAIN
                ):
                    out.append(suggestion)
                case _:
                    assert_never(suggestion.kind)
    return out, blocked


Line = tuple[list[ExerciseFact], dict[str, float | int | str], date]


def _easier_lines(played: list[SessionFact], usual: float | None) -> list[Line]:
    """A routine's reasons to step down, from its recent sessions (oldest first): the marks
    above 5 of its latest day, then the whole routine for pain after above 5 that day or a
    flare on its latest rated morning."""
    day = played[-1].day
    latest = [s for s in played if s.day == day]
    lines: list[Line] = []
    marked: dict[str, ExerciseFact] = {}
    hurt = (e for s in latest for e in s.exercises if e.pain is not None and e.pain > ACCEPTABLE)
    for entry in sorted(hurt, key=lambda e: e.pain or 0):  # the highest mark of each kept
        marked[entry.exercise] = entry
    if marked:
        during = max(e.pain or 0 for e in marked.values())
        lines.append((list(marked.values()), {"pain_during": during, "session": str(day)}, day))
    whole: dict[str, float | int | str] = {}
    after = max((s.pain_after for s in latest if s.pain_after is not None), default=None)
    if after is not None and after > ACCEPTABLE:
        whole.update(pain_after=after, session=str(day))
    flare = _standing(played, usual)
    if flare is not None and usual is not None:
        whole.update(morning=flare.morning_pain or 0, usual=usual)
        whole["morning_day"] = str(flare.morning_day)
        whole.setdefault("session", str(flare.day))
    if whole:  # the exercises done that day (and on the flare's session), once each
        stepped = latest if flare is None else [*latest, flare]
        entries: dict[str, ExerciseFact] = {}
        for entry in (e for s in stepped for e in s.exercises if e.done):
            entries.setdefault(entry.exercise, entry)
        chosen = list(entries.values()) or [e for s in stepped for e in s.exercises]
        lines.append((chosen, whole, day if flare is None else flare.day))
    return lines


def _standing(played: list[SessionFact], usual: float | None) -> SessionFact | None:
    """The session of a flare that stands: the latest rated morning of ``played`` (one
    routine's sessions, oldest first), if it is a flare."""
    mornings = [s for s in played if s.morning_pain is not None]
    return mornings[-1] if mornings and _flare(mornings[-1], usual) else None


def _step_down(
    facts: AdviceInput,
    routine: str,
    chosen: list[ExerciseFact],
    numbers: dict[str, float | int | str],
    day: date,
) -> Suggestion | None:
    """One step easier for ``chosen`` less those advice stepped since ``day`` (None when that
    leaves none: acted on); a rest day when none left may step."""
    left = [
        e
        for e in chosen
        if (last := _last_stepped(facts, routine, e.exercise)) is None or last < day
    ]
    if not left:
        return None
    doses = [facts.doses.get((routine, e.exercise)) for e in left]
    able = [
        (e, d)
        for e, d in zip(left, doses, strict=True)
        if (d is None or d.easier is not None) and _may_step(facts, routine, e.exercise)
    ]
    if not able:
        return Suggestion(AdviceKind.REST, routine=routine, numbers=numbers, day=day)
    first = able[0][1]
    return Suggestion(
        AdviceKind.EASIER,
        routine=routine,
        exercises=tuple(e.exercise for e, _ in able),
        names=tuple(e.name for e, _ in able),
        dose=(first.easier or "") if first is not None and len(able) == 1 else "",
        was=_was(first, able[0][0].dose) if len(able) == 1 else "",
        numbers=numbers,
        day=day,
    )


def _was(doses: Doses | None, played: str) -> str:
    """The dose a step moves from: the one the person's steps give, never a plan eased during a
    session (``played``, the dose last played, only when the steps' is not worked out)."""
    return doses.now if doses is not None and doses.now else played


def _usual_unknown(
    sessions: list[SessionFact], facts: AdviceInput, usual: Usual
) -> list[Suggestion]:
    """A recent morning rated with no usual pain to compare it with: said, never guessed."""
    since = facts.today - timedelta(days=RECENT_DAYS)
    rated = [
        s
        for s in sessions
        if s.morning_pain is not None and s.day > since and usual(s.routine) is None
    ]
    if not rated:
        return []
    last = rated[-1]
    numbers: dict[str, float | int | str] = {
        "morning": last.morning_pain or 0,
        "morning_day": str(last.morning_day),
        "session": str(last.day),
    }
    return [Suggestion(AdviceKind.USUAL_PAIN, routine=last.routine, numbers=numbers, day=last.day)]


def _harder_allowed(sessions: list[SessionFact], facts: AdviceInput, usual: Usual) -> bool:
    """Never harder without a screening that allows it, after pain above 5 in the last session,
    a flare on the latest morning rated, or while any routine's flare stands."""
    if facts.screening is None or not facts.screening.allows_harder:
        return False
    if sessions and (sessions[-1].pain or 0) > ACCEPTABLE:
        return False
    mornings = [s for s in sessions if s.morning_pain is not None]
    if any(usual(s.routine) is None for s in mornings):  # a morning, nothing to compare it with
        return False
    since = facts.today - timedelta(days=RECENT_DAYS)
    routines = {s.routine for s in sessions if s.day > since}
    by_routine = ([s for s in sessions if s.routine == r and s.day > since] for r in routines)
    if any(_standing(p, usual(p[0].routine)) for p in by_routine):  # a flare eases, not harder
        return False
    return not (mornings and _flare(mornings[-1], usual(mornings[-1].routine)))


def _harder(sessions: list[SessionFact], facts: AdviceInput, usual: Usual) -> list[Suggestion]:
    """One step harder for an exercise whose last three sessions of its routine counted at one
    dose, recent, with pain during at most 5 and no morning flare."""
    since = facts.today - timedelta(days=RECENT_DAYS)
    by_exercise: dict[tuple[str, str], list[tuple[SessionFact, ExerciseFact]]] = {}
    for session in sessions:
        for entry in session.exercises:
            by_exercise.setdefault((session.routine, entry.exercise), []).append((session, entry))
    out: list[Suggestion] = []
    for (routine, exercise), played in sorted(by_exercise.items()):
        last = played[-SESSIONS_TO_PROGRESS:]
        if len(last) < SESSIONS_TO_PROGRESS or not _may_step(facts, routine, exercise):
            continue
        stepped = _last_stepped(facts, routine, exercise)
        dose = last[-1][1].dose
        pains = [e.pain if e.pain is not None else s.pain for s, e in last]
        if not all(
            s.counted and e.done and e.dose == dose and s.day > since for s, e in last
        ) or any(p is None or p > ACCEPTABLE for p in pains):
            continue
        if stepped is not None and last[0][0].day <= stepped:
            continue  # not yet three sessions at the dose advice last chose
        if any(_flare(s, usual(routine)) for s, _ in last):
            continue
        doses = facts.doses.get((routine, exercise))
        if doses is not None and doses.harder is None:
            continue
        known = [p for p in pains if p is not None]
        mornings = [s.morning_pain for s, _ in last if s.morning_pain is not None]
        numbers: dict[str, float | int | str] = {
            "sessions": len(last),
            "pain_low": min(known),
            "pain_high": max(known),
            "mornings": len(mornings),
        }
        if (usual_now := usual(routine)) is not None:
            numbers["usual"] = usual_now
        out.append(
            Suggestion(
                AdviceKind.HARDER,
                routine=routine,
                exercises=(exercise,),
                names=(last[-1][1].name,),
                dose=(doses.harder or "") if doses is not None else "",
                was=_was(doses, dose),
                numbers=numbers,
                day=last[-1][0].day,
            )
        )
    return out


def _tests(facts: AdviceInput) -> list[Suggestion]:
    """Take the tests due; celebrate a recent middle or end point with a change beyond error."""
    out: list[Suggestion] = []
    if facts.tests_due:
        out.append(
            Suggestion(
                AdviceKind.RETEST,
                numbers={"points": ", ".join(facts.tests_due)},
                day=facts.today,
            )
        )
    latest: dict[tuple[str, Point], TestFact] = {}
    for result in sorted(facts.tests, key=lambda t: t.taken):
        latest[(result.test, result.point)] = result
    for point in ("end", "middle"):
        taken = [t for (_, p), t in latest.items() if p == point]
        if not taken or (facts.today - max(t.taken for t in taken)).days > CELEBRATE_DAYS:
            continue
        numbers: dict[str, float | int | str] = {}
        better = 0
        for result in sorted(taken, key=lambda t: t.test):
            start = latest.get((result.test, "start"))
            if start is None:
                continue
            change = result.improved(start.value)
            numbers[result.test] = round(change, 1)
            numbers[f"{result.test}_error"] = result.error
            numbers[f"{result.test}_unit"] = result.unit
            numbers[f"{result.test}_name"] = result.name
            better += judge(change, result.error) == "better"
        if better:
            numbers["better"] = better
            out.append(
                Suggestion(
                    AdviceKind.CELEBRATE,
                    numbers={"point": point, **numbers},
                    day=max(t.taken for t in taken),
                )
            )
        break  # the end point, once taken, is the one celebrated
    return out
