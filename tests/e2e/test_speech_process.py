"""The speaker with a real (fake) speech program: never blocking, never talking over itself."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from supple.system.speech import Speaker

FAKE = Path(__file__).with_name("fake_speech.py")


def wait_for_lines(log: Path, count: int) -> list[list[str]]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return [line.split("\t") for line in lines]
        time.sleep(0.02)
    raise AssertionError(f"only {log.read_text() if log.exists() else ''!r}")


def test_speaks_without_blocking_and_a_newer_cue_replaces_a_stale_one(tmp_path: Path) -> None:
    log = tmp_path / "said.log"
    speaker = Speaker([sys.executable, str(FAKE), str(log)])
    start = time.monotonic()
    assert speaker.say("one two three four five six seven eight nine ten", priority=0)
    assert time.monotonic() - start < 0.5  # did not wait for the words
    wait_for_lines(log, 1)
    assert speaker.say("Switch sides", priority=2)  # replaces the stale one
    events = wait_for_lines(log, 4)
    assert [e[1] for e in events] == ["start", "cut", "start", "end"]
    assert events[2][2] == "Switch sides"
    assert float(events[1][0]) <= float(events[2][0])  # never two voices at once


def test_a_less_important_cue_does_not_cut_an_instruction(tmp_path: Path) -> None:
    log = tmp_path / "said.log"
    speaker = Speaker([sys.executable, str(FAKE), str(log)])
    speaker.say("Get ready: Cat-Cow. Kneel on all fours with a flat back", priority=2)
    wait_for_lines(log, 1)
    assert not speaker.say("3", priority=1)
    events = wait_for_lines(log, 2)
    assert [e[1] for e in events] == ["start", "end"]
    deadline = time.monotonic() + 5
    while speaker.speaking() and time.monotonic() < deadline:
        time.sleep(0.01)  # the fake program exits just after writing "end"
    assert speaker.say("2", priority=1)  # once it has finished, counts are heard again
    speaker.stop()


def test_a_missing_program_falls_back_quietly(tmp_path: Path) -> None:
    speaker = Speaker([str(tmp_path / "no-such-program")])
    assert not speaker.say("hello") and not speaker.available
    assert not Speaker(None).say("hello")


def test_a_text_is_never_read_as_an_option(tmp_path: Path) -> None:
    """An exercise named "-f/etc/passwd" must not make espeak-ng read that file aloud."""
    log = tmp_path / "argv.txt"
    script = f"import sys; open({str(log)!r}, 'w').write(repr(sys.argv[1:]))"
    speaker = Speaker([sys.executable, "-c", script])
    assert speaker.say("-f/etc/passwd", priority=2)
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert log.read_text() == repr([" -f/etc/passwd"])
