"""Home's one line about the history: the last session, the streak and this week's minutes, or
the session to resume; and resuming one (home, the session's detail)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from supple.core.words import plural, printable, said

if TYPE_CHECKING:
    from textual.screen import Screen

    from supple.coach.views import ResumeOffer
    from supple.core.stats import Stats

RESUME_TIP = "Continue today's stopped session from the exercise it stopped in"


def resume(screen: Screen[Any], offer: ResumeOffer | None) -> None:
    """Resume the session ``offer`` names from its exercise, or, when its routine changed
    since, start that routine afresh (and say so); nothing to resume is said too."""
    from supple.coach import wording
    from supple.tui.context import StartSession

    app = screen.app
    if offer is None:
        app.notify("Nothing to resume: no session stopped before its end today.")
        return
    record = offer.record
    if offer.fresh:
        app.notify(printable(wording.resume_offer(offer)), markup=False)
    app.post_message(StartSession(record.routine, record.level, None if offer.fresh else record))


class HistoryLine(Static):
    """The history in one line, or how to begin when there is none; a session stopped today
    before its end is offered instead, with the key that resumes it."""

    def show(self, stats: Stats, offer: ResumeOffer | None = None) -> None:
        if offer is not None:
            from supple.coach import wording
            from supple.tui.screens.base import SuppleScreen

            screen = self.screen
            key = screen.key_for("home.resume") if isinstance(screen, SuppleScreen) else "r"
            self.update(Text(printable(f"{wording.resume_offer(offer)}: press {key}")))
            return
        last = stats.last
        if last is None:
            self.update("No sessions yet — pick a routine and press Enter.")
            return
        days = stats.current_streak
        self.update(
            Text(
                f"Last: {last.started:%a %d %b}, {printable(last.title)} "
                f"({said(last.outcome).label}) · "
                f"streak {plural(days, 'day')} · "
                f"this week {stats.this_week.minutes:.0f} min"
            )
        )
