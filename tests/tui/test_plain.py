"""Plain mode (issue 27, item 3): a whole session as lines on the fake clock, every key of the
player, the check-ins, `!`, the jump list, the summary's easier/harder, the keymap, and the
terminal's key reader (single keys and lines) over a real pipe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli.plain import PLAYER, PlainPlayer, key_name
from supple.cli.plain_terminal import TerminalSource
from supple.coach.coach import Coach
from supple.coach.live import LiveSession
from supple.core.clock import FakeClock
from supple.core.config import Config, save_config
from supple.core.plain import noise
from supple.system import paths
from tests.fake_outputs import FakePlayer, FakeVoice
from tests.tui.conftest import WALL


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each session here writes ~50 checkpoints; their durability is tests/faults' subject, not
    plain mode's: without the disk's flush a session takes a tenth of the time."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


class Script:
    """Keys and lines typed at chosen times of the fake clock: ``key`` waits (moving the clock)
    until the next one is due or the timeout passes; the end of the script is the end of input."""

    def __init__(self, clock: FakeClock, typed: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.typed = list(typed)

    def key(self, timeout: float | None) -> str | None:
        if not self.typed:
            if timeout is None:
                raise EOFError
            self.clock.advance(timeout)
            return None
        at, text = self.typed[0]
        now = self.clock.now()
        if timeout is not None and at > now + timeout:
            self.clock.advance(timeout)
            return None
        self.clock.set(max(now, at))
        self.typed.pop(0)
        return text

    def line(self) -> str:
        if not self.typed:
            raise EOFError
        return self.typed.pop(0)[1]


START = 1000.0  # the fake clock's reading when the session opens


def make(
    data_dir: Path, config: Config | None = None, *, sound: bool = False
) -> tuple[Coach, FakeClock, FakeVoice, FakePlayer]:
    """The coach on a fake clock; with ``sound`` a voice and an audio player (then the first
    instruction is said in a lead-in before the clock starts), else neither."""
    if config is not None:
        save_config(config, paths.config_file())
    clock = FakeClock(START)
    voice = FakeVoice(clock.now, available=sound)
    player = FakePlayer(clock.now, available=sound)
    coach = Coach.from_environment(
        clock=clock, now=lambda: WALL, data_dir=data_dir, speaker=voice, player=player
    )
    return coach, clock, voice, player


def play(
    data_dir: Path,
    typed: list[tuple[float, str]],
    *,
    config: Config | None = None,
    routine: str = "back-pain-relief",
    before: bool = False,
    every: int = 10,
    sound: bool = False,
) -> tuple[list[str], LiveSession, Coach]:
    """A whole session in plain mode; ``typed`` at session seconds (from its start)."""
    coach, clock, _, _ = make(data_dir, config, sound=sound)
    live = coach.start(routine, "beginner")
    lines: list[str] = []
    script = Script(clock, [(START + at, text) for at, text in typed])
    player = PlainPlayer(coach, live, script, lines.append, every=every, check_in_before=before)
    player.run()
    return lines, live, coach


def in_order(lines: list[str], expected: list[str]) -> None:
    """Each expected line appears, in this order (other lines may come between)."""
    at = 0
    for want in expected:
        found = next((i for i in range(at, len(lines)) if lines[i] == want), None)
        assert found is not None, f"{want!r} not found after line {at}:\n" + "\n".join(lines)
        at = found + 1


def test_a_whole_session_on_the_fake_clock_is_the_expected_lines_in_order(
    data_dir: Path,
) -> None:
    lines, live, coach = play(data_dir, [])
    in_order(
        lines,
        [
            "Back pain relief, beginner: 3 exercises, 1 min 35 s.",
            "Keys: space Pause, n or → Next, p or ← Back, s Start now, + +10s, m Mute, "
            "b Breath tones, j Jump, ! Hurts, q or Esc End.",
            "Exercise 1 of 3: Cat-Cow.",
            "Step 1: Kneel on all fours: hands under shoulders, knees under hips, back flat.",
            "Get ready: Cat-Cow, 5 seconds.",
            "Rep 1 of 5.",
            "Inhale — cow: belly sinks, chest forward, eyes ahead.",
            "Exhale — cat: round the back up, let the head hang.",
            "Rep 5 of 5.",
            "Rest 10 seconds, next: Sphinx.",
            "Exercise 2 of 3: Sphinx.",
            "Get ready: Sphinx, 5 seconds.",
            "Hold 15 seconds.",
            "10 seconds left.",
            "Rest 10 seconds, next: Child's Pose.",
            "Exercise 3 of 3: Child's Pose.",
            "Hold 15 seconds.",
            "10 seconds left.",
            "Session complete.",
            "How much does your back hurt now?",
            "Session complete: Back pain relief, beginner.",
            "1. Cat-Cow: done.",
            "2. Sphinx: done.",
            "3. Child's Pose: done.",
            "Saved to your history.",
        ],
    )
    text = "\n".join(lines) + "\n"
    assert all(c == "\n" or c.isprintable() for c in text)
    assert not any(noise(c) for c in text)  # no box drawing, block or braille character
    assert "\x1b" not in text
    (record,) = coach.newest(1)
    assert record.status == "completed" and live.saved


def test_the_time_left_comes_at_the_interval_the_person_chose(data_dir: Path) -> None:
    every_five, _, _ = play(data_dir / "a", [], every=5)
    never, _, _ = play(data_dir / "b", [], every=0)
    assert [line for line in every_five if line.endswith("left.")][:3] == [
        "5 seconds left.",  # the rest after Cat-Cow (10 s)
        "10 seconds left.",  # Sphinx's hold (15 s)
        "5 seconds left.",
    ]
    assert not any(line.endswith("left.") for line in never)


def segment_kind(live: LiveSession) -> str:
    segment = live.session.snapshot().segment
    return "" if segment is None else str(segment.kind)


def test_space_pauses_and_resumes(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(2, " "), (30, " ")])
    in_order(lines, ["Paused.", "Resuming in 3.", "Going on."])
    assert live.recorder.record().paused_seconds >= 27


@pytest.mark.parametrize(
    ("key", "expect"),
    [
        ("n", "Exercise 2 of 3: Sphinx."),  # Cat-Cow skipped at once
        ("right", "Exercise 2 of 3: Sphinx."),  # its second key, as a line names it
    ],
)
def test_n_skips_to_the_next_exercise(data_dir: Path, key: str, expect: str) -> None:
    lines, live, _ = play(data_dir, [(1, key)])
    assert lines.index(expect) < lines.index("Get ready: Sphinx, 5 seconds.")
    assert live.recorder.record().exercises[0].status == "skipped"


def test_p_goes_back_to_the_start_of_the_exercise(data_dir: Path) -> None:
    lines, _, _ = play(data_dir, [(12, "p")])
    assert lines.count("Get ready: Cat-Cow, 5 seconds.") == 2


def test_s_starts_the_work_now_and_says_so_when_there_is_no_wait(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(1, "s"), (7, "s")])
    assert "The exercise has begun: nothing to skip." in lines
    # the get-ready's 5 s were cut to 1: the session's active time is 4 s shorter
    assert live.recorder.record().active_seconds == pytest.approx(91, abs=1)


def test_plus_adds_ten_seconds_to_a_hold_only(data_dir: Path) -> None:
    # Sphinx's hold runs 50-65 s of the session; Cat-Cow's reps before it
    lines, live, _ = play(data_dir, [(8, "+"), (55, "+")])
    assert lines.count("Only a hold can be made longer.") == 1
    assert "+10 s on this hold." in lines
    assert live.recorder.record().active_seconds == pytest.approx(105, abs=1)


def test_m_mutes_and_b_turns_breath_tones_on(data_dir: Path) -> None:
    lines, live, coach = play(data_dir, [(1, "m"), (2, "m"), (3, "b")], sound=True)
    in_order(lines, ["Sound off.", "Sound on.", "Breath tones on."])
    assert coach.config.breath_sound and not live.muted


def test_the_same_sounds_as_the_app_the_announcers(data_dir: Path) -> None:
    """The coach's announcer carries the cues out: the voice says them, the player plays
    the tones (breath tones too, once on), as in the app."""
    _, _, coach = play(data_dir, [(1, "b")], sound=True)
    voice, player = coach.announcer.speaker, coach.announcer.player
    assert isinstance(voice, FakeVoice) and isinstance(player, FakePlayer)
    said = [s.text for s in voice.said]
    assert said[0].startswith("Cat-Cow.") and "Rest. Next: Sphinx" in " ".join(said)
    played = {name for _, name, _, _ in player.played}
    assert {"start", "rest", "complete", "breath-in"} <= played


def test_q_asks_first_and_ends_the_session_kept(data_dir: Path) -> None:
    lines, live, coach = play(data_dir, [(20, "q"), (20, "n"), (30, "escape"), (31, "y")])
    in_order(
        lines,
        [
            "End the session now? What you have done so far is kept and saved to your history. "
            "y or Enter: yes, n or Esc: no."
        ],
    )
    (record,) = coach.newest(1)
    assert record.status == "stopped"
    # 20 s, then "no" resumed it (a 3 s count-in) until Esc at 30: 27 s; the answers waited
    assert record.active_seconds == pytest.approx(27, abs=0.5)


def test_exclamation_mark_rates_then_eases_the_exercise(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(8, "!"), (8, "x"), (9, "7"), (10, "e")])
    in_order(
        lines,
        [
            "This hurts: Cat-Cow. How much, 0 to 9, t for 10? Esc: back, with no mark.",
            "0 to 9, t for 10, Esc: back.",
            # the full-screen dialog's sentence, from the one declaration (core.pain)
            "pain 7/10 (severe) — above 5 is more than the rule allows: ease or skip.",
            "Then: e: Ease, s: Skip, Enter: Carry on.",
            "Pain 7 of 10 marked on Cat-Cow: eased.",
        ],
    )
    (mark,) = live.recorder.record().pain_marks
    assert (mark.exercise, mark.rating, mark.action) == ("cat-cow", 7, "eased")


# Back pain relief, beginner: Cat-Cow's 5 reps end at 35 s, then a 10 s rest before Sphinx.
IN_THE_REST = 38


def test_a_mark_in_the_rest_belongs_to_the_exercise_just_done_and_offers_only_what_it_can(
    data_dir: Path,
) -> None:
    """`!` in the rest after Cat-Cow (R1's item 5): the mark is Cat-Cow's (as the app records
    it), the line names it; nothing of it is left to ease or skip, so neither is offered and
    `e` and `s` are not taken; above 5 the dialog's sentence, without the choices it lacks."""
    typed = [(IN_THE_REST, "!"), (IN_THE_REST, "7"), (IN_THE_REST, "e"), (IN_THE_REST, "s")]
    lines, live, _ = play(data_dir, [*typed, (IN_THE_REST, "")])
    in_order(
        lines,
        [
            "Rest 10 seconds, next: Sphinx.",
            "This hurts: Cat-Cow. How much, 0 to 9, t for 10? Esc: back, with no mark.",
            "pain 7/10 (severe) — above 5 is more than the rule allows.",
            "Then: Enter: Carry on.",
            "Then: Enter: Carry on.",  # `e` is not a choice here: said again, nothing eased
            "Then: Enter: Carry on.",
            "Pain 7 of 10 marked on Cat-Cow: carrying on.",
            "Exercise 2 of 3: Sphinx.",
        ],
    )
    (mark,) = live.recorder.record().pain_marks
    assert (mark.exercise, mark.rating, mark.action) == ("cat-cow", 7, "none")
    assert [e.status for e in live.recorder.record().exercises] == ["done"] * 3


def test_a_mark_at_five_or_below_says_it_is_acceptable(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(8, "!"), (8, "3"), (9, "")])
    in_order(
        lines,
        [
            "pain 3/10 (mild) — up to 5 is acceptable during exercise. "
            "Ease this exercise now, skip it, or carry on?",
            "Pain 3 of 10 marked on Cat-Cow: carrying on.",
        ],
    )


