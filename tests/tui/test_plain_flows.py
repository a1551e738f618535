"""Plain mode as whole as the full-screen flow (issue 27, item 3; review R1's items 5 and 9):
the summary's advice (the app's own call), applying and undoing it, not-for-me, the
next-morning question, the level asked and taken; and the class: any keys at any phase leave
no offer that cannot be taken, every mark kept with its exercise, and plain text only."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.cli.plain import PlainPlayer
from supple.coach.coach import Coach
from supple.coach.live import LiveSession
from supple.coach.wording import advice
from supple.core.clock import FakeClock
from supple.core.plain import noise
from supple.core.record import PainAction
from supple.core.timeline import SegmentKind
from tests.tui.conftest import WALL
from tests.tui.test_plain import START, Script, in_order, make, no_fsync, play

__all__ = ["no_fsync"]  # the fixture, autouse here too

AFTER = 500  # seconds into the session: long after back-pain-relief's 95 s have run out


def test_the_summary_shows_the_apps_advice_and_applies_and_undoes_it(data_dir: Path) -> None:
    """R1's item 9: a 7/10 mark, and the plain summary says the same suggestions as the app's
    summary (``coach.advice.suggested()``, the one call); the advice key lists them, a number
    applies one, ``u`` undoes it, as the app's chooser does."""
    after = ["", "", "v", "{cat_cow}", "v", "u", ""]
    typed = [(8, "!"), (8, "7"), (9, "")]
    coach, clock, _, _ = make(data_dir)
    live = coach.start("back-pain-relief", "beginner")
    lines: list[str] = []
    script = Script(clock, [(START + at, text) for at, text in typed])
    player = PlainPlayer(coach, live, script, lines.append, every=10, check_in_before=False)

    def finish() -> None:  # the advice is known once the session is saved: then type after it
        coach.session_ended(live)
        suggestions = coach.advice.suggested()
        number = next(n for n, s in enumerate(suggestions, 1) if s.exercises == ("cat-cow",))
        script.typed = [(0.0, t.format(cat_cow=number)) for t in after]
        original()

    original, player.finish = player.finish, finish  # type: ignore[method-assign]
    player.run()
    suggestions = coach.advice.suggested()
    said = [f"Advice {n}: {advice(s)}" for n, s in enumerate(suggestions, 1)]
    cat_cow = next(line for line in said if "Cat-Cow 2 reps next time" in line)
    assert cat_cow in lines and all(line in lines for line in said)
    in_order(
        lines,
        [
            cat_cow,
            "Saved to your history.",
            "v and Enter: Apply a suggestion (a step easier or harder) or undo the last one.",
            cat_cow,  # listed again by the advice key
        ],
    )
    assert any(line.startswith("Applied: Cat-Cow 2 reps next time") for line in lines)
    assert any(line.startswith("Undone, the steps are back: Cat-Cow") for line in lines)
    assert coach.catalog.stepped("back-pain-relief", "cat-cow", "beginner") is None  # undone


def test_the_not_for_me_key_marks_an_exercise_and_again_unmarks_it(data_dir: Path) -> None:
    typed = [(AFTER, t) for t in ("", "", "1n", "1n", "1n", "")]
    lines, _, coach = play(data_dir, typed)
    in_order(
        lines,
        [
            "An exercise's number then n (like 2n) and Enter: "
            "Not for me: never in a session made for today (again: undo).",
            "Cat-Cow: not for me — a session made for today leaves it out.",
            "Cat-Cow: for you again — a session made for today may choose it.",
        ],
    )
    assert "cat-cow" in coach.library.not_for_me().ids  # three times: marked


def test_the_next_morning_question_is_asked_once_as_home_asks_it(data_dir: Path) -> None:
    """A session yesterday: plain mode asks the next-morning question first (home does), the
    answer goes into yesterday's record, and it is not asked again."""
    play(data_dir, [])  # yesterday's session, at WALL
    question = "How is your back this morning? (after Back pain relief, Tue 07:30)"
    for answer in ("5", ""):
        clock = FakeClock(START)
        coach = Coach.from_environment(
            clock=clock, now=lambda: WALL + timedelta(days=1), data_dir=data_dir
        )
        live = coach.start("back-pain-relief", "beginner")
        lines: list[str] = []
        script = Script(clock, [(START, answer)])
        PlainPlayer(coach, live, script, lines.append, every=0, check_in_before=False).run()
        assert (question in lines) == (answer == "5")
    yesterday = next(r for r in coach.newest(3) if r.started.date() == WALL.date())
    assert yesterday.morning_pain == 5


def test_play_routine_plain_level_plays_that_level(data_dir: Path, tmp_path: Path) -> None:
    """`supple play ROUTINE --plain --level advanced`: that level, no question asked (the keys
    on a pipe: `q`, `y` ends it)."""
    from supple.cli import main

    typed, out = tmp_path / "typed", tmp_path / "out"
    typed.write_bytes(b"q\ny\n")
    stdin, stdout = sys.stdin, sys.stdout
    try:
        with typed.open() as keys, out.open("w") as lines:
            sys.stdin, sys.stdout = keys, lines
            argv = ["play", "back-pain-relief", "--plain", "--level", "advanced", "--every", "0"]
            assert main(argv) == 0
    finally:
        sys.stdin, sys.stdout = stdin, stdout
    said = out.read_text()
    assert "Back pain relief, advanced: " in said and "Level:" not in said
    (record,) = (data_dir / "sessions").rglob("*.toml")
    assert 'level = "advanced"' in record.read_text()


