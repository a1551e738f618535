"""supple's synthesised sounds: lengths, loudness, pitch against the note table, WAV, names."""

from __future__ import annotations

import array
import io
import math
import re
import sys
import wave
from collections.abc import Iterator, Sequence
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core import tones
from supple.core.tones import BREATHS, FIXED, NAMES, NOTES, PAD, RATE, Note

FULL = 32767
BREATH_SECONDS = 4.0
EDGE = round(0.002 * RATE)
OFFSET = round(PAD * RATE)


@cache
def sound(name: str, seconds: float = BREATH_SECONDS) -> array.array[int]:
    return tones.render(name, seconds)


def peak(samples: Sequence[int]) -> float:
    return max(abs(x) for x in samples) / FULL


def rms(samples: Sequence[int]) -> float:
    return math.sqrt(sum(x * x for x in samples) / len(samples)) / FULL


def crossing_freq(samples: Sequence[int], rate: int = RATE) -> float:
    """Frequency from the rising zero crossings, each placed between samples by interpolation."""
    times = []
    for i in range(1, len(samples)):
        a, b = samples[i - 1], samples[i]
        if a < 0 <= b:
            times.append(i - 1 + a / (a - b))
    assert len(times) >= 5, "too few cycles to measure"
    return (len(times) - 1) * rate / (times[-1] - times[0])


def goertzel(samples: Sequence[int], freq: float, rate: int = RATE) -> float:
    """The power of ``samples`` at ``freq``."""
    coeff = 2.0 * math.cos(2.0 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return s1 * s1 + s2 * s2 - coeff * s1 * s2


def dominant(samples: Sequence[int]) -> float:
    """The strongest frequency on a 2 % grid from 150 to 3000 Hz, over the first 2048 samples."""
    window = samples[OFFSET : OFFSET + 2048]
    grid = [150.0 * 1.02**k for k in range(int(math.log(20) / math.log(1.02)) + 1)]
    return max(grid, key=lambda f: goertzel(window, f))


def window(samples: Sequence[int], start: float, end: float, offset: int = OFFSET) -> list[int]:
    return list(samples[offset + round(start * RATE) : offset + round(end * RATE)])


def solo_parts(name: str) -> Iterator[tuple[Note, float, float]]:
    """Each note's longest steady stretch (past its attack, before its release) heard alone."""
    table = NOTES[name]
    for i, note in enumerate(table):
        pieces = [(note.start + note.attack + 0.005, note.end - note.release)]
        for j, other in enumerate(table):
            if j != i:
                pieces = [
                    p
                    for lo, hi in pieces
                    for p in ((lo, min(hi, other.start)), (max(lo, other.end), hi))
                    if p[1] - p[0] > 0
                ]
        if pieces:
            lo, hi = max(pieces, key=lambda p: p[1] - p[0])
            if hi - lo >= 0.03:
                yield note, lo, hi


def mean_freq(note: Note, lo: float, hi: float) -> float:
    steps = 200
    return sum(note.freq_at(lo - note.start + (hi - lo) * k / steps) for k in range(steps + 1)) / (
        steps + 1
    )


def test_the_names_and_the_table_agree() -> None:
    assert NAMES == (
        "start",
        "tick",
        "closing",
        "switch",
        "rest",
        "complete",
        "breath-in",
        "breath-out",
    )
    assert set(NOTES) == set(NAMES)
    assert set(BREATHS) == {"breath-in", "breath-out"}
    assert tuple(n for n in NAMES if n not in BREATHS) == FIXED


@pytest.mark.parametrize("name", NAMES)
def test_the_table_is_gentle_and_never_sums_past_full_scale(name: str) -> None:
    table = NOTES[name]
    for note in table:
        assert 150 <= note.freq <= 2000 and note.harmonic <= 0.2 and 0 < note.gain <= 0.6
        assert note.attack > 0 and note.release > 0 and note.attack + note.release <= note.length
    moments = [n.start for n in table] + [n.end - 1e-9 for n in table]
    for t in moments:
        assert sum(n.gain for n in table if n.start <= t < n.end) <= 1.0


@pytest.mark.parametrize("name", NAMES)
def test_every_sound_renders_and_lasts_its_duration(name: str) -> None:
    samples = sound(name)
    assert samples.typecode == "h" and len(samples) > 0
    assert tones.duration(name, BREATH_SECONDS) == len(samples) / RATE


@pytest.mark.parametrize("name", FIXED)
def test_fixed_sounds_are_short_and_ignore_seconds(name: str) -> None:
    seconds = tones.duration(name)
    assert 0.05 <= seconds <= 2.0
    assert tones.render(name, 7.5) == tones.render(name) == sound(name)
    assert tones.duration(name, 7.5) == seconds


def test_fixed_durations_in_bounds() -> None:
    assert tones.duration("tick") < 0.15
    assert tones.duration("tick") < tones.duration("closing")
    assert tones.duration("complete") < 2.0
    assert 0.4 <= tones.duration("start") <= 0.8


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(BREATHS),
    seconds=st.floats(0.2, 30.0),
    rate=st.sampled_from([8000, RATE, 44100]),
)
def test_breath_tones_are_exactly_as_long_as_asked(name: str, seconds: float, rate: int) -> None:
    samples = tones.render(name, seconds, rate=rate)
    assert len(samples) == round(seconds * rate)
    assert max(abs(x) for x in samples) <= 0.2 * FULL
    assert max(abs(x) for x in samples[: round(0.002 * rate)]) < 0.01 * FULL


