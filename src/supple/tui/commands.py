"""Command palette: "Start <routine> at <level>" for every routine and level."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from supple.core.routine import LEVELS
from supple.tui.context import StartSession, coach_of
from supple.tui.format import minutes


class StartCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        catalog = coach_of(self.app).catalog
        for routine in catalog.routines:
            for level in LEVELS:
                length = minutes(catalog.seconds(routine, level))
                yield (
                    f"Start {routine.title} at {level}",
                    f"{length} · {routine.summary}",
                    partial(self.app.post_message, StartSession(routine.id, level)),
                )

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
