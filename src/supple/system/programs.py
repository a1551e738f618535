"""Finding the helper program to run: an override in the environment, else the first installed."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence


def first_found(
    override: str,
    candidates: Sequence[tuple[str, tuple[str, ...]]],
    which: Callable[[str], str | None] = shutil.which,
) -> list[str] | None:
    """``$override`` split as a shell would, else the first of ``candidates`` (a name and its
    arguments) on the PATH, as a command list to append to; None if there is none."""
    from supple.system.environment import value

    given = value(override)  # a command that cannot be read is reported and ignored
    if isinstance(given, list):
        return [str(word) for word in given]
    for name, extra in candidates:
        path = which(name)
        if path:
            return [path, *extra]
    return None
