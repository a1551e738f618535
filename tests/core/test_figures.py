"""The figures: keyframes posed at any fraction, mirrored and turning, always inside their box and
drawn at any size; ``figure`` checked in routine and program files; and each pose true to the
steps it illustrates (routines/lower-back-mobility.toml, routines/programs/lower-back-6-weeks.toml),
measured on joint positions with the tolerances stated beside each assertion."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from supple.core.figure import (
    BODY,
    EMPTY,
    FAR,
    GROUND,
    HEAD_RADIUS,
    Figure,
    Point,
    Pose,
    angle,
    cells,
    draw,
    text_lines,
)
from supple.core.figure_names import figure_names
from supple.core.figures import FIGURES, LYING, ON_FLOOR
from supple.core.program import ProgramError, load_program
from supple.core.routine import RoutineError, load_catalog, load_routine
from supple.system import paths

ROUTINES = Path(__file__).parents[1] / "data" / "routines"
EXACT = 1e-9  # poses are sums of a few floats: equal to this
FIGURE_NAMES = figure_names()

# The tolerances the pose tests use, in figure units (a thigh is 5.8, a limb 1.0 thick).
UNDER = 0.5  # "a under b": |dx| at most this (half a limb's thickness either side)
ON = 0.25  # "on the floor": a joint within this of ON_FLOOR
LIFTED = 1.5  # "well off the floor": at least this above where it rests


def pose(name: str, fraction: float) -> Pose:
    return FIGURES[name].pose(fraction)


def start(name: str) -> Pose:
    return pose(name, 0.0)


def end(name: str) -> Pose:
    return pose(name, 1.0)


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def above_line(p: Point, a: Point, b: Point) -> float:
    """How far ``p`` is above the line through ``a`` and ``b`` (negative: below it)."""
    (ax, ay), (bx, by) = a, b
    length = math.hypot(bx - ax, by - ay)
    side = ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) / length
    return side if bx >= ax else -side


def belly_side(p: Point, hip: Point, neck: Point) -> float:
    """How far ``p`` is on the belly's side of the hip→neck line, for a figure facing right
    and not on its back (its right-hand side going from hip to neck): > 0 an arched back."""
    (hx, hy), (nx, ny) = hip, neck
    return ((ny - hy) * (p[0] - hx) - (nx - hx) * (p[1] - hy)) / math.hypot(nx - hx, ny - hy)


def from_line(p: Point, a: Point, b: Point) -> float:
    return abs(above_line(p, a, b))


def on_floor(p: Point) -> bool:
    return abs(p[1] - ON_FLOOR) <= ON


def same(a: Pose, b: Pose, tolerance: float = EXACT) -> bool:
    return a.keys() == b.keys() and all(distance(a[j], b[j]) <= tolerance for j in a)


FRACTIONS = [i / 20 for i in range(21)]


# -- 1. keyframes and interpolation ------------------------------------------------------------


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_fraction_0_is_the_start_and_1_the_end_every_joint_exactly(name: str) -> None:
    figure = FIGURES[name]
    assert same(figure.pose(0.0), figure.start)
    assert same(figure.pose(1.0), figure.end)  # every joint, the far limbs included


def test_half_way_between_two_keyframes_is_the_midpoint_of_each_joint() -> None:
    figure = FIGURES["bridge"]
    half = figure.pose(0.5)
    for joint, (ax, ay) in figure.start.items():
        bx, by = figure.end[joint]
        assert half[joint] == pytest.approx(((ax + bx) / 2, (ay + by) / 2), abs=EXACT)
    quarter = figure.pose(0.25)
    hip = figure.start["hip"][1] * 0.75 + figure.end["hip"][1] * 0.25
    assert quarter["hip"][1] == pytest.approx(hip, abs=EXACT)


def test_cat_cow_half_way_is_exactly_its_middle_keyframe_the_table() -> None:
    figure = FIGURES["cat-cow"]
    cat, table, cow = figure.keyframes
    assert same(figure.pose(0.0), cat) and same(figure.pose(0.5), table)
    assert same(figure.pose(1.0), cow)
    # A quarter of the way is half way from cat to table, three quarters half from table to cow.
    for joint in cat:
        mid = ((cat[joint][0] + table[joint][0]) / 2, (cat[joint][1] + table[joint][1]) / 2)
        assert figure.pose(0.25)[joint] == pytest.approx(mid, abs=EXACT)
        mid = ((table[joint][0] + cow[joint][0]) / 2, (table[joint][1] + cow[joint][1]) / 2)
        assert figure.pose(0.75)[joint] == pytest.approx(mid, abs=EXACT)
    assert not same(cat, table, 0.1) and not same(table, cow, 0.1)  # the spine does move


@pytest.mark.parametrize("name", ["cat-cow", "bridge", "thomas-test"])
def test_fractions_outside_0_to_1_are_clamped(name: str) -> None:
    figure = FIGURES[name]
    assert same(figure.pose(-0.5), figure.pose(0.0))
    assert same(figure.pose(-1e9), figure.pose(0.0))
    assert same(figure.pose(1.0001), figure.pose(1.0))
    assert same(figure.pose(7.0), figure.pose(1.0))


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_keyframe_has_the_same_joints(name: str) -> None:
    """A joint only some keyframes have would vanish or jump as the figure moves."""
    figure = FIGURES[name]
    for keyframe in figure.keyframes:
        assert keyframe.keys() == figure.start.keys()


# -- 2. mirrored and turning -------------------------------------------------------------------


def middle(figure: Figure) -> float:
    return (figure.box[0] + figure.box[2]) / 2


@pytest.mark.parametrize("name", FIGURE_NAMES)
@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.5, 1.0])
def test_mirrored_is_the_reflection_about_the_middle_of_the_box(name: str, fraction: float) -> None:
    figure = FIGURES[name]
    drawn = figure.pose(fraction)
    mirrored = figure.pose(fraction, mirrored=True)
    m = middle(figure)
    for joint, (x, y) in drawn.items():
        assert mirrored[joint] == pytest.approx((2 * m - x, y), abs=EXACT)
    # Reflecting the reflection gives the pose back.
    again = {j: (2 * m - x, y) for j, (x, y) in mirrored.items()}
    assert same(again, drawn)
    # It does face the other way: the head was right of the hips, now left (or the reverse).
    if abs(drawn["head"][0] - drawn["hip"][0]) > 1:
        before = drawn["head"][0] > drawn["hip"][0]
        assert (mirrored["head"][0] > mirrored["hip"][0]) is not before


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_turn_1_as_drawn_minus_1_mirrored_0_edge_on(name: str) -> None:
    figure = FIGURES[name]
    for fraction in (0.0, 0.6, 1.0):
        drawn = figure.pose(fraction)
        assert same(figure.pose(fraction, turn=1.0), drawn)
        assert same(figure.pose(fraction, turn=-1.0), figure.pose(fraction, mirrored=True))
        assert same(figure.pose(fraction, mirrored=True, turn=-1.0), drawn)
        edge_on = figure.pose(fraction, turn=0.0)
        for joint, (x, y) in edge_on.items():
            assert x == pytest.approx(middle(figure), abs=EXACT)
            assert y == drawn[joint][1]  # turning changes no height
        # Half turned: every joint half as far from the middle.
        half = figure.pose(fraction, turn=0.5)
        for joint, (x, _) in half.items():
            assert x - middle(figure) == pytest.approx((drawn[joint][0] - middle(figure)) / 2)


# -- 3. bounds and drawing ---------------------------------------------------------------------


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_joint_stays_inside_the_box_however_posed(name: str) -> None:
    figure = FIGURES[name]
    x0, y0, x1, y1 = figure.box
    assert x0 < x1 and y0 == 0.0 and y1 >= 1.0
    for fraction in FRACTIONS:
        for mirrored in (False, True):
            for turn in (-1.0, -0.7, -0.2, 0.0, 0.4, 1.0):
                for joint, (x, y) in figure.pose(fraction, mirrored=mirrored, turn=turn).items():
                    assert x0 <= x <= x1 and y0 <= y <= y1, (name, fraction, joint, (x, y))


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_nothing_sinks_into_the_floor(name: str) -> None:
    """A joint resting on the floor is at ON_FLOOR (half a limb up): none is more than 0.3
    below that, and the head's disc reaches at most 0.5 below the floor line."""
    for fraction in FRACTIONS:
        posed = pose(name, fraction)
        for joint, (_, y) in posed.items():
            if joint == "head":
                assert y >= HEAD_RADIUS - 0.5, (name, fraction, y)
            else:
                assert y >= ON_FLOOR - 0.3, (name, fraction, joint, y)


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(FIGURE_NAMES),
    width=st.integers(1, 200),
    height=st.integers(1, 120),
    fraction=st.floats(-0.5, 1.5),
    mirrored=st.booleans(),
    turn=st.floats(-1.0, 1.0),
)
@example(name="thomas-test", width=1, height=1, fraction=0.0, mirrored=False, turn=1.0)
@example(name="toe-touch", width=12, height=8, fraction=1.0, mirrored=True, turn=0.0)
@example(name="cat-cow", width=200, height=120, fraction=0.5, mirrored=False, turn=-1.0)
@example(name="superman", width=12, height=8, fraction=0.0, mirrored=False, turn=1.0)
def test_draw_fills_exactly_the_size_asked_at_any_size(
    name: str, width: int, height: int, fraction: float, mirrored: bool, turn: float
) -> None:
    figure = FIGURES[name]
    raster = draw(figure, figure.pose(fraction, mirrored=mirrored, turn=turn), width, height)
    assert len(raster) == height
    assert all(len(row) == width for row in raster)
    seen = {p for row in raster for p in row}
    assert seen <= {EMPTY, GROUND, BODY, FAR}
    if figure.view != "top":  # seen from above, the page is the floor: no line under it
        assert raster[-1].count(EMPTY) == 0  # the floor, under everything
    else:
        assert GROUND not in raster[-1]
    if width >= 12 and height >= 8:
        assert BODY in seen
    half_blocks = cells(raster)
    assert len(half_blocks) == math.ceil(height / 2)
    assert all(len(row) == width for row in half_blocks)
    assert len(text_lines(raster)) == math.ceil(height / 2)


