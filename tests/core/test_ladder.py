"""Room for bad days: one dose ladder per exercise (below beginner down to a floor, then the three
levels), which easier and harder move along, labelled by what changed. Generated exercises whose
levels grow as levels do (each number at most the next level's)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.adjustments import (
    FLOOR_REPS,
    FLOOR_SECONDS,
    MAX_STEP,
    adjusted,
    change_label,
    ladder,
    stepped,
)
from supple.core.breath import PATTERNS
from supple.core.routine import (
    LEVELS,
    MAX_HOLD_SECONDS,
    MAX_REPS,
    MAX_SETS,
    Dose,
    Exercise,
    Kind,
    Level,
    Timing,
)
from supple.core.value import replace


@st.composite
def exercises(draw: st.DrawFn) -> Exercise:
    kind = draw(st.sampled_from(list(Kind)))
    high = MAX_REPS if kind == Kind.REPS else MAX_HOLD_SECONDS
    amounts = sorted(draw(st.lists(st.integers(1, high), min_size=3, max_size=3)))
    sets = sorted(draw(st.lists(st.integers(1, MAX_SETS), min_size=3, max_size=3)))
    levels: dict[Level, Dose] = {
        level: Dose(sets=s, **{kind.amount.value: a})
        for level, a, s in zip(LEVELS, amounts, sets, strict=True)
    }
    breath = PATTERNS[kind.default_breath]
    return Exercise("x", "X", kind, ("Move.",), breath, levels, Timing())


def numbers(kind: Kind, dose: Dose) -> tuple[int, int]:
    return dose.sets, getattr(dose, kind.amount) or 0


@settings(max_examples=200, deadline=None)
@given(exercise=exercises())
def test_every_step_down_lowers_a_number_and_raises_none_down_to_the_floor(
    exercise: Exercise,
) -> None:
    rungs = ladder(exercise).rungs
    beginner = exercise.levels["beginner"]
    assert set(exercise.levels.values()) <= set(rungs)
    assert len(rungs) <= MAX_STEP + 1  # a step in the file reaches every rung
    for lower, higher in zip(rungs, rungs[1:], strict=False):
        low, high = numbers(exercise.kind, lower), numbers(exercise.kind, higher)
        assert all(a <= b for a, b in zip(low, high, strict=True))  # never increases
        assert low != high  # each step changes a number
    floor = rungs[0]
    sets, amount = numbers(exercise.kind, floor)
    least = FLOOR_REPS if exercise.kind == Kind.REPS else FLOOR_SECONDS
    assert sets >= 1 and amount >= min(least, numbers(exercise.kind, beginner)[1])
    # The floor is reached: it is as low as the floor allows, or beginner is already there.
    assert sets == 1 or floor == beginner
    if (getattr(beginner, exercise.kind.amount) or 0) >= 4 * least:
        assert floor != beginner  # room below beginner whenever the floor leaves some


@settings(max_examples=200, deadline=None)
@given(
    exercise=exercises(),
    level=st.sampled_from(LEVELS),
    step=st.integers(-MAX_STEP, MAX_STEP).filter(bool),
)
def test_a_step_moves_that_many_rungs_and_its_label_names_what_changed(
    exercise: Exercise, level: Level, step: int
) -> None:
    rungs = ladder(exercise).rungs
    before = exercise.levels[level]
    after = stepped(exercise, step).levels[level]
    index = min(len(rungs) - 1, max(0, rungs.index(before) + step))
    assert after == rungs[index]
    label = change_label(exercise, level, step)
    if after == before:
        assert label == ""  # nothing labelled as changed that did not change
        return
    assert label.startswith("easier: " if step < 0 else "harder: ")
    amount = getattr(after, exercise.kind.amount)
    unit = "reps?" if exercise.kind == Kind.REPS else "s"
    named_amount = re.search(rf"\b{amount} {unit}\b", label) is not None
    named_sets = re.search(rf"\b{after.sets} sets?\b", label) is not None
    assert named_amount is (amount != getattr(before, exercise.kind.amount))
    assert named_sets is (after.sets != before.sets)


def test_beginner_one_step_easier_halves_and_two_quarter_in_one_set() -> None:
    exercise = replace(
        EXAMPLE,
        levels={"beginner": Dose(3, reps=8), "intermediate": Dose(3, reps=12),
                "advanced": Dose(4, reps=15)},
    )  # fmt: skip
    assert stepped(exercise, -1).levels["beginner"] == Dose(3, reps=4)
    assert stepped(exercise, -2).levels["beginner"] == Dose(1, reps=2)
    assert stepped(exercise, -3).levels["beginner"] == Dose(1, reps=2)  # the floor holds
    assert change_label(exercise, "beginner", -1) == "easier: 4 reps"
    assert change_label(exercise, "beginner", -2) == "easier: 2 reps × 1 set"
    assert change_label(exercise, "advanced", -1) == "easier: 12 reps × 3 sets"
    hold = replace(
        exercise,
        kind=Kind.HOLD,
        levels={level: Dose(1, seconds=s) for level, s in zip(LEVELS, (12, 30, 60), strict=True)},
    )
    assert [d.seconds for d in ladder(hold).rungs] == [5, 6, 12, 30, 60]
    assert change_label(hold, "beginner", -2) == "easier: 5 s"
    tiny = replace(hold, levels={**hold.levels, "beginner": Dose(1, seconds=4)})
    assert ladder(tiny).rungs[0] == Dose(1, seconds=4)  # never lengthened to reach the floor
    assert change_label(tiny, "beginner", -1) == ""


def test_adjusted_moves_only_the_stepped_exercises() -> None:
    from supple.core.routine import Routine

    other = replace(EXAMPLE, id="y")
    routine = Routine("r", "R", "", (EXAMPLE, other), Timing())
    moved = adjusted(routine, {"x": -1})
    assert moved.exercises[1] == other
    assert moved.exercises[0].levels["beginner"] == ladder(EXAMPLE).rungs[-4]


EXAMPLE = Exercise(
    "x",
    "X",
    Kind.REPS,
    ("Move.",),
    PATTERNS[Kind.REPS.default_breath],
    {"beginner": Dose(1, reps=6), "intermediate": Dose(2, reps=8), "advanced": Dose(3, reps=10)},
    Timing(),
)
