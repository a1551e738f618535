"""Standard output and standard error for a command: the one place that decides what a write
to them that fails means.

Standard output closed (`supple list >&-`: Python's ``sys.stdout`` is None), full
(`> /dev/full`) or refusing for any other reason (EBADF, EIO) is a write the machine refused:
the command stops, one line on stderr ("could not write to standard output: …"), exit 1 —
never a crash report. A closed pipe (`supple history | head`) stays a BrokenPipeError, which the
caller ends quietly with 0. Standard error closed or full: nothing more can be said there, the
failure is remembered and the exit is 1 if it would have been 0. `nudge` and `status` exit 0
whatever the two streams do (``ALWAYS_ZERO``). A write swallowed on the way (argparse's
``--help`` ignores the OSError of its own write) is remembered all the same.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import IO, Any, TextIO

# Commands that exit 0 by design (a timer, a prompt): a write the machine refused is said, never
# a crash report, and the exit stays 0.
ALWAYS_ZERO = frozenset({"nudge", "status"})


def _closed() -> OSError:
    return OSError(errno.EBADF, os.strerror(errno.EBADF))


class _Binary:
    """``sys.stdout.buffer`` of an ``Output``: its failures are standard output's too."""

    def __init__(self, owner: Output, inner: IO[bytes]) -> None:
        self._owner = owner
        self._inner = inner

    def write(self, data: bytes) -> int:
        written: int = self._owner.attempt(lambda: self._inner.write(data), len(data))
        return written

    def flush(self) -> None:
        self._owner.attempt(self._inner.flush, 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class Output:
    """Standard output for a command: a write that fails raises ``OutputFailed`` (saying it was
    standard output's) and is remembered in ``failed``; a closed pipe stays a BrokenPipeError.
    A closed standard output (``inner`` None) is a stand-in on os.devnull whose every write
    fails with EBADF."""

    def __init__(self, inner: TextIO | None) -> None:
        self.closed_at_start = inner is None
        self._inner: TextIO = _devnull() if inner is None else inner
        self.failed: OSError | None = None

    def attempt(self, write: Any, size: int) -> Any:
        from supple.system.crash import OutputFailed

        if self.closed_at_start:
            if size:  # flushing nothing into a closed stream is no failure
                self.failed = self.failed or _closed()
                raise OutputFailed(errno.EBADF, os.strerror(errno.EBADF))
            return 0
        try:
            return write()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            code = getattr(error, "errno", None) or errno.EBADF
            reason = getattr(error, "strerror", None) or os.strerror(code)
            self.failed = self.failed or OSError(code, reason)
            raise OutputFailed(code, reason) from None

    def write(self, text: str) -> int:
        written: int = self.attempt(lambda: self._inner.write(text), len(text))
        return written

    def flush(self) -> None:
        self.attempt(self._inner.flush, 0)

    @property
    def buffer(self) -> _Binary:
        return _Binary(self, self._inner.buffer)

    def isatty(self) -> bool:
        return not self.closed_at_start and self._inner.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class Errors:
    """Standard error for a command: a write that fails is swallowed (there is nowhere left to
    say it) and remembered in ``failed``."""

    def __init__(self, inner: TextIO | None) -> None:
        self.closed_at_start = inner is None
        self._inner: TextIO = _devnull() if inner is None else inner
        self.failed = False

    def write(self, text: str) -> int:
        if self.closed_at_start:
            self.failed = self.failed or bool(text)
            return len(text)
        try:
            return self._inner.write(text)
        except (OSError, ValueError):
            self.failed = True
            return len(text)

    def flush(self) -> None:
        if self.closed_at_start:
            return
        try:
            self._inner.flush()
        except (OSError, ValueError):
            self.failed = True

    def isatty(self) -> bool:
        return not self.closed_at_start and self._inner.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _devnull() -> TextIO:
    """A stand-in for a closed stream (it takes the closed descriptor's number, so nothing
    opened later lands there by accident)."""
    return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)


class Streams:
    """Both streams wrapped for one command (``install``), and what their failures make of its
    exit code (``settle``)."""

    def __init__(self) -> None:
        self.original = (sys.stdout, sys.stderr)
        self.out = Output(sys.stdout)
        self.err = Errors(sys.stderr)

    def install(self) -> None:
        sys.stdout = self.out
        sys.stderr = self.err

    def settle(self, code: int, command: str) -> int:
        """The exit code once the command has run: standard output flushed (a full disk behind
        `>` said like any other), a failure on either stream said (if it can be) and made exit 1,
        except for the commands that always exit 0. Then the streams are put back, and one that
        failed is pointed at os.devnull, so Python's own flush at exit has nothing to fail on."""
        if self.out.failed is None:
            try:
                self.out.flush()
            except BrokenPipeError:
                _drop(1)
            except OSError:  # OutputFailed: remembered in ``failed``
                pass
        if self.out.failed is not None:
            from supple.system.crash import OutputFailed, outside

            failed = self.out.failed
            line = outside(OutputFailed(failed.errno, failed.strerror))
            _drop(1)
            if line is not None and not self.err.failed:
                self.err.write(f"supple: {line}\n")
                self.err.flush()
        if self.err.failed:
            _drop(2)
        sys.stdout, sys.stderr = self.original
        refused = self.out.failed is not None or self.err.failed
        return code or int(refused and command not in ALWAYS_ZERO)

    def said(self) -> bool:
        """True once standard output has failed (so the caller says nothing more of it)."""
        return self.out.failed is not None


def _drop(fd: int) -> None:
    """The descriptor ``fd`` to os.devnull: Python's flush at exit then has nothing to fail on
    (no "Exception ignored" after a closed pipe or a full disk)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != fd:
            os.dup2(devnull, fd)
            os.close(devnull)
    except OSError:
        pass


def output_failed() -> bool:
    """Standard output (an ``Output``) has refused a write, or refuses to flush what it has."""
    from supple.system.crash import OutputFailed

    out = sys.stdout
    if not isinstance(out, Output):
        return False
    with contextlib.suppress(OutputFailed, BrokenPipeError):
        out.flush()
    return out.failed is not None


drop_output = _drop  # the command line's name for it: `drop_output(1)`
