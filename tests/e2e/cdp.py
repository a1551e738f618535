"""A headless Chromium driven over the DevTools protocol (aiohttp comes with textual-serve):
load a page, wait in real time for a condition, take a screenshot. Bounded in time."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1100,620",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Served:
    process: subprocess.Popen[bytes]  # its standard error past the address line unread
    port: int
    token: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


@contextmanager
def serving(supple: Path | str, env: dict[str, str], *, answering: bool = True) -> Iterator[Served]:
    """``supple serve`` on a free port of loopback, in a process group of its own, its token
    read from the line it prints; with ``answering``, once the page answers (30 s at most). The
    group is stopped on the way out (SIGTERM), unless the server has ended already."""
    port = free_port()
    process = subprocess.Popen(
        [str(supple), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert process.stderr is not None
        printed = process.stderr.readline().decode()  # "supple: open http://localhost:…/?token=…"
        served = Served(process, port, printed.split("?token=")[1].split()[0])
        deadline = time.monotonic() + 30
        while answering and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(served.url, timeout=2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield served
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@asynccontextmanager
async def devtools_page(
    window: tuple[int, int] | None = None,
) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A headless Chromium of its own (a fresh profile, a free port), and its page's DevTools
    socket; the browser is stopped on the way out."""
    binary = chromium()
    assert binary is not None
    port = free_port()
    # Chromium's helper processes may still write to the profile as the browser exits: a
    # leftover temporary folder is harmless, a failed clean-up is not a failed test.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        chrome = subprocess.Popen(
            [
                binary,
                *(f for f in FLAGS if not (window and f.startswith("--window-size="))),
                *([f"--window-size={window[0]},{window[1]}"] if window else []),
                f"--user-data-dir={profile}",
                f"--remote-debugging-port={port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            tabs: list[dict[str, Any]] = []
            for _ in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as answer:
                        tabs = json.load(answer)
                    break
                except OSError:
                    await asyncio.sleep(0.1)
            page = next(t for t in tabs if t["type"] == "page")
            async with (
                aiohttp.ClientSession() as http,
                http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws,
            ):
                yield ws
        finally:
            chrome.terminate()
            chrome.wait(timeout=10)


async def _browse(
    url: str,
    until_js: str,
    timeout: float,
    shot: Path | None,
    window: tuple[int, int] | None = None,
    keys: tuple[str, ...] = (),
    then_wait: float = 1.0,
) -> Any:
    async with devtools_page(window) as ws:
        counter = 0

        async def call(method: str, **params: Any) -> Any:
            nonlocal counter
            counter += 1
            await ws.send_json({"id": counter, "method": method, "params": params})
            while True:
                message = await ws.receive_json()
                if message.get("id") == counter:
                    return message.get("result", {})

        await call("Page.enable")
        await call("Page.navigate", url=url)
        value = None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            result = await call("Runtime.evaluate", expression=until_js)
            value = result.get("result", {}).get("value")
            if value:
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # let the first screen paint
        if keys:  # the terminal takes keys once its input has the focus (a click)
            await call(
                "Runtime.evaluate",
                expression="document.querySelector('textarea')?.focus()",
            )
        for key in keys:  # pressed in the page, as a person would
            for kind in ("keyDown", "keyUp"):
                await call(
                    "Input.dispatchKeyEvent",
                    type=kind,
                    key=key,
                    code=key,
                    windowsVirtualKeyCode=13 if key == "Enter" else 0,
                    **({"text": "\r"} if key == "Enter" and kind == "keyDown" else {}),
                )
            await asyncio.sleep(0.3)
        if keys:
            await asyncio.sleep(then_wait)
        if shot is not None:
            data = await call("Page.captureScreenshot", format="png")
            shot.write_bytes(base64.b64decode(data["data"]))
        return value


def browse(
    url: str,
    until_js: str,
    *,
    timeout: float = 30.0,
    shot: Path | None = None,
    window: tuple[int, int] | None = None,
    keys: tuple[str, ...] = (),
    then_wait: float = 1.0,
) -> Any:
    """Open ``url``; wait until ``until_js`` is truthy (or ``timeout``); press ``keys`` and wait
    ``then_wait`` seconds more; return the condition's value."""
    return asyncio.run(_browse(url, until_js, timeout, shot, window, keys, then_wait))


# True once textual-serve has connected the page to a running app (its intro dialog hides).
APP_CONNECTED = (
    "(() => { const d = document.querySelector('.intro-dialog');"
    " return !!d && getComputedStyle(d).display === 'none'; })()"
)
