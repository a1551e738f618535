"""How supple runs outside commands (systemctl, crontab, launchctl, notify-send, a terminal):
one ``Runner``, so that tests hand in a fake, and the real one with a timeout on each command."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping, Sequence
from typing import Protocol

from supple.core.value import value_class


@value_class(frozen=True, slots=True)
class Result:
    code: int
    out: str = ""
    err: str = ""


def start_detached(
    argv: Sequence[str], *, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``argv`` and return at once: in its own session (a Ctrl+C in the terminal is the
    app's), with no input and its output dropped. An ``OSError`` if it cannot run."""
    return subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        env=dict(env) if env is not None else None,
    )


class Runner(Protocol):
    """How supple runs outside commands (tests hand in a fake)."""

    def which(self, name: str) -> str | None: ...

    def run(
        self,
        argv: Sequence[str],
        *,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result: ...

    def spawn(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> None:
        """Start ``argv`` detached (its own session, no terminal) and return at once."""
        ...


class SystemRunner:
    """The real commands, each with a timeout so that nothing blocks a timer."""

    timeout = 20.0

    def which(self, name: str) -> str | None:
        return shutil.which(name)

    def run(
        self,
        argv: Sequence[str],
        *,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result:
        try:
            done = subprocess.run(
                list(argv),
                input=input,
                capture_output=True,
                text=True,
                env=dict(env) if env is not None else None,
                timeout=self.timeout,
                check=False,
                stdin=None if input is not None else subprocess.DEVNULL,
            )
        except FileNotFoundError:
            return Result(127, "", f"{argv[0]}: not found")
        except (OSError, subprocess.TimeoutExpired) as error:
            return Result(126, "", str(error))
        return Result(done.returncode, done.stdout, done.stderr)

    def spawn(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> None:
        start_detached(argv, env=env)
