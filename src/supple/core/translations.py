"""The translations a routine, library or program file carries for its own texts (issue 28):
one subtable per language (``[exercise.de]``, a routine's top-level ``[es]``, ``[test.de]``),
holding only the table's translatable keys, declared here once. The reader picks the person's
language at load time, key by key, the English standing in for any key not translated; the
English stays the source of truth, and what was read is kept (``Texts``) so that a file written
back (`supple export`) holds the English and every translation as they were.

A language key is two lower-case letters that are not one of the table's own keys; a translated
``how`` has exactly as many steps as the English (each step is shown and said at its moment)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from supple import i18n
from supple.core.tomlcheck import Checker, KeyPart
from supple.i18n import _

# Which keys of each table may be translated: the texts a person reads or hears.
EXERCISE_TEXTS = ("name", "how", "safety")
ROUTINE_TEXTS = ("title", "summary")
TEST_TEXTS = ("name", "how", "why")
STEPS = "how"  # a list of steps: the same number as the English
# A translation may run longer than its English (German does): the limits, in characters.
TEXT_LIMITS = {"name": 90, "title": 120, "summary": 600, "safety": 450, "why": 600}
MAX_STEP = 400
LANGUAGE_KEY = re.compile(r"[a-z]{2}")

Text = str | tuple[str, ...]
# language -> key -> text, as the file has it; "en" the English, kept once a table translates
Texts = dict[str, dict[str, Text]]


def language_keys(table: Mapping[str, Any], own: Sequence[str]) -> list[str]:
    """The keys of ``table`` that are translations (for the check of its keys: allowed)."""
    return [k for k in table if k not in own and LANGUAGE_KEY.fullmatch(k)]


def read_translations(
    check: Checker,
    table: Mapping[str, Any],
    where: list[KeyPart],
    own: Sequence[str],
    texts: Sequence[str],
    english: Mapping[str, Text | None],
) -> Texts:
    """Every translation of ``table`` (whose own keys are ``own``), checked: each a table of
    ``texts`` keys only, a ``how`` with as many steps as ``english``'s. Problems reported."""
    found: Texts = {}
    for language in language_keys(table, own):
        here = [*where, language]
        raw = table[language]
        if not isinstance(raw, dict):
            said = _("expected a table of translations ({keys})").format(keys=", ".join(texts))
            check.report(here, said)
            continue
        check.keys(raw, here, texts)
        read: dict[str, Text] = {}
        for key in texts:
            if key not in raw:
                continue
            if key == STEPS:
                steps = check.strings(raw, here, key, min_items=1, max_items=8)
                wanted = english.get(key)
                if steps is None:
                    continue
                if isinstance(wanted, tuple) and len(steps) != len(wanted):
                    said = _(
                        "{count} steps, the English has {english}: a translation has as many "
                        "steps as the English"
                    )
                    check.report([*here, key], said.format(count=len(steps), english=len(wanted)))
                    continue
                if any(len(step) > MAX_STEP for step in steps):
                    said = _("a step is over {most} characters").format(most=MAX_STEP)
                    check.report([*here, key], said)
                    continue
                read[key] = tuple(steps)
            else:
                text = check.string(raw, here, key, max_length=TEXT_LIMITS.get(key, 400))
                if text is not None:
                    read[key] = text
        if read:
            found[language] = read
    if found:
        found["en"] = {k: v for k, v in english.items() if v is not None}
    return found


def used_translations(
    library: Mapping[str, Any], raw: Mapping[str, Any], own: Sequence[str]
) -> dict[str, Any]:
    """What a routine's ``use =`` takes of the library table's translations: each language's,
    less a key the routine rewrites in English (that translation was of the library's English),
    with the routine's own translations in that language over it."""
    found: dict[str, Any] = {}
    for language in language_keys(library, own):
        theirs, mine = library[language], raw.get(language)
        if not isinstance(theirs, dict) or not (mine is None or isinstance(mine, dict)):
            continue  # not a table: the checker reports it where it is
        kept = {k: v for k, v in theirs.items() if k not in raw}
        if kept or mine:
            found[language] = kept | (mine or {})
    return found


def shown(key: str, english: Text, texts: Texts) -> Text:
    """``key``'s text in the person's language: its translation, else the English (the
    pseudo-locale's made from the English, so every content text is stretched too)."""
    chosen = i18n.language()
    if chosen == "pseudo":
        return english if isinstance(english, str) and not english else _pseudo(english)
    return texts.get(chosen, {}).get(key, english)


def _pseudo(english: Text) -> Text:
    if isinstance(english, str):
        return i18n.pseudo(english)
    return tuple(i18n.pseudo(step) for step in english)


def as_tables(texts: Texts) -> dict[str, dict[str, Any]]:
    """The translations as a file writes them (``[exercise.de]``...): the English left out."""
    return {
        language: {k: list(v) if isinstance(v, tuple) else v for k, v in table.items()}
        for language, table in texts.items()
        if language != "en"
    }
