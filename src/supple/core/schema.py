"""Forward compatibility of supple's files: the schema number, which files a newer supple wrote,
and the keys this supple does not know, which a rewrite keeps.

The rule (issue 22): new fields are additive under the same schema number; a reader that
rewrites a file keeps the keys it does not know; a file with a newer schema number is read for
what can be read and never rewritten or quarantined. Imports nothing, so the status line's fast
path may use it.
"""

from collections.abc import Collection, Mapping
from typing import Any

# Every file kind supple reads or writes (routines, programs, sessions, program state, test
# results, its own small state files) carries ``schema = 1``, from here; a kind whose format
# changes incompatibly gets its own number.
SCHEMA = 1


def schema_of(data: Mapping[str, Any], missing: int | None = None) -> int | None:
    """The file's schema number if this supple can read it (its own or a newer one), else None
    (not a whole number, or older). A file without one has ``missing``."""
    schema = data.get("schema", missing)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < SCHEMA:
        return None
    return schema


def newer(schema: int) -> bool:
    """Written by a newer supple: read for what can be read, never rewritten nor moved aside."""
    return schema > SCHEMA


def unknown_keys(data: Mapping[str, Any], known: Collection[str]) -> dict[str, Any]:
    """The keys of ``data`` that ``known`` does not name (nor ``schema``), as they were: kept so
    that a rewrite writes them back."""
    if all(key in known or key == "schema" for key in data):  # the usual case, kept cheap
        return {}
    return {k: v for k, v in data.items() if k not in known and k != "schema"}
