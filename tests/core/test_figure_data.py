"""Figures as data (routines/figures/*.toml): the twelve converted figures keep every joint of
the Python poses they replaced, every figure passes the anatomical checks without a test of its
own, the loader refuses what it cannot draw truthfully, and the front view draws both sides."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from supple.core.figure import BODY, FAR, draw
from supple.core.figure_checks import problems
from supple.core.figure_data import build_figure, load_figures
from supple.core.figure_names import figure_names, figures_dir
from supple.core.figures import FIGURES

BEFORE = json.loads((Path(__file__).parents[1] / "data" / "figures" / "before.json").read_text())


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_a_converted_figure_keeps_every_joint_of_the_python_pose(name: str) -> None:
    old, new = BEFORE[name], FIGURES[name]
    assert len(new.keyframes) == len(old["keyframes"])
    for before, after in zip(old["keyframes"], new.keyframes, strict=True):
        assert set(after) == set(before)
        for joint, point in before.items():
            assert math.dist(point, after[joint]) <= 1e-3, (name, joint)
    assert new.ready == old["ready"] and list(new.labels) == old["labels"]
    assert [list(map(list, p)) for p in new.props] == old["props"]


@pytest.mark.parametrize("name", figure_names())
def test_every_figure_passes_the_anatomical_checks(name: str) -> None:
    assert problems(FIGURES[name]) == []


def test_the_names_are_read_without_parsing_and_match_the_loaded_figures() -> None:
    assert figure_names() == tuple(load_figures())
    assert len(set(figure_names())) == len(figure_names())  # no id twice
    assert all(p.suffix == ".toml" for p in figures_dir().iterdir())


STANDING = {"id": "t", "title": "T", "base": "standing", "start": {}, "end": {}}


def test_a_pose_needs_only_what_differs_from_its_base_and_keeps_bone_lengths() -> None:
    figure = build_figure(STANDING | {"end": {"arm": [90, 90, 90]}}, "test")
    start, end = figure.keyframes
    assert end["ankle"] == start["ankle"] and end["hip"] == start["hip"]
    assert end["hand"][1] > end["head"][1]  # the arm reaches overhead
    assert math.dist(end["neck"], end["elbow"]) == pytest.approx(3.6)
    assert problems(figure) == []


def test_the_end_inherits_the_start_and_own_angles_replace_inherited_points() -> None:
    table = STANDING | {"start": {"trunk": 80, "head": 70}, "end": {"head": 60}}
    start, end = build_figure(table, "test").keyframes
    assert end["neck"] == start["neck"]  # the trunk's lean carried over
    table = STANDING | {"start": {"neck": [12.0, 20.0]}, "end": {"trunk": 90}}
    start, end = build_figure(table, "test").keyframes
    assert start["neck"] == (12.0, 20.0) and end["neck"][0] == pytest.approx(end["hip"][0])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"base": "flying"}, "base 'flying'"),
        ({"view": "back"}, "view 'back'"),
        ({"view": "top"}, "base 'standing'"),  # seen from above, a body lies on its side
        ({"end": {"toward": {"neck": [10, 10]}}}, "toward names limbs"),
        ({"end": {"toward": {"leg": [100, 0]}}}, "two angles from -90 to 90"),
        ({"view": "front", "end": {"toward": {"leg": [10, 0]}}}, "side and top views"),
        ({"colour": "red"}, "unknown keys"),
        ({"end": {"elbow": 3}}, "unknown pose keys"),
        ({"held": "rope"}, "held 'rope'"),
    ],
)
def test_the_loader_names_the_figure_and_the_mistake(change: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match="figure t") as caught:
        build_figure(STANDING | change, "test.toml")
    assert words in str(caught.value)


def test_the_checks_catch_a_foot_off_the_floor_and_a_stretched_or_sunk_limb() -> None:
    lifted = build_figure(STANDING | {"end": {"at": [10.0, 3.0]}}, "test")
    assert any("feet are flat on the floor" in p for p in problems(lifted))
    sunk = build_figure(STANDING | {"end": {"leg": [-90, -90, -90]}}, "test")
    assert any("toe below the floor" in p for p in problems(sunk))
    stretched = build_figure(STANDING | {"end": {"knee": [10.0, 9.0]}}, "test")
    assert any("hip-knee" in p for p in problems(stretched))


def test_a_knee_folds_in_the_picture_only_seen_from_the_front_kneeling_or_floor_seated() -> None:
    # Soles together seen from the front: the shin comes back under its own thigh in the picture.
    folded = {"knee": [16.0, 1.2], "ankle": [11.2, 0.7]}
    start = {"thigh": 0.85, "leg": [28, 208, 180]}
    seated = {"id": "t", "title": "T", "base": "seated-floor", "start": start, "end": folded}
    assert problems(build_figure(seated | {"view": "front"}, "test")) == []
    side = seated | {"start": {}, "end": {"knee": [13.7, 1.2], "ankle": [8.2, 0.9]}}
    assert any("knee folded" in p for p in problems(build_figure(side, "test")))
    (x, y) = build_figure(STANDING | {"view": "front"}, "test").start["pelvis"]
    tucked = {"knee": [x + 4.9, y - 0.5], "ankle": [x + 0.2, y - 1.0]}  # the same fold, standing
    standing = build_figure(STANDING | {"view": "front", "end": tucked}, "test")
    assert any("knee folded" in p for p in problems(standing))


def test_the_front_view_draws_both_arms_and_legs_and_a_side_bend_mirrors() -> None:
    table = STANDING | {"view": "front", "end": {"trunk": 75, "head": 65, "look": 30}}
    figure = build_figure(table, "test")
    start, end = figure.keyframes
    for joint in ("shoulder", "elbow", "hand", "pelvis", "knee", "ankle"):
        assert start[joint][0] > start["neck"][0] - 0.1 or joint in ("pelvis", "knee", "ankle")
        # the two sides are each other's reflection about the spine when standing straight
        mid = start["hip"][0]
        assert start[joint + "2"][0] == pytest.approx(2 * mid - start[joint][0])
        assert start[joint + "2"][1] == pytest.approx(start[joint][1])
    assert end["neck"][0] > end["hip"][0]  # the trunk bends towards the first side
    assert end["nose"][0] != pytest.approx(end["head"][0])  # the head turns
    mirrored = figure.pose(1.0, mirrored=True)
    assert mirrored["neck"][0] < mirrored["hip"][0]  # the other side
    raster = draw(figure, end, 60, 40)
    pixels = {p for row in raster for p in row}
    assert BODY in pixels and FAR in pixels  # the nose in its dim shade
    assert problems(figure) == []