def test_draw_without_a_floor_and_at_no_size() -> None:
    figure = FIGURES["bridge"]
    assert draw(figure, figure.end, 0, 10) == () and draw(figure, figure.end, 10, 0) == ()
    raster = draw(figure, figure.end, 60, 30, floor=False)
    assert BODY in raster[10] + raster[15]  # the lifted hips, off the floor
    assert len(text_lines(raster)) == 15


def test_the_far_limbs_are_drawn_in_their_own_shade() -> None:
    figure = FIGURES["knee-to-chest"]
    assert FAR in {p for row in draw(figure, figure.end, 80, 30) for p in row}


# -- 4. `figure` in routine and program files --------------------------------------------------


def problems(name: str) -> list[tuple[int | None, str, str]]:
    path = ROUTINES / name
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return [(p.line, p.key, p.message) for p in caught.value.problems]


def test_an_unknown_figure_is_an_error_with_its_key_line_and_a_suggestion() -> None:
    found = problems("unknown_figure.toml")
    assert len(found) == 1
    line, key, message = found[0]
    assert (line, key) == (7, "exercise[1].figure")
    assert "unknown value 'cat-cwo'" in message and "did you mean 'cat-cow'?" in message


def test_a_figure_that_is_not_text_is_an_error() -> None:
    found = problems("figure_not_text.toml")
    assert found == [(7, "exercise[1].figure", "expected text in quotes, got the number 3")]


