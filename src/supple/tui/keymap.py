"""The `[keymap]` of the settings, checked against the bindings it remaps: unknown binding ids,
keys Textual does not know, two actions on one key of one screen, and a way out of a state
(resume, back, end, quit, confirm, cancel) left with no key that reaches it are each reported,
and that binding keeps its default. Here too: the keymap as Textual is given it (``in_force``)
and a binding's keys in words, as the app has them now (``say_keys``), for every text that
names a key.

Checked here, in the TUI, because the binding ids and what makes a key are Textual's: the ids are
on the ``Binding``s of the app, its screens and widgets, the key names those of ``textual.keys``.
A copy of either in ``supple.core`` would drift from them. The screens are imported only when a
keymap is set (or by ``supple config show``), so a start without one pays nothing.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, format_key
from textual.screen import Screen

from supple.core.tomlcheck import Checker, Problem, closest
from supple.i18n import p_
from supple.tui.internals import binding_keys, character_to_key, keymap_of, unicode_name_of_key

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
KEY_NAMES = frozenset(k.value for k in Keys)
# Bindings that share a key by design: one of them is always disabled.
SHARED = (frozenset({"player.pause", "player.resume"}),)
# The ways out of a state: resume, back, end, quit, confirm, cancel. Each keeps a key that
# reaches it under any keymap the check accepts.
WAYS_OUT = frozenset(
    {
        "app.quit",
        "player.resume",
        "player.stop",
        "confirm.yes",
        "confirm.no",
        "cautious.yes",
        "cautious.no",
        "help.close",
        "jump.close",
        "advice.close",
        "feeling.skip",
        "hurt.cancel",
        "import.close",
        "saveas.cancel",
        "settings.back",
        "editor.back",
        "unreadable.back",
        "history.back",
        "detail.back",
        "stats.back",
        "program.back",
        "tests.back",
        "summary.home",
        "summary.quit",
        "home.quit",
    }
)
# What holds the focus on a screen and takes keys before the screen's bindings: a text field
# takes every key that makes a character; a list its own keys (its bindings, Textual's).
TEXT_FIELDS = frozenset({"feeling", "import", "settings", "editor", "tests", "saveas"})
Defaults = dict[str, dict[str, tuple[str, ...]]]  # screen name -> binding id -> keys


@functools.cache
def default_bindings() -> Defaults:
    """Per screen (and ``app``, whose bindings work on every screen), each binding id and its
    keys as shipped: of every node class supple.tui declares — the app, the screens, and the
    widgets (their ids are named after the screen they live on: ``editor.add`` on the editor's
    list). Found by walking the package, so a binding is remappable as soon as it has an id,
    with nothing else to register, and the keymap imports no screen or app by name."""
    groups: Defaults = {}
    widgets: list[dict[str, tuple[str, ...]]] = []
    for node in tui_nodes():
        ids = _ids(node)
        if not ids:
            continue
        if issubclass(node, App):
            groups.setdefault("app", {}).update(ids)
        elif issubclass(node, Screen):
            groups[node.__name__.removesuffix("Screen").lower()] = ids
        else:
            widgets.append(ids)
    for ids in widgets:  # live on the screen whose ids share their prefix
        prefix = next(iter(ids)).split(".")[0]
        home = next(
            (g for g, own in groups.items() if any(i.split(".")[0] == prefix for i in own)),
            prefix,
        )
        groups.setdefault(home, {}).update(ids)
    return groups


def tui_nodes() -> list[type[DOMNode]]:
    """Every DOMNode class (app, screen, widget) defined in a module of supple.tui."""
    import supple.tui as package

    nodes: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        nodes += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, DOMNode)
            and value.__module__ == module.__name__
        ]
    return nodes


def _ids(node: type) -> dict[str, tuple[str, ...]]:
    ids: dict[str, tuple[str, ...]] = {}
    for key, bindings in binding_keys(node).items():
        for binding in bindings:
            if binding.id:
                ids[binding.id] = (*ids.get(binding.id, ()), key)
    return ids


def key_problem(key: str) -> str | None:
    """What is wrong with one key (``k``, ``space``, ``ctrl+x``), or None if Textual knows it."""
    if not key:
        return "an empty key (two commas, or one at an end?)"
    if len(key) == 1:
        return None if key.isprintable() and not key.isspace() else f"{key!r} is not a key"
    *modifiers, base = key.split("+")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            hint = closest(modifier, MODIFIERS)
            return f"unknown modifier {modifier!r}" + (f" (did you mean {hint!r}?)" if hint else "")
    if len(set(modifiers)) != len(modifiers):
        return f"{key!r} repeats a modifier"
    if len(base) == 1:
        return None if base.isprintable() and not base.isspace() else f"{key!r} is not a key"
    if base in KEY_NAMES:
        return None
    name = unicode_name_of_key(REPLACED_KEYS.get(base, base))
    try:
        character = unicodedata.lookup(name.upper().replace("_", " "))
    except KeyError:
        character = ""
    if character and character_to_key(character) == base:
        return None
    hint = closest(base, KEY_NAMES)
    return f"{base!r} is not a key Textual knows" + (f" (did you mean {hint!r}?)" if hint else "")


def normalized(keys: str) -> tuple[str, ...]:
    """The keys of one binding as Textual matches them: ``?`` is ``question_mark``."""
    return tuple(character_to_key(k) if len(k) == 1 else k for k in keys.split(","))


def key_word(key: str) -> str:
    """One key as a person reads it: ``escape`` is Esc, ``question_mark`` is ?."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    return "+".join([*modifiers, named_key(base) or format_key(base)])


