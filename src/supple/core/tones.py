"""supple's own sounds: short sine tones synthesised from a table of notes, standard library only.

Each sound is data, a tuple of :class:`Note` in :data:`NOTES`, so that tests and other players
(a browser page with Web Audio, say) can read the very notes :func:`render` plays.

=============  ===========================================================================
sound          notes
=============  ===========================================================================
start          660 Hz, then 990 Hz 70 ms later, a fifth apart ringing on together; soft
               10 ms attack, exponential decay, a quiet 2nd harmonic; 0.6 s
tick           1000 Hz, 2 ms attack, 15 ms decay: a short woody tick; 0.08 s
closing        1320 Hz, a little longer and ringier than the tick; 0.12 s
switch         587 Hz then 784 Hz (D5, G5), 0.18 s each, 40 ms apart
rest           330 Hz falling to 294 Hz (E4 to D4), low and soft; 0.5 s
complete       C5 E5 G5 C6 (523, 659, 784, 1047 Hz) rising, each ringing into the next; 1.2 s
breath-in      220 Hz gliding up to 330 Hz, very quiet, fading in and out; as long as asked
breath-out     330 Hz gliding down to 220 Hz, the same
=============  ===========================================================================

A note's gain is its peak, 2nd harmonic included; glides are exponential (even steps of pitch,
as Web Audio's ``exponentialRampToValueAtTime``), played with a phase accumulator. Overlapping
notes' gains sum to less than 1, and a mix is never let past :data:`PEAK_LIMIT`.

A fixed sound has :data:`PAD` seconds of silence either side of its notes. A breath tone is
exactly ``round(seconds * rate)`` samples, and its note's times in :data:`NOTES` are fractions
of that length (:func:`notes` gives them in seconds).
"""

from __future__ import annotations

import array
import io
import math
import sys
import wave

from supple.core.value import replace, value_class

RATE = 22050  # samples per second, mono, 16-bit
VERSION = 1  # in every cache name: bump it whenever a sound changes
PAD = 0.004  # seconds of silence before and after a fixed sound's notes
PEAK_LIMIT = 0.6  # a mix louder than this (of full scale) is scaled down to it
BREATH_MIN = 0.2  # seconds a breath tone may last, at least
BREATH_MAX = 30.0  # and at most
BREATH_FADE = 0.1  # a breath tone fades in and out over this fraction of its length
BREATH_FADE_MIN = 0.03  # but over no less than this many seconds

NAMES: tuple[str, ...] = (
    "start",
    "tick",
    "closing",
    "switch",
    "rest",
    "complete",
    "breath-in",
    "breath-out",
)
BREATHS: tuple[str, ...] = ("breath-in", "breath-out")
FIXED: tuple[str, ...] = tuple(n for n in NAMES if n not in BREATHS)

_FULL = 32767


@value_class(frozen=True, slots=True)
class Note:
    """One sine note: Hz, when it starts and how long it lasts (s), and its peak gain (0..1).

    ``end_freq`` makes it glide (exponentially) to that frequency by its end. The envelope is
    a raised-cosine ``attack``, an exponential decay with time constant ``decay`` (None: held
    level) and a raised-cosine ``release`` to silence at its end. ``harmonic`` is the gain of
    the 2nd harmonic relative to the fundamental.
    """

    freq: float
    start: float
    length: float
    gain: float
    end_freq: float | None = None
    attack: float = 0.01
    decay: float | None = None
    release: float = 0.03
    harmonic: float = 0.0

    @property
    def end(self) -> float:
        """When it stops, in seconds from the sound's time 0."""
        return self.start + self.length

    def freq_at(self, t: float) -> float:
        """The instantaneous frequency ``t`` seconds into the note."""
        if self.end_freq is None:
            return self.freq
        return self.freq * math.pow(self.end_freq / self.freq, t / self.length)


_D4, _E4, _C5, _D5, _E5, _G5, _C6 = 293.66, 329.63, 523.25, 587.33, 659.26, 783.99, 1046.5

NOTES: dict[str, tuple[Note, ...]] = {
    "start": (
        Note(660.0, 0.0, 0.6, 0.34, attack=0.01, decay=0.2, release=0.06, harmonic=0.15),
        Note(990.0, 0.07, 0.53, 0.24, attack=0.01, decay=0.18, release=0.06, harmonic=0.1),
    ),
    "tick": (Note(1000.0, 0.0, 0.08, 0.54, attack=0.002, decay=0.015, release=0.01),),
    "closing": (
        Note(1320.0, 0.0, 0.12, 0.5, attack=0.003, decay=0.04, release=0.02, harmonic=0.08),
    ),
    "switch": (
        Note(_D5, 0.0, 0.18, 0.47, attack=0.008, decay=0.3, release=0.04, harmonic=0.1),
        Note(_G5, 0.22, 0.18, 0.47, attack=0.008, decay=0.3, release=0.04, harmonic=0.1),
    ),
    "rest": (
        Note(_E4, 0.0, 0.5, 0.48, end_freq=_D4, attack=0.03, decay=0.5, release=0.1, harmonic=0.12),
    ),
    "complete": (
        Note(_C5, 0.0, 0.22, 0.3, attack=0.01, decay=0.25, release=0.06, harmonic=0.12),
        Note(_E5, 0.16, 0.22, 0.3, attack=0.01, decay=0.25, release=0.06, harmonic=0.12),
        Note(_G5, 0.32, 0.22, 0.3, attack=0.01, decay=0.25, release=0.06, harmonic=0.12),
        Note(_C6, 0.48, 0.72, 0.34, attack=0.01, decay=0.3, release=0.1, harmonic=0.1),
    ),
    "breath-in": (
        Note(220.0, 0.0, 1.0, 0.18, end_freq=330.0, attack=BREATH_FADE, release=BREATH_FADE),
    ),
    "breath-out": (
        Note(330.0, 0.0, 1.0, 0.18, end_freq=220.0, attack=BREATH_FADE, release=BREATH_FADE),
    ),
}