def test_no_figure_is_fine() -> None:
    routine = load_routine(ROUTINES / "valid.toml")
    assert routine.exercises[0].figure is None


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_a_user_routine_may_name_any_built_in_figure(name: str, tmp_path: Path) -> None:
    text = (ROUTINES / "valid.toml").read_text()
    path = tmp_path / "mine.toml"
    path.write_text(text.replace('name = "Cat-Cow"', f'name = "Cat-Cow"\nfigure = "{name}"'))
    routine = load_routine(path, "user")
    assert routine.source == "user" and routine.exercises[0].figure == name


def test_every_bundled_exercise_and_test_names_its_own_figure() -> None:
    catalog = load_catalog([(paths.bundled_routines_dir(), "bundled")])
    for routine in catalog.routines:
        for exercise in routine.exercises:
            assert exercise.figure == exercise.id, (routine.id, exercise.id)
    program = load_program(paths.bundled_program_path(), catalog)
    assert {t.id: t.figure for t in program.tests} == {
        "toe-touch": "toe-touch",
        "thomas-gap": "thomas-test",
        "press-up": "press-up",
        "superman-hold": "superman-hold",
        "bridge-hold": "bridge-hold",
    }


CATALOG = load_catalog(paths.routine_folders())
PROGRAM_TEXT = paths.bundled_program_path().read_text()


