"""Plain mode's words: a session as lines of text, for a screen reader or a braille display.

``Narrator`` turns the session's snapshots (the same ones the player screen draws) into the
lines due since the last one: each exercise with its steps and its safety line ("Safety: …") as
it starts, each phase as it starts ("Inhale, cow", "Hold 30 seconds", "Switch sides", "Rest,
next: Sphinx"), the time left every so many seconds, a pause, the count-in and the end.
``plain`` is the one output filter: every line printed in plain mode passes through it, and
it holds that nothing but printable text and newlines leaves (no escape sequence, no block,
braille or box-drawing character).
"""

from __future__ import annotations

import math
from typing import assert_never

from supple.core.layout import SegmentKind
from supple.core.snapshot import Snapshot
from supple.core.words import plural, printable, said, side_words
from supple.i18n import _

# What a screen reader reads as noise: box drawing and blocks (U+2500-U+259F), braille patterns.
NOISE = ((0x2500, 0x259F), (0x2800, 0x28FF))


def noise(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in NOISE)


def plain(text: str) -> str:
    """``text`` as plain mode prints it: control characters shown as their escapes
    (``printable``), any other character a terminal cannot print (unassigned, a lone surrogate)
    as its code, a block, braille or box-drawing character as a space. The result holds
    printable characters and newlines only (asserted: a line that could break it is a bug)."""
    kept = printable(text, lines=True)
    if not all(c == "\n" or (c.isprintable() and not noise(c)) for c in kept):
        kept = "".join(_plain_character(c) for c in kept)
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in kept), kept
    return kept


def _plain_character(char: str) -> str:
    if char == "\n" or (char.isprintable() and not noise(char)):
        return char
    return " " if noise(char) else f"\\u{ord(char):04x}"


def seconds_words(seconds: float) -> str:
    """A whole number of seconds as read aloud: "30 seconds", "1 minute 30 seconds"."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, rest = divmod(whole, 60)
    parts = [plural(minutes, "minute")] if minutes else []
    if rest or not minutes:
        parts.append(plural(rest, "second"))
    return " ".join(parts)


class Narrator:
    """The lines due at each snapshot: what a person who cannot see the screen needs to hear
    or feel under the fingers, each said once, as it starts. ``every``: the time left is said
    at each multiple of this many seconds of a segment (0: never)."""

    def __init__(self, exercises: int, every: int = 10) -> None:
        self.exercises = exercises
        self.every = every
        self._exercise: int | None = None
        self._segment: int | None = None
        self._phase: tuple[int, str] | None = None
        self._told: int | None = None  # the last whole second the time left was said at
        self._paused = False
        self._count: int | None = None
        self._ended = False

    def update(self, snap: Snapshot) -> list[str]:
        if snap.done:
            if self._ended:
                return []
            self._ended = True
            return [said(snap.judged).headline + "."]
        if snap.paused:
            if self._paused:
                return []
            self._paused = True
            self._phase = None
            return [_("Paused.")]
        lines: list[str] = []
        if snap.count_in_left > 0 and self._paused:  # the 3-2-1 before it runs again
            count = math.ceil(snap.count_in_left)
            if count != self._count:
                lines.append(_("Resuming in {count}.").format(count=count))
            self._count = count
            return lines
        if self._paused:
            lines.append(_("Going on."))
        self._paused, self._count = False, None
        segment, exercise = snap.segment, snap.exercise
        if segment is None or exercise is None:
            return lines
        if snap.exercise_index != self._exercise:
            self._exercise = snap.exercise_index
            lines.append(
                _("Exercise {number} of {total}: {name}.").format(
                    number=snap.exercise_index + 1, total=self.exercises, name=exercise.name
                )
            )
            step_line = _("Step {number}: {step}")
            lines += [
                step_line.format(number=n, step=step) for n, step in enumerate(exercise.how, 1)
            ]
            if exercise.safety:  # the screen's "⚠" in words a braille display shows
                lines.append(_("Safety: {safety}").format(safety=exercise.safety))
        if snap.count_in_left > 0:  # the lead-in while the first instruction is said
            return lines
        if snap.segment_index != self._segment:
            self._segment = snap.segment_index
            self._phase = None
            self._told = math.ceil(snap.segment_left - 1e-9)
            lines.append(phase_line(snap))
        breath = snap.breath
        if breath is not None and segment.active:
            key = (snap.segment_index, breath.phase)
            if key != self._phase:
                self._phase = key
                lines.append(breath_line(breath.phase, breath.cue))
        whole = math.ceil(snap.segment_left - 1e-9)
        if (
            self.every > 0
            and not segment.is_rep
            and whole != self._told
            and whole > 0
            and whole % self.every == 0
        ):
            lines.append(_("{time} left.").format(time=seconds_words(whole)))
        self._told = whole
        return lines


def breath_line(phase: str, cue: str) -> str:
    """A breath phase as it starts: its cue when that is a sentence of its own ("Inhale — cow:
    belly sinks"), else the phase and the cue ("Inhale, cow"), or the phase alone."""
    if cue[:1].isupper():
        return cue if cue[-1:] in ".!?" else f"{cue}."
    word = _phase_word(phase)
    return f"{word}, {cue}." if cue else f"{word}."


def _phase_word(phase: str) -> str:
    """A breath phase's name as said at its start: "Inhale"."""
    match phase:
        case "inhale":
            # Translators: a breath phase's name, said as it starts ("Inhale, cow.")
            return _("Inhale")
        case "exhale":
            # Translators: a breath phase's name, said as it starts ("Exhale, cat.")
            return _("Exhale")
        case "hold":
            return _("Hold")
    return phase.capitalize()


def phase_line(snap: Snapshot) -> str:
    """The line said as a segment starts: what the body does now, and for how long."""
    segment = snap.segment
    assert segment is not None and snap.exercise is not None
    seconds = seconds_words(snap.segment_left)
    # Translators: added to a rep's or a hold's line, "Hold 30 seconds, left side."
    side = _(", {side}").format(side=side_words(segment.side)) if segment.side else ""
    match segment.kind:
        case SegmentKind.GET_READY:
            return _("Get ready: {name}, {time}.").format(name=snap.exercise.name, time=seconds)
        case SegmentKind.REP:
            if segment.reps:
                rep = _("Rep {rep} of {reps}").format(rep=segment.rep, reps=segment.reps)
            else:
                rep = _("Rep {rep}").format(rep=segment.rep)
            if segment.sets is not None and segment.sets > 1:
                # Translators: added to a rep's line, "Rep 3 of 8, set 2 of 3"
                rep += _(", set {set} of {sets}").format(set=segment.set, sets=segment.sets)
            return f"{rep}{side}."
        case SegmentKind.HOLD:
            return _("Hold {time}{side}.").format(time=seconds, side=side)
        case SegmentKind.SWITCH_SIDE:
            if segment.side:
                return _("Switch sides: {side} next, {time}.").format(
                    side=side_words(segment.side), time=seconds
                )
            return _("Switch sides, {time}.").format(time=seconds)
        case SegmentKind.REST:
            if segment.set is not None and segment.sets is not None:
                return _("Rest {time}, next: set {set} of {sets}.").format(
                    time=seconds, set=segment.set + 1, sets=segment.sets
                )
            upcoming = snap.next_exercise
            if upcoming is not None:
                return _("Rest {time}, next: {name}.").format(time=seconds, name=upcoming.name)
            return _("Rest {time}.").format(time=seconds)
        case _:
            assert_never(segment.kind)
