"""The next-morning question's rule, on facts alone: which session an answer given at ``now``
belongs to, and whether the question is still to ask. ``core.pain`` applies it to records;
`supple status` applies it to the few facts the coach keeps in ``status.json``, so this module
imports nothing but ``datetime``, ``typing`` and the translation layer (the status line's
start-up path). ``MORNING_QUESTION`` is read translated (``__getattr__``); ``PROMPT`` is
declared in English and passed through ``_()`` where it is shown: the status line (at reading,
in the reader's language) and a notification.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from supple.i18n import _, lazy

# The next-morning question links to the newest session of an earlier day that ended within
# this many hours: the morning after an evening session, never a session of last week.
MORNING_WINDOW = timedelta(hours=36)
_MORNING_QUESTION = lazy("How is your back this morning?")
# What the status line and the reminder's notification add while the question is open: they
# only prompt; the answer is given in the app or with this command.
PROMPT = lazy("how is your back this morning? supple checkin --morning N")
# How many of the newest sessions the rule needs: two yesterday and a few today still find
# yesterday's (the status summary keeps this many, the journal reads this many).
LOOK = 8


def __getattr__(name: str) -> str:
    if name == "MORNING_QUESTION":
        return _(_MORNING_QUESTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SessionFact(NamedTuple):
    """What the rule reads of a session."""

    started: datetime
    ended: datetime
    answered: bool  # its next-morning question answered or skipped: never asked again
    in_progress: bool


def session_for(facts: Sequence[SessionFact], now: datetime) -> int | None:
    """The index of the session a next-morning answer given at ``now`` belongs to: the newest
    session started on an earlier local day (its own day, where it was done) that ended within
    ``MORNING_WINDOW`` of ``now``; None if there is none. A session in progress never is."""
    best: int | None = None
    for index, fact in enumerate(facts):
        if fact.in_progress or fact.started.date() >= now.date():
            continue
        if not timedelta(0) <= now - fact.ended <= MORNING_WINDOW:
            continue
        if best is None or fact.started > facts[best].started:
            best = index
    return best


def due_for(facts: Sequence[SessionFact], now: datetime) -> int | None:
    """The index of the session whose next-morning question is still to ask at ``now``, None if
    there is none. Only before the day's first session: once a session has started today, its
    own before-session rating says how the back is."""
    if any(fact.started.date() >= now.date() for fact in facts):
        return None
    index = session_for(facts, now)
    return index if index is not None and not facts[index].answered else None
