"""The built-in figures: each exercise and mobility test as joints in its start and end positions.

Every figure faces right (the head towards larger x) on a floor at y = 0. Bones keep their
lengths from pose to pose (thigh 5.8, shin 5.6, upper arm 3.6, forearm 3.4), built by ``limb``
from a joint, a length and an angle (0° points right, 90° up), so a pose is its angles.
"""

from __future__ import annotations

import math

from supple.core.figure import Figure, Point, Pose

THIGH, SHIN, FOOT = 5.8, 5.6, 1.8
UPPER_ARM, FOREARM, HAND = 3.6, 3.4, 1.0
NECK = 2.9  # neck joint to the centre of the head
ON_FLOOR = 0.7  # a joint resting on the floor: half a limb's thickness above it
LYING = 1.1  # the spine of a body lying on the floor


def limb(origin: Point, *parts: tuple[float, float]) -> list[Point]:
    """The joints along a limb: from ``origin``, each part a (length, angle in degrees)."""
    points = []
    x, y = origin
    for length, degrees in parts:
        x += length * math.cos(math.radians(degrees))
        y += length * math.sin(math.radians(degrees))
        points.append((round(x, 3), round(y, 3)))
    return points


def toward(a: Point, b: Point, length: float) -> Point:
    """The point ``length`` from ``a`` in the direction of ``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    return (round(a[0] + dx / d * length, 3), round(a[1] + dy / d * length, 3))


def knee_between(hip: Point, ankle: Point, *, up: bool = True) -> Point:
    """Where the knee is, given hip and ankle (thigh and shin keep their lengths); ``up``: the
    knee on the upper side of the hip-ankle line."""
    dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
    d = math.hypot(dx, dy)
    d = min(d, THIGH + SHIN - 1e-6)
    along = (THIGH**2 - SHIN**2 + d * d) / (2 * d)
    off = math.sqrt(max(0.0, THIGH**2 - along**2))
    ux, uy = dx / d, dy / d
    nx, ny = (-uy, ux) if ux >= 0 else (uy, -ux)  # the normal pointing up, whichever way
    if not up:
        nx, ny = -nx, -ny
    return (round(hip[0] + ux * along + nx * off, 3), round(hip[1] + uy * along + ny * off, 3))


def spine(hip: Point, neck: Point, bend: float) -> tuple[Point, Point]:
    """Waist and chest between ``hip`` and ``neck``; ``bend`` lifts them off the straight line
    (positive: towards the ceiling, as a rounded back; negative: a sagging one)."""
    (hx, hy), (nx, ny) = hip, neck
    dx, dy = nx - hx, ny - hy
    length = math.hypot(dx, dy)
    px, py = -dy / length, dx / length  # the normal to the left of hip→neck
    if py < 0:
        px, py = -px, -py
    waist = (hx + dx * 0.36 + px * bend * 0.9, hy + dy * 0.36 + py * bend * 0.9)
    chest = (hx + dx * 0.7 + px * bend * 0.8, hy + dy * 0.7 + py * bend * 0.8)
    return (round(waist[0], 3), round(waist[1], 3)), (round(chest[0], 3), round(chest[1], 3))


def pose(
    *,
    hip: Point,
    neck: Point,
    bend: float = 0.0,
    head: float,
    arm: tuple[float, float, float],
    knee: Point,
    ankle: Point,
    toe: float,
    arm2: tuple[float, float, float] | None = None,
    leg2: tuple[Point, Point, float] | None = None,
) -> Pose:
    """One pose: hip and neck, how the spine bends between them, the head's angle from the
    neck, the arm's three angles (upper arm, forearm, hand), the near leg's knee and ankle and
    the foot's angle, and optionally the far arm and leg."""
    waist, chest = spine(hip, neck, bend)
    (elbow, wrist, hand) = limb(neck, (UPPER_ARM, arm[0]), (FOREARM, arm[1]), (HAND, arm[2]))
    joints: dict[str, Point] = {
        "hip": hip,
        "waist": waist,
        "chest": chest,
        "neck": neck,
        "head": limb(neck, (NECK, head))[0],
        "elbow": elbow,
        "wrist": wrist,
        "hand": hand,
        "knee": knee,
        "ankle": ankle,
        "toe": limb(ankle, (FOOT, toe))[0],
    }
    if arm2 is not None:
        e2, w2, h2 = limb(neck, (UPPER_ARM, arm2[0]), (FOREARM, arm2[1]), (HAND, arm2[2]))
        joints |= {"elbow2": e2, "wrist2": w2, "hand2": h2}
    if leg2 is not None:
        knee2, ankle2, toe2 = leg2
        joints |= {"knee2": knee2, "ankle2": ankle2, "toe2": limb(ankle2, (FOOT, toe2))[0]}
    return joints


