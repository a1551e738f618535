"""`supple serve`: the app in a web browser, through textual-serve, for following a session on a
phone or tablet. Localhost unless asked otherwise, and then with a clear warning."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

LOCAL = ("127.0.0.1", "localhost", "::1")


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
    print(
        f"supple: open http://{'localhost' if host in LOCAL else host}:{port} in a browser "
        "(Ctrl+C stops the server)",
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
