"""`supple serve` stopped (SIGTERM, as systemd or `kill` sends it) while a tab is connected: it
exits within 3 s, its tab told, instead of waiting 10-40 s for the page to hang up."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.cdp import serving

pytestmark = pytest.mark.e2e
SUPPLE = Path(sys.executable).parent / "supple"


async def connected_then_stopped(port: int, token: str, process: subprocess.Popen[bytes]) -> float:
    """Open the app's WebSocket as the page does, wait for the app's first screen, then SIGTERM
    the server alone (not its group: the app must be ended by the server); seconds to exit."""
    url = f"ws://127.0.0.1:{port}/ws?token={token}&width=80&height=24"
    async with aiohttp.ClientSession() as http:
        deadline = time.monotonic() + 30
        while True:
            try:
                ws = await http.ws_connect(url)
                break
            except aiohttp.ClientError:
                assert time.monotonic() < deadline, "the server never answered"
                await asyncio.sleep(0.1)
        received = 0
        while received < 2000:  # the app's first screen
            message = await ws.receive(timeout=30)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            received += len(message.data)

        async def until_closed() -> aiohttp.WSMessage:  # reading on, as a live page does
            while (message := await ws.receive(timeout=30)).type == aiohttp.WSMsgType.BINARY:
                pass
            return message

        closing = asyncio.create_task(until_closed())
        sent = time.monotonic()
        os.kill(process.pid, signal.SIGTERM)
        while process.poll() is None and time.monotonic() - sent < 30:
            await asyncio.sleep(0.05)
        took = time.monotonic() - sent
        closed = await closing
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), closed
        return took


def test_sigterm_with_a_tab_connected_exits_within_3_s(tmp_path: Path) -> None:
    if not SUPPLE.exists():
        pytest.skip(f"no installed console script at {SUPPLE}")
    env = os.environ | {
        "SUPPLE_DATA_DIR": str(tmp_path / "d"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "c"),
    }
    with serving(SUPPLE, env, answering=False) as served:
        process = served.process
        took = asyncio.run(connected_then_stopped(served.port, served.token, process))
        assert process.returncode == 0
        assert took < 3.0, f"supple serve took {took:.1f} s to exit"
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read().decode()
