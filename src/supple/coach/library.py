"""The exercise library as the app and the command line see it: the bundled library (read on
first use), the exercises a person marked "not for me" (``not-for-me.toml`` in the data folder),
and one exercise alone as a routine to play."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from supple.system import paths

if TYPE_CHECKING:
    from supple.core.library import Library, LibraryExercise
    from supple.core.not_for_me import NotForMe
    from supple.core.routine import Routine


class LibraryService:
    """Owns the library (bundled, read once) and ``not-for-me.toml`` (read again after it
    writes it)."""

    def __init__(self, data_dir: Path, folder: Callable[[], Path] | None = None) -> None:
        self._data_dir = data_dir
        self._folder = folder or paths.bundled_library_dir
        self._marked: NotForMe | None = None

    @property
    def library(self) -> Library:
        from supple.core.library import library_at

        return library_at(self._folder().resolve())

    def find(self, exercise_id: str) -> LibraryExercise:
        """The exercise of that id; KeyError (with the nearest id as its argument's note)."""
        return self.library.find(exercise_id)

    @property
    def not_for_me_path(self) -> Path:
        from supple.core.not_for_me import FILE_NAME

        return self._data_dir / FILE_NAME

    def not_for_me(self) -> NotForMe:
        """The ids marked "not for me", and the file's problem if it cannot be read."""
        if self._marked is None:
            from supple.core.not_for_me import load_not_for_me

            self._marked = load_not_for_me(self.not_for_me_path)
        return self._marked

    def mark(self, exercise_id: str, not_for_me: bool = True) -> NotForMe:
        """Mark (or with False unmark) an exercise "not for me"; KeyError for an id the library
        does not have, SaveError if the file cannot be written (a broken one is left alone)."""
        from supple.core.files import file_lock
        from supple.core.not_for_me import save_not_for_me

        self.find(exercise_id)
        with file_lock(self.not_for_me_path):  # read again and written while no one else does
            self._marked = None
            ids = set(self.not_for_me().ids)
            if not_for_me:
                ids.add(exercise_id)
            else:
                ids.discard(exercise_id)
            self._marked = None
            self._marked = save_not_for_me(self.not_for_me_path, frozenset(ids))
        return self._marked

    def alone(self, exercise_id: str) -> Routine:
        """The exercise as a routine of its own; KeyError for an unknown id."""
        from supple.core.library import alone

        return alone(self.find(exercise_id))


def alone_routine(routine_id: str) -> Routine:
    """The routine ``exercise-<id>`` of one bundled library exercise played alone; KeyError for
    any other id (the catalog asks only for ids it does not have)."""
    from supple.core.library import ALONE, alone, library_at

    if not routine_id.startswith(ALONE):
        raise KeyError(routine_id)
    library = library_at(paths.bundled_library_dir().resolve())
    return alone(library.find(routine_id.removeprefix(ALONE)))
