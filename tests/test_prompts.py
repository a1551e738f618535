"""Issue 24 (R2's item 5): Ctrl+C or the end of input at ANY question the command line asks
(the screening's, the restart's, plain mode's routine and level) stops the command there: exit
130, one line saying nothing changed, and nothing written. Every question, at every place in its
sequence, both ways of not answering."""

from __future__ import annotations

import ast
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from supple.cli import main
from supple.cli.command import UNANSWERED_EXIT
from supple.core.screening import OVERHEAD_SIGNS, SIGNS

SRC = Path(__file__).parents[1] / "src" / "supple"
ANSWERS_BEFORE_SWITCH = ["--screening", "no-signs", "--usual-pain", "2", "--date", "2026-11-02"]


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 0


def files(root: Path) -> dict[str, bytes]:
    """The person's files: the data and config folders (the state folder holds caches, the
    status line's among them, that any command may refresh)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for folder in ("data", "config")
        for p in (root / folder).rglob("*")
        if p.is_file()
    }


def program_running(_: pytest.MonkeyPatch) -> None:
    assert main(["program", "start", "--yes", *ANSWERS_BEFORE_SWITCH]) == 0


def screening_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program running, its screening answered once and the file lost since (R2's case)."""
    program_running(monkeypatch)
    from supple.system import paths

    (paths.data_dir() / "screening.toml").unlink()


# Each question the command line asks: how to get there, the command, how many questions it
# asks in turn (an answer that moves on to the next: "n" to a sign, "1" to a number or a level).
def nothing(_: pytest.MonkeyPatch) -> None:
    pass


def plain_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPLE_PLAIN", "1")


def check_in_before(_: pytest.MonkeyPatch) -> None:
    from supple.system import paths

    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "config.toml").write_text("check_in_before = true\n")


QUESTIONS: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], list[str], list[str]]] = {
    "restart": (program_running, ["program", "start", "--date", "2026-11-09"], ["y"]),
    "program start's screening": (
        nothing,
        ["program", "start"],
        ["n"] * len(SIGNS) + ["2"],
    ),
    "program switch's screening": (
        screening_forgotten,
        ["program", "start", "overhead-6-weeks"],
        ["n"] * len(OVERHEAD_SIGNS) + ["2"],  # the overhead program asks its own questions
    ),
    "screening": (nothing, ["screening"], ["n"] * len(SIGNS) + ["2"]),
    # `supple` alone in plain mode (SUPPLE_PLAIN, TERM=dumb, the setting): which routine, then
    # which level
    "plain mode's routine and level": (plain_chosen, [], ["1", "1"]),
    # before the session began: no record of it is written
    "plain mode's check-in before": (
        check_in_before,
        ["play", "back-pain-relief", "--plain"],
        ["3"],
    ),
}
CASES = [
    (name, at, how)
    for name, (_setup, _command, answers) in QUESTIONS.items()
    for at in range(len(answers))
    for how in (KeyboardInterrupt, EOFError)
]


@pytest.mark.parametrize(
    ("name", "at", "how"), CASES, ids=[f"{n}-{a}-{h.__name__}" for n, a, h in CASES]
)
def test_no_answer_at_any_question_stops_the_command_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
    at: int,
    how: type[BaseException],
) -> None:
    setup, command, answers = QUESTIONS[name]
    setup(monkeypatch)
    capsys.readouterr()
    before = files(tmp_path)
    given = iter(answers[:at])
    asked: list[int] = []

    def answer(*_: object) -> str:
        asked.append(1)
        for typed in given:
            return typed
        raise how

    monkeypatch.setattr("sys.stdin", FakeTty())
    monkeypatch.setattr("builtins.input", answer)
    monkeypatch.setattr("supple.cli.plain_terminal.TerminalSource.line", answer)
    assert main(command) == UNANSWERED_EXIT
    out, err = capsys.readouterr()
    assert len(asked) == at + 1  # it stopped at the question that went unanswered
    assert "no answer: stopped, nothing changed" in err
    assert "Started" not in out and "Traceback" not in err
    assert files(tmp_path) == before


def test_every_question_is_read_by_the_one_reader() -> None:
    """`input()` is called in one place only, `prompt` (the class above is every use of it);
    plain mode's questions read their line inside `answering()`."""
    calls = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "input":
                calls.append(path.relative_to(SRC).as_posix())
    assert calls == ["cli/command.py"]
    terminal = (SRC / "cli" / "plain_terminal.py").read_text()
    asks = terminal[terminal.index("def ask_routine") :]
    assert asks.count("source.line()") == asks.count("with answering():") == 2