@pytest.mark.parametrize(
    ("typed", "rating", "action"),
    [(["t", "s"], 10, "skipped"), (["0", ""], 0, "none"), (["10", "enter"], 10, "none")],
)
def test_the_rating_takes_t_for_ten_and_each_action(
    data_dir: Path, typed: list[str], rating: int, action: str
) -> None:
    _, live, _ = play(data_dir, [(8, "!"), *((9, t) for t in typed)])
    (mark,) = live.recorder.record().pain_marks
    assert (mark.rating, mark.action) == (rating, action)


def test_escape_in_the_rating_leaves_no_mark(data_dir: Path) -> None:
    _, live, _ = play(data_dir, [(8, "!"), (9, "escape")])
    assert live.recorder.record().pain_marks == ()


def test_j_lists_the_exercises_and_jumps(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(8, "j"), (9, "3")])
    in_order(
        lines,
        [
            "Jump to an exercise (what you did is kept):",
            "1. Cat-Cow, 5 reps: now.",
            "3. Child's Pose, 15 s hold: to come.",
            "Exercise 3 of 3: Child's Pose.",
        ],
    )
    statuses = [e.status for e in live.recorder.record().exercises]
    assert statuses[1] == "skipped" and statuses[2] == "done"


def test_a_number_that_is_no_exercise_is_said_and_nothing_moves(data_dir: Path) -> None:
    lines, live, _ = play(data_dir, [(8, "j"), (9, "9")])
    assert "No exercise 9 to jump to." in lines
    assert [e.status for e in live.recorder.record().exercises] == ["done"] * 3


