"""The voice's windows, measured: every cue of the bundled routines written by espeak-ng to a WAV
(`espeak-ng -w`), its real length (to the last sample above 2 % of the peak) against the estimate
(``speech_seconds``) and against its window, the time before the next thing said (and, for an
instruction, before the next segment).

Every routine at every level and every voice setting but off is played on a fake clock, frame by
frame, as tests/core/test_cues.py does; each session is played and each distinct text written
once in a process, when a test first needs it."""

from __future__ import annotations

import array
import functools
import math
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from supple.coach.live import Announcer
from supple.core.clock import FakeClock
from supple.core.config import VOICES, Config
from supple.core.cues import SPEECH_PER_CHARACTER, Cuer, fits, plan_voice, speech_seconds
from supple.core.routine import LEVELS, Routine, load_routine
from supple.core.session import Session
from supple.core.value import replace
from supple.system import paths
from tests.fake_outputs import FakePlayer, FakeVoice

ESPEAK = shutil.which("espeak-ng")
pytestmark = pytest.mark.e2e
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
ROUTINES: tuple[Routine, ...] = tuple(
    load_routine(path, "bundled") for path in sorted(paths.bundled_routines_dir().glob("*.toml"))
)
SPOKEN = VOICES[1:]  # every voice setting but off
STEP = 1 / 16  # a frame every 62.5 ms, as the other cue tests
VOICED = 0.02  # the voice ends at the last sample above this fraction of the file's peak
OVER = 1.4  # an estimate may be at most this many times the measured length …
OVER_PLUS = 0.4  # … plus this many seconds
WORKERS = 4


class AskedVoice(FakeVoice):
    """The fake voice (speech_seconds per text, the Speaker's rule), also noting every request
    in order, said or refused."""

    def __init__(self, now: Callable[[], float]) -> None:
        super().__init__(now)
        self.asked: list[tuple[float, str, int]] = []

    def say(self, text: str, priority: int = 0) -> bool:
        if text:
            self.asked.append((self.now(), text, priority))
        return super().say(text, priority)


@dataclass
class Played:
    """One whole session, on a fake clock: what the voice was asked and when segments began."""

    voice: AskedVoice
    starts: list[float]  # each segment's first moment, clock seconds (after the lead-in)
    completed: bool


def play(routine: Routine, level: str, voice: str) -> Played:
    clock = FakeClock()
    config = replace(Config(), voice=voice)  # type: ignore[arg-type]
    routine = config.apply(routine)
    session = Session(routine, level, clock)  # type: ignore[arg-type]
    plan = plan_voice(session.segments, routine.exercises)
    speaker = AskedVoice(clock.now)
    announcer = Announcer(config, speaker, FakePlayer(clock.now))
    session.start(count_in=plan.lead_in_seconds if announcer.speaks else 0.0)  # as the app does
    cuer = Cuer(plan)
    while True:
        snap = session.snapshot()
        announcer.carry_out(cuer.update(snap))
        if snap.done:
            break
        clock.advance(STEP)
    starts, at = [], session.lead_in
    for segment in session.segments:
        starts.append(at)
        at += segment.seconds
    return Played(speaker, starts, session.outcome == "completed")


def voiced_seconds(wav: Path) -> float:
    """Seconds from the file's start to the end of the voice: the last sample above 2 % of the
    peak (espeak-ng leaves a little silence after the words)."""
    with wave.open(str(wav), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2), wav
        rate = w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    peak = max(map(abs, samples), default=0)
    assert peak > 0, f"{wav}: silent"
    floor = VOICED * peak
    last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > floor)
    return (last + 1) / rate


def measure(text: str, folder: Path, index: int) -> float:
    assert ESPEAK is not None
    wav = folder / f"{index}.wav"
    command = [ESPEAK, "-w", str(wav), text]
    subprocess.run(command, check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=30)
    return voiced_seconds(wav)


# Each session played once in a worker, and each text measured once, when a test first asks:
# the parametrized test below needs only its own session and its texts, so the workers of a
# parallel run (pytest -n) share the work out instead of each playing all 63 sessions.
KEYS = [(r.id, level, voice) for r in ROUTINES for level in LEVELS for voice in SPOKEN]
_LENGTHS: dict[str, float] = {}


@functools.cache
def played(routine_id: str, level: str, voice: str) -> Played:
    (routine,) = [r for r in ROUTINES if r.id == routine_id]
    return play(routine, level, voice)


