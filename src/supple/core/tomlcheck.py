"""Reading a user's TOML strictly: problems that name the file, the key, the line and the fix."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supple.core.words import printable

KeyPart = str | int  # an int is a 1-based index into an array of tables or values


def dotted(parts: Sequence[KeyPart]) -> str:
    """``["exercise", 2, "levels"]`` -> ``"exercise[2].levels"``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True, slots=True)
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


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]\[]+?)\s*\]\]?\s*(#.*)?$")
_TOML_POS = re.compile(r"\(at line (\d+), column \d+\)")


def _headers(lines: Sequence[str]) -> list[tuple[int, str, bool]]:
    """(0-based line, dotted name, is array-of-tables) for every table header."""
    found = []
    for number, text in enumerate(lines):
        match = _HEADER.match(text)
        if match:
            name = re.sub(r"\s*\.\s*", ".", match.group(2)).replace('"', "")
            found.append((number, name, match.group(1) == "[["))
    return found


def find_line(text: str, parts: Sequence[KeyPart]) -> int | None:
    """Best guess of the 1-based line where ``parts`` is written; None if it cannot be found."""
    lines = text.splitlines()
    headers = _headers(lines)
    start, stop, rest = 0, (headers[0][0] if headers else len(lines)), list(parts)
    header_line: int | None = None
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
        name, nth = parts[0], parts[1]
        arrays = [h for h in headers if h[1] == name and h[2]]
        if 1 <= nth <= len(arrays):
            start = header_line = arrays[nth - 1][0]
            later = [h[0] for h in headers if h[0] > start and not h[1].startswith(name + ".")]
            stop = later[0] if later else len(lines)
            rest = list(parts[2:])
    elif parts and isinstance(parts[0], str):
        tables = [h for h in headers if h[1] == parts[0] and not h[2]]
        if tables:
            start = header_line = tables[0][0]
            later = [h[0] for h in headers if h[0] > start and not h[1].startswith(parts[0] + ".")]
            stop = later[0] if later else len(lines)
            rest = list(parts[1:])
    words = [p for p in rest if isinstance(p, str)]
    if not words:
        return None if header_line is None else header_line + 1
    last = words[-1]
    key_re = re.compile(rf'(^|[\s{{,.]){re.escape(last)}"?\s*=')
    candidates = [n for n in range(start, stop) if key_re.search(lines[n])]

    def context(n: int) -> str:
        above = [h for h in headers if h[0] <= n]
        return lines[n] + " " + (above[-1][1] if above else "")

    for n in candidates:
        if all(re.search(rf"\b{re.escape(w)}\b", context(n)) for w in words):
            return n + 1
    if candidates:
        return candidates[0] + 1
    first_re = re.compile(rf'(^|[\s{{,.]){re.escape(words[0])}"?\s*[=.]')
    for n in range(start, stop):
        if first_re.search(lines[n]):
            return n + 1
    return None if header_line is None else header_line + 1


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """Read and parse ``path``; every failure is a FileProblems naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FileProblems(
            path, [Problem(path, None, "", f"cannot read: {error.strerror}")]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = (
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8"
        )
        raise FileProblems(path, [Problem(path, None, "", message)]) from None
    return text, parse_toml(path, text)


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POS.search(message)
        line = int(match.group(1)) if match else None
        message = _TOML_POS.sub("", message).strip()
        problem = Problem(path, line, "", f"TOML syntax error: {message}")
        raise FileProblems(path, [problem]) from None


_MISSING = object()


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (a likely typo), or None: the one "did you mean"."""
    import difflib  # only when something is misspelled: not on every start

    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


@dataclass
class Checker:
    """Collects problems while typed values are pulled out of a parsed TOML document."""

    path: Path
    text: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, parts: Sequence[KeyPart], message: str) -> None:
        self.problems.append(
            Problem(self.path, find_line(self.text, parts), dotted(parts), message)
        )

    def raise_if_any(self, error_type: type[FileProblems] = FileProblems) -> None:
        if self.problems:
            raise error_type(self.path, self.problems)

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
                close = closest(key, allowed)
                hint = f"did you mean '{close}'?" if close else "allowed: " + ", ".join(allowed)
                self.report([*parts, key], f"unknown key ({hint})")
        for key in required:
            if key not in table:
                self.report([*parts, key] if parts else [key], "missing (required)")

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
            self.report(where, f"expected text in quotes, got {_kind(value)}")
            return default
        if choices is not None and value not in choices:
            close = closest(value, choices)
            hint = f"did you mean '{close}'? " if close else ""
            shown = printable(value)
            self.report(where, f"unknown value '{shown}' ({hint}one of: {', '.join(choices)})")
            return default
        if pattern is not None and not re.fullmatch(pattern, value):
            shown = printable(value)
            self.report(where, f"'{shown}' is not allowed (lowercase letters, digits and dashes)")
            return default
        if not value.strip():
            self.report(where, "is empty (expected some text)")
            return default
        if len(value) > max_length:
            self.report(where, f"is {len(value)} characters long (at most {max_length})")
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
        wanted = "a whole number" if integer else "a number"
        ok_type = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_type):
            self.report(where, f"expected {wanted}, got {_kind(value)}")
            return default
        if not low <= value <= high:
            span = f"{_fmt(low)} to {_fmt(high)}{(' ' + unit) if unit else ''}"
            self.report(where, f"{_fmt(value)} is out of range (expected {span})")
            return default
        return float(value)

    def boolean(
        self, table: dict[str, Any], parts: Sequence[KeyPart], key: str, *, default: bool
    ) -> bool:
        value = self._get(table, key)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.report([*parts, key], f"expected true or false, got {_kind(value)}")
            return default
        return value

    def table(
        self, table: dict[str, Any], parts: Sequence[KeyPart], key: str
    ) -> dict[str, Any] | None:
        value = self._get(table, key)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.report([*parts, key], f"expected a table, got {_kind(value)}")
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
            self.report(where, f"expected a list of texts, got {_kind(value)}")
            return None
        if not min_items <= len(value) <= max_items:
            self.report(where, f"has {len(value)} items (expected {min_items} to {max_items})")
            return None
        for index, item in enumerate(value, 1):
            if not item.strip() or len(item) > max_length:
                self.report([*where, index], f"must be 1 to {max_length} characters")
                return None
        return tuple(value)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{printable(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
