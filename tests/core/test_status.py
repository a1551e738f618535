"""`supple status`: the line for each state, worked out at read time from the summary the coach
keeps; read-only, silent and light (no Textual, no history read), whatever the files say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import status
from supple.coach.coach import Coach
from supple.core import summary as stored
from supple.core.clock import FakeClock
from supple.system import paths
from supple.system.speech import Speaker
from tests.fakes import fake_program, make_session_record

TODAY = date(2026, 12, 1)  # a Tuesday
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
SUPPLE = str(Path(sys.executable).parent / "supple")


def summary(
    day: date = TODAY,
    *,
    streak: int = 0,
    today_counts: bool = False,
    sessions: int = 0,
    program: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A summary as the coach writes it (``day``: the day it was worked out for)."""
    last = day if today_counts else day - timedelta(days=1)
    return {
        "schema": 1,
        "day": day.isoformat(),
        "streak": streak,
        "streak_last": last.isoformat() if streak else None,
        "longest": streak,
        "today_counts": today_counts,
        "last_session": last.isoformat() if sessions else None,
        "sessions": sessions,
        "program": program,
        "morning": [],
        "language": "",
        "clinician": "",
    }


def running(number: int | None, suggested: date | None = None, **more: Any) -> dict[str, Any]:
    nxt = None
    if number is not None:
        nxt = {
            "number": number,
            "week": 4,
            "routine": "lower-back-mobility",
            "title": "Lower back mobility",
            "level": "intermediate",
            "minutes": 10,
            "suggested": suggested.isoformat() if suggested else None,
            "titles": {},
        }
    return {
        "id": "lower-back-6-weeks",
        "title": "Lower back: 6 weeks",
        "started": "2026-11-02",
        "done": (number or 19) - 1,
        "total": 18,
        "tests_due": more.get("tests_due", []),
        "next": nxt,
    }


def line(data: dict[str, Any] | None, today: date = TODAY, **kw: Any) -> str:
    """The line for a summary as its JSON has it (the typed value read from it)."""
    typed = None if data is None else stored.Summary.from_json(data)
    return status.render(typed, today, **kw)


def read(path: Path) -> dict[str, Any] | None:
    """The summary at ``path`` as `supple status` reads it, in its JSON form."""
    typed = stored.read_summary(path)
    return None if typed is None else typed.to_json()


# -- the line for each state ------------------------------------------------------------------


def test_no_summary_no_line() -> None:
    assert line(None) == ""


def test_no_history_yet() -> None:
    assert line(summary()) == "🔥 0"
    assert line(summary(), ascii=True) == "streak 0"


def test_a_streak_kept_from_yesterday() -> None:
    assert line(summary(streak=4, sessions=9)) == "🔥 4"


def test_today_done() -> None:
    data = summary(streak=4, today_counts=True, sessions=9)
    assert line(data) == "🔥 4 ✓"
    assert line(data, ascii=True) == "streak 4 done"


def test_the_next_workout_due() -> None:
    data = summary(streak=4, sessions=9, program=running(11, TODAY))
    assert line(data) == "🔥 4 · due: workout 11"
    assert line(data, ascii=True) == "streak 4 | due: workout 11"


def test_the_next_workout_on_a_later_day() -> None:
    data = summary(streak=1, today_counts=True, sessions=9, program=running(12, date(2026, 12, 3)))
    assert line(data) == "🔥 1 ✓ · next: Thu"
    far = summary(program=running(12, date(2026, 12, 14)))
    assert line(far) == "🔥 0 · next: 14 Dec"


def test_the_program_finished_and_tests_due() -> None:
    data = summary(streak=2, sessions=30, program=running(None))
    assert line(data) == "🔥 2 · program done"
    with_tests = summary(sessions=30, program=running(None, tests_due=["end"]))
    assert line(with_tests, ascii=True) == "streak 0 | program done | tests due"


def test_a_stale_summary_from_days_ago() -> None:
    """Written on Wed 25 Nov after a session (streak 3, today done, next on Fri 27 Nov), read
    on Tue 1 Dec: the streak is over, today has not counted, the workout is due."""
    old = summary(
        date(2026, 11, 25),
        streak=3,
        today_counts=True,
        sessions=9,
        program=running(8, date(2026, 11, 27)),
    )
    assert line(old) == "🔥 0 · due: workout 8"
    # Read the next day (Thu 26 Nov): the streak holds until today ends, today is not done.
    assert line(old, date(2026, 11, 26)) == "🔥 3 · next: Fri"
    # Read the same day it was written: as written.
    assert line(old, date(2026, 11, 25)) == "🔥 3 ✓ · next: Fri"


def test_a_summary_from_the_future_does_not_claim_a_streak() -> None:
    ahead = summary(date(2026, 12, 5), streak=6, today_counts=True, sessions=9)
    assert line(ahead) == "🔥 0"


