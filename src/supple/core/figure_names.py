"""The built-in figures' names, for validating routine and program files without drawing or
even building a figure (`supple list` and `validate` pay nothing for the poses: the names are
the ``id = "…"`` lines of the figure files, read without parsing them; a test checks that these
are exactly the figures ``supple.core.figures`` loads). Kept in the parsed-file cache while no
figure file changes, so a command that checks a figure's name reads none of them."""

from __future__ import annotations

from functools import cache
from pathlib import Path


def ids_in(text: str) -> list[str]:
    """The figure ids of a figure file's ``text`` (its ``id = "…"`` lines), in order."""
    import re  # the pattern is compiled only where a file is read

    return re.findall(r'^id\s*=\s*"([^"]+)"\s*$', text, re.MULTILINE)


def figures_dir() -> Path:
    """Inside the installed wheel; in a source checkout, the top-level ``routines/figures``."""
    from supple.core.packaged import routines_dir

    return routines_dir() / "figures"


@cache
def figure_names() -> tuple[str, ...]:
    """Every built-in figure's id, in file order (files sorted by name)."""
    from supple.core import parsed_cache

    folder = figures_dir()
    # The files' keys, taken before they are read (none to take without a cache in use).
    files = parsed_cache.folder_keys(folder, depth=0) if parsed_cache.active() else ()
    kept = parsed_cache.recall("figure names", files, ())
    if isinstance(kept, tuple) and all(isinstance(name, str) for name in kept):
        return kept
    names: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        names += ids_in(path.read_text(encoding="utf-8"))
    parsed_cache.remember("figure names", files, (), tuple(names))
    return tuple(names)