def program_problems(tmp_path: Path, text: str) -> dict[str, tuple[int | None, str]]:
    path = tmp_path / "p.toml"
    path.write_text(text)
    with pytest.raises(ProgramError) as caught:
        load_program(path, CATALOG)
    return {p.key: (p.line, p.message) for p in caught.value.problems}


def test_a_program_tests_unknown_figure_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    text = PROGRAM_TEXT.replace('figure = "thomas-test"', 'figure = "thomas-tset"')
    found = program_problems(tmp_path, text)
    assert list(found) == ["test[2].figure"]
    line, message = found["test[2].figure"]
    assert line == text.splitlines().index('figure = "thomas-tset"') + 1
    assert "did you mean 'thomas-test'?" in message


def test_a_program_tests_figure_must_be_text(tmp_path: Path) -> None:
    text = PROGRAM_TEXT.replace('figure = "press-up"', "figure = true")
    found = program_problems(tmp_path, text)
    assert found == {
        "test[3].figure": (
            text.splitlines().index("figure = true") + 1,
            "expected text in quotes, got true (true/false)",
        )
    }


def test_a_program_test_without_a_figure_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PROGRAM_TEXT.replace('figure = "toe-touch"\n', ""))
    program = load_program(path, CATALOG)
    assert program.test("toe-touch").figure is None
    assert program.test("press-up").figure == "press-up"


# -- 5. the poses, true to the steps -----------------------------------------------------------


def knee_angle(p: Pose, far: bool = False) -> float:
    s = "2" if far else ""
    return angle(p["hip"], p["knee" + s], p["ankle" + s])


def elbow_angle(p: Pose) -> float:
    return angle(p["neck"], p["elbow"], p["wrist"])


@pytest.mark.parametrize("keyframe", [0, 1, 2])
def test_cat_cow_on_all_fours_hands_under_shoulders_knees_under_hips(keyframe: int) -> None:
    """'Kneel on all fours: hands under shoulders, knees under hips'; 'arms and thighs stay
    still': in cat, table and cow alike."""
    p = FIGURES["cat-cow"].keyframes[keyframe]
    assert abs(p["wrist"][0] - p["neck"][0]) <= UNDER
    assert abs(p["knee"][0] - p["hip"][0]) <= UNDER
    assert on_floor(p["wrist"]) and on_floor(p["hand"])
    assert on_floor(p["knee"]) and on_floor(p["ankle"]) and on_floor(p["toe"])
    assert elbow_angle(p) >= 170  # arms straight
    assert 80 <= knee_angle(p) <= 100  # shins flat behind, thighs upright
    for joint in ("hip", "neck", "elbow", "wrist", "knee", "ankle"):
        assert p[joint] == FIGURES["cat-cow"].keyframes[1][joint]  # only the spine moves


