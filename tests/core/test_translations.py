"""Translated content in routine and program files (issue 28, core/translations.py): any subset
of the translatable keys in any language falls back key by key to the English; a translation's
steps number the English's, else an error names the file and the key; the file written back
(`supple export`) keeps the English and every translation."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple import i18n
from supple.core.routine import RoutineError, parse_routine
from supple.core.routine_file import dump_routine
from supple.core.translations import EXERCISE_TEXTS, ROUTINE_TEXTS

ENGLISH = {
    "name": "Cat-Cow",
    "how": ("On hands and knees.", "Arch, then round the back."),
    "safety": "Stop if it hurts.",
    "title": "Back relief",
    "summary": "Two gentle moves.",
}
FOREIGN = {
    "name": "Katze-Kuh",
    "how": ["Im Vierfüßlerstand.", "Rücken hohl, dann rund."],
    "safety": "Bei Schmerz aufhören.",
    "title": "Rückenhilfe",
    "summary": "Zwei sanfte Bewegungen.",
}
PATH = Path("mine.toml")


def routine_data(routine_de: dict[str, Any], exercise_de: dict[str, Any]) -> dict[str, Any]:
    exercise = {
        "id": "cat-cow",
        "name": ENGLISH["name"],
        "kind": "reps",
        "how": list(ENGLISH["how"]),
        "safety": ENGLISH["safety"],
        "levels": {level: {"reps": 5} for level in ("beginner", "intermediate", "advanced")},
    }
    data = {"schema": 1, "id": "mine", "title": ENGLISH["title"], "summary": ENGLISH["summary"]}
    for language, table in (("de", exercise_de), ("es", {})):
        if table:
            exercise[language] = table
    if routine_de:
        data["de"] = routine_de
    return {**data, "exercise": [exercise]}


@settings(max_examples=30, deadline=None)
@given(
    routine_keys=st.sets(st.sampled_from(ROUTINE_TEXTS)),
    exercise_keys=st.sets(st.sampled_from(EXERCISE_TEXTS)),
    chosen=st.sampled_from(["en", "de", "es"]),
)
def test_each_key_is_its_translation_or_the_english(
    routine_keys: set[str], exercise_keys: set[str], chosen: str
) -> None:
    i18n.choose(chosen)
    data = routine_data(
        {k: FOREIGN[k] for k in routine_keys}, {k: FOREIGN[k] for k in exercise_keys}
    )
    routine = parse_routine(data, path=PATH)
    exercise = routine.exercises[0]
    shown = {
        "title": routine.title,
        "summary": routine.summary,
        "name": exercise.name,
        "how": list(exercise.how),
        "safety": exercise.safety,
    }
    for key, value in shown.items():
        translated = chosen == "de" and key in routine_keys | exercise_keys
        english = list(ENGLISH[key]) if key == "how" else ENGLISH[key]
        assert value == (FOREIGN[key] if translated else english), key
    # written back: the English and the translations, whatever language was shown
    again = tomllib.loads(dump_routine(routine))
    assert again["title"] == ENGLISH["title"]
    assert again["exercise"][0]["how"] == list(ENGLISH["how"])
    assert again["exercise"][0].get("de", {}) == {k: FOREIGN[k] for k in exercise_keys}
    assert again.get("de", {}) == {k: FOREIGN[k] for k in routine_keys}


@settings(max_examples=15, deadline=None)
@given(steps=st.integers(1, 8).filter(lambda n: n != len(ENGLISH["how"])))
def test_a_translation_with_another_number_of_steps_names_the_file_and_key(steps: int) -> None:
    data = routine_data({}, {"how": [f"Schritt {n}" for n in range(steps)]})
    with pytest.raises(RoutineError) as error:
        parse_routine(data, path=PATH)
    text = str(error.value)
    assert "mine.toml" in text and "exercise[1].de.how" in text.replace(" ", "")
    assert f"{steps} steps, the English has 2" in text


def test_a_key_that_cannot_be_translated_or_a_translation_not_a_table_is_an_error() -> None:
    with pytest.raises(RoutineError, match="kind"):
        parse_routine(routine_data({}, {"kind": "hold"}), path=PATH)
    data = routine_data({}, {})
    data["es"] = "Alivio"
    with pytest.raises(RoutineError, match="expected a table of translations"):
        parse_routine(data, path=PATH)


def test_the_pseudo_locale_stretches_content_too() -> None:
    i18n.choose("pseudo")
    routine = parse_routine(routine_data({}, {}), path=PATH)
    assert routine.title.startswith("[") and len(routine.exercises[0].how) == 2
