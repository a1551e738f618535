"""supple's own single files kept as symbolic links (issue 24, R2 item 10): people keep their
settings in a dotfiles folder and link them. Every own file (``sync.DATA_FILES``,
``SETTINGS_FILES``, ``STATE_FILES``) is written through its link, atomically beside the file it
points to, and the link stays a link; a link to something that is not a regular file, or a
loop, is refused and left as it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supple.core.files import SaveError, write_own
from supple.core.sync import DATA_FILES, SETTINGS_FILES, STATE_FILES
from supple.core.tomlcheck import parse_document
from tests.faults.test_conflicts_every_file import write_every_own_file

EARLIER = {
    "program.toml": 'schema = 1\nprogram = "overhead-6-weeks"\nstarted = 2026-11-01T08:00:00\n'
}
OWN = (
    [("data", n) for n in DATA_FILES]
    + [("config", n) for n in SETTINGS_FILES]
    + [("state", n) for n in STATE_FILES]
)


@pytest.mark.parametrize("made", [True, False], ids=["target exists", "target not yet"])
def test_every_own_file_is_written_through_its_link(
    isolated_dirs: dict[str, Path], tmp_path: Path, made: bool
) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    links: dict[Path, Path] = {}
    for folder, name in OWN:
        where = isolated_dirs[folder]
        where.mkdir(parents=True, exist_ok=True)
        target = dotfiles / f"{folder}-{name}"
        if made:  # a file as it was (program.toml without a program is broken: quarantined)
            target.write_text(EARLIER.get(name, "schema = 1\n"))
        (where / name).symlink_to(target)
        links[where / name] = target
    write_every_own_file(isolated_dirs["data"])
    for link, target in links.items():
        assert link.is_symlink(), f"{link} was replaced by a regular file"
        assert os.readlink(link) == str(target)
        text, _data = parse_document(target.read_bytes())
        assert text.strip() and text != EARLIER.get(link.name, "schema = 1\n"), (
            f"{target} unwritten"
        )
        assert target.stat().st_mode & 0o777 == 0o600
    for folder in {*isolated_dirs.values(), dotfiles}:
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def _device(link: Path, tmp: Path) -> None:
    link.symlink_to("/dev/null")


def _folder(link: Path, tmp: Path) -> None:
    (tmp / "a-folder").mkdir()
    link.symlink_to(tmp / "a-folder")


def _loop(link: Path, tmp: Path) -> None:
    link.symlink_to(link.name)


def _missing_folder(link: Path, tmp: Path) -> None:
    link.symlink_to(tmp / "nowhere" / "x.toml")


@pytest.mark.parametrize("make", [_device, _folder, _loop, _missing_folder])
@pytest.mark.parametrize(("folder", "name"), OWN)
def test_a_link_to_anything_but_a_file_is_refused_and_left(
    tmp_path: Path, folder: str, name: str, make: object
) -> None:
    where = tmp_path / folder
    where.mkdir()
    link = where / name
    make(link, tmp_path)  # type: ignore[operator]
    before = os.readlink(link)
    with pytest.raises(OSError):
        write_own(link, b"schema = 1\n")
    assert link.is_symlink() and os.readlink(link) == before
    assert not [p for p in where.iterdir() if p.name.endswith(".tmp")]


def test_a_refusal_reaches_the_person_as_a_save_error(tmp_path: Path) -> None:
    from supple.core.not_for_me import save_not_for_me

    link = tmp_path / "not-for-me.toml"
    link.symlink_to("/dev/null")
    with pytest.raises(SaveError):
        save_not_for_me(link, frozenset({"cat-cow"}))
    assert link.is_symlink()