# -- the class: any keys at any phase ----------------------------------------------------------

PHASES = (SegmentKind.GET_READY, SegmentKind.REP, SegmentKind.HOLD, SegmentKind.REST)
PHASES += (SegmentKind.SWITCH_SIDE,)
KEYS = [" ", "n", "p", "s", "+", "m", "q", "!", "e", "t", "y", "0", "3", "6", "9", "", "escape"]


class AtPhase(Script):
    """Each key typed once the session is in the phase it names (or at once, when a question
    waits for it); the clock moves only while the session runs to that phase."""

    def __init__(self, clock: FakeClock, live: LiveSession, typed: list[tuple[str, str]]) -> None:
        super().__init__(clock, [])
        self.live = live
        self.phased = list(typed)

    def key(self, timeout: float | None) -> str | None:
        if not self.phased:
            return super().key(timeout)
        phase, text = self.phased[0]
        snap = self.live.session.snapshot()
        here = phase == NOW or (snap.segment is not None and str(snap.segment.kind) == phase)
        if timeout is not None and not here:
            self.clock.advance(min(timeout, 1.0))
            return None
        self.phased.pop(0)
        return text

    def line(self) -> str:
        if not self.phased:
            raise EOFError
        return self.phased.pop(0)[1]


NOW = "now"  # a key typed at once, into the question that waits for it
PHASE = st.sampled_from([str(p) for p in PHASES])
# A key alone in a phase, or a whole mark there: `!`, a rating, then a choice (offered or not).
TYPING = st.one_of(
    st.tuples(PHASE, st.sampled_from(KEYS)).map(lambda t: [t]),
    st.tuples(
        PHASE, st.sampled_from(["0", "5", "7", "t"]), st.sampled_from(["e", "s", "", "escape"])
    ).map(lambda t: [(t[0], "!"), (NOW, t[1]), (NOW, t[2]), (NOW, "")]),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typing=st.lists(TYPING, max_size=10))
def test_any_keys_at_any_phase_offer_only_what_can_be_taken_and_keep_each_mark(
    tmp_path_factory: pytest.TempPathFactory, typing: list[list[tuple[str, str]]]
) -> None:
    """Desk break has every phase (get-ready, reps, holds, sides, rests between sets and
    exercises). Whatever is typed in whichever phase: each action a mark takes was offered and
    is taken as offered (an offered ease eases), each mark is recorded on the exercise in play
    (in a rest, the one just done) and said with its name, every key the keys line names is
    taken, and every line is plain text."""
    typed = [key for keys in typing for key in keys]
    data_dir = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPLE_CONFIG_DIR", str(data_dir / "config"))
        patch.setenv("SUPPLE_STATE_DIR", str(data_dir / "state"))
        coach, clock, _, _ = make(data_dir)
        live = coach.start("desk-break", "beginner")
        expected: list[tuple[str, int, PainAction]] = []
        mark_pain = live.mark_pain

        def checked(rating: int, action: PainAction) -> PainAction:
            offered = live.mark_choices()
            assert action in offered, (action, offered)
            exercise = live.routine.exercises[live.session.snapshot().exercise_index]
            taken = mark_pain(rating, action)
            assert taken == action  # an offer is one the session can take
            expected.append((exercise.id, rating, taken))
            return taken

        patch.setattr(live, "mark_pain", checked)
        lines: list[str] = []
        source = AtPhase(clock, live, typed)
        PlainPlayer(coach, live, source, lines.append, every=10, check_in_before=False).run()
    text = "\n".join(lines)
    assert "\x1b" not in text
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in text)
    marks = live.recorder.record().pain_marks
    assert [(m.exercise, m.rating, m.action) for m in marks] == expected
    names = {e.id: e.name for e in live.routine.exercises}
    told = [line for line in lines if line.startswith("Pain ") and " marked on " in line]
    assert [line.split(" marked on ")[1].rsplit(":", 1)[0] for line in told] == [
        names[exercise] for exercise, _, _ in expected
    ]
    refused = {line for line in lines if line.startswith("Not a key here: ")}
    not_player_keys = ("e", "t", "y", "0", "3", "5", "6", "7", "9", "Enter")
    assert refused <= {f"Not a key here: {k}." for k in not_player_keys}
    assert live.saved


def test_plain_mode_speaks_the_persons_language(data_dir: Path) -> None:
    """Under German, plain mode's own lines, the keys' words and the mark's sentences are
    German (they were English whatever the language)."""
    from supple import i18n

    i18n.choose("de")
    try:
        lines, _, _ = play(data_dir, [(8, "!"), (8, "7"), (9, "e"), (AFTER, "")])
    finally:
        i18n.reset()
    in_order(
        lines,
        [
            "Tasten: Leertaste Pause, n oder → Weiter, p oder ← Zurück, s Jetzt starten, + +10 s, "
            "m Stumm, b Atemtöne, j Springen, ! Schmerz, q oder Esc Ende.",
            "Das tut weh: Katze-Kuh. Wie stark, 0 bis 9, t für 10? Esc: zurück, ohne Markierung.",
            "Dann: e: Erleichtern, s: Überspringen, Enter: Weitermachen.",
            "Schmerz 7 von 10 bei Katze-Kuh vermerkt: leichter gemacht.",
            "In deinem Verlauf gespeichert.",
        ],
    )
