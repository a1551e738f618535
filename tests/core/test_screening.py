"""The safety screening (issue 25, item 3): every sign, no sign, cleared; the file; the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core import screening
from supple.core.screening import (
    CHECKLISTS,
    LOW_BACK,
    OVERHEAD,
    SIGN_KEYS,
    SIGNS,
    BadScreening,
    Checklist,
    Screening,
)
from supple.system import paths

AT = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def test_unanswered_never_allows_harder() -> None:
    empty = Screening(None, {}, None)
    assert not empty.answered and not empty.allows_harder and not empty.cleared


def test_no_signs_allows_harder() -> None:
    done = screening.answered(frozenset(), 3, AT, None)
    assert done.answered and not done.any_flag and done.allows_harder
    assert set(done.signs) == set(LOW_BACK.keys)


ASKED = [(c, key) for c in CHECKLISTS for key in c.keys]


@pytest.mark.parametrize(("asked", "key"), ASKED, ids=[k for _, k in ASKED])
def test_each_sign_holds_harder_back_until_cleared(
    asked: Checklist, key: str, tmp_path: Path
) -> None:
    flagged = screening.answered(frozenset({key}), 2, AT, None, asked)
    assert flagged.any_flag and not flagged.allows_harder
    assert [s.key for s in flagged.flags] == [key]
    screening.save(tmp_path, flagged)
    read, problem = screening.load(tmp_path)
    assert problem is None and read is not None and read.flags == flagged.flags
    cleared = screening.cleared(read, AT + timedelta(days=3))
    assert cleared.cleared and cleared.allows_harder
    screening.save(tmp_path, cleared)
    again, _ = screening.load(tmp_path)
    assert again is not None and again.allows_harder
    # Answering again with a sign asks for clearing again.
    anew = screening.answered(frozenset({key}), 2, AT + timedelta(days=4), again, asked)
    assert not anew.cleared and not anew.allows_harder


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(LOW_BACK.keys)), st.integers(0, 10))
def test_any_yes_means_no_harder_and_the_file_round_trips(yes: set[str], pain: int) -> None:
    done = screening.answered(frozenset(yes), pain, AT, None)
    assert done.allows_harder == (not yes)
    assert screening.parse(done.to_toml()) == done


@settings(max_examples=60, deadline=None)
@given(
    st.sets(st.sampled_from(LOW_BACK.keys)),
    st.sets(st.sampled_from(OVERHEAD.keys)),
    st.booleans(),
)
def test_a_flag_of_either_checklist_stands_until_cleared(
    back: set[str], overhead: set[str], clear_between: bool
) -> None:
    """Both checklists live in one file; a yes in either holds harder back and stops a
    program; a clearing carries over only an answer with no new yes."""
    first = screening.answered(frozenset(back), 2, AT, None, LOW_BACK)
    if clear_between:
        first = screening.cleared(first, AT + timedelta(hours=1))
    both = screening.answered(frozenset(overhead), 3, AT + timedelta(days=1), first, OVERHEAD)
    assert both.answered_for(LOW_BACK) and both.answered_for(OVERHEAD)
    assert {s.key for s in both.flags} == back | overhead
    cleared_still = clear_between and not overhead
    assert both.flag_stands == bool(overhead or (back and not cleared_still))
    assert both.allows_harder == (not both.flag_stands)
    assert screening.parse(both.to_toml()) == both


def test_answers_without_the_usual_pain_are_refused() -> None:
    for asked in CHECKLISTS:
        with pytest.raises(BadScreening, match="usual pain"):
            screening.answered(frozenset(), None, AT, None, asked)
    with pytest.raises(BadScreening):  # another checklist's sign
        screening.answered(frozenset({"arm_weakness"}), 2, AT, None, LOW_BACK)


def test_an_older_file_stays_readable() -> None:
    """A file written before the overhead questions (and before usual pain was required)."""
    old = {"schema": 1, "answered_at": AT, **dict.fromkeys(LOW_BACK.keys, False)}
    read = screening.parse(old)
    assert read.answered and read.answered_for(LOW_BACK) and not read.answered_for(OVERHEAD)
    assert read.usual_pain is None and read.allows_harder


def test_unknown_keys_and_bad_values() -> None:
    with pytest.raises(BadScreening):
        screening.answered(frozenset({"nope"}), 2, AT, None)
    with pytest.raises(BadScreening):
        screening.answered(frozenset(), 11, AT, None)
    with pytest.raises(BadScreening):
        screening.parse({"schema": 1, "night_pain": "yes"})
    kept = screening.parse({"schema": 1, "future_key": [1, 2]})
    assert kept.to_toml()["future_key"] == [1, 2]


def test_a_broken_file_is_said_and_left(tmp_path: Path) -> None:
    (tmp_path / screening.FILE_NAME).write_text("not = [toml")
    found, problem = screening.load(tmp_path)
    assert found is None and problem


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_answers_clears_and_shows(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "screening", "--show")
    assert code == 0 and "has not been answered" in out and "not medical advice" in out
    code, out, _ = run(capsys, "screening", "--answer", "night_pain", "--usual-pain", "4")
    assert code == 0 and "see a doctor or physiotherapist" in out
    assert "constant pain at night" in out
    stored, _ = screening.load(paths.data_dir())
    assert stored is not None and stored.usual_pain == 4 and not stored.allows_harder
    code, out, _ = run(capsys, "screening", "--cleared")
    assert code == 0 and "cleared you" in out
    stored, _ = screening.load(paths.data_dir())
    assert stored is not None and stored.allows_harder
    assert oct((paths.data_dir() / screening.FILE_NAME).stat().st_mode & 0o777) == "0o600"


def test_cli_refuses_an_unknown_sign(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["screening", "--answer", "headache"])
    assert exit_.value.code == 2
    assert "not no-signs nor a warning sign" in capsys.readouterr().err


def test_program_start_takes_the_answers_or_says_harder_waits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "program", "start", "--date", "2026-11-02")
    assert code == 0 and "has not been answered" in err  # no terminal: it starts, and says so
    code, out, err = run(
        capsys, "program", "start", "--yes", "--screening", "bladder_bowel,fall_accident"
    )
    assert code == 1 and "usual pain is needed" in err  # the answers are all or nothing
    code, out, err = run(
        capsys,
        "program",
        "start",
        "--yes",
        "--screening",
        "bladder_bowel,fall_accident",
        "--usual-pain",
        "3",
    )
    assert code == 1 and "new bladder or bowel trouble; a recent fall" in out
    assert "Started" not in out and "not started" in err  # a warning sign: no program
    stored, _ = screening.load(paths.data_dir())
    assert stored is not None and {s.key for s in stored.flags} == {
        "bladder_bowel",
        "fall_accident",
    }


def test_every_sign_has_a_question_and_a_stable_key() -> None:
    assert len(SIGNS) == 7 and len(set(SIGN_KEYS)) == len(SIGN_KEYS) == 13
    assert all(s.question.endswith("?") and s.key.isidentifier() for s in screening.ALL_SIGNS)


def test_each_program_declares_its_checklist(capsys: pytest.CaptureFixture[str]) -> None:
    from supple.cli.command import coach

    service = coach().program_service
    declared = {i: service.load(i).screening for i in service.ids()}
    assert declared == {"lower-back-6-weeks": "low-back", "overhead-6-weeks": "overhead"}


def test_cli_advice_says_not_medical_advice_once_at_the_end_on_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "log", "back-pain-relief")[0] == 0  # something measured: advice to give
    code, out, err = run(capsys, "advice")
    assert code == 0 and out.count("not medical advice") == 1 and "medical" not in err
    assert out.strip().splitlines()[-1].startswith("supple is not medical advice")
    assert "Answer the safety questions first (`supple screening`)" in out


@pytest.mark.parametrize(
    "args",
    [
        ["play", "back-pain-relief"],
        ["play", "back-pain-relief", "--plain"],
        ["play", "--exercise", "cat-cow"],
        ["build", "--minutes", "5", "--focus", "hips", "--play"],
        ["program", "start", "--yes"],
        ["program", "start", "overhead-6-weeks"],
    ],
    ids=" ".join,
)
def test_a_warning_sign_starts_nothing_from_the_command_line(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command that starts a session or a program, with a warning sign standing and no
    one on standard input to ask: nothing starts, and the person is told why (the app's own
    terminal check passed, so the refusal is the warning sign's)."""
    monkeypatch.setattr("supple.cli.app.has_terminal", lambda: True)
    both = frozenset({"weight_loss"}), frozenset({"hot_swollen_joint"})
    first = screening.answered(both[0], 2, AT, None, LOW_BACK)
    screening.save(paths.data_dir(), screening.answered(both[1], 2, AT, first, OVERHEAD))
    code, out, err = run(capsys, *args)
    assert code == 1, (out, err)
    assert "not started" in err and "Started" not in out
    assert not list(paths.data_dir().glob("sessions/**/*.toml"))
    assert not (paths.data_dir() / "program.toml").exists()