# -- the seven exercises ----------------------------------------------------------------------

# Cat-Cow: on all fours, hands under shoulders and knees under hips; only the spine moves.
_FOURS_HIP = (10.0, ON_FLOOR + THIGH)
_FOURS_NECK = (18.4, ON_FLOOR + UPPER_ARM + FOREARM)
_FOURS_KNEE = (10.0, ON_FLOOR)
_FOURS_ANKLE = (10.0 - SHIN, ON_FLOOR)


def _fours(bend: float, head: float) -> Pose:
    return pose(
        hip=_FOURS_HIP,
        neck=_FOURS_NECK,
        bend=bend,
        head=head,
        arm=(-90, -90, 0),
        knee=_FOURS_KNEE,
        ankle=_FOURS_ANKLE,
        toe=180,
    )


CAT = _fours(2.0, -40)  # back rounded up, head hanging
TABLE = _fours(0.0, 15)
COW = _fours(-1.6, 45)  # belly down, gaze ahead and up

# Knee-to-Chest: on the back, one knee drawn to the chest and held with both hands.
_BACK_HIP = (12.0, LYING)
_BACK_NECK = (20.6, LYING)
_LONG_KNEE = (_BACK_HIP[0] - THIGH, ON_FLOOR)
_LONG_ANKLE = (_BACK_HIP[0] - THIGH - SHIN, ON_FLOOR)
KNEE_TO_CHEST_START = pose(
    hip=_BACK_HIP,
    neck=_BACK_NECK,
    head=8,
    arm=(185, 180, 180),
    knee=_LONG_KNEE,
    ankle=_LONG_ANKLE,
    toe=85,
    leg2=(_LONG_KNEE, _LONG_ANKLE, 85),
)
_HUG_KNEE = limb(_BACK_HIP, (THIGH, 55))[0]
_HUG_ANKLE = limb(_HUG_KNEE, (SHIN, 196))[0]
KNEE_TO_CHEST_END = pose(
    hip=_BACK_HIP,
    neck=_BACK_NECK,
    head=8,
    arm=(158.5, 120.5, 120),
    knee=_HUG_KNEE,
    ankle=_HUG_ANKLE,
    toe=200,
    leg2=(_LONG_KNEE, _LONG_ANKLE, 85),
)

# Child's Pose: from all fours, hips back onto the heels, forehead down, arms long in front.
_KNEEL_KNEE = (14.0, ON_FLOOR)
_KNEEL_ANKLE = (_KNEEL_KNEE[0] - SHIN, ON_FLOOR)
_HEELS_HIP = limb(_KNEEL_KNEE, (THIGH, 161))[0]
CHILDS_START = pose(
    hip=(14.0, ON_FLOOR + THIGH),
    neck=(22.4, ON_FLOOR + UPPER_ARM + FOREARM),
    head=15,
    arm=(-90, -90, 0),
    knee=_KNEEL_KNEE,
    ankle=_KNEEL_ANKLE,
    toe=180,
)
CHILDS_END = pose(
    hip=_HEELS_HIP,
    neck=(17.4, 2.6),
    bend=1.3,
    head=-16,
    arm=(-15.75, -15.75, 0),
    knee=_KNEEL_KNEE,
    ankle=_KNEEL_ANKLE,
    toe=180,
)

# Superman: face down, arms past the head; arms, chest and legs float up together.
_FRONT_HIP = (13.0, LYING)
SUPERMAN_START = pose(
    hip=_FRONT_HIP,
    neck=(21.6, LYING + 0.1),
    head=12,
    arm=(2, 0, 0),
    knee=(_FRONT_HIP[0] - THIGH, ON_FLOOR),
    ankle=(_FRONT_HIP[0] - THIGH - SHIN, ON_FLOOR),
    toe=180,
)
_LIFTED_KNEE = limb(_FRONT_HIP, (THIGH, 170))[0]
_LIFTED_ANKLE = limb(_LIFTED_KNEE, (SHIN, 168))[0]
SUPERMAN_END = pose(
    hip=_FRONT_HIP,
    neck=limb(_FRONT_HIP, (8.6, 10))[0],
    bend=-0.3,
    head=18,
    arm=(14, 12, 10),
    knee=_LIFTED_KNEE,
    ankle=_LIFTED_ANKLE,
    toe=166,
)

