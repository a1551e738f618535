"""Reading a user's TOML strictly: problems that name the file, the key, the line and the fix."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from supple.core import parsed_cache
from supple.core.files import MAX_ROUTINE_BYTES, read_capped, unreadable_reason
from supple.core.toml_keys import MAX_PARTS, too_many_parts
from supple.core.toml_lines import KeyPart as KeyPart
from supple.core.toml_lines import LineIndex as LineIndex
from supple.core.toml_lines import find_line as find_line
from supple.core.value import field, value_class
from supple.core.words import printable
from supple.i18n import _


def dotted(parts: Sequence[KeyPart]) -> str:
    """``["exercise", 2, "levels"]`` -> ``"exercise[2].levels"``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@value_class(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, printable as ``PATH:LINE: key.path: message``.

    Its text quotes the file's own keys and values (and its path): control characters in them
    show escaped (``\x1b``), so printing a problem never lets a file write to the terminal."""

    path: Path
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        return printable(text)


class FileProblems(Exception):
    """A file could not be used; ``problems`` says every reason found."""

    def __init__(self, path: Path, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_TOML_POS = r"\(at line ([0-9]+), column [0-9]+\)"
BOM = "\ufeff"
MAX_PROBLEMS = 50  # problems reported per file; the rest are counted
# Tables and arrays inside each other, and the parts of a key: no file of supple's needs 4.
MAX_DEPTH = MAX_PARTS
INT_LIMIT = 2**63  # TOML integers are 64-bit: larger ones are not TOML, and not a plan


class BadToml(ValueError):
    """Bytes that are no TOML document supple can use; ``message`` says why, ``line`` where."""

    def __init__(self, message: str, line: int | None = None, *, syntax: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.syntax = syntax  # the TOML reader's own syntax error (not a limit of supple's)


def parse_document(raw: bytes | str) -> tuple[str, dict[str, Any]]:
    """The text and the parsed document, or BadToml. The one way supple parses a TOML file, so
    that none of tomllib's own limits ever escapes as a traceback: a byte-order mark, bytes that
    are not UTF-8, nesting deeper than ``MAX_DEPTH`` (tomllib recurses; a key or table name of more
    parts is refused before tomllib reads it, see ``toml_keys``), an integer beyond 64
    bits (tomllib stops at 4,300 digits, and past 64 bits float() fails later)."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            said = _("not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8")
            byte = f"{raw[error.start]:02x}"
            raise BadToml(said.format(byte=byte, offset=error.start)) from None
    else:
        text = raw
    if text.startswith(BOM):
        raise BadToml(
            _("remove the byte-order mark at the start of the file (save it as UTF-8 without one)"),
            1,
        )
    if too_many_parts(text):  # before tomllib, which is quadratic in a key's parts
        raise BadToml(_too_deep())
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(_TOML_POS, message)
        line = int(match.group(1)) if match else None
        said = re.sub(_TOML_POS, "", message).strip()
        # Translators: {error} is the TOML reader's own message, in English
        said = _("TOML syntax error: {error}").format(error=said)
        raise BadToml(said, line, syntax=True) from None
    except RecursionError:
        raise BadToml(_too_deep()) from None
    except (ValueError, OverflowError):  # an integer of more than 4,300 digits
        raise BadToml(_too_large()) from None
    _check_limits(data)
    return text, data


def _too_deep() -> str:
    return _("too deeply nested (tables and arrays at most {depth} deep)").format(depth=MAX_DEPTH)


def _too_large() -> str:
    return _("a number too large (whole numbers at most {limit})").format(
        limit=f"{INT_LIMIT - 1:,}"
    )


def _check_limits(data: dict[str, Any]) -> None:
    """BadToml if anything in ``data`` is nested deeper than ``MAX_DEPTH`` or is an integer
    beyond 64 bits. Without recursion: the check must not be what overflows."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise BadToml(_too_deep())
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
        elif isinstance(value, int) and not -INT_LIMIT <= value < INT_LIMIT:
            raise BadToml(_too_large())


def read_toml(path: Path, limit: int = MAX_ROUTINE_BYTES) -> tuple[str, dict[str, Any]]:
    """Read (at most ``limit`` bytes, of a regular file) and parse ``path``; FileProblems if not."""
    key, cached = parsed_cache.lookup(path, limit)  # parsed last time, if still the same
    if cached is not None:
        return cached
    try:
        raw = read_capped(path, limit)
    except OSError as error:
        raise FileProblems(path, [Problem(path, None, "", unreadable_reason(error))]) from None
    try:
        parsed = parse_document(raw)
    except BadToml as error:
        raise FileProblems(path, [Problem(path, error.line, "", error.message)]) from None
    parsed_cache.keep(path, key, len(raw), parsed)
    return parsed


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """``text`` (of ``path``) parsed; FileProblems naming the file if it cannot be used."""
    try:
        return parse_document(text)[1]
    except BadToml as error:
        raise FileProblems(path, [Problem(path, error.line, "", error.message)]) from None


_MISSING = object()


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (a likely typo), or None: the one "did you mean"."""
    import difflib  # only when something is misspelled: not on every start

    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


@value_class
class Checker:
    """Collects problems while typed values are pulled out of a parsed TOML document."""

    path: Path
    text: str
    problems: list[Problem] = field(default_factory=list)  # every one; ``shown()`` says 50
    _index: LineIndex | None = field(default=None, init=False, repr=False)

    @property
    def full(self) -> bool:
        """As many problems as are shown: later ones are only counted."""
        return len(self.problems) >= MAX_PROBLEMS

    def report(self, parts: Sequence[KeyPart], message: str) -> None:
        line = None
        if not self.full:  # a line is looked up only for a problem that is shown
            if self._index is None:
                self._index = LineIndex(self.text)
            line = self._index.find(parts)
        self.problems.append(Problem(self.path, line, dotted(parts), message))

    def shown(self) -> list[Problem]:
        """The first ``MAX_PROBLEMS`` problems, then one saying how many more there are."""
        if len(self.problems) <= MAX_PROBLEMS:
            return list(self.problems)
        more = len(self.problems) - MAX_PROBLEMS
        tail = Problem(
            self.path, None, "", _("… and {count} more problems").format(count=f"{more:,}")
        )
        return [*self.problems[:MAX_PROBLEMS], tail]

    def raise_if_any(self, error_type: type[FileProblems] = FileProblems) -> None:
        if self.problems:
            raise error_type(self.path, self.shown())

    def keys(
        self,
        table: dict[str, Any],
        parts: Sequence[KeyPart],
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        """Report unknown keys (with a suggestion) and missing required ones."""
        allowed = list(allowed)
        for key in table:
            if key not in allowed:
                if self.full:  # not shown: no need to look for a suggestion
                    self.report([*parts, key], _("unknown key"))
                    continue
                close = closest(key, allowed)
                if close:
                    said = _("unknown key (did you mean '{key}'?)").format(key=close)
                else:
                    said = _("unknown key (allowed: {keys})").format(keys=", ".join(allowed))
                self.report([*parts, key], said)
        for key in required:
            if key not in table:
                self.report([*parts, key] if parts else [key], _("missing (required)"))

    def _get(self, table: dict[str, Any], key: str) -> Any:
        return table.get(key, _MISSING)

    def string(
        self,
        table: dict[str, Any],
        parts: Sequence[KeyPart],
        key: str,
        *,
        default: str | None = None,
        pattern: str | None = None,
        choices: Sequence[str] | None = None,
        max_length: int = 200,
    ) -> str | None:
        value = self._get(table, key)
        if value is _MISSING:
            return default
        where = [*parts, key]
        if not isinstance(value, str):
            self.report(where, _("expected text in quotes, got {got}").format(got=_kind(value)))
            return default
        if choices is not None and value not in choices:
            close = closest(value, choices)
            facts = {"value": printable(value), "choices": ", ".join(choices)}
            if close:
                said = _("unknown value '{value}' (did you mean '{close}'? one of: {choices})")
                self.report(where, said.format(close=close, **facts))
            else:
                self.report(where, _("unknown value '{value}' (one of: {choices})").format(**facts))
            return default
        if pattern is not None and not re.fullmatch(pattern, value):
            said = _("'{value}' is not allowed (lowercase letters, digits and dashes)")
            self.report(where, said.format(value=printable(value)))
            return default
        if not value.strip() and value not in (choices or ()):  # a blank choice is a choice
            self.report(where, _("is empty (expected some text)"))
            return default
        if len(value) > max_length:
            said = _("is {length} characters long (at most {most})")
            self.report(where, said.format(length=len(value), most=max_length))
            return default
        return value

    def number(
        self,
        table: dict[str, Any],
        parts: Sequence[KeyPart],
        key: str,
        *,
        low: float,
        high: float,
        default: float | None = None,
        integer: bool = True,
        unit: str = "",
    ) -> float | None:
        value = self._get(table, key)
        if value is _MISSING:
            return default
        where = [*parts, key]
        ok_type = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_type):
            if integer:
                said = _("expected a whole number, got {got}")
            else:
                said = _("expected a number, got {got}")
            self.report(where, said.format(got=_kind(value)))
            return default
        if not low <= value <= high:
            span = _("{low} to {high}").format(low=_fmt(low), high=_fmt(high))
            if unit:
                span = f"{span} {unit}"
            said = _("{value} is out of range (expected {span})")
            self.report(where, said.format(value=_fmt(value), span=span))
            return default
        return float(value)

    def boolean(
        self, table: dict[str, Any], parts: Sequence[KeyPart], key: str, *, default: bool
    ) -> bool:
        value = self._get(table, key)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            said = _("expected true or false, got {got}").format(got=_kind(value))
            self.report([*parts, key], said)
            return default
        return value

    def table(
        self, table: dict[str, Any], parts: Sequence[KeyPart], key: str
    ) -> dict[str, Any] | None:
        value = self._get(table, key)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.report([*parts, key], _("expected a table, got {got}").format(got=_kind(value)))
            return None
        return value

    def strings(
        self,
        table: dict[str, Any],
        parts: Sequence[KeyPart],
        key: str,
        *,
        min_items: int,
        max_items: int,
        max_length: int = 200,
    ) -> tuple[str, ...] | None:
        value = self._get(table, key)
        if value is _MISSING:
            return None
        where = [*parts, key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            said = _("expected a list of texts, got {got}").format(got=_kind(value))
            self.report(where, said)
            return None
        if not min_items <= len(value) <= max_items:
            said = _("has {count} items (expected {low} to {high})")
            self.report(where, said.format(count=len(value), low=min_items, high=max_items))
            return None
        for index, item in enumerate(value, 1):
            if not item.strip() or len(item) > max_length:
                said = _("must be 1 to {most} characters").format(most=max_length)
                self.report([*where, index], said)
                return None
        return tuple(value)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        return _("the text '{value}'").format(value=printable(value))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__
