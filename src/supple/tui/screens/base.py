"""What every full screen shares: the too-small notice and the footer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.events import ScreenResume, ScreenSuspend
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from supple.i18n import _

MIN_WIDTH = 60
MIN_HEIGHT = 20
COMPACT_BELOW = 90  # columns: the layouts below this width are the narrow ones


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is below the minimum size."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Make the terminal at least {width} × {height} to use supple.\n"
                "(Everything keeps running; enlarge it to see again.)"
            ).format(width=MIN_WIDTH, height=MIN_HEIGHT),
            classes="too-small",
        )


class FittingFooter(Footer):
    """The footer that shows a key whole or not at all: the keys that would run past its right
    edge (the palette's key docked there) are hidden, in the order declared (a later, shorter
    one may still fit), never cut ("←/→ Le"). So a screen declares its most needed keys first.
    Help (?), which lists every key, is always shown: its room is kept before any other's."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.call_after_refresh(self.fit)

    def _keys(self) -> list[tuple[str, str, bool, bool, str]]:
        """The keys as the footer would show them now."""
        return [
            (binding.key, binding.description, enabled, binding.show, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        ]

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuilt only when shown and its keys changed: each rebuild restyles a new widget a
        key, and the screen's bindings are said to change whenever a dialog opens or closes
        over it (``uncover`` catches up with what changed while it was hidden)."""
        if not self.display or (keys := self._keys()) == getattr(self, "_drawn", None):
            return
        if self.app.app_focus:  # Footer draws nothing while the terminal has no focus
            self._drawn = keys
        super().bindings_changed(screen)

    def cover(self) -> None:
        self.display = False

    def uncover(self) -> None:
        """Shown as the stylesheet says (not where the screen is too small to show it)."""
        self.styles.clear_rule("display")
        if self.is_attached:
            self.screen.refresh(layout=True)
            self.call_later(self.bindings_changed, self.screen)  # rebuilt in its own context

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        keys = list(self.query("FooterKey"))  # by name: the class is not public
        room = self.size.width
        palette = [key for key in keys if key.has_class("-command-palette")]
        kept = [key for key in keys if str(getattr(key, "action", "")).endswith("help")]
        for key in kept:
            key.display = True
        for key in palette + kept:
            if key.styles.display != "none":  # the narrow player and home hide the palette
                room -= self._width(key)
        for key in keys:
            if key in palette or key in kept:
                continue
            width = self._width(key)
            key.display = width <= room
            if key.display:
                room -= width

    def _width(self, key: Widget) -> int:
        content = key.get_content_width(self.size, self.app.size)
        return content + key.styles.gutter.width + key.styles.margin.width


def spoken_space(key: str) -> str | None:
    """The space bar's name in the person's language, for the footer (Textual names it in
    English; its other keys are symbols: ⏎, ←)."""
    from supple.tui.keymap import named_key

    return named_key(key) if key == "space" else None


def translated(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The active bindings with their words in the person's language: the descriptions and
    tooltips are declared with ``lazy()`` (at import, before the language is known) and
    translated here, where the footer and help read them."""
    from dataclasses import replace

    def words(text: str) -> str:
        return _(text) if text else text  # gettext("") is the catalogue's header

    return {
        key: ActiveBinding(
            node,
            replace(
                binding,
                description=words(binding.description),
                tooltip=words(binding.tooltip),
                key_display=binding.key_display or spoken_space(binding.key),
            ),
            enabled,
            words(tooltip),
        )
        for key, (node, binding, enabled, tooltip) in active.items()
    }


class SuppleScreen(Screen[None]):
    """A screen whose content hides behind a clear notice when the terminal is too small.

    The App's breakpoints set ``-too-narrow`` / ``-too-short`` on every screen; the stylesheet
    swaps the content for ``TooSmall`` and back, so nothing is rebuilt and no timer stops.
    """

    def compose(self) -> ComposeResult:
        yield from self.body()
        yield FittingFooter()
        yield TooSmall()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)

    def body(self) -> Iterable[Widget]:
        raise NotImplementedError

    def key_for(self, binding_id: str) -> str:
        """The key(s) in force for this screen's binding ``binding_id``, in words (the one
        helper, ``keymap.say_keys``); the id itself if no such binding is declared."""
        from supple.tui.keymap import say_keys

        return say_keys(self.app, type(self), binding_id) or binding_id

    def show_notice(self, message: str, severity: str, timeout: float | None) -> bool:
        """Show a notification in the screen itself; False: let it be a toast, as usual."""
        return False

    @on(ScreenSuspend)
    @on(ScreenResume)
    def cover_footer(self, event: ScreenSuspend | ScreenResume) -> None:
        """Under a dialog the footer goes (its keys do nothing until the dialog closes), and
        comes back after. The footer's own style, not a class on the screen (Textual's
        ``SUSPENDED_SCREEN_CLASS``): a class restyles every widget under it and throws away
        what each had drawn, so a dialog over the program screen took 0.3-1.5 s to appear."""
        for footer in self.query(FittingFooter):
            if isinstance(event, ScreenResume):
                footer.uncover()
            else:
                footer.cover()

    @on(ScreenResume)
    def _report_environment(self) -> None:
        """An environment variable found unreadable (the first session finds the player and
        the speech program) is said once, on the screen shown next."""
        from supple.system.environment import take_problems

        lines = take_problems()
        if lines:  # one notice (the player shows one at a time)
            message = "\n".join(lines)  # untrusted text: never markup
            self.notify(
                message, title=_("Environment"), severity="warning", timeout=15, markup=False
            )

    def pause_for_modal(self) -> Callable[[], None] | None:
        """A dialog is about to cover this screen: stop what should not run unseen, and return
        how to carry on after it (None: nothing to carry on)."""
        return None
