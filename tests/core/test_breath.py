from __future__ import annotations

import pytest

from supple.core.breath import PATTERNS, state_at


def test_cat_cow_inhale_then_exhale() -> None:
    phases = PATTERNS["cat-cow"].phases
    s = state_at(phases, 0.0, cycle=False)
    assert s is not None and s.phase == "inhale" and s.fill == 0.0 and s.seconds_left == 3.0
    s = state_at(phases, 1.5, cycle=False)
    assert s is not None and s.phase == "inhale" and s.fill == pytest.approx(0.5)
    s = state_at(phases, 3.0, cycle=False)
    assert s is not None and s.phase == "exhale" and s.fill == pytest.approx(1.0)
    s = state_at(phases, 4.5, cycle=False)
    assert s is not None and s.phase == "exhale" and s.fill == pytest.approx(0.5)
    assert "cow" in state_at(phases, 0.1, cycle=False).cue  # type: ignore[union-attr]
    assert "cat" in state_at(phases, 3.1, cycle=False).cue  # type: ignore[union-attr]


def test_pacer_cycles_and_one_shot_stays_at_the_end() -> None:
    slow = PATTERNS["slow"].phases  # in 4, out 6
    s = state_at(slow, 12.0, cycle=True)  # 2 s into the second cycle
    assert s is not None and s.phase == "inhale" and s.fraction == pytest.approx(0.5)
    end = state_at(PATTERNS["cat-cow"].phases, 99.0, cycle=False)
    assert end is not None and end.phase == "exhale" and end.fill == pytest.approx(0.0)


def test_hold_phase_keeps_the_lungs_where_they_were() -> None:
    box = PATTERNS["box"].phases
    full = state_at(box, 5.0, cycle=True)
    empty = state_at(box, 13.0, cycle=True)
    assert full is not None and full.phase == "hold" and full.fill == 1.0
    assert empty is not None and empty.phase == "hold" and empty.fill == 0.0


def test_no_phases_no_state() -> None:
    assert state_at((), 1.0, cycle=True) is None
