"""While a warning sign stands, nothing names a workout (docs/safety.md): every place that would
name the program's next one — `supple program`, the status line and each of its ``--format``
fields, the reminder's notification, the program screen's Next panel — says to see a clinician
first instead, in the one sentence declared for it (``core.screening.see_first``); with no sign,
or once cleared, each names the workout again. And `supple program start` refuses before it
asks anything."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.cli import main, status
from supple.cli.command import coach as Coach
from supple.core import screening
from supple.core.nudge import RemindSettings
from supple.core.screening import LOW_BACK, OVERHEAD, SEE_FIRST, SEE_FIRST_URGENT, Screening
from supple.system import paths, reminders
from tests.fakes import fake_program
from tests.test_reminders import FakeRunner, places_for

NOW = datetime.now().astimezone()
FIELDS = "|".join("{" + name + "}" for name in status.FIELDS)


@pytest.fixture
def running_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten workouts done, the eleventh due; reminders all day; a desktop to notify on."""
    places = places_for(tmp_path / "home")
    monkeypatch.setattr(reminders, "default_runner", lambda: FakeRunner())
    monkeypatch.setattr(reminders, "places", lambda: places)
    places.runtime_dir.mkdir(parents=True)
    (places.runtime_dir / "bus").touch()
    reminders.save_settings(
        Path(os.environ["SUPPLE_CONFIG_DIR"]) / "remind.toml",
        RemindSettings(on=True, at=(600,), hours=(0, 1440), scheduler="systemd"),
    )
    fake_program(paths.data_dir(), NOW, workouts=10, points=1)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def answers(back: frozenset[str], overhead: frozenset[str], cleared: bool) -> Screening:
    """Both checklists answered (``back`` and ``overhead`` the yes), cleared after or not."""
    first = screening.answered(back, 2, NOW - timedelta(days=1), None, LOW_BACK)
    both = screening.answered(overhead, 2, NOW - timedelta(days=1), first, OVERHEAD)
    return screening.cleared(both, NOW) if cleared else both


def every_place(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """What each place says now: the program view, the status line and its fields (after the
    program view kept the summary), the reminder's notification, the app's Next panel."""
    from supple.tui.screens.program_next import next_text

    places = {"program": run(capsys, "program")[1]}
    for mode in ([], ["--ascii"]):
        status.main([*mode, "--format", FIELDS], now=NOW)
        places["status " + " ".join(mode)] = capsys.readouterr().out
    places["nudge"] = run(capsys, "nudge", "--dry-run")[1]
    coach = Coach()
    view = coach.program()
    assert view is not None
    places["next panel"] = next_text(coach, view).plain
    return places


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    back=st.frozensets(st.sampled_from(LOW_BACK.keys)),
    overhead=st.frozensets(st.sampled_from(OVERHEAD.keys)),
    cleared=st.booleans(),
)
def test_a_standing_sign_names_no_workout_anywhere(
    running_program: None,
    capsys: pytest.CaptureFixture[str],
    back: frozenset[str],
    overhead: frozenset[str],
    cleared: bool,
) -> None:
    found = answers(back, overhead, cleared)
    screening.save(paths.data_dir(), found)
    said = every_place(capsys)
    words = SEE_FIRST_URGENT if found.urgent else SEE_FIRST
    for place, text in said.items():
        if found.flag_stands:
            assert words in text, place
            assert "orkout 11" not in text and "Lower back mobility" not in text, place
            assert "tests due" not in text and "Suggested" not in text, place
        else:
            assert "orkout 11" in text, place
            assert SEE_FIRST not in text and SEE_FIRST_URGENT not in text, place
    fields = said["status "].rstrip("\n").split("|")
    named = dict(zip(status.FIELDS, fields, strict=True))
    if found.flag_stands:  # the workout's own fields are empty; {workout} holds the words
        assert named["workout"] == words
        assert named["due"] == named["next"] == named["number"] == named["tests"] == ""
        assert words in named["line"]


def test_the_status_line_follows_the_screening_at_once(
    running_program: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Answering or clearing rewrites the summary: the line changes with no history read."""
    run(capsys, "program")  # the summary, with workout 11 due
    line = lambda: (status.main([], now=NOW), capsys.readouterr().out)[1]  # noqa: E731
    assert "due: workout 11" in line()
    run(capsys, "screening", "--answer", "night_pain", "--usual-pain", "2")
    assert SEE_FIRST in line() and "workout" not in line()
    run(capsys, "screening", "--cleared")
    assert "due: workout 11" in line()


def test_a_notification_with_a_sign_offers_no_start(running_program: None) -> None:
    screening.save(paths.data_dir(), answers(frozenset({"night_pain"}), frozenset(), False))
    decision = Coach().nudge(desktop=True)
    assert decision.notify and decision.message.startswith(SEE_FIRST)
    assert decision.routine is None and decision.level is None  # no Start button to a workout


def test_program_start_refuses_first_and_asks_nothing(
    running_program: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program runs and a sign stands: refused before the restart question (which, asked,
    would fail the test), with the files as they were."""

    def asked(_: str) -> bool:
        raise AssertionError("a question was asked")

    monkeypatch.setattr("supple.cli.program.ask", asked)
    monkeypatch.setattr("supple.cli.safety.ask_screening", asked)
    screening.save(paths.data_dir(), answers(frozenset({"weight_loss"}), frozenset(), False))
    before = (paths.data_dir() / "program.toml").read_bytes()
    code, out, err = run(capsys, "program", "start")
    assert code == 1 and "not started" in err and "Started" not in out
    assert (paths.data_dir() / "program.toml").read_bytes() == before
    # A yes given as an argument is saved and said, then refused: still nothing asked.
    code, out, err = run(
        capsys, "program", "start", "--screening", "fall_accident", "--usual-pain", "3"
    )
    assert code == 1 and "recent fall" in out and "not started" in err
    assert (paths.data_dir() / "program.toml").read_bytes() == before
