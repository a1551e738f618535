"""Breathing patterns, named in one place, and where in a pattern a moment falls."""

from __future__ import annotations

from typing import Literal

from supple.core.value import value_class
from supple.i18n import _, lazy, p_

PhaseName = Literal["inhale", "exhale", "hold"]
PHASE_NAMES: tuple[PhaseName, ...] = ("inhale", "exhale", "hold")
# The words a phase shows when its pattern gives none (a file may leave them out).
# The cue words are declared in English (files and routine files compare them so) and shown
# translated: ``state_at`` passes each through ``_()``, so a person's own cue stays theirs.
DEFAULT_CUES: dict[str, str] = {
    # Translators: a breath pacer's cue word (short: read at a glance, in big letters)
    "inhale": lazy("Breathe in"),
    # Translators: a breath pacer's cue word (short: read at a glance, in big letters)
    "exhale": lazy("Breathe out"),
    # Translators: a breath pacer's cue word: hold the breath (short, in big letters)
    "hold": lazy("Hold"),
}


def phase_word(phase: str) -> str:
    """A breath phase as a line of text names it ("inhale 3 · exhale 3" in the editor's choices
    and `supple show --breath`); the ids stay English in files and in the phases typed."""
    match phase:
        case "inhale":
            return p_("breath phase", "inhale")
        case "exhale":
            return p_("breath phase", "exhale")
        case "hold":
            return p_("breath phase", "hold")
    return phase


@value_class(frozen=True, slots=True)
class Phase:
    """One breath phase: what the lungs do, for how long, and the words to show."""

    phase: PhaseName
    seconds: float
    cue: str


@value_class(frozen=True, slots=True)
class BreathPattern:
    """A sequence of phases.

    A rep pattern (``cycle = False``) is played once per rep and sets the rep's tempo;
    a pacer (``cycle = True``) repeats for as long as a hold lasts.
    """

    name: str
    phases: tuple[Phase, ...]
    cycle: bool
    # The bar shows the body, not the lungs: it rises while you lift (breathing out) and sinks
    # as you lower (breathing in), so Superman's bar never drains while you go up.
    follows_body: bool = False

    @property
    def seconds(self) -> float:
        return sum(p.seconds for p in self.phases)


@value_class(frozen=True, slots=True)
class BreathState:
    """Where the breath is at one moment: the phase, how far through it, how full the lungs."""

    phase: PhaseName
    cue: str
    fraction: float  # 0..1 through the current phase
    seconds_left: float  # until the phase changes
    fill: float  # 0 empty .. 1 full: what a pacer bar shows
    goal: float = 0.0  # the fill this phase ends at: its pose, for a figure that keeps still


PATTERNS: dict[str, BreathPattern] = {
    p.name: p
    for p in (
        BreathPattern(
            "cat-cow",
            (
                Phase("inhale", 3, lazy("Inhale — cow: belly sinks, chest forward, eyes ahead")),
                Phase("exhale", 3, lazy("Exhale — cat: round the back up, let the head hang")),
            ),
            cycle=False,
        ),
        BreathPattern(
            "lift-hold-lower",
            (
                Phase("exhale", 2, lazy("Exhale — lift slowly")),
                Phase("hold", 1, lazy("Hold at the top, belly firm")),
                Phase("inhale", 2, lazy("Inhale — lower with control")),
            ),
            cycle=False,
            follows_body=True,
        ),
        BreathPattern(
            "lift-lower",
            (
                Phase("exhale", 2, lazy("Exhale — lift")),
                Phase("inhale", 2, lazy("Inhale — lower with control")),
            ),
            cycle=False,
            follows_body=True,
        ),
        BreathPattern(
            "move-return",  # turns, circles, rocks and tucks: nothing is lifted
            (
                Phase("exhale", 2, lazy("Exhale — move into it")),
                Phase("inhale", 2, lazy("Inhale — come back")),
            ),
            cycle=False,
            follows_body=True,
        ),
        BreathPattern(
            "slow",
            (
                Phase("inhale", 4, lazy("Breathe in slowly through the nose")),
                Phase("exhale", 6, lazy("Breathe out long and soft")),
            ),
            cycle=True,
        ),
        BreathPattern(
            "box",
            (
                Phase("inhale", 4, lazy("Breathe in")),
                Phase("hold", 4, lazy("Hold")),
                Phase("exhale", 4, lazy("Breathe out")),
                Phase("hold", 4, lazy("Hold, empty")),
            ),
            cycle=True,
        ),
    )
}

DEFAULT_REP_PATTERN = "lift-lower"
DEFAULT_HOLD_PATTERN = "slow"


def state_at(
    phases: tuple[Phase, ...], t: float, *, cycle: bool, follows_body: bool = False
) -> BreathState | None:
    """The breath state ``t`` seconds into ``phases``.

    A cycling pattern wraps around; a one-shot pattern stays in its last phase once over.
    ``fill`` is how full the lungs are, or with ``follows_body`` how high the lift is.
    """
    total = sum(p.seconds for p in phases)
    if not phases or total <= 0:
        return None
    t = max(0.0, t)
    t = t % total if cycle else min(t, total)
    start = 0.0
    fill_before = 0.0
    for index, p in enumerate(phases):
        end = start + p.seconds
        if t < end or index == len(phases) - 1:
            fraction = 0.0 if p.seconds <= 0 else min(1.0, (t - start) / p.seconds)
            if p.phase == "inhale":
                fill = fraction
            elif p.phase == "exhale":
                fill = 1.0 - fraction
            else:
                fill = fill_before
            goal = {"inhale": 1.0, "exhale": 0.0}.get(p.phase, fill_before)
            if follows_body:
                fill, goal = 1.0 - fill, 1.0 - goal
            return BreathState(p.phase, _(p.cue), fraction, max(0.0, end - t), fill, goal)
        fill_before = {"inhale": 1.0, "exhale": 0.0}.get(p.phase, fill_before)
        start = end
    return None  # pragma: no cover - the loop always returns on its last phase