def test_check_ins_before_and_after_and_easier_next_time(data_dir: Path) -> None:
    typed = [(0, "4"), *((200, t) for t in ("eleven", "3", "stiff", "1-", "9+", "1x", ""))]
    lines, live, coach = play(data_dir, typed, before=True)
    assert "'eleven' is not a whole number from 0 to 10." in lines
    assert "No exercise 9." in lines
    assert "Like 2- or 2+; Enter alone: done." in lines  # the keys' words (one of each)
    assert any(line.startswith("Cat-Cow: easier: ") for line in lines)
    (record,) = coach.newest(1)
    assert (record.pain_before, record.pain_after, record.note) == (4, 3, "stiff")
    assert coach.catalog.stepped("back-pain-relief", "cat-cow", "beginner") is not None


def test_the_keymap_remaps_plain_mode_too(data_dir: Path) -> None:
    config = Config(keymap={"player.skip": "x"})
    lines, live, _ = play(data_dir, [(1, "n"), (2, "x")], config=config)
    assert any("x Next" in line for line in lines if line.startswith("Keys:"))
    assert "Not a key here: n." in lines
    assert live.recorder.record().exercises[0].status == "skipped"


def test_every_player_key_is_named_in_the_keys_line(data_dir: Path) -> None:
    lines, _, _ = play(data_dir, [(1, "q"), (1, "y")])
    keys_line = next(line for line in lines if line.startswith("Keys:"))
    assert keys_line.count(",") == len(PLAYER) - 2  # pause and resume share space


