"""Plain mode on a real terminal or pipe: keys one at a time (cbreak) when standard input is a
terminal, else one per line; the terminal put back on every way out (the end, an error, Ctrl+C,
a signal that ends the process, Ctrl+Z); the session saved as stopped on each, as the app
saves it (``supple.system.signals.ENDING_SIGNALS``)."""

from __future__ import annotations

import os
import select
import signal
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from supple.cli.command import Unanswered, answering
from supple.core.numbers import is_digits
from supple.core.plain import plain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType

    from supple.coach.coach import Coach
    from supple.coach.live import LiveSession
    from supple.core.record import SessionRecord
    from supple.core.routine import Level, Routine

READ = 64  # bytes at most in one read: a key, or an escape sequence, or a pasted burst


class Ended(Exception):
    """A signal that ends the process came: the session ends as stopped and is saved."""


class TerminalSource:
    """Keys from a file descriptor: single keys in cbreak mode (``single``), else lines."""

    def __init__(self, fd: int, *, single: bool) -> None:
        self.fd = fd
        self.single = single
        self._buffer = b""
        self._eof = False

    def _fill(self, timeout: float | None) -> bool:
        """Read what is there within ``timeout``; False if nothing came in time."""
        if self._eof:
            raise EOFError
        ready, _writable, _failed = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        data = os.read(self.fd, READ if self.single else 1)  # a line's end is never passed
        if not data:
            self._eof = True
            if not self._buffer:
                raise EOFError
        self._buffer += data
        return True

    def key(self, timeout: float | None) -> str | None:
        if not self.single:
            if b"\n" not in self._buffer and not self._fill(timeout):
                return None
            return self._take_line(timeout)
        if not self._buffer and not self._fill(timeout):
            return None
        data = self._buffer
        if data.startswith(b"\x1b"):  # an escape sequence stays whole: an arrow, not Esc
            size = 3 if data[1:2] == b"[" and len(data) >= 3 else 1
        else:
            size = 1
            while size < len(data) and (data[size] & 0xC0) == 0x80:  # a whole UTF-8 character
                size += 1
        self._buffer = data[size:]
        return data[:size].decode("utf-8", "replace")

    def _take_line(self, timeout: float | None) -> str | None:
        while b"\n" not in self._buffer:
            if self._eof:
                if not self._buffer:
                    raise EOFError
                self._buffer += b"\n"
                break
            if not self._fill(timeout):
                return None
        line, _newline, self._buffer = self._buffer.partition(b"\n")
        return line.decode("utf-8", "replace").rstrip("\r")

    def line(self) -> str:
        """A whole line; in cbreak mode the keys are echoed as typed, Backspace taken back."""
        if not self.single:
            line = self._take_line(None)
            assert line is not None
            return line
        typed = ""
        while True:
            key = self.key(None)
            if key in (None, "\n", "\r"):
                _write("\n")
                return typed
            if key in ("\x7f", "\b"):
                typed = typed[:-1]
            elif key.isprintable():
                typed += key
                _write(key)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def write_line(line: str) -> None:
    _write(line + "\n")


