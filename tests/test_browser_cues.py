"""The browser's voice and tones (supple serve): the markers the app writes into the terminal
output for supple's page, the voice's rule of who may cut whom, and the sound route."""

from __future__ import annotations

import asyncio
import io
import json
import re
import threading
import wave
from typing import Any

import pytest

from supple.core.cues import speech_seconds
from supple.system import browser_cues, serve
from supple.system.browser_cues import (
    END,
    PREFIX,
    SAY_LIMIT,
    TAIL_LIMIT,
    BrowserTones,
    BrowserVoice,
    app_writer,
    marker,
)

PAGE = serve.WEB / "app_index.html"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def events(written: list[str]) -> list[dict[str, Any]]:
    """Each write is exactly one marker: decoded back to its event."""
    found = []
    for text in written:
        assert text.startswith(PREFIX) and text.endswith(END), repr(text[:40])
        body = text[len(PREFIX) : -len(END)]
        assert not CONTROL.search(body), "a raw control character inside the marker"
        assert body.isascii()
        found.append(json.loads(body))
    return found


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


# -- markers --------------------------------------------------------------------------------


def test_a_marker_is_an_osc_sequence_of_compact_json() -> None:
    assert marker({"tone": "tick"}) == '\x1b]7719;supple;{"tone":"tick"}\x07'
    assert marker({"say": "Hold", "cut": False}) == (
        '\x1b]7719;supple;{"say":"Hold","cut":false}\x07'
    )
    assert marker({"stop": True}) == '\x1b]7719;supple;{"stop":true}\x07'


def test_no_nan_or_infinity_reaches_the_page() -> None:
    with pytest.raises(ValueError):
        marker({"tone": "breath-in", "seconds": float("nan")})


