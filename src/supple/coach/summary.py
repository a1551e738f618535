"""Keeping the status line's summary (supple.core.summary) current: rewritten after every fresh
read of the history, with the program's part only when the program was asked for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supple.coach.journal import Journal
    from supple.coach.preferences import Preferences
    from supple.coach.program import ProgramService
    from supple.coach.views import HistoryView
    from supple.core.program import Progress


class StatusKeeper:
    """Owns ``status.json``, beside the app's other state."""

    def __init__(
        self,
        state_dir: Path,
        data_dir: Path,
        program: ProgramService,
        preferences: Preferences | None = None,
    ) -> None:
        from supple.core.summary import FILE_NAME

        self._preferences = preferences  # its `language` setting is kept for the status line
        self.path = state_dir / FILE_NAME
        self._program_file = data_dir / "program.toml"
        self._data_dir = data_dir
        self._program = program

    def keep(self, view: HistoryView) -> bool:
        """Write the summary `supple status` reads, from ``view`` (just read) and, while the
        program runs, where it stands. Called whenever the history is read again (after every
        session, test result and program start the app and CLI read it); nothing is written
        if nothing changed, and a failure only leaves the line stale. True if written."""
        from supple.core.summary import read_summary, summarize, write_summary

        progress: Progress | None = None
        seconds: dict[int, float] = {}
        titles: dict[str, dict[str, str]] = {}
        try:
            started = self._program_file.exists()  # not started: nothing to load
        except OSError:
            started = False
        previous = read_summary(self.path) if started else None
        carried = previous.program if previous else None
        if started and carried is not None and not self._program.asked:
            # Nothing asked for the program in this run (`supple history`, `stats`): it is
            # where the last summary left it (only a session, which asks, can move it), so
            # the program and catalog are not loaded just for the line.
            summary = summarize(
                view.records, view.stats, None, seconds, titles, self._language(), self.clinician()
            )
            return write_summary(self.path, summary._replace(program=carried))
        if started:
            program = self._program.view()
            if program is not None and program.progress.started is not None:
                progress, seconds = program.progress, program.seconds
                if program.progress.next is not None:
                    routine = program.progress.next.routine
                    titles[routine] = self._program.titles(program.program, routine)
        summary = summarize(
            view.records, view.stats, progress, seconds, titles, self._language(), self.clinician()
        )
        return write_summary(self.path, summary)

    def clinician(self) -> str:
        """What stands in for the next workout while a warning sign stands, as its English msgid
        (the status line translates it when read, like every word of it), else empty:
        ``core.screening.see_first``."""
        from supple.core.screening import load, see_first

        return see_first(load(self._data_dir)[0])

    def _language(self) -> str:
        return self._preferences.config.language if self._preferences is not None else ""

    def follow(self, view: HistoryView | None, journal: Journal) -> bool:
        """The history was read again (``view``) or written (None): keep the summary."""
        return self.keep(view) if view is not None else self.keep_morning(journal)

    def keep_morning(self, journal: Journal) -> bool:
        """After a write to the history (a session, one logged by hand, a next-morning answer)
        or to the screening: the summary's next-morning facts from the newest files alone, and
        whether a warning sign stands, so the status line stops
        prompting at once without a read of the whole history; the rest waits for the next
        read. With no summary yet (a first `supple log`), the whole one is kept from a read, so
        the status line knows of it at once. True if written."""
        from supple.core.morning import LOOK
        from supple.core.summary import morning_facts, read_summary, write_summary

        previous = read_summary(self.path)
        if previous is None:
            return self.keep(journal.history())
        try:
            records = journal.newest(LOOK)
        except OSError:
            return False
        kept = previous._replace(
            morning=morning_facts(records), language=self._language(), clinician=self.clinician()
        )
        return write_summary(self.path, kept)
