"""`supple serve`: the app in a web browser, through textual-serve, for following a session on a
phone or tablet. Localhost unless asked otherwise, and then with a clear warning."""

from __future__ import annotations

import functools
import ipaddress
import math
import re
import shlex
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from supple.core.packaged import shipped
from supple.i18n import _
from supple.system.addresses import machine_addresses, reachable_from_elsewhere

# The browser page's files (the supple package's web/ folder, shipped in the wheel).
WEB = shipped("web")

if TYPE_CHECKING:
    import asyncio

    from aiohttp import web

ANY = ("0.0.0.0", "::", "")


def url(host: str, port: int) -> str:
    """An address to type in a browser: IPv6 in brackets."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def addresses_to_open(
    host: str, port: int, find: Callable[[], list[str]] = machine_addresses
) -> list[str]:
    """Where a browser can reach the server: localhost first (for this machine), then, for one
    that listens on every address, each of this machine's addresses that a phone can use in
    the families it listens on (0.0.0.0 is IPv4 only, :: IPv6 only — asyncio sets V6ONLY —
    and "" both), never 0.0.0.0 itself."""
    if is_loopback(host):
        return [url("localhost", port)]
    if host not in ANY:
        return [url(host, port)]
    families = {"0.0.0.0": (4,), "::": (6,), "": (4, 6)}[host]
    found = [
        url(ip, port)
        for ip in find()
        if reachable_from_elsewhere(ip) and ipaddress.ip_address(ip).version in families
    ]
    return [url("localhost", port), *dict.fromkeys(found)]


def announcement(host: str, port: int, token: str, urls: list[str]) -> str:
    """What `supple serve` prints on start: the address to open here, and those for a phone
    (each with the token) or, on loopback, that a phone cannot reach it and how to let it."""
    here, *others = [f"{u}/?token={token}" for u in urls]
    lines = [f"supple: open {here} in a browser. Ctrl+C stops the server."]
    if is_loopback(host):
        lines.append(
            "supple: only this machine can open it; for a phone on the same network, start "
            "`supple serve --host 0.0.0.0` and type on the phone an address it prints."
        )
    elif host in ANY and others:
        lines.append("supple: on a phone or another device on the same network, type one of:")
        lines.extend(f"supple:   {other}" for other in others)
    elif host in ANY:
        lines.append(
            "supple: found no address of this machine that a phone could use (no network "
            "connection?); connect to a network and start again."
        )
    return "\n".join(lines)


def command() -> str:
    """The command each browser tab runs: this very Python, so the same install is served."""
    return f"{shlex.quote(sys.executable)} -m supple"


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)


TOKEN_COOKIE = "supple_token"


def token_server(base: type[Any], token: str) -> type[Any]:
    """textual-serve's Server, refusing the page and the app's WebSocket without the token: the
    page's URL must carry it (``?token=…``, printed on start, as Jupyter does); the page then
    sets a cookie that its WebSocket sends back. Anything else gets 403. The static files
    (textual-serve's script, styles, font) hold nothing of the person's and are served to all."""
    import hmac

    from aiohttp import web

    def allowed(request: web.Request) -> bool:
        if request.path.startswith("/static/"):
            return True  # textual-serve's own script, styles and font: no data of the person's
        given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
        return hmac.compare_digest(given.encode(), token.encode())

    tabs: set[asyncio.Task[None]] = set()  # the handlers of the open tabs' WebSockets

    @web.middleware
    async def check(request: web.Request, handler: Any) -> web.StreamResponse:
        if not allowed(request):
            return web.Response(
                status=403, text="supple: open the address `supple serve` printed (with its token)."
            )
        if request.path == "/ws":
            tabs.add(request.task)
        try:
            response: web.StreamResponse = await handler(request)
        finally:
            tabs.discard(request.task)
        if request.query.get("token"):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
        return response

    class TokenServer(base):  # type: ignore[misc]
        async def _make_app(self) -> web.Application:
            app: web.Application = await super()._make_app()
            app.middlewares.append(check)
            app.router.add_get("/supple/sound", handle_sound, name="supple-sound")
            return app

        async def on_shutdown(self, app: web.Application) -> None:
            await close_tabs(tabs)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            import aiohttp_jinja2

            return aiohttp_jinja2.render_template(
                "app_index.html", request, page_context(request, self.title)
            )

    return TokenServer


# A well-formed Host header: a name or IPv4 address, or an IPv6 one in brackets, and a port.
HOST = re.compile(r"(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


def page_context(request: web.Request, title: str) -> dict[str, Any]:
    """The page's template values, its URLs on the address the browser used (the request's
    Host), never the address the server is bound to: textual-serve writes
    ``http://0.0.0.0:PORT/static/…`` for ``--host 0.0.0.0``, which a phone cannot load. A Host
    that is not a plain address gives root-relative URLs, which the browser resolves against
    the page's own address just the same."""
    from textual_serve.server import to_int

    host = request.host if HOST.fullmatch(request.host) else ""
    origin = f"{request.scheme}://{host}" if host else ""
    socket_origin = f"{'wss' if request.scheme == 'https' else 'ws'}://{host}" if host else ""
    return {
        "font_size": to_int(request.query.get("fontsize", "16"), 16),
        "app_websocket_url": f"{socket_origin}/ws",
        "config": {"static": {"url": f"{origin}/static/"}},
        "application": {"name": title},
    }