HOSTILE = [
    "\x1b]0;pwned\x07",
    "bell \x07 and escape \x1b",
    '\x1b]7719;supple;{"stop":true}\x07',
    "\x1b[2J\x1b[31mred",
    "</script><script>alert(1)</script>",
    '"quotes" \\ backslash',
    "emoji 🧘‍♀️ and accents éü and C1 \x9b controls and DEL \x7f",
    "\u2028 line separators \u2029",
    "x" * 10_000,
    "🧘" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_one_marker_with_nothing_raw_inside(text: str) -> None:
    written: list[str] = []
    assert BrowserVoice(written.append).say(text)
    assert len(written) == 1
    out = written[0]
    assert out.count("\x1b") == 1 and out.count("\x07") == 1  # its own start and end only
    assert len(out) <= TAIL_LIMIT  # the page keeps at most this of an unfinished marker
    (event,) = events(written)
    assert event["say"] == text[:SAY_LIMIT]
    assert event["cut"] is False


def test_say_text_is_capped() -> None:
    written: list[str] = []
    BrowserVoice(written.append).say("a" * 10_000)
    assert events(written)[0]["say"] == "a" * SAY_LIMIT


def test_the_longest_marker_fits_the_pages_tail() -> None:
    """The worst text (every character escaped as two \\uXXXX) still fits the page's limit."""
    worst = marker({"say": "\U0001f9d8" * SAY_LIMIT, "cut": False})
    assert len(worst) < TAIL_LIMIT


def test_the_page_agrees_on_the_marker_and_its_limits() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert 'const PREFIX = "\\x1b]7719;supple;";' in page
    assert 'const END = "\\x07";' in page
    assert f"const TAIL_LIMIT = {TAIL_LIMIT};" in page
    assert f"const SAY_LIMIT = {SAY_LIMIT};" in page
    assert f"const PREPARE_LIMIT = {browser_cues.PREPARE_LIMIT};" in page
    for risky in (".innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert risky not in page, risky
    assert "new Function" not in page


# -- the voice ------------------------------------------------------------------------------


def test_the_voice_is_always_available() -> None:
    voice = BrowserVoice(lambda _: None)
    assert voice.available and not voice.speaking()
    assert not voice.say("")  # nothing to say: nothing written


def test_a_lower_priority_is_refused_while_the_estimate_says_speaking() -> None:
    written: list[str] = []
    clock = Clock()
    voice = BrowserVoice(written.append, now=clock)
    long = "Rest. Next: Sphinx. Lie face down, feet about hip-width apart, toes tucked under."
    assert voice.say(long, priority=2)
    assert voice.speaking()
    clock.t += speech_seconds(long) - 0.1
    assert voice.speaking()
    assert not voice.say("3", priority=1)  # refused: nothing written
    assert len(written) == 1
    assert voice.say("Hold", priority=2)  # as important: cuts
    assert voice.say("Session complete. Well done.", priority=3)  # more important: cuts
    assert [e["cut"] for e in events(written)] == [False, True, True]


def test_after_the_estimated_time_the_voice_is_free() -> None:
    written: list[str] = []
    clock = Clock()
    voice = BrowserVoice(written.append, now=clock)
    voice.say("Get ready: Sphinx", priority=2)
    clock.t += speech_seconds("Get ready: Sphinx") + 0.01
    assert not voice.speaking()
    assert voice.say("in", priority=0)
    assert events(written)[-1] == {"say": "in", "cut": False}


def test_stop_tells_the_page_and_frees_the_voice() -> None:
    written: list[str] = []
    clock = Clock()
    voice = BrowserVoice(written.append, now=clock)
    voice.say("Session complete. Well done.", priority=3)
    voice.stop()
    assert not voice.speaking()
    assert voice.say("out", priority=0)
    assert events(written) == [
        {"say": "Session complete. Well done.", "cut": False, "alert": True},
        {"stop": True},
        {"say": "out", "cut": False},
    ]


# -- the tones ------------------------------------------------------------------------------


def test_tones_on_their_channels() -> None:
    written: list[str] = []
    tones = BrowserTones(written.append)
    assert tones.available
    assert tones.play("tick")
    assert tones.play("breath-in", 3.456, channel="breath")
    assert tones.play("breath-out", 4.0, channel="breath")
    tones.stop()
    assert events(written) == [
        {"tone": "tick"},
        {"tone": "breath-in", "seconds": 3.46, "channel": "breath"},
        {"tone": "breath-out", "seconds": 4.0, "channel": "breath"},
        {"stop": True},
    ]


@pytest.mark.parametrize(
    ("name", "seconds", "channel"),
    [
        ("boom", None, "cue"),
        ("\x1b]0;x\x07", None, "cue"),
        ("tick", None, "music"),
        ("breath-in", float("nan"), "breath"),
        ("breath-in", float("inf"), "breath"),
        ("breath-in", -1.0, "breath"),
    ],
)
def test_an_unknown_tone_channel_or_length_writes_nothing(
    name: str, seconds: float | None, channel: str
) -> None:
    written: list[str] = []
    assert not BrowserTones(written.append).play(name, seconds, channel)
    assert written == []


def test_prepare_names_each_sound_once() -> None:
    written: list[str] = []
    tones = BrowserTones(written.append)
    tones.prepare(
        [("start", None), ("tick", None), ("start", None), ("breath-in", 4.0), ("nope", None)]
        + [("breath-out", 1 + i / 10) for i in range(100)]
    )
    (event,) = events(written)
    wanted = event["prepare"]
    assert wanted[:3] == [["start", None], ["tick", None], ["breath-in", 4.0]]
    assert len(wanted) == browser_cues.PREPARE_LIMIT
    tones.prepare([])
    assert len(written) == 1  # nothing to prepare: nothing written


# -- writing through the app's driver -------------------------------------------------------


class FakeDriver:
    def __init__(self) -> None:
        self.written: list[tuple[str, int]] = []
        self.broken = False

    def write(self, data: str) -> None:
        if self.broken:
            raise BrokenPipeError
        self.written.append((data, threading.get_ident()))


class FakeApp:
    def __init__(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self._driver: FakeDriver | None = FakeDriver()
        self._loop = loop
        self._thread_id = threading.get_ident()


async def test_the_app_writer_writes_on_the_apps_thread() -> None:
    app = FakeApp(asyncio.get_running_loop())
    write = app_writer(app)  # type: ignore[arg-type]
    write("here")
    other = threading.Thread(target=write, args=("from a thread",))
    other.start()
    other.join()
    for _ in range(20):
        await asyncio.sleep(0.01)
    assert app._driver is not None
    assert app._driver.written == [
        ("here", app._thread_id),
        ("from a thread", app._thread_id),  # handed to the loop, written there
    ]


def test_the_app_writer_drops_what_it_cannot_write() -> None:
    app = FakeApp(None)
    write = app_writer(app)  # type: ignore[arg-type]
    assert app._driver is not None
    app._driver.broken = True
    write("the page is gone")  # no error
    app._driver = None
    write("no driver")  # no error
    other = threading.Thread(target=write, args=("no loop",))
    other.start()
    other.join()


# -- the sound route ------------------------------------------------------------------------


@pytest.fixture
async def client() -> Any:
    from aiohttp.test_utils import TestClient, TestServer
    from textual_serve.server import Server

    server = serve.token_server(Server, "sekrit")(
        "true", host="127.0.0.1", port=0, templates_path=PAGE.parent
    )
    app = await server._make_app()
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as w:
        return w.getnframes() / w.getframerate()


async def test_the_route_gives_supples_own_wav(client: Any) -> None:
    from supple.core import tones

    answer = await client.get("/supple/sound", params={"name": "tick", "token": "sekrit"})
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "audio/wav"
    body = await answer.read()
    assert body == tones.wav_bytes("tick")
    # The cookie the page set is enough, as for the page's own fetch.
    answer = await client.get("/supple/sound", params={"name": "breath-in", "seconds": "2.5"})
    assert answer.status == 200
    assert wav_seconds(await answer.read()) == pytest.approx(2.5, abs=0.001)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"name": ""},
        {"name": "boom"},
        {"name": "../../etc/passwd"},
        {"name": "breath-in"},  # a breath tone needs its length
        {"name": "breath-in", "seconds": "abc"},
        {"name": "breath-in", "seconds": "nan"},
        {"name": "breath-in", "seconds": "inf"},
        {"name": "breath-in", "seconds": "-1"},
        {"name": "breath-in", "seconds": "1e9"},
        {"name": "x" * 5000},
    ],
)
async def test_bad_requests_get_400_without_a_traceback(
    client: Any, params: dict[str, str]
) -> None:
    answer = await client.get("/supple/sound", params={**params, "token": "sekrit"})
    assert answer.status == 400
    text = await answer.text()
    assert "Traceback" not in text and "Error" not in text
    assert text.startswith("supple:")