@pytest.mark.parametrize("seconds", [0.2, 0.25, 1.0, 2.5, 4.0, 7.3, 30.0])
def test_breath_duration_matches_its_samples(seconds: float) -> None:
    for name in BREATHS:
        assert tones.duration(name, seconds) == len(tones.render(name, seconds)) / RATE
        assert len(tones.render(name, seconds)) == round(seconds * RATE)


@pytest.mark.parametrize("name", FIXED)
def test_cue_loudness(name: str) -> None:
    samples = sound(name)
    assert 0.35 <= peak(samples) <= 0.55
    assert 0.05 <= rms(samples) <= 0.3


@pytest.mark.parametrize("name", BREATHS)
def test_breath_loudness(name: str) -> None:
    samples = sound(name)
    assert 0.1 <= peak(samples) <= 0.2
    assert 0.05 <= rms(samples) <= 0.15


@pytest.mark.parametrize("name", NAMES)
def test_no_clipping_and_quiet_edges(name: str) -> None:
    samples = sound(name)
    assert 0.1 <= peak(samples) <= 0.6
    assert FULL not in samples and -FULL not in samples and -FULL - 1 not in samples
    assert max(abs(x) for x in samples[:EDGE]) < 0.01 * FULL
    assert max(abs(x) for x in samples[-EDGE:]) < 0.01 * FULL


