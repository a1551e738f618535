"""End to end at real speed: the installed `supple` plays a short routine of the test's own in a
real terminal (tmux, 100x30) with no SUPPLE_TIME_SCALE, through a fake speech program and a fake
audio player that log ``time.monotonic()`` (one clock for every process on Linux) as they start,
end and are cut. Every cue the routine calls for must come, in order, within 150 ms of its moment
(worked out from the routine: the voice plan's lead-in, then each segment's start, the 3-2-1
before work, the closing seconds of a hold, the end), nothing said may be cut or overlap, and
tones may not overlap on the cue channel. Only log files and the screen are polled (bounded)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from uuid import uuid4

import pytest

from supple.core.clock import FakeClock
from supple.core.cues import TICKS, Cuer, number_word, plan_voice
from supple.core.routine import load_routine
from supple.core.session import Session
from supple.core.timeline import expand
from supple.core.tones import cache_name

pytestmark = pytest.mark.e2e

SUPPLE = Path(sys.executable).parent / "supple"
FAKE_SPEECH = Path(__file__).with_name("fake_speech.py")
FAKE_PLAYER = Path(__file__).with_name("fake_player.py")
LEVEL = "beginner"
TOLERANCE = 0.150  # each cue's start, from its moment in the plan
TONE_OVERLAP = 0.010  # a new tone stops the old one: at most this much of both at once
END_WORDS = "Session complete. Well done."

# 5 s get-ready, two 3 s reps, a 6 s rest, a 5 s get-ready, 5 s a side with a 4 s switch: 36 s.
# The first instruction is too long for the get-ready's 2 s before its 3-2-1, so a lead-in says it.
# (A 3 s switch would lose its tone: see the last test.)
ROUTINE = """\
schema = 1
id = "cue-check"
title = "Cue check"
summary = "A short routine for timing the cues at real speed."

[timing]
get_ready = 5
rest_between_sets = 5
rest_between_exercises = 6
switch_side = 4

[[exercise]]
id = "pelvic-tilt"
name = "Pelvic tilt"
kind = "reps"
how = [
  "Lie on your back with your knees bent and feet flat.",
  "Flatten the small of your back into the floor, then let it arch a little.",
]
breath = [{ phase = "exhale", seconds = 1.5 }, { phase = "inhale", seconds = 1.5 }]
levels.beginner = { reps = 2 }
levels.intermediate = { reps = 4 }
levels.advanced = { reps = 6 }

