"""`supple serve`: the app in a web browser, through textual-serve, for following a session on a
phone or tablet. Localhost unless asked otherwise, and then with a clear warning."""

from __future__ import annotations

import functools
import math
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The browser page's files (the supple package's web/ folder, shipped in the wheel).
WEB = Path(__file__).resolve().parents[1] / "web"

if TYPE_CHECKING:
    from aiohttp import web

ANY = ("0.0.0.0", "::", "")


def url(host: str, port: int) -> str:
    """An address to type in a browser: IPv6 in brackets."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def addresses_to_open(host: str, port: int) -> list[str]:
    """Where a browser can reach the server: localhost for a local one; for one that listens
    on every address (0.0.0.0, ::), this machine's own addresses, never 0.0.0.0 itself."""
    import socket

    if is_loopback(host):
        return [url("localhost", port)]
    if host not in ANY:
        return [url(host, port)]
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, proto=socket.IPPROTO_TCP)
    except OSError:
        infos = []
    for family, *_, address in infos:
        ip = str(address[0])
        if ip.startswith("127.") or ip == "::1" or (family == socket.AF_INET6 and host != "::"):
            continue
        if url(ip, port) not in found:
            found.append(url(ip, port))
    return [url("localhost", port), *found]


def command() -> str:
    """The command each browser tab runs: this very Python, so the same install is served."""
    return f"{shlex.quote(sys.executable)} -m supple"


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: this machine only."""
    import ipaddress

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

    @web.middleware
    async def check(request: web.Request, handler: Any) -> web.StreamResponse:
        if not allowed(request):
            return web.Response(
                status=403, text="supple: open the address `supple serve` printed (with its token)."
            )
        response: web.StreamResponse = await handler(request)
        if request.query.get("token"):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
        return response

    class TokenServer(base):  # type: ignore[misc]
        async def _make_app(self) -> web.Application:
            app: web.Application = await super()._make_app()
            app.middlewares.append(check)
            app.router.add_get("/supple/sound", handle_sound, name="supple-sound")
            return app

    return TokenServer


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
    try:
        seconds = float(raw)
    except ValueError:
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


def serve(host: str, port: int, token: str | None = None) -> int:
    from textual_serve.server import Server

    token = token or new_token()
    if not is_loopback(host):
        print(
            f"supple: warning: serving on {host}:{port} — anyone who can reach this address on "
            "your network and has the address below (with its token) can open supple and see "
            "and change your history. Use the default 127.0.0.1 unless you mean that.",
            file=sys.stderr,
        )
    urls = [f"{u}/?token={token}" for u in addresses_to_open(host, port)]
    others = " or ".join(urls[1:])
    also = f" (from another device: {others})" if others else ""
    print(
        f"supple: open {urls[0]} in a browser{also}. Ctrl+C stops the server.",
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
