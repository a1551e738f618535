"""Reading a user's TOML strictly: problems that name the file, the key, the line and the fix."""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from supple.core import parsed_cache
from supple.core.files import MAX_ROUTINE_BYTES, read_capped, unreadable_reason
from supple.core.value import field, value_class
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


# Patterns compiled on first use (`_line_patterns`, or re's own cache on an error's path): most
# commands read only files without a problem, and never look for a line.
_HEADER = r"^\s*(\[\[?)\s*([^\]\[]+?)\s*\]\]?\s*$"
_TOML_POS = r"\(at line ([0-9]+), column [0-9]+\)"
# A key part right before "=" (a key) or "." (a dotted key going on), as written on a line whose
# comments and string values are blanked out: bare, or in quotes.
# A quoted part may hold dots ("player.pause" = ... in [keymap]); it is one part.
_KEY = r"""(?:^|(?<=[\s{,.]))(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*([=.])"""
BOM = "\ufeff"
MAX_PROBLEMS = 50  # problems reported per file; the rest are counted
MAX_DEPTH = 32  # tables and arrays inside each other: no file of supple's needs more than 4
INT_LIMIT = 2**63  # TOML integers are 64-bit: larger ones are not TOML, and not a plan


def _code_lines(text: str) -> list[str]:
    """Each line as TOML reads it: comments and the inside of multi-line strings removed, string
    values blanked (quoted keys kept), so that only keys and headers are left to find. One pass."""
    out: list[str] = []
    quote = ""  # the multi-line string we are in, across lines: three double or single quotes
    for line in text.splitlines():
        chars: list[str] = []
        i, n = 0, len(line)
        while i < n:
            if quote:
                end = line.find(quote, i)
                while end > 0 and quote[0] == '"' and _escaped(line, end):
                    end = line.find(quote, end + 1)
                if end < 0:
                    break
                i = end + 3
                while i < n and line[i] == quote[0]:  # four or five quotes: the last three end it
                    i += 1
                quote = ""
                chars.append('""')
                continue
            c = line[i]
            if c == "#":
                break
            if c in "\"'":
                if line.startswith(c * 3, i):
                    quote = c * 3
                    i += 3
                    continue
                j = i + 1
                while j < n and line[j] != c:
                    j += 2 if c == '"' and line[j] == "\\" else 1
                body = line[i : j + 1]
                # A key (followed by "=" or ".") or part of a table header is kept as written.
                keep = line[j + 1 :].lstrip()[:1] in ("=", ".", "]")
                chars.append(body if keep else c + " " * max(0, len(body) - 2) + c)
                i = j + 1
                continue
            chars.append(c)
            i += 1
        out.append("".join(chars))
    return out


def _escaped(line: str, at: int) -> bool:
    slashes = 0
    while at - slashes - 1 >= 0 and line[at - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


@cache
def _line_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_HEADER), re.compile(_KEY)


