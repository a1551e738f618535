"""What screens share without importing the App: the messages they post, and the coach.

Screens get the coach in their constructor; navigation they cannot do themselves (start a
session, leave a finished one) is a typed message the App handles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from supple.coach.coach import Coach
    from supple.coach.live import LiveSession
    from supple.core.record import SessionRecord
    from supple.core.routine import Level, Routine


class HasCoach(Protocol):
    coach: Coach


def coach_of(app: App[object]) -> Coach:
    """The coach of the running app (for what is built by Textual, like palette providers)."""
    return cast(HasCoach, app).coach


@dataclass
class StartSession(Message):
    """Play ``routine_id`` at ``level`` (from home, the program or the palette)."""

    routine_id: str
    level: Level
    earlier: SessionRecord | None = None  # the record it resumes (home, session detail)
    routine: Routine | None = None  # a routine made for today (the build screen), not by id


@dataclass
class SessionEnded(Message):
    """A session reached its end or was ended; its final record has been written (or tried)."""

    live: LiveSession


@dataclass
class LeaveSummary(Message):
    """The person is done with a session's summary."""


def tell(node: Widget, coach: Coach) -> None:
    """One notification for each thing the coach has to say (each is said only once)."""
    for notice in coach.take_notices():
        node.notify(
            notice.text,
            title=notice.title,
            severity=notice.severity,
            timeout=15 if notice.severity == "error" else 8,
            markup=False,
        )