# Bridge: on the back, knees bent, feet flat; the hips rise until shoulders, hips and knees line
# up.
_BRIDGE_ANKLE = (5.0, ON_FLOOR)
_BRIDGE_NECK = (20.0, LYING)
_BRIDGE_KNEE_DOWN = limb(_BRIDGE_ANKLE, (SHIN, 62))[0]
_BRIDGE_HIP_DOWN = (
    round(_BRIDGE_KNEE_DOWN[0] + math.sqrt(THIGH**2 - (_BRIDGE_KNEE_DOWN[1] - LYING) ** 2), 3),
    LYING,
)
BRIDGE_START = pose(
    hip=_BRIDGE_HIP_DOWN,
    neck=_BRIDGE_NECK,
    head=8,
    arm=(185, 180, 180),
    knee=_BRIDGE_KNEE_DOWN,
    ankle=_BRIDGE_ANKLE,
    toe=180,
)
_BRIDGE_KNEE_UP = limb(_BRIDGE_ANKLE, (SHIN, 80))[0]
_BRIDGE_HIP_UP = toward(_BRIDGE_KNEE_UP, _BRIDGE_NECK, THIGH)
BRIDGE_END = pose(
    hip=_BRIDGE_HIP_UP,
    neck=_BRIDGE_NECK,
    head=8,
    arm=(185, 180, 180),
    knee=_BRIDGE_KNEE_UP,
    ankle=_BRIDGE_ANKLE,
    toe=180,
)

# Kneeling hip flexor stretch: one knee down, the other foot flat in front, both knees at about
# a right angle; the hips ease forward.
_BACK_KNEE = (8.0, ON_FLOOR)
_BACK_ANKLE = (_BACK_KNEE[0] - SHIN, ON_FLOOR)
_FRONT_ANKLE = (14.35, ON_FLOOR)


def _lunge(lean: float, arch: float) -> Pose:
    hip = limb(_BACK_KNEE, (THIGH, 90 - lean))[0]
    knee = knee_between(hip, _FRONT_ANKLE)
    neck = limb(hip, (8.6, 90 + arch))[0]
    return pose(
        hip=hip,
        neck=neck,
        bend=0.4 if arch else 0.0,  # the lower back arches: the waist eases forward
        head=80 if arch else 70,
        arm=(-75, -20 - lean, -10),
        knee=knee,
        ankle=_FRONT_ANKLE,
        toe=0,
        leg2=(_BACK_KNEE, _BACK_ANKLE, 180),
    )


HIP_FLEXOR_START = _lunge(0, 0)
HIP_FLEXOR_END = _lunge(14, 6)

# Sphinx: face down, elbows under the shoulders, forearms on the floor, chest up, hips down.
_SPHINX_HIP = (12.0, LYING)
_SPHINX_NECK_UP = (20.0, ON_FLOOR + UPPER_ARM)
SPHINX_START = pose(
    hip=_SPHINX_HIP,
    neck=(20.6, LYING + 0.3),
    head=10,
    arm=(-11, 0, 0),
    knee=(_SPHINX_HIP[0] - THIGH, ON_FLOOR),
    ankle=limb((_SPHINX_HIP[0] - THIGH, ON_FLOOR), (SHIN, 162.4))[0],  # toes tucked under
    toe=250,
)
SPHINX_END = pose(
    hip=_SPHINX_HIP,
    neck=_SPHINX_NECK_UP,
    bend=-0.6,
    head=62,
    arm=(-90, 0, 0),
    knee=(_SPHINX_HIP[0] - THIGH, ON_FLOOR),
    ankle=limb((_SPHINX_HIP[0] - THIGH, ON_FLOOR), (SHIN, 162.4))[0],
    toe=250,
)

# -- the five mobility tests ------------------------------------------------------------------

# Standing toe touch: stand tall, then fold forward with straight knees, arms hanging.
_STAND_ANKLE = (10.0, ON_FLOOR)
_STAND_KNEE = (10.0, ON_FLOOR + SHIN)
TOE_TOUCH_START = pose(
    hip=(10.0, ON_FLOOR + SHIN + THIGH),
    neck=(10.0, ON_FLOOR + SHIN + THIGH + 8.6),
    head=88,
    arm=(-92, -90, -90),
    knee=_STAND_KNEE,
    ankle=_STAND_ANKLE,
    toe=0,
)
_FOLD_HIP = limb(_STAND_ANKLE, (SHIN + THIGH, 96))[0]
_FOLD_NECK = limb(_FOLD_HIP, (8.2, -32))[0]
TOE_TOUCH_END = pose(
    hip=_FOLD_HIP,
    neck=_FOLD_NECK,
    bend=1.8,
    head=-75,
    arm=(-120, -125, -125),
    knee=toward(_STAND_ANKLE, _FOLD_HIP, SHIN),
    ankle=_STAND_ANKLE,
    toe=0,
)

