"""Numbers as people type them: the one reader for every field and argument that takes one.

Digits are ASCII only (``0``-``9``): a full-width ``１２`` or a superscript ``²`` — which
Python's ``isdigit`` and ``int`` accept — is refused with a message naming it. The decimal
separator is a point or a comma (``2,5`` is two and a half, never 25); spaces around are
ignored; a trailing unit the field expects is accepted (``12 cm``, ``30 s``), and where the field
is a duration in seconds also minutes (``1,5 min``) and minutes:seconds (``1:30``). Anything
else is refused with what was understood ("'8,5 kg': read 8.5, then 'kg': expected
centimetres"). Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from supple.i18n import _

ASCII_DIGITS = frozenset("0123456789")
MAX_DIGITS = 24  # far beyond any measure; keeps every value finite and exact enough
MINUS_SIGNS = "-\u2212"  # a hyphen-minus, or the minus sign a pasted text may hold


class NumberError(ValueError):
    """A text that is not a number this field takes, in words for the person."""


class UnitWords(NamedTuple):
    """A unit as a field declares it (``cm``), its name in a message and the words typed for
    it, each with the factor that turns it into the field's unit."""

    name: str
    words: dict[str, float]
    duration: bool = False  # minutes:seconds is a form of it


UNITS: dict[str, UnitWords] = {
    "cm": UnitWords(
        "centimetres",
        dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), 1.0),
    ),
    "s": UnitWords(
        "seconds",
        {
            **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1.0),
            **dict.fromkeys(("min", "mins", "minute", "minutes"), 60.0),
        },
        duration=True,
    ),
    "°": UnitWords("degrees", dict.fromkeys(("°", "deg", "degree", "degrees"), 1.0)),
    "min": UnitWords(
        "minutes",
        {
            **dict.fromkeys(("min", "mins", "minute", "minutes"), 1.0),
            **dict.fromkeys(("h", "hour", "hours"), 60.0),
        },
    ),
}

_NUMBER = (  # compiled on first use (`_number`): `supple history` imports this module, reads none
    r"""\s*(?P<sign>[-+\u2212]?)\s*
    (?P<number>(?P<whole>[0-9]+)(?::(?P<seconds>[0-9]{2}))?(?:[.,](?P<part>[0-9]*))?
      |[.,](?P<bare>[0-9]+))
    \s*(?P<rest>.*?)\s*"""
)


@cache
def _number() -> re.Pattern[str]:
    return re.compile(_NUMBER, re.VERBOSE | re.DOTALL)


def unit_words(unit: str) -> UnitWords:
    """What a field's unit accepts: a known one's words, else exactly its own."""
    known = UNITS.get(unit.strip().lower())
    if known is not None:
        return known
    return UnitWords(unit.strip(), {unit.strip().lower(): 1.0} if unit.strip() else {})


def foreign_digit(text: str) -> str | None:
    """The first character of ``text`` that is a digit but not an ASCII one (``²``, ``１``)."""
    import unicodedata  # here: most texts are ASCII digits, and most commands read none

    for char in text:
        if char not in ASCII_DIGITS and unicodedata.numeric(char, None) is not None:
            return char
    return None


def is_digits(text: str) -> bool:
    """``text`` is one or more ASCII digits (``str.isdigit`` is true of ``²`` too)."""
    return bool(text) and all(char in ASCII_DIGITS for char in text)


def _shown(text: str) -> str:
    """The typed text inside a message: one line, control characters escaped, not too long."""
    from supple.core.words import printable

    shown = printable(text.strip())
    return shown if len(shown) <= 40 else shown[:39] + "…"


def check_digits(text: str) -> None:
    """NumberError naming the first digit of ``text`` that is not an ASCII one."""
    char = foreign_digit(text)
    if char is not None:
        import unicodedata

        name = unicodedata.name(char, "").lower() or f"u+{ord(char):04x}"
        said = _("'{text}': type the digits 0-9 ('{char}' is a {name})")
        raise NumberError(said.format(text=_shown(text), char=_shown(char), name=name))


def read_number(text: str, unit: str = "", *, whole: bool = False) -> float:
    """The number in ``text``, in the field's ``unit`` (empty: a plain number); NumberError
    saying what was understood and what was expected. ``whole`` refuses a fraction."""
    check_digits(text)
    words = unit_words(unit)
    example = f"12 {unit.strip()}" if unit.strip() else "12"
    match = _number().fullmatch(text)
    if match is None or not text.strip():
        if not text.strip():
            raise NumberError(_("type a number, like {example}").format(example=example))
        said = _("'{text}' is not a number like {example}")
        raise NumberError(said.format(text=_shown(text), example=example))
    seconds, part, rest = match["seconds"], match["part"], match["rest"]
    if len(match["number"]) > MAX_DIGITS:
        raise NumberError(
            _("'{text}': too many digits for a number here").format(text=_shown(text))
        )
    if match["bare"] is not None:
        value = float(f"0.{match['bare']}")
    else:
        value = float(f"{match['whole']}.{part or 0}")
    if seconds is not None:
        if not words.duration:
            said = _("'{text}': minutes:seconds is for a time, not {unit}")
            raise NumberError(said.format(text=_shown(text), unit=words.name))
        if int(seconds) > 59:
            said = _("'{text}': the seconds after ':' go up to 59")
            raise NumberError(said.format(text=_shown(text)))
        value = int(match["whole"]) * 60 + int(seconds) + float(f"0.{part or 0}")
    factor = 1.0
    if rest:
        typed = rest.lower().rstrip(".")
        if typed not in words.words or seconds is not None:
            from supple.core.words import decimal

            got = decimal(value) if seconds is None else f"{match['number']}"
            facts = {"text": _shown(text), "got": got, "rest": _shown(rest), "unit": words.name}
            if unit:
                said = _("'{text}': read {got}, then '{rest}': expected a number in {unit}")
            else:
                said = _("'{text}': read {got}, then '{rest}': expected a number alone")
            raise NumberError(said.format(**facts))
        factor = words.words[typed]
    value = round(value * factor, 9)
    if match["sign"] and match["sign"] in MINUS_SIGNS:
        value = -value
    if whole and value != int(value):
        said = _("'{text}': a whole number, like {example}")
        raise NumberError(said.format(text=_shown(text), example=example))
    return value + 0.0  # no -0.0


def read_whole(text: str, unit: str = "") -> int:
    """A whole number (a count, a port): ``read_number`` refusing fractions."""
    return int(read_number(text, unit, whole=True))
