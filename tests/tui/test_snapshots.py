"""Snapshot tests of every scene in scenes.py (update with --snapshot-update, after reading
snapshot_report.html)."""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.gallery import AREAS
from tests.tui.scenes import SCENES, Scene, play, scene_app

# A fixed folder and file name, so the summary's "Saved to" line is the same every run.
DATA_DIR = Path(tempfile.gettempdir()) / "supple-snapshot-data"
# The scenes whose picture shows the data folder: the others play in a folder of their own, in
# parallel (were one to show its folder, its picture would differ from the stored one: a failure).
SHOW_THE_FOLDER = {"summary", "session-detail"}


@contextmanager
def data_folder(scene: Scene, tmp_path: Path) -> Iterator[Path]:
    """The scene's data folder. The fixed one is held by one test at a time: by an exclusive
    lock rather than by the test order, because parallel workers (pytest -n) and a second run on
    the same machine share it, and one test's rmtree would empty another's history mid-scene."""
    if scene.name not in SHOW_THE_FOLDER:
        yield tmp_path / "data"
        return
    with open(f"{DATA_DIR}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            shutil.rmtree(DATA_DIR, ignore_errors=True)
            yield DATA_DIR
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.mark.parametrize("scene", SCENES, ids=[s.name for s in SCENES])
def test_scene(snap_compare: Any, scene: Scene, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await play(pilot, scene)

    with data_folder(scene, tmp_path) as data_dir:
        app = scene_app(scene, data_dir)
        assert snap_compare(app, terminal_size=scene.size, run_before=run_before)


@pytest.mark.parametrize("area", AREAS)
def test_every_figure_at_its_start_and_end(snap_compare: Any, area: str) -> None:
    from tests.tui.gallery import FigureGallery, size

    assert snap_compare(FigureGallery(area), terminal_size=size(area))
