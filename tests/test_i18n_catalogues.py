"""What CI checks of the catalogues (issue 28 item 5, `scripts/i18n.py check`): the template is
the code's, German and Spanish translate every entry (none fuzzy, none missing), each with the
English placeholders by name, and each committed .mo is the compile of its .po."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("babel", reason="the test extra installs Babel")
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_the_catalogues_are_complete_and_the_template_is_the_codes(tool: ModuleType) -> None:
    assert tool.problems() == []


@pytest.mark.parametrize("language", ["de", "es"])
def test_each_mo_is_the_compile_of_its_po(tool: ModuleType, language: str) -> None:
    po = tool.po_path(language)
    assert po.with_suffix(".mo").read_bytes() == tool.compiled(tool.read(po))


def test_the_check_finds_a_wrong_placeholder_a_fuzzy_and_an_untranslated_entry(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is not vacuous: a broken copy of the German catalogue is refused, by entry."""
    catalog = tool.read(tool.po_path("de"))
    catalog["{minutes} min"].string = "{minuten} Min."
    catalog["Breathe in"].flags.add("fuzzy")
    catalog["Hold"].string = ""
    broken = tmp_path / "de" / "LC_MESSAGES" / "supple.po"
    tool.write(broken, catalog)
    monkeypatch.setattr(tool, "po_path", lambda language: broken)
    found = "\n".join(tool.problems())
    assert "'{minutes} min' has placeholders ['minuten'], the English ['minutes']" in found
    assert "'Breathe in' is fuzzy" in found
    assert "'Hold' is not translated" in found


def test_a_string_in_the_code_but_not_in_the_template_is_found(
    tool: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    extra = tmp_path / "supple" / "extra.py"
    extra.parent.mkdir()
    extra.write_text('from supple.i18n import _\n\nX = _("A new sentence")\n', encoding="utf-8")
    monkeypatch.setattr(tool, "sources", lambda: iter([extra]))
    monkeypatch.setattr(tool, "SRC", tmp_path)
    assert any("'A new sentence' is in the code" in p for p in tool.problems())


# The glossary's choice: German says du, Spanish tú (R3 item 6). Capitalised "Sie"/"Ihr…" in
# German is formal unless it starts a sentence ("Sie bleibt im Speicher": it); "Ihnen" and a
# verb before "Sie" ("geben Sie") always are. Spanish's formal imperatives and "usted" have no
# informal homograph ("su" does: its; so a formal "su" is not found here).
FORMAL = {
    "de": re.compile(
        r"\bIhnen\b|\b\w+en Sie\b|\bIhr(?:e|en|em|er|es)?\b|(?<![.!?]\s)(?<!^)(?<!\n)\bSie\b"
    ),
    "es": re.compile(
        r"(?i)\b(?:usted(?:es)?|responda|conteste|consulte|indique|pulse|elija|escriba|"
        r"introduzca|seleccione|d[ií]gaselo|in[ií]cielo|le dé)\b"
    ),
}


def formal(language: str, text: str) -> list[str]:
    return FORMAL[language].findall(text)


def test_the_formal_address_search_finds_it_and_passes_the_informal() -> None:
    assert formal("de", "Nicht gespeichert: Beantworten Sie zuerst Frage 1 und Ihren Schmerz.")
    assert formal("de", "Das Programm: Sie haben mit Ja geantwortet.")
    assert not formal(
        "de", "Diese Einheit ist offen. Sie bleibt im Speicher; gib deinen Schmerz an."
    )
    assert formal("es", "No guardado: responda primero la pregunta 1.")
    assert formal("es", "Cuando un profesional le dé el visto bueno, dígaselo a supple.")
    assert not formal("es", "Responde primero; la app conserva su progreso.")


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_catalogues_say_du_and_tu(tool: ModuleType, language: str) -> None:
    found = []
    for message in tool.read(tool.po_path(language)):
        shown = message.string if isinstance(message.string, tuple | list) else [message.string]
        found += [
            f"{s!r}: {formal(language, s)}" for s in shown if message.id and formal(language, s)
        ]
    assert found == []
