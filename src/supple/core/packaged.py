"""The files supple ships beside its code (routines, the exercise library, figures, programs, the
browser page), found through ``importlib.resources`` so that they are read wherever the package is
installed (a wheel in a virtual environment, pipx, ``uv tool``); in a source checkout or an
editable install, where the wheel's ``supple/routines`` does not exist, the top-level
``routines/`` is used. Declared once: every reader of a shipped file asks here."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _package() -> Path:
    from importlib.resources import files  # only where a shipped file is read

    # supple is a regular package on a file system (its files are served and watched as
    # paths), so its Traversable is a Path; str() keeps it one for the type checker.
    return Path(str(files("supple")))


def shipped(*parts: str) -> Path:
    """The shipped file or folder at ``parts`` inside the package (e.g. ``shipped("web")``)."""
    return _package().joinpath(*parts)


def routines_dir() -> Path:
    """The bundled routines' folder: ``supple/routines`` in a wheel; in a source checkout, the
    top-level ``routines/``."""
    packaged = shipped("routines")
    if packaged.is_dir():
        return packaged
    return _package().parents[1] / "routines"
