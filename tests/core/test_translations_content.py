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
from hypothesis import given, settings
from hypothesis import strategies as st

from supple import i18n
from supple.core.library import load_library
from supple.core.program import load_program
from supple.core.routine import load_catalog, parse_routine
from supple.core.translations import EXERCISE_TEXTS, LANGUAGE_KEY, ROUTINE_TEXTS, TEST_TEXTS

ROOT = Path(__file__).resolve().parents[2]
ROUTINES = ROOT / "routines"
LANGUAGES = ("de", "es")

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
        yield "top level", data, ROUTINE_TEXTS
    for index, exercise in enumerate(data.get("exercise", [])):
        yield f"exercise {exercise.get('id', exercise.get('use', index))}", exercise, EXERCISE_TEXTS
    for test in data.get("test", []):
        yield f"test {test['id']}", test, TEST_TEXTS


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


def _library_tables() -> dict[str, dict[str, Any]]:
    files = sorted((ROUTINES / "library").glob("*.toml"))
    tables = [tomllib.loads(path.read_text(encoding="utf-8"))["exercise"] for path in files]
    return {table["id"]: table for file in tables for table in file}


@pytest.mark.parametrize("language", LANGUAGES)
def test_supple_reads_the_lower_body_in_the_persons_language(language: str) -> None:
    """Read as supple reads them, in ``language``: each exercise of the library and each one a
    routine uses, each routine and the program, each test shows the file's translation."""
    i18n.choose(language)
    library = {item.id: item.exercise for item in load_library(ROUTINES / "library").exercises}
    tables = _library_tables()
    catalog = load_catalog([(ROUTINES, "bundled")])
    routines = {routine.id: routine for routine in catalog.routines}
    program = load_program(ROUTINES / "programs" / "lower-back-6-weeks.toml", catalog)
    for name in LOWER_BODY:
        data = tomllib.loads((ROUTINES / name).read_text(encoding="utf-8"))
        for raw in data.get("exercise", []):
            if "use" in raw:  # a routine's: the library's exercise, its translations with it
                exercise, raw = routines[data["id"]].exercise(raw["use"]), tables[raw["use"]]
            else:
                exercise = library[raw["id"]]
            translated = raw[language]
            assert exercise.name == translated["name"]
            assert list(exercise.how) == translated["how"]
            assert exercise.safety == translated.get("safety", raw.get("safety"))
        if "workout" in data:
            assert (program.title, program.summary) == tuple(data[language].values())
        elif "title" in data:
            routine = routines[data["id"]]
            assert (routine.title, routine.summary) == tuple(data[language].values())
        for test, table in zip(program.tests, data.get("test", []), strict=False):
            assert (test.name, list(test.how), test.why) == tuple(table[language].values())


USED_DE = {"name": "Katze-Kuh", "how": ["Vierfüßlerstand.", "Rund, dann hohl."], "safety": "Sanft."}
USED = {
    "id": "cat-cow",
    "name": "Cat-Cow",
    "kind": "reps",
    "how": ["Kneel on all fours.", "Round, then arch the back."],
    "safety": "Stay in an easy range.",
    "levels": {level: {"reps": 5} for level in ("beginner", "intermediate", "advanced")},
    "de": USED_DE,
}


@settings(max_examples=25, deadline=None)
@given(
    rewritten=st.sets(st.sampled_from(EXERCISE_TEXTS)),
    own_de=st.sets(st.sampled_from(EXERCISE_TEXTS)),
)
def test_a_used_exercise_keeps_the_librarys_translations_of_what_it_does_not_rewrite(
    rewritten: set[str], own_de: set[str]
) -> None:
    """A routine's ``use =`` brings the library's translations along; a key the routine rewrites
    in English drops the library's translation of it (it translated other words), and the
    routine's own translation of a key wins."""
    mine = {"name": "Mine", "how": ["My first.", "My second."], "safety": "My care."}
    mine_de = {"name": "Meins", "how": ["Mein erster.", "Mein zweiter."], "safety": "Meine."}
    raw: dict[str, Any] = {"use": "cat-cow", **{k: mine[k] for k in rewritten}}
    if own_de:
        raw["de"] = {k: mine_de[k] for k in own_de}
    data = {"schema": 1, "id": "mine", "title": "Mine", "exercise": [raw]}
    i18n.choose("de")
    exercise = parse_routine(data, path=Path("mine.toml"), library=lambda: {"cat-cow": USED})
    for key in EXERCISE_TEXTS:
        if key in own_de:
            wanted = mine_de[key]
        elif key in rewritten:
            wanted = mine[key]
        else:
            wanted = USED_DE[key]
        got = getattr(exercise.exercises[0], key)
        assert (list(got) if key == "how" else got) == wanted
