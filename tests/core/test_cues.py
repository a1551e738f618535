"""What is played, rung and said, frame by frame, over whole sessions on a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach.live import Announcer, breath_tone_seconds
from supple.core.clock import FakeClock
from supple.core.config import VOICES, Config
from supple.core.cues import (
    SPEECH_MARGIN,
    Cue,
    CueKind,
    Cuer,
    VoicePlan,
    number_word,
    plan_voice,
    speech_seconds,
)
from supple.core.routine import LEVELS, Routine, load_routine
from supple.core.session import Session
from supple.core.timeline import expand
from supple.core.value import replace
from supple.system import paths
from tests.fake_outputs import FakePlayer, FakeVoice

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
BUNDLED = (LBM, BPR)
STEP = 1 / 16  # a frame every 62.5 ms (exact in binary: no drift on the fake clock)


class Run:
    """A session played to its end (or ``until``) with every frame's cues carried out."""

    def __init__(
        self,
        routine: Routine,
        level: str = "beginner",
        until: float = 10_000.0,
        *,
        step: float = STEP,
        **settings: object,
    ) -> None:
        self.clock = FakeClock()
        self.config = replace(Config(), **settings)  # type: ignore[arg-type]
        routine = self.config.apply(routine)
        self.session = Session(routine, level, self.clock)  # type: ignore[arg-type]
        self.plan = plan_voice(self.session.segments, routine.exercises)
        self.voice = FakeVoice(self.clock.now)
        self.player = FakePlayer(self.clock.now)
        self.announcer = Announcer(self.config, self.voice, self.player)
        self.cues: list[tuple[float, Cue]] = []
        self.bells: list[float] = []
        lead = self.plan.lead_in_seconds if self.announcer.speaks else 0.0
        self.session.start(count_in=lead)
        cuer = Cuer(self.plan)
        while self.clock.now() <= until:
            snap = self.session.snapshot()
            cues = cuer.update(snap)
            self.cues += [(round(self.clock.now(), 2), c) for c in cues]
            if self.announcer.carry_out(cues):
                self.bells.append(round(self.clock.now(), 2))
            if snap.done:
                break
            self.clock.advance(step)

    def said(self) -> list[tuple[float, str]]:
        return [(round(s.at, 2), s.text) for s in self.voice.said]

    def tones(self, channel: str = "cue") -> list[tuple[float, str]]:
        return [(round(t, 2), n) for t, n, _, c in self.player.played if c == channel]

    def starts(self) -> list[float]:
        """When each segment begins, in clock seconds."""
        at, out = self.session.lead_in, []
        for segment in self.session.segments:
            out.append(round(at, 2))
            at += segment.seconds
        return out


def test_the_first_minute_of_back_pain_relief() -> None:
    run = Run(BPR, until=60.0)
    lead = run.plan.lead_in_seconds
    how = "Kneel on all fours: hands under shoulders, knees under hips, back flat."
    # The first instruction does not fit the 5 s get-ready before its 3-2-1: a lead-in says it.
    assert run.plan.lead_in == f"Cat-Cow. {how}"
    assert lead == 7.0
    assert run.said()[:6] == [
        (0.0, f"Cat-Cow. {how}"),
        (lead, "Get ready: Cat-Cow"),
        (lead + 2, "3"),
        (lead + 3, "2"),
        (lead + 4, "1"),
        (lead + 5, "Begin"),
    ]
    assert run.tones()[:4] == [
        (lead + 2, "tick"),
        (lead + 3, "tick"),
        (lead + 4, "tick"),
        (lead + 5, "start"),
    ]
    rest = next(s for s in run.said() if s[1].startswith("Rest"))
    assert rest[1] == f"Rest. Next: Sphinx. {BPR.exercises[1].how[0]}"
    assert (rest[0], "rest") in run.tones()
    get_ready = next(s for s in run.said() if s[1] == "Get ready: Sphinx")
    assert get_ready[0] == rest[0] + 10  # after the whole rest, said once (not again)
    assert not run.voice.cut()


def test_without_a_voice_there_is_no_lead_in_and_the_plan_starts_at_once() -> None:
    run = Run(BPR, until=10.0, voice="off")
    assert run.session.lead_in == 0 and run.said() == []
    assert run.tones()[:4] == [(2.0, "tick"), (3.0, "tick"), (4.0, "tick"), (5.0, "start")]
    assert Run(BPR, until=1.0, voice="transitions").session.lead_in == 7.0