def test_cat_cow_spine_rounds_up_in_cat_sags_in_cow_flat_in_the_table() -> None:
    cat, table, cow = FIGURES["cat-cow"].keyframes
    for joint in ("waist", "chest"):
        assert above_line(cat[joint], cat["hip"], cat["neck"]) >= 1.0  # rounded toward the ceiling
        assert above_line(cow[joint], cow["hip"], cow["neck"]) <= -1.0  # belly toward the floor
        assert from_line(table[joint], table["hip"], table["neck"]) <= 0.1  # back flat
    # The head hangs in cat (below the shoulders) and looks ahead and up in cow.
    assert cat["head"][1] < cat["neck"][1] - 1.0
    assert cow["head"][1] > cow["neck"][1] + 1.0
    assert cow["head"][0] > cow["neck"][0]


def test_knee_to_chest_from_legs_long_to_one_knee_hugged() -> None:
    """'Lie on your back, legs long'; 'draw one knee in toward your chest and wrap both hands
    around it' (the other leg stays long)."""
    s, e = start("knee-to-chest"), end("knee-to-chest")
    for p in (s, e):
        assert p["hip"][1] <= LYING + 0.2 and p["neck"][1] <= LYING + 0.2  # on the back
    for knee, ankle in (("knee", "ankle"), ("knee2", "ankle2")):
        assert on_floor(s[knee]) and on_floor(s[ankle])  # both legs long on the floor
        assert angle(s["hip"], s[knee], s[ankle]) >= 170
    # The near knee: close to the chest (within a thigh's length of it), above the hip, the
    # thigh at most 65° from the trunk (hip bent at least 115°), held by the hand.
    assert distance(e["knee"], e["chest"]) <= 5.8
    assert e["knee"][1] >= e["hip"][1] + 4.0
    assert angle(e["neck"], e["hip"], e["knee"]) <= 65
    assert distance(e["wrist"], e["knee"]) <= 1.5
    # The other leg stays long on the floor.
    assert on_floor(e["knee2"]) and on_floor(e["ankle2"])
    assert angle(e["hip"], e["knee2"], e["ankle2"]) >= 170


def test_childs_pose_sits_on_the_heels_forehead_down_arms_long_in_front() -> None:
    s, e = start("childs-pose"), end("childs-pose")
    # It starts kneeling on all fours.
    assert on_floor(s["knee"]) and on_floor(s["wrist"])
    assert abs(s["knee"][0] - s["hip"][0]) <= UNDER
    # 'Sink your hips back until you are sitting on your heels.'
    assert distance(e["hip"], e["ankle"]) <= 2.5
    assert knee_angle(e) <= 30  # the knees fully bent
    assert on_floor(e["knee"]) and on_floor(e["ankle"])
    # 'Forehead down': the head's disc touches the floor (its lowest point within 0.5 of it).
    assert abs(e["head"][1] - HEAD_RADIUS) <= 0.5
    assert e["head"][0] > e["knee"][0]  # in front of the knees
    # 'Arms stay long with palms flat': on the floor, in front of the head.
    assert on_floor(e["wrist"]) and on_floor(e["hand"])
    assert e["wrist"][0] > e["head"][0] and e["hand"][0] > e["wrist"][0]
    assert elbow_angle(e) >= 165
    # The back rounds over the thighs.
    assert above_line(e["waist"], e["hip"], e["neck"]) >= 0.5


