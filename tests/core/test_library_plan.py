"""The library's exercises of issue 26, upper body and lower body, hold to the plan.

Each exercise is checked as one of its class: steps a person on the floor can follow at a glance,
doses inside the documented ranges and never falling from one level to the next, the kind, areas,
equipment and ladder the plan gives it, a breathing pattern that fits its kind, a safety line where
it loads a joint or asks for balance, and a source listed in docs/library.md.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from supple.core.breath import PATTERNS
from supple.core.library import Area, Equipment, load_library
from tests.core.test_library import SEVEN  # the lower body's exercises from before the plan

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "routines" / "library"
DOCS = ROOT / "docs" / "library.md"
LEVELS = ("beginner", "intermediate", "advanced")
# Each half of the body and the library files it is written in; a ladder stays in its half.
HALVES = {
    "upper body": ("upper-back", "shoulders", "neck", "wrists"),
    "lower body": ("lower-back", "hips", "hamstrings", "ankles"),
}
HALF = {area: half for half, areas in HALVES.items() for area in areas}

# The plan (issue 26): id -> (kind, per_side, areas' first, equipment, warm-up, harder neighbour).
UPPER_BODY: dict[str, tuple[str, bool, str, tuple[str, ...], bool, str | None]] = {
    "seated-thoracic-rotation": ("reps", True, "upper-back", ("chair",), True, "open-book"),
    "open-book": ("reps", True, "upper-back", (), False, "thread-the-needle"),
    "thread-the-needle": ("reps", True, "upper-back", (), False, None),
    "chair-thoracic-extension": ("reps", False, "upper-back", ("chair",), False, "puppy-pose"),
    "puppy-pose": ("hold", False, "upper-back", (), False, None),
    "seated-side-bend": ("hold", True, "upper-back", ("chair",), False, "kneeling-side-bend"),
    "kneeling-side-bend": ("hold", True, "upper-back", (), False, None),
    "shoulder-rolls": ("reps", False, "shoulders", (), True, "arm-circles"),
    "arm-circles": ("reps", False, "shoulders", (), True, None),
    "wall-slides": ("reps", False, "shoulders", ("wall",), False, "wall-angels"),
    "wall-angels": ("reps", False, "shoulders", ("wall",), False, None),
    "band-pull-apart": ("reps", False, "shoulders", ("band",), False, "band-pass-through"),
    "band-pass-through": ("reps", False, "shoulders", ("band",), False, "stick-pass-through"),
    "stick-pass-through": ("reps", False, "shoulders", ("stick",), False, None),
    "cross-body-stretch": ("hold", True, "shoulders", (), False, "towel-shoulder-stretch"),
    "towel-shoulder-stretch": ("hold", True, "shoulders", (), False, "sleeper-stretch"),
    "sleeper-stretch": ("hold", True, "shoulders", (), False, None),
    "chair-lat-stretch": ("hold", False, "shoulders", ("chair",), False, "chest-opener"),
    "chest-opener": ("hold", False, "shoulders", (), False, "doorway-chest-stretch"),
    "doorway-chest-stretch": ("hold", True, "shoulders", ("wall",), False, None),
    "chin-tucks": ("reps", False, "neck", (), True, "supine-chin-tuck-lift"),
    "supine-chin-tuck-lift": ("reps", False, "neck", (), False, None),
    "neck-side-bend": ("hold", True, "neck", (), False, "upper-trap-stretch"),
    "upper-trap-stretch": ("hold", True, "neck", (), False, None),
    "neck-rotation": ("reps", False, "neck", (), True, "levator-stretch"),
    "levator-stretch": ("hold", True, "neck", (), False, None),
    "wrist-circles": ("reps", False, "wrists", (), True, "quadruped-wrist-rocks"),
    "quadruped-wrist-rocks": ("reps", False, "wrists", (), False, None),
    "wrist-flexor-stretch": ("hold", True, "wrists", (), False, "kneeling-wrist-flexor"),
    "kneeling-wrist-flexor": ("hold", False, "wrists", (), False, None),
    "wrist-extensor-stretch": ("hold", True, "wrists", (), False, "kneeling-wrist-extensor"),
    "kneeling-wrist-extensor": ("hold", False, "wrists", (), False, None),
    "prayer-stretch": ("hold", False, "wrists", (), False, "reverse-prayer-stretch"),
    "reverse-prayer-stretch": ("hold", False, "wrists", (), False, None),
}
LOWER_BODY: dict[str, tuple[str, bool, str, tuple[str, ...], bool, str | None]] = {
    "seated-cat-cow": ("reps", False, "lower-back", ("chair",), True, "cat-cow"),
    "pelvic-tilt": ("reps", False, "lower-back", (), True, "bridge"),
    "single-leg-bridge": ("reps", True, "lower-back", (), False, None),
    "double-knee-to-chest": ("hold", False, "lower-back", (), False, None),
    "prone-press-up": ("reps", False, "lower-back", (), False, None),
    "bird-dog": ("reps", True, "lower-back", (), False, "superman"),
    "side-childs-pose": ("hold", True, "lower-back", (), False, None),
    "knees-side-to-side": ("reps", False, "lower-back", (), True, "supine-twist"),
    "supine-twist": ("hold", True, "lower-back", (), False, None),
    "standing-hip-flexor": ("hold", True, "hips", (), False, "kneeling-hip-flexor"),
    "couch-stretch": ("hold", True, "hips", ("wall",), False, None),
    "hip-circles": ("reps", True, "hips", (), True, "ninety-ninety-switch"),
    "ninety-ninety-switch": ("reps", False, "hips", (), False, None),
    "seated-figure-four": ("hold", True, "hips", ("chair",), False, "figure-four-stretch"),
    "figure-four-stretch": ("hold", True, "hips", (), False, "pigeon-pose"),
    "pigeon-pose": ("hold", True, "hips", (), False, None),
    "butterfly-stretch": ("hold", False, "hips", (), False, "frog-stretch"),
    "frog-stretch": ("hold", False, "hips", (), False, None),
    "seated-hamstring-stretch": (
        "hold",
        True,
        "hamstrings",
        ("chair",),
        False,
        "supine-hamstring-stretch",
    ),
    "supine-hamstring-stretch": (
        "hold",
        True,
        "hamstrings",
        ("band",),
        False,
        "half-kneeling-hamstring",
    ),
    "half-kneeling-hamstring": ("hold", True, "hamstrings", (), False, "standing-forward-fold"),
    "standing-forward-fold": ("hold", False, "hamstrings", (), False, None),
    "leg-swings": ("reps", True, "hamstrings", ("wall",), True, "hamstring-sweeps"),
    "hamstring-sweeps": ("reps", True, "hamstrings", (), False, None),
    "ankle-circles": ("reps", True, "ankles", (), True, "kneeling-ankle-rocks"),
    "kneeling-ankle-rocks": ("reps", False, "ankles", (), False, None),
    "wall-calf-stretch": ("hold", True, "ankles", ("wall",), False, "soleus-wall-stretch"),
    "soleus-wall-stretch": ("hold", True, "ankles", ("wall",), False, "knee-to-wall"),
    "knee-to-wall": ("reps", True, "ankles", ("wall",), False, None),
}
PLAN = UPPER_BODY | LOWER_BODY
# Beyond the neck and the wrists, a safety line where an exercise loads a joint or asks for balance.
# Upper body: weight on the hands (all fours), a bend that could arch the lower back, a kneeling
# side bend's balance, a stick or band taken overhead and behind. Lower body: loading the lower
# back, or asking for balance.
NEEDS_SAFETY = {
    "thread-the-needle",
    "puppy-pose",
    "kneeling-side-bend",
    "chair-thoracic-extension",
    "chair-lat-stretch",
    "wall-angels",
    "band-pass-through",
    "stick-pass-through",
    "sleeper-stretch",
    "single-leg-bridge",
    "double-knee-to-chest",
    "prone-press-up",
    "bird-dog",
    "supine-twist",
    "standing-forward-fold",
    "hamstring-sweeps",
    "couch-stretch",
    "frog-stretch",
    "standing-hip-flexor",
    "hip-circles",
    "leg-swings",
}
AREAS = set(Area)
EQUIPMENT = set(Equipment)
RANGES = {"reps": (5, 15), "seconds": (15, 60), "sets": (1, 3)}
NECK_HOLD = 30  # the neck's stretches stay at the gentle end of the hold range


def library() -> dict[str, tuple[str, dict[str, Any]]]:
    """Every library exercise by id, with the area its file is named for."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in sorted(LIBRARY.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["schema"] == 1
        for exercise in data["exercise"]:
            assert exercise["id"] not in found, f"{exercise['id']} twice in the library"
            found[exercise["id"]] = (path.stem, exercise)
    return found


