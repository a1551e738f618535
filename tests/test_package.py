"""The sdist and the wheel carry everything supple reads at run time: built once (as
`python -m build` does, the wheel from the sdist, without network), listed against the source
tree, then run from the unpacked wheel alone."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from supple import __version__

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    pytest.importorskip("build", reason="the test extra installs build")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def _shipped(folder: Path, inside: str) -> set[str]:
    """Every file under ``folder`` as the wheel names it (``inside`` + its relative path)."""
    return {
        f"{inside}/{path.relative_to(folder).as_posix()}"
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_the_wheel_holds_the_package_its_shipped_files_and_the_manual(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    info = f"supple-{__version__}.dist-info"
    expected = _shipped(REPO / "src" / "supple", "supple")
    expected |= _shipped(REPO / "routines", "supple/routines")
    expected |= {
        f"supple-{__version__}.data/data/share/man/man1/supple.1",
        *(f"{info}/{name}" for name in ("METADATA", "WHEEL", "entry_points.txt", "RECORD")),
        f"{info}/licenses/LICENSE",
    }
    assert names == expected
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode()
    assert f"Version: {__version__}" in metadata
    assert "License-Expression: MIT" in metadata
    assert "Description-Content-Type: text/markdown" in metadata


def test_the_sdist_holds_the_source_and_nothing_outside_it(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    top = {name.split("/", 1)[0] for name in names}
    assert {"src", "routines", "man", "LICENSE", "README.md", "pyproject.toml"} <= top
    assert not any(name.startswith(".venv") for name in top)
    assert "man/supple.1" in names and "routines/programs/lower-back-6-weeks.toml" in names


def test_the_unpacked_wheel_runs_alone(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = run(
        "-c",
        "from pathlib import Path; from importlib.metadata import version; "
        "from importlib.resources import files; "
        "import supple; from supple.core.packaged import _package; "
        "assert _package() == Path(str(files('supple'))), _package(); "
        "from supple.core.packaged import routines_dir, shipped; "
        "from supple.core.figure_names import figures_dir; "
        "from supple.system.paths import bundled_program_path; "
        "print(version('supple')); "
        "print(*(str(p) for p in (supple.__file__, routines_dir(), figures_dir(), "
        "bundled_program_path(), shipped('web', 'app_index.html'))), sep='\\n')",
    ).splitlines()
    assert where[0] == __version__
    for path in where[1:]:
        assert Path(path).is_relative_to(site) and Path(path).exists(), path
    assert run("-m", "supple", "--version") == f"supple {__version__}\n"
    bundled = sorted(p.stem for p in (Path(__file__).parent.parent / "routines").glob("*.toml"))
    assert run("-m", "supple", "list", "--ids").split() == bundled
    # the library's exercises and their figures, drawn
    assert "Cat-Cow" in run("-m", "supple", "show", "lower-back-mobility", "--figures")


def test_the_package_folder_is_the_one_importlib_resources_finds() -> None:
    from importlib.resources import files

    from supple.core.packaged import _package, routines_dir

    assert _package() == Path(str(files("supple")))
    assert (routines_dir() / "programs").is_dir()
