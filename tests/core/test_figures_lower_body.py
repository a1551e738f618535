"""The lower body's new figures (lower back, hips, hamstrings, ankles), each true to its steps
where the generic checks (supple.core.figure_checks, run over every figure) are blind: the angle
or contact that makes the pose that exercise, measured on joint positions."""

from __future__ import annotations

import math

from supple.core.figure import Point, Pose, angle
from supple.core.figures import FIGURES, ON_FLOOR

ON = 0.25  # "on the floor": within this of where a joint rests
STRAIGHT = 168  # a knee or elbow this open reads as straight


def ends(name: str) -> tuple[Pose, Pose]:
    figure = FIGURES[name]
    return figure.pose(0.0), figure.pose(1.0)


def on_floor(p: Point) -> bool:
    return abs(p[1] - ON_FLOOR) <= ON


def knee(p: Pose, s: str = "") -> float:
    return angle(p["hip"], p["knee" + s], p["ankle" + s])


def trunk(p: Pose) -> float:
    """The hip→neck direction in degrees (90 upright, 0 lying towards the right)."""
    return math.degrees(math.atan2(p["neck"][1] - p["hip"][1], p["neck"][0] - p["hip"][0]))


def rounded(p: Pose) -> float:
    """How far the chest sits behind the hip→neck line of a figure facing right (> 0 rounded)."""
    (hx, hy), (nx, ny), (cx, cy) = p["hip"], p["neck"], p["chest"]
    return ((nx - hx) * (cy - hy) - (ny - hy) * (cx - hx)) / math.dist(p["hip"], p["neck"])


def test_seated_cat_cow_rounds_the_back_then_arches_it_seated_throughout() -> None:
    cat, cow = ends("seated-cat-cow")
    assert rounded(cat) > 0.8 and rounded(cow) < -0.6
    assert cat["head"][1] < cow["head"][1] - 1  # the chin drops in cat, the gaze lifts in cow
    assert cat["hip"] == cow["hip"]  # the seat stays on the chair


def test_prone_press_up_straightens_the_arms_while_the_hips_stay_down() -> None:
    down, up = ends("prone-press-up")
    assert angle(up["neck"], up["elbow"], up["wrist"]) > STRAIGHT - 8
    assert angle(down["neck"], down["elbow"], down["wrist"]) < 120
    assert on_floor(up["wrist"]) and up["hip"][1] < 1.6 and up["neck"][1] > down["neck"][1] + 4


def test_standing_hip_flexor_bends_the_front_knee_back_heel_lifted_trunk_upright() -> None:
    start, end = ends("standing-hip-flexor")
    assert knee(end) < knee(start) - 15  # the front knee bends into the stretch
    for p in (start, end):
        assert on_floor(p["toe2"]) and p["ankle2"][1] > p["toe2"][1] + 0.4  # back heel up
        assert p["ankle2"][0] < p["hip"][0] - 2  # the back foot behind: the hip opens
    assert trunk(end) >= 88


def test_couch_stretch_back_shin_up_the_wall_chest_lifting() -> None:
    start, end = ends("couch-stretch")
    wall = FIGURES["couch-stretch"].props[0][0][0]
    for p in (start, end):
        assert on_floor(p["knee2"]) and p["ankle2"][1] > p["knee2"][1] + 4.5  # shin up the wall
        assert abs(p["ankle2"][0] - wall) < 1.5 and on_floor(p["ankle"])
    assert trunk(end) > trunk(start) + 15  # from leaning on the front knee towards upright


def test_figure_fours_rest_the_crossed_ankle_on_the_other_knee() -> None:
    for name, crossed, other in (
        ("seated-figure-four", "2", ""),
        ("figure-four-stretch", "", "2"),
    ):
        for p in ends(name):
            assert math.dist(p["ankle" + crossed], p["knee" + other]) < 1.2, name
    start, end = ends("seated-figure-four")
    assert trunk(end) < trunk(start) - 20  # leaning forward from the hips
    start, end = ends("figure-four-stretch")
    assert end["knee2"][0] > start["knee2"][0] + 4  # the legs drawn towards the chest
    assert end["neck"][1] < 1.6  # the shoulders stay down


def test_frog_ends_on_the_forearms_with_the_hips_behind_the_knees() -> None:
    start, end = ends("frog-stretch")
    assert abs(start["hip"][0] - start["knee"][0]) < 0.6
    assert end["hip"][0] < end["knee"][0] - 3 and on_floor(end["knee"])
    assert on_floor(end["elbow"]) and on_floor(end["wrist"])


