"""The bundled content's German and Spanish (issue 28): the texts a person reads and hears of each
exercise, routine, program and test carry their translations inline (one subtable per language,
the same keys as the English they translate).

Two checks. Every bundled file's translations are well formed: a language key of two letters,
only the keys that are translatable at that place, no empty text, the same number of steps as
the English. And the lower body (the lower back, hips, hamstrings and ankles, their two routines
and the lower-back program) is translated whole into German and Spanish: every English text has
its translation, none is left in English, and the German says du and the Spanish tú, as the
English speaks to one person. (The upper body's files: tests/core/test_translations_upper.py.)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUTINES = ROOT / "routines"
LANGUAGES = ("de", "es")
LANGUAGE_KEY = re.compile(r"[a-z]{2}")

# What is translatable where: an exercise (in the library or a routine), a routine or program
# (its top level), a program's test.
EXERCISE_KEYS = ("name", "how", "safety")
TOP_KEYS = ("title", "summary")
TEST_KEYS = ("name", "how", "why")

# A translated name stays as short as the English names are (the longest, 35 characters) with a
# little room: lists at 60 columns show it beside its dose, uncut.
NAME_MAX = 40

LOWER_BODY = (
    "library/lower-back.toml",
    "library/hips.toml",
    "library/hamstrings.toml",
    "library/ankles.toml",
    "lower-back-mobility.toml",
    "back-pain-relief.toml",
    "programs/lower-back-6-weeks.toml",
)

# The formal address a translation to one person on the floor must not use.
FORMAL = {
    "de": re.compile(r"\b(Sie|Ihnen|Ihr|Ihre[mnrs]?)\b"),
    "es": re.compile(r"\busted(es)?\b", re.IGNORECASE),
}


def _bundled() -> list[Path]:
    return sorted(
        p for p in ROUTINES.rglob("*.toml") if "figures" not in p.relative_to(ROUTINES).parts
    )


def _tables(path: Path) -> Iterator[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """Each translatable table of ``path``: where it is, the table, the keys it may translate."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "title" in data:
        yield "top level", data, TOP_KEYS
    for index, exercise in enumerate(data.get("exercise", [])):
        yield f"exercise {exercise.get('id', exercise.get('use', index))}", exercise, EXERCISE_KEYS
    for test in data.get("test", []):
        yield f"test {test['id']}", test, TEST_KEYS


def _translations(table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        key: value
        for key, value in table.items()
        if isinstance(value, dict) and LANGUAGE_KEY.fullmatch(key)
    }


def _texts(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else [value]


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: str(p.relative_to(ROUTINES)))
def test_every_bundled_translation_is_well_formed(path: Path) -> None:
    for where, table, allowed in _tables(path):
        for language, translated in _translations(table).items():
            at = f"{path.name}: {where} [{language}]"
            assert set(translated) <= set(allowed), (
                f"{at}: not translatable: {set(translated) - set(allowed)}"
            )
            for key, value in translated.items():
                assert key in table, f"{at}: {key} has no English to translate"
                texts = _texts(value)
                assert all(isinstance(text, str) and text.strip() for text in texts), (
                    f"{at}: {key} is empty"
                )
                assert len(texts) == len(_texts(table[key])), (
                    f"{at}: {key} has another number of steps"
                )


def _lower_body_texts() -> Iterator[tuple[str, str, str, str]]:
    """Each English text of the lower body's files: (where, language, English, translation)."""
    for name in LOWER_BODY:
        for where, table, allowed in _tables(ROUTINES / name):
            for language in LANGUAGES:
                translated = table.get(language, {})
                for key in allowed:
                    if key not in table:
                        continue
                    english = _texts(table[key])
                    theirs = _texts(translated.get(key, [None] * len(english)))
                    for step, (text, translation) in enumerate(zip(english, theirs, strict=False)):
                        yield f"{name}: {where} {key}[{step}]", language, text, translation


LOWER_BODY_TEXTS = list(_lower_body_texts())


def test_the_lower_body_has_its_texts() -> None:
    """The walk reaches every table: 36 exercises, 5 tests and 3 top levels, in both languages."""
    named = [
        where for where, _, _, _ in LOWER_BODY_TEXTS if where.endswith(("name[0]", "title[0]"))
    ]
    assert len(named) == (36 + 5 + 3) * len(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lower_body_is_translated_whole(language: str) -> None:
    for where, lang, english, translation in LOWER_BODY_TEXTS:
        if lang != language:
            continue
        assert translation is not None, f"{where}: no {language} translation"
        if len(english.split()) > 3:
            assert translation != english, f"{where}: left in English in {language}"
        assert not FORMAL[language].search(translation), (
            f"{where}: formal address in {language}: {translation}"
        )
        if where.endswith(("name[0]", "title[0]")):
            assert len(translation) <= NAME_MAX, f"{where}: longer than {NAME_MAX}: {translation}"
