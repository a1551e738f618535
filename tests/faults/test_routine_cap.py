"""The cap on the person's own routines (issue 24, R2 item 8): every way of saving a routine
(import, `build --save`, the app's build screen, the editor's new routine and its copy) refuses
the one past ``MAX_USER_ROUTINES``, saying so; a routine changed in place is no new one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from supple.cli import main
from supple.coach.builder import save_built
from supple.coach.coach import Coach
from supple.coach.routine_edit import Draft
from supple.core.files import SaveError
from supple.core.limits import MAX_USER_ROUTINES
from supple.core.routine import load_routine
from supple.system import paths

CAP_SAID = f"{MAX_USER_ROUTINES:,} routines of your own"  # as "you have 1,000 routines…"


def _fill(count: int) -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"mine-{n}.toml").write_text("")  # only their number counts
    return folder


def _count(folder: Path) -> int:
    return len(list(folder.glob("*.toml")))


def _by_the_build_screen(number: int) -> None:
    """What the app's build screen does on save (``save_built``)."""
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
    save_built(Coach.from_environment(), routine, f"built-{number}")


def _new_in_the_editor(number: int) -> None:
    folder = paths.user_routines_dir()
    Draft.new(folder, [p.stem for p in folder.glob("*.toml")]).save()


def _copy_in_the_editor(number: int) -> None:
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
    folder = paths.user_routines_dir()
    Draft.copy_of(routine, folder, [p.stem for p in folder.glob("*.toml")]).save()


@pytest.mark.parametrize("save", [_by_the_build_screen, _new_in_the_editor, _copy_in_the_editor])
def test_every_way_of_saving_stops_at_the_cap(save: Callable[[int], None]) -> None:
    folder = _fill(MAX_USER_ROUTINES - 1)
    save(1)  # the last one that fits
    assert _count(folder) == MAX_USER_ROUTINES
    with pytest.raises(SaveError) as refused:
        save(2)
    assert CAP_SAID in str(refused.value) and "delete some first" in str(refused.value)
    assert _count(folder) == MAX_USER_ROUTINES


def test_build_save_on_the_command_line_stops_at_the_cap(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _fill(MAX_USER_ROUTINES)
    capsys.readouterr()
    assert main(["build", "--minutes", "8", "--save", "one-too-many"]) == 1
    err = capsys.readouterr().err
    assert CAP_SAID in err and "delete some first" in err
    assert not (folder / "one-too-many.toml").exists()
    (folder / "mine-0.toml").unlink()  # room for one
    assert main(["build", "--minutes", "8", "--save", "fits"]) == 0
    assert (folder / "fits.toml").exists()


def test_a_routine_changed_in_place_at_the_cap_is_saved(tmp_path: Path) -> None:
    folder = _fill(MAX_USER_ROUTINES - 1)
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
    path = Draft.copy_of(routine, folder, []).save()
    assert _count(folder) == MAX_USER_ROUTINES
    draft = Draft.open(path, folder)
    assert isinstance(draft, Draft)
    draft.set(["title"], "Changed")
    assert draft.save() == path
    assert "Changed" in path.read_text()