@pytest.mark.parametrize("seconds", [0.2, 1.0, 4.0, 30.0])
@pytest.mark.parametrize("name", BREATHS)
def test_breath_fades_in_and_out(name: str, seconds: float) -> None:
    samples = sound(name, seconds)
    fade = round(max(0.1 * seconds, 0.03) * RATE)
    top = peak(samples) * FULL
    assert max(abs(x) for x in samples[: fade // 4]) < 0.2 * top
    assert max(abs(x) for x in samples[-(fade // 4) :]) < 0.2 * top
    assert max(abs(x) for x in samples[fade : 2 * fade]) > 0.9 * top
    assert max(abs(x) for x in samples[:EDGE]) < 0.01 * FULL
    assert max(abs(x) for x in samples[-EDGE:]) < 0.01 * FULL


def test_overlapping_notes_are_scaled_below_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    loud = Note(1000.0, 0.0, 0.1, 0.9, attack=0.005, release=0.02)
    monkeypatch.setitem(tones.NOTES, "tick", (loud, loud))
    samples = tones.render("tick")
    assert 0.59 <= peak(samples) <= 0.6


@pytest.mark.parametrize("name", FIXED)
def test_solo_notes_sound_at_the_tables_frequency(name: str) -> None:
    parts = list(solo_parts(name))
    assert parts or name == "start"
    for note, lo, hi in parts:
        measured = crossing_freq(window(sound(name), lo, hi))
        expected = mean_freq(note, lo, hi)
        assert measured == pytest.approx(expected, rel=0.02), (note, lo, hi)


def test_starts_two_notes_both_ring() -> None:
    low, high = NOTES["start"]
    assert high.freq / low.freq == pytest.approx(1.5)
    solo = list(solo_parts("start"))
    assert [n for n, _, _ in solo] == [low]
    both = window(sound("start"), high.start + high.attack, high.start + high.attack + 0.1)
    for note in (low, high):
        here = goertzel(both, note.freq)
        assert here > 10 * goertzel(both, note.freq * 1.06)
        assert here > 10 * goertzel(both, note.freq / 1.06)


@pytest.mark.parametrize("name", ["switch", "complete"])
def test_phrases_play_their_notes_in_order(name: str) -> None:
    table = NOTES[name]
    assert [n.start for n in table] == sorted(n.start for n in table)
    assert [n.freq for n in table] == sorted(n.freq for n in table)
    assert len({n.freq for n in table}) == len(table)
    assert len(list(solo_parts(name))) == len(table)


@pytest.mark.parametrize("seconds", [2.0, 6.0])
@pytest.mark.parametrize("name", BREATHS)
def test_breath_glides_from_the_tables_start_to_its_end(name: str, seconds: float) -> None:
    (note,) = NOTES[name]
    assert note.end_freq is not None
    samples = sound(name, seconds)
    n = len(samples)
    first, last = samples[: n // 4], samples[-(n // 4) :]
    if name == "breath-in":
        assert crossing_freq(first) < crossing_freq(last)
    else:
        assert crossing_freq(first) > crossing_freq(last)
    opening = samples[round(0.01 * n) : round(0.05 * n)]
    closing = samples[round(0.95 * n) : round(0.99 * n)]
    assert crossing_freq(opening) == pytest.approx(note.freq, rel=0.03)
    assert crossing_freq(closing) == pytest.approx(note.end_freq, rel=0.03)


def test_breath_glide_is_smooth_not_a_chirp() -> None:
    """Phase accumulated, the glide never overshoots its end (sin(2*pi*f(t)*t) would double it)."""
    samples = sound("breath-in", 4.0)
    n = len(samples)
    for k in range(10):
        part = samples[n * k // 10 : n * (k + 1) // 10]
        assert 215 <= crossing_freq(part) <= 335


def test_the_cues_are_distinct() -> None:
    names = ["tick", "closing", "rest", "start"]
    found = {name: dominant(sound(name)) for name in names}
    for name in names:
        loudest = max(NOTES[name], key=lambda n: n.gain)
        assert found[name] == pytest.approx(loudest.freq, rel=0.06), name
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            hi, lo = max(found[a], found[b]), min(found[a], found[b])
            assert hi / lo >= 1.1, (a, b, found)


@pytest.mark.parametrize(("name", "rate"), [(n, RATE) for n in NAMES] + [("start", 16000)])
def test_wav_bytes_parse_back(name: str, rate: int) -> None:
    data = tones.wav_bytes(name, BREATH_SECONDS, rate=rate)
    samples = tones.render(name, BREATH_SECONDS, rate=rate)
    with wave.open(io.BytesIO(data), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, rate)
        assert w.getnframes() == len(samples)
        frames = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        frames.byteswap()
    assert frames == samples
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"


@pytest.mark.parametrize("name", ["", "beep", "Start", "breath", "breath_in"])
def test_unknown_names_are_refused(name: str) -> None:
    for call in (tones.render, tones.wav_bytes, tones.duration, tones.cache_name):
        with pytest.raises(ValueError, match="unknown sound"):
            call(name)


@pytest.mark.parametrize("seconds", [None, 0.0, 0.19, -1.0, 30.01, 100.0, math.nan, math.inf])
@pytest.mark.parametrize("name", BREATHS)
def test_bad_breath_seconds_are_refused(name: str, seconds: float | None) -> None:
    for call in (tones.render, tones.wav_bytes, tones.duration, tones.cache_name):
        with pytest.raises(ValueError, match=name):
            call(name, seconds)


def test_breath_seconds_at_the_limits_are_accepted() -> None:
    assert len(tones.render("breath-out", 0.2)) == round(0.2 * RATE)
    assert tones.duration("breath-in", 30.0) == 30.0


@pytest.mark.parametrize("rate", [0, 4000, 1_000_000])
def test_bad_rates_are_refused(rate: int) -> None:
    with pytest.raises(ValueError, match="rate"):
        tones.render("tick", rate=rate)


def test_cache_names() -> None:
    v = f"v{tones.VERSION}"
    assert tones.cache_name("start") == f"start-{v}.wav"
    assert tones.cache_name("start", 3.0) == tones.cache_name("start")
    assert tones.cache_name("breath-in", 4.0) == f"breath-in-4.00-{v}.wav"
    assert tones.cache_name("breath-in", 4.0) == tones.cache_name("breath-in", 4.0)
    assert tones.cache_name("breath-in", 4.001) == tones.cache_name("breath-in", 4.0)
    assert tones.cache_name("breath-in", 4.01) != tones.cache_name("breath-in", 4.0)
    assert tones.cache_name("breath-in", 4.0) != tones.cache_name("breath-out", 4.0)
    assert len({tones.cache_name(n, BREATH_SECONDS) for n in NAMES}) == len(NAMES)


@given(name=st.sampled_from(NAMES), seconds=st.floats(0.2, 30.0))
def test_cache_names_are_plain_file_names(name: str, seconds: float) -> None:
    assert re.fullmatch(r"[a-z0-9.-]+\.wav", tones.cache_name(name, seconds))
    assert str(tones.VERSION) in tones.cache_name(name, seconds)
