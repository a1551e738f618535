"""`supple serve`: a real server on loopback, fetched over HTTP, and (when Debian's chromium is
installed — .ci/run installs it) loaded in a headless browser until the app runs in it."""

from __future__ import annotations

import http.client
import os
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supple.core.clock import FakeClock
from supple.core.history import HistoryStore, read_record
from supple.core.recorder import Recorder
from supple.core.routine import load_routine
from supple.core.session import Session
from supple.system import paths
from tests.e2e.cdp import APP_CONNECTED, browse, chromium, serving

pytestmark = pytest.mark.e2e
SUPPLE = Path(sys.executable).parent / "supple"


def orphan_checkpoint(data: Path) -> Path:
    """A session whose app died: the next supple to start turns it into 'interrupted'."""
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
    clock = FakeClock()
    session = Session(routine, "beginner", clock)
    session.start()
    recorder = Recorder(HistoryStore(data), session, datetime(2026, 11, 24, tzinfo=UTC))
    recorder.open()
    assert recorder._live is not None and recorder._live._lock is not None
    recorder._live._lock.close()  # its process is gone; the lock file stays behind
    return recorder.path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if not SUPPLE.exists():
        pytest.skip(f"no installed console script at {SUPPLE}")
    data = tmp_path / "data"
    env = os.environ | {"SUPPLE_DATA_DIR": str(data), "SUPPLE_CONFIG_DIR": str(tmp_path / "c")}
    checkpoint = orphan_checkpoint(data)
    with serving(SUPPLE, env) as served:
        yield served.url, checkpoint


def test_the_page_is_served_on_loopback_with_nothing_from_the_internet(
    server: tuple[str, Path],
) -> None:
    url, _ = server
    with urllib.request.urlopen(url, timeout=5) as answer:
        page = answer.read().decode()
        assert answer.status == 200
    assert "textual.js" in page and "<div>supple</div>" in page
    assert "googleapis" not in page and "https://" not in page
    base, token = url.split("?token=")
    font = base + "static/fonts/RobotoMono-VariableFont_wght.ttf"
    with urllib.request.urlopen(font) as answer:  # textual-serve's files: nothing private
        assert answer.status == 200


def test_without_the_token_nothing_is_served(server: tuple[str, Path]) -> None:
    """Another user of this machine can reach loopback too: the token keeps them out."""
    import urllib.error

    url, _ = server
    base, token = url.split("?token=")
    for attempt in (
        base,
        f"{base}?token=wrong",
        f"{base}?token={token[:-1]}",
        base + "ws",
        base + "download/x",
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(attempt, timeout=5)
        assert refused.value.code == 403, attempt
    # The page's own requests carry the cookie it set: they are let in.
    with urllib.request.urlopen(url, timeout=5) as answer:
        cookie = answer.headers["Set-Cookie"].split(";")[0]
    assert "HttpOnly" in answer.headers["Set-Cookie"]
    request = urllib.request.Request(base + "ws", headers={"Cookie": cookie})
    try:  # not a WebSocket handshake, so the app's handler refuses it: but past the token
        urllib.request.urlopen(request, timeout=5).close()
    except urllib.error.HTTPError as answer:
        assert answer.code != 403
    except http.client.RemoteDisconnected:
        pass


@pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed")
def test_the_app_runs_in_a_headless_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    url, checkpoint = server
    shot = tmp_path / "browser.png"
    assert browse(url, APP_CONNECTED, shot=shot) is True
    assert shot.stat().st_size > 10_000
    # The app really started in the browser: its start-up recovered the dead session.
    deadline = time.monotonic() + 20
    while read_record(checkpoint).status != "interrupted" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert read_record(checkpoint).status == "interrupted"
