"""Sound in the browser (`supple serve`): a real server on loopback, a session played in headless
Chromium, and what supple's page was told to play and say, when, and what it called.

Headless Chromium has no voices and plays into no speaker, so the checks are on what the page
received (window.suppleAudio.log) and what it called (window.suppleAudio.calls: speak, cancel,
the start of each sound), not on the audio itself."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.e2e.cdp import APP_CONNECTED, chromium, devtools_page, free_port, serving

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed"),
]
SUPPLE = Path(sys.executable).parent / "supple"
SCALE = 5.0  # the session's clock runs 5 times as fast: back-pain-relief in about 20 s
# How far a gap between two cues may stray from the plan's, in real seconds. A cue is written
# at the first frame after its moment: the player draws at least every 0.1 s (live.FRAME) and
# wakes just after each second's edge, so each cue is late by 0 to about 0.1 s; a gap between
# two is off by up to 0.1 s either way, plus the pipe, the WebSocket and a busy two-core
# machine running Chromium, textual-serve and the app at once: 0.3 s is three frames.
TOLERANCE = 0.3


class Tab:
    """One Chromium page over the DevTools protocol: evaluate, wait, click, press keys."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.counter = 0

    async def call(self, method: str, **params: Any) -> Any:
        self.counter += 1
        await self.ws.send_json({"id": self.counter, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == self.counter:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def js(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 30.0, every: float = 0.05) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.js(expression)
            if value:
                return value
            await asyncio.sleep(every)
        log = await self.js("JSON.stringify(window.suppleAudio && window.suppleAudio.log)")
        raise AssertionError(f"never true: {expression}\nthe page's log: {log}")

    async def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element: a user gesture, as a tap is."""
        box = await self.js(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            await self.call(
                "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1
            )

    async def key(self, key: str) -> None:
        """A key pressed in the terminal (its input takes keys once it has the focus)."""
        await self.js("document.querySelector('#terminal textarea').focus()")
        text = "\r" if key == "Enter" else key
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=key if key == "Enter" else f"Key{key.upper()}",
                windowsVirtualKeyCode=13 if key == "Enter" else ord(key.upper()),
                **({"text": text} if kind == "keyDown" else {}),
            )


@asynccontextmanager
async def open_tab(url: str) -> AsyncIterator[Tab]:
    async with devtools_page() as ws:
        tab = Tab(ws)
        await tab.call("Page.enable")
        await tab.call("Page.navigate", url=url)
        yield tab


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    if not SUPPLE.exists():
        pytest.skip(f"no installed console script at {SUPPLE}")
    env = os.environ | {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
        "SUPPLE_STATE_DIR": str(tmp_path / "state"),
        "SUPPLE_CACHE_DIR": str(tmp_path / "cache"),
        "SUPPLE_TIME_SCALE": str(SCALE),
    }
    with serving(SUPPLE, env) as served:
        yield served.url


def plan_seconds() -> dict[str, float]:
    """When, in the session's own seconds from its first segment, back-pain-relief (beginner)
    begins work the first time and its first rest, and its second exercise's hold."""
    from supple.coach.coach import Coach

    plan = Coach.from_environment().catalog.plan("back-pain-relief", "beginner")
    starts: list[tuple[str, float]] = []
    t = 0.0
    for segment in plan.segments:
        starts.append((segment.kind, t))
        t += segment.seconds
    first_work = next(at for kind, at in starts if kind in ("rep", "hold"))
    first_rest = next(at for kind, at in starts if kind == "rest")
    second_hold = next(at for kind, at in starts if kind == "hold" and at > first_rest)
    return {"work": first_work, "rest": first_rest, "hold": second_hold}


def tones(log: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in log if e["kind"] == "tone"]


async def play_a_session(url: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], float]:
    async with open_tab(url) as tab:
        await tab.wait_for(APP_CONNECTED)
        assert await tab.js("window.suppleAudio.log.length") == 0
        label = await tab.js("document.getElementById('supple-sound').textContent")
        assert "Tap to turn sound on" in label
        await asyncio.sleep(1.0)  # home's first paint
        await tab.key("Enter")  # home: Enter starts the first routine
        # The session's first words come before the tap: logged, not played.
        await tab.wait_for("window.suppleAudio.log.length > 0", timeout=20, every=0.02)
        await tab.click("#supple-sound")
        tapped = await tab.wait_for(
            "(window.suppleAudio.calls.find(c => c.unlock) || {}).at", timeout=5
        )
        assert "sound on" in await tab.js("document.getElementById('supple-sound').textContent")
        # The third hold's start: mute (m) and unmute, which stops everything on the page.
        await tab.wait_for(
            "window.suppleAudio.log.filter(e => e.name === 'start').length >= 3", timeout=60
        )
        await tab.key("m")
        await tab.wait_for("window.suppleAudio.log.some(e => e.kind === 'stop')", timeout=10)
        await tab.key("m")
        await tab.wait_for("window.suppleAudio.log.some(e => e.name === 'complete')", timeout=60)
        await asyncio.sleep(0.5)  # the sound of 'complete' fetched and started
        log = await tab.js("window.suppleAudio.log")
        calls = await tab.js("window.suppleAudio.calls")
        return log, calls, float(tapped)


def test_the_page_plays_and_says_the_cues_after_a_tap(server: str) -> None:
    log, calls, tapped = asyncio.run(play_a_session(server))
    summary = json.dumps(log, indent=0)[:6000]

    # The tap is required: what came before it was logged, not played; after it, played.
    before = [e for e in log if e["at"] < tapped]
    after = [e for e in log if e["at"] > tapped]
    assert before and all(not e["played"] for e in before), summary
    assert after and all(e["played"] for e in after), summary

    # The first words name the first exercise (the lead-in, or its get-ready).
    says = [e for e in log if e["kind"] == "say"]
    assert "Cat-Cow" in says[0]["text"], summary

    # In order: the 3-2-1's ticks, work begins (start), the first rest (rest), the next hold.
    names = [e["name"] for e in tones(log)]
    first_start = names.index("start")
    assert "tick" in names[:first_start], names
    first_rest = names.index("rest")
    assert first_start < first_rest, names
    assert names[-1] == "complete", names
    rest_tone = tones(log)[first_rest]
    rest_words = next(e for e in says if e["text"].startswith("Rest"))
    assert "Sphinx" in rest_words["text"]
    assert abs(rest_words["at"] - rest_tone["at"]) < 100  # written in the same frame

    # Spaced as the plan says, at the clock's speed.
    plan = plan_seconds()
    start_tone = tones(log)[first_start]
    hold_tone = next(e for e in tones(log)[first_rest:] if e["name"] == "start")
    for (a, b), (pa, pb) in (
        ((start_tone, rest_tone), ("work", "rest")),
        ((rest_tone, hold_tone), ("rest", "hold")),
    ):
        gap = (b["at"] - a["at"]) / 1000
        planned = (plan[pb] - plan[pa]) / SCALE
        assert abs(gap - planned) <= TOLERANCE, (pa, pb, gap, planned)

    # The page spoke what it was told once sound was on (no voices here: the calls count),
    # cut when told to, and started the sounds.
    spoken = [c["text"] for c in calls if c["call"] == "speak" and not c.get("unlock")]
    assert spoken == [e["text"] for e in says if e["played"]], (spoken, summary)
    assert not any(c["call"] == "speak" and c["at"] < tapped for c in calls)
    cancels = [c for c in calls if c["call"] == "cancel"]
    assert len(cancels) >= sum(1 for e in says if e["played"] and e["cut"])
    started = [c["name"] for c in calls if c["call"] == "start"]
    assert "start" in started and "rest" in started and "complete" in started, started
    # Mute stopped everything: a stop event, and speech cancelled then.
    stop = next(e for e in log if e["kind"] == "stop")
    assert any(c["call"] == "cancel" and c["at"] >= stop["at"] for c in calls)


# -- the page's reading of the stream, fed by a WebSocket of the test's own -----------------

MARKER = "\x1b]7719;supple;"


async def feed_page(url: str, messages: list[bytes | str], binary_type: str) -> Any:
    """Open a WebSocket from supple's page to a server of the test's own that sends
    ``messages``: the page watches every socket it opens, so this is what the app's would
    do, with the chunks cut where the test likes."""

    async def handler(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        for message in messages:
            if isinstance(message, str):
                await ws.send_str(message)
            else:
                await ws.send_bytes(message)
            await asyncio.sleep(0.01)
        await ws.close()
        return ws

    app = web.Application()
    app.router.add_get("/", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        async with open_tab(url) as tab:
            await tab.wait_for(APP_CONNECTED)
            before = await tab.js("window.suppleAudio.log.length")
            await tab.js(
                f"window.testSocket = new WebSocket('ws://127.0.0.1:{port}/');"
                f"window.testSocket.binaryType = '{binary_type}';"
                "window.testSocket.addEventListener('close', () => { window.testDone = true; });"
            )
            await tab.wait_for("window.testDone === true", timeout=10)
            await asyncio.sleep(0.3)  # Blobs are read asynchronously
            return (await tab.js("window.suppleAudio.log"))[before:]
    finally:
        await runner.cleanup()


def stream() -> list[bytes | str]:
    # Raw UTF-8 inside (supple's own markers are ASCII, the screen around them is not).
    say = MARKER + json.dumps({"say": "Hold, left side ☺", "cut": True}, ensure_ascii=False)
    say += "\x07"
    raw = say.encode()
    split_at = raw.index("☺".encode()) + 1  # inside the smiley's UTF-8 bytes
    return [
        b"\x1b[2J screen text \x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\",
        (MARKER + '{"tone":"tick"}\x07').encode(),
        b"more screen" + raw[:5],  # a marker cut inside its prefix...
        raw[5:split_at],  # ...and inside a character...
        raw[split_at:] + b" trailing",  # ...ends here
        '["pong","x"]',  # textual-serve's own JSON as a string message: not output
        (MARKER + "{not json}\x07").encode(),  # malformed: ignored
        (MARKER + "[1,2]\x07" + MARKER + '{"tone":"../x"}\x07').encode(),  # not events
        # Too long to be one of supple's: dropped past the tail's limit, so its end is no event.
        (MARKER + '{"say":"' + "x" * 5000).encode(),
        ("x" * 5000).encode(),
        b'"}\x07',
        (MARKER + '{"tone":"ti' + MARKER + '{"stop":true}\x07').encode(),  # a start, restarted
        (MARKER + '{"tone":"breath-in","seconds":4,"channel":"breath"}\x07').encode(),
    ]


@pytest.mark.parametrize("binary_type", ["arraybuffer", "blob"])
def test_markers_are_found_across_messages_and_garbage_is_ignored(
    server: str, binary_type: str
) -> None:
    log = asyncio.run(feed_page(server, stream(), binary_type))
    got = [(e["kind"], e.get("name") or e.get("text"), e.get("cut"), e.get("seconds")) for e in log]
    assert got == [
        ("tone", "tick", None, None),
        ("say", "Hold, left side ☺", True, None),
        ("stop", None, None, None),
        ("tone", "breath-in", None, 4),
    ]
    assert not any(e["played"] for e in log)  # no tap: nothing played
