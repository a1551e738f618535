"""The one translation layer (issue 28): every string a person reads or hears goes through it.

``_("Rest, next: {name}").format(name=...)`` translates a sentence (named placeholders only, whole
sentences, never fragments glued together); ``n_(one, many, count)`` a sentence with a number;
``p_(context, message)`` a word that is ambiguous alone (a cue word, a key label). ``lazy(...)``
marks a string declared at import time (a class attribute, a table, a binding's description): it
returns its English as it is, for the extractor to find, and the place that shows it passes it
through ``_()`` then, so ``--lang`` and the setting apply although the module was imported first.

The language: ``--lang`` (``choose``) > the ``language`` setting (``use_setting``) > the
environment (``LANGUAGE``, a list, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one set
counts, as GNU gettext reads them) > English. ``pseudo`` (or ``en@pseudo``) is the pseudo-locale:
every string about 40 % longer, accented and bracketed, made on the fly (nothing shipped), so a
screen can be checked for cut words in a language nobody has translated yet.

Pure standard library, importable by every layer. English costs nothing: no file is read and
``gettext`` is not imported until a string is first translated into another language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    import gettext

DOMAIN: Final = "supple"
LOCALE_DIR: Final = Path(__file__).parent / "locale"
Language = Literal["en", "de", "es", "pseudo"]
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
TRANSLATED: Final[tuple[Language, ...]] = ("de", "es")  # the catalogues shipped
ENVIRONMENT: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # in gettext's order
# How each language writes a number's decimal part (CLDR's sign: "1.5 min", "1,5 min"); a new
# language adds its own here.
DECIMAL_SIGNS: Final[Mapping[Language, str]] = {"en": ".", "de": ",", "es": ",", "pseudo": "."}

_flag: Language | None = None  # --lang
_setting: Language | None = None  # the `language` setting; None: follow the system
_current: Language | None = None  # resolved, until something changes
_catalogue: gettext.NullTranslations | None = None


def language_code(text: str) -> Language | None:
    """The supported language a locale name means ("de_DE.UTF-8" -> "de", "en@pseudo" ->
    "pseudo", "C" -> "en"); None for one not supported ("fr_FR")."""
    text = text.strip()
    if text in ("pseudo", "en@pseudo") or text.startswith("en_") and text.endswith("@pseudo"):
        return "pseudo"
    if text in ("C", "POSIX") or text.startswith(("C.", "POSIX.")):
        return "en"
    code = text.split("@", 1)[0].split(".", 1)[0].split("_", 1)[0].split("-", 1)[0].lower()
    for supported in LANGUAGES:
        if code == supported != "pseudo":
            return supported
    return None


def from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for: the first of ``ENVIRONMENT`` that is set decides
    (``LANGUAGE`` may list several, "de:en": the first supported one counts); English if it
    names none supported."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        raw = environ.get(name, "")
        if raw.strip():
            for part in raw.split(":"):
                found = language_code(part)
                if found is not None:
                    return found
            return "en"
    return "en"


def language() -> Language:
    """The language strings are translated into now."""
    global _current
    if _current is None:
        _current = _flag or _setting or from_environment()
    return _current


def decimal_sign() -> str:
    """The decimal sign of the language now ("." or ",")."""
    return DECIMAL_SIGNS[language()]


def choose(code: str | None) -> None:
    """``--lang``: wins over the setting and the environment (None: no flag)."""
    global _flag
    _flag = None if code is None else _checked(code)
    _changed()


def use_setting(code: str) -> None:
    """The ``language`` setting ("" follows the system)."""
    global _setting
    _setting = _checked(code) if code else None
    _changed()


def reset() -> None:
    """No flag, no setting, the environment read again (the tests' fixture)."""
    global _flag, _setting
    _flag = _setting = None
    _changed()


def _checked(code: str) -> Language:
    found = language_code(code)
    if found is None:
        raise ValueError(f"{code!r} is not one of {', '.join(LANGUAGES)}")
    return found


def _changed() -> None:
    global _current, _catalogue
    _current = None
    _catalogue = None


def _translations() -> gettext.NullTranslations | None:
    """The catalogue of the language chosen, read on first use; None for English."""
    global _catalogue
    chosen = language()
    if chosen == "en":
        return None
    if _catalogue is None:
        if chosen == "pseudo":
            _catalogue = _pseudo_translations()
        else:
            import gettext

            _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
    return _catalogue


def _(message: str) -> str:
    """``message`` in the person's language (English if it has no translation)."""
    found = _translations()
    return message if found is None else found.gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a sentence for ``count`` (format ``count`` in yourself: ``{count}``)."""
    found = _translations()
    if found is None:
        return singular if count == 1 else plural
    return found.ngettext(singular, plural, count)


def p_(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (a word that reads two ways alone)."""
    found = _translations()
    return message if found is None else found.pgettext(context, message)


def lazy(message: str) -> str:
    """``message`` marked for translation where it is declared, translated where it is shown
    (by ``_()``): its English, unchanged."""
    return message


def translated_field(english: str, translations: Mapping[str, str]) -> str:
    """A content text (a routine's title, an exercise's name) in the person's language: its
    translation in the file if there is one, its English otherwise (the pseudo-locale's made
    from it)."""
    chosen = language()
    if chosen == "pseudo":
        return pseudo(english)
    return translations.get(chosen, english)


# -- the pseudo-locale --------------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "aeiouyAEIOUYcnsCNSzZ",
    "áéíóüýÁÉÍÓÜÝçñšÇÑŠžŽ",
)
PSEUDO_GROWTH: Final = 0.4


def pseudo(text: str) -> str:
    """``text`` in the pseudo-locale: each word about 40 % longer (its letters doubled in
    turn), accented, the whole bracketed; ``{placeholders}`` and markup-free punctuation
    kept as they are."""
    import re

    if not text:
        return text
    parts = re.split(r"(\{[^{}]*\})", text)  # odd parts: the placeholders, kept
    out = [part if index % 2 else _pseudo_words(part) for index, part in enumerate(parts)]
    return "[" + "".join(out) + "]"


def _pseudo_words(text: str) -> str:
    import re

    def stretch(match: re.Match[str]) -> str:
        word = match.group()
        extra = max(1, round(len(word) * PSEUDO_GROWTH))
        letters = []
        for index, char in enumerate(word):
            letters.append(char)
            if index < extra:  # extra <= len(word): enough letters to double
                letters.append(char)
        return "".join(letters).translate(_ACCENTED)

    return re.sub(r"[A-Za-z]+", stretch, text)


def _pseudo_translations() -> gettext.NullTranslations:
    import gettext

    class Pseudo(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return pseudo(message)

        def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
            return pseudo(msgid1 if n == 1 else msgid2)

        def pgettext(self, context: str, message: str) -> str:
            return pseudo(message)

        def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
            return pseudo(msgid1 if n == 1 else msgid2)

    return Pseudo()
