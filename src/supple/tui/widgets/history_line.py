"""Home's one line about the history: the last session, the streak and this week's minutes, or
the session to resume; and resuming one (home, the session's detail)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from supple.core.words import dated, printable, said
from supple.i18n import _, lazy, n_

if TYPE_CHECKING:
    from textual.screen import Screen

    from supple.coach.views import ResumeOffer
    from supple.core.stats import Stats

RESUME_TIP = lazy("Continue today's stopped session from the exercise it stopped in")


def resume(screen: Screen[Any], offer: ResumeOffer | None) -> None:
    """Resume the session ``offer`` names from its exercise, or, when its routine changed
    since, start that routine afresh (and say so); nothing to resume is said too."""
    from supple.coach import wording
    from supple.tui.context import StartSession

    app = screen.app
    if offer is None:
        app.notify(_("Nothing to resume: no session stopped before its end today."))
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
            line = _("{offer}: press {key}").format(offer=wording.resume_offer(offer), key=key)
            self.update(Text(printable(line)))
            return
        last = stats.last
        if last is None:
            self.update(Text(_("No sessions yet — pick a routine and press Enter.")))
            return
        days = stats.current_streak
        self.update(
            Text(
                _("Last: {day}, {title} ({outcome})").format(
                    day=dated(last.started, "%a %d %b"),
                    title=printable(last.title),
                    outcome=said(last.outcome).label,
                )
                + " · "
                + n_("streak {count} day", "streak {count} days", days).format(count=days)
                + " · "
                + _("this week {minutes} min").format(minutes=f"{stats.this_week.minutes:.0f}")
            )
        )