@contextmanager
def terminal(live: LiveSession | None) -> Iterator[TerminalSource]:
    """Standard input as a source of keys for the time of the session, and put back after,
    whatever ends it. An ending signal raises ``Ended``; Ctrl+Z gives the terminal back while
    stopped and takes it again on SIGCONT, where the time stood still becomes a pause."""
    fd = sys.stdin.fileno()
    single = os.isatty(fd)
    saved: list[Any] | None = None
    if single:
        import termios
        import tty

        saved = termios.tcgetattr(fd)
        tty.setcbreak(fd)

    def restore() -> None:
        if saved is not None:
            import termios

            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def ending(signum: int, frame: FrameType | None) -> None:
        raise Ended(signum)

    def on_stop(signum: int, frame: FrameType | None) -> None:
        restore()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here, until SIGCONT

    def on_continue(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTSTP, on_stop)
        if saved is not None:
            import tty

            tty.setcbreak(fd)
        if live is not None:
            live.stopped = True  # the next frame takes the stop as a pause

    from supple.system.signals import ENDING_SIGNALS

    handlers = {sig: ending for sig in ENDING_SIGNALS if sig != signal.SIGINT}
    if hasattr(signal, "SIGTSTP"):
        handlers[signal.SIGTSTP] = on_stop
        handlers[signal.SIGCONT] = on_continue
    previous = {sig: signal.signal(sig, handler) for sig, handler in handlers.items()}
    try:
        yield TerminalSource(fd, single=single)
    finally:
        restore()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_plain(
    coach: Coach,
    routine: Routine | str,
    level: Level,
    resumed: SessionRecord | None = None,
    every: int = 10,
) -> int:
    """A whole session in plain mode on this process's standard input and output."""
    from supple.cli.plain import PlainPlayer

    live = coach.start(routine, level, resumed)
    try:
        with terminal(live) as source:
            player = PlainPlayer(
                coach,
                live,
                source,
                write_line,
                every=every,
                check_in_before=coach.config.check_in_before and resumed is None,
            )
            player.run()
    except Unanswered:  # at a question before the session began: it left no record (``end``)
        raise
    except (Ended, KeyboardInterrupt):
        error = live.end()
        from supple.coach.session_wording import stopped

        write_line(plain(stopped(error)))
        return 130
    finally:
        live.end()
    return 0


def ask_routine(coach: Coach, level: Level | None = None) -> tuple[str, Level] | None:
    """``TERM=dumb supple``: the routines, numbered, and which to play; then its level, as home
    asks it (each level's minutes; Enter alone keeps the one last picked, remembered as home
    remembers it) unless ``level`` was given. None: none chosen (Enter alone); Ctrl+C or the
    end of input: ``Unanswered``."""
    from supple.coach import session_wording as say

    routines = sorted(coach.catalog.routines, key=lambda r: r.id)
    write_line(plain(say.routines_title()))
    for number, routine in enumerate(routines, 1):
        write_line(plain(f"{number}. {routine.title} ({routine.id})"))
    write_line(plain(say.which_routine()))
    source = TerminalSource(sys.stdin.fileno(), single=False)
    with answering():  # from the descriptor, a byte at a time: what follows is the session's keys
        text = source.line().strip()
    chosen: Routine | None = None
    if is_digits(text) and 1 <= int(text) <= len(routines):
        chosen = routines[int(text) - 1]
    else:
        chosen = next((r for r in routines if r.id == text), None)
        if chosen is None:  # not one of them: said by the caller, as for `supple play ID`
            return (text, coach.level_for(level)) if text else None
    if level is None:
        level = ask_level(coach, chosen, source)
    return chosen.id, level


def ask_level(coach: Coach, routine: Routine, source: TerminalSource) -> Level:
    """The level to play ``routine`` at, asked as home offers it: 1, 2 or 3 (each with its
    minutes), or Enter alone for the one last picked; the choice remembered as home does
    (Ctrl+C or the end of input: ``Unanswered``)."""
    from supple.coach import session_wording as say
    from supple.core.routine import LEVELS
    from supple.core.words import level_word, minutes

    seconds = coach.catalog.seconds_per_level(routine)
    current = coach.level_for()
    levels = ", ".join(
        f"{n} {level_word(level)} {minutes(seconds[level])}" for n, level in enumerate(LEVELS, 1)
    )
    write_line(plain(say.which_level(levels, level_word(current))))
    while True:
        with answering():  # Ctrl+C or the end of input: Unanswered, nothing remembered
            text = source.line().strip()
        if not text:
            return current
        level = next((v for v in LEVELS if text.lower() in (v, level_word(v).lower())), None)
        if is_digits(text) and 1 <= int(text) <= len(LEVELS):
            level = LEVELS[int(text) - 1]
        if level is None:
            write_line(plain(say.which_level(levels, level_word(current))))
            continue
        coach.remember(level=level)
        return level
