"""`supple serve`: the app in a web browser, through textual-serve, for following a session on a
phone or tablet. Localhost unless asked otherwise, and then with a clear warning."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

LOCAL = ("127.0.0.1", "localhost", "::1")
ANY = ("0.0.0.0", "::", "")


def url(host: str, port: int) -> str:
    """An address to type in a browser: IPv6 in brackets."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def addresses_to_open(host: str, port: int) -> list[str]:
    """Where a browser can reach the server: localhost for a local one; for one that listens
    on every address (0.0.0.0, ::), this machine's own addresses, never 0.0.0.0 itself."""
    import socket

    if host in LOCAL:
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


def serve(host: str, port: int) -> int:
    from textual_serve.server import Server

    if host not in LOCAL:
        print(
            f"supple: warning: serving on {host}:{port} — anyone who can reach this address on "
            "your network can open supple and see and change your history. Use the default "
            "127.0.0.1 unless you mean that.",
            file=sys.stderr,
        )
    urls = addresses_to_open(host, port)
    others = " or ".join(urls[1:])
    also = f" (from another device: {others})" if others else ""
    print(
        f"supple: open {urls[0]} in a browser{also}. Ctrl+C stops the server.",
        file=sys.stderr,
    )
    server = Server(
        command(),
        host=host,
        port=port,
        title="supple",
        # Our own page: the stock one loads a web font from the internet; supple never does.
        templates_path=Path(__file__).parent / "web",
    )
    server.serve()
    return 0