class LineIndex:
    """Where keys and table headers are written in one file: built once, in one pass, so that
    finding the line of any key is a lookup (a file of 20,000 keys is validated in well under a
    second; scanning the whole text again for each key was quadratic)."""

    def __init__(self, text: str) -> None:
        self.lines = _code_lines(text)
        self.count = len(self.lines)
        self.headers: list[tuple[int, str, bool]] = []  # (0-based line, name, array of tables)
        self.keys: dict[str, list[tuple[int, str]]] = {}  # key part -> (line, "=" or ".")
        header, key_pattern = _line_patterns()
        for number, line in enumerate(self.lines):
            match = header.match(line)
            if match:
                name = re.sub(r"\s*\.\s*", ".", match.group(2)).replace('"', "").replace("'", "")
                self.headers.append((number, name, match.group(1) == "[["))
                continue
            if "=" not in line:
                continue
            for key in key_pattern.finditer(line):
                part = key.group(1) or key.group(2) or key.group(3)
                self.keys.setdefault(part, []).append((number, key.group(4)))
        self.header_lines = [h[0] for h in self.headers]
        self.by_name: dict[tuple[str, bool], list[int]] = {}  # (name, array) -> header positions
        for position, (_, name, array) in enumerate(self.headers):
            self.by_name.setdefault((name, array), []).append(position)

    def _section(self, position: int) -> tuple[int, int]:
        """The lines of the table whose header is at ``position`` in ``headers``, with its
        sub-tables: up to the next header that is not one of them."""
        start, name, _ = self.headers[position]
        for later, other, _ in self.headers[position + 1 :]:
            if not other.startswith(name + "."):
                return start, later
        return start, self.count

    def _header_above(self, line: int) -> str:
        position = bisect.bisect_right(self.header_lines, line) - 1
        return self.headers[position][1] if position >= 0 else ""

    def _on(self, key: str, kinds: str, start: int, stop: int) -> list[int]:
        found = self.keys.get(key, [])
        low = bisect.bisect_left(found, (start, ""))
        high = bisect.bisect_left(found, (stop, ""))
        return [line for line, what in found[low:high] if what in kinds]

    def find(self, parts: Sequence[KeyPart]) -> int | None:
        """Best guess of the 1-based line where ``parts`` is written; None if not found."""
        start, stop = 0, (self.headers[0][0] if self.headers else self.count)
        rest = list(parts)
        header_line: int | None = None
        if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
            arrays = self.by_name.get((parts[0], True), [])
            if 1 <= parts[1] <= len(arrays):
                start, stop = self._section(arrays[parts[1] - 1])
                header_line = start
                rest = list(parts[2:])
        elif parts and isinstance(parts[0], str):
            tables = self.by_name.get((parts[0], False), [])
            if tables:
                start, stop = self._section(tables[0])
                header_line = start
                rest = list(parts[1:])
        words = [p for p in rest if isinstance(p, str)]
        if not words:
            return None if header_line is None else header_line + 1
        candidates = self._on(words[-1], "=", start, stop)
        for n in candidates:
            context = self.lines[n] + " " + self._header_above(n)
            if all(re.search(rf"\b{re.escape(w)}\b", context) for w in words):
                return n + 1
        if candidates:
            return candidates[0] + 1
        first = self._on(words[0], "=.", start, stop)
        if first:
            return first[0] + 1
        return None if header_line is None else header_line + 1


def find_line(text: str, parts: Sequence[KeyPart]) -> int | None:
    """Best guess of the 1-based line where ``parts`` is written; None if it cannot be found.
    (To find many in one file, build one LineIndex.)"""
    return LineIndex(text).find(parts)


class BadToml(ValueError):
    """Bytes that are no TOML document supple can use; ``message`` says why, ``line`` where."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_document(raw: bytes | str) -> tuple[str, dict[str, Any]]:
    """The text and the parsed document, or BadToml. The one way supple parses a TOML file, so
    that none of tomllib's own limits ever escapes as a traceback: a byte-order mark, bytes that
    are not UTF-8, nesting deeper than ``MAX_DEPTH`` (tomllib recurses), an integer beyond 64
    bits (tomllib stops at 4,300 digits, and past 64 bits float() fails later)."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadToml(
                f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
                "save it as UTF-8"
            ) from None
    else:
        text = raw
    if text.startswith(BOM):
        raise BadToml(
            "remove the byte-order mark at the start of the file (save it as UTF-8 without one)",
            1,
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(_TOML_POS, message)
        line = int(match.group(1)) if match else None
        said = re.sub(_TOML_POS, "", message).strip()
        raise BadToml(f"TOML syntax error: {said}", line) from None
    except RecursionError:
        raise BadToml(_TOO_DEEP) from None
    except (ValueError, OverflowError):  # an integer of more than 4,300 digits
        raise BadToml(_TOO_LARGE) from None
    _check_limits(data)
    return text, data


_TOO_DEEP = f"too deeply nested (tables and arrays at most {MAX_DEPTH} deep)"
_TOO_LARGE = f"a number too large (whole numbers at most {INT_LIMIT - 1:,})"


def _check_limits(data: dict[str, Any]) -> None:
    """BadToml if anything in ``data`` is nested deeper than ``MAX_DEPTH`` or is an integer
    beyond 64 bits. Without recursion: the check must not be what overflows."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise BadToml(_TOO_DEEP)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
        elif isinstance(value, int) and not -INT_LIMIT <= value < INT_LIMIT:
            raise BadToml(_TOO_LARGE)


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
        tail = Problem(self.path, None, "", f"… and {more:,} more problems")
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
                    self.report([*parts, key], "unknown key")
                    continue
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
        if not value.strip() and value not in (choices or ()):  # a blank choice is a choice
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