[[exercise]]
id = "side-reach"
name = "Side reach"
kind = "hold"
per_side = true
how = ["Stand tall and reach one arm over your head.", "Lean gently away from the raised arm."]
levels.beginner = { seconds = 5 }
levels.intermediate = { seconds = 10 }
levels.advanced = { seconds = 15 }
"""
CONFIG = """\
voice = "counts"
sound = "tones"
breath_sound = false
check_in_before = false
check_in_after = false
"""


@dataclass(frozen=True, slots=True)
class Expected:
    at: float  # seconds from the lead-in's first word (the session's time 0)
    channel: str  # "speech" or "tone"
    what: str  # the words, or the tone's WAV file name


@dataclass(frozen=True, slots=True)
class Logged:
    start: float
    stop: float
    what: str
    cut: bool


def expected_cues(path: Path) -> list[Expected]:
    """What the routine calls for at "counts" with tones, and when, from the routine itself."""
    routine = load_routine(path)
    segments = expand(routine, LEVEL)
    plan = plan_voice(segments, routine.exercises)
    assert plan.lead_in and plan.lead_in_seconds > 0, "the routine should need a lead-in"
    cues = [Expected(0.0, "speech", plan.lead_in)]

    def tone(at: float, name: str) -> None:
        cues.append(Expected(at, "tone", cache_name(name, None)))

    start = plan.lead_in_seconds
    for index, segment in enumerate(segments):
        first_rep = segment.kind == "rep" and segment.rep == 1
        name = {"hold": "start", "switch_side": "switch", "rest": "rest"}.get(segment.kind)
        if first_rep or name:
            tone(start, name or "start")
        text = plan.texts[index]
        if segment.kind == "rep" and segment.rep:
            count = number_word(segment.rep).capitalize()
            text = f"{text}. {count}" if text else count
        if text:
            cues.append(Expected(start, "speech", text))
        following = segments[index + 1] if index + 1 < len(segments) else None
        before_work = not segment.active and following is not None and following.active
        if segment.kind == "hold" or before_work:
            for left in range(TICKS, 0, -1):  # at 3, 2 and 1 whole seconds left
                if left - 1 < segment.seconds:
                    at = start + max(0.0, segment.seconds - left)
                    tone(at, "closing" if segment.kind == "hold" else "tick")
                    if segment.kind == "get_ready":
                        cues.append(Expected(at, "speech", str(left)))
        start += segment.seconds
    tone(start, "complete")
    cues.append(Expected(start, "speech", END_WORDS))
    return sorted(cues, key=lambda cue: cue.at)  # stable: same-moment cues keep their order


def read_log(path: Path) -> list[Logged]:
    """Each process's start with its end (or cut): the first stop line of the same words after
    it (two of the same never overlap here: the same words are a second or more apart)."""
    lines = [line.split("\t") for line in path.read_text().splitlines()] if path.exists() else []
    used: set[int] = set()
    out: list[Logged] = []
    for i, (at, event, what) in enumerate(lines):
        if event != "start":
            continue
        stop, cut = float("inf"), False
        for j in range(i + 1, len(lines)):
            t, kind, other = lines[j]
            if j not in used and kind in ("end", "cut") and other == what:
                used.add(j)
                stop, cut = float(t), kind == "cut"
                break
        out.append(Logged(float(at), stop, what, cut))
    return sorted(out, key=lambda logged: logged.start)


def ended(path: Path, what: str) -> bool:
    return path.exists() and any(
        line.split("\t")[1:] in (["end", what], ["cut", what])
        for line in path.read_text().splitlines()
    )


def test_cues_at_real_speed_are_on_time_and_never_cut_or_overlapping(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    if not SUPPLE.exists():
        pytest.skip(f"no installed console script at {SUPPLE}")
    config = tmp_path / "config"
    (config / "routines").mkdir(parents=True)
    routine = config / "routines" / "cue-check.toml"
    routine.write_text(ROUTINE)
    checked = subprocess.run(
        [str(SUPPLE), "validate", str(routine)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (config / "config.toml").write_text(CONFIG)
    expected = expected_cues(routine)
    said, played = tmp_path / "said.log", tmp_path / "played.log"
    env = {
        "HOME": str(tmp_path / "home"),
        "SUPPLE_CONFIG_DIR": str(config),
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_STATE_DIR": str(tmp_path / "state"),
        "SUPPLE_CACHE_DIR": str(tmp_path / "cache"),
        "SUPPLE_SPEECH": f"{sys.executable} {FAKE_SPEECH} --estimated {said}",
        "SUPPLE_PLAYER": f"{sys.executable} {FAKE_PLAYER} {played}",
        "TERM": "xterm-256color",
    }
    (tmp_path / "home").mkdir()
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = (
        f"env -u SUPPLE_TIME_SCALE {assignments} {shlex.quote(str(SUPPLE))} play cue-check "
        f"--level {LEVEL}; echo EXITED $?; sleep 30"
    )
    # A socket of its own per run (tmp_path names repeat between runs): never a shared server.
    socket = f"supple-e2e-rt-{os.getpid()}-{uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]

    def screen() -> str:
        return subprocess.run(
            [*tmux, "capture-pane", "-p", "-t", "app"], capture_output=True, text=True
        ).stdout

    def wait_until(done: Callable[[], bool], what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if done():
                return
            time.sleep(0.05)
        raise AssertionError(f"{what} never happened; the screen shows:\n{screen()}")

    try:
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", "app", "-x", "100", "-y", "30", command],
            check=True,
        )
        # The session itself, then the last words and the last tone played out to their end.
        timeout = expected[-1].at + 20
        wait_until(lambda: ended(said, END_WORDS), "the last words", timeout)
        wait_until(lambda: ended(played, cache_name("complete", None)), "the last tone", 5)
        wait_until(lambda: "Session complete" in screen(), "the summary", 10)
        subprocess.run([*tmux, "send-keys", "-t", "app", "q"], check=True)
        wait_until(lambda: "EXITED" in screen(), "the app's exit", 10)
        shown = screen()
        assert "EXITED 0" in shown, shown
        assert "Session complete" not in shown  # the app's screen is gone: restored
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
        tmpdir = Path(os.environ.get("TMUX_TMPDIR") or "/tmp")
        (tmpdir / f"tmux-{os.getuid()}" / socket).unlink(missing_ok=True)

    speech, tones = read_log(said), read_log(played)
    # Anchored at the first thing logged: the lead-in's first word is the session's time 0.
    assert speech and speech[0].what == expected[0].what
    assert not tones or tones[0].start >= speech[0].start, (tones[0], speech[0])
    zero = speech[0].start

    timeline: list[tuple[float, float, str, str]] = []
    for channel, logged in (("speech", speech), ("tone", tones)):
        wanted = [cue for cue in expected if cue.channel == channel]
        assert [x.what for x in logged] == [cue.what for cue in wanted], channel
        for cue, x in zip(wanted, logged, strict=True):
            timeline.append((cue.at, x.start - zero, channel, x.what))
    timeline.sort()
    worst = max(timeline, key=lambda row: abs(row[1] - row[0]))
    print(f"\n{'expected':>8}  {'logged':>8}  {'error':>7}  cue")
    for at, logged_at, channel, what in timeline:
        print(f"{at:8.3f}  {logged_at:8.3f}  {(logged_at - at) * 1000:+5.0f} ms  {channel}: {what}")
    at, logged_at, channel, what = worst
    print(f"worst: {(logged_at - at) * 1000:+.0f} ms ({channel}: {what!r}, due at {at} s)")
    late = [row for row in timeline if abs(row[1] - row[0]) > TOLERANCE]
    assert not late, late

    # Nothing said was cut, and never two voices at once.
    assert not [x for x in speech if x.cut], [x for x in speech if x.cut]
    for before, after in pairwise(speech):
        assert after.start >= before.stop, (before, after)
    # One tone at a time on the cue channel: a new one stops the old (give or take a few ms).
    for before, after in pairwise(tones):
        assert before.stop - after.start <= TONE_OVERLAP, (before, after)


def test_a_three_second_switch_keeps_its_own_tone(tmp_path: Path) -> None:
    """The routine above with a 3 s switch, through the same Cuer on a fake clock: at the
    switch's start the Cuer gives both "switch" and the 3-left "tick" for the one cue channel
    (in the real terminal the fake player logged the tick and never the switch)."""
    path = tmp_path / "cue-check.toml"
    path.write_text(ROUTINE.replace("switch_side = 4", "switch_side = 3"))
    routine = load_routine(path)
    segments = expand(routine, LEVEL)
    clock = FakeClock()
    session = Session(routine, LEVEL, clock, segments=segments)
    cuer = Cuer(plan_voice(segments, routine.exercises))
    session.start()
    together: list[tuple[float, list[str]]] = []
    while not session.snapshot().done:
        cues = cuer.update(session.snapshot())
        names = [cue.tone for cue in cues if cue.tone and cue.kind != "breath"]
        if len(names) > 1:
            together.append((round(clock.now(), 3), names))
        clock.advance(0.1)
    assert not together, together  # it was [(27.0, ['switch', 'tick'])]