def measured(texts: set[str]) -> dict[str, float]:
    """Each text to its voiced length in seconds (espeak-ng, once per text in this process)."""
    new = sorted(texts - _LENGTHS.keys())
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(WORKERS) as pool:
        lengths = pool.map(measure, new, [Path(folder)] * len(new), range(len(new)))
        _LENGTHS.update(zip(new, lengths, strict=True))
    return {text: _LENGTHS[text] for text in texts}


def asked(*keys: tuple[str, str, str]) -> set[str]:
    return {text for key in keys for _, text, _ in played(*key).voice.asked}


def test_every_bundled_session_is_played_to_its_end() -> None:
    assert ROUTINES and len(set(KEYS)) == len(ROUTINES) * len(LEVELS) * len(SPOKEN)
    assert all(played(*key).completed and played(*key).voice.asked for key in KEYS)


@needs_espeak
def test_the_estimate_is_never_short_and_never_far_over() -> None:
    short, far = [], []
    for text, real in measured(asked(*KEYS)).items():
        estimate = speech_seconds(text)
        if estimate < real:
            short.append(f"{text!r}: estimate {estimate:.3f} s < espeak-ng {real:.3f} s")
        if estimate > OVER * real + OVER_PLUS:
            far.append(f"{text!r}: estimate {estimate:.3f} s > {OVER} x {real:.3f} + {OVER_PLUS}")
    assert not short, "\n".join(short)
    assert not far, "\n".join(far)


@needs_espeak
@pytest.mark.parametrize("voice", SPOKEN)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("routine_id", [r.id for r in ROUTINES])
def test_each_thing_said_ends_before_the_next_begins_at_its_real_length(
    routine_id: str, level: str, voice: str
) -> None:
    run = played(routine_id, level, voice)
    lengths = measured(asked((routine_id, level, voice)))
    said = run.voice.said
    assert run.voice.cut() == []  # by the estimate (tests/core/test_cues.py holds it too)
    problems: list[str] = []
    for current, following in zip(said, said[1:], strict=False):
        end = current.at + lengths[current.text]
        if end > following.at + 1e-9:
            problems.append(
                f"at {current.at:.2f} s {current.text!r} ends at {end:.3f} s, "
                f"after {following.text!r} begins at {following.at:.2f} s"
            )
    for current in said:
        if current.priority < 2:
            continue
        end = current.at + lengths[current.text]
        next_start = min((s for s in run.starts if s > current.at + 1e-9), default=math.inf)
        if end > next_start + 1e-9:
            problems.append(
                f"instruction at {current.at:.2f} s {current.text!r} ends at {end:.3f} s, "
                f"after the next segment starts at {next_start:.2f} s"
            )
    # The Speaker's rule with the real lengths: whatever was refused by the estimate (the voice
    # still talking) and would be said in reality (the voice already done) cuts nothing either.
    speaking: tuple[float, str, int] | None = None  # (real end, text, priority)
    for at, text, priority in run.voice.asked:
        if speaking is not None and at < speaking[0] - 1e-9:
            if priority < speaking[2]:
                continue  # refused: the real voice is still saying something that matters more
            problems.append(f"at {at:.2f} s {text!r} cuts {speaking[1]!r} (ends {speaking[0]:.3f})")
        speaking = (at + lengths[text], text, priority)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "x" * 10_000,
        ". " * 5_000,
        "9" * 10_000,
        "é" * 10_000,
        "\x00\x1b[2J\n\t" * 2_000,
        "\U0001f600" * 2_500,
    ],
    ids=[
        "empty",
        "space",
        "10kB-letters",
        "10kB-pauses",
        "10kB-digits",
        "10kB-accents",
        "10kB-control",
        "10kB-emoji",
    ],
)
def test_hostile_text_is_no_problem_for_the_estimate(text: str) -> None:
    began = time.perf_counter()
    seconds = speech_seconds(text)
    assert time.perf_counter() - began < 0.1
    assert isinstance(seconds, float) and math.isfinite(seconds) and seconds >= 0
    if text:
        assert seconds >= SPEECH_PER_CHARACTER * len(text)  # by the character, never less
        assert not fits(text, 60.0) or len(text) < 10
    else:
        assert seconds == 0 and fits(text, 1.0)
