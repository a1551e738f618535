"""A routine at a level, laid out in time: get-ready, reps, holds, side switches and rests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, assert_never

from supple.core.breath import Phase
from supple.core.layout import SIDES as SIDES
from supple.core.layout import SegmentKind as SegmentKind
from supple.core.layout import Side as Side
from supple.core.layout import laid_out, seconds_of
from supple.core.routine import LEVELS, Level, Routine
from supple.core.value import value_class
from supple.core.words import printable, side_words
from supple.i18n import _, p_


@value_class(frozen=True, slots=True)
class _Traits:
    active: bool = False  # the work itself
    counted: bool = False  # a rep, counted one by one
    extendable: bool = False  # more time can be given while it plays
    counts_down: bool = False  # 3-2-1 into the work
    closes: bool = False  # its last seconds warn of what is next
    rest: bool = False
    switch: bool = False


def _traits(kind: SegmentKind) -> _Traits:
    """What each kind of segment is, in one place (the predicates of ``Segment`` read it)."""
    match kind:
        case SegmentKind.GET_READY:
            return _Traits(counts_down=True)
        case SegmentKind.REP:
            return _Traits(active=True, counted=True)
        case SegmentKind.HOLD:
            return _Traits(active=True, extendable=True, closes=True)
        case SegmentKind.SWITCH_SIDE:
            return _Traits(switch=True)
        case SegmentKind.REST:
            return _Traits(closes=True, rest=True)
        case _:
            assert_never(kind)


T = TypeVar("T")


@value_class(frozen=True, slots=True)
class Segment:
    """One stretch of the session with a single instruction on screen."""

    kind: SegmentKind
    exercise_index: int  # a rest between exercises belongs to the exercise before it
    exercise_id: str
    seconds: float
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    side: Side | None = None
    breath: tuple[Phase, ...] = ()
    breath_cycle: bool = False
    breath_follows_body: bool = False  # the pacer's bar shows the lift, not the lungs

    @property
    def active(self) -> bool:
        """True for the work itself (reps and holds), False for pauses around it."""
        return _traits(self.kind).active

    @property
    def is_rep(self) -> bool:
        """One rep of a set of reps (a rep is counted; a hold is timed)."""
        return _traits(self.kind).counted

    @property
    def extendable(self) -> bool:
        """A hold: the one thing that can be given more time while it plays."""
        return _traits(self.kind).extendable

    @property
    def counts_down(self) -> bool:
        """A get-ready: its last seconds count 3-2-1 into the work."""
        return _traits(self.kind).counts_down

    @property
    def closes(self) -> bool:
        """A hold or a rest: its last seconds warn that what is next is coming."""
        return _traits(self.kind).closes

    @property
    def between_exercises(self) -> bool:
        """The rest after an exercise (a rest between sets has its set)."""
        return _traits(self.kind).rest and self.set is None

    @property
    def between_sets(self) -> bool:
        """A rest between two sets of one exercise."""
        return _traits(self.kind).rest and self.set is not None

    @property
    def switches_side(self) -> bool:
        """The pause to turn to the other side (its ``side`` is the one ahead)."""
        return _traits(self.kind).switch

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "exercise": self.exercise_id,
            "seconds": self.seconds,
        }
        for key in ("set", "rep", "side"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.breath:
            out["breath"] = [{"phase": p.phase, "seconds": p.seconds} for p in self.breath]
        return out


def expand(routine: Routine, level: Level) -> tuple[Segment, ...]:
    """Every segment of ``routine`` at ``level``, in order."""
    return tuple(_laid_out(routine, level, Segment))


def seconds(routine: Routine, level: Level) -> float:
    """How long ``routine`` takes at ``level``: ``total_seconds(expand(routine, level))``, the
    same layout walked without building a segment (`list` and `program` total every routine)."""
    return sum(_laid_out(routine, level, seconds_of))


def _laid_out(routine: Routine, level: Level, make: Callable[..., T]) -> list[T]:
    """``core.layout``'s one layout of ``routine`` at a known ``level``."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r} (one of: {', '.join(LEVELS)})")
    return laid_out(routine.exercises, level, make)


