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


# -- the addresses a phone can use -----------------------------------------------------------

MACHINE = ["127.0.0.1", "127.0.1.1", "192.0.2.2", "10.1.2.3", "::1", "fd00::2", "fe80::1"]


def printed(host: str, found: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    serve.serve(host, 9000, token="T0K", find=lambda: found)
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("0.0.0.0", ["192.0.2.2", "10.1.2.3"]),
        ("::", ["[fd00::2]"]),  # asyncio binds :: with V6ONLY: IPv6 only
        ("", ["192.0.2.2", "10.1.2.3", "[fd00::2]"]),
    ],
)
def test_every_address_a_phone_can_use_is_printed_with_the_token(
    host: str, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = printed(host, MACHINE, capsys)
    phone = [line.split()[-1] for line in err.splitlines() if line.startswith("supple:   ")]
    assert phone == [f"http://{a}:9000/?token=T0K" for a in expected]
    assert "supple: open http://localhost:9000/?token=T0K in a browser." in err
    assert "0.0.0.0:9000/" not in err and "127.0.1.1" not in err and "fe80" not in err


def test_each_non_loopback_address_found_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    found = [f"10.0.{n}.{n + 1}" for n in range(12)] + [f"2001:db8::{n:x}" for n in range(5)]
    err = printed("", found, capsys)
    for address in found:
        assert serve.url(address, 9000) + "/?token=T0K" in err


def test_on_loopback_it_says_a_phone_cannot_reach_it_and_how(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = printed("127.0.0.1", MACHINE, capsys)
    assert "only this machine can open it" in err
    assert "`supple serve --host 0.0.0.0`" in err and "192.0.2.2" not in err


def test_no_address_for_a_phone_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    err = printed("0.0.0.0", ["127.0.0.1", "::1"], capsys)
    assert "found no address of this machine that a phone could use" in err


def test_the_machines_addresses_include_its_interfaces() -> None:
    """Found without the network: on Linux every address of /proc/net/if_inet6 is there."""
    from pathlib import Path

    from supple.system import addresses

    found = addresses.machine_addresses()
    assert found == list(dict.fromkeys(found))
    table = Path("/proc/net/if_inet6")
    if table.exists():
        import ipaddress

        for line in table.read_text().splitlines():
            ip = str(ipaddress.IPv6Address(bytes.fromhex(line.split()[0])))
            assert ip in found
