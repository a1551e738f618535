"""A session made for today (``supple build`` and the build screen): the request read from the
person's words, the library and their "not for me" marks, the settings' timing; the built
routine shown, played or saved as one of theirs (``core/routine_file.py`` writes it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.builder import Built, Candidate, Refusal, Request, build
from supple.core.routine import Level, Routine, Timing
from supple.core.value import replace

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.coach import Coach

NOTHING = "none"  # `--equipment none`: I have nothing


class BuildError(ValueError):
    """Words the person gave that name no area or equipment (said as they are)."""


def read_choices(text: str, allowed: Iterable[str], what: str) -> frozenset[str]:
    """``hips,upper-back`` as a set of the allowed ids; ``none`` (or nothing) the empty set.
    BuildError naming the unknown word and the choices."""
    choices = tuple(allowed)
    words = [w.strip() for w in text.split(",") if w.strip()]
    if words == [NOTHING]:
        return frozenset()
    unknown = [w for w in words if w not in choices]
    if unknown:
        from supple.core.words import printable

        raise BuildError(f"'{printable(unknown[0])}' is not {what} (one of: {', '.join(choices)})")
    return frozenset(words)


class SessionBuilder:
    """Builds today's session; knows nothing of files but the one it saves."""

    def __init__(
        self,
        library: Callable[[], Sequence[Candidate]],
        excluded: Callable[[], frozenset[str]],
        catalog: Callable[[], EffectiveCatalog],
        today: Callable[[], date],
    ) -> None:
        self._library = library
        self._excluded = excluded
        self._catalog = catalog
        self._today = today

    def timing(self) -> Timing:
        """The get-ready and rests the session will play: the settings' over the defaults."""
        return self._catalog().config.apply(_empty()).timing

    def build(
        self,
        minutes: int,
        focus: frozenset[str],
        level: Level,
        equipment: frozenset[str],
    ) -> Built | Refusal:
        from supple.coach.library_wording import built_summary, built_title

        request = Request(
            minutes=minutes,
            day=self._today(),
            focus=focus,
            level=level,
            equipment=equipment,
            excluded=self._excluded(),
            timing=self.timing(),
        )
        result = build(self._library(), request)
        if isinstance(result, Refusal):
            return result
        routine = replace(
            result.routine,
            title=built_title(minutes, focus),
            summary=built_summary(request.day, level),
        )
        return replace(result, routine=routine)


def session_builder(coach: Coach) -> SessionBuilder:
    """The builder over the coach's library, "not for me" marks, catalog and day."""
    return SessionBuilder(
        lambda: coach.library.library.exercises,
        lambda: coach.library.not_for_me().ids,
        lambda: coach.catalog,
        coach.today,
    )


def free_id(routine: Routine, taken: set[str]) -> str:
    """An id from the title for a built session saved from the app ("10-minutes-hips-neck"),
    with "-2", "-3"… after it while that is taken."""
    import re

    base = re.sub(r"[^a-z0-9]+", "-", routine.title.lower()).strip("-")[:56] or "built"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def save_built(coach: Coach, routine: Routine, routine_id: str) -> Path:
    """Keep a built session as one of the person's routines, ``routine_id`` (free: the caller
    checked); its path. SaveError."""
    from supple.system import paths

    saved = replace(routine, id=routine_id, source="user", path=None)
    path = write_routine(saved, paths.user_routines_dir())
    coach.routines.changed()
    return path


def write_routine(routine: Routine, folder: Path) -> Path:
    """Write the routine as ``folder/<id>.toml`` (atomically); never over a file there."""
    from supple.core.files import SaveError, atomic_write
    from supple.core.routine_file import dump_routine, make_room

    target = folder / f"{routine.id}.toml"
    if target.exists():
        raise SaveError(target, "a file of that name is there already (choose another id)")
    make_room(target)
    try:
        atomic_write(target, dump_routine(routine).encode("utf-8"))
    except OSError as error:
        raise SaveError(target, error.strerror or str(error)) from None
    return target


def _empty() -> Routine:
    return Routine("built", "", "", (), Timing())