def describe_segment(segment: Segment, name: str | None = None, *, breath: bool = False) -> str:
    """What a segment asks of you, in a few words ("Cat-Cow · set 1/2 · rep 3/8 · left side").

    `name` leads a rep or a hold when given (`supple show` lists every segment, so each line says
    which exercise); the player's "Next:" leaves it out, the exercise is on screen. `breath` adds
    a rep's breath pattern.
    """
    name = printable(name) if name else None  # a file's text: shown, never obeyed
    parts = [name] if name else []
    if segment.sets and segment.sets > 1:
        parts.append(_("set {number}/{total}").format(number=segment.set, total=segment.sets))
    match segment.kind:
        case SegmentKind.GET_READY:
            return _("get ready for {name}").format(name=printable(name or segment.exercise_id))
        case SegmentKind.REST:
            if segment.set:
                return _("rest {seconds} s between sets").format(seconds=f"{segment.seconds:g}")
            return _("rest {seconds} s").format(seconds=f"{segment.seconds:g}")
        case SegmentKind.SWITCH_SIDE:
            if segment.side == "right":
                return _("switch to the right side")
            return _("switch to the left side")
        case SegmentKind.REP:
            parts.append(_("rep {number}/{total}").format(number=segment.rep, total=segment.reps))
            if segment.side:
                parts.append(side_words(segment.side))
            if breath and segment.breath:
                parts.append(
                    "("
                    + " ".join(f"{phase_word(p.phase)} {p.seconds:g}s" for p in segment.breath)
                    + ")"
                )
        case SegmentKind.HOLD:
            parts.append(_("hold {seconds} s").format(seconds=f"{segment.seconds:g}"))
            if segment.side:
                parts.append(side_words(segment.side))
        case _:
            assert_never(segment.kind)
    return " · ".join(parts)


def phase_word(phase: str) -> str:
    """A breath phase as `supple show` names it ("inhale": "einatmen")."""
    match phase:
        case "inhale":
            return p_("breath phase", "inhale")
        case "exhale":
            return p_("breath phase", "exhale")
        case "hold":
            return p_("breath phase", "hold")
    return phase


def total_seconds(segments: Sequence[Segment]) -> float:
    return sum(s.seconds for s in segments)


def minutes_per_level(routine: Routine) -> dict[str, float]:
    """Planned minutes of the whole session at each level, rounded to a tenth."""
    return {level: round(seconds(routine, level) / 60, 1) for level in LEVELS}


def timeline_line(segments: Sequence[Segment], limit: int = 600) -> str:
    """The session in one line: ``get ready 5 s · 5 reps × 6 s · rest 15 s · hold 30 s``."""
    words: list[str] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        seconds = _number(round(segment.seconds, 1))
        match segment.kind:
            case SegmentKind.REP:  # a set's reps in one: they are alike
                count = 1
                while (
                    index + count < len(segments)
                    and segments[index + count].is_rep
                    and segments[index + count].rep != 1
                ):
                    count += 1
                # Translators: a set of reps in the timeline line, "5 reps × 6 s"
                words.append(_("{count} reps × {seconds} s").format(count=count, seconds=seconds))
                index += count
                continue
            case SegmentKind.HOLD:
                if segment.side:  # "hold (left) 30 s"
                    side = _("left") if segment.side == "left" else _("right")
                    said = _("hold ({side}) {seconds} s").format(side=side, seconds=seconds)
                else:
                    said = _("hold {seconds} s").format(seconds=seconds)
                words.append(said)
            case SegmentKind.GET_READY:
                words.append(_("get ready {seconds} s").format(seconds=seconds))
            case SegmentKind.SWITCH_SIDE:
                words.append(_("switch {seconds} s").format(seconds=seconds))
            case SegmentKind.REST:
                words.append(_("rest {seconds} s").format(seconds=seconds))
            case _:
                assert_never(segment.kind)
        index += 1
        if sum(len(w) + 3 for w in words) > limit:
            words.append("…")
            break
    return " · ".join(words)


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
