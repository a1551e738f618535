"""The history index (`<data dir>/index.json`): a cache of every session file's record, so that a
large history loads quickly; the files stay the truth."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from supple.core.files import MAX_INDEX_BYTES, atomic_write, read_capped

# 2: each entry is SessionRecord.to_toml() output (keys in field order), read back unchecked
INDEX_VERSION = 2


def read_index(path: Path) -> dict[str, list[Any]]:
    """The cached entries, each ``[mtime_ns, size, to_toml() output]``. The index is only a
    cache: anything unexpected in it (not a small regular file, not UTF-8 JSON, nested too
    deep, entries of the wrong shape) is dropped without a word, and rebuilt from the files.
    """
    import json  # the index is read in a worker, after the first paint

    try:
        raw = json.loads(read_capped(path, MAX_INDEX_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict) or raw.get("version") != INDEX_VERSION:
        return {}
    files = raw.get("files")
    if not isinstance(files, dict):
        return {}
    return {
        k: v
        for k, v in files.items()
        if type(v) is list
        and len(v) == 3
        and type(v[0]) is int
        and type(v[1]) is int
        and type(v[2]) is dict
    }


def write_index(path: Path, files: dict[str, list[Any]]) -> None:
    import json

    data = json.dumps({"version": INDEX_VERSION, "files": files}, separators=(",", ":"))
    with contextlib.suppress(OSError):  # only a cache: the next load rebuilds it
        atomic_write(path, data.encode("utf-8"))
