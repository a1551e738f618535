"""Heard when not looking: every change of what the body should do sounds, exactly once, at
its moment, whatever the person does (pause, resume, skip, back, jump, start now) and when."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach.live import Announcer
from supple.core.clock import FakeClock
from supple.core.config import Config
from supple.core.cues import Cue, CueKind, Cuer, plan_voice
from supple.core.routine import load_routine
from supple.core.session import COUNT_IN, Session
from supple.core.snapshot import Snapshot
from supple.system import paths
from tests.fake_outputs import FakePlayer, FakeVoice

BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
STEP = 1 / 16
COMMANDS = ("pause", "resume", "skip", "back", "jump", "start_now", "next_segment")


def changes(cues: list[Cue]) -> list[Cue]:
    """The cues that mark a change (a segment's own, a resume, a pause, the end): not a tick
    of a segment's last seconds, nor a breath."""
    return [
        c
        for c in cues
        if c.kind in (CueKind.TRANSITION, CueKind.END) or (c.kind == CueKind.COUNT and c.count)
    ]


def where(snap: Snapshot) -> tuple[str, int]:
    """What the body should be doing: standing still, counting in, or a segment."""
    if snap.done:
        return ("done", -1)
    if snap.paused:
        return ("paused", -1)
    if snap.count_in_left > 0:
        return ("counting", -1)
    return ("running", snap.segment_index)


@settings(max_examples=20, deadline=None)
@given(
    moves=st.lists(
        st.tuples(st.integers(1, 120), st.sampled_from(COMMANDS), st.integers(0, 2)),
        max_size=8,
    ),
    voice=st.sampled_from(("off", "transitions", "everything")),
)
def test_every_change_is_heard_once_at_its_moment(
    moves: list[tuple[int, str, int]], voice: str
) -> None:
    clock = FakeClock()
    config = Config(voice=voice)  # type: ignore[arg-type]
    session = Session(BPR, "beginner", clock)
    plan = plan_voice(session.segments, BPR.exercises)
    speaker, player = FakeVoice(clock.now), FakePlayer(clock.now)
    announcer = Announcer(config, speaker, player)
    cuer = Cuer(plan)
    session.start(count_in=plan.lead_in_seconds if announcer.speaks else 0.0)
    commanded: set[float] = set()  # the moments a command was given (a cut is theirs)
    last = where(session.snapshot())
    resumed_at: float | None = None
    queue = list(moves)
    frames = 0
    while frames < 40 * 16:
        snap = session.snapshot()
        cues = cuer.update(snap)
        announcer.carry_out(cues)
        now = where(snap)
        marks = changes(cues)
        if frames == 0:
            pass  # the opening frame: the lead-in's words, or the first segment's
        elif now != last and now[0] != "counting":
            assert len(marks) == 1, (last, now, cues)  # one change, one cue
            expected = {"paused": "Paused", "done": None}.get(now[0])
            if expected is not None:
                assert marks[0].text == expected and marks[0].tone == "rest"
            if now[0] == "running" and voice == "off":
                assert marks[0].tone or marks[0].bell or marks[0].kind == CueKind.COUNT
        else:
            assert marks == [] or (now[0] == "counting" and last[0] != "counting"), cues
        if now[0] == "counting" and last[0] == "paused":
            resumed_at = clock.now()
        if resumed_at is not None and now[0] == "counting":  # the count-in's 3-2-1, on time
            ticks = [c for c in cues if c.tone == "tick"]
            on_second = (clock.now() - resumed_at) % 1 == 0
            assert [c.text for c in ticks] == (
                [str(math.ceil(snap.count_in_left))] if on_second else []
            )
        if now[0] == "running" and last[0] == "counting" and resumed_at is not None:
            assert clock.now() - resumed_at == COUNT_IN  # it runs exactly when the count ends
            resumed_at = None
        last = now
        if snap.done:
            break
        if queue and queue[0][0] <= 0:
            _, command, target = queue.pop(0)
            commanded.add(clock.now())
            resumed_at = None  # a move in a count-in may end it (start now, skip)
            match command:
                case "pause":
                    session.pause()
                    announcer.silence()
                case "resume":
                    session.resume()
                case "jump":
                    session.jump_to(target)
                case "start_now":
                    session.start_now()
                case _:
                    getattr(session, command)()
            frames += 1
            continue  # a frame at once, as the screen draws one after each key
        if queue:
            queue[0] = (queue[0][0] - 1, queue[0][1], queue[0][2])
        clock.advance(STEP)
        frames += 1
    # Nothing said is cut but by the person's own command (a pause stops it; a move moves on).
    assert all(s.cut_at in commanded for s in speaker.cut())
    # What matters (an instruction, a pause, a resume) is never refused for something else.
    assert all(priority < 2 for _, _, priority in speaker.refused)


@settings(max_examples=10, deadline=None)
@given(held=st.integers(1, 40), voice=st.sampled_from(("off", "transitions")))
def test_a_timed_test_sounds_its_get_ready_start_and_end(held: int, voice: str) -> None:
    from supple.coach.test_timer import GET_READY, TestTimer
    from supple.core.program import MobilityTest, TestKind

    test = MobilityTest(
        "superman-hold",
        "Superman hold",
        TestKind.TIMED,
        "s",
        "higher",
        1,
        600,
        ("Lie face down, arms long past your head.",),
    )
    clock = FakeClock()
    speaker, player = FakeVoice(clock.now), FakePlayer(clock.now)
    timer = TestTimer(test, Announcer(Config(voice=voice), speaker, player), clock)  # type: ignore[arg-type]
    timer.start()
    for _ in range((GET_READY + held) * 16):
        timer.frame()
        clock.advance(STEP)
    timer.stop()
    timer.frame()
    assert timer.held() == held
    tones = [(t, name) for t, name, _, _ in player.played]
    ready = GET_READY
    assert tones[:4] == [
        (ready - 3, "tick"),
        (ready - 2, "tick"),
        (ready - 1, "tick"),
        (ready, "start"),
    ]
    assert tones[-1] == (ready + held, "rest")  # the stop: a closing tone
    if voice != "off":
        assert speaker.texts()[-1] == "Stopped"
        assert [s.text for s in speaker.said if s.text in "321"] == ["3", "2", "1"]