# Thomas test: on the back at the end of a table, both knees hugged; then one leg lowers and
# hangs over the edge while the other stays hugged.
_TABLE_TOP = 9.0
_TABLE = (((7.0, _TABLE_TOP), (30.0, _TABLE_TOP)), ((8.0, _TABLE_TOP), (8.0, 0.0)),
          ((29.0, _TABLE_TOP), (29.0, 0.0)))  # fmt: skip
_THOMAS_HIP = (8.6, _TABLE_TOP + LYING)
_THOMAS_NECK = (17.2, _TABLE_TOP + LYING)
_THOMAS_HUG_KNEE = limb(_THOMAS_HIP, (THIGH, 55))[0]
_THOMAS_HUG_ANKLE = limb(_THOMAS_HUG_KNEE, (SHIN, 196))[0]
_HANG_KNEE = limb(_THOMAS_HIP, (THIGH, 200))[0]
_HANG_ANKLE = limb(_HANG_KNEE, (SHIN, 265))[0]
THOMAS_START = pose(
    hip=_THOMAS_HIP,
    neck=_THOMAS_NECK,
    head=8,
    arm=(158.5, 120.5, 120),
    knee=_THOMAS_HUG_KNEE,
    ankle=_THOMAS_HUG_ANKLE,
    toe=200,
    leg2=(_THOMAS_HUG_KNEE, _THOMAS_HUG_ANKLE, 200),
)
THOMAS_END = pose(
    hip=_THOMAS_HIP,
    neck=_THOMAS_NECK,
    head=8,
    arm=(158.5, 120.5, 120),
    knee=_HANG_KNEE,
    ankle=_HANG_ANKLE,
    toe=300,
    leg2=(_THOMAS_HUG_KNEE, _THOMAS_HUG_ANKLE, 200),
)

# Prone press-up: face down, hands under the shoulders; the arms straighten, the hips stay down.
_PRESS_HIP = (11.0, LYING)
_PRESS_WRIST_X = 18.1  # the hands stay where they are put, by the shoulders
PRESS_UP_START = pose(
    hip=_PRESS_HIP,
    neck=(_PRESS_WRIST_X + 1.4, LYING + 0.4),
    head=12,
    arm=(139.9, -66.5, 0),  # elbows up and back, the wrists on the floor
    knee=(_PRESS_HIP[0] - THIGH, ON_FLOOR),
    ankle=(_PRESS_HIP[0] - THIGH - SHIN, ON_FLOOR),
    toe=180,
)
PRESS_UP_END = pose(
    hip=_PRESS_HIP,
    neck=limb(_PRESS_HIP, (8.6, 48.6))[0],  # the trunk's length kept, the arms straight
    bend=-0.9,
    head=70,
    arm=(-80.8, -75.8, 0),
    knee=(_PRESS_HIP[0] - THIGH, ON_FLOOR),
    ankle=(_PRESS_HIP[0] - THIGH - SHIN, ON_FLOOR),
    toe=180,
)


FIGURES: dict[str, Figure] = {
    f.name: f
    for f in (
        Figure(
            "cat-cow",
            "Cat-Cow",
            (CAT, TABLE, COW),
            ready=0.5,
            labels=("cat, breathing out", "cow, breathing in"),
        ),
        Figure("knee-to-chest", "Knee-to-Chest", (KNEE_TO_CHEST_START, KNEE_TO_CHEST_END)),
        Figure("childs-pose", "Child's Pose", (CHILDS_START, CHILDS_END), ready=1.0),
        Figure("superman", "Superman", (SUPERMAN_START, SUPERMAN_END)),
        Figure("bridge", "Bridge", (BRIDGE_START, BRIDGE_END)),
        Figure(
            "kneeling-hip-flexor",
            "Kneeling hip flexor stretch",
            (HIP_FLEXOR_START, HIP_FLEXOR_END),
        ),
        Figure("sphinx", "Sphinx", (SPHINX_START, SPHINX_END), ready=1.0),
        Figure("toe-touch", "Standing toe touch", (TOE_TOUCH_START, TOE_TOUCH_END)),
        Figure("thomas-test", "Thomas test", (THOMAS_START, THOMAS_END), props=_TABLE),
        Figure("press-up", "Prone press-up", (PRESS_UP_START, PRESS_UP_END)),
        Figure("superman-hold", "Superman hold", (SUPERMAN_START, SUPERMAN_END), ready=1.0),
        Figure("bridge-hold", "Bridge hold", (BRIDGE_START, BRIDGE_END), ready=1.0),
    )
}