@pytest.mark.parametrize("routine", BUNDLED, ids=lambda r: r.id)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("voice", VOICES[1:])
def test_nothing_said_is_ever_cut_and_each_cue_is_said_at_its_moment(
    routine: Routine, level: str, voice: str
) -> None:
    run = Run(routine, level, voice=voice)
    assert run.session.outcome == "completed"
    assert run.voice.cut() == []
    starts = set(run.starts())
    transitions = {round(t, 2) for t, c in run.cues if c.kind == "transition" and c.text}
    assert transitions - {0.0} <= starts  # every instruction at a segment's first frame
    # Each transition's words end (by the espeak-calibrated estimate) before the next
    # segment's, with the margin to spare.
    for said in run.voice.said:
        if said.priority >= 2 and said.at > 0:
            following = min((s for s in starts if s > said.at + 1e-9), default=None)
            if following is not None:
                assert said.until + SPEECH_MARGIN <= following + 1e-9, said
    # Counts and breaths give way to instructions but are never dropped for one another.
    assert all(priority < 2 for _, _, priority in run.voice.refused)


@settings(max_examples=60, deadline=None)
@given(
    get_ready=st.integers(3, 15),
    rest_between_sets=st.integers(2, 40),
    rest_between_exercises=st.integers(2, 40),
    voice=st.sampled_from(VOICES[1:]),
)
def test_no_cut_with_any_get_ready_and_rests_the_person_sets(
    get_ready: int, rest_between_sets: int, rest_between_exercises: int, voice: str
) -> None:
    run = Run(
        LBM,
        "intermediate",
        voice=voice,
        get_ready=get_ready,
        rest_between_sets=rest_between_sets,
        rest_between_exercises=rest_between_exercises,
        step=0.125,
    )
    assert run.session.outcome == "completed"
    assert run.voice.cut() == []


def test_instructions_move_to_where_they_fit() -> None:
    segments = expand(BPR, "beginner")
    plan = plan_voice(segments, BPR.exercises)
    texts = dict(zip(range(len(segments)), plan.texts, strict=True))
    rests = [i for i, s in enumerate(segments) if s.kind == "rest" and s.set is None]
    assert all(". " in texts[i].removeprefix("Rest. ") for i in rests)  # name + how in rests
    # With no rest between exercises, the get-ready says how, or as much as fits.
    no_rests = Config(rest_between_exercises=0, get_ready=15).apply(BPR)
    plan = plan_voice(expand(no_rests, "beginner"), no_rests.exercises)
    ready = [t for t in plan.texts if t.startswith("Get ready")]
    assert ready[1] == f"Get ready: Sphinx. {BPR.exercises[1].how[0]}"
    short = Config(rest_between_exercises=0, get_ready=6).apply(BPR)
    plan = plan_voice(expand(short, "beginner"), short.exercises)
    assert [t for t in plan.texts if t.startswith("Get ready")][1:] == [
        "Get ready: Sphinx",
        "Get ready: Child's Pose",
    ]
    shorter = Config(rest_between_exercises=0, get_ready=4).apply(BPR)  # 1 s before the 3-2-1
    plan = plan_voice(expand(shorter, "beginner"), shorter.exercises)
    laid_out = expand(shorter, "beginner")
    ready = [t for s, t in zip(laid_out, plan.texts, strict=True) if s.kind == "get_ready"]
    assert ready == ["", "Sphinx", "Child's Pose"]
    # A 2 s rest keeps only "Rest"; 3 s has room for the name.
    tight = Config(rest_between_exercises=2).apply(BPR)
    plan = plan_voice(expand(tight, "beginner"), tight.exercises)
    assert "Rest" in plan.texts and not any(t.startswith("Rest. Next") for t in plan.texts)


def test_every_tone_in_its_place() -> None:
    run = Run(LBM, "intermediate", voice="off")
    names = {name for _, name in run.tones()}
    assert names == {"tick", "start", "closing", "switch", "rest", "complete"}
    assert run.tones()[-1][1] == "complete"
    segments, starts = run.session.segments, run.starts()
    for index, segment in enumerate(segments):
        at = starts[index]
        here = [n for t, n in run.tones() if abs(t - at) < 1e-6]
        if segment.kind == "switch_side":
            assert "switch" in here
        elif segment.kind == "rest":
            assert "rest" in here
        elif segment.kind == "hold" or segment.rep == 1:
            assert "start" in here
            # A hold's last three seconds each sound the closing tone.
            if segment.kind == "hold":
                end = at + segment.seconds
                closing = [t for t, n in run.tones() if n == "closing" and at <= t < end]
                assert closing == [round(end - 3, 2), round(end - 2, 2), round(end - 1, 2)]
        if not segment.active and index + 1 < len(segments) and segments[index + 1].active:
            end = at + segment.seconds  # 3-2-1 ticks before any work
            ticks = [t for t, n in run.tones() if n == "tick" and at <= t < end]
            assert ticks == [round(end - s, 2) for s in (3, 2, 1) if end - s >= at]


