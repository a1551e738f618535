"""`supple serve` warns when it listens beyond this machine, and passes the address on as asked."""

from __future__ import annotations

from typing import Any

import pytest

from supple.system import serve


class FakeServer:
    made: list[dict[str, Any]] = []

    def __init__(self, command: str, **kw: Any) -> None:
        FakeServer.made.append({"command": command, **kw})

    def serve(self) -> None:
        pass


@pytest.fixture(autouse=True)
def fake_server(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual_serve.server

    FakeServer.made.clear()
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)


def test_localhost_by_default_without_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.serve("127.0.0.1", 8000) == 0
    err = capsys.readouterr().err
    assert "warning" not in err and "http://localhost:8000" in err
    made = FakeServer.made[0]
    assert made["host"] == "127.0.0.1" and made["port"] == 8000
    assert made["command"].endswith("-m supple")
    assert (made["templates_path"] / "app_index.html").exists()


def test_any_other_address_is_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    serve.serve("0.0.0.0", 9000)
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0:9000 — anyone who can reach this address" in err
    assert FakeServer.made[0]["host"] == "0.0.0.0"


def test_the_printed_address_carries_a_fresh_token(capsys: pytest.CaptureFixture[str]) -> None:
    serve.serve("127.0.0.1", 8000)
    first = capsys.readouterr().err
    serve.serve("127.0.0.1", 8000)
    second = capsys.readouterr().err
    tokens = [line.split("?token=")[1].split()[0] for line in (first, second)]
    assert all(len(t) >= 24 for t in tokens) and tokens[0] != tokens[1]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "localhost"])
def test_all_of_loopback_is_local(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    serve.serve(host, 8000)
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1", "10.0.0.1", "128.0.0.1"])
def test_anything_else_is_warned_about(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    serve.serve(host, 8000)
    assert "warning: serving on" in capsys.readouterr().err