def named_key(key: str) -> str | None:
    """The name of a key that has one in the person's language ("space": "Leertaste")."""
    match key:
        case "escape":
            return p_("key", "Esc")
        case "enter":
            return p_("key", "Enter")
        case "tab":
            return p_("key", "Tab")
        case "space":
            return p_("key", "space")
        case "delete":
            return p_("key", "Del")
    return None


def keys_in_force(app: App[Any], owner: type[DOMNode], binding_id: str) -> tuple[str, ...]:
    """The keys of ``binding_id`` (declared on ``owner``) as the app has them now: the
    keymap's if it remaps it, else the shipped ones."""
    return keys_of(owner, binding_id, keymap_of(app))


def keys_of(owner: type[DOMNode], binding_id: str, keymap: Mapping[str, str]) -> tuple[str, ...]:
    """The keys of ``binding_id`` (declared on ``owner``) under ``keymap`` (the settings'
    ``[keymap]``): its keys if it remaps the binding, else the shipped ones. Without an app, for
    plain mode, which reads the same declarations."""
    remapped = keymap.get(binding_id)
    if remapped:
        return tuple(dict.fromkeys(k.strip() for k in remapped.split(",")))
    return _ids(owner).get(binding_id, ())


def say_keys(app: App[Any], owner: type[DOMNode], binding_id: str, joiner: str = " or ") -> str:
    """The keys of ``binding_id`` in force, in words (``space or k``): every text that names a
    key says it through here, so it names the key that works."""
    return joiner.join(dict.fromkeys(key_word(k) for k in keys_in_force(app, owner, binding_id)))


def in_force(good: Mapping[str, str], defaults: Defaults | None = None) -> dict[str, str]:
    """The keymap as Textual is given it: ``good`` and, for each binding that shares a shipped
    key with a remapped one on its screen, its own keys stated. (Textual drops every binding of
    a key whose binding is remapped: ``"player.pause" = "space,k"`` would take space from
    resume.)"""
    screens = defaults if defaults is not None else default_bindings()
    app = screens.get("app", {})
    full = dict(good)
    for ids in screens.values():
        bindings = {**app, **ids}
        for binding_id in good:
            if binding_id not in bindings:
                continue
            for other, keys in bindings.items():
                if other not in full and set(keys) & set(bindings[binding_id]):
                    full[other] = ",".join(keys)
    return full


def check_ui_settings(
    theme: str,
    keymap: Mapping[str, str],
    path: Path,
    text: str,
    themes: Collection[str] | None = None,
) -> tuple[bool, dict[str, str], list[Problem]]:
    """The settings only Textual can judge, each problem at its line in ``text``: whether
    ``theme`` is one of ``themes`` (the app's; by default Textual's built-in ones, for
    ``supple config show``), the usable entries of ``keymap``, and the problems."""
    if themes is None:
        from textual.theme import BUILTIN_THEMES

        themes = BUILTIN_THEMES
    check = Checker(path, text)
    theme_ok = theme in themes
    if not theme_ok:
        allowed = ", ".join(sorted(themes))
        check.report(["theme"], f"unknown theme '{theme}' (one of: {allowed}); using the default")
    good: dict[str, str] = {}
    if keymap:  # the screens are imported (to find the binding ids) only for a keymap
        good, problems = check_keymap(keymap, path, text)
        check.problems.extend(problems)
    return theme_ok, good, check.problems


