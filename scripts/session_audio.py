"""One WAV of a whole session's audio: every tone and every spoken cue at its moment, mixed by sox.

Run from the repository root:

    .venv/bin/python scripts/session_audio.py [--routine back-pain-relief] [--level beginner]
        [--voice transitions] [--breath] [--out /tmp/supple-session.wav] [--timeline FILE.tsv]

The session is played on a fake clock, a frame every 1/16 s, through the app's own Announcer
(with the lead-in the app uses when the voice is on) into a recording voice and a recording
player. Each tone is rendered by supple.core.tones, each text by `espeak-ng -w` (resampled to
22050 Hz mono by sox if need be), and sox lays them out (`pad`, sample-exact) and mixes them
(`sox -m`) into one file. A timeline TSV lists every sound (start, end, kind, name or text) among
the session's segments (start, end, kind, exercise), and a summary checks, with the voice's real
lengths (to the last sample above 2 % of the peak), that every voice ends before the next begins
and that no instruction runs past the end of its segment. Exit status 1 if one does.
"""

from __future__ import annotations

import argparse
import array
import math
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # works from a checkout without the package installed

from supple.coach.live import Announcer  # noqa: E402
from supple.core import tones  # noqa: E402
from supple.core.clock import FakeClock  # noqa: E402
from supple.core.config import VOICES, Config  # noqa: E402
from supple.core.cues import Cuer, plan_voice, speech_seconds  # noqa: E402
from supple.core.routine import LEVELS, load_routine  # noqa: E402
from supple.core.session import Session  # noqa: E402
from supple.core.timeline import Segment  # noqa: E402
from supple.core.value import replace  # noqa: E402
from supple.system import paths  # noqa: E402

STEP = 1 / 16  # a frame every 62.5 ms (exact in binary: the fake clock never drifts)
RATE = tones.RATE  # 22050 Hz, mono, 16-bit: the tones' format, and the mix's
VOICED = 0.02  # the voice ends at the last sample above this fraction of its peak
SAME = 0.001  # a sound "starts at" a segment's start within this many seconds
BATCH = 200  # at most this many input files to one sox command
WORKERS = 4  # espeak-ng processes at once


# -- recorders: what the Announcer asked for, and when ------------------------------------------


@dataclass
class Said:
    at: float
    text: str
    priority: int
    until: float  # when it ends by the estimate, if not cut
    cut_at: float | None = None


class RecordingVoice:
    """The Speaker's rule (a cue does not cut one still being said that matters more; anything
    else cuts it), 'still speaking' by speech_seconds, on the fake clock."""

    available = True

    def __init__(self, now: Callable[[], float]) -> None:
        self.now = now
        self.said: list[Said] = []
        self.refused: list[tuple[float, str, int]] = []

    def _speaking(self) -> Said | None:
        last = self.said[-1] if self.said else None
        if last is None or last.cut_at is not None or self.now() >= last.until:
            return None
        return last

    def say(self, text: str, priority: int = 0) -> bool:
        if not text:
            return False
        now = self.now()
        current = self._speaking()
        if current is not None:
            if priority < current.priority:
                self.refused.append((now, text, priority))
                return False
            current.cut_at = now
        self.said.append(Said(now, text, priority, now + speech_seconds(text)))
        return True

    def stop(self) -> None:
        current = self._speaking()
        if current is not None:
            current.cut_at = self.now()


@dataclass
class Played:
    at: float
    name: str
    seconds: float | None
    channel: str


class RecordingPlayer:
    """Every tone asked for, its moment, length (breath tones) and channel."""

    available = True

    def __init__(self, now: Callable[[], float]) -> None:
        self.now = now
        self.played: list[Played] = []

    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool:
        self.played.append(Played(self.now(), name, seconds, channel))
        return True

    def stop(self) -> None:
        pass

    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        pass


# -- the session, played ----------------------------------------------------------------------


@dataclass
class Run:
    voice: RecordingVoice
    player: RecordingPlayer
    segments: tuple[Segment, ...]
    names: list[str]  # each segment's exercise name
    starts: list[float]  # each segment's first moment, clock seconds (after the lead-in)
    lead_in: float  # seconds of lead-in before the first segment (0: none)
    end: float  # the clock when the session was done
    outcome: str


