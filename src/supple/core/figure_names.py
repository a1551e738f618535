"""The built-in figures' names, for validating routine and program files without drawing or
even building a figure (`supple list` and `validate` pay nothing for the poses: the names are
the ``id = "…"`` lines of the figure files, read without parsing them; a test checks that these
are exactly the figures ``supple.core.figures`` loads)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ID = re.compile(r'^id\s*=\s*"([^"]+)"\s*$', re.MULTILINE)


def figures_dir() -> Path:
    """Inside the installed wheel; in a source checkout, the top-level ``routines/figures``."""
    from supple.core.packaged import routines_dir

    return routines_dir() / "figures"


@cache
def figure_names() -> tuple[str, ...]:
    """Every built-in figure's id, in file order (files sorted by name)."""
    names: list[str] = []
    for path in sorted(figures_dir().glob("*.toml")):
        names += _ID.findall(path.read_text(encoding="utf-8"))
    return tuple(names)
