"""The files supple ships beside its code (routines, the exercise library, figures, programs, the
browser page), found where ``importlib.resources`` finds them, so that they are read wherever
the package is installed (a wheel in a virtual environment, pipx, ``uv tool``); in a source
checkout or an editable install, where the wheel's ``supple/routines`` does not exist, the top-level
``routines/`` is used. Declared once: every reader of a shipped file asks here."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _package() -> Path:
    """The package's folder, as ``importlib.resources.files("supple")`` gives it (a test holds
    the two equal, from the source tree and from an unpacked wheel). A package on a file system
    (every install pip, pipx and uv make) is its module's folder: importlib.resources would
    answer the same after importing zipfile and its readers (8 ms of `supple list`, measured)."""
    import supple

    origin = supple.__spec__.origin if supple.__spec__ is not None else None
    if origin is not None and Path(origin).parent.is_dir():
        return Path(origin).parent
    from importlib.resources import files  # any other loader: as it finds the package

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