def superman_lifted(p: Pose, rest: Pose) -> None:
    """Arms and legs off the floor together, the hips down, the back bent no more than that."""
    lift_arms = p["wrist"][1] - rest["wrist"][1]
    lift_legs = p["ankle"][1] - rest["ankle"][1]
    assert lift_arms >= LIFTED and lift_legs >= LIFTED
    assert 0.5 <= lift_arms / lift_legs <= 2.0  # together: neither more than twice the other
    assert p["hip"][1] <= LYING + 0.2
    assert elbow_angle(p) >= 160 and knee_angle(p) >= 160  # long arms and legs
    # The chest rises with the arms, not above them.
    assert p["neck"][1] - rest["neck"][1] <= lift_arms
    assert p["wrist"][0] > p["head"][0]  # the arms still reach past the head


def test_superman_from_flat_to_arms_and_legs_lifted() -> None:
    s, e = start("superman"), end("superman")
    for joint, (_, y) in s.items():  # 'lie face down, arms reaching past your head'
        assert y <= (2.6 if joint == "head" else LYING + 0.4), joint
    assert s["wrist"][0] > s["head"][0]
    superman_lifted(e, s)


def test_bridge_from_hips_down_to_shoulders_hips_and_knees_in_line() -> None:
    s, e = start("bridge"), end("bridge")
    # 'Lie on your back with knees bent and pointing up, feet flat.'
    assert s["hip"][1] <= LYING + 0.2
    assert knee_angle(s) <= 120 and s["knee"][1] > s["hip"][1] + 3.0
    bridge_lifted(e, s)


def bridge_lifted(e: Pose, s: Pose) -> None:
    # 'Raise the hips until shoulders, hips and knees line up', the shoulders on the floor.
    assert from_line(e["hip"], e["neck"], e["knee"]) <= 0.4
    assert e["hip"][1] >= LYING + 2.5
    assert e["neck"][1] <= LYING + 0.2
    # 'Push through the whole foot': both feet flat, in the same place up and down.
    for p in (s, e):
        assert on_floor(p["ankle"]) and on_floor(p["toe"])
    assert distance(s["ankle"], e["ankle"]) <= 0.05 and distance(s["toe"], e["toe"]) <= 0.05
    assert 70 <= knee_angle(e) <= 110  # the shins about upright under the knees


def test_kneeling_hip_flexor_knees_at_right_angles_hips_ease_forward() -> None:
    s, e = start("kneeling-hip-flexor"), end("kneeling-hip-flexor")
    for p in (s, e):
        # The back knee down (the far leg), its shin on the floor.
        assert on_floor(p["knee2"]) and on_floor(p["ankle2"])
        # The front foot flat on the floor, in front of the hips.
        assert on_floor(p["ankle"]) and on_floor(p["toe"])
        assert p["ankle"][0] > p["hip"][0] + 2.0 and p["toe"][0] > p["ankle"][0]
        # 'Both knees bent at right angles' (the front one within 10°; the back one, whose
        # thigh leans as the hips go forward, within 20°).
        assert 80 <= knee_angle(p) <= 100
        assert 70 <= knee_angle(p, far=True) <= 110
        assert p["neck"][1] > p["hip"][1] + 7.0  # upright trunk
    # 'Ease the hips forward toward the front foot, letting the lower back arch a little.'
    assert e["hip"][0] >= s["hip"][0] + 0.8
    assert from_line(s["waist"], s["hip"], s["neck"]) <= 0.1  # upright and straight at first
    assert 0.2 <= belly_side(e["waist"], e["hip"], e["neck"]) <= 1.0  # the waist eases forward
    assert e["neck"][0] < e["hip"][0]  # the trunk leans back a little
    assert distance(s["ankle"], e["ankle"]) <= 0.05 and distance(s["knee2"], e["knee2"]) <= 0.05


