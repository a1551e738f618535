"""How many parts a TOML key or table name has, counted before the TOML reader sees the text.

tomllib spends time quadratic in the parts of one dotted key or header (``a.a.a…`` of 120,000
parts hangs it for minutes; measured: 20,000 parts take 4 to 22 s), so the count must come
first. The cap is ``MAX_PARTS`` (the tables-and-arrays depth ``tomlcheck`` allows, 32): a key of
more parts makes tables nested deeper than that, which is refused after parsing anyway, so
nothing supple could use is refused here. Up to the cap, a 256 KiB file of 32-part keys or
headers parses as fast as one of 4-part ones (measured: 0.4 to 2 s either way, the file caps
bound the rest), and the length of a key needs no cap of its own: a 200 KB key parses in 16 ms.

Most files have no line of 32 dots, and are passed at once (measured: 1 ms for the 25 bundled
files, which tomllib reads in 26 ms). Otherwise the scan is linear: it walks from one string or
comment to the next (each found by a regular expression, skipped whole) and counts the dots
between the characters that end a key or a value (``= , { } [ ]`` and a new line). A float or a
time has one dot; text in quotes none. An unclosed string ends the scan: tomllib stops there
too, with its own error.
"""

from __future__ import annotations

import re

MAX_PARTS = 32  # tomlcheck.MAX_DEPTH is this

_OPENING = re.compile(r"\"\"\"|'''|[\"'#]")
_CLOSING = {
    '"""': re.compile(r'(?:[^"\\]|\\[\s\S]|"(?!""))*"{0,2}"""'),
    "'''": re.compile(r"[\s\S]*?'''(?:''|')?"),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
    "#": re.compile(r"[^\n]*"),
}
_ENDS = re.compile(r"[=,{}\[\]\n]")


def too_many_parts(text: str) -> bool:
    """Whether a key or a table name in ``text`` (TOML) has more than ``MAX_PARTS`` parts."""
    most = MAX_PARTS - 1  # dots in one key
    if text.count(".") <= most:  # most files: nothing to count
        return False
    # A key or table name is on one line (TOML has no line break inside one, inline tables
    # included): without a line of that many dots, there is nothing to count.
    if all(line.count(".") <= most for line in text.split("\n")):
        return False
    run = 0  # dots since the last end of a key or value
    at = 0
    while True:
        found = _OPENING.search(text, at)
        stop = found.start() if found else len(text)
        pieces = _ENDS.split(text[at:stop])
        run += pieces[0].count(".")
        if run > most:
            return True
        if len(pieces) > 1:
            run = max(piece.count(".") for piece in pieces[1:])
            if run > most:
                return True
            run = pieces[-1].count(".")
        if found is None:
            return False
        closed = _CLOSING[found.group()].match(text, found.end())
        if closed is None:
            return False
        at = closed.end()
