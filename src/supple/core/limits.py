"""The levels, what a routine may hold at most, and the timing around its work: declared apart
from the routine's parser (``core.routine``, which re-exports each name) so that the history,
the settings and the status line's summary know them without importing the parser, its breath
patterns, layout and figures (~2 ms of `supple history` and `supple stats`, measured)."""

from __future__ import annotations

from typing import Any, Literal

from supple.core.value import field, fields, value_class
from supple.i18n import lazy

LEVELS: tuple[Level, ...] = ("beginner", "intermediate", "advanced")
Level = Literal["beginner", "intermediate", "advanced"]
DEFAULT_LEVEL: Level = "beginner"  # a first run, and anything that names no level
SLUG = r"[a-z0-9][a-z0-9-]{0,63}"

# Limits: anything outside them is a typo or a danger, not a plan.
MAX_REPS = 100
MAX_SETS = 10
MAX_HOLD_SECONDS = 600
MAX_EXERCISES = 60  # a routine is a session, not a library of exercises
MAX_USER_ROUTINES = 1000  # the person's own routine files, however saved (issue 24)
MAX_PLAN_SECONDS = 4 * 3600  # the whole session, rests included, at every level
EXTEND_LIMIT = 300  # at most this many seconds added to one hold while it plays


def _timing_field(default: int, limit: int, label: str) -> Any:
    return field(default=default, metadata={"max": limit, "label": label})


@value_class(frozen=True, slots=True)
class Timing:
    """Pauses around the work, in seconds; each field is a key of a routine's [timing] table,
    with its limit (more is a typo or a danger) and the editor's label."""

    get_ready: int = _timing_field(5, 60, lazy("Get ready"))
    # Translators: the editor's labels of a routine's pauses (short: a form's left column)
    rest_between_sets: int = _timing_field(15, 300, lazy("Rest (sets)"))
    rest_between_exercises: int = _timing_field(10, 300, lazy("Rest (exercises)"))
    switch_side: int = _timing_field(5, 60, lazy("Switch side"))


TIMING_KEYS = tuple(f.name for f in fields(Timing))
# The routine's [timing] table's one key that is not seconds: ``fixed = true`` says the timing is
# the routine's own, kept as written (the settings' get-ready and rests do not replace it).
TIMING_FIXED = "fixed"
TIMING_LABELS: dict[str, str] = {f.name: f.metadata["label"] for f in fields(Timing)}
MAX_TIMING: dict[str, int] = {f.name: f.metadata["max"] for f in fields(Timing)}
LONGEST_TIMING = Timing(**MAX_TIMING)
# The longest plan a session can have: a routine at the limit, with the longest get-ready and
# rests the settings allow in place of its own (the history accepts every such session).
MAX_SESSION_PLAN_SECONDS = MAX_PLAN_SECONDS + MAX_EXERCISES * (
    LONGEST_TIMING.get_ready
    + (MAX_SETS - 1) * LONGEST_TIMING.rest_between_sets
    + LONGEST_TIMING.rest_between_exercises
)