def play(routine_id: str, level: str, voice: str, breath: bool) -> Run:
    path = paths.bundled_routines_dir() / f"{routine_id}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in paths.bundled_routines_dir().glob("*.toml"))
        raise SystemExit(f"no bundled routine {routine_id!r}; known: {', '.join(known)}")
    config = replace(Config(), voice=voice, breath_sound=breath)
    routine = config.apply(load_routine(path, "bundled"))
    clock = FakeClock()
    session = Session(routine, level, clock)  # type: ignore[arg-type]
    plan = plan_voice(session.segments, routine.exercises)
    speaker, player = RecordingVoice(clock.now), RecordingPlayer(clock.now)
    announcer = Announcer(config, speaker, player)
    session.start(count_in=plan.lead_in_seconds if announcer.speaks else 0.0)  # as the app
    cuer = Cuer(plan)
    while True:
        snap = session.snapshot()
        announcer.carry_out(cuer.update(snap), clock.real_seconds)
        if snap.done:
            break
        clock.advance(STEP)
    starts, at = [], session.lead_in
    for segment in session.segments:
        starts.append(at)
        at += segment.seconds
    names = [routine.exercises[s.exercise_index].name for s in session.segments]
    return Run(
        speaker,
        player,
        session.segments,
        names,
        starts,
        session.lead_in,
        clock.now(),
        session.outcome,
    )


# -- the sounds, as files -------------------------------------------------------------------


@dataclass
class Sound:
    start: float  # clock seconds
    kind: str  # "tone" or "voice"
    name: str  # the tone's name, or the text said
    path: Path  # its WAV (22050 Hz mono 16-bit), trimmed where it was cut
    frames: int  # samples in that file
    end: float  # where it is heard to end: a tone's last sample, the voice's last voiced one
    priority: int = 0  # the voice's (2 and up: an instruction)
    cut: bool = False

    @property
    def first(self) -> int:
        return round(self.start * RATE)


def run_sox(*args: str) -> None:
    result = subprocess.run(
        ["sox", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"sox {' '.join(args[:6])} …: {result.stderr.strip()}")
    for line in result.stderr.splitlines():
        if "clip" in line.lower():
            print(f"  sox: {line.strip()}", file=sys.stderr)


def wav_info(path: Path) -> tuple[int, int, int, int]:
    with wave.open(str(path), "rb") as w:
        return w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes()


def voiced_frames(path: Path) -> int:
    """Samples up to the last one above 2 % of the file's peak (0 for silence)."""
    with wave.open(str(path), "rb") as w:
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    peak = max(map(abs, samples), default=0)
    if peak == 0:
        return 0
    floor = VOICED * peak
    return next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > floor) + 1