# -- --ascii and --format ---------------------------------------------------------------------


def test_ascii_is_only_ascii_even_with_a_title_that_is_not() -> None:
    program = running(11, TODAY)
    program["next"]["title"] = "Rücken — sanft 🌿"
    data = summary(streak=4, today_counts=True, sessions=9, program=program)
    for template in (None, "{workout} {today} {line}"):
        text = line(data, ascii=True, template=template)
        assert text and text.isascii()
    assert line(data, ascii=True, template="{workout}") == (
        "Workout 11 of 18 - Ruecken - sanft ?, intermediate, 10 min"
    )


def test_format_fields() -> None:
    data = summary(streak=4, today_counts=True, sessions=9, program=running(11, TODAY))
    template = "{streak}|{today}|{due}|{next}|{number}|{total}|{tests}|{workout}"
    assert line(data, template=template) == (
        "4|✓|workout 11|today|11|18||Workout 11 of 18 — Lower back mobility, intermediate, 10 min"
    )
    later = summary(streak=4, sessions=9, program=running(12, date(2026, 12, 3)))
    assert line(later, template="{streak:>3}d {due}{next}") == "  4d Thu"
    assert line(later, template="[{line}]") == "[🔥 4 · next: Thu]"
    assert line(summary(), template="{due}{next}{workout}{number}{total}") == ""


def test_format_fields_are_in_the_docs() -> None:
    # the status line's fields are documented with the command line, which the README links
    page = (Path(__file__).resolve().parents[2] / "docs" / "command-line.md").read_text()
    for name in status.FIELDS:
        assert f"`{{{name}}}`" in page


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{streek}", "unknown field {streek}"),
        ("{}", "unknown field {}"),
        ("{0}", "unknown field {0}"),
        ("{streak", "--format:"),
        ("{streak.real}", "unknown field {streak.real}"),
        ("{streak:{due}}", "not supported"),
    ],
)
def test_a_mistyped_format_is_said_on_stderr_with_exit_2(
    capsys: pytest.CaptureFixture[str], template: str, said: str
) -> None:
    assert status.main(["--format", template], today=TODAY) == 2
    out, err = capsys.readouterr()
    assert out == "" and said in err and err.count("\n") == 1


def test_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert status.main(["--help"]) == 0
    out, err = capsys.readouterr()
    assert "--format" in out and "{streak}" in out and err == ""
    assert status.main(["--colour"]) == 2
    assert "unknown argument '--colour'" in capsys.readouterr().err
    assert status.main(["--format"]) == 2
    assert "--format needs a template" in capsys.readouterr().err
    assert status.main(["--format={streak}", "--ascii"]) == 0  # no summary: no line
    assert capsys.readouterr() == ("", "")


def test_escape_codes_in_a_title_never_reach_the_terminal() -> None:
    program = running(11, TODAY)
    program["next"]["title"] = "Back\x1b]0;pwned\x07\nmore"
    text = line(summary(program=program), template="{workout}")
    assert "\x1b" not in text and "\n" not in text and "\x07" not in text


# -- the coach keeps the summary ----------------------------------------------------------


def make_coach(data_dir: Path, clock: FakeClock) -> Coach:
    return Coach.from_environment(
        clock=clock, now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )


def test_the_coach_writes_the_summary_after_a_session(data_dir: Path) -> None:
    fake_program(data_dir, NOW, workouts=10)  # the tenth two days ago, on Sun 29 Nov
    clock = FakeClock(0.0)
    coach = make_coach(data_dir, clock)
    assert coach.status.path == paths.state_dir() / "status.json"
    coach.history()
    before = read(coach.status.path)
    assert before is not None and before["day"] == "2026-12-01"
    assert line(before) == "🔥 0 · due: workout 11"
    program = before["program"]
    minutes = max(1, round(coach.catalog.seconds("lower-back-mobility", "intermediate") / 60))
    assert program["next"] == {
        "number": 11,
        "week": 4,
        "routine": "lower-back-mobility",
        "title": "Lower back mobility",
        "level": "intermediate",
        "minutes": minutes,
        "suggested": "2026-12-01",
        # the title in every language its file has: the line reads the reader's
        "titles": {
            "en": "Lower back mobility",
            "de": "Beweglichkeit für den unteren Rücken",
            "es": "Movilidad de la zona lumbar",
        },
    }
    assert (program["done"], program["total"], program["tests_due"]) == (10, 18, [])

    live = coach.start("lower-back-mobility", "intermediate")
    live.open()
    clock.advance(coach.catalog.seconds("lower-back-mobility", "intermediate") + 1)
    assert live.frame().finished and live.saved
    coach.session_ended(live)
    coach.history()  # what the app does next (the summary screen, home)
    after = read(coach.status.path)
    assert after is not None
    assert after["today_counts"] is True and after["streak"] == 1 and after["sessions"] == 11
    assert after["program"]["done"] == 11 and after["program"]["next"]["number"] == 12
    # Workout 11 today: the next after a rest day, Thu 3 Dec.
    assert after["program"]["next"]["suggested"] == "2026-12-03"
    assert line(after) == "🔥 1 ✓ · next: Thu"
    assert line(after, date(2026, 12, 3)) == "🔥 0 · due: workout 12"


