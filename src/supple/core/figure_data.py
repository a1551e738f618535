"""Figures as data: ``routines/figures/<area>.toml`` read into ``Figure``s (the format, with a
worked example, is in docs/figures.md).

A pose is a named base posture (standing, supine, all-fours …) with only what differs written:
joint angles in degrees (0° points right, 90° up), so the bones keep their lengths by
construction. The files are parsed only when a figure is first drawn, then kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from supple.core.figure import Figure, Point, Pose
from supple.core.figure_names import figures_dir
from supple.core.tomlcheck import FileProblems, read_toml

THIGH, SHIN, FOOT = 5.8, 5.6, 1.8
UPPER_ARM, FOREARM, HAND = 3.6, 3.4, 1.0
NECK = 2.9  # neck joint to the centre of the head
TRUNK_LENGTH = 8.6  # hip to neck, straight
ON_FLOOR = 0.7  # a joint resting on the floor: half a limb's thickness above it
LYING = 1.1  # the spine of a body lying on the floor
SHOULDER_HALF, PELVIS_HALF = 2.0, 1.1  # the front view's half widths
FRONT_FOOT = 0.9  # a foot seen from the front points at you: short
# How far across the face the nose moves as the head turns (``look``): past the head's edge at a
# full turn, so a head looking over its shoulder shows the nose in profile, at any size.
NOSE_ACROSS = 2.6
# A wrist figure may draw its hands longer, up to a true hand's three quarters of the forearm,
# so the wrist's angle reads at a glance (``hands = 2.2``; 1 by default).
HANDS_MAX = 2.5

Spec = dict[str, Any]

# Each base posture: its anchor (the joint that stays where ``at`` puts it) and the angles of a
# body in that posture. A pose changes only what differs.
SIDE_BASES: dict[str, Spec] = {
    "standing": {"anchor": "ankle", "at": [10.0, ON_FLOOR], "leg": [-90, -90, 0], "trunk": 90,
                 "head": 88, "arm": [-92, -90, -90]},
    "supine": {"anchor": "hip", "at": [12.0, LYING], "leg": [184, 180, 85], "trunk": 0,
               "head": 8, "arm": [185, 180, 180]},
    "prone": {"anchor": "hip", "at": [13.0, LYING], "leg": [184, 180, 180], "trunk": 0,
              "head": 12, "arm": [2, 0, 0]},
    "all-fours": {"anchor": "knee", "at": [10.0, ON_FLOOR], "leg": [-90, 180, 180],
                  "trunk": 8.02, "head": 15, "arm": [-90, -90, 0]},
    "kneeling": {"anchor": "knee", "at": [10.0, ON_FLOOR], "leg": [-90, 180, 180], "trunk": 90,
                 "head": 88, "arm": [-92, -90, -90]},
    "half-kneeling": {"anchor": "knee2", "at": [8.0, ON_FLOOR], "leg": [0, -88, 0],
                      "leg2": [-90, 180, 180], "trunk": 90, "head": 80, "arm": [-75, -20, -10]},
    "seated-floor": {"anchor": "hip", "at": [8.0, LYING], "leg": [-4, 0, 85], "trunk": 90,
                     "head": 88, "arm": [-80, -85, -85]},
    "seated-chair": {"anchor": "ankle", "at": [14.0, ON_FLOOR], "leg": [0, -90, 0], "trunk": 90,
                     "head": 88, "arm": [-70, -5, -5]},
    "lunge": {"anchor": "ankle", "at": [14.0, ON_FLOOR], "leg": [-40, -100, 0],
              "leg2": [-130, -150, 220], "trunk": 80, "head": 80, "arm": [-80, -85, -85]},
}  # fmt: skip
FRONT_BASES: dict[str, Spec] = {
    "standing": {"anchor": "ankle", "at": [11.1, ON_FLOOR], "leg": [-90, -90, 0], "trunk": 90,
                 "head": 90, "arm": [-80, -90, -90]},
    "kneeling": {"anchor": "knee", "at": [11.1, ON_FLOOR], "leg": [-90, -90, 0], "trunk": 90,
                 "head": 90, "arm": [-80, -90, -90], "thigh": 1.0, "shin": 0.0},
    "seated-chair": {"anchor": "ankle", "at": [11.1, ON_FLOOR], "leg": [-90, -90, 0],
                     "trunk": 90, "head": 90, "arm": [-80, -90, -90], "thigh": 0.25},
    "seated-floor": {"anchor": "hip", "at": [10.0, LYING], "leg": [-20, -90, 0], "trunk": 90,
                     "head": 90, "arm": [-80, -90, -90], "thigh": 0.3, "shin": 0.2},
}  # fmt: skip
# Seen from above (the page is the floor): a body lying on its side, head to the right, its front
# facing down the page; the near limbs are the upper ones, the far limbs rest underneath.
TOP_BASES: dict[str, Spec] = {
    "side-lying": {"anchor": "hip", "at": [8.0, 9.0], "leg": [-90, 180, -90],
                   "leg2": [-90, 180, -90], "trunk": 0, "head": 0, "arm": [-90, -90, -90],
                   "arm2": [-90, -90, -90]},
}  # fmt: skip
BASES = {"side": SIDE_BASES, "front": FRONT_BASES, "top": TOP_BASES}
POSE_KEYS = {
    "base", "anchor", "at", "trunk", "neck", "bend", "head", "look", "twist", "arm", "arm2",
    "leg", "leg2", "knee", "ankle", "knee2", "ankle2", "thigh", "shin", "reach", "toward",
}  # fmt: skip
FIGURE_KEYS = {
    "id", "title", "view", "base", "ready", "labels", "surface", "prop", "held", "hands",
    "start", "middle", "end",
}  # fmt: skip
ANCHORS = ("hip", "knee", "ankle", "knee2", "ankle2")
HELD = {"band": ("hand", "hand2"), "stick": ("hand", "hand2")}
# Seen from the side a band or a stick crosses the page: it is drawn across the hand, this long
# (a stick reaches past the hands, a band ends in them).
HELD_ACROSS = {"band": 2.4, "stick": 4.4}


@cache
def figure_tables(folder: Path | None = None) -> dict[str, tuple[Mapping[str, Any], str]]:
    """Every figure's table by id, with its file's name (parsed once; a figure is built from its
    table when it is first drawn: home draws one of 80)."""
    tables: dict[str, tuple[Mapping[str, Any], str]] = {}
    for path in sorted((folder or figures_dir()).glob("*.toml")):
        try:  # through the cache of parsed files, where one is on (the app, the commands)
            data = read_toml(path)[1]
        except FileProblems as error:
            raise ValueError(str(error)) from None
        for table in data.get("figure", []):
            name = str(table.get("id", "?"))
            if name in tables:
                raise ValueError(f"{path.name}: figure {name} is declared twice")
            tables[name] = (table, path.name)
    return tables


@cache
def figure_named(name: str, folder: Path | None = None) -> Figure:
    """One figure, built from its table (KeyError: no such figure; ValueError naming the file
    and the figure: a table that is no figure)."""
    table, where = figure_tables(folder)[name]
    return build_figure(table, where=where)


@cache
def load_figures(folder: Path | None = None) -> dict[str, Figure]:
    """Every figure of every file, by id, built (an error names the file and figure)."""
    return {name: figure_named(name, folder) for name in figure_tables(folder)}


class LazyFigures(Mapping[str, Figure]):
    """The built-in figures by name, read from their files on first use, each built when it is
    first asked for."""

    def __getitem__(self, name: str) -> Figure:
        return figure_named(name)

    def __iter__(self) -> Iterator[str]:
        return iter(figure_tables())

    def __len__(self) -> int:
        return len(figure_tables())


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def build_figure(table: Mapping[str, Any], where: str) -> Figure:
    name = str(table.get("id", "?"))
    where = f"{where}: figure {name}"
    unknown = set(table) - FIGURE_KEYS
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    view = table.get("view", "side")
    if view not in BASES:
        raise _fail(where, f"view {view!r} is not one of {sorted(BASES)}")
    if "start" not in table or "end" not in table:
        raise _fail(where, "a figure has a start and an end")
    raw = [table["start"], *table.get("middle", []), table["end"]]
    start = resolve(raw[0], {"base": table.get("base")}, view, where)
    specs = [start, *(resolve(r, start, view, where) for r in raw[1:])]
    surface = float(table.get("surface", 0.0))
    held = table.get("held")
    if held is not None and held not in HELD:
        raise _fail(where, f"held {held!r} is not one of {sorted(HELD)}")
    labels = table.get("labels", ["start", "end"])
    hands = float(table.get("hands", 1.0))
    if not 1.0 <= hands <= HANDS_MAX:
        raise _fail(where, f"hands {hands} is not between 1 and {HANDS_MAX}")
    return Figure(
        name,
        str(table["title"]),
        tuple(longer_hands(build_pose(spec, view), hands) for spec in specs),
        ready=float(table.get("ready", 0.0)),
        props=tuple(p for prop in table.get("prop", []) for p in props_of(prop, view, where)),
        labels=(str(labels[0]), str(labels[1])),
        view=view,
        held=HELD[held] if held else None,
        held_across=HELD_ACROSS[held] if held else 0.0,
        bases=tuple(spec["base"] for spec in specs),
        surface=surface,
        toward=tuple(toward_of(spec, view, where) for spec in specs),
    )


# -- declared foreshortening -------------------------------------------------------------------
# ``toward = { leg = [40, 40] }``: a limb's upper and lower bone turned that many degrees towards
# the viewer (negative: away), drawn cos θ long; the checks measure them so. Side and top views.
TOWARD_LIMBS = {"leg": ("knee", "ankle"), "leg2": ("knee2", "ankle2"),
                "arm": ("elbow", "wrist"), "arm2": ("elbow2", "wrist2")}  # fmt: skip


def toward_of(spec: Spec, view: str, where: str) -> dict[str, float]:
    """A pose's declared foreshortening: each bone's far joint -> its angle towards the viewer."""
    raw = spec.get("toward", {})
    if raw and view == "front":
        raise _fail(where, "toward is for the side and top views (the front has thigh, reach)")
    if not isinstance(raw, Mapping) or set(raw) - set(TOWARD_LIMBS):
        raise _fail(where, f"toward names limbs of {sorted(TOWARD_LIMBS)}")
    depth: dict[str, float] = {}
    for limb, angles in raw.items():
        if len(angles) != 2 or not all(-90 <= float(a) <= 90 for a in angles):
            raise _fail(where, f"toward.{limb} is two angles from -90 to 90")
        depth |= dict(zip(TOWARD_LIMBS[limb], (float(a) for a in angles), strict=True))
    return depth


def shortened(spec: Spec, limb: str) -> tuple[float, float]:
    """How much of its length each bone of ``limb`` shows (1: in the page)."""
    angles = spec.get("toward", {}).get(limb, (0.0, 0.0))
    return (math.cos(math.radians(float(angles[0]))), math.cos(math.radians(float(angles[1]))))


def resolve(raw: Mapping[str, Any], before: Spec, view: str, where: str) -> Spec:
    """A pose's full spec: its base (or the pose before's, keys and all), then its own keys."""
    unknown = set(raw) - POSE_KEYS
    if unknown:
        raise _fail(where, f"unknown pose keys {sorted(unknown)}")
    base = raw.get("base") or before.get("base")
    if base not in BASES[view]:
        raise _fail(where, f"base {base!r} is not one of {sorted(BASES[view])}")
    spec: Spec = dict(BASES[view][base])
    if base == before.get("base"):
        spec |= before
        # A pose's own angles replace the points it would inherit for the same limb or trunk.
        for angles, pins in (("leg", ("knee", "ankle")), ("leg2", ("knee2", "ankle2")),
                             ("trunk", ("neck",)), ("anchor", ("at",))):  # fmt: skip
            if angles in raw:
                for pin in pins:
                    spec.pop(pin, None) if pin not in raw else None
    spec |= raw
    spec["base"] = base
    if spec["anchor"] not in ANCHORS:
        raise _fail(where, f"anchor {spec['anchor']!r} is not one of {ANCHORS}")
    return spec


def _step(point: Point, length: float, degrees: float) -> Point:
    radians = math.radians(degrees)
    return (point[0] + length * math.cos(radians), point[1] + length * math.sin(radians))


def _point(value: Any) -> Point:
    return (float(value[0]), float(value[1]))


def knee_between(hip: Point, ankle: Point, *, up: bool = True) -> Point:
    """Where the knee is, given hip and ankle (thigh and shin keep their lengths); ``up``: the
    knee on the upper side of the hip-ankle line."""
    dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
    d = min(math.hypot(dx, dy), THIGH + SHIN - 1e-6)
    along = (THIGH**2 - SHIN**2 + d * d) / (2 * d)
    off = math.sqrt(max(0.0, THIGH**2 - along**2))
    ux, uy = dx / d, dy / d
    nx, ny = (-uy, ux) if ux >= 0 else (uy, -ux)  # the normal pointing up, whichever way
    if not up:
        nx, ny = -nx, -ny
    return (hip[0] + ux * along + nx * off, hip[1] + uy * along + ny * off)


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
    return waist, chest


def build_pose(spec: Spec, view: str) -> Pose:
    front = view == "front"
    trunk = float(spec["trunk"])
    legs = {"": [float(a) for a in spec["leg"]]}
    if "leg2" in spec or front:
        angles = [float(a) for a in (spec["leg2"] if "leg2" in spec else spec["leg"])]
        legs["2"] = [180 - a for a in angles] if front else angles
    thigh = THIGH * float(spec.get("thigh", 1.0))
    shin = SHIN * float(spec.get("shin", 1.0))
    foot = FRONT_FOOT if front else FOOT
    short = {s: shortened(spec, "leg" + s) for s in legs}
    lengths = {s: (thigh * a, shin * b) for s, (a, b) in short.items()}

    def pelvis_offset(side: str) -> Point:
        if not front:
            return (0.0, 0.0)
        return (PELVIS_HALF if side == "" else -PELVIS_HALF, 0.0)  # level: the trunk bends above

    # The hip from the anchor: back up the chain of the anchor's leg.
    anchor, at = str(spec["anchor"]), _point(spec["at"])
    side = "2" if anchor.endswith("2") else ""
    joint = anchor.rstrip("2")
    leg = legs.get(side)
    if leg is None:
        raise ValueError(f"anchor {anchor} on a leg the pose does not have")
    x, y = at
    if joint == "ankle":
        x, y = _step((x, y), -lengths[side][1], leg[1])
    if joint in ("ankle", "knee"):
        x, y = _step((x, y), -lengths[side][0], leg[0])
        ox, oy = pelvis_offset(side)
        x, y = x - ox, y - oy
    hip = (x, y)
    neck = _point(spec["neck"]) if "neck" in spec else _step(hip, TRUNK_LENGTH, trunk)
    head_angle = float(spec["head"])
    waist, chest = spine(hip, neck, float(spec.get("bend", 0.0)))
    head = _step(neck, NECK, head_angle)
    joints: dict[str, Point] = {"hip": hip, "waist": waist, "chest": chest, "neck": neck}
    joints["head"] = head
    for s, angles in legs.items():
        root = hip
        if front:
            ox, oy = pelvis_offset(s)
            root = (hip[0] + ox, hip[1] + oy)
            joints["pelvis" + s] = root
        pin = spec.get("knee" + s)
        ankle_pin = spec.get("ankle" + s)
        if isinstance(pin, str):
            knee = knee_between(root, _point(ankle_pin), up=pin == "up")
        elif pin is not None:
            knee = _point(pin)
        else:
            knee = _step(root, lengths[s][0], angles[0])
        ankle = (
            _point(ankle_pin) if ankle_pin is not None else _step(knee, lengths[s][1], angles[1])
        )
        toe = _step(ankle, foot * short[s][1], angles[2])
        joints |= {"knee" + s: knee, "ankle" + s: ankle, "toe" + s: toe}
    arms = {"": [float(a) for a in spec["arm"]]}
    if "arm2" in spec or front:
        angles = [float(a) for a in (spec["arm2"] if "arm2" in spec else spec["arm"])]
        arms["2"] = [180 - a for a in angles] if front else angles
    reach = float(spec.get("reach", 1.0)) if front else 1.0  # arms pointing at you: short
    for s, (upper, fore, hand) in arms.items():
        root = neck
        if front:
            width = SHOULDER_HALF * math.cos(math.radians(float(spec.get("twist", 0.0))))
            root = _step(neck, width, trunk - 90 if s == "" else trunk + 90)
            joints["shoulder" + s] = root
        near, far = shortened(spec, "arm" + s)
        elbow = _step(root, UPPER_ARM * reach * near, upper)
        wrist = _step(elbow, FOREARM * reach * far, fore)
        joints |= {
            "elbow" + s: elbow,
            "wrist" + s: wrist,
            "hand" + s: _step(wrist, HAND * reach * far, hand),
        }
    if front:  # where the face looks: the nose turned towards the side it looks at
        turn = math.radians(float(spec.get("look", 0.0)))
        across = _step(head, NOSE_ACROSS * math.sin(turn), head_angle - 90)
        joints["nose"] = _step(across, -0.5 * math.cos(turn), head_angle)  # in profile: level
    return joints


def longer_hands(pose: Pose, scale: float) -> Pose:
    """``pose`` with each hand ``scale`` times as long from its wrist, in the same direction."""
    if scale == 1.0:
        return pose
    longer = dict(pose)
    for s in ("", "2"):
        if "hand" + s in pose:
            (wx, wy), (hx, hy) = pose["wrist" + s], pose["hand" + s]
            longer["hand" + s] = (wx + (hx - wx) * scale, wy + (hy - wy) * scale)
    return longer


def props_of(prop: Mapping[str, Any], view: str, where: str) -> list[tuple[Point, Point]]:
    """A prop as lines: ``wall = [x, top]``, ``chair = [x, seat]`` (the seat's front edge; seen
    from the front, its middle), ``table = [left, right, top]``, ``line = [[x, y], [x, y]]``."""
    if "wall" in prop:
        x, top = (float(v) for v in prop["wall"])
        return [((x, 0.0), (x, top))]
    if "chair" in prop:
        x, seat = (float(v) for v in prop["chair"])
        if view == "front":
            return [((x - 3, seat), (x + 3, seat)), ((x - 2.7, seat), (x - 2.7, 0.0)),
                    ((x + 2.7, seat), (x + 2.7, 0.0))]  # fmt: skip
        back = x - 4.5
        return [
            ((back, seat), (x, seat)), ((x - 0.3, seat), (x - 0.3, 0.0)),
            ((back + 0.3, seat), (back + 0.3, 0.0)), ((back, seat), (back, seat + 6.0)),
        ]  # fmt: skip
    if "table" in prop:
        left, right, top = (float(v) for v in prop["table"])
        return [((left, top), (right, top)), ((left + 1, top), (left + 1, 0.0)),
                ((right - 1, top), (right - 1, 0.0))]  # fmt: skip
    if "line" in prop:
        a, b = prop["line"]
        return [(_point(a), _point(b))]
    raise _fail(where, f"a prop is a wall, chair, table or line, not {sorted(prop)}")
