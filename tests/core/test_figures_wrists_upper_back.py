"""The wrists' and the upper back's figures (routines/figures/wrists.toml, upper-back.toml and
the chair lat stretch in shoulders.toml), each held to what makes it that exercise in its steps
(routines/library/*.toml): the wrist's angle, the contact, the lean or the turn, measured on
joint positions with the tolerance beside it. Also the longer hands a wrist figure may draw."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.figure import Point, Pose, angle
from supple.core.figure_data import HAND, HANDS_MAX, build_figure
from supple.core.figures import FIGURES, ON_FLOOR

ON = 0.25  # "on the floor": a joint within this of ON_FLOOR


def start(name: str) -> Pose:
    return FIGURES[name].pose(0.0)


def end(name: str) -> Pose:
    return FIGURES[name].pose(1.0)


def on(p: Point, surface: float = 0.0) -> bool:
    return abs(p[1] - surface - ON_FLOOR) <= ON


def direction(a: Point, b: Point) -> float:
    """The direction from a to b on the page, in degrees (0 right, 90 up)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def to_segment(p: Point, a: Point, b: Point) -> float:
    """How far p is from the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def straight(p: Pose, s: str = "", root: str = "neck") -> bool:
    return angle(p[root], p["elbow" + s], p["wrist" + s]) >= 170


def wrist_angle(p: Pose, s: str = "") -> float:
    """The angle at the wrist between forearm and hand: 180 in line, 90 bent square."""
    return angle(p["elbow" + s], p["wrist" + s], p["hand" + s])


# -- longer hands -------------------------------------------------------------------------------

SEATED = {"id": "t", "title": "T", "base": "seated-chair", "start": {}, "end": {}}


@settings(max_examples=25, deadline=None)
@given(
    hands=st.floats(1.0, HANDS_MAX),
    bend=st.floats(-90, 90),
    view=st.sampled_from(["side", "front"]),
)
def test_longer_hands_lengthen_only_the_hand_in_its_own_direction(
    hands: float, bend: float, view: str
) -> None:
    table = SEATED | {"view": view, "end": {"arm": [-80, 0, bend]}}
    plain = build_figure(table, "test")
    longer = build_figure(table | {"hands": hands}, "test")
    for before, after in zip(plain.keyframes, longer.keyframes, strict=True):
        assert set(after) == set(before)
        for joint, point in before.items():
            if not joint.startswith("hand"):
                assert after[joint] == point
        for s in ("", "2") if view == "front" else ("",):
            wrist = before["wrist" + s]
            assert math.dist(wrist, after["hand" + s]) == pytest.approx(HAND * hands)
            assert direction(wrist, after["hand" + s]) == pytest.approx(
                direction(wrist, before["hand" + s]), abs=1e-6
            )


@pytest.mark.parametrize("hands", [0.5, HANDS_MAX + 0.1])
def test_hands_shorter_than_a_hand_or_longer_than_a_true_one_are_refused(hands: float) -> None:
    with pytest.raises(ValueError, match=r"figure t: hands"):
        build_figure(SEATED | {"hands": hands}, "test.toml")


# -- the wrists ---------------------------------------------------------------------------------


def test_wrist_circles_turn_only_the_hands_from_up_through_ahead_to_down() -> None:
    """'forearms in front of you … moving only at the wrists': forearm level and still."""
    poses = FIGURES["wrist-circles"].keyframes
    for p in poses:
        assert abs(direction(p["elbow"], p["wrist"])) <= 5  # the forearm level, ahead
        assert (p["elbow"], p["wrist"]) == (poses[0]["elbow"], poses[0]["wrist"])
        assert math.dist(p["wrist"], p["hand"]) >= 1.5  # drawn long enough to read
    turns = [direction(p["wrist"], p["hand"]) for p in poses]
    assert turns[0] >= 40 and abs(turns[1]) <= 5 and turns[-1] <= -40


def test_wrist_rocks_keep_the_hands_flat_and_bend_the_wrists_back_as_the_body_rocks() -> None:
    s, e = start("quadruped-wrist-rocks"), end("quadruped-wrist-rocks")
    for p in (s, e):
        assert on(p["wrist"]) and on(p["hand"]) and p["hand"][0] > p["wrist"][0]  # fingers ahead
        assert on(p["knee"]) and straight(p)
    for joint in ("wrist", "hand", "knee"):
        assert math.dist(e[joint], s[joint]) <= 0.01
    assert abs(s["neck"][0] - s["wrist"][0]) <= 0.6 and wrist_angle(s) == pytest.approx(90, abs=3)
    assert e["neck"][0] >= s["wrist"][0] + 2.0  # the shoulders rocked forward over the hands
    assert wrist_angle(e) <= 70  # the wrist bent back at least 20° more


def test_kneeling_wrist_flexor_sits_back_with_the_palms_down_and_the_fingers_back() -> None:
    s, e = start("kneeling-wrist-flexor"), end("kneeling-wrist-flexor")
    for p in (s, e):
        assert on(p["wrist"]) and on(p["hand"]) and p["hand"][0] < p["wrist"][0]  # toward knees
        assert on(p["knee"]) and straight(p)
    assert math.dist(e["wrist"], s["wrist"]) <= 0.01 and math.dist(e["hand"], s["hand"]) <= 0.01
    assert e["hip"][0] <= s["hip"][0] - 1.5  # the hips sat back
    assert e["neck"][0] <= e["wrist"][0] - 2.0 and wrist_angle(e) <= 70


def test_kneeling_wrist_extensor_shifts_back_only_a_little() -> None:
    """The same position on the backs of the hands, 'shift your weight back a little'."""
    s, e = start("kneeling-wrist-extensor"), end("kneeling-wrist-extensor")
    for p in (s, e):
        assert on(p["wrist"]) and on(p["hand"]) and p["hand"][0] < p["wrist"][0]
        assert straight(p)
    tilt = 90 - wrist_angle(e)
    assert 5 <= tilt <= 20 and tilt < 90 - wrist_angle(end("kneeling-wrist-flexor"))


def test_the_flexor_stretch_draws_the_fingers_back_with_the_other_hand_on_them() -> None:
    s, e = start("wrist-flexor-stretch"), end("wrist-flexor-stretch")
    for p in (s, e):  # one arm straight out in front at shoulder height
        assert straight(p) and abs(p["wrist"][1] - p["neck"][1]) <= 0.3
    assert abs(direction(s["wrist"], s["hand"])) <= 5
    assert direction(e["wrist"], e["hand"]) <= -95  # fingers down and back toward you
    assert to_segment(e["hand"], e["wrist2"], e["hand2"]) <= 0.7  # the other hand on the fingers
    assert s["hand2"][1] < s["hip"][1] + 2.0  # which hung at the side before


def test_the_extensor_stretch_presses_the_back_of_the_hand_down() -> None:
    e = end("wrist-extensor-stretch")
    assert straight(e) and abs(e["wrist"][1] - e["neck"][1]) <= 0.3
    assert -90 <= direction(e["wrist"], e["hand"]) <= -60  # fingers to the floor
    knuckles = ((e["wrist"][0] + e["hand"][0]) / 2, (e["wrist"][1] + e["hand"][1]) / 2)
    assert to_segment(knuckles, e["wrist2"], e["hand2"]) <= 0.7  # on the back of the hand
    assert e["hand2"][0] > e["hand"][0]  # pressing from in front


def test_the_prayer_stretch_lowers_pressed_palms_until_the_wrists_bend_square() -> None:
    s, e = start("prayer-stretch"), end("prayer-stretch")
    for p in (s, e):
        assert abs(p["wrist"][0] - p["wrist2"][0]) <= 1.0  # palms pressed together
        for side in ("", "2"):
            assert abs(direction(p["wrist" + side], p["hand" + side]) - 90) <= 5  # fingers up
        assert p["elbow"][0] > p["shoulder"][0] and p["elbow2"][0] < p["shoulder2"][0]  # wide
    assert s["wrist"][1] >= e["wrist"][1] + 1.0  # lowered toward the waist
    assert wrist_angle(s) >= 110 and wrist_angle(e) <= 95


def test_the_reverse_prayer_turns_the_fingers_from_down_to_up_behind_the_back() -> None:
    s, e = start("reverse-prayer-stretch"), end("reverse-prayer-stretch")
    for p in (s, e):  # behind the back: past the trunk's thickness
        assert p["wrist"][0] <= p["hip"][0] - 1.0 and p["hand"][0] <= p["neck"][0] - 1.0
    assert abs(direction(s["wrist"], s["hand"]) + 90) <= 15  # fingertips down
    assert abs(direction(e["wrist"], e["hand"]) - 90) <= 15  # then up
    assert e["waist"][1] <= e["hand"][1] <= e["neck"][1]  # between the shoulder blades


# -- the upper back -----------------------------------------------------------------------------


def test_seated_thoracic_rotation_turns_chest_and_head_over_still_hips() -> None:
    s, e = start("seated-thoracic-rotation"), end("seated-thoracic-rotation")
    for joint in ("pelvis", "pelvis2", "knee", "knee2", "ankle", "ankle2"):
        assert e[joint] == s[joint]  # the hips and knees face ahead
    for p in (s, e):  # arms crossed: each hand at the other shoulder
        assert math.dist(p["hand"], p["shoulder2"]) <= 1.5
        assert math.dist(p["hand2"], p["shoulder"]) <= 1.5
    width = math.dist(s["shoulder"], s["shoulder2"])
    assert math.dist(e["shoulder"], e["shoulder2"]) <= 0.7 * width  # the chest turned
    assert abs(s["nose"][0] - s["head"][0]) <= 0.1 < 0.6 <= abs(e["nose"][0] - e["head"][0])


def test_thread_the_needle_goes_from_the_arm_under_to_the_arm_at_the_ceiling() -> None:
    s, e = start("thread-the-needle"), end("thread-the-needle")
    for p in (s, e):  # the standing hand and the knees stay put
        assert on(p["wrist"]) and on(p["knee"]) and math.dist(p["wrist"], s["wrist"]) <= 0.01
    assert on(s["wrist2"]) and on(s["hand2"])  # the threading arm along the floor …
    assert s["knee"][0] < s["hand2"][0] < s["wrist"][0]  # … under the body
    assert s["neck"][1] <= s["hip"][1] - 1.5 and s["head"][1] < s["neck"][1]  # sunk toward it
    assert straight(e, "2") and abs(direction(e["neck"], e["hand2"]) - 90) <= 10  # to the ceiling
    assert e["head"][1] > e["neck"][1]  # the eyes follow it


def test_seated_side_bend_leans_away_from_the_arm_over_the_head_with_the_seat_still() -> None:
    figure = FIGURES["seated-side-bend"]
    (left, seat), (right, _) = figure.props[0]
    s, e = start("seated-side-bend"), end("seated-side-bend")
    assert (e["pelvis"], e["pelvis2"]) == (s["pelvis"], s["pelvis2"])  # both sit bones down
    assert s["ankle"][0] - s["ankle2"][0] > s["knee"][0] - s["knee2"][0]  # the feet wide
    assert e["neck"][0] >= e["hip"][0] + 1.5  # the lean
    assert e["hand2"][1] > e["head"][1] and e["hand2"][0] > e["neck"][0]  # up and over
    assert on(e["hand"], seat) and left <= e["hand"][0] <= right  # the free hand on the seat


def test_kneeling_side_bend_leans_toward_the_leg_out_to_the_side() -> None:
    s, e = start("kneeling-side-bend"), end("kneeling-side-bend")
    for p in (s, e):
        assert on(p["knee"]) and on(p["ankle2"])  # one knee down, the other foot flat
        assert angle(p["pelvis2"], p["knee2"], p["ankle2"]) >= 175  # that leg straight
        assert p["ankle2"][0] <= p["pelvis2"][0] - 8.0  # out to the side
    assert e["neck"][0] <= e["hip"][0] - 4.0  # leaning toward the leg
    assert to_segment(e["hand2"], e["pelvis2"], e["knee2"]) <= 0.5  # that hand on the leg
    assert e["hand"][1] > e["head"][1] and e["hand"][0] < e["head"][0]  # the other over the head


def test_chair_lat_stretch_sits_back_with_the_elbows_on_the_seat_and_the_arms_overhead() -> None:
    """The elbows rest on the seat throughout and slide a little forward as the hips go back:
    with the lengths fixed, that is what lets the hips reach the heels and the arms overhead."""
    figure = FIGURES["chair-lat-stretch"]
    (left, seat), (right, _) = figure.props[0]
    s, e = start("chair-lat-stretch"), end("chair-lat-stretch")
    for p in (s, e):
        assert on(p["elbow"], seat) and left <= p["elbow"][0] <= right
        assert on(p["knee"]) and p["knee"] == s["knee"]
    assert math.dist(e["elbow"], s["elbow"]) <= 0.6
    assert s["hip"][1] >= 5.5 and math.dist(e["hip"], e["ankle"]) <= 3.5  # to the heels
    assert angle(s["hip"], s["neck"], s["elbow"]) <= 90  # elbows under the shoulders …
    assert angle(e["hip"], e["neck"], e["elbow"]) >= 160  # … then the arms overhead
    assert e["neck"][1] < e["elbow"][1]  # the chest sunk below the elbows
