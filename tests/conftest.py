"""Shared fixtures: no test touches the real home; routines come from the repo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


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


# The slowest tests are the real processes (tests/e2e, tests/faults: real time, real terminals).
# Run in parallel (pytest -n), a long one begun last would finish alone long after the rest, so
# they go first and the many short ones fill the workers around them.
_FIRST = ("tests/e2e/", "tests/faults/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(_FIRST))