def _check(name: str, seconds: float | None) -> None:
    if name not in NOTES:
        raise ValueError(f"unknown sound {name!r}; known: {', '.join(NAMES)}")
    if name in BREATHS:
        if seconds is None:
            raise ValueError(f"{name} needs seconds")
        if not BREATH_MIN <= seconds <= BREATH_MAX:
            raise ValueError(f"{name} seconds must be {BREATH_MIN}..{BREATH_MAX}, not {seconds}")


def notes(name: str, seconds: float | None = None) -> tuple[Note, ...]:
    """The notes of a sound in seconds from its first note (a breath tone's scaled to fit)."""
    _check(name, seconds)
    table = NOTES[name]
    if seconds is None or name not in BREATHS:
        return table
    fade = max(BREATH_FADE * seconds, BREATH_FADE_MIN)
    return tuple(
        replace(n, start=n.start * seconds, length=n.length * seconds, attack=fade, release=fade)
        for n in table
    )


def _frames(name: str, seconds: float | None, rate: int) -> int:
    if name in BREATHS:
        assert seconds is not None
        return round(seconds * rate)
    return round((max(n.end for n in NOTES[name]) + 2 * PAD) * rate)


def _ramp(count: int) -> list[float]:
    """A raised-cosine rise over ``count`` samples, from exactly 0 to nearly 1."""
    return [math.sin(0.5 * math.pi * i / count) ** 2 for i in range(count)]


def _add(out: list[float], note: Note, offset: int, rate: int) -> None:
    """Mix one note into ``out``, the sound's time 0 being sample ``offset``."""
    first = offset + round(note.start * rate)
    count = min(round(note.length * rate), len(out) - first)
    attack = min(max(1, round(note.attack * rate)), count // 2)
    release = min(max(1, round(note.release * rate)), count - attack)
    scale = note.gain / (1.0 + note.harmonic)
    if note.decay is None:
        env = [scale] * count
    else:
        shrink = math.exp(-1.0 / (note.decay * rate))
        env = [scale * shrink**i for i in range(count)]
    for i, r in enumerate(_ramp(attack)):
        env[i] *= r
    for i, r in enumerate(_ramp(release)):
        env[count - 1 - i] *= r
    end_freq = note.freq if note.end_freq is None else note.end_freq
    step = 2.0 * math.pi * note.freq / rate
    ratio = math.pow(end_freq / note.freq, 1.0 / count)
    harmonic = note.harmonic
    sin = math.sin
    phase = 0.0
    i = first
    if harmonic:
        for e in env:
            out[i] += e * (sin(phase) + harmonic * sin(2.0 * phase))
            i += 1
            phase += step
            step *= ratio
    else:
        for e in env:
            out[i] += e * sin(phase)
            i += 1
            phase += step
            step *= ratio


def render(name: str, seconds: float | None = None, *, rate: int = RATE) -> array.array[int]:
    """The sound as signed 16-bit mono samples at ``rate``; ``seconds`` only for breath tones."""
    _check(name, seconds)
    if not 8000 <= rate <= 192000:
        raise ValueError(f"rate must be 8000..192000, not {rate}")
    out = [0.0] * _frames(name, seconds, rate)
    offset = 0 if name in BREATHS else round(PAD * rate)
    for note in notes(name, seconds):
        _add(out, note, offset, rate)
    peak = max(map(abs, out), default=0.0)
    factor = _FULL * (PEAK_LIMIT / peak if peak > PEAK_LIMIT else 1.0)
    floor = math.floor
    return array.array("h", [floor(x * factor + 0.5) for x in out])


def wav_bytes(name: str, seconds: float | None = None, *, rate: int = RATE) -> bytes:
    """The sound as a complete mono 16-bit WAV file."""
    samples = render(name, seconds, rate=rate)
    if sys.byteorder == "big":
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buffer.getvalue()


def duration(name: str, seconds: float | None = None) -> float:
    """How many seconds the sound lasts at :data:`RATE`."""
    _check(name, seconds)
    return _frames(name, seconds, RATE) / RATE


def cache_name(name: str, seconds: float | None = None) -> str:
    """A file name for the rendered sound, e.g. ``start-v1.wav``, ``breath-in-4.00-v1.wav``.

    Breath seconds are rounded to a hundredth; :data:`VERSION` changes whenever a sound does.
    """
    _check(name, seconds)
    if name in BREATHS:
        assert seconds is not None
        return f"{name}-{seconds:.2f}-v{VERSION}.wav"
    return f"{name}-v{VERSION}.wav"
