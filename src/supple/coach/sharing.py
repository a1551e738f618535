"""Bringing routines in and sending them out: `supple import`, `supple export`, the palette's
Import. Every routine of a file is checked before any is written; each is written atomically
as `<config dir>/routines/<id>.toml`, under a new id where its own is taken (a routine of the
person's or a bundled one), never over anything."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.value import replace, value_class
from supple.i18n import _
from supple.system import paths

if TYPE_CHECKING:
    from supple.core.routine import Catalog, Routine


@value_class(frozen=True)
class ImportReport:
    format: str  # whose file it was
    written: tuple[tuple[Routine, Path], ...]  # each routine as saved, and where
    renamed: tuple[tuple[str, str], ...]  # (its own id, the id it got) where its own was taken
    dropped: tuple[str, ...]  # what did not map, one line each
    notes: tuple[str, ...] = ()  # what else to know: a cap reached, a newer version read


def import_file(path: Path, catalog: Catalog, today: date) -> ImportReport:
    """Read ``path`` (any format supple.core.imports knows) and write its routines among the
    person's. ImportProblem if it cannot be read; SaveError if one cannot be written (those
    written before it stay, and are listed in the error's message by the caller)."""
    from supple.core.files import atomic_write
    from supple.core.imports import MAX_USER_ROUTINES, ImportProblem, read_import
    from supple.core.imports.text import unique
    from supple.core.routine_file import at_the_cap, dump_routine
    from supple.core.words import printable

    imported = read_import(path)
    folder = paths.user_routines_dir()
    taken = {r.id for r in catalog.routines}
    own = {p.stem for p in folder.glob("*.toml")} if folder.is_dir() else set()
    taken |= own
    room = MAX_USER_ROUTINES - len(own)
    if room <= 0:
        why = at_the_cap(len(own))
        raise ImportProblem(path, _("nothing imported: {why}").format(why=why))
    routines, notes = imported.routines, imported.notes
    if len(routines) > room:
        said = _(
            "{room} of its {count} routines imported, {left} left out: you now have the most "
            "routines of your own supple keeps ({most})"
        )
        facts = {"room": room, "count": len(routines), "left": len(routines) - room}
        notes += (said.format(most=f"{MAX_USER_ROUTINES:,}", **facts),)
        routines = routines[:room]
    written: list[tuple[Routine, Path]] = []
    renamed: list[tuple[str, str]] = []
    header = (
        f"Imported by supple on {today.isoformat()} from {printable(path.name)} "
        f"({imported.format}). Edit it freely: it is yours."
    )
    for routine in routines:
        new_id = unique(routine.id, taken)  # and now taken
        if new_id != routine.id:
            renamed.append((routine.id, new_id))
        target = folder / f"{new_id}.toml"
        saved = replace(routine, id=new_id, path=target, source="user")
        atomic_write(target, dump_routine(saved, header=header).encode("utf-8"))
        written.append((saved, target))
    return ImportReport(imported.format, tuple(written), tuple(renamed), imported.dropped, notes)


def export_text(routine: Routine, today: date) -> str:
    """One routine as a file to share: its own file as written (comments and all) when it has
    one that still reads as this routine, else written afresh — and always afresh when it uses
    library exercises, each then written out whole. Self-contained either way: the file names
    only supple's built-in breath patterns and figures, and needs no library."""
    from supple.core.routine_file import dump_routine

    if routine.uses:
        header = f"Exported from supple on {today.isoformat()}, library exercises written out."
        return dump_routine(routine, header=header)
    if routine.path is not None:
        try:
            text = routine.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        if text:
            return text
    return dump_routine(routine, header=f"Exported from supple on {today.isoformat()}.")
