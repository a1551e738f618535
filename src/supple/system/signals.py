"""The signals that end supple, declared once: the app and plain mode each catch every one of
them, save the running session as stopped and restore the terminal.

The set is computed from what this system has (``signal.valid_signals()``): every signal whose
default action ends the process, so a signal added by a platform (PWR, STKFLT, the real-time
ones) is caught without a change here. What is left out is named below, each with its reason.
"""

from __future__ import annotations

import signal

# Their default action does not end the process: ignored (CHLD, URG, WINCH; INFO on BSD and
# macOS), stop or continue (TSTP, TTIN, TTOU, CONT; the app and plain mode handle TSTP and CONT
# themselves), or they cannot be caught at all (KILL, STOP).
NOT_ENDING = frozenset(
    {
        "SIGCHLD",
        "SIGURG",
        "SIGWINCH",
        "SIGINFO",
        "SIGCONT",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGSTOP",
        "SIGKILL",
    }
)
# Ending by default, but left as Python leaves them: PIPE and XFSZ are ignored by the
# interpreter from its start (a closed pipe or a file too large is an error where it is written,
# never a death), and SEGV, BUS, FPE and ILL are a real fault's: a handler cannot return into
# the instruction that faulted, so catching them would turn a crash into a hang.
LEFT_ALONE = frozenset({"SIGPIPE", "SIGXFSZ", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL"})


def signal_name(number: int) -> str:
    """``SIGHUP`` for 1; a real-time signal without a name of its own as ``SIGRTMIN+3``."""
    try:
        return signal.Signals(number).name
    except ValueError:
        rtmin = getattr(signal, "SIGRTMIN", None)
        return f"SIGRTMIN+{number - rtmin}" if rtmin is not None else f"signal {number}"


def _ending() -> tuple[int, ...]:
    skipped = NOT_ENDING | LEFT_ALONE
    return tuple(
        sorted(int(s) for s in signal.valid_signals() if signal_name(int(s)) not in skipped)
    )


# Every catchable signal that ends the process (a terminal closed, Ctrl+C, Ctrl+\\, kill, a
# stray alarm, a power or CPU-time signal, a real-time one): each saves the running session as
# stopped and restores the terminal.
ENDING_SIGNALS: tuple[int, ...] = _ending()
