"""Advice (issue 25 item 2): scenarios of 2–6 weeks give what docs/advice.md says; properties
hold for generated histories; apply then undo leaves the steps file byte for byte."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.advice import (
    AdviceInput,
    AdviceKind,
    AppliedFact,
    Doses,
    ExerciseFact,
    SessionFact,
    Suggestion,
    TestFact,
    advise,
    meaningful,
)

TODAY = date(2026, 12, 6)
# The bundled program's measurement errors: the one declaration the coach passes on.
ERRORS = {
    t["id"]: float(t["error"])
    for t in tomllib.loads(
        (Path(__file__).parents[2] / "routines/programs/lower-back-6-weeks.toml").read_text()
    )["test"]
}
R = "back-pain-relief"


@dataclass(frozen=True)
class Screen:
    answered: bool = True
    any_flag: bool = False
    cleared: bool = False
    usual_pain: int | None = 2  # the back's
    urgent: bool = False
    upper_pain: int | None = None  # the neck, shoulders and arms'

    @property
    def allows_harder(self) -> bool:
        return self.answered and (not self.any_flag or self.cleared)

    def usual_for(self, checklist_id: str) -> int | None:
        return self.usual_pain if checklist_id == "low-back" else self.upper_pain


OK = Screen()


def session(
    days_ago: int,
    *,
    pain: int | None = 2,
    before: int | None = 2,
    morning: int | None = 2,
    dose: str = "5 reps",
    counted: bool = True,
    marks: dict[str, int] | None = None,
    routine: str = R,
    by_hand: bool = False,
) -> SessionFact:
    marks = marks or {}
    exercises = tuple(
        ExerciseFact(e, e.title(), dose, counted, marks.get(e)) for e in ("cat-cow", "sphinx")
    )
    return SessionFact(
        TODAY - timedelta(days=days_ago),
        routine,
        counted,
        exercises,
        before,
        pain,
        morning,
        by_hand,
    )


def steady(weeks: int, **kw: object) -> tuple[SessionFact, ...]:
    return tuple(session(d, **kw) for d in range(weeks * 7, 0, -2))  # type: ignore[arg-type]


def kinds(facts: AdviceInput) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((s.kind.value, s.exercises) for s in advise(facts))


def result(test: str, point: str, value: float, days_ago: int) -> TestFact:
    better = "higher" if test.endswith("hold") else "lower"
    return TestFact(
        test,
        test,
        "s" if better == "higher" else "cm",
        better,
        point,
        value,  # type: ignore[arg-type]
        TODAY - timedelta(days=days_ago),
        ERRORS[test],
    )


BOTH = [("harder", ("cat-cow",)), ("harder", ("sphinx",))]
SCENARIOS: dict[str, tuple[AdviceInput, list[tuple[str, tuple[str, ...]]]]] = {
    "steady progress, 4 weeks": (AdviceInput(TODAY, steady(4), screening=OK), BOTH),
    "steady, 2 weeks": (AdviceInput(TODAY, steady(2), screening=OK), BOTH),
    "steady, no screening": (AdviceInput(TODAY, steady(4)), [("screening", ())]),
    "steady, screening unanswered": (
        AdviceInput(TODAY, steady(4), screening=Screen(answered=False)),
        [("screening", ())],
    ),
    "red flag": (
        AdviceInput(TODAY, steady(4), screening=Screen(any_flag=True)),
        [("see-clinician", ())],
    ),
    "red flag, cleared": (
        AdviceInput(TODAY, steady(4), screening=Screen(any_flag=True, cleared=True)),
        BOTH,
    ),
    "flare after a hard session": (
        AdviceInput(TODAY, (*steady(3), session(0, pain=7)), screening=OK),
        [("easier", ("cat-cow", "sphinx"))],
    ),
    "one exercise hurt": (
        AdviceInput(TODAY, (*steady(3), session(0, pain=3, marks={"sphinx": 6})), screening=OK),
        [("easier", ("sphinx",))],
    ),
    "morning flare": (
        AdviceInput(TODAY, (*steady(3), session(1, morning=5)), screening=OK),
        [("easier", ("cat-cow", "sphinx"))],
    ),
    "morning one above usual": (
        AdviceInput(TODAY, (*steady(3), session(1, morning=3)), screening=OK),
        BOTH,
    ),
    "pain rising across three sessions": (
        AdviceInput(
            TODAY,
            (*steady(2)[:-3], session(5, pain=1), session(3, pain=3), session(1, pain=4)),
            screening=OK,
        ),
        [("rest", ())],
    ),
    "pain at 5 is acceptable": (AdviceInput(TODAY, steady(3, pain=5), screening=OK), BOTH),
    "plateau: doses change each time": (
        AdviceInput(
            TODAY,
            (session(5, dose="5 reps"), session(3, dose="6 reps"), session(1, dose="5 reps")),
            screening=OK,
        ),
        [],
    ),
    "missed weeks": (AdviceInput(TODAY, tuple(session(d) for d in (40, 38, 36)), screening=OK), []),
    "sessions that did not count": (AdviceInput(TODAY, steady(3, counted=False), screening=OK), []),
    "only hand-logged sessions, no pain": (
        AdviceInput(
            TODAY, steady(3, pain=None, before=None, morning=None, by_hand=True), screening=OK
        ),
        [],
    ),
    "only hand-logged sessions, with pain": (
        AdviceInput(TODAY, steady(3, by_hand=True), screening=OK),
        BOTH,
    ),
    "old records with feeling only": (
        AdviceInput(TODAY, steady(4, pain=None, before=None, morning=None), screening=OK),
        [],
    ),
    "stepped by advice 3 days ago": (
        AdviceInput(
            TODAY,
            steady(3),
            screening=OK,
            applied=(AppliedFact(R, "cat-cow", TODAY - timedelta(days=3)),),
        ),
        [("harder", ("sphinx",))],
    ),
    "already at the top of the ladder": (
        AdviceInput(TODAY, steady(3), screening=OK, doses={(R, "cat-cow"): Doses("4 reps", None)}),
        [("harder", ("sphinx",))],
    ),
    "flare with every exercise just stepped": (
        AdviceInput(
            TODAY,
            (*steady(2), session(0, pain=8)),
            screening=OK,
            applied=(
                AppliedFact(R, "cat-cow", TODAY - timedelta(days=2)),
                AppliedFact(R, "sphinx", TODAY - timedelta(days=2)),
            ),
        ),
        [("rest", ())],
    ),
    "tests due": (AdviceInput(TODAY, (), tests_due=("middle",), screening=OK), [("retest", ())]),
    # Asked once, before the first advice of any kind: until then only the screening, and the
    # safe side (easier, rest), never tests nor harder.
    "tests due, screening unanswered": (
        AdviceInput(TODAY, (), tests_due=("middle",)),
        [("screening", ())],
    ),
    "flare, screening unanswered": (
        AdviceInput(TODAY, (*steady(3), session(0, pain=7))),
        [("easier", ("cat-cow", "sphinx")), ("screening", ())],
    ),
    # No usual pain known (no screening answer, fewer than three before-ratings): a morning is
    # compared with nothing, never with a made-up 0, and advice says so (docs/advice.md).
    "morning 6, usual not known": (
        AdviceInput(TODAY, (session(3, before=None), session(1, before=None, morning=6))),
        [("screening", ()), ("usual-pain", ())],
    ),
    "morning 6, usual not known, screening without usual": (
        AdviceInput(
            TODAY,
            tuple(session(d, before=None, morning=6) for d in (5, 3, 1)),
            screening=Screen(usual_pain=None),
        ),
        [("usual-pain", ())],
    ),
    "middle tests better beyond error": (
        AdviceInput(
            TODAY,
            (),
            tests=(result("toe-touch", "start", 20, 21), result("toe-touch", "middle", 10, 2)),
            screening=OK,
        ),
        [("celebrate", ())],
    ),
    "middle tests within error": (
        AdviceInput(
            TODAY,
            (),
            tests=(result("toe-touch", "start", 20, 21), result("toe-touch", "middle", 17, 2)),
            screening=OK,
        ),
        [],
    ),
    "hold test within its 32 s error": (
        AdviceInput(
            TODAY,
            (),
            tests=(result("bridge-hold", "start", 30, 21), result("bridge-hold", "end", 50, 2)),
            screening=OK,
        ),
        [],
    ),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenarios(name: str) -> None:
    facts, expected = SCENARIOS[name]
    assert kinds(facts) == sorted(expected)


def test_usual_pain_from_screening_then_history() -> None:
    # Usual 2 from the screening: a morning of 4 is a flare; with three before-ratings of 4
    # over 14 days the usual is 4 and it is not.
    early = AdviceInput(TODAY, (*steady(1), session(1, morning=4, before=None)), screening=OK)
    assert ("easier", ("cat-cow", "sphinx")) in kinds(early)
    later = AdviceInput(
        TODAY, (*steady(2, before=4), session(1, before=4, morning=4)), screening=OK
    )
    assert all(k != "easier" for k, _ in kinds(later))


def test_meaningful_change() -> None:
    assert meaningful(6, 4) and meaningful(3, 2) and not meaningful(8, 7)
    assert meaningful(0, 2) and not meaningful(0, 1)


# -- properties ----------------------------------------------------------------------------------

ratings = st.one_of(st.none(), st.integers(0, 10))


@st.composite
def histories(draw: st.DrawFn) -> AdviceInput:
    days = sorted(draw(st.sets(st.integers(0, 42), max_size=14)), reverse=True)
    sessions = tuple(
        session(
            d,
            pain=draw(ratings),
            before=draw(ratings),
            morning=draw(ratings),
            dose=draw(st.sampled_from(["5 reps", "8 reps"])),
            counted=draw(st.booleans()),
            marks=draw(
                st.dictionaries(
                    st.sampled_from(["cat-cow", "sphinx"]), st.integers(0, 10), max_size=2
                )
            ),
        )
        for d in days
    )
    screening = draw(
        st.one_of(
            st.none(),
            st.builds(Screen, st.booleans(), st.booleans(), st.booleans(), st.integers(0, 10)),
        )
    )
    return AdviceInput(TODAY, sessions, screening=screening)


@settings(max_examples=300, deadline=None)
@given(histories())
def test_never_harder_when_unsafe(facts: AdviceInput) -> None:
    from supple.core.advice import usual_pain

    harder = [s for s in advise(facts) if s.kind is AdviceKind.HARDER]
    if not harder:
        return
    assert facts.screening is not None and facts.screening.allows_harder
    last = max(facts.sessions, key=lambda s: s.day)
    assert (last.pain or 0) <= 5
    usual = usual_pain(facts)
    mornings = sorted(
        (s for s in facts.sessions if s.morning_pain is not None), key=lambda s: s.day
    )
    if mornings:
        assert usual is not None and (mornings[-1].morning_pain or 0) < usual + 2


@settings(max_examples=300, deadline=None)
@given(histories())
def test_every_suggestion_carries_its_numbers(facts: AdviceInput) -> None:
    from supple.coach.wording import advice

    for s in advise(facts):
        if s.kind in (AdviceKind.SEE_CLINICIAN, AdviceKind.SCREENING):  # the screening's answer
            assert set(s.numbers) <= {"urgent"} and not any(c.isdigit() for c in advice(s)), s
            continue
        assert s.numbers, s
        sentence = advice(s)
        for key, value in s.numbers.items():
            if isinstance(value, int) and key in (
                "sessions",
                "pain_during",
                "pain_after",
                "pain_last",
                "morning",
            ):
                assert str(value) in sentence


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(ratings, st.booleans()), min_size=10, max_size=30))
def test_one_step_per_exercise_per_seven_days(days: list[tuple[int | None, bool]]) -> None:
    """Day by day: a session each day, every step suggested applied at once; no exercise is
    stepped twice by advice within 7 days."""
    start = TODAY - timedelta(days=len(days))
    sessions: list[SessionFact] = []
    applied: list[AppliedFact] = []
    for n, (pain, counted) in enumerate(days):
        today = start + timedelta(days=n)
        shift = today - TODAY
        sessions.append(
            SessionFact(
                today,
                R,
                counted,
                tuple(ExerciseFact(e, e, "5 reps", counted, None) for e in ("a", "b")),
                2,
                pain,
                2,
            )
        )
        facts = AdviceInput(today, tuple(sessions), screening=OK, applied=tuple(applied))
        for s in advise(facts):
            applied.extend(AppliedFact(s.routine, e, today) for e in s.exercises if s.change)
        del shift
    for a in applied:
        same = [b for b in applied if (b.routine, b.exercise) == (a.routine, a.exercise)]
        assert all(b is a or abs((b.day - a.day).days) >= 7 for b in same)


def test_ids_are_stable_and_distinct() -> None:
    facts = SCENARIOS["steady progress, 4 weeks"][0]
    first, again = advise(facts), advise(facts)
    assert [s.id for s in first] == [s.id for s in again]
    assert len({s.id for s in first}) == len(first)
    assert first[0].id.startswith("harder-cat-cow-")


# -- apply and undo --------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    before=st.one_of(
        st.none(),
        st.sampled_from(
            [
                "schema = 1\n[back-pain-relief]\ncat-cow = -1\n",
                "# mine\r\nschema = 1\r\n\r\n[other]\r\nx = 2  # kept\r\n",
                "not toml at all \u00e9\n",
                "",
            ]
        ),
    ),
    kind=st.sampled_from([AdviceKind.HARDER, AdviceKind.EASIER]),
)
def test_apply_then_undo_leaves_the_steps_file_as_it_was(
    tmp_path_factory: pytest.TempPathFactory, before: str | None, kind: AdviceKind
) -> None:
    from supple.coach.advice import AdviceService
    from supple.coach.notices import Notices
    from supple.coach.preferences import Preferences
    from supple.core.config import Config

    folder: Path = tmp_path_factory.mktemp("data")
    prefs = Preferences(Config(), [], None, folder / "state.toml", folder, Notices())
    if before is not None:
        prefs.adjustments_path.write_bytes(before.encode("utf-8"))
    now = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    service = AdviceService(folder, prefs, lambda: None, lambda: now)  # type: ignore[arg-type,return-value]
    suggestion = Suggestion(kind, R, ("cat-cow", "sphinx"), numbers={"sessions": 3}, day=TODAY)
    service.apply(suggestion, "why")
    assert prefs.adjustments_path.exists()
    entry = service.undo(suggestion.id)
    assert entry.id == suggestion.id
    if before is None:
        assert not prefs.adjustments_path.exists()
    else:
        assert prefs.adjustments_path.read_bytes() == before.encode("utf-8")
    assert service.log()[-1].undone_at == now


@pytest.mark.parametrize("yes", [frozenset(), frozenset({"saddle_numbness"})])
def test_the_coach_reads_the_screening_the_person_answered(
    tmp_path: Path, yes: frozenset[str]
) -> None:
    """The screening on disk (core.screening) is what advice reads: no sign allows harder, a
    sign does not; nothing answered reads as None (never harder)."""
    from supple.coach.advice import load_screening
    from supple.core import screening

    assert load_screening(tmp_path) is None
    keys = set(screening.SIGN_KEYS)
    yes = frozenset(k for k in yes if k in keys) or (frozenset({sorted(keys)[0]}) if yes else yes)
    screening.save(tmp_path, screening.answered(yes, 2, datetime(2026, 12, 1, tzinfo=UTC), None))
    found = load_screening(tmp_path)
    assert found is not None and found.answered
    assert found.allows_harder is (not yes)
    assert found.usual_pain == 2


@settings(max_examples=20, deadline=None)
@given(
    own=st.dictionaries(st.sampled_from(["cat-cow", "sphinx", "bridge"]), st.integers(-2, 2)),
    kind=st.sampled_from([AdviceKind.HARDER, AdviceKind.EASIER]),
)
def test_undo_after_a_change_by_hand_steps_back_only_what_advice_moved(
    tmp_path_factory: pytest.TempPathFactory, own: dict[str, int], kind: AdviceKind
) -> None:
    """The person changed steps after applying advice: undo keeps their changes and moves the
    advised exercises back by one step each (docs/advice.md)."""
    from supple.coach.advice import AdviceService
    from supple.coach.notices import Notices
    from supple.coach.preferences import Preferences
    from supple.core.config import Config

    folder: Path = tmp_path_factory.mktemp("data")
    prefs = Preferences(Config(), [], None, folder / "state.toml", folder, Notices())
    now = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    service = AdviceService(folder, prefs, lambda: None, lambda: now)  # type: ignore[arg-type,return-value]
    suggestion = Suggestion(kind, R, ("cat-cow", "sphinx"), numbers={"sessions": 3}, day=TODAY)
    service.apply(suggestion, "why")
    for exercise, change in own.items():  # by hand, on the summary: -/+ after the advice
        if change:
            prefs.adjust(R, exercise, change)
    expected = {e: prefs.steps.get(R, {}).get(e, 0) for e in ("cat-cow", "sphinx", "bridge")}
    changed_by_hand = any(own.values())
    service.undo()
    for exercise, step in expected.items():
        moved = exercise in suggestion.exercises and changed_by_hand
        want = step - kind.change if moved else step
        if not changed_by_hand:
            want = 0  # untouched since: the file as it was (none)
        assert prefs.steps.get(R, {}).get(exercise, 0) == max(-4, min(4, want)), exercise


def test_rewriting_the_log_keeps_keys_this_version_does_not_know(tmp_path: Path) -> None:
    from supple.core.advice_log import load_log, save_log, undone

    path = tmp_path / "advice.toml"
    path.write_text(
        'schema = 1\nfuture = "kept"\n[[applied]]\nid = "a"\nkind = "harder"\n'
        "applied_at = 2026-12-06T08:00:00Z\nconfidence = 0.8\n[applied.more]\nx = 1\n"
    )
    entries, _ = load_log(path)
    save_log(path, [undone(entries[0], datetime(2026, 12, 7, tzinfo=UTC))])
    import tomllib

    data = tomllib.loads(path.read_text())
    assert data["future"] == "kept"
    assert data["applied"][0]["confidence"] == 0.8 and data["applied"][0]["more"] == {"x": 1}
    assert data["applied"][0]["undone_at"] == datetime(2026, 12, 7, tzinfo=UTC)


def test_nothing_measured_nothing_said_even_before_the_screening() -> None:
    """A new person (no session, no test) is not asked the screening on home: it comes before
    the first advice, and there is none to give yet; one session and it is asked first."""
    assert advise(AdviceInput(TODAY, screening=None)) == []
    first = advise(AdviceInput(TODAY, (session(1),), screening=None))
    assert [s.kind for s in first][:1] == [AdviceKind.SCREENING]


@pytest.mark.parametrize(("back", "upper", "flare"), [(6, 2, True), (2, 6, False), (6, None, None)])
def test_a_routine_s_morning_is_compared_with_its_own_region_s_usual_pain(
    back: int, upper: int | None, flare: bool | None
) -> None:
    """An overhead routine's morning 5 against the neck, shoulders and arms' usual pain, never
    the back's (the back's 6 hid a flare; the back's 2 made one); that region's usual pain not
    given: said so, not guessed from the back's. The back's routine keeps the back's."""
    screen = Screen(usual_pain=back, upper_pain=upper)
    played = (session(1, before=None, morning=5, routine="overhead-a"),)
    facts = AdviceInput(TODAY, played, screening=screen, regions={"overhead-a": "overhead"})
    found = {s.kind for s in advise(facts)}
    assert (AdviceKind.EASIER in found) == bool(flare), found
    assert (AdviceKind.USUAL_PAIN in found) == (flare is None), found
    easier = [s for s in advise(facts) if s.kind == AdviceKind.EASIER]
    if flare:
        assert easier[0].numbers["usual"] == upper
    as_back = AdviceInput(TODAY, played, screening=screen)  # no region known: the back's
    assert (AdviceKind.EASIER in {s.kind for s in advise(as_back)}) == (back + 2 <= 5)
