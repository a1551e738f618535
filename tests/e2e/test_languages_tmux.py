"""End to end in German and Spanish (issue 28): a whole session in a real terminal (tmux, its own
server at 100 × 30, sped up with SUPPLE_TIME_SCALE), the screens and the voice in the language,
the record saved with English values.

German comes from the environment (``LANG=de_DE.UTF-8 supple``, home first), Spanish from the
flag (``supple play back-pain-relief --lang es`` under an English ``LANG``). The voice is a
recorder (SUPPLE_SPEECH with ``{lang}``): it logs when it was called and with what, then talks
as long as espeak-ng takes to say the text in that language (measured from ``espeak-ng -v LANG
-w``, sped up as the session is), and logs when it ended or was cut. The app runs from the
source under test (``python -m supple``: what the console script calls)."""

from __future__ import annotations

import shlex
import shutil
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

import supple
from supple import i18n
from supple.core.cues import fits, plan_voice
from supple.core.routine import load_routine
from supple.core.timeline import expand
from supple.system import paths
from tests.e2e.conftest import Tmux

ESPEAK = shutil.which("espeak-ng")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed"),
]
SCALE = 5  # the 95 s session (and its lead-in) in about 20 s
# Real seconds a cue may start from its segment's moment, either way: frames, and the lead-in's
# own start (t0) scheduled late on a loaded machine, which makes every later cue look early.
LATE = 0.6
SRC = Path(supple.__file__).resolve().parents[1]
ROUTINE = "back-pain-relief"
# English a translated screen or voice must not show: whole phrases, none a word of de or es.
ENGLISH = (
    "Routines",
    "Session",
    "Get ready",
    "Begin",
    "Rest",
    "Next",
    "Hold",
    "exercises done",
    "How much",
    "hurt",
    "Well done",
    "complete",
    "Switch",
    "Press",
    " palette",
    "· bundled",
    " rest ",
    " reps",
)
# A few translated words of each screen: home, the player, the check-in, the summary.
WORDS = {
    "de": {
        "home": ("Routinen", "Linderung bei", "Einsteiger"),
        "player": ("Katze-Kuh", "Wdh.", "Pause", "Weiter"),
        "check_in": ("schmerzt dein Rücken jetzt",),
        "summary": ("Einheit geschafft", "3/3"),
    },
    "es": {
        "player": ("Gato-vaca", "Pausa"),
        "check_in": ("te duele la espalda ahora",),
        "summary": ("Sesión completada", "3/3"),
    },
}
RECORDER = r"""
import array, signal, subprocess, sys, tempfile, time, wave
began = time.monotonic()
log, scale, language, text = sys.argv[1], float(sys.argv[2]), sys.argv[3], " ".join(sys.argv[4:])
def write(event, at=None):
    with open(log, "a", encoding="utf-8") as file:
        stamp = time.monotonic() if at is None else at
        file.write(f"{stamp:.4f}\t{event}\t{language}\t{text}\n")
def cut(*_):
    write("cut")
    sys.exit(0)
signal.signal(signal.SIGTERM, cut)
write("start", began)
with tempfile.NamedTemporaryFile(suffix=".wav") as wav:
    subprocess.run(["espeak-ng", "-v", language, "-w", wav.name, text], check=True)
    with wave.open(wav.name) as w:
        rate = w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
peak = max(map(abs, samples), default=0) or 1
voiced = max((i for i, s in enumerate(samples) if abs(s) > 0.02 * peak), default=0) / rate
time.sleep(max(0.0, began + voiced / scale - time.monotonic()))
write("end")
"""


def translated(tmux: Tmux, words: tuple[str, ...], timeout: float = 30.0) -> None:
    """Wait until every one of ``words`` is on screen (wrapped lines joined), then check it
    shows no English."""
    shown = tmux.wait_until(lambda text: all(w in text for w in words), repr(words), timeout)
    assert_translated(shown, words)


def assert_translated(shown: str, words: tuple[str, ...]) -> None:
    flat = " ".join(shown.split())
    assert all(word in flat for word in words), (words, shown)
    english = [phrase for phrase in ENGLISH if phrase in flat]
    assert not english, (english, shown)


@dataclass(frozen=True)
class Said:
    start: float
    end: float | None  # None: cut (or never ended)
    language: str
    text: str


def heard(log: Path) -> list[Said]:
    said: list[Said] = []
    for line in log.read_text(encoding="utf-8").splitlines():
        at, event, language, text = line.split("\t")
        if event == "start":
            said.append(Said(float(at), None, language, text))
        else:
            index = max(i for i, s in enumerate(said) if s.text == text and s.end is None)
            ended = float(at) if event == "end" else None
            said[index] = Said(said[index].start, ended, language, text)
    return sorted(said, key=lambda s: s.start)