def test_the_end_of_input_ends_the_session_as_stopped_and_saved(data_dir: Path) -> None:
    coach, clock, _, _ = make(data_dir)
    live = coach.start("back-pain-relief", "beginner")

    class Closed(Script):
        def key(self, timeout: float | None) -> str | None:
            self.clock.advance(3)
            raise EOFError

    lines: list[str] = []
    PlainPlayer(coach, live, Closed(clock, []), lines.append, every=10, check_in_before=False).run()
    (record,) = coach.newest(1)
    assert record.status == "stopped" and "Session ended early." in lines or lines


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        (" ", "space"),
        ("+", "plus"),
        ("!", "exclamation_mark"),
        ("\x1b", "escape"),
        ("\x1b[C", "right"),
        ("", "enter"),
        ("\n", "enter"),
        ("Esc", "escape"),
        ("space", "space"),
        (" n ", "n"),
    ],
)
def test_key_names(typed: str, name: str) -> None:
    assert key_name(typed) == name


def test_the_terminal_reader_takes_single_keys_and_sequences_whole() -> None:
    read, write = os.pipe()
    try:
        os.write(write, "n\x1b[C!é".encode())
        source = TerminalSource(read, single=True)
        assert [source.key(0) for _ in range(4)] == ["n", "\x1b[C", "!", "é"]
        assert source.key(0) is None  # nothing more yet: the time ran out
    finally:
        os.close(read)
        os.close(write)


def test_the_terminal_reader_takes_lines_and_ends_at_end_of_input() -> None:
    read, write = os.pipe()
    os.write(write, b"n\n\n7\nlast")
    os.close(write)
    source = TerminalSource(read, single=False)
    try:
        assert [source.key(1), source.key(1), source.line(), source.line()] == [
            "n",
            "",
            "7",
            "last",
        ]
        with pytest.raises(EOFError):
            source.key(1)
    finally:
        os.close(read)


TYPED = st.sampled_from(
    [" ", "n", "p", "s", "+", "m", "j", "!", "q", "y", "e", "t", "2", "7", "", "escape", "x"]
)


