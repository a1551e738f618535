"""No network: a whole session and every command run with internet sockets made to fail; only
`supple serve` opens one, and only on the address asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from supple.system import paths
from tests.harness import SUPPLE, Term

pytestmark = pytest.mark.faults
NONET = Path(__file__).parents[1] / "data" / "nonet"


def env_for(tmp: Path) -> dict[str, str]:
    return {
        "SUPPLE_DATA_DIR": str(tmp / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp / "config"),
        "PYTHONPATH": str(NONET),
        "SUPPLE_TIME_SCALE": "50",
    }


def test_the_block_itself_works(tmp_path: Path) -> None:
    code = "import socket; socket.create_connection(('127.0.0.1', 9))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | env_for(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "NETWORK ATTEMPT BLOCKED" in result.stderr


def test_a_whole_session_without_network(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("check_in_after = false\n")
    term = Term([SUPPLE, "play", "back-pain-relief"], env_for(tmp_path))
    try:
        term.wait_for("Session complete", timeout=60)
        term.send("q")
        assert term.wait() == 0
    finally:
        term.close()
    assert "NETWORK ATTEMPT BLOCKED" not in term.text()
    assert len(list((tmp_path / "data" / "sessions").rglob("*.toml"))) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["show", "lower-back-mobility", "--json"],
        ["validate", str(paths.bundled_routines_dir())],
        ["history", "--json"],
        ["history", "--csv"],
        ["stats", "--json"],
        ["program", "--json"],
        ["program", "start"],
        ["test", "list"],
        ["test", "record", "toe-touch", "10"],
        ["config", "show"],
        ["config", "path"],
        ["--version"],
    ],
)
def test_every_command_without_network(tmp_path: Path, args: list[str]) -> None:
    result = subprocess.run(
        [SUPPLE, *args],
        env=os.environ | env_for(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "NETWORK ATTEMPT BLOCKED" not in result.stderr


def listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.split(":")[1], 16) == port:
                found.append(local.split(":")[0])
    return found


def test_serve_listens_only_on_the_address_asked_for(tmp_path: Path) -> None:
    from tests.e2e.cdp import serving

    env = os.environ | {
        "SUPPLE_DATA_DIR": str(tmp_path / "d"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "c"),
    }
    with serving(SUPPLE, env) as served:
        assert listening(served.port) == ["0100007F"]  # 127.0.0.1 and nothing else
        urllib.request.urlopen(served.url, timeout=5).close()