def test_tones_replace_the_bell_and_the_bell_comes_back_without_a_player() -> None:
    tones = Run(BPR, until=20.0, voice="off")
    assert tones.bells == [] and tones.tones()
    bell = Run(BPR, until=20.0, voice="off", sound="bell")
    assert bell.tones() == [] and bell.bells[:4] == [2.0, 3.0, 4.0, 5.0]
    off = Run(BPR, until=20.0, voice="off", sound="off")
    assert off.tones() == [] and off.bells == []


def test_breath_tones_follow_the_pacer_exactly() -> None:
    run = Run(BPR, until=30.0, voice="off", breath_sound=True)
    lead = 0.0
    breath = [(t, n, s) for t, n, s, c in run.player.played if c == "breath"]
    # Cat-Cow: 3 s in, 3 s out, from the first rep at 5 s.
    assert breath[:4] == [
        (lead + 5.0, "breath-in", 3.0),
        (lead + 8.0, "breath-out", 3.0),
        (lead + 11.0, "breath-in", 3.0),
        (lead + 14.0, "breath-out", 3.0),
    ]
    assert Run(BPR, until=30.0, voice="off").tones("breath") == []  # off by default
    # A hold's pacer (in 4, out 6) is cut by the hold's end: the last tone ends with it.
    whole = Run(BPR, voice="off", breath_sound=True)
    starts = whole.starts()
    for index, segment in enumerate(whole.session.segments):
        end = starts[index] + segment.seconds
        for at, _, seconds, channel in whole.player.played:
            if channel == "breath" and starts[index] <= at < end:
                assert seconds is not None and at + seconds <= end + 1e-9


def test_counts_and_everything() -> None:
    counts = Run(BPR, until=40.0, voice="counts")
    texts = [t for _, t in counts.said()]
    assert texts[2:8] == ["3", "2", "1", "Begin. One", "Two", "Three"]
    assert "in" not in texts and "out" not in texts
    everything = Run(BPR, "beginner", voice="everything")
    said = [t for _, t in everything.said()]
    assert "out" in said and "Three seconds left" in said
    transitions = [t for _, t in Run(BPR, until=40.0).said()]
    assert "Two" not in transitions and "Begin" in transitions


def test_mute_silences_everything() -> None:
    clock = FakeClock()
    voice, player = FakeVoice(clock.now), FakePlayer(clock.now)
    announcer = Announcer(Config(voice="everything", breath_sound=True), voice, player)
    assert announcer.toggle_mute()
    assert player.stops == 1
    cue = Cue(CueKind.TRANSITION, "Rest", True, "rest")
    assert announcer.carry_out([cue, Cue(CueKind.BREATH, "in", False, "breath-in", 3.0)]) is False
    assert voice.said == [] and player.played == []
    assert not announcer.speaks
    announcer.toggle_mute()
    assert announcer.carry_out([cue]) is False and player.names() == ["rest"]


def test_a_pause_and_a_stop_are_heard_once_and_nothing_more() -> None:
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start()
    cuer = Cuer(plan_voice(session.segments, BPR.exercises))
    cuer.update(session.snapshot())
    session.pause()
    assert [(c.text, c.tone) for c in cuer.update(session.snapshot())] == [("Paused", "rest")]
    clock.advance(30)
    assert cuer.update(session.snapshot()) == []  # nothing more while it stands still
    session.stop()
    assert [(c.text, c.tone) for c in cuer.update(session.snapshot())] == [("Stopped", "rest")]
    assert cuer.update(session.snapshot()) == []