def check_keymap(
    keymap: Mapping[str, str],
    path: Path,
    text: str = "",
    defaults: Defaults | None = None,
) -> tuple[dict[str, str], list[Problem]]:
    """The entries of ``keymap`` that can be used, and a problem for each that cannot."""
    screens = defaults if defaults is not None else default_bindings()
    known = {i: keys for ids in screens.values() for i, keys in ids.items()}
    check = Checker(path, text)
    good: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        where = ["keymap", binding_id]
        if binding_id not in known:
            hint = closest(binding_id, known)
            check.report(
                where,
                f"unknown binding id {binding_id!r}"
                + (f" (did you mean {hint!r}?)" if hint else "")
                + "; ignored",
            )
            continue
        problems = [p for k in keys.split(",") if (p := key_problem(k.strip())) is not None]
        if problems:
            check.report(where, f"{problems[0]}; {_keeping(binding_id, known)}")
            continue
        good[binding_id] = ",".join(k.strip() for k in keys.split(","))
    # A way out refused first: its default then counts in the clashes looked for next.
    for binding_id in [i for i in good if i in WAYS_OUT]:
        screen = next(s for s, ids in screens.items() if binding_id in ids)
        taken = _taken(screen)
        if all(k in taken or _types(k, screen) for k in normalized(good[binding_id])):
            place = "any screen" if screen == "app" else f"the {screen} screen"
            check.report(
                ["keymap", binding_id],
                f"{good[binding_id]!r} would leave no way out of {place}: "
                + ("its text field types it" if screen in TEXT_FIELDS else "its list takes it")
                + f"; {_keeping(binding_id, known)}",
            )
            del good[binding_id]
    while clash := _first_clash(good, screens):
        key, screen, culprit, other = clash
        place = "every screen" if screen == "app" else f"the {screen} screen"
        check.report(
            ["keymap", culprit],
            f"{key!r} is also the key of {other!r} on {place} (two actions on one key); "
            + _keeping(culprit, known),
        )
        del good[culprit]
    return good, check.problems


def _types(key: str, screen: str) -> bool:
    """Whether a text field of ``screen`` would type ``key`` (a character, shifted or not)."""
    if screen not in TEXT_FIELDS:
        return False
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    character = len(base) == 1 or base == "space" or base not in KEY_NAMES
    return set(modifiers) <= {"shift"} and character


def _taken(screen: str) -> frozenset[str]:
    """The keys the widget holding the focus on ``screen`` takes before the screen's bindings."""
    from textual.containers import VerticalScroll
    from textual.widgets import Input, OptionList

    holders: dict[str, type[DOMNode]] = {"jump": OptionList, "help": VerticalScroll}
    holder = Input if screen in TEXT_FIELDS else holders.get(screen)
    return frozenset(binding_keys(holder)) if holder is not None else frozenset()


def _keeping(binding_id: str, known: Mapping[str, Sequence[str]]) -> str:
    return f"keeping the default {','.join(known[binding_id])!r}"


def _first_clash(good: Mapping[str, str], screens: Defaults) -> tuple[str, str, str, str] | None:
    """A key that two bindings of one screen would share because of the keymap: the key, the
    screen, the binding remapped last in the file, and the other."""
    order = list(good)
    app = screens.get("app", {})
    for screen, ids in screens.items():
        bindings = {**app, **ids}
        owners: dict[str, list[str]] = {}
        for binding_id, default in bindings.items():
            keys = normalized(good[binding_id]) if binding_id in good else default
            for key in dict.fromkeys(keys):
                owners.setdefault(key, []).append(binding_id)
        for key, sharing in owners.items():
            for n, first in enumerate(sharing):
                for second in sharing[n + 1 :]:
                    if _meant(first, second, key, bindings) or not {first, second} & set(good):
                        continue
                    culprit, other = sorted(
                        (first, second), key=lambda i: order.index(i) if i in good else -1
                    )[::-1]
                    return key, screen, culprit, other
    return None


def _meant(first: str, second: str, key: str, bindings: Mapping[str, Sequence[str]]) -> bool:
    """Shared by design: both had this key as shipped, or the pair is one of ``SHARED``."""
    return frozenset({first, second}) in SHARED or (
        key in bindings[first] and key in bindings[second]
    )
