"""The upper body's figures (routines/figures/shoulders.toml, upper-back.toml, neck.toml,
wrists.toml), each true to the steps it illustrates where the generic checks
(tests/core/test_figure_data.py) are blind to what makes the pose that exercise or test: the
defining angle or contact, measured on joint positions with the tolerance beside it."""

from __future__ import annotations

import math

import pytest

from supple.core.figure import HEAD_RADIUS, Point, Pose, angle, figure_lines
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


# -- the shoulders ------------------------------------------------------------------------------


def keyframe(name: str, index: int) -> Pose:
    return FIGURES[name].keyframes[index]


def test_shoulder_rolls_lift_the_shoulders_then_draw_them_back() -> None:
    s, up, back = (keyframe("shoulder-rolls", i) for i in range(3))
    assert up["neck"][1] >= s["neck"][1] + 0.5  # lifted toward the ears
    assert back["neck"][0] < s["neck"][0] and back["hand"][0] < s["hand"][0] - 0.8  # drawn back
    for p in (s, up, back):
        assert p["hand"][1] < p["hip"][1] + 2.0  # the arms hang loose throughout


def test_arm_circles_pass_out_to_the_sides_and_end_overhead() -> None:
    s, side, top = (keyframe("arm-circles", i) for i in range(3))
    assert s["hand"][1] < s["hip"][1] + 1.5  # by the sides
    for p in (side, top):
        assert arm_straight(p, root="shoulder") and arm_straight(p, "2", root="shoulder2")
    assert abs(side["wrist"][1] - side["shoulder"][1]) <= 0.3  # level with the shoulders
    assert top["hand"][1] > top["head"][1] + 2.0 and top["hand2"][1] > top["head"][1] + 2.0


def test_wall_slides_keep_the_forearms_on_the_wall_as_they_rise() -> None:
    (wall, _), _ = FIGURES["wall-slides"].props[0]  # its foot: (x, 0)
    s, e = start("wall-slides"), end("wall-slides")
    for p in (s, e):
        for joint in ("elbow", "wrist"):
            assert 0.3 <= wall - p[joint][0] <= 0.8  # touching it (half a limb's thickness)
        assert on_floor(p["ankle"]) and on_floor(p["toe"])
    assert abs(s["elbow"][1] - s["neck"][1]) <= 0.3  # elbows at shoulder height
    assert e["elbow"][1] >= s["elbow"][1] + 2.0 and e["hand"][1] > e["head"][1] + 2.0


def test_wall_angels_go_from_a_goalpost_to_overhead() -> None:
    s, e = start("wall-angels"), end("wall-angels")
    for side in ("", "2"):
        assert abs(s["elbow" + side][1] - s["shoulder" + side][1]) <= 0.3
        assert abs(direction(s["elbow" + side], s["wrist" + side]) - 90) <= 5  # forearms up
        assert e["elbow" + side][1] > e["shoulder" + side][1] + 2.0
        assert e["hand" + side][1] > e["head"][1] + 3.0


def test_band_pull_apart_from_arms_in_front_to_wide_at_chest_height() -> None:
    s, e = start("band-pull-apart"), end("band-pull-apart")
    assert FIGURES["band-pull-apart"].held == ("hand", "hand2")
    # Pointing at you: the hands just in front of the shoulders, at chest height.
    assert (
        math.dist(s["hand"], s["shoulder"]) <= 3.0 and math.dist(s["hand2"], s["shoulder2"]) <= 3.0
    )
    assert s["hand"][1] >= s["chest"][1]
    for side in ("", "2"):  # then straight out to the sides, level with the chest
        assert arm_straight(e, side, root="shoulder" + side)
        assert abs(e["wrist" + side][1] - e["shoulder" + side][1]) <= 0.5
    assert math.dist(e["hand"], e["hand2"]) >= 3 * math.dist(s["hand"], s["hand2"])


def test_pass_throughs_keep_the_elbows_straight_from_front_over_to_behind() -> None:
    for name in ("band-pass-through", "stick-pass-through"):
        front, top, back = (keyframe(name, i) for i in range(3))
        for p in (front, top, back):
            assert arm_straight(p)
        assert front["hand"][0] > front["hip"][0]  # in front, arms down
        assert top["hand"][1] > top["head"][1] + 3.0  # overhead
        assert back["hand"][0] < back["hip"][0] - 2.0  # behind the back


@pytest.mark.parametrize("width", [30, 44, 70, 200])
def test_a_turned_head_and_the_pass_throughs_read_at_every_size(width: int) -> None:
    """Start and end differ as text (no colour), and the band is not drawn as the stick."""
    rows = width * 2 // 5

    def text(name: str, fraction: float) -> list[str]:
        return figure_lines(FIGURES[name], fraction, width, rows)

    for name in ("neck-rotation", "band-pass-through", "stick-pass-through"):
        assert text(name, 0.0) != text(name, 1.0)
    assert text("band-pass-through", 0.0) != text("stick-pass-through", 0.0)
    assert FIGURES["stick-pass-through"].held == FIGURES["band-pass-through"].held


