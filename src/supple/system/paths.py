"""Where supple keeps things: config, user routines, history, bundled routines.

The one seam for locations: tests point it at a temporary folder through the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir, user_config_dir, user_data_dir, user_state_dir

if TYPE_CHECKING:
    from supple.core.routine import Source

APP_NAME = "supple"


def config_dir() -> Path:
    """``$SUPPLE_CONFIG_DIR``, else the platform's config folder for supple."""
    override = os.environ.get("SUPPLE_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """``$SUPPLE_DATA_DIR``, else the platform's data folder for supple."""
    override = os.environ.get("SUPPLE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """``$SUPPLE_STATE_DIR``, else the platform's state folder: what the app remembers between
    runs (the level last chosen, mute), kept apart from the person's own settings."""
    override = os.environ.get("SUPPLE_STATE_DIR")
    return Path(override) if override else Path(user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """``$SUPPLE_CACHE_DIR``, else the platform's cache folder: things supple can make again
    (its synthesised sounds), safe to delete."""
    override = os.environ.get("SUPPLE_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir(APP_NAME, appauthor=False))


def state_file() -> Path:
    return state_dir() / "state.toml"


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def bundled_routines_dir() -> Path:
    """Inside the installed wheel; in a source checkout, the top-level ``routines/``."""
    packaged = Path(__file__).resolve().parents[1] / "routines"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "routines"


def time_scale() -> float:
    """``$SUPPLE_TIME_SCALE`` speeds the clock up for demos and end-to-end tests (default 1)."""
    raw = os.environ.get("SUPPLE_TIME_SCALE", "")
    try:
        scale = float(raw) if raw else 1.0
    except ValueError:
        return 1.0
    return scale if 0 < scale <= 1000 else 1.0


def routine_folders() -> list[tuple[Path, Source]]:
    """Where routines are found: bundled first, then the user's own."""
    return [(bundled_routines_dir(), "bundled"), (user_routines_dir(), "user")]


def bundled_program_path() -> Path:
    """The bundled 6-week program."""
    return bundled_routines_dir() / "programs" / "lower-back-6-weeks.toml"


def config_file() -> Path:
    return config_dir() / "config.toml"
