"""The lying, side-lying and pigeon figures: a limb turned towards or away from the viewer is
drawn shortened by a declared angle (``toward``), which the checks count (not an exemption), and
the top view sees a body lying on its side from above. One test per figure of what makes it
that exercise, and the checks still catching a wrong pose."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.figure import Figure, angle
from supple.core.figure_checks import problems
from supple.core.figure_data import THIGH, build_figure
from supple.core.figures import FIGURES
from supple.core.value import replace


def test_knees_side_to_side_knees_come_down_towards_you_feet_stay_put() -> None:
    figure = FIGURES["knees-side-to-side"]
    start, end = figure.start, figure.end
    for foot in ("ankle", "ankle2"):  # the feet flat and still
        assert math.dist(end[foot], start[foot]) < 0.01
    assert end["knee"][1] < start["knee"][1] - 2  # the knees lower …
    assert figure.toward[1]["knee"] >= 30  # … because they turn towards you, both together
    assert math.dist(end["knee"], end["knee2"]) < 0.01 and start["neck"] == end["neck"]


def test_supine_twist_the_knee_falls_across_the_body_to_the_floor_the_other_leg_long() -> None:
    figure = FIGURES["supine-twist"]
    start, end = figure.start, figure.end
    assert start["knee"][1] > 5 and end["knee"][1] < 1.0  # up, then down at the floor
    assert figure.toward[1]["knee"] <= -45  # across the body: away from you
    assert angle(end["hip"], end["knee2"], end["ankle2"]) > 170  # the other leg long
    assert figure.toward[1]["elbow"] == 80 and figure.toward[1]["elbow2"] == -80  # arms wide


def test_side_childs_pose_hands_walk_to_one_side_on_the_floor_hips_on_the_heels() -> None:
    figure = FIGURES["side-childs-pose"]
    start, end = figure.start, figure.end
    assert end["hip"] == start["hip"] and abs(end["hip"][1] - end["ankle"][1]) < 2
    assert abs(end["wrist"][1] - 0.7) < 0.1  # the hands stay on the floor
    assert figure.toward[0].get("wrist", 0) == 0 and figure.toward[1]["wrist"] <= -30


def test_pigeon_front_shin_across_back_leg_long_chest_lowers() -> None:
    figure = FIGURES["pigeon-pose"]
    start, end = figure.start, figure.end
    for pose, depth in zip(figure.keyframes, figure.toward, strict=True):
        assert depth["ankle"] <= -60  # the front shin across, under the body
        assert angle(pose["hip"], pose["knee2"], pose["ankle2"]) > 165  # the back leg long
        assert pose["hip"][1] < 1.6  # seated on the floor
    assert end["neck"][1] < start["neck"][1] - 3  # the chest lowers towards the floor


def test_open_book_top_arm_sweeps_from_front_to_behind_knees_stay_together() -> None:
    figure = FIGURES["open-book"]
    start, end = figure.start, figure.end
    assert figure.view == "top"
    assert start["hand"][1] < start["neck"][1] - 5 < end["neck"][1] + 5 < end["hand"][1]
    assert end["hand2"] == start["hand2"]  # the lower arm stays in front
    assert math.dist(end["knee"], end["knee2"]) < 0.5


def test_sleeper_forearm_from_pointing_up_to_eased_down_by_the_other_hand() -> None:
    figure = FIGURES["sleeper-stretch"]
    start, end = figure.start, figure.end
    assert abs(start["elbow2"][0] - start["neck"][0]) < 0.01  # the arm straight out in front
    assert figure.toward[0]["wrist2"] == 90 and figure.toward[1]["wrist2"] <= 45
    assert end["wrist2"][0] < end["elbow2"][0] - 2  # lowered towards the floor by the feet
    for pose in figure.keyframes:
        assert math.dist(pose["wrist"], pose["wrist2"]) < 0.3  # the other hand on it


def _without_toward(figure: Figure) -> Figure:
    return replace(figure, toward=tuple({} for _ in figure.keyframes))


def test_the_checks_catch_a_shortened_limb_that_does_not_say_so() -> None:
    for name in ("pigeon-pose", "knees-side-to-side", "sleeper-stretch"):
        found = problems(_without_toward(FIGURES[name]))
        assert any("long, not" in words for words in found), name


def test_the_pigeon_shin_read_in_the_page_alone_is_a_folded_knee() -> None:
    figure = FIGURES["pigeon-pose"]
    lying = [{**depth, "ankle": 0.0} for depth in figure.toward]
    assert any("folded" in words for words in problems(replace(figure, toward=tuple(lying))))


def test_side_lying_knees_apart_break_its_rule() -> None:
    table = {"id": "t", "title": "T", "view": "top", "base": "side-lying", "start": {},
             "end": {"leg": [-150, 180, -90]}}  # fmt: skip
    assert any("knees rest together" in w for w in problems(build_figure(table, "t")))


@settings(max_examples=30, deadline=None)
@given(st.floats(-85, 85), st.floats(-85, 85), st.floats(8, 40))
def test_a_declared_turn_passes_and_a_wrong_one_is_caught(
    thigh: float, shin: float, off: float
) -> None:
    table = {"id": "t", "title": "T", "base": "supine", "start": {},
             "end": {"leg": [150, -150, 180], "toward": {"leg": [thigh, shin]}}}  # fmt: skip
    figure = build_figure(table, "t")
    assert not [w for w in problems(figure) if "long" in w]
    end = figure.end
    assert math.dist(end["hip"], end["knee"]) * 1.0001 >= THIGH * math.cos(math.radians(thigh))
    # The same drawing claimed at another angle (far enough to change the length by > 3 %).
    wrong = thigh + off if thigh < 0 else thigh - off
    if abs(math.cos(math.radians(wrong)) - math.cos(math.radians(thigh))) > 0.04:
        claimed = (figure.toward[0], {**figure.toward[1], "knee": wrong})
        assert any("hip-knee is" in w for w in problems(replace(figure, toward=claimed)))
