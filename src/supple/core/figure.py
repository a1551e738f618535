"""Figures: a body seen from the side or from the front as joints and keyframes, posed at any
fraction, mirrored or turning, and drawn as half-block pixels (two square pixels a terminal cell,
any size).

A figure is data: a few named joints per keyframe (x to the right, y up, the floor at y = 0), and
the bones between them (built from the data files by ``supple.core.figure_data``). Nothing here
knows about a session; ``supple.core.motion`` says which fraction of which figure a moment of a
session shows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from supple.core.value import field, value_class

Point = tuple[float, float]
Pose = Mapping[str, Point]

# The joints every pose has; the far arm and leg are optional (drawn only where a pose has them).
JOINTS = (
    "head", "neck", "chest", "waist", "hip",
    "elbow", "wrist", "hand", "knee", "ankle", "toe",
)  # fmt: skip
FAR_JOINTS = ("elbow2", "wrist2", "hand2", "knee2", "ankle2", "toe2")

# Sizes in figure units (a thigh is about 5.8): thickness of limbs, the trunk and the head.
HEAD_RADIUS = 1.9
NECK_WIDTH = 0.6  # thinner than the head and the trunk, so a head reads as a head
LIMB = 1.0
TRUNK = 1.8
MARGIN = 0.6  # room kept around the outermost joint, so thick lines are never cut

EMPTY, GROUND, BODY, FAR = 0, 1, 2, 3  # what a pixel shows

# Bones: (from, to, thickness). The far limbs first, so the near ones are drawn over them.
FAR_BONES = (
    ("hip", "knee2", LIMB), ("knee2", "ankle2", LIMB), ("ankle2", "toe2", LIMB),
    ("neck", "elbow2", LIMB), ("elbow2", "wrist2", LIMB), ("wrist2", "hand2", LIMB),
)  # fmt: skip
BONES = (
    ("hip", "knee", LIMB), ("knee", "ankle", LIMB), ("ankle", "toe", LIMB),
    ("neck", "head", NECK_WIDTH),
    ("neck", "elbow", LIMB), ("elbow", "wrist", LIMB), ("wrist", "hand", LIMB),
)  # fmt: skip
SPINE = ("hip", "waist", "chest", "neck")  # drawn as one smooth curve

# The front view: both arms and legs, the shoulders and the hips as widths; the side a per-side
# exercise works is the one without a suffix, the other is "…2". The nose shows where the head
# looks (a small dim mark on the face).
FRONT_JOINTS = (
    "head", "neck", "chest", "waist", "hip", "nose",
    "shoulder", "elbow", "wrist", "hand", "pelvis", "knee", "ankle", "toe",
    "shoulder2", "elbow2", "wrist2", "hand2", "pelvis2", "knee2", "ankle2", "toe2",
)  # fmt: skip
_FRONT_SIDE = (
    ("hip", "pelvis", TRUNK), ("pelvis", "knee", LIMB), ("knee", "ankle", LIMB),
    ("ankle", "toe", LIMB), ("neck", "shoulder", LIMB), ("shoulder", "elbow", LIMB),
    ("elbow", "wrist", LIMB), ("wrist", "hand", LIMB),
)  # fmt: skip
FRONT_BONES = (
    *((a if a in SPINE else a + "2", b + "2", t) for a, b, t in _FRONT_SIDE),
    *_FRONT_SIDE,
    ("neck", "head", NECK_WIDTH),
)
NOSE_RADIUS = 0.5
PROFILE_RADIUS = 0.9  # a turned head's nose past its edge: the profile, drawn a little larger
VIEWS = ("side", "front", "top")  # top: seen from above, the floor is the page (no floor line)


@value_class(frozen=True, slots=True)
class Figure:
    """A named figure: keyframes evenly spread over 0..1 (the first is the start position, the
    last the end), the fraction shown while getting ready, and fixed props (a table, a step)."""

    name: str
    title: str
    keyframes: tuple[Pose, ...]
    ready: float = 0.0  # the fraction shown before the work starts (get-ready, rest before it)
    props: tuple[tuple[Point, Point], ...] = ()
    labels: tuple[str, str] = ("start", "end")  # what the first and last keyframes are called
    view: str = "side"  # "side" (facing right) or "front"
    held: tuple[str, str] | None = None  # two joints a band or a stick spans, drawn as a prop
    held_across: float = 0.0  # where those joints meet (side view): its length across the hand
    bases: tuple[str, ...] = ()  # each keyframe's base posture (the checks' rules follow it)
    surface: float = 0.0  # the height of what the body rests on (0: the floor; a table)
    # Each keyframe's declared foreshortening: a bone's far joint -> its angle towards the viewer
    # (degrees, negative away); the bone is drawn cos θ long and the checks count it so.
    toward: tuple[Mapping[str, float], ...] = ()
    box: tuple[float, float, float, float] = field(init=False)  # x0, y0, x1, y1

    def __post_init__(self) -> None:
        if len(self.keyframes) < 2:
            raise ValueError(f"figure {self.name}: at least two keyframes")
        if self.view not in VIEWS:
            raise ValueError(f"figure {self.name}: view {self.view!r}, not one of {VIEWS}")
        for pose in self.keyframes:
            missing = [
                j for j in (FRONT_JOINTS if self.view == "front" else JOINTS) if j not in pose
            ]
            if missing:
                raise ValueError(f"figure {self.name}: a pose without {', '.join(missing)}")
        xs = [x for pose in self.keyframes for x, _ in pose.values()]
        ys = [y for pose in self.keyframes for _, y in pose.values()]
        for a, b in self.props:
            xs += [a[0], b[0]]
            ys += [a[1], b[1]]
        reach = HEAD_RADIUS + MARGIN
        object.__setattr__(
            self, "box", (min(xs) - reach, 0.0, max(xs) + reach, max(max(ys) + reach, 1.0))
        )

    @property
    def start(self) -> Pose:
        return self.keyframes[0]

    @property
    def end(self) -> Pose:
        return self.keyframes[-1]

    def pose(self, fraction: float, *, mirrored: bool = False, turn: float = 1.0) -> Pose:
        """The pose at ``fraction`` (0 start .. 1 end), linearly between the keyframes around it.

        ``mirrored`` faces the other way (the other side of the body); ``turn`` squeezes the
        figure about the middle of its box: 1 as drawn, 0 edge on, -1 turned round (a switch of
        sides plays it from -1 to 1).
        """
        fraction = min(1.0, max(0.0, fraction))
        spans = len(self.keyframes) - 1
        index = min(int(fraction * spans), spans - 1)
        local = fraction * spans - index
        a, b = self.keyframes[index], self.keyframes[index + 1]
        scale = (-1.0 if mirrored else 1.0) * max(-1.0, min(1.0, turn))
        middle = (self.box[0] + self.box[2]) / 2
        posed: dict[str, Point] = {}
        for joint in dict.fromkeys([*a, *b]):  # a joint in either keyframe (a far limb)
            ax, ay = a.get(joint) or b[joint]
            bx, by = b.get(joint, (ax, ay))
            x = ax + (bx - ax) * local
            posed[joint] = (middle + (x - middle) * scale, ay + (by - ay) * local)
        return posed


def angle(a: Point, vertex: Point, b: Point, *, degenerate: float = 0.0) -> float:
    """The angle at ``vertex`` between the bones to ``a`` and ``b``, in degrees (0..180);
    ``degenerate`` where a bone has no length."""
    ax, ay = a[0] - vertex[0], a[1] - vertex[1]
    bx, by = b[0] - vertex[0], b[1] - vertex[1]
    norm = math.hypot(ax, ay) * math.hypot(bx, by)
    if norm == 0:
        return degenerate
    return math.degrees(math.acos(max(-1.0, min(1.0, (ax * bx + ay * by) / norm))))


def spine_points(pose: Pose, steps: int = 6) -> list[Point]:
    """The spine as a smooth curve through hip, waist, chest and neck (Catmull-Rom)."""
    points = [pose[j] for j in SPINE]
    padded = [points[0], *points, points[-1]]
    curve: list[Point] = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for s in range(steps):
            t = s / steps
            curve.append(
                (_catmull(p0[0], p1[0], p2[0], p3[0], t), _catmull(p0[1], p1[1], p2[1], p3[1], t))
            )
    curve.append(points[-1])
    return curve


def _catmull(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    """One coordinate of a Catmull-Rom curve between p1 (t = 0) and p2 (t = 1)."""
    return 0.5 * (
        2 * p1
        + (p2 - p0) * t
        + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
        + (3 * p1 - p0 - 3 * p2 + p3) * t * t * t
    )


# -- drawing ------------------------------------------------------------------------------------

Raster = tuple[tuple[int, ...], ...]  # rows of pixels, top row first; two pixel rows a cell


@value_class(frozen=True, slots=True)
class Fit:
    """How a figure's box maps onto ``width`` × ``height`` pixels: a scale and an offset, the
    floor on the bottom pixel row, the box centred across."""

    scale: float
    left: float
    width: int
    height: int

    def pixel(self, point: Point, box: tuple[float, float, float, float]) -> tuple[float, float]:
        x, y = point
        return (self.left + (x - box[0]) * self.scale, self.height - 0.5 - y * self.scale)


def fit(figure: Figure, width: int, height: int) -> Fit:
    x0, y0, x1, y1 = figure.box
    scale = min(width / (x1 - x0), height / (y1 - y0))
    return Fit(scale, (width - (x1 - x0) * scale) / 2, width, height)


def draw(figure: Figure, pose: Pose, width: int, height: int, *, floor: bool = True) -> Raster:
    """``pose`` of ``figure`` as ``width`` × ``height`` pixels, never a pixel outside them."""
    if width <= 0 or height <= 0:
        return ()
    grid = [[EMPTY] * width for _ in range(height)]
    where = fit(figure, width, height)
    box = figure.box
    s = where.scale

    def line(a: Point, b: Point, thickness: float, value: int) -> None:
        ax, ay = where.pixel(a, box)
        bx, by = where.pixel(b, box)
        _stroke(grid, ax, ay, bx, by, max(0.5, thickness * s / 2), value)

    if floor and figure.view != "top":
        grid[height - 1] = [GROUND] * width
    for a, b in figure.props:
        line(a, b, LIMB, GROUND)
    front = figure.view == "front"
    for start, end, thickness in () if front else FAR_BONES:
        if start in pose and end in pose:
            line(pose[start], pose[end], thickness, FAR)
    curve = spine_points(pose)
    for a, b in zip(curve, curve[1:], strict=False):
        line(a, b, TRUNK, BODY)
    for start, end, thickness in FRONT_BONES if front else BONES:
        line(pose[start], pose[end], thickness, BODY)
    if figure.held is not None:  # a band or a stick between the hands, over the body
        a = pose[figure.held[0]]
        b = pose.get(figure.held[1], a)  # the far hand hidden behind the near one: end on
        if math.dist(a, b) < figure.held_across / 2:  # seen end on: across the hand
            a, b = _across(pose, figure.held[0], figure.held_across)
        line(a, b, LIMB / 2, FAR)
    hx, hy = where.pixel(pose["head"], box)
    head_radius = max(1.0, HEAD_RADIUS * s)
    _disc(grid, hx, hy, head_radius, BODY)
    if "nose" in pose:  # dim on the face; past its edge (a head turned) it is the head's outline
        nx, ny = where.pixel(pose["nose"], box)
        _disc(grid, nx, ny, max(0.5, NOSE_RADIUS * s), FAR)
        _disc(grid, nx, ny, max(1.0, PROFILE_RADIUS * s), BODY, outside=(hx, hy, head_radius))
    return tuple(tuple(row) for row in grid)


def _stroke(
    grid: list[list[int]], ax: float, ay: float, bx: float, by: float, radius: float, value: int
) -> None:
    """A thick line: discs stamped every half pixel along it."""
    steps = max(1, math.ceil(math.hypot(bx - ax, by - ay) * 2))
    offsets = _disc_offsets(round(radius * 4) / 4)
    height, width = len(grid), len(grid[0])
    seen: set[tuple[int, int]] = set()
    for i in range(steps + 1):
        cx = int(ax + (bx - ax) * i / steps)
        cy = int(ay + (by - ay) * i / steps)
        if (cx, cy) in seen:
            continue
        seen.add((cx, cy))
        for dx, dy in offsets:
            x, y = cx + dx, cy + dy
            if 0 <= x < width and 0 <= y < height:
                grid[y][x] = value


def _across(pose: Pose, hand: str, length: float) -> tuple[Point, Point]:
    """A band or a stick seen end on: a line ``length`` long through ``hand``, square to the
    forearm (as if seen a little from above), so it shows in the hand."""
    (wx, wy), (hx, hy) = pose["wrist" + hand.removeprefix("hand")], pose[hand]
    along = math.hypot(hx - wx, hy - wy) or 1.0
    ux, uy = -(hy - wy) / along * length / 2, (hx - wx) / along * length / 2
    return (hx - ux, hy - uy), (hx + ux, hy + uy)


def _disc(
    grid: list[list[int]],
    cx: float,
    cy: float,
    radius: float,
    value: int,
    *,
    outside: tuple[float, float, float] | None = None,
) -> None:
    """A filled disc; with ``outside`` (x, y, r) only its pixels beyond that disc."""
    height, width = len(grid), len(grid[0])
    for y in range(max(0, int(cy - radius)), min(height, int(cy + radius) + 1)):
        for x in range(max(0, int(cx - radius)), min(width, int(cx + radius) + 1)):
            if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius * radius:
                continue
            if outside and (x + 0.5 - outside[0]) ** 2 + (y + 0.5 - outside[1]) ** 2 <= (
                outside[2] ** 2
            ):
                continue
            grid[y][x] = value


@lru_cache(maxsize=64)
def _disc_offsets(radius: float) -> tuple[tuple[int, int], ...]:
    """The pixels of a disc of ``radius`` around the pixel (0, 0) (at least that pixel)."""
    reach = math.ceil(radius)
    offsets = [
        (dx, dy)
        for dy in range(-reach, reach + 1)
        for dx in range(-reach, reach + 1)
        if dx * dx + dy * dy <= radius * radius
    ]
    return tuple(offsets) or ((0, 0),)


Cell = tuple[str, int, int]  # a character, the pixel value shown in its colour, and behind it


def _cell(top: int, bottom: int) -> Cell:
    if top == bottom:
        return (" ", EMPTY, EMPTY) if top == EMPTY else ("█", top, EMPTY)
    if bottom == EMPTY:
        return ("▀", top, EMPTY)
    if top == EMPTY:
        return ("▄", bottom, EMPTY)
    return ("▀", top, bottom)


# Every cell there can be, made once: the rows of a cached pose share them (a 200 × 60 figure
# holds some 7,000 cells; as fresh tuples a Cat-Cow set cost 70 MB, as shared ones 1 MB).
_CELLS = {
    (t, b): _cell(t, b) for t in (EMPTY, GROUND, BODY, FAR) for b in (EMPTY, GROUND, BODY, FAR)
}


def cells(raster: Raster) -> tuple[tuple[Cell, ...], ...]:
    """Two pixel rows to one row of half-block cells: ▀ top, ▄ bottom, █ both, space none."""
    rows: list[tuple[Cell, ...]] = []
    for y in range(0, len(raster), 2):
        top = raster[y]
        bottom = raster[y + 1] if y + 1 < len(raster) else (EMPTY,) * len(top)
        rows.append(tuple(_CELLS[pair] for pair in zip(top, bottom, strict=True)))
    return tuple(rows)


def text_lines(raster: Raster) -> list[str]:
    """The raster as plain half-block text (no colour), for a terminal or a file."""
    return ["".join(c for c, _, _ in row).rstrip() for row in cells(raster)]


DIM, RESET = "\x1b[2m", "\x1b[0m"


def figure_lines(
    figure: Figure, fraction: float, columns: int, rows: int, *, colour: bool = False
) -> list[str]:
    """A figure at ``fraction`` as ``rows`` lines of exactly ``columns`` cells; with ``colour``
    the ground and the far limbs are dim (ANSI), so the near ones stand out."""
    raster = draw(figure, figure.pose(fraction), columns, rows * 2)
    lines = []
    for row in cells(raster):
        if not colour:
            lines.append("".join(c for c, _, _ in row))
            continue
        out, dim = [], False
        for char, fg, bg in row:
            want = fg in (GROUND, FAR) and bg in (EMPTY, GROUND, FAR)
            if want != dim:
                out.append(DIM if want else RESET)
                dim = want
            out.append(char)
        lines.append("".join(out) + (RESET if dim else ""))
    return lines