def run(tmux: Tmux, tmp_path: Path, environment: str, arguments: str) -> tuple[Path, Path]:
    recorder = tmp_path / "recorder.py"
    recorder.write_text(RECORDER, encoding="utf-8")
    log = tmp_path / "said.log"
    log.touch()
    speech = f"{sys.executable} {recorder} {log} {SCALE} {{lang}}"
    data = tmp_path / "data"
    command = (
        f"env -u LANGUAGE -u LC_ALL -u LC_MESSAGES {environment} PYTHONPATH={SRC} "
        f"SUPPLE_TIME_SCALE={SCALE} SUPPLE_DATA_DIR={data} SUPPLE_CONFIG_DIR={tmp_path / 'config'} "
        f"SUPPLE_SPEECH={shlex.quote(speech)} TERM=xterm-256color "
        f"{sys.executable} -m supple {arguments}"
    )
    tmux.start(command)
    return data, log


def check_voice(log: Path, language: str) -> None:
    """Every text in the language, none cut (ended before the next began, or the rule says it
    fits its gap), none late (each segment's words start within that segment)."""
    i18n.choose(language)
    routine = load_routine(paths.bundled_routines_dir() / f"{ROUTINE}.toml", "bundled")
    segments = expand(routine, "beginner")
    plan = plan_voice(segments, routine.exercises)
    deadline = time.monotonic() + 5
    said = heard(log)
    while any(s.end is None for s in said[-1:]) and time.monotonic() < deadline:
        time.sleep(0.05)
        said = heard(log)
    assert said, "nothing was said"
    assert {s.language for s in said} == {language}
    for s in said:
        assert not any(phrase in s.text for phrase in ENGLISH), s
    for before, after in zip(said, said[1:], strict=False):
        ended = before.end is not None and before.end <= after.start + 1e-3
        gap = (after.start - before.start) * SCALE  # in the session's seconds
        assert ended or fits(before.text, gap), (before, after, gap)
    assert said[-1].end is not None, said[-1]  # the last words are heard whole
    # None late: each segment's planned words, said within that segment (its moment first).
    t0 = said[0].start if plan.lead_in else None
    assert plan.lead_in and said[0].text == plan.lead_in
    assert t0 is not None
    at = plan.lead_in_seconds
    texts = iter(said[1:])
    for segment, text in zip(segments, plan.texts, strict=True):
        if text:
            when = next(s.start for s in texts if s.text == text)
            assert at / SCALE - LATE <= when - t0 <= at / SCALE + LATE, (text, when - t0, at)
            assert when - t0 < (at + segment.seconds) / SCALE, (text, when - t0, at)
        at += segment.seconds


def test_a_german_session_from_the_environment(tmux: Tmux, tmp_path: Path) -> None:
    data, log = run(tmux, tmp_path, "LANG=de_DE.UTF-8", "")
    words = WORDS["de"]
    translated(tmux, words["home"], timeout=60)
    tmux.keys("Enter")
    translated(tmux, words["player"], timeout=60)  # the player's footer
    translated(tmux, words["check_in"], timeout=60)
    tmux.keys("8", "Enter")
    translated(tmux, words["summary"], timeout=60)
    check_record(data)
    check_voice(log, "de")


def test_a_spanish_session_from_the_flag(tmux: Tmux, tmp_path: Path) -> None:
    data, log = run(tmux, tmp_path, "LANG=en_US.UTF-8", f"play {ROUTINE} --lang es")
    words = WORDS["es"]
    translated(tmux, words["player"], timeout=60)
    translated(tmux, words["check_in"], timeout=60)
    tmux.keys("8", "Enter")
    translated(tmux, words["summary"], timeout=60)
    check_record(data)
    check_voice(log, "es")


def check_record(data: Path) -> None:
    """Saved with English values, whatever the language on screen."""
    deadline = time.monotonic() + 5
    while (
        not (files := sorted((data / "sessions").rglob("*.toml"))) and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert len(files) == 1
    record = tomllib.loads(files[0].read_text(encoding="utf-8"))
    assert record["status"] == "completed" and record["routine"] == ROUTINE
    assert [e["id"] for e in record["exercise"]] == ["cat-cow", "sphinx", "childs-pose"]
    assert [e["status"] for e in record["exercise"]] == ["done", "done", "done"]
    assert record["pain_after"] == 8