def test_hamstring_stretches_keep_the_stretched_knee_straight_and_fold_further() -> None:
    for name in ("seated-hamstring-stretch", "half-kneeling-hamstring", "hamstring-sweeps"):
        start, end = ends(name)
        for p in (start, end):
            assert knee(p) > STRAIGHT, name  # the back of the thigh is what stretches
            assert on_floor(p["ankle"]) and p["toe"][1] > p["ankle"][1] + 0.8, name  # toes up
        assert trunk(end) < trunk(start) - 25, name  # folding forward with a long back
    start, end = ends("half-kneeling-hamstring")
    assert on_floor(end["knee2"]) and end["hip"][0] < end["knee2"][0] - 1  # hips back


def test_lying_hamstring_stretch_draws_the_straight_leg_past_upright() -> None:
    start, end = ends("supine-hamstring-stretch")
    for p in (start, end):
        assert knee(p) > STRAIGHT and p["neck"][1] < 1.6
    assert abs(start["ankle"][0] - start["hip"][0]) < 1.5  # the leg up at the ceiling
    assert end["ankle"][0] > end["hip"][0] + 3  # then drawn towards the head


def test_standing_forward_fold_hangs_the_head_below_the_hips_knees_soft() -> None:
    start, end = ends("standing-forward-fold")
    assert end["head"][1] < end["hip"][1] - 5
    for p in (start, end):
        assert 150 < knee(p) < 179  # soft, not locked and not squatting


def test_ankle_circles_lift_one_foot_and_move_only_the_ankle() -> None:
    down, up = ends("ankle-circles")
    for p in (down, up):
        assert p["ankle2"][1] > ON_FLOOR + 0.5  # just clear of the floor
    assert down["toe2"][1] < down["ankle2"][1] - 0.8 and up["toe2"][1] > up["ankle2"][1] + 0.8
    assert down["knee2"] == up["knee2"]  # the knee stays still


def test_kneeling_ankle_rocks_take_the_hips_back_over_tucked_toes() -> None:
    start, end = ends("kneeling-ankle-rocks")
    for p in (start, end):
        assert on_floor(p["toe"]) and p["ankle"][1] > p["toe"][1] + 1  # toes tucked under
        assert on_floor(p["wrist"]) and on_floor(p["knee"])  # the hands stay down
    assert end["hip"][0] < start["hip"][0] - 3 and knee(end) < knee(start) - 40


def test_soleus_stretch_bends_the_back_knee_heel_down() -> None:
    start, end = ends("soleus-wall-stretch")
    for p in (start, end):
        assert on_floor(p["ankle2"]) and on_floor(p["toe2"])  # the back heel stays down
    assert knee(end, "2") < knee(start, "2") - 20 and knee(end, "2") < 155


def test_knee_to_wall_drives_the_front_knee_to_the_wall_heel_down() -> None:
    start, end = ends("knee-to-wall")
    wall = FIGURES["knee-to-wall"].props[0][0][0]
    for p in (start, end):
        assert on_floor(p["ankle"]) and on_floor(p["knee2"])
    assert wall - start["knee"][0] > 2.5  # the knee starts behind the toes
    assert wall - end["knee"][0] < 1.2  # and touches the wall


def test_butterfly_soles_together_knees_out_then_sinking() -> None:
    start, end = ends("butterfly-stretch")
    for p in (start, end):
        assert abs(p["ankle"][0] - p["ankle2"][0]) < 1.3 and on_floor(p["ankle"])  # soles meet
        assert p["knee"][0] > p["pelvis"][0] + 3 and p["knee2"][0] < p["pelvis2"][0] - 3
    assert end["knee"][1] < start["knee"][1] - 1.5  # the knees sink towards the floor


def test_ninety_ninety_switch_swings_both_knees_across_the_feet_staying_put() -> None:
    figure = FIGURES["ninety-ninety-switch"]
    left, up, right = figure.keyframes
    for p in (left, right):  # both knees down on the same side of the picture
        assert p["knee"][1] < 1.6 and p["knee2"][1] < 1.6
    assert left["knee"][0] < left["pelvis"][0] and left["knee2"][0] < left["pelvis2"][0] - 3
    assert right["knee"][0] > right["pelvis"][0] + 3 and right["knee2"][0] > right["pelvis2"][0]
    for p in (left, right):  # the feet stay put
        assert (p["ankle"], p["ankle2"]) == (up["ankle"], up["ankle2"])
    assert up["knee"][1] > 4 and up["knee2"][1] > 4  # lifted through the middle
    ready = figure.pose(figure.ready)  # getting ready shows the knees up
    assert all(math.dist(ready[j], up[j]) < 1e-9 for j in up)