@settings(max_examples=12, deadline=None)
@given(typed=st.lists(st.tuples(st.floats(0, 100), TYPED), max_size=14))
def test_any_keys_at_any_times_leave_plain_lines_and_a_saved_record(
    tmp_path_factory: pytest.TempPathFactory, typed: list[tuple[float, str]]
) -> None:
    """The class: whatever is typed, whenever, every line is printable text (no escape, no
    block, braille or box-drawing character), the session ends, and its record is saved."""
    data_dir = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPLE_CONFIG_DIR", str(data_dir / "config"))
        lines, live, coach = play(data_dir, sorted(typed))
    text = "\n".join(lines)
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in text)
    assert live.saved and live.session.snapshot().done
    (record,) = coach.newest(1)
    assert record.status in ("completed", "stopped")


def test_supple_plain_in_the_environment_plays_from_lines_on_a_pipe(tmp_path: Path) -> None:
    """`SUPPLE_PLAIN=1 supple play ROUTINE --every 0` with keys as lines on a pipe: each key and
    Enter; the end of input ends the session, stopped and saved. The real process, its clock
    sped up only 10 times: the keys are read long before the session could end on its own."""
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[2] / "src"
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "SUPPLE_PLAIN": "1",
        "SUPPLE_TIME_SCALE": "10",
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "supple", "play", "back-pain-relief", "--every", "0"],
        input=b"n\n",
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "Exercise 2 of 3: Sphinx." in out and "left." not in out  # --every 0: never
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in out)
    (record,) = (tmp_path / "data" / "sessions").rglob("*.toml")
    assert 'status = "stopped"' in record.read_text()


def test_the_plain_setting_chooses_plain_mode_without_a_terminal(data_dir: Path) -> None:
    """The setting alone (no flag, no variable): `supple play` plays in lines on a pipe."""
    from supple.cli import main

    save_config(Config(plain=True, plain_every="off"), paths.config_file())
    stdin, stdout = sys.stdin, sys.stdout
    read, write = os.pipe()
    os.close(write)  # nothing typed: the end of input at once
    try:
        with os.fdopen(read) as closed, open(os.devnull, "w") as sink:
            sys.stdin, sys.stdout = closed, sink
            assert main(["play", "back-pain-relief"]) == 0
    finally:
        sys.stdin, sys.stdout = stdin, stdout
    (record,) = (data_dir / "sessions").rglob("*.toml")
    assert 'status = "stopped"' in record.read_text()


def test_term_dumb_asks_which_routine_then_the_keys_that_follow_play_it(
    tmp_path: Path,
) -> None:
    """`TERM=dumb supple` on a pipe: the routines numbered, one chosen by its number, then its
    level as home offers it (R1's item 9: it played beginner unasked); the lines after them are
    the session's keys (none is lost to a read-ahead). The level is remembered as home's is."""
    import subprocess

    src = Path(__file__).resolve().parents[2] / "src"
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "TERM": "dumb",
        "SUPPLE_TIME_SCALE": "10",
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
        "SUPPLE_STATE_DIR": str(tmp_path / "state"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "supple"],
        input=b"1\nx\n2\nn\n",
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "1. Back pain relief (back-pain-relief)" in out
    level = "Level: 1 beginner 1 min 35 s, 2 intermediate 3 min 26 s, 3 advanced 6 min 05 s."
    assert out.count(level) == 2  # asked again after `x`, which is no level
    assert "Back pain relief, intermediate: 3 exercises, 3 min 26 s." in out
    assert "Exercise 2 of 3: Sphinx." in out  # the `n` after the choices skipped Cat-Cow
    assert 'level = "intermediate"' in (tmp_path / "state" / "state.toml").read_text()


@pytest.mark.parametrize(
    ("routine", "region"),
    [("overhead-a", "neck, shoulders or arms"), ("back-pain-relief", "your back")],
)
def test_the_check_ins_ask_about_the_routine_s_body_region(
    data_dir: Path, routine: str, region: str
) -> None:
    """An overhead routine's check-ins ask about the neck, shoulders or arms (its program's
    screening); a back routine's about the back."""
    typed = [(0, "2"), (2000, "3"), (2000, ""), (2000, "")]
    lines, _, _ = play(data_dir, typed, routine=routine, before=True, every=600)
    asked = [line for line in lines if line.startswith("How much")]
    assert len(asked) == 2 and all(region in line for line in asked), asked
