"""The anatomical checks every figure passes, whoever wrote it: joints where they belong for
its base posture, bones that keep their lengths, angles a body can make, nothing below the floor.

``problems(figure)`` says what is wrong, in words an author can act on (empty: nothing).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from supple.core.figure import HEAD_RADIUS, Figure, Pose, angle
from supple.core.figure_data import FOREARM, ON_FLOOR, SHIN, THIGH, TRUNK_LENGTH, UPPER_ARM

ON = 0.25  # "on the floor": a joint within this of where it rests
UNDER = 0.6  # "a under b": |dx| at most this
SINK = 0.3  # how far below resting a joint may dip (its thickness squashed on the floor)
FRACTIONS = tuple(i / 10 for i in range(11))
# Seen from the front, a kneeling or floor-seated shin points towards you or across: the picture
# folds the knee (soles together, a shin tucked across) where the body does not.
FOLDED_TOWARDS_YOU = frozenset({"kneeling", "seated-floor"})


def _on(pose: Pose, joint: str, floor: float) -> bool:
    return joint not in pose or abs(pose[joint][1] - (floor + ON_FLOOR)) <= ON


def _under(pose: Pose, a: str, b: str) -> bool:
    return abs(pose[a][0] - pose[b][0]) <= UNDER


# Per base posture: what must hold in a keyframe that declares it (floor = the surface's height).
Rule = Callable[[Pose, float], bool]
RULES: dict[str, tuple[tuple[str, Rule], ...]] = {
    "standing": (
        ("the feet are flat on the floor", lambda p, f: all(
            _on(p, j, f) for j in ("ankle", "toe", "ankle2", "toe2"))),
    ),
    "supine": (("the shoulders rest on the floor", lambda p, f: p["neck"][1] <= f + 1.6),),
    "prone": (("the hips rest on the floor", lambda p, f: p["hip"][1] <= f + 1.6),),
    "all-fours": (
        ("hands and knees are on the floor", lambda p, f: all(
            _on(p, j, f) for j in ("wrist", "knee"))),
        ("the hands are under the shoulders", lambda p, f: _under(p, "wrist", "neck")),
        ("the knees are under the hips", lambda p, f: _under(p, "knee", "hip")),
    ),
    "kneeling": (("the knees are on the floor", lambda p, f: _on(p, "knee", f)),),
    "half-kneeling": (
        ("the back knee is on the floor", lambda p, f: _on(p, "knee2", f)),
        ("the front foot is on the floor", lambda p, f: _on(p, "ankle", f)),
    ),
    "seated-floor": (("the seat rests on the floor", lambda p, f: p["hip"][1] <= f + 1.6),),
    "seated-chair": (("the feet are on the floor", lambda p, f: _on(p, "ankle", f)),),
    "lunge": (("the front foot is flat on the floor", lambda p, f: _on(p, "ankle", f)),),
    "side-lying": (("the knees rest together", lambda p, f: _under(p, "knee", "knee2")
                    and abs(p["knee"][1] - p["knee2"][1]) <= UNDER),),
}  # fmt: skip


def _length(pose: Pose, a: str, b: str) -> float | None:
    if a not in pose or b not in pose:
        return None
    return math.dist(pose[a], pose[b])


def _bend(pose: Pose, depth: Mapping[str, float], root: str, joint: str, end: str) -> float:
    """The angle at ``joint`` with each bone's declared turn towards the viewer counted (3-D)."""

    def bone(a: str, b: str) -> tuple[float, float, float]:
        (ax, ay), (bx, by) = pose[a], pose[b]
        shown = math.cos(math.radians(depth.get(b, 0.0)))
        z = math.dist(pose[a], pose[b]) * math.tan(math.radians(depth.get(b, 0.0)))
        return (bx - ax, by - ay, z) if shown > 1e-9 else (0.0, 0.0, math.copysign(1, depth[b]))

    u, v = bone(joint, root), bone(joint, end)
    norm = math.hypot(*u) * math.hypot(*v)
    if norm == 0:
        return 180.0
    dot = sum(a * b for a, b in zip(u, v, strict=True))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot / norm))))


def problems(figure: Figure) -> list[str]:
    found: list[str] = []
    name = figure.name
    front = figure.view == "front"
    bones = [("pelvis" if front else "hip", "knee", THIGH), ("knee", "ankle", SHIN)]
    bones += [("shoulder" if front else "neck", "elbow", UPPER_ARM), ("elbow", "wrist", FOREARM)]
    first = figure.keyframes[0]
    for index, pose in enumerate(figure.keyframes):
        depth = figure.toward[index] if index < len(figure.toward) else {}
        where = f"figure {name}, keyframe {index + 1}"
        if pose.keys() != first.keys():
            found.append(f"{where}: not the same joints as the start")
        for a, b, length in bones:
            for s in ("", "2"):
                got = _length(pose, a if a in ("hip", "neck") else a + s, b + s)
                shown = length * math.cos(math.radians(depth.get(b + s, 0.0)))
                if got is not None and not front and abs(got - shown) > 0.03 * length:
                    found.append(f"{where}: {a}-{b}{s} is {got:.2f} long, not {shown:.2f}")
        trunk = math.dist(pose["hip"], pose["neck"])
        if not 0.9 * TRUNK_LENGTH <= trunk <= 1.1 * TRUNK_LENGTH:
            found.append(f"{where}: hip to neck is {trunk:.2f}, not about {TRUNK_LENGTH}")
        # The neck bends at most 80° from the line of the trunk (side view), 50° (front).
        head_turn = 180 - angle(pose["hip"], pose["neck"], pose["head"], degenerate=180.0)
        if head_turn > (50 if front else 80):
            found.append(f"{where}: the head bends {head_turn:.0f}° from the trunk")
        for s in ("", "2"):
            if "knee" + s in pose:  # a knee or an elbow never folds past 15° nor opens past 180
                knee = _bend(pose, depth, "pelvis" + s if front else "hip", "knee" + s, "ankle" + s)
                if knee < 15 and not (front and FOLDED_TOWARDS_YOU & set(figure.bases)):
                    found.append(f"{where}: knee{s} folded to {knee:.0f}°")
        base = figure.bases[index] if index < len(figure.bases) else ""
        for words, rule in RULES.get(base, ()):
            if not rule(pose, figure.surface):
                found.append(f"{where} ({base}): {words}")
    for fraction in () if figure.view == "top" else FRACTIONS:  # from above: no floor
        pose = figure.pose(fraction)
        for joint, (_, y) in pose.items():
            low = HEAD_RADIUS - 0.5 if joint == "head" else ON_FLOOR - SINK
            if y < low:
                found.append(f"figure {name} at {fraction}: {joint} below the floor ({y:.2f})")
    return found
