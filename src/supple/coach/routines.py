"""The routines: the routine folders as read, the effective catalog built from them and the
person's choices, and every write of a routine file (import, the editor, delete)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.limits import Level
from supple.i18n import _
from supple.system import paths

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.preferences import Preferences
    from supple.coach.routine_edit import Draft
    from supple.coach.sharing import ImportReport
    from supple.core.parsed_cache import FileKeys
    from supple.core.routine import Catalog


class Routines:
    """Owns the routine folders and both catalogs. The raw one is read again after this
    service writes a routine file; the effective one is rebuilt when that happens or when the
    preferences' revision moves (a timing setting, an easier/harder step)."""

    def __init__(
        self,
        catalog: Catalog | None,
        preferences: Preferences,
        today: Callable[[], date],
        trash_dir: Callable[[], Path],
    ) -> None:
        self._raw = catalog  # None: read from the routine folders on first use
        self._given = catalog is not None
        self.generation = 0  # moves when this service writes a routine file
        self._preferences = preferences
        self._today = today
        self._trash_dir = trash_dir
        self._catalog: EffectiveCatalog | None = None
        self._built_at = -1  # the preferences' revision the effective catalog was built at

    @property
    def raw(self) -> Catalog:
        """Every routine file as it is (bundled and the person's), read once."""
        if self._raw is None:
            from supple.core.routine import load_catalog

            self._raw = load_catalog(paths.routine_folders())
        return self._raw

    @property
    def catalog(self) -> EffectiveCatalog:
        prefs = self._preferences
        if self._catalog is None or self._built_at != prefs.revision:
            from supple.coach.catalog import EffectiveCatalog
            from supple.coach.library import alone_routine

            steps = prefs.steps  # read first: reading them may not move the revision
            self._catalog = EffectiveCatalog(self.raw, prefs.config, steps, alone_routine)
            self._built_at = prefs.revision
        return self._catalog

    def inputs(self) -> tuple[FileKeys, tuple[object, ...]] | None:
        """What the catalog is read and built from, as it is now: the routine files (bundled,
        with the library and figures beside them, and the person's), the easier/harder file
        (``core.parsed_cache`` keys), the settings' timing and the language. A fact worked out
        from the catalog may be kept against these. None when the catalog was given (tests) or
        the steps changed in this run (they may differ from their file)."""
        prefs = self._preferences
        if self._given or prefs.revision:
            return None
        from supple import i18n
        from supple.core.parsed_cache import file_keys, folder_keys

        files = tuple(k for folder, _ in paths.routine_folders() for k in folder_keys(folder))
        facts = (tuple(sorted(prefs.config.timing_overrides().items())), i18n.language())
        return (*files, *file_keys(prefs.adjustments_path)), facts

    def stamp(self) -> tuple[object, ...]:
        """Moves whenever the catalog may change in this run: a routine written, the steps, the
        settings' timing or the language changed (what was worked out under another is stale)."""
        from supple import i18n

        timing = tuple(sorted(self._preferences.config.timing_overrides().items()))
        return (self.generation, self._preferences.revision, timing, i18n.language())

    def level_for(self, explicit: str | None = None) -> Level:
        """The level to play: the one asked for, else the one last chosen on home, else the
        settings' level (a first run), else beginner."""
        return self.catalog.level_for(explicit or self._preferences.remembered.level)

    def title(self, routine_id: str) -> str:
        """The routine's title, or its id when there is no such routine."""
        try:
            return self.catalog.find(routine_id).title
        except KeyError:
            return routine_id

    def titles(self, routine_id: str) -> dict[str, str]:
        """The routine's title in every language its file has ("en": the English; the id alone
        when there is no such routine), for what is kept and read in another language."""
        try:
            routine = self.catalog.find(routine_id)
        except KeyError:
            return {"en": routine_id}
        found = {
            lang: text
            for lang, keys in routine.texts.items()
            if isinstance(text := keys.get("title"), str)
        }
        return {"en": routine.title} | found

    def changed(self) -> None:
        """A routine file was written here: read the folders again when next asked."""
        self._raw = None
        self._catalog = None
        self.generation += 1

    # -- sharing ----------------------------------------------------------------------------

    def import_file(self, path: Path) -> ImportReport:
        """Bring the routines of another tool's file (or a supple file) among the person's."""
        from supple.coach.sharing import import_file

        try:
            return import_file(path, self.raw, self._today())
        finally:
            self.changed()

    def export(self, routine_id: str) -> str:
        """One routine (bundled or the person's, as its file has it) as a file to share.
        KeyError if there is none of that id."""
        from supple.coach.sharing import export_text

        return export_text(self.raw.find(routine_id), self._today())

    # -- your routines (the editor) ---------------------------------------------------------

    def ids(self) -> set[str]:
        """Every id in use (bundled, the person's, and the names of their files), so a new
        routine never takes one."""
        import contextlib

        ids = {r.id for r in self.raw.routines}
        with contextlib.suppress(OSError):  # no folder yet: no files of the person's
            ids |= {p.stem for p in paths.user_routines_dir().iterdir() if p.suffix == ".toml"}
        return ids

    def is_own(self, path: Path | None) -> bool:
        """True for a file in the person's routines folder (theirs to edit or delete)."""
        if path is None:
            return False
        return path.resolve().parent == paths.user_routines_dir().resolve()

    def save(self, draft: Draft) -> Path:
        """Write the editor's draft to its file; where it went. SaveError."""
        saved = draft.save()
        self.changed()
        return saved

    def trash(self, path: Path) -> Path:
        """Move a routine file of the person's to the trash folder; where it went. SaveError."""
        from supple.core.files import SaveError, move_into

        if not self.is_own(path):
            raise SaveError(path, _("only your own routines can be deleted"))
        try:
            moved = move_into(path, self._trash_dir() / "routines")
        except OSError as error:
            raise SaveError(path, error.strerror or str(error)) from None
        self.changed()
        return moved
