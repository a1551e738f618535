from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.breath import PATTERNS
from supple.core.config import TIMING_OVERRIDES, Config
from supple.core.routine import LEVELS, MAX_TIMING, load_routine, parse_routine
from supple.core.timeline import expand, minutes_per_level, seconds, total_seconds
from supple.system import paths

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")


def kinds(level: str, exercise_id: str) -> list[str]:
    return [s.kind for s in expand(LBM, level) if s.exercise_id == exercise_id]


def test_beginner_cat_cow_is_get_ready_then_five_reps_then_rest() -> None:
    assert kinds("beginner", "cat-cow") == ["get_ready"] + ["rep"] * 5 + ["rest"]


def test_sets_are_separated_by_rests() -> None:
    segs = [s for s in expand(LBM, "advanced") if s.exercise_id == "cat-cow"]
    assert [s.kind for s in segs] == (
        ["get_ready"] + ["rep"] * 10 + ["rest"] + ["rep"] * 10 + ["rest"] + ["rep"] * 10 + ["rest"]
    )
    reps = [s for s in segs if s.kind == "rep"]
    assert [(reps[0].set, reps[0].rep), (reps[-1].set, reps[-1].rep)] == [(1, 1), (3, 10)]
    assert segs[11].seconds == 15  # rest between sets
    assert segs[-1].seconds == 10 and segs[-1].set is None  # rest before the next exercise


def test_per_side_hold_switches_sides() -> None:
    segs = [s for s in expand(LBM, "intermediate") if s.exercise_id == "knee-to-chest"]
    assert [(s.kind, s.side, s.seconds) for s in segs] == [
        ("get_ready", None, 5),
        ("hold", "left", 30),
        ("switch_side", "right", 5),
        ("hold", "right", 30),
        ("rest", None, 10),
    ]


def test_the_last_exercise_has_no_trailing_rest() -> None:
    segs = expand(LBM, "beginner")
    assert segs[-1].kind == "hold" and segs[-1].exercise_id == "sphinx"


def test_rep_segments_carry_their_breath_and_tempo() -> None:
    rep = next(s for s in expand(LBM, "beginner") if s.exercise_id == "superman" and s.rep)
    assert rep.seconds == 5 and [p.phase for p in rep.breath] == ["exhale", "hold", "inhale"]
    assert not rep.breath_cycle
    hold = next(s for s in expand(LBM, "beginner") if s.kind == "hold")
    assert hold.breath_cycle and [p.seconds for p in hold.breath] == [4, 6]


@pytest.mark.parametrize(
    ("level", "seconds"), [("beginner", 270), ("intermediate", 606), ("advanced", 1140)]
)
def test_total_seconds_per_level(level: str, seconds: int) -> None:
    assert total_seconds(expand(LBM, level)) == seconds


def test_minutes_per_level() -> None:
    assert minutes_per_level(BPR) == {"beginner": 1.6, "intermediate": 3.4, "advanced": 6.1}


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown level 'expert'"):
        expand(LBM, "expert")


def test_json_shape_omits_what_does_not_apply() -> None:
    segs = expand(BPR, "beginner")
    assert segs[0].to_json() == {"kind": "get_ready", "exercise": "cat-cow", "seconds": 5}
    assert segs[1].to_json() == {
        "kind": "rep",
        "exercise": "cat-cow",
        "seconds": 6,
        "set": 1,
        "rep": 1,
        "breath": [{"phase": "inhale", "seconds": 3}, {"phase": "exhale", "seconds": 3}],
    }
    assert all(lv in LEVELS for lv in minutes_per_level(BPR))


# `seconds` totals the layout without building it (`list` and `program` total every routine at
# every level): it walks the same declaration as `expand`, so it must equal the built plan's sum
# exactly (same additions, same order) for any routine and any settings.
_exercise_st = st.tuples(
    st.sampled_from(["reps", "hold"]),
    st.integers(1, 12),
    st.integers(1, 120),
    st.integers(1, 4),
    st.booleans(),
    # a named pattern of the exercise's kind, or phases of its own (tenths: sums that round)
    st.sampled_from(sorted(PATTERNS))
    | st.lists(st.integers(5, 60).map(lambda tenths: tenths / 10), min_size=1, max_size=3),
)
_timing_st = st.fixed_dictionaries({k: st.integers(0, high) for k, high in MAX_TIMING.items()})
_settings_st = st.fixed_dictionaries(
    {key: st.none() | st.integers(0, MAX_TIMING[key]) for key in TIMING_OVERRIDES}
)


def breath(kind: str, pattern: str | list[float]) -> str | list[dict[str, object]]:
    if isinstance(pattern, list):
        return [{"phase": "inhale", "seconds": s} for s in pattern]
    cycles = kind == "hold"
    return pattern if PATTERNS[pattern].cycle == cycles else ("slow" if cycles else "cat-cow")


@settings(max_examples=60, deadline=None)
@given(st.lists(_exercise_st, min_size=1, max_size=4), _timing_st, _settings_st)
def test_seconds_equals_the_sum_of_the_laid_out_segments(
    raw: list[tuple[str, int, int, int, bool, str | list[float]]],
    timing: dict[str, int],
    overrides: dict[str, int | None],
) -> None:
    exercises = [
        {
            "id": f"e{i}",
            "name": f"Exercise {i}",
            "kind": kind,
            "how": ["Move."],
            "breath": breath(kind, pattern),
            "per_side": per_side,
            "levels": {
                level: {("reps" if kind == "reps" else "seconds"): amount + n, "sets": sets}
                for n, level in enumerate(LEVELS)
            },
        }
        for i, (kind, amount, _, sets, per_side, pattern) in enumerate(raw, 1)
    ]
    data = {"schema": 1, "id": "r", "title": "R", "timing": timing, "exercise": exercises}
    routine = Config(**overrides).apply(parse_routine(data, path=Path("r.toml")))
    for level in LEVELS:
        assert seconds(routine, level) == total_seconds(expand(routine, level))