# How long the open tabs' apps get to quit when the server is stopped (SIGTERM, Ctrl+C).
QUIT_WAIT = 2.0
REAP_WAIT = 0.2


async def close_tabs(tabs: set[asyncio.Task[None]]) -> None:
    """Ends every open tab at once, within QUIT_WAIT. Without this, aiohttp waits for each
    WebSocket handler to return (up to 60 s), and textual-serve's returns only when the page
    closes its socket. Cancelling a handler makes textual-serve tell its app to quit (the app
    saves as on any quit) and close the socket; a tab still closing after QUIT_WAIT (a phone
    asleep never answers the close) is cancelled again, and nothing waits for it."""
    import asyncio

    pending = set(tabs)
    for tab in pending:
        tab.cancel()
    if pending:
        _done, late = await asyncio.wait(pending, timeout=QUIT_WAIT)
        for tab in late:
            tab.cancel()
        # One more moment for asyncio to reap the apps' processes (its child watcher reports
        # from a thread): a process reaped after the loop has closed prints a traceback.
        await asyncio.sleep(REAP_WAIT)


@functools.lru_cache(maxsize=64)
def sound_wav(name: str, seconds: float | None) -> bytes:
    """A sound of ``supple.core.tones`` as a WAV, made once (a session asks for a few fixed
    sounds and a breath tone or two of each length). ValueError for an unknown one."""
    from supple.core import tones

    return tones.wav_bytes(name, seconds)


def sound_request(query: Mapping[str, str]) -> tuple[str, float | None] | None:
    """The sound a ``/supple/sound?name=NAME&seconds=S`` asks for (seconds only for a breath
    tone, rounded to a hundredth as the app sends them); None for no such sound. A breath
    tone's seconds are checked by ``tones`` itself."""
    from supple.core import tones

    name = query.get("name", "")
    raw = query.get("seconds")
    if name not in tones.NAMES:
        return None
    if name not in tones.BREATHS or raw is None:
        return name, None
    from supple.core.numbers import NumberError, read_number

    try:
        seconds = read_number(raw)  # the digits 0-9 only, as every number supple reads
    except NumberError:
        return None
    if not math.isfinite(seconds):
        return None
    return name, round(seconds, 2)


async def handle_sound(request: web.Request) -> web.Response:
    """``GET /supple/sound?name=NAME&seconds=S``: supple's own sound for the page to play, the
    very WAV the terminal plays (behind the token, as everything but the static files is)."""
    import asyncio

    from aiohttp import web

    asked = sound_request(request.query)
    if asked is None:
        return web.Response(status=400, text="supple: ask for ?name=SOUND[&seconds=S].")
    try:  # synthesised in a thread: the loop goes on carrying the terminal meanwhile
        wav = await asyncio.get_running_loop().run_in_executor(None, sound_wav, *asked)
    except ValueError:  # an unknown name, or a breath tone's seconds missing or out of range
        return web.Response(status=400, text="supple: no such sound.")
    return web.Response(
        body=wav, content_type="audio/wav", headers={"Cache-Control": "private, max-age=3600"}
    )


def serve(
    host: str,
    port: int,
    token: str | None = None,
    find: Callable[[], list[str]] = machine_addresses,
) -> int:
    from textual_serve.server import Server

    token = token or new_token()
    if not is_loopback(host):
        said = _(
            "supple: warning: serving on {host}:{port} — anyone who can reach this address on "
            "your network and has the address below (with its token) can open supple and see "
            "and change your history. Use the default 127.0.0.1 unless you mean that."
        )
        print(said.format(host=host, port=port), file=sys.stderr)
    print(
        announcement(host, port, token, addresses_to_open(host, port, find)),
        file=sys.stderr,
        flush=True,
    )
    server = token_server(Server, token)(
        command(),
        host=host,
        port=port,
        title="supple",
        # Our own page: the stock one loads a web font from the internet; supple never does.
        templates_path=WEB,
    )
    server.serve()
    return 0
