"""`supple serve`: the app in a web browser, through textual-serve, for following a session on a
phone or tablet. Localhost unless asked otherwise, and then with a clear warning."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

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
            return app

    return TokenServer


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
        templates_path=Path(__file__).parent / "web",
    )
    server.serve()
    return 0
