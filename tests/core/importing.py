"""What the importers' tests share: a routine as rows, its length, other apps' files, a refusal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from supple.core.imports import ImportProblem, convert_text
from supple.core.routine import LEVELS, Routine, plan_seconds
from supple.core.timeline import expand, total_seconds

# Enough of a Feeel workout and of Workrave's exercises file for another format's detector to see.
FEEEL_LIKE = {
    "feeelMetadataVersion": 8,
    "exerciseDbImport": "2023-01-01T00:00:00.000Z",
    "fullWorkout": {"workout": {"title": "Stretch"}, "workoutExercises": []},
}
WORKRAVE_LIKE = (
    '<?xml version="1.0"?><exercises><exercise><title>Neck</title></exercise></exercises>'
)


def rows(routine: Routine) -> list[tuple[str, str, int, int, int, int, int]]:
    """Each exercise of a timer's routine (a hold, the same at every level): id, name, seconds,
    sets, get-ready, rest between sets / after."""
    out = []
    for e in routine.exercises:
        dose = e.levels["beginner"]
        assert all(e.levels[level] == dose for level in LEVELS)
        assert e.kind == "hold" and dose.seconds is not None
        t = e.timing
        out.append(
            (e.id, e.name, dose.seconds, dose.sets, t.get_ready, t.rest_between_sets,
             t.rest_between_exercises)
        )  # fmt: skip
    return out


def seconds(routine: Routine) -> float:
    """The supple plan's length, the same at every level and both ways of counting it."""
    totals = {plan_seconds(routine.exercises, level) for level in LEVELS}
    totals |= {total_seconds(expand(routine, level)) for level in LEVELS}
    assert len(totals) == 1
    return totals.pop()


def refusal(data: Any, path: Path) -> str:
    """The message an importer refuses `data` (as JSON, read from `path`) with."""
    with pytest.raises(ImportProblem) as caught:
        convert_text(json.dumps(data), path)
    assert caught.value.path == path
    return caught.value.message
