"""The safety screening (issue 25, item 3): every sign, no sign, cleared; the file; the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core import screening
from supple.core.screening import SIGN_KEYS, SIGNS, BadScreening, Screening
from supple.system import paths

AT = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def test_unanswered_never_allows_harder() -> None:
    empty = Screening(None, {}, None)
    assert not empty.answered and not empty.allows_harder and not empty.cleared


def test_no_signs_allows_harder() -> None:
    done = screening.answered(frozenset(), 3, AT, None)
    assert done.answered and not done.any_flag and done.allows_harder
    assert set(done.signs) == set(SIGN_KEYS)


@pytest.mark.parametrize("key", SIGN_KEYS)
def test_each_sign_holds_harder_back_until_cleared(key: str, tmp_path: Path) -> None:
    flagged = screening.answered(frozenset({key}), 2, AT, None)
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
    anew = screening.answered(frozenset({key}), 2, AT + timedelta(days=4), again)
    assert not anew.cleared and not anew.allows_harder


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(SIGN_KEYS)), st.one_of(st.none(), st.integers(0, 10)))
def test_any_yes_means_no_harder_and_the_file_round_trips(yes: set[str], pain: int | None) -> None:
    done = screening.answered(frozenset(yes), pain, AT, None)
    assert done.allows_harder == (not yes)
    assert screening.parse(done.to_toml()) == done


def test_unknown_keys_and_bad_values() -> None:
    with pytest.raises(BadScreening):
        screening.answered(frozenset({"nope"}), None, AT, None)
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
    code, out, _ = run(
        capsys, "program", "start", "--yes", "--screening", "bladder_bowel,fall_accident"
    )
    assert code == 0 and "new bladder or bowel trouble; a recent fall" in out
    assert out.index("see a doctor") < out.index("Started")  # said first
    stored, _ = screening.load(paths.data_dir())
    assert stored is not None and {s.key for s in stored.flags} == {
        "bladder_bowel",
        "fall_accident",
    }


def test_every_sign_has_a_question_and_a_stable_key() -> None:
    assert len(SIGNS) == 7 and len(set(SIGN_KEYS)) == 7
    assert all(s.question.endswith("?") and s.key.isidentifier() for s in SIGNS)


def test_cli_advice_says_not_medical_advice_once_at_the_end_on_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "log", "back-pain-relief")[0] == 0  # something measured: advice to give
    code, out, err = run(capsys, "advice")
    assert code == 0 and out.count("not medical advice") == 1 and "medical" not in err
    assert out.strip().splitlines()[-1].startswith("supple is not medical advice")
    assert "Answer the safety questions first (`supple screening`)" in out
