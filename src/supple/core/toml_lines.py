"""Where a key is written in a TOML file: the line a problem names (``tomlcheck`` reports with
it). Found by scanning the text itself, as TOML reads it (comments and strings blanked)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

KeyPart = str | int  # an int is a 1-based index into an array of tables or values

# Patterns compiled on first use (`_line_patterns`, or re's own cache on an error's path): most
# commands read only files without a problem, and never look for a line.
_HEADER = r"^\s*(\[\[?)\s*([^\]\[]+?)\s*\]\]?\s*$"
# A key part right before "=" (a key) or "." (a dotted key going on), as written on a line whose
# comments and string values are blanked out: bare, or in quotes.
# A quoted part may hold dots ("player.pause" = ... in [keymap]); it is one part.
_KEY = r"""(?:^|(?<=[\s{,.]))(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*([=.])"""


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