def test_cross_body_stretch_draws_one_straight_arm_across_held_at_the_elbow() -> None:
    e = end("cross-body-stretch")
    assert arm_straight(e, root="shoulder")
    assert e["wrist"][0] < e["neck"][0] - 3.0  # across the midline
    assert abs(e["wrist"][1] - e["shoulder"][1]) <= 1.0  # at chest height
    assert math.dist(e["hand2"], e["elbow"]) <= 1.2  # the other hand holds above the elbow


def test_towel_shoulder_stretch_draws_the_lower_hand_up_the_back() -> None:
    s, e = start("towel-shoulder-stretch"), end("towel-shoulder-stretch")
    assert FIGURES["towel-shoulder-stretch"].held == ("hand", "hand2")
    for p in (s, e):
        assert p["elbow"][1] > p["head"][1]  # the top elbow up beside the head
        assert p["elbow2"][1] < p["shoulder2"][1] - 2.0  # the lower one down by the waist
    assert e["hand2"][1] >= s["hand2"][1] + 1.5  # drawn up the back


def test_chest_opener_straightens_the_clasped_arms_behind_and_lifts_the_chest() -> None:
    s, e = start("chest-opener"), end("chest-opener")
    assert s["wrist"][0] <= s["hip"][0] and s["hand"][1] > s["hip"][1]  # at the lower back
    assert angle(s["neck"], s["elbow"], s["wrist"]) <= 140  # elbows bent at first
    assert arm_straight(e) and e["hand"][0] < e["hip"][0] - 3.0  # then straight, behind
    assert e["head"][0] <= s["head"][0]  # the chin level, the chest lifting, not poking forward


def test_doorway_chest_stretch_keeps_the_forearm_on_the_frame_and_turns_away() -> None:
    (frame, _), _ = FIGURES["doorway-chest-stretch"].props[0]
    s, e = start("doorway-chest-stretch"), end("doorway-chest-stretch")
    for p in (s, e):
        assert abs(p["elbow"][1] - p["shoulder"][1]) <= 0.3  # elbow at shoulder height
        assert (
            abs(direction(p["elbow"], p["wrist"]) - 90) <= 5 and 0 <= frame - p["wrist"][0] <= 1.0
        )
    assert e["shoulder"][0] - e["shoulder2"][0] < s["shoulder"][0] - s["shoulder2"][0] - 0.2
    assert e["nose"][0] < e["head"][0]  # the head turns away from the arm


# -- the neck -----------------------------------------------------------------------------------


def tilt(p: Pose) -> float:
    """How far the head leans from upright, front view: + towards the first side (the right)."""
    return 90 - direction(p["neck"], p["head"])


def test_chin_tucks_glide_the_head_back_and_the_tuck_lift_raises_it_off_the_floor() -> None:
    s, e = start("chin-tucks"), end("chin-tucks")
    # the head slides back a good 1.5 units (three columns at the library's scale), chin level
    assert e["head"][0] <= s["head"][0] - 1.5 and abs(e["head"][1] - s["head"][1]) <= 0.3
    assert e["neck"] == s["neck"]  # the head moves, not the trunk
    s, e = start("supine-chin-tuck-lift"), end("supine-chin-tuck-lift")
    assert s["head"][1] - 1.9 <= 0.0  # resting on the floor (its disc reaches it)
    assert e["head"][1] - 1.9 >= 0.8  # lifted just off it
    assert e["neck"][1] <= LYING + 0.2 and on_floor(e["ankle"])  # the shoulders stay down


def test_the_side_bends_tip_the_head_and_the_rotations_turn_the_nose() -> None:
    assert tilt(end("neck-side-bend")) >= 25 and end("neck-side-bend")["nose"][0] > 10.5
    s, e = start("neck-rotation"), end("neck-rotation")
    assert e["head"] == s["head"] and abs(e["nose"][0] - s["nose"][0]) >= 0.8
    assert abs(e["nose"][0] - e["head"][0]) >= HEAD_RADIUS  # in profile, past the head's edge
    for name in ("upper-trap-stretch", "levator-stretch"):
        s, e = start(name), end(name)
        for p in (s, e):  # one hand holds the seat, keeping that shoulder down
            assert p["hand"][1] <= p["hip"][1] + 1.0 and arm_straight(p, root="shoulder")
        assert tilt(e) <= -15  # the head eased away from the held hand
        assert math.dist(e["hand2"], e["head"]) <= 2.3  # the other hand rests on the head
    lev = end("levator-stretch")
    assert lev["nose"][0] < lev["head"][0] - 0.5  # turned away, toward the other armpit
