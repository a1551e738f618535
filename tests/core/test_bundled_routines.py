"""The seed routines carry the article's facts: exercises, order, ranges, and the 30-minute cap."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.core.routine import LEVELS, Routine, load_catalog, load_routine
from supple.core.timeline import expand, total_seconds
from supple.system import paths
from tests.core.test_library import SEVEN  # in the article's order

BUNDLED = paths.bundled_routines_dir()


def routine(name: str) -> Routine:
    return load_routine(BUNDLED / f"{name}.toml", "bundled")


def test_every_bundled_file_is_valid() -> None:
    found = load_catalog([(BUNDLED, "bundled")])
    assert not found.errors
    assert {r.id for r in found.routines} >= {"lower-back-mobility", "back-pain-relief"}


def test_lower_back_mobility_has_the_seven_in_article_order() -> None:
    assert tuple(e.id for e in routine("lower-back-mobility").exercises) == SEVEN


def test_back_pain_relief_order() -> None:
    assert [e.id for e in routine("back-pain-relief").exercises] == [
        "cat-cow",
        "sphinx",
        "childs-pose",
    ]


def doses(r: Routine, exercise_id: str) -> list[tuple[int | None, int, int | None]]:
    e = r.exercise(exercise_id)
    return [(e.dose(lv).reps, e.dose(lv).sets, e.dose(lv).seconds) for lv in LEVELS]


def test_levels_span_the_article_ranges() -> None:
    r = routine("lower-back-mobility")
    # Cat-Cow 5-10 reps in 1-3 sets; Superman and Bridge 5-15 reps in 1-3 sets.
    assert doses(r, "cat-cow") == [(5, 1, None), (8, 2, None), (10, 3, None)]
    for name in ("superman", "bridge"):
        assert doses(r, name) == [(5, 1, None), (10, 2, None), (15, 3, None)]
    # Holds from 15 seconds to a minute; two of them per side.
    for name in ("knee-to-chest", "childs-pose", "kneeling-hip-flexor", "sphinx"):
        assert doses(r, name) == [(None, 1, 15), (None, 1, 30), (None, 1, 60)]
    assert r.exercise("knee-to-chest").per_side
    assert r.exercise("kneeling-hip-flexor").per_side
    assert not r.exercise("childs-pose").per_side
    assert not r.exercise("sphinx").per_side


def test_superman_pauses_at_the_top_and_cat_cow_breathes_in_and_out() -> None:
    r = routine("lower-back-mobility")
    assert [p.phase for p in r.exercise("superman").breath.phases] == ["exhale", "hold", "inhale"]
    assert [p.phase for p in r.exercise("cat-cow").breath.phases] == ["inhale", "exhale"]
    assert r.exercise("sphinx").breath.cycle


@pytest.mark.parametrize("name", ["lower-back-mobility", "back-pain-relief"])
@pytest.mark.parametrize("level", LEVELS)
def test_every_level_fits_in_30_minutes(name: str, level: str) -> None:
    assert 0 < total_seconds(expand(routine(name), level)) <= 30 * 60


def test_every_exercise_has_two_to_five_steps() -> None:
    for path in sorted(Path(BUNDLED).glob("*.toml")):
        for e in load_routine(path).exercises:
            assert 2 <= len(e.how) <= 5, (path.name, e.id)


def test_shared_exercises_are_identical_across_routines() -> None:
    full, short = routine("lower-back-mobility"), routine("back-pain-relief")
    for e in short.exercises:
        assert e == full.exercise(e.id)
