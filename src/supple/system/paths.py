"""Where supple keeps things: its four folders (config, data, state, cache), user routines,
history, bundled routines.

The one seam for locations: tests point it at a temporary folder through the environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir, user_config_dir, user_data_dir, user_state_dir

from supple.core.value import value_class
from supple.system.environment import refused, value

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from supple.core.routine import Source

APP_NAME = "supple"


@value_class(frozen=True, slots=True)
class Folder:
    """One of supple's folders: the variable that moves it, what it holds, the platform's
    folder otherwise, and the variable whose folder it follows when only that one is set (so
    that moving the data moves everything supple writes, nothing left in the home folder)."""

    name: str
    variable: str
    holds: str
    platform: Callable[..., str]
    follows: str = ""


# The one declaration of supple's folders: the functions below and `supple paths` read it, and a
# test holds the README's table to it.
FOLDERS = (
    Folder(
        "config", "SUPPLE_CONFIG_DIR", "your routines, settings, reminder times", user_config_dir
    ),
    Folder("data", "SUPPLE_DATA_DIR", "the history, the program, test results", user_data_dir),
    Folder(
        "state",
        "SUPPLE_STATE_DIR",
        "what the app remembers, the status line's file, unsaved sessions, crash reports",
        user_state_dir,
        follows="SUPPLE_DATA_DIR",
    ),
    Folder(
        "cache",
        "SUPPLE_CACHE_DIR",
        "the synthesised sounds (safe to delete)",
        user_cache_dir,
        follows="SUPPLE_DATA_DIR",
    ),
)


# The XDG variable platformdirs reads for each folder on Linux, and its default under home.
XDG = {
    "config": ("XDG_CONFIG_HOME", ".config"),
    "data": ("XDG_DATA_HOME", ".local/share"),
    "state": ("XDG_STATE_HOME", ".local/state"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
}


def folder(name: str) -> Path:
    """The folder ``name`` (config, data, state, cache): its variable; else, for a folder that
    follows another variable and that one is set, a subfolder of that one's folder (named like
    the folder); else the platform's folder for supple."""
    found = next(f for f in FOLDERS if f.name == name)
    override = value(found.variable)  # a relative or unreadable one is reported and ignored
    if isinstance(override, Path):
        return override
    followed = value(found.follows) if found.follows else None
    if isinstance(followed, Path):
        return followed / found.name
    platform = Path(found.platform(APP_NAME, appauthor=False))
    xdg, default = XDG[name]
    if sys.platform not in ("darwin", "win32"):
        if isinstance(value(xdg), Path):
            return platform  # platformdirs took it: the home plays no part
        # As platformdirs would put it, but in the home read by the rule: platformdirs takes a
        # bad XDG_* or HOME as it is
        return home() / default / APP_NAME
    if isinstance(value("HOME"), Path):
        return platform
    # macOS: the platform's folder is in the home platformdirs took from $HOME as it is
    try:
        return home() / platform.relative_to(os.path.expanduser("~"))
    except ValueError:  # not in the home (Windows reads no HOME)
        return platform


class NoHome(Exception):
    """$HOME cannot be read and the system names no home folder for this user: nowhere to put
    the folders that live in it (one line and exit 1, as a write the machine refuses)."""

    def __init__(self, why: str) -> None:
        super().__init__(
            f"$HOME ignored ({why}), and the system names no home folder for you: set HOME, or "
            "SUPPLE_CONFIG_DIR and SUPPLE_DATA_DIR"
        )


def expand_home(typed: str) -> Path:
    """A path a person typed, with ``~`` (alone or before ``/``) the home read by the rule
    (``home``); ``~user`` as the system says."""
    if typed == "~" or typed.startswith("~/"):
        return home() / typed[2:]
    return Path(typed).expanduser()


def home(environ: Mapping[str, str] | None = None) -> Path:
    """The home folder: $HOME when it can be read (an absolute folder, no control character);
    when it is not set, or cannot be read (said once, ignored), the one the system's user
    database names for this user, as for a HOME not set. NoHome when there is none."""
    given = value("HOME", environ)
    if isinstance(given, Path):
        return given
    try:
        import pwd

        named = pwd.getpwuid(os.getuid()).pw_dir
    except ImportError:  # Windows: no HOME read there, nor a user database
        return Path.home()
    except KeyError:  # a user the system does not name (a container's)
        named = ""
    if named and refused("HOME", {"HOME": named}) is None:
        return Path(named)
    raise NoHome(refused("HOME", environ) or "not set")


def chosen_by(found: Folder) -> str:
    """What decided where ``found`` is: its variable, the variable it follows, or the platform."""
    if value(found.variable) is not None:
        return found.variable
    if found.follows and value(found.follows) is not None:
        return found.follows
    return "platform"


def config_dir() -> Path:
    """``$SUPPLE_CONFIG_DIR``, else the platform's config folder for supple."""
    return folder("config")


def data_dir() -> Path:
    """``$SUPPLE_DATA_DIR``, else the platform's data folder for supple."""
    return folder("data")


def state_dir() -> Path:
    """What the app remembers between runs (the level last chosen, mute), kept apart from the
    person's own settings: ``$SUPPLE_STATE_DIR``, else ``$SUPPLE_DATA_DIR/state``, else the
    platform's state folder."""
    return folder("state")


def cache_dir() -> Path:
    """Things supple can make again (its synthesised sounds), safe to delete:
    ``$SUPPLE_CACHE_DIR``, else ``$SUPPLE_DATA_DIR/cache``, else the platform's cache folder."""
    return folder("cache")


def state_file() -> Path:
    return state_dir() / "state.toml"


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def bundled_routines_dir() -> Path:
    """Inside the installed wheel; in a source checkout, the top-level ``routines/``."""
    from supple.core.packaged import routines_dir

    return routines_dir()


def bundled_library_dir() -> Path:
    """The exercise library: the exercises routines `use` (routines/library/<area>.toml)."""
    from supple.core.routine import LIBRARY_FOLDER

    return bundled_routines_dir() / LIBRARY_FOLDER


def time_scale() -> float:
    """``$SUPPLE_TIME_SCALE`` speeds the clock up for demos and end-to-end tests (default 1)."""
    scale = value("SUPPLE_TIME_SCALE")
    return scale if isinstance(scale, float) else 1.0


def routine_folders() -> list[tuple[Path, Source]]:
    """Where routines are found: bundled first, then the user's own."""
    return [(bundled_routines_dir(), "bundled"), (user_routines_dir(), "user")]


def bundled_program_path() -> Path:
    """The bundled 6-week program."""
    return bundled_routines_dir() / "programs" / "lower-back-6-weeks.toml"


def config_file() -> Path:
    return config_dir() / "config.toml"
