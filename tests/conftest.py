"""Shared fixtures: no test touches the real home; routines come from the repo."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"

# Compiled code kept between processes, outside the tree. With PYTHONDONTWRITEBYTECODE set (as
# on CI) every worker rewrote every test module's asserts again (3.5 s of CPU each, eight
# workers) and every `supple` the tests start compiled supple from its source again (a hundred
# starts in one test alone). Set before any test module or supple is imported; the workers and
# the processes the tests start inherit it through the environment.
PYC = Path(tempfile.gettempdir()) / "supple-test-pycache"
sys.dont_write_bytecode = False
sys.pycache_prefix = str(PYC)
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = str(PYC)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point supple's config and data folders at a temporary folder for every test."""
    config = tmp_path / "config"
    data = tmp_path / "data"
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(config))
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(data))
    monkeypatch.setenv("SUPPLE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SUPPLE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUPPLE_TIME_SCALE", raising=False)
    return {"config": config, "data": data, "state": tmp_path / "state"}


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test in English, whatever the machine's LANG (issue 28): the environment says so
    (children inherit it) and the layer forgets any --lang or setting of the test before."""
    from supple import i18n

    monkeypatch.setenv("LANGUAGE", "en")
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# The order the workers take the tests in (pytest -n, one test at a time: pyproject's
# --maxschedchunk=1, so a worker takes the next test as it finishes one). Longest first, so none
# begun last finishes alone long after the rest: the longest tests by name (a hundred real
# sessions, fifty closed terminals, a session at real speed, the app through every screen),
# then the snapshots (the two that show the data folder one at a time, by a lock), then
# the real processes (tests/e2e, tests/faults: real time, real terminals), then the many short
# ones, which fill the workers around them. Each in the order of this list.
_LONGEST = (
    "tests/faults/test_disk_and_files.py::test_two_copies_finishing",
    "tests/e2e/test_kill_and_signals.py::test_closing_the_terminal",
    "tests/e2e/test_sound_real_time.py::",
    "tests/faults/test_hostile_text.py::test_the_app_shows",
    "tests/tui/test_help.py::test_help_lists_only",
    "tests/faults/test_terminal_sizes.py::",
    "tests/tui/test_ways_out.py::test_every_state",
    "tests/tui/test_fields.py::",
    "tests/faults/test_signals_anywhere.py::",
    "tests/faults/test_long_sessions.py::test_any_session",
    "tests/e2e/test_kill_and_signals.py::",
)
_ORDER = (*_LONGEST, "tests/tui/test_snapshots.py::", "tests/e2e/", "tests/faults/")


def _rank(item: pytest.Item) -> int:
    return next(
        (rank for rank, name in enumerate(_ORDER) if item.nodeid.startswith(name)), len(_ORDER)
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_rank)
