"""Issue 12's small ones, at the command line: words a person reads every day."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.words import plural
from supple.system import paths, serve
from tests.fakes import make_session_record


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_session_today() -> None:
    store = HistoryStore(paths.data_dir())
    now = datetime.now().astimezone().replace(microsecond=0) - timedelta(minutes=10)
    store.save(make_session_record(now), store.path_for("back-pain-relief", now))


def test_one_day_is_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert (plural(1, "day"), plural(0, "day"), plural(2, "session")) == (
        "1 day",
        "0 days",
        "2 sessions",
    )
    one_session_today()
    _, out, _ = run(capsys, "stats")
    assert "Streak: 1 day now, 1 day at the longest" in out
    assert "This week: 1 session that counts," in out
    assert "In all: 1 session that counts (1 ended)," in out


def test_history_since_the_future_says_there_are_sessions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    one_session_today()
    _, out, _ = run(capsys, "history", "--since", "2999-01-01")
    assert out.strip() == "No sessions since 2999-01-01 (1 session in all)."
    _, out, _ = run(capsys, "history", "--routine", "nope")
    assert out.strip() == "No sessions of nope (1 session in all)."


def test_middle_tests_are_refused_before_their_workout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "program", "start")[0] == 0
    code, _, err = run(capsys, "test", "record", "toe-touch", "12", "--point", "middle")
    assert code == 2 and "the middle tests come after workout 9; 0 workouts done" in err
    assert run(capsys, "test", "record", "toe-touch", "12", "--point", "start")[0] == 0


def test_reaching_past_the_floor_is_a_negative_toe_touch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "program", "start")[0] == 0
    code, out, _ = run(capsys, "test", "record", "toe-touch", "-5")
    assert code == 0 and "-5 cm" in out
    _, out, _ = run(capsys, "test", "list")
    assert "negative" in out


def test_serve_on_every_address_never_says_open_0_0_0_0() -> None:
    # The machine's addresses as found (host name and interfaces), loopback among them: each
    # address a phone can use is offered in the families the server listens on (0.0.0.0 is
    # IPv4 only, :: IPv6 only, "" both), loopback and 0.0.0.0 never.
    def found() -> list[str]:
        return ["192.0.2.7", "127.0.1.1", "2001:db8::7", "fe80::1"]

    assert serve.addresses_to_open("0.0.0.0", 8000, found) == [
        "http://localhost:8000",
        "http://192.0.2.7:8000",
    ]
    assert serve.addresses_to_open("::", 8000, found) == [
        "http://localhost:8000",
        "http://[2001:db8::7]:8000",
    ]
    assert serve.addresses_to_open("", 8000, found) == [
        "http://localhost:8000",
        "http://192.0.2.7:8000",
        "http://[2001:db8::7]:8000",
    ]
    assert serve.addresses_to_open("127.0.0.1", 8000, found) == ["http://localhost:8000"]


def test_the_app_without_a_terminal_says_so_and_exits_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys
    from pathlib import Path

    supple = Path(sys.executable).parent / "supple"
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    for args in ([], ["play", "back-pain-relief"]):
        out = tmp_path / "out.txt"
        with open(os.devnull, "rb") as nothing, open(out, "wb") as into:
            done = subprocess.run(
                [str(supple), *args],
                stdin=nothing,
                stdout=into,
                stderr=subprocess.PIPE,
                env=env,
                timeout=30,
            )
        assert done.returncode == 2
        assert b"needs a terminal" in done.stderr
        assert b"\x1b" not in out.read_bytes()  # no escape codes written into the file
    listed = subprocess.run(
        [str(supple), "list"], stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=30
    )
    assert listed.returncode == 0 and b"back-pain-relief" in listed.stdout  # commands still work