def test_the_terminal_questions_wait_for_yes_or_no(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`supple screening` on a terminal: Enter alone answers nothing (asked again), and the
    program's own questions are asked."""
    import io

    typed = iter(["", "maybe", "n", *["n"] * 5, "", "2"])
    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    code, out, _ = run(capsys, "screening", "--program", "overhead-6-weeks")
    assert code == 0 and out.count("Please answer y (yes) or n (no).") == 2
    assert "[y/n]" not in out  # the prompts go to input(), the retries are printed
    saved, _ = screening.load(paths.data_dir())
    assert saved is not None and saved.answered_for(OVERHEAD) and saved.usual_for("overhead") == 2
    assert not saved.answered_for(LOW_BACK) and not saved.any_flag


@pytest.mark.parametrize(
    ("language", "typed", "goes"),
    [
        ("en", "", False),
        ("en", "n", False),
        ("en", "maybe", False),
        ("en", "y", True),
        ("en", "YES", True),
        ("de", "", False),
        ("de", "nein", False),
        ("de", "j", True),
        ("de", "ja", True),
        ("es", "", False),
        ("es", "sí", True),
    ],
)
def test_exercise_anyway_on_the_command_line_says_no_unless_typed_yes(
    language: str,
    typed: str,
    goes: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`supple play` while a warning sign stands: Enter alone (and anything but a yes word of
    the language) starts nothing; the prompt shows N as the default."""
    import io

    from supple import i18n

    screening.save(paths.data_dir(), screening.answered(frozenset({"weight_loss"}), 2, AT, None))
    i18n.choose(language)
    asked: list[str] = []

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return typed

    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    played: list[str] = []
    monkeypatch.setattr(
        "supple.cli.plain_terminal.run_plain", lambda *args: played.append("played") or 0
    )
    code, _, _ = run(capsys, "play", "back-pain-relief", "--plain")
    assert len(asked) == 1 and "/N]" in asked[0], asked
    assert (played == ["played"]) == goes and code == (0 if goes else 1)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10), st.integers(0, 10), st.booleans())
def test_each_region_keeps_its_own_usual_pain(back: int, upper: int, back_first: bool) -> None:
    """The overhead answers never overwrite the back's usual pain (nor the other way round),
    whichever is answered first; the file keeps both, the back's under the old key."""
    from supple.core.screening import parse

    first, second = (LOW_BACK, back), (OVERHEAD, upper)
    if not back_first:
        first, second = second, first
    one = screening.answered(frozenset(), first[1], AT, None, first[0])
    both = screening.answered(frozenset(), second[1], AT, one, second[0])
    assert (both.usual_for("low-back"), both.usual_for("overhead")) == (back, upper)
    data = both.to_toml()
    assert (data["usual_pain"], data["usual_pain_overhead"]) == (back, upper)
    assert parse(data) == both and parse(data).pains == both.pains


def test_an_older_file_s_usual_pain_is_the_back_s() -> None:
    from supple.core.screening import parse

    old = parse({"schema": 1, "answered_at": AT, "usual_pain": 4, "night_pain": False})
    assert old.usual_for("low-back") == 4 and old.usual_for("overhead") is None


@pytest.mark.parametrize(
    ("areas", "region"),
    [
        (("neck", "shoulders"), "overhead"),
        (("upper-back", "wrists"), "overhead"),
        (("lower-back", "hips"), "low-back"),
        (("neck", "hips"), "low-back"),  # both regions: the back's
        ((), "low-back"),
    ],
)
def test_a_routine_s_areas_name_its_region(areas: tuple[str, ...], region: str) -> None:
    from supple.core.screening import for_areas

    assert for_areas(areas).id == region
