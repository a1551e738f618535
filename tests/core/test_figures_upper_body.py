"""The upper body's figures (routines/figures/shoulders.toml, upper-back.toml, neck.toml,
wrists.toml), each true to the steps it illustrates where the generic checks
(tests/core/test_figure_data.py) are blind to what makes the pose that exercise or test: the
defining angle or contact, measured on joint positions with the tolerance beside it."""

from __future__ import annotations

import math

import pytest

from supple.core.figure import Point, Pose, angle
from supple.core.figure_data import build_figure
from supple.core.figures import FIGURES, LYING, ON_FLOOR

ON = 0.25  # "on the floor": a joint within this of ON_FLOOR
UNDER = 0.6  # "a under b": |dx| at most this


def start(name: str) -> Pose:
    return FIGURES[name].pose(0.0)


def end(name: str) -> Pose:
    return FIGURES[name].pose(1.0)


def on_floor(p: Point, floor: float = 0.0) -> bool:
    return abs(p[1] - floor - ON_FLOOR) <= ON


def direction(a: Point, b: Point) -> float:
    """The direction from a to b on the page, in degrees (0 right, 90 up)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def arm_straight(p: Pose, s: str = "", root: str = "neck") -> bool:
    return angle(p[root], p["elbow" + s], p["wrist" + s]) >= 165


# -- the overhead program's tests ---------------------------------------------------------------


def test_thoracic_rotation_sits_back_on_one_forearm_and_turns_the_free_elbow_up() -> None:
    """'Kneel, sit back toward your heels and rest one forearm flat on the floor in front of your
    knees; the other hand behind your head. Turn the free elbow up toward the ceiling.'"""
    s, e = start("thoracic-rotation"), end("thoracic-rotation")
    for p in (s, e):
        assert on_floor(p["knee"]) and on_floor(p["ankle"])
        assert math.dist(p["hip"], p["ankle"]) <= 2.5  # sitting back toward the heels
        assert on_floor(p["elbow"]) and on_floor(p["wrist"])  # the forearm flat
        assert p["elbow"][0] > p["knee"][0] + 1.0  # in front of the knees
        assert math.dist(p["hand2"], p["head"]) <= 2.5  # the free hand behind the head
    assert s["elbow2"][1] < s["neck"][1] - 1.0  # the free elbow points down …
    assert e["elbow2"][1] > e["neck"][1] + 3.0  # … then up toward the ceiling
    assert e["hip"] == s["hip"]  # the hips stay back on the heels


def test_supine_lat_reach_lowers_straight_arms_overhead_toward_the_floor() -> None:
    s, e = start("supine-lat-reach"), end("supine-lat-reach")
    for p in (s, e):  # on the back, knees bent, feet flat
        assert p["hip"][1] <= LYING + 0.2 and p["neck"][1] <= LYING + 0.2
        assert angle(p["hip"], p["knee"], p["ankle"]) <= 120
        assert on_floor(p["ankle"]) and on_floor(p["toe"])
        assert arm_straight(p)
    assert s["hand"][1] > s["neck"][1] + 6.0  # the arms raised to the ceiling
    assert e["wrist"][0] > e["head"][0]  # overhead, past the ears
    assert e["wrist"][1] <= ON_FLOOR + 1.0  # sunk to about the floor


def test_wrist_extension_lifts_the_hand_with_the_forearm_still_on_the_table() -> None:
    figure = FIGURES["wrist-extension"]
    (left, top), (right, _) = figure.props[0]
    s, e = start("wrist-extension"), end("wrist-extension")
    for p in (s, e):  # the forearm flat on the table, the hand beyond its edge
        assert abs(p["elbow"][1] - p["wrist"][1]) <= 0.1
        assert abs(p["wrist"][1] - top - ON_FLOOR) <= ON
        assert left <= p["elbow"][0] and abs(p["wrist"][0] - right) <= 0.3
    assert direction(s["wrist"], s["hand"]) < -20  # relaxed, hanging over the edge
    assert direction(e["wrist"], e["hand"]) >= 45  # the back of the hand lifted
    assert e["elbow"] == s["elbow"] and e["wrist"] == s["wrist"]


# -- the format: arms pointing at the viewer ----------------------------------------------------


def test_reach_shortens_both_arms_in_the_front_view_only() -> None:
    table = {"id": "t", "title": "T", "base": "standing", "start": {}, "end": {"reach": 0.2}}
    front = build_figure(table | {"view": "front"}, "test")
    for s in ("", "2"):
        full = math.dist(front.start["shoulder" + s], front.start["wrist" + s])
        short = math.dist(front.end["shoulder" + s], front.end["wrist" + s])
        assert short == pytest.approx(full * 0.2)
    side = build_figure(table, "test")
    assert side.end["wrist"] == side.start["wrist"]  # a side view draws arms whole
