"""The library's lower-body exercises (lower back, hips, hamstrings, ankles) hold to the plan.

Each exercise is checked as one of its class: steps a person can follow at a glance, doses inside
the documented ranges and never falling from one level to the next, the areas, equipment and
ladder the plan gives it, a breathing pattern that fits its kind, and a source listed in
docs/library.md.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from supple.core.breath import PATTERNS

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "routines" / "library"
DOCS = ROOT / "docs" / "library.md"
LEVELS = ("beginner", "intermediate", "advanced")

# The plan (/issue 26): id -> (kind, per_side, areas' first, equipment, warm-up, harder neighbour).
PLAN: dict[str, tuple[str, bool, str, tuple[str, ...], bool, str | None]] = {
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
# Loading the lower back, or asking for balance: these carry a safety line.
NEEDS_SAFETY = {
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
AREAS = {"neck", "shoulders", "upper-back", "lower-back", "hips", "hamstrings", "wrists", "ankles"}
EQUIPMENT = {"wall", "chair", "band", "stick"}
RANGES = {"reps": (5, 15), "seconds": (15, 60), "sets": (1, 3)}


def library() -> dict[str, tuple[str, dict[str, Any]]]:
    """Every library exercise by id, with the area its file is named for."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in sorted(LIBRARY.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        area = path.stem
        for exercise in data.get("exercise", []):
            assert exercise["id"] not in found, f"{exercise['id']} twice in the library"
            found[exercise["id"]] = (area, exercise)
    return found


ALL = library()


def sources() -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("\n## Sources\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.MULTILINE))


def test_every_planned_exercise_is_in_the_library_once() -> None:
    assert set(PLAN) <= set(ALL), sorted(set(PLAN) - set(ALL))


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
    if harder is not None:
        assert e["harder"] == harder
    assert "figure" not in e or e["figure"] == exercise_id
    assert e["source"] in sources(), f"{e['source']} is not under docs/library.md's Sources"
    assert (exercise_id in NEEDS_SAFETY) <= bool(e.get("safety", "").strip())


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_steps_read_at_a_glance(exercise_id: str) -> None:
    how = ALL[exercise_id][1]["how"]
    assert 2 <= len(how) <= 4
    for step in how:
        assert step[0].isupper() and step.endswith("."), step
        assert len(step) <= 110, f"{exercise_id}: a step too long to read from the floor"


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_doses_lie_in_the_ranges_and_rise_by_level(exercise_id: str) -> None:
    e = ALL[exercise_id][1]
    amount = "reps" if e["kind"] == "reps" else "seconds"
    doses = [e["levels"][level] for level in LEVELS]
    for dose in doses:
        assert set(dose) <= {amount, "sets"}
        for key, (low, high) in RANGES.items():
            if key in (amount, "sets"):
                assert low <= dose.get(key, 1) <= high, (exercise_id, key, dose)
    for key in (amount, "sets"):
        numbers = [dose.get(key, 1) for dose in doses]
        assert numbers == sorted(numbers), (exercise_id, key, numbers)
    work = [dose[amount] * dose.get("sets", 1) for dose in doses]
    assert work[0] < work[2], f"{exercise_id}: advanced asks no more than beginner"


@pytest.mark.parametrize("exercise_id", sorted(PLAN))
def test_breath_fits_the_kind(exercise_id: str) -> None:
    e = ALL[exercise_id][1]
    pattern = PATTERNS[e["breath"]]
    assert pattern.cycle is (e["kind"] == "hold")


def test_every_ladder_is_two_way_and_its_neighbours_exist() -> None:
    for exercise_id, (_, e) in ALL.items():
        assert e.get("easier") or e.get("harder"), f"{exercise_id} stands on no ladder"
        if e.get("harder"):
            assert ALL[e["harder"]][1].get("easier") == exercise_id, exercise_id
        if e.get("easier"):
            assert ALL[e["easier"]][1].get("harder") == exercise_id, exercise_id
