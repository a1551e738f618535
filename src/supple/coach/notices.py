"""What the services have to say once (a recovered session, a broken file, …), gathered until
the app or the CLI takes them. Apart from the views (``coach.views``), which only a command that
reads the history or the program needs."""

from __future__ import annotations

from typing import Literal

from supple.core.value import value_class

Severity = Literal["information", "warning", "error"]


@value_class(frozen=True, slots=True)
class Notice:
    """Something a person should be told once: a recovered session, a broken file, …"""

    text: str
    title: str = ""
    severity: Severity = "information"


class Notices:
    """What the services have to say once, gathered until the app or the CLI takes them (the
    history may be read from a worker while the app takes them, hence the lock)."""

    def __init__(self) -> None:
        import _thread  # a lock without importing threading: `supple list` does not need it

        self._lock = _thread.allocate_lock()
        self._said: list[Notice] = []

    def say(self, text: str, severity: Severity = "information") -> None:
        with self._lock:
            self._said.append(Notice(text, severity=severity))

    def waiting(self) -> int:
        """How many are waiting to be said."""
        with self._lock:
            return len(self._said)

    def take(self) -> list[Notice]:
        """What should be said once, since the last call."""
        with self._lock:
            said, self._said = self._said, []
        return said
