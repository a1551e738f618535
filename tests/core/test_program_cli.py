"""`supple program`, `supple program start`, `supple test record/list`, and the stored files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.program import load_program
from supple.core.program_store import ProgramStore
from supple.core.routine import load_catalog
from supple.system import paths

UTC = UTC


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_not_started_then_started_then_results(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "program", "--json")
    status = json.loads(out)
    assert code == 0 and status["started"] is None and status["done"] == 0
    assert status["total"] == 18 and status["tests_due"] == []
    code, out, _ = run(capsys, "program", "start", "--date", "2026-11-02")
    assert code == 0 and "Mon 02 Nov 2026" in out
    for test, value in [
        ("toe-touch", "12"),
        ("thomas-gap", "6"),
        ("press-up", "20"),
        ("superman-hold", "35"),
        ("bridge-hold", "60.5"),
    ]:
        code, out, _ = run(capsys, "test", "record", test, value)
        assert code == 0 and "(start)" in out
    status = json.loads(run(capsys, "program", "--json")[1])
    assert status["started"] == "2026-11-02"
    assert [t["start"] for t in status["tests"]] == [12, 6, 20, 35, 60.5]
    assert status["tests_due"] == [] and status["next"]["number"] == 1
    for f in (paths.data_dir() / "tests").rglob("*.toml"):
        assert f.stat().st_mode & 0o777 == 0o600


def test_bad_values_are_refused_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "test", "record", "toe-touch", "250")
    assert code == 2 and "250 cm is outside -40–100 cm" in err
    code, _, err = run(capsys, "test", "record", "toe-tuch", "5")
    assert code == 2 and "no test 'toe-tuch'" in err and "toe-touch" in err


def test_results_are_read_as_people_type_them(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "program", "start", "--date", "2026-11-02")
    for test, typed, saved in [
        ("toe-touch", "2,5", 2.5),  # once 25: the comma was dropped
        ("thomas-gap", " 8,5 cm ", 8.5),
        ("press-up", "20.25cm", 20.25),
        ("superman-hold", "35 s", 35),
        ("bridge-hold", "1:30", 90),
    ]:
        code, out, err = run(capsys, "test", "record", test, typed)
        assert code == 0, err
        assert f": {saved:g} " in out
    status = json.loads(run(capsys, "program", "--json")[1])
    assert [t["start"] for t in status["tests"]] == [2.5, 8.5, 20.25, 35, 90]
    for typed, words in [
        ("8,5 kg", "'8,5 kg': read 8.5, then 'kg': expected a number in centimetres"),
        ("\uff11\uff12", "type the digits 0-9"),
        ("1:30", "minutes:seconds is for a time, not centimetres"),
    ]:
        code, _, err = run(capsys, "test", "record", "toe-touch", typed, "--point", "start")
        assert code == 2 and words in err


def test_test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", "list")
    assert code == 0 and out.count("is better") == 5


def test_broken_result_and_state_files_are_quarantined(capsys: pytest.CaptureFixture[str]) -> None:
    history = HistoryStore(paths.data_dir())
    store = ProgramStore(history)
    program = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))
    store.record("toe-touch", 10, "start", datetime(2026, 11, 2, tzinfo=UTC))
    bad = store.results_dir / "2026" / "bad.toml"
    bad.write_text('schema = 1\ntest = "toe-touch"\nvalue = 900\npoint = "start"\n')
    store.state_path.write_text("schema = 1\nstarted = 'soon'\n")
    loaded = store.results(program)
    assert [r.value for r in loaded.results] == [10]
    assert "value: 900 cm is outside" in loaded.quarantined[0].reason
    state, broken = store.state()
    assert state is None and broken is not None and "started" in broken.reason
    assert (history.quarantine_dir / "program.toml").exists()


def test_workouts_count_from_the_history(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.fakes import make_session_record

    run(capsys, "program", "start", "--date", "2026-11-02")
    store = HistoryStore(paths.data_dir())
    at = datetime(2026, 11, 2, 8, tzinfo=UTC)
    for n in range(2):
        day = at + timedelta(days=2 * n)
        store.save(
            make_session_record(day, routine="lower-back-mobility", title="Lower back mobility"),
            store.path_for("lower-back-mobility", day),
        )
    status = json.loads(run(capsys, "program", "--json")[1])
    assert status["done"] == 2 and status["next"]["number"] == 3
    assert [w["session"] for w in status["workouts"]] == [
        "2026-11-02T08:00:00+00:00",
        "2026-11-04T08:00:00+00:00",
    ]


def test_a_restart_asks_as_the_app_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`program start` on a running program asks on a terminal; with none on standard input it
    refuses without --yes (exit 2, saying so); the next step names only the tests still due."""
    import io

    state = paths.data_dir() / "program.toml"
    assert (
        run(capsys, "screening", "--answer", "no-signs", "--usual-pain", "2")[0] == 0
    )  # not asked again below
    code, out, _ = run(capsys, "program", "start", "--date", "2026-11-02")
    assert code == 0 and "Take the start tests, then workout 1." in out
    written = state.read_bytes()
    # Not a terminal (pytest's standard input): refused, nothing written.
    code, out, err = run(capsys, "program", "start", "--date", "2026-11-09")
    assert code == 2 and "--yes" in err and "not a terminal" in err
    assert state.read_bytes() == written
    # A terminal: asked, with the app's question; "n" (or nothing) keeps the start.
    tty = io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", tty)
    answers = iter(["n", "yes"])
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", answer)
    code, out, _ = run(capsys, "program", "start", "--date", "2026-11-09")
    assert code == 1 and "Not restarted." in out and state.read_bytes() == written
    assert "Restart the program on Mon 09 Nov 2026?" in asked[0]
    assert "started on Mon 02 Nov 2026" in asked[0]
    # The start tests recorded: the restart does not ask for them again.
    program = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))
    for test in program.tests:
        assert run(capsys, "test", "record", test.id, f"{test.low:g}", "--point", "start")[0] == 0
    code, out, _ = run(capsys, "program", "start", "--date", "2026-11-09")
    assert code == 0 and "Started" in out and "09 Nov 2026" in out
    assert "start tests are already recorded" in out and "Take the start" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO())  # no terminal again: --yes restarts
    assert run(capsys, "program", "start", "--yes")[0] == 0