ALL = library()


def sources() -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("\n## Sources\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^(?:- |\| )`([a-z0-9-]+)`", section, re.MULTILINE))  # list or table


def test_the_files_hold_exactly_the_planned_exercises_and_those_before() -> None:
    assert set(HALF) == {path.stem for path in LIBRARY.glob("*.toml")}
    assert set(ALL) == set(PLAN) | set(SEVEN), sorted(set(ALL) ^ (set(PLAN) | set(SEVEN)))
    assert {ALL[exercise_id][0] for exercise_id in SEVEN} <= set(HALVES["lower body"])


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_exercise_holds_to_the_plan(exercise_id: str) -> None:
    file_area, e = ALL[exercise_id]
    kind, per_side, primary, equipment, warmup, harder = PLAN[exercise_id]
    assert e["kind"] == kind
    assert e.get("per_side", False) is per_side
    areas = e["areas"]
    assert areas[0] == primary == file_area
    assert 1 <= len(areas) <= 3 and len(set(areas)) == len(areas) and set(areas) <= AREAS
    assert tuple(e["equipment"]) == equipment and set(equipment) <= EQUIPMENT
    assert e.get("warmup", False) is warmup
    assert not warmup or kind == "reps", "a warm-up is a gentle repeated movement"
    assert e.get("harder") == harder
    assert "figure" not in e or e["figure"] == exercise_id
    assert e["source"] in sources(), f"{e['source']} is not under docs/library.md's Sources"


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_a_safety_line_where_a_joint_carries_load_or_balance_is_asked(exercise_id: str) -> None:
    area, e = ALL[exercise_id]
    needs = area in ("neck", "wrists") or exercise_id in NEEDS_SAFETY
    assert not needs or len(e.get("safety", "").strip()) >= 20, exercise_id


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_steps_read_at_a_glance(exercise_id: str) -> None:
    how = ALL[exercise_id][1]["how"]
    assert 2 <= len(how) <= 4
    for step in how:
        assert step[0].isupper() and step.endswith("."), step
        assert len(step) <= 110, f"{exercise_id}: a step too long to read from the floor"


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_doses_lie_in_the_ranges_and_rise_by_level(exercise_id: str) -> None:
    area, e = ALL[exercise_id]
    amount = "reps" if e["kind"] == "reps" else "seconds"
    doses = [e["levels"][level] for level in LEVELS]
    for dose in doses:
        assert set(dose) <= {amount, "sets"}
        for key, (low, high) in RANGES.items():
            if key in (amount, "sets"):
                assert low <= dose.get(key, 1) <= high, (exercise_id, key, dose)
        if area == "neck" and amount == "seconds":
            assert dose["seconds"] <= NECK_HOLD, (exercise_id, dose)
    for key in (amount, "sets"):
        numbers = [dose.get(key, 1) for dose in doses]
        assert numbers == sorted(numbers), (exercise_id, key, numbers)
    work = [dose[amount] * dose.get("sets", 1) for dose in doses]
    assert work[0] < work[2], f"{exercise_id}: advanced asks no more than beginner"


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_breath_fits_the_kind(exercise_id: str) -> None:
    e = ALL[exercise_id][1]
    assert PATTERNS[e["breath"]].cycle is (e["kind"] == "hold")


def test_the_ladders_are_two_way_and_stay_in_their_half() -> None:
    for exercise_id, (area, e) in ALL.items():
        assert e.get("easier") or e.get("harder"), f"{exercise_id} stands on no ladder"
        if e.get("harder"):
            assert ALL[e["harder"]][1].get("easier") == exercise_id, exercise_id
        if e.get("easier"):
            assert ALL[e["easier"]][1].get("harder") == exercise_id, exercise_id
        for neighbour in (e.get("easier"), e.get("harder")):
            assert not neighbour or HALF[ALL[neighbour][0]] == HALF[area], (exercise_id, neighbour)


def test_the_library_loader_reads_every_file_without_a_problem() -> None:
    library = load_library(LIBRARY)
    assert [str(error) for error in library.errors] == []
    assert set(PLAN) <= set(library.ids())
    for exercise_id, (kind, per_side, primary, equipment, _, _) in PLAN.items():
        found = library.find(exercise_id)
        assert found.areas[0] == Area(primary)
        assert found.equipment == tuple(Equipment(e) for e in equipment)
        assert (found.exercise.kind.value, found.exercise.per_side) == (kind, per_side)