def test_sphinx_on_the_forearms_chest_up_hips_down() -> None:
    s, e = start("sphinx"), end("sphinx")
    assert s["hip"][1] <= LYING + 0.2 and s["neck"][1] <= LYING + 0.5  # lying face down
    assert e["hip"][1] <= LYING + 0.2  # 'hips stay down'
    for p in (s, e):  # 'toes tucked under': the knees down, the feet standing on their toes
        assert on_floor(p["knee"]) and on_floor(p["toe"])
        assert p["ankle"][1] >= p["toe"][1] + 1.0
    # 'Set your elbows on the floor at shoulder height', resting on the forearms.
    assert abs(e["elbow"][0] - e["neck"][0]) <= UNDER
    assert on_floor(e["elbow"]) and on_floor(e["wrist"])
    assert e["wrist"][0] >= e["elbow"][0] + 3.0  # the forearms point forward
    # 'Lift the chest with your back muscles ... and look ahead.'
    assert e["neck"][1] >= LYING + 2.5
    assert e["head"][1] > e["neck"][1] + 1.0
    assert above_line(e["waist"], e["hip"], e["neck"]) < 0  # the lower back arches


def test_toe_touch_from_standing_to_folded_with_straight_knees() -> None:
    s, e = start("toe-touch"), end("toe-touch")
    # 'Stand barefoot, feet together, knees straight.'
    assert abs(s["hip"][0] - s["ankle"][0]) <= UNDER and abs(s["neck"][0] - s["hip"][0]) <= UNDER
    assert s["neck"][1] > s["hip"][1] > s["knee"][1] > s["ankle"][1]
    assert knee_angle(s) >= 175
    # 'Fold forward slowly; let the arms and head hang', the knees straight.
    assert knee_angle(e) >= 170
    assert e["neck"][1] < e["hip"][1] - 2.0
    assert e["head"][1] < e["neck"][1]
    # 'Measure from your longest fingertip to the floor': the hands close to it, above it.
    assert ON_FLOOR - 0.2 <= e["hand"][1] <= ON_FLOOR + 1.5
    assert on_floor(e["ankle"]) and on_floor(e["toe"]) and e["ankle"] == s["ankle"]


def hugged(p: Pose, knee: str) -> bool:
    """A knee drawn in to the chest, as in Knee-to-Chest."""
    return (
        distance(p[knee], p["chest"]) <= 5.8
        and p[knee][1] >= p["hip"][1] + 4.0
        and angle(p["neck"], p["hip"], p[knee]) <= 65
    )


def test_thomas_test_both_knees_hugged_then_one_thigh_hangs_over_the_edge() -> None:
    figure = FIGURES["thomas-test"]
    s, e = start("thomas-test"), end("thomas-test")
    (left, top), (right, _) = figure.props[0]
    assert top == figure.props[0][1][1]  # the table top is level
    for p in (s, e):
        assert p["hip"][1] <= top + LYING + 0.2 and p["neck"][1] <= top + LYING + 0.2
        assert left <= p["hip"][0] <= left + 2.5  # at the very end of the table
    # 'Roll onto your back, hugging both knees.'
    assert hugged(s, "knee") and hugged(s, "knee2")
    assert distance(s["wrist"], s["knee"]) <= 1.5
    # 'Keep one knee hugged to the chest; let the other leg lower and hang over the edge.'
    assert hugged(e, "knee2")
    assert e["knee"][0] < left and e["knee"][1] < top  # the thigh hangs below the table top
    assert e["ankle"][1] < e["knee"][1] - 4.0  # the shin hangs down
    assert e["ankle"][1] >= ON_FLOOR  # above the floor
    # The hanging thigh clears the table's edge (half a limb plus a little above it).
    hip, knee = e["hip"], e["knee"]
    at_edge = hip[1] + (knee[1] - hip[1]) * (left - hip[0]) / (knee[0] - hip[0])
    assert at_edge >= top + 0.5


