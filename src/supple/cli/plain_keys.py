"""Plain mode's keys: what was typed as the key Textual would name it, and a screen's bindings
as the person has them (the declaration's keys and words, the settings' ``[keymap]``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from supple.i18n import _

if TYPE_CHECKING:
    from textual.dom import DOMNode

ALIASES = {"esc": "escape", "return": "enter", "": "enter", "\n": "enter", "\r": "enter"}
SEQUENCES = {"\x1b": "escape", "\x1b[C": "right", "\x1b[D": "left", "\x7f": "backspace"}


class Source(Protocol):
    """Where keys come from: ``key`` waits up to ``timeout`` seconds (None: until one comes)
    and gives what was typed (a character, or a line without its newline) or None when the
    time ran out; ``line`` waits for a whole line. Both raise EOFError at the end of input."""

    def key(self, timeout: float | None) -> str | None: ...
    def line(self) -> str: ...


def key_name(typed: str) -> str:
    """What was typed as the key Textual would name it: ``+`` is ``plus``, a lone Esc
    ``escape``, an empty line Enter; a key's word typed on a line (``space``, ``Esc``) too."""
    from supple.tui.keymap import normalized

    if typed in SEQUENCES:
        return SEQUENCES[typed]
    text = typed if typed == " " else typed.strip()
    if len(text) == 1:
        return normalized(text)[0]
    lowered = text.lower()
    return ALIASES.get(lowered, lowered)


class Keys:
    """Some bindings of one screen as the person has them: which binding a key is, and each
    binding's keys and description in words (from the declaration, never restated)."""

    def __init__(self, owner: type[DOMNode], ids: Iterable[str], keymap: dict[str, str]) -> None:
        from supple.tui.internals import binding_keys
        from supple.tui.keymap import keys_of, normalized

        self.owner = owner
        self.ids = tuple(ids)
        self.keys = {i: keys_of(owner, i, keymap) for i in self.ids}
        self._by_key: dict[str, str] = {}
        for binding_id, keys in self.keys.items():
            for key in keys:
                self._by_key.setdefault(normalized(key)[0] if len(key) == 1 else key, binding_id)
        self._bindings = {
            b.id: b for bindings in binding_keys(owner).values() for b in bindings if b.id
        }

    def binding(self, key: str) -> str | None:
        return self._by_key.get(key)

    def say(self, binding_id: str) -> str:
        from supple.tui.keymap import key_word

        # Translators: between two keys of one action in plain mode, "n or → next"
        either = _("or")
        return f" {either} ".join(dict.fromkeys(key_word(k) for k in self.keys[binding_id]))

    def first(self, binding_id: str) -> str:
        """The first of its keys, in words (an example to type)."""
        from supple.tui.keymap import key_word

        keys = self.keys[binding_id]
        return key_word(keys[0]) if keys else ""

    def description(self, binding_id: str) -> str:
        return _(str(self._bindings[binding_id].description))

    def tooltip(self, binding_id: str) -> str:
        return _(str(self._bindings[binding_id].tooltip or self._bindings[binding_id].description))