def speak_to_file(espeak: str, text: str, folder: Path, index: int) -> tuple[Path, int]:
    """The text said by espeak-ng into a 22050 Hz mono 16-bit WAV; the file and its voiced
    length in samples."""
    raw = folder / f"voice-{index}-raw.wav"
    subprocess.run(
        [espeak, "-w", str(raw), text],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    rate, channels, width, _ = wav_info(raw)
    path = raw
    if (rate, channels, width) != (RATE, 1, 2):
        path = folder / f"voice-{index}.wav"
        run_sox(str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(path))
    return path, voiced_frames(path)


def trimmed(path: Path, frames: int, folder: Path, tag: str) -> Path:
    out = folder / f"cut-{tag}.wav"
    run_sox(str(path), str(out), "trim", "0s", f"{frames}s")
    return out


def render(run: Run, folder: Path, espeak: str) -> list[Sound]:
    """Every tone and every text of the run as a file, in the order they start."""
    tone_files: dict[tuple[str, float | None], Path] = {}
    for p in run.player.played:
        key = (p.name, p.seconds)
        if key not in tone_files:
            name = tones.cache_name(p.name, p.seconds)
            tone_files[key] = folder / name
            tone_files[key].write_bytes(tones.wav_bytes(p.name, p.seconds))
    texts = sorted({s.text for s in run.voice.said})
    with ThreadPoolExecutor(WORKERS) as pool:
        spoken = dict(
            zip(
                texts,
                pool.map(
                    speak_to_file,
                    [espeak] * len(texts),
                    texts,
                    [folder] * len(texts),
                    range(len(texts)),
                ),
                strict=True,
            )
        )
    sounds: list[Sound] = []
    # A new tone on a channel stops the one still playing there (supple.system.sound.Player).
    for index, p in enumerate(run.player.played):
        path = tone_files[p.name, p.seconds]
        frames = wav_info(path)[3]
        following = next(
            (q for q in run.player.played[index + 1 :] if q.channel == p.channel), None
        )
        cut = False
        if following is not None:
            room = round(following.at * RATE) - round(p.at * RATE)
            if room <= 0:
                continue  # replaced in the same frame: never heard
            if room < frames:
                path, frames, cut = trimmed(path, room, folder, f"tone-{index}"), room, True
        sounds.append(Sound(p.at, "tone", p.name, path, frames, p.at + frames / RATE, cut=cut))
    for index, s in enumerate(run.voice.said):
        path, voiced = spoken[s.text]
        frames = wav_info(path)[3]
        cut = False
        if s.cut_at is not None:
            room = round(s.cut_at * RATE) - round(s.at * RATE)
            if room <= 0:
                continue  # cut in the same frame: never heard
            if room < frames:
                path, frames, cut = trimmed(path, room, folder, f"voice-{index}"), room, True
                voiced = min(voiced, room)
        end = s.at + voiced / RATE
        sounds.append(Sound(s.at, "voice", s.text, path, frames, end, s.priority, cut))
    sounds.sort(key=lambda x: (x.start, x.kind != "tone"))
    return sounds


# -- the mix -----------------------------------------------------------------------------------


def lay(
    items: Sequence[tuple[int, Path, int]], out: Path, folder: Path, tag: str, origin: int = 0
) -> int:
    """Sounds that do not overlap, (first sample, file, samples), laid end to end in ``out``
    with the silence between them (sox `pad` at sample positions), ``out``'s sample 0 being
    sample ``origin``. Returns where ``out`` ends, in samples from ``origin``."""
    if len(items) > BATCH:  # too many files for one command: lay them in batches, then those
        parts = []
        for n, i in enumerate(range(0, len(items), BATCH)):
            chunk = items[i : i + BATCH]
            part = folder / f"{tag}-part{n}.wav"
            length = lay(chunk, part, folder, f"{tag}-part{n}", chunk[0][0])
            parts.append((chunk[0][0], part, length))
        return lay(parts, out, folder, f"{tag}-parts", origin)
    pads: list[str] = []
    position = 0  # samples of input so far (pad's positions count input, not output)
    cursor = origin  # the output's sample where the next input begins
    for first, _, frames in items:
        gap = first - cursor
        if gap < 0:
            raise ValueError(f"{tag}: overlapping sounds at sample {first}")
        if gap:
            pads.append(f"{gap}s@{position}s")
        position += frames
        cursor = first + frames
    run_sox(*(str(path) for _, path, _ in items), str(out), *(["pad", *pads] if pads else []))
    return cursor - origin


def tracks(sounds: Sequence[Sound]) -> list[list[Sound]]:
    """The sounds shared out among as few tracks as will hold them without overlap."""
    out: list[list[Sound]] = []
    ends: list[int] = []
    for sound in sorted(sounds, key=lambda s: s.first):
        for i, end in enumerate(ends):
            if end <= sound.first:
                out[i].append(sound)
                ends[i] = sound.first + sound.frames
                break
        else:
            out.append([sound])
            ends.append(sound.first + sound.frames)
    return out


def mix(sounds: Sequence[Sound], out: Path, folder: Path) -> int:
    """Every sound at its moment in one WAV, normalised to -1 dBFS after the mix (each track at
    the same gain, so the tones and the voice keep the levels they have in the app). Returns
    its length in samples."""
    layers: list[Path] = []
    total = 0
    for n, track in enumerate(tracks(sounds)):
        path = folder / f"track-{n}.wav"
        total = max(total, lay([(s.first, s.path, s.frames) for s in track], path, folder, f"t{n}"))
        layers.append(path)
    if len(layers) == 1:
        run_sox(str(layers[0]), str(out), "gain", "-n", "-1")
    elif len(layers) <= BATCH:
        run_sox("-m", *map(str, layers), str(out), "gain", "-n", "-1")
    else:
        # sox -m scales each of n inputs by 1/n: a batch's n_b tracks by 1/n_b, so in the final
        # mix each batch gets n_b/N, every track 1/N, and then the whole is normalised.
        inputs: list[str] = []
        for i in range(0, len(layers), BATCH):
            chunk = layers[i : i + BATCH]
            part = chunk[0]
            if len(chunk) > 1:
                part = folder / f"mix-{i}.wav"
                run_sox("-m", *map(str, chunk), str(part))
            inputs += ["-v", f"{len(chunk) / len(layers):.6f}", str(part)]
        run_sox("-m", *inputs, str(out), "gain", "-n", "-1")
    return total


# -- the timeline and the checks --------------------------------------------------------------


def describe(segment: Segment) -> str:
    out: str = segment.kind
    if segment.rep is not None:
        out += f" {segment.rep}/{segment.reps}"
    if segment.set is not None and segment.sets is not None and segment.sets > 1:
        out += f" set {segment.set}/{segment.sets}"
    if segment.side:
        out += f" {segment.side}"
    return out


def timeline(run: Run, sounds: Sequence[Sound]) -> list[tuple[float, float, str, str, str]]:
    """(start, end, kind, name or text, exercise): the segments and the sounds, in time order."""
    rows: list[tuple[float, float, str, str, str]] = []
    if run.lead_in:
        rows.append((0.0, run.lead_in, "segment", "lead-in", run.names[0] if run.names else ""))
    for segment, start, name in zip(run.segments, run.starts, run.names, strict=True):
        rows.append((start, start + segment.seconds, "segment", describe(segment), name))
    for s in sounds:
        rows.append((s.start, s.end, s.kind, s.name + (" [cut]" if s.cut else ""), ""))
    order = {"segment": 0, "tone": 1, "voice": 2}
    rows.sort(key=lambda r: (round(r[0], 6), order[r[2]]))
    return rows


def check(run: Run, sounds: Sequence[Sound]) -> list[str]:
    """Every voice ends before the next one begins; no instruction runs past its segment's end
    (the lead-in's segment being the lead-in)."""
    problems: list[str] = []
    voices = [s for s in sounds if s.kind == "voice"]
    for current, following in zip(voices, voices[1:], strict=False):
        if current.end > following.start + 1e-9:
            problems.append(
                f"{current.start:.3f}-{current.end:.3f} {current.name!r} runs into "
                f"{following.name!r} at {following.start:.3f}"
            )
    boundaries = sorted({*run.starts, run.lead_in, run.end} - {0.0})
    for s in voices:
        if s.priority < 2:
            continue
        end_of_segment = next((b for b in boundaries if b > s.start + 1e-9), None)
        if end_of_segment is not None and s.end > end_of_segment + 1e-9:
            problems.append(
                f"instruction {s.name!r} {s.start:.3f}-{s.end:.3f} runs past its segment's end "
                f"at {end_of_segment:.3f}"
            )
    problems += [f"cut: {s.kind} {s.name!r} at {s.start:.3f}" for s in voices if s.cut]
    problems += [f"refused: {text!r} at {at:.3f}" for at, text, _ in run.voice.refused]
    return problems


def overruns(run: Run, sounds: Sequence[Sound]) -> list[str]:
    """Breath tones that go on past the end of the segment they began in (a note, not a
    failure: the breath pacer's phase may outlast a hold, and its tone with it)."""
    boundaries = sorted({*run.starts, run.end} - {0.0})
    notes: list[str] = []
    for s in sounds:
        if s.kind != "tone" or s.name not in tones.BREATHS:
            continue
        end_of_segment = next((b for b in boundaries if b > s.start + 1e-9), None)
        if end_of_segment is not None and s.end > end_of_segment + 1e-9:
            notes.append(
                f"{s.name} {s.start:.3f}-{s.end:.3f} goes on {s.end - end_of_segment:.3f} s past "
                f"its segment's end at {end_of_segment:.3f}"
            )
    return notes


def seconds(value: float) -> str:
    return f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--routine", default="back-pain-relief", help="a bundled routine's id")
    parser.add_argument("--level", default="beginner", choices=LEVELS)
    parser.add_argument("--voice", default="transitions", choices=VOICES)
    parser.add_argument("--breath", action="store_true", help="breath tones on")
    parser.add_argument("--out", type=Path, default=Path("/tmp/supple-session.wav"))
    parser.add_argument("--timeline", type=Path, help="the TSV (default: beside --out)")
    args = parser.parse_args(argv)
    espeak, sox = shutil.which("espeak-ng"), shutil.which("sox")
    if sox is None or (espeak is None and args.voice != "off"):
        print("session_audio needs sox and espeak-ng on PATH", file=sys.stderr)
        return 2
    out: Path = args.out
    tsv: Path = args.timeline or out.with_suffix(".tsv")
    began = time.perf_counter()
    run = play(args.routine, args.level, args.voice, args.breath)
    played = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="supple-audio-") as temp:
        folder = Path(temp)
        sounds = render(run, folder, espeak or "espeak-ng")
        rendered = time.perf_counter()
        out.parent.mkdir(parents=True, exist_ok=True)
        frames = mix(sounds, out, folder)
    mixed = time.perf_counter()

    rows = timeline(run, sounds)
    tsv.parent.mkdir(parents=True, exist_ok=True)
    with tsv.open("w", encoding="utf-8") as f:
        f.write("start\tend\tkind\tname\texercise\n")
        for start, end, kind, name, exercise in rows:
            f.write(f"{seconds(start)}\t{seconds(end)}\t{kind}\t{name}\t{exercise}\n")
    print("start\tend\tkind\tname\texercise")
    for start, end, kind, name, exercise in rows:
        print(f"{seconds(start)}\t{seconds(end)}\t{kind}\t{name}\t{exercise}")

    print()
    print("At each segment's start (within 1 ms):")
    if run.lead_in:
        here = [s for s in sounds if abs(s.start) <= SAME]
        heard = ", ".join(f"{s.kind} {s.name!r}" for s in here) or "(nothing)"
        print(f"  {seconds(0.0):>9}  {'lead-in':<22} {run.names[0]:<28} {heard}")
    for segment, start, name in zip(run.segments, run.starts, run.names, strict=True):
        here = [s for s in sounds if abs(s.start - start) <= SAME]
        heard = ", ".join(f"{s.kind} {s.name!r}" for s in here) or "(nothing)"
        print(f"  {seconds(start):>9}  {describe(segment):<22} {name:<28} {heard}")

    problems = check(run, sounds)
    planned = sum(s.seconds for s in run.segments)
    tone_cuts = [s for s in sounds if s.kind == "tone" and s.cut]
    voices = [s for s in sounds if s.kind == "voice"]
    slack = min(
        (b.start - a.end for a, b in zip(voices, voices[1:], strict=False)), default=math.inf
    )
    print()
    print(f"routine {args.routine}, level {args.level}, voice {args.voice}, breath {args.breath}")
    print(
        f"session: lead-in {run.lead_in:g} s + planned {planned:g} s = {run.lead_in + planned:g} s"
        f" (ended at {run.end:g} s, {run.outcome})"
    )
    print(
        f"sounds: {sum(s.kind == 'tone' for s in sounds)} tones, {len(voices)} voice "
        f"({len({s.name for s in voices})} distinct texts), in {len(tracks(sounds))} tracks; "
        f"{len(tone_cuts)} tones cut short by the next on their channel"
    )
    print(f"wav: {out} {frames / RATE:.3f} s ({frames} samples at {RATE} Hz); timeline: {tsv}")
    print(f"least gap between one voice's end and the next one's start: {slack:.3f} s")
    print(
        f"time: play {played - began:.2f} s, render {rendered - played:.2f} s, "
        f"mix {mixed - rendered:.2f} s, all {mixed - began:.2f} s"
    )
    notes = overruns(run, sounds)
    if notes:
        print(f"note: {len(notes)} breath tone(s) outlast their segment:")
        for note in notes:
            print(f"  {note}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("ok: every voice ends before the next begins; no instruction runs past its segment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