def test_the_summary_is_rewritten_only_when_it_changes(data_dir: Path) -> None:
    coach = make_coach(data_dir, FakeClock(0.0))
    coach.history()
    first = coach.status.path.stat().st_mtime_ns
    json.loads(coach.status.path.read_text())  # plain JSON
    assert coach.status.path.stat().st_mode & 0o777 == 0o600
    make_coach(data_dir, FakeClock(0.0)).history()  # read again, as the next run does
    assert coach.status.path.stat().st_mtime_ns == first
    assert not coach.status.keep(coach.history())


def test_a_summary_that_cannot_be_written_costs_nothing(data_dir: Path) -> None:
    paths.state_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.state_dir().write_text("a file where the folder should be")
    coach = make_coach(data_dir, FakeClock(0.0))
    HistoryStore = coach.store  # noqa: N806 - the store the coach reads
    HistoryStore.save(make_session_record(NOW), HistoryStore.path_for("back-pain-relief", NOW))
    assert len(coach.history().records) == 1
    assert coach.take_notices() == []


# -- `supple status` in a process of its own --------------------------------------------------


def tree(root: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(p.relative_to(root)), p.stat().st_mtime_ns, p.stat().st_size if p.is_file() else 0)
        for p in root.rglob("*")
        if not p.is_fifo()
    )


def run_status(*args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), SUPPLE, "status"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=os.environ.copy(), check=False
    )


def write(data: object) -> Path:
    target = paths.state_dir() / "status.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data))
    return target


def test_the_command_reads_the_summary_imports_nothing_heavy_and_writes_nothing(
    tmp_path: Path,
) -> None:
    today = date.today()
    write(summary(today, streak=4, sessions=9, program=running(11, today)))
    before = tree(tmp_path)
    result = run_status(importtime=True)
    assert result.returncode == 0
    assert result.stdout == "🔥 4 · due: workout 11\n"
    imported = {row.rsplit("|", 1)[-1].strip() for row in result.stderr.splitlines()}
    assert "supple.cli.status" in imported
    heavy = {"textual", "argparse", "supple.core.routine", "supple.core.history", "tomlkit"}
    assert not imported & heavy
    assert not [m for m in imported if m.startswith(("textual", "supple.coach", "icalendar"))]
    assert tree(tmp_path) == before
    ascii = run_status("--ascii", "--format", "{streak}/{due}")
    assert (ascii.returncode, ascii.stdout, ascii.stderr) == (0, "4/workout 11\n", "")


