"""Words the importers share: one clean line, an id from a name, a free id, a duration."""

from __future__ import annotations

import re
import unicodedata


def clean_text(value: str) -> str:
    """One line of at most 20,000 characters read: control, format and separator characters
    as spaces, runs of white space as one, trimmed."""
    spaced = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value[:20_000])
    return " ".join(spaced.split())


def slug(text: str, fallback: str) -> str:
    """An id from a name: ASCII letters and digits joined by dashes, at most 64 characters."""
    text = text.replace("'", "").replace("’", "")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:64].strip("-")
    return base or fallback


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet (then taken)."""
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[: 64 - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(candidate)
    return candidate


def duration_words(seconds: int) -> str:
    """ "40 s", "2 min", "1 min 30 s"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