async def test_without_the_token_no_sound(client: Any) -> None:
    from aiohttp import ClientSession

    url = client.make_url("/supple/sound")
    async with ClientSession() as fresh:  # no cookie from an earlier request
        for params in ({"name": "tick"}, {"name": "tick", "token": "wrong"}):
            async with fresh.get(url, params=params) as answer:
                assert answer.status == 403


def test_sounds_are_made_once() -> None:
    serve.sound_wav.cache_clear()
    serve.sound_wav("tick", None)
    serve.sound_wav("tick", None)
    info = serve.sound_wav.cache_info()
    assert info.hits == 1 and info.misses == 1 and info.maxsize is not None
    # A fixed sound's seconds are dropped: one cached copy, whatever is asked.
    assert serve.sound_request({"name": "tick", "seconds": "3"}) == ("tick", None)
    assert serve.sound_request({"name": "breath-out", "seconds": "3.456"}) == ("breath-out", 3.46)


def test_alerts_are_marked_for_the_pages_assertive_region() -> None:
    """The end (stopped or complete) and a pain marked are alerts; every other cue is not."""
    from supple.core.cues import ALERT_PRIORITY, PAIN_PRIORITY, CueKind

    for kind in CueKind:
        written: list[str] = []
        BrowserVoice(written.append, now=Clock()).say("words", priority=kind.priority)
        assert events(written)[0].get("alert", False) is (kind is CueKind.END), kind
    written = []
    BrowserVoice(written.append, now=Clock()).say("Pain 7 of 10", priority=PAIN_PRIORITY)
    assert events(written) == [{"say": "Pain 7 of 10", "cut": False, "alert": True}]
    assert PAIN_PRIORITY > ALERT_PRIORITY == CueKind.END.priority