def test_press_up_straight_arms_chest_up_hips_down() -> None:
    s, e = start("press-up"), end("press-up")
    # 'Lie face down, hands flat under the shoulders.'
    for joint, (_, y) in s.items():
        if joint not in ("head", "elbow"):
            assert y <= LYING + 0.5, joint
    assert elbow_angle(s) <= 60  # the elbows bent, pointing up
    assert on_floor(s["wrist"]) and on_floor(s["hand"])
    assert abs(s["wrist"][0] - s["neck"][0]) <= 1.5
    # 'Straighten the arms to lift the chest while the hips stay on the floor.'
    assert elbow_angle(e) >= 165
    assert abs(e["wrist"][0] - e["neck"][0]) <= 1.5
    assert on_floor(e["wrist"]) and on_floor(e["hand"])
    assert e["hip"][1] <= LYING + 0.2
    assert on_floor(e["knee"]) and on_floor(e["ankle"])
    assert e["chest"][1] >= LYING + 3.0 and e["neck"][1] >= LYING + 5.0
    # The hands stay where they were put; the lower back bends backwards.
    assert distance(s["wrist"], e["wrist"]) <= 0.3
    assert above_line(e["waist"], e["hip"], e["neck"]) < 0


def test_superman_hold_and_bridge_hold_hold_the_lifted_position() -> None:
    for name in ("superman-hold", "bridge-hold"):
        assert FIGURES[name].ready == 1.0  # shown in the held position from the start
    superman_lifted(end("superman-hold"), start("superman-hold"))
    bridge_lifted(end("bridge-hold"), start("bridge-hold"))


BONES = {
    "thigh": ("hip", "knee"),
    "shin": ("knee", "ankle"),
    "upper arm": ("neck", "elbow"),
    "forearm": ("elbow", "wrist"),
}


def spine_length(p: Pose) -> float:
    joints = ("hip", "waist", "chest", "neck")
    return sum(distance(p[a], p[b]) for a, b in zip(joints, joints[1:], strict=False))


def bone_lengths(p: Pose, toward: Mapping[str, float] | None = None) -> dict[str, float]:
    """Each bone's length, a declared turn towards you undone (one pointing at you: left out)."""
    lengths = {"spine": spine_length(p)}
    for bone, (a, b) in BONES.items():
        for suffix in ("", "2"):
            a2 = a if a in ("hip", "neck") else a + suffix
            shown = math.cos(math.radians((toward or {}).get(b + suffix, 0.0)))
            if a2 in p and b + suffix in p and shown > 0.2:
                lengths[bone + suffix] = distance(p[a2], p[b + suffix]) / shown
    return lengths


@pytest.mark.parametrize("name", [n for n in FIGURE_NAMES if FIGURES[n].view != "front"])
def test_no_figure_stretches_from_keyframe_to_keyframe(name: str) -> None:
    """Side view (the front view's bones: test_figure_data.py, through the checks): thigh,
    shin, upper arm and forearm (near and far), and the spine along its curve, keep
    their length within ±15% in every keyframe."""
    figure = FIGURES[name]
    first = bone_lengths(figure.start, figure.toward[0])
    for keyframe, toward in zip(figure.keyframes[1:], figure.toward[1:], strict=True):
        lengths = bone_lengths(keyframe, toward)
        for bone in lengths.keys() & first.keys():
            length = lengths[bone]
            assert 0.85 <= length / first[bone] <= 1.15, (name, bone, length / first[bone])
        assert len(lengths.keys() & first.keys()) >= len(first) - 2  # at most one arm at you


def test_the_names_routines_may_name_are_exactly_the_built_in_figures() -> None:
    assert tuple(FIGURES) == FIGURE_NAMES


def test_validating_a_routine_builds_no_figure() -> None:
    """`supple list` and `validate` know the names without paying for the poses."""
    import subprocess
    import sys

    code = (
        "import sys; from supple.core.routine import load_routine; "
        "from pathlib import Path; load_routine(Path('routines/lower-back-mobility.toml')); "
        "print('supple.core.figures' in sys.modules or 'supple.core.figure_data' in sys.modules)"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