def test_the_command_in_a_non_utf8_terminal_falls_back_to_ascii() -> None:
    write(summary(date.today(), streak=4, sessions=9))
    result = subprocess.run(
        [sys.executable, SUPPLE, "status"],
        capture_output=True,
        env=os.environ | {"PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"streak 4\n", b"")


def test_no_folders_at_all_no_line_no_folder_made(tmp_path: Path) -> None:
    before = tree(tmp_path)
    result = run_status()
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert tree(tmp_path) == before
    assert not paths.state_dir().exists() and not paths.data_dir().exists()


BROKEN: dict[str, Any] = {
    "not json": "{not json",
    "huge": "[" * (2 * 1024 * 1024),
    "deep": "[" * 60_000 + "]" * 60_000,
    "a list": "[1, 2, 3]",
    "schema 2": json.dumps({**summary(), "schema": 2}),
    "wrong types": json.dumps(
        {
            "schema": 1,
            "day": 5,
            "streak": "many",
            "streak_last": [],
            "today_counts": "yes",
            "program": {"next": {"number": "x", "suggested": 3, "minutes": True}, "total": []},
        }
    ),
    "bad dates": json.dumps({**summary(streak=3), "streak_last": "2026-13-45", "day": "today"}),
    "odd program": json.dumps({**summary(), "program": {"next": {"number": 3, "title": 7}}}),
    "not utf-8": b"\xff\xfe{}",
    "empty": "",
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_summary_gives_no_traceback_and_nothing_on_stderr(
    tmp_path: Path, kind: str
) -> None:
    target = paths.state_dir() / "status.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    content = BROKEN[kind]
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content)
    before = tree(tmp_path)
    result = run_status()
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout in ("", "🔥 0\n", "🔥 0 · program done\n") or kind == "odd program"
    assert tree(tmp_path) == before


@pytest.mark.parametrize("kind", ["folder", "fifo", "unreadable", "state is a file"])
def test_a_summary_that_is_not_a_file_gives_no_line(tmp_path: Path, kind: str) -> None:
    target = paths.state_dir() / "status.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "unreadable":
        target.write_text(json.dumps(summary(streak=2)))
        target.chmod(0)
    else:
        target.parent.rmdir()
        target.parent.write_text("not a folder")
    result = subprocess.run(
        [sys.executable, SUPPLE, "status"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
        timeout=20,  # a FIFO must not block the prompt
    )
    assert (result.returncode, result.stderr) == (0, "")
    if kind != "unreadable" or os.geteuid() != 0:  # root reads a 0000 file
        assert result.stdout == ""


def test_read_summary_in_process() -> None:
    assert stored.read_summary(paths.state_dir() / "status.json") is None
    target = write(summary(streak=2))
    assert read(target) == summary(streak=2)
    target.write_text(" " * (stored.MAX_BYTES + 1))
    assert stored.read_summary(target) is None


def test_the_parsed_command_reaches_the_same_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`supple status` never builds the parser; were it parsed, it would print the same line
    (and never open the app)."""
    from supple.cli import _dispatch, build_parser, main

    write(summary(date.today(), streak=3))
    assert main(["status", "--ascii"]) == 0
    fast = capsys.readouterr().out
    assert _dispatch(build_parser().parse_args(["status", "--ascii"])) == 0
    assert capsys.readouterr().out == fast == "streak 3\n"
    assert "status" in build_parser().format_help()


def test_history_and_stats_do_not_load_the_program_for_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only a session (which asks for the program) moves it: `supple history` keeps the
    summary's program part rather than loading the program and catalog for it."""
    from supple.cli import main

    assert main(["program", "start"]) == 0  # the line follows the start at once
    written = json.loads((paths.state_dir() / "status.json").read_text())
    assert written["program"]["next"]["number"] == 1
    capsys.readouterr()

    def no(*_: object) -> None:
        raise AssertionError("the program was loaded")

    from supple.coach.program import ProgramService

    monkeypatch.setattr(ProgramService, "load", no)
    assert main(["history"]) == 0
    again = json.loads((paths.state_dir() / "status.json").read_text())
    assert again["program"] == written["program"]


@pytest.mark.parametrize(
    "args",
    [[], ["--ascii"], ["--format", "{streak}"], ["--format={due}"], ["--ascii", "--format", "x"]],
)
def test_the_fast_path_and_the_parser_accept_the_same_options(args: list[str]) -> None:
    """The status line's options are declared once (status.OPTIONS); the fast path parses them
    itself, the CLI's parser from that declaration: both read the same arguments alike."""
    from supple.cli import build_parser

    parsed = build_parser().parse_args(["status", *args])
    assert status.parse_args(args) == (parsed.ascii, parsed.format)
    assert {o for o in status.OPTIONS} == {"--ascii", "--format"}
    for option in status.OPTIONS:
        assert option in status.usage()


def test_an_unknown_option_is_refused_by_both() -> None:
    from supple.cli import build_parser

    assert isinstance(status.parse_args(["--colour"]), str)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["status", "--colour"])


# -- format specs: ASCII digits, a capped width -----------------------------------------------

_SPEC_CHARS = st.sampled_from(list("<>^=+- 0#,_.sdx%1239") + ["٣", "１", "²", "\x1b", "\u202e"])


@settings(max_examples=300, deadline=None)
@given(spec=st.text(_SPEC_CHARS, max_size=8), width=st.integers(0, 10**9))
def test_every_format_spec_is_taken_within_the_cap_or_refused_in_words(
    spec: str, width: int
) -> None:
    """Any spec (and any width): either the line renders, ASCII-digit widths at most
    MAX_WIDTH wide, or check_template says what is wrong; never an exception, a Unicode digit
    read as a number, or a line wider than the cap."""
    for candidate in (spec, f">{width}", f"<{width}.{width}", f"{spec}{width}"):
        template = "{streak:" + candidate + "}"
        problem = status.check_template(template)
        if problem is not None:
            assert problem.startswith("--format:") and "\n" not in problem
            continue
        assert all(c in "0123456789" or not c.isdigit() for c in candidate[1:])
        text = line(summary(program=running(11, TODAY)), template=template)
        assert len(text) <= status.MAX_WIDTH
        assert text.isprintable()


@pytest.mark.parametrize(
    ("spec", "said"),
    [(">٣", "digits 0-9"), (">300000000", "wider than 200"), (">１０", "digits 0-9"), ("=5", "")],
)
def test_a_spec_with_foreign_digits_or_too_wide_is_said_with_exit_2(
    capsys: pytest.CaptureFixture[str], spec: str, said: str
) -> None:
    assert status.main(["--format", "{streak:" + spec + "}"], today=TODAY) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1 and "\x1b" not in err
