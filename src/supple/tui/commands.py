"""Command palette: "Start <routine> at <level>" for every routine and level."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from supple.core.routine import LEVELS
from supple.core.timeline import expand, total_seconds
from supple.tui.format import minutes

if TYPE_CHECKING:
    from supple.tui.app import SuppleApp


class StartCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        app = cast("SuppleApp", self.app)
        for routine in app.catalog.routines:
            for level in LEVELS:
                length = minutes(total_seconds(expand(routine, level)))
                yield (
                    f"Start {routine.title} at {level}",
                    f"{length} · {routine.summary}",
                    partial(app.start_from_palette, routine.id, level),
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