def test_a_move_in_the_lead_in_starts_the_clock_at_once() -> None:
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start(count_in=7)
    clock.advance(2)
    assert session.snapshot().starting
    assert session.start_now()  # straight into the first rep, no "RESUMING IN"
    snap = session.snapshot()
    assert snap.count_in_left == 0 and snap.segment is not None and snap.segment.rep == 1
    assert session.lead_in == 2
    clock.advance(1)
    assert session.snapshot().segment_left == pytest.approx(5)  # the rep runs
    other = Session(BPR, "beginner", clock)
    other.start(count_in=7)
    clock.advance(1)
    other.skip()  # n too: Sphinx's get-ready, running
    snap = other.snapshot()
    assert snap.count_in_left == 0 and snap.exercise is not None and snap.exercise.id == "sphinx"


def test_what_cannot_be_said_whole_is_not_said() -> None:
    """A name too long for a 1 s get-ready is left out rather than cut by "Begin"; a first
    instruction too long for the 12 s lead-in gives way to a shorter form."""
    long_name = replace(BPR.exercises[1], name="W" * 60)
    long_how = replace(BPR.exercises[0], how=("x " * 100,), name="Y" * 60)
    routine = replace(BPR, exercises=(long_how, long_name, BPR.exercises[2]))
    tight = Config(get_ready=1).apply(routine)
    laid_out = expand(tight, "beginner")
    plan = plan_voice(laid_out, tight.exercises)
    ready = [t for s, t in zip(laid_out, plan.texts, strict=True) if s.kind == "get_ready"]
    assert ready[1] == ""  # the rest before it named it; 1 s has no room for it again
    roomy = Config(get_ready=5).apply(routine)
    plan = plan_voice(expand(roomy, "beginner"), roomy.exercises)
    assert plan.lead_in == "Y" * 60 and plan.lead_in_seconds <= 12
    run = Run(routine, voice="transitions", get_ready=1)
    assert run.voice.cut() == []


def test_a_pause_silences_and_the_breath_sounds_again_after_it() -> None:
    clock = FakeClock()
    voice, player = FakeVoice(clock.now), FakePlayer(clock.now)
    config = Config(breath_sound=True)
    session = Session(BPR, "beginner", clock)
    announcer = Announcer(config, voice, player)
    cuer = Cuer(plan_voice(session.segments, BPR.exercises))
    session.start()
    for _ in range(int(6.5 * 16)):  # into the first rep's in-breath (5 s to 8 s)
        announcer.carry_out(cuer.update(session.snapshot()))
        clock.advance(1 / 16)
    assert player.names("breath") == ["breath-in"]
    session.pause()
    announcer.silence()
    assert player.stops == 1
    announcer.carry_out(cuer.update(session.snapshot()))
    session.resume(count_in=0)
    announcer.carry_out(cuer.update(session.snapshot()))
    assert player.names("breath") == ["breath-in", "breath-in"]
    assert player.played[-1][2] == pytest.approx(1.5)  # the rest of the phase (6.5 to 8 s)


def test_start_now_skips_only_the_wait() -> None:
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start()
    clock.advance(1)
    assert session.start_now()
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "rep" and snap.segment.rep == 1
    assert not session.start_now()  # during the work, nothing
    while (segment := session.snapshot().segment) is not None and segment.kind != "rest":
        clock.advance(0.5)  # the reps, done in full
    assert session.start_now()  # the rest and the next get-ready: straight to Sphinx's hold
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "hold"
    assert snap.exercise is not None and snap.exercise.id == "sphinx"
    assert session.records()[0].status == "done"  # a skipped rest is no work skipped


def test_spoken_forms() -> None:
    cue = Cue(CueKind.TRANSITION, "Begin", True, "start", count="one")
    assert [cue.spoken(v) for v in VOICES] == ["", "Begin", "Begin. One", "Begin. One"]
    breath = Cue(CueKind.BREATH, "in", False, level="everything")
    assert [breath.spoken(v) for v in VOICES] == ["", "", "", "in"]
    assert [number_word(n) for n in (1, 7, 13, 20, 42, 99, 100)] == [
        "one",
        "seven",
        "thirteen",
        "twenty",
        "forty-two",
        "ninety-nine",
        "100",
    ]
    assert speech_seconds("") == 0 and speech_seconds("Rest") < speech_seconds("Rest. Next")


def test_breath_tone_lengths() -> None:
    assert breath_tone_seconds(3.0) == 3.0
    assert breath_tone_seconds(2.96) == 3.0  # a frame late: still the phase's length
    assert breath_tone_seconds(2.94) == 2.9
    assert breath_tone_seconds(0.15) is None  # a sped-up clock: too short to hear
    assert VoicePlan(()).lead_in_seconds == 0
