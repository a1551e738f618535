"""What is rung and said, frame by frame, over a whole session with a fake clock."""

from __future__ import annotations

from supple import paths
from supple.core.clock import FakeClock
from supple.core.cues import Cuer
from supple.core.routine import load_routine
from supple.core.session import Session

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")


def play(routine, level: str = "beginner", step: float = 0.25, until: float = 10_000.0):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    session = Session(routine, level, clock)
    session.start()
    cuer = Cuer()
    heard = []
    while clock.now() <= until:
        for cue in cuer.update(session.snapshot()):
            heard.append((round(clock.now(), 1), cue))
        if session.snapshot().done:
            break
        clock.advance(step)
    return heard, session


def test_the_first_minute_of_back_pain_relief() -> None:
    heard, _ = play(BPR, until=50.0)
    spoken = [(t, c.kind, c.text, c.bell) for t, c in heard if c.text]
    assert spoken[:5] == [
        (
            0.0,
            "transition",
            "Get ready: Cat-Cow. Kneel on all fours: hands under shoulders, "
            "knees under hips, back flat.",
            False,
        ),
        (2.0, "count", "3", True),
        (3.0, "count", "2", True),
        (4.0, "count", "1", True),
        (5.0, "transition", "Begin", True),
    ]
    # Each rep: the breath says "out" halfway and "in" as the next rep starts.
    breaths = [(t, c.text) for t, c in heard if c.kind == "breath"]
    assert breaths[:4] == [(8.0, "out"), (11.0, "in"), (14.0, "out"), (17.0, "in")]
    rest = next((t, c.text) for t, c in heard if c.text.startswith("Rest"))
    assert rest == (
        35.0,
        "Rest. Next: Sphinx. Lie face down, feet about hip-width apart, toes tucked under.",
    )
    assert (45.0, "Get ready: Sphinx") in [(t, c.text) for t, c in heard]
    assert (50.0, "Hold") in [(t, c.text) for t, c in heard]


def test_sides_sets_and_the_end() -> None:
    heard, session = play(LBM, "intermediate")
    texts = [c.text for _, c in heard]
    assert "Switch sides. right side next" in texts
    assert "Hold, left side" in texts and "Hold, right side" in texts
    assert "Rest. Set 2 of 2 next" in texts
    assert texts[-1] == "Session complete. Well done."
    assert session.outcome == "completed"
    bells = sum(1 for _, c in heard if c.bell)
    changes = len(session.segments)  # a bell per new segment (not the first) + 3-2-1s + end
    assert bells == changes - 1 + 3 * 7 + 1


def test_nothing_while_paused_and_nothing_at_a_stop() -> None:
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start()
    cuer = Cuer()
    cuer.update(session.snapshot())
    session.pause()
    clock.advance(30)
    assert cuer.update(session.snapshot()) == []
    session.stop()
    assert cuer.update(session.snapshot()) == []
