"""The translation layer (supple.i18n, issue 28): which language, from where, and what it does to
a string; the language's choice on the command line and in the settings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supple import i18n
from supple.i18n import _, from_environment, language_code, n_, pseudo

LOCALES = st.sampled_from(
    ["de_DE.UTF-8", "de_AT", "de", "es_ES.UTF-8", "es_MX", "es", "fr_FR.UTF-8", "C", "POSIX",
     "C.UTF-8", "en_GB.UTF-8", "pt_BR", "en@pseudo", "", "  "]
)  # fmt: skip
SUPPORTED = {"de": "de", "es": "es", "en": "en", "C": "en", "PO": "en", "en@pseudo": "pseudo"}


def expected(value: str) -> str | None:
    for prefix, code in sorted(SUPPORTED.items(), key=lambda kv: -len(kv[0])):
        if value.strip().startswith(prefix) and not (prefix == "en" and "@pseudo" in value):
            return code
    return None


@given(st.dictionaries(st.sampled_from(i18n.ENVIRONMENT), LOCALES), st.lists(LOCALES, max_size=3))
def test_the_first_variable_set_decides_and_languages_list_is_searched_in_order(
    environ: dict[str, str], listed: list[str]
) -> None:
    if listed:
        environ = {**environ, "LANGUAGE": ":".join(listed)}
    first = next((environ[n] for n in i18n.ENVIRONMENT if environ.get(n, "").strip()), None)
    if first is None:
        assert from_environment(environ) == "en"
        return
    found = [expected(part) for part in first.split(":")]
    assert from_environment(environ) == next((f for f in found if f), "en")


def test_the_flag_wins_over_the_setting_which_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANGUAGE", "es")
    i18n.reset()
    assert i18n.language() == "es"
    i18n.use_setting("de")
    assert i18n.language() == "de"
    i18n.choose("es")
    i18n.use_setting("en")
    assert i18n.language() == "es"
    i18n.choose(None)
    assert i18n.language() == "en"
    i18n.use_setting("")  # blank: the system's again
    assert i18n.language() == "es"
    with pytest.raises(ValueError, match="fr"):
        i18n.choose("fr")


def test_english_reads_no_catalogue_and_other_languages_translate() -> None:
    assert _("Breathe in") == "Breathe in"
    assert i18n._catalogue is None  # English costs no file
    i18n.choose("de")
    assert _("Breathe in") == "Einatmen"
    assert n_("{count} day", "{count} days", 2).format(count=2) == "2 Tage"
    i18n.choose("es")
    assert _("Breathe in") == "Inhala"
    assert _("a sentence no catalogue has") == "a sentence no catalogue has"


WORDS = st.text(st.characters(codec="utf-8", categories=["L", "Nd", "P", "Zs"]), max_size=40)


@given(st.lists(st.one_of(WORDS, st.from_regex(r"\{[a-z_]{1,8}\}", fullmatch=True)), max_size=6))
def test_the_pseudo_locale_is_longer_bracketed_and_keeps_every_placeholder(
    parts: list[str],
) -> None:
    text = "".join(parts)
    shown = pseudo(text)
    if not text:
        assert shown == ""
        return
    assert shown.startswith("[") and shown.endswith("]")
    assert re.findall(r"\{[^{}]*\}", shown) == re.findall(r"\{[^{}]*\}", text)
    words = re.findall(r"[A-Za-z]+", re.sub(r"\{[^{}]*\}", " ", text))
    letters = sum(map(len, words))
    assert len(shown) - 2 - len(text) >= max(len(words), 0.3 * letters)


def test_pseudo_is_chosen_by_flag_or_locale_and_accents_every_string() -> None:
    assert language_code("en@pseudo") == "pseudo"
    i18n.choose("pseudo")
    shown = _("Session complete. Well done.")
    assert shown.startswith("[") and len(shown) >= len("Session complete. Well done.") * 1.4
    assert "é" in shown and "Session" not in shown


def test_lang_on_the_command_line_before_the_command_and_after_play(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from supple.cli import _chosen_lang, build_parser

    _chosen_lang(["--lang", "de", "list"])
    assert i18n.language() == "de"
    _chosen_lang(["play", "--lang=es", "x"])
    assert i18n.language() == "es"
    _chosen_lang(["play", "--", "--lang", "de"])  # after --: not an option
    assert i18n.language() == "es"
    assert build_parser("play").parse_args(["--lang", "de", "play"]).lang == "de"
    assert build_parser("play").parse_args(["play", "--lang", "es"]).lang == "es"
    with pytest.raises(SystemExit):
        build_parser("play").parse_args(["play", "--lang", "fr"])
    assert "opción no válida: 'fr'" in capsys.readouterr().err  # argparse's words translated too


def test_the_language_setting_is_read_checked_and_applied(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from supple.coach.coach import Coach
    from supple.core.config import load_config

    path = Path(str(tmp_path)) / "config.toml"
    path.write_text('language = "de"\n', encoding="utf-8")
    Coach.from_environment(config_path=path)
    assert i18n.language() == "de"
    path.write_text('language = "fr"\n', encoding="utf-8")
    config, problems = load_config(path)
    assert config.language == "" and "fr" in problems[0].message
