"""A program in a real pseudo-terminal: send keys, wait for text on screen, read its CPU and
memory from /proc. Used by the fault-injection tests and the benchmark; bounded in time."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

SUPPLE = str(Path(sys.executable).parent / "supple")
TICKS = os.sysconf("SC_CLK_TCK")


class Term:
    def __init__(
        self,
        argv: list[str],
        env: dict[str, str] | None = None,
        *,
        cols: int = 100,
        rows: int = 30,
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = os.environ | {"TERM": "xterm-256color"} | (env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.bursts: list[float] = []  # when each burst of output began: about one per frame
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._last_chunk = 0.0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            now = time.perf_counter()
            with self._changed:
                if not self.bursts or now - self._last_chunk > 0.02:
                    self.bursts.append(now)
                self._last_chunk = now
                self.output += chunk
                self._changed.notify_all()

    def text(self) -> str:
        with self._lock:
            return self.output.decode("utf-8", "replace")

    def mark(self) -> int:
        """A position in the output: wait_for(..., after=mark) looks only at what came later."""
        with self._lock:
            return len(self.output)

    def wait_for(self, text: str, timeout: float = 30.0, *, after: int = 0) -> float:
        """Block until ``text`` appears (after ``after``); return the perf_counter time seen."""
        needle = text.encode()
        deadline = time.perf_counter() + timeout
        with self._changed:
            while needle not in self.output[after:]:
                left = deadline - time.perf_counter()
                if left <= 0 or (self.process.poll() is not None and not self._reader.is_alive()):
                    tail = self.output[-3000:].decode("utf-8", "replace")
                    raise AssertionError(f"{text!r} never appeared; the end of the output:\n{tail}")
                self._changed.wait(min(left, 0.05))
            return time.perf_counter()

    def send(self, data: str | bytes) -> float:
        raw = data.encode() if isinstance(data, str) else data
        sent = time.perf_counter()
        os.write(self.master, raw)
        return sent

    def resize(self, cols: int, rows: int) -> None:
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.killpg(self.pid, signal.SIGWINCH)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def wait(self, timeout: float = 20.0) -> int:
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self._reader.join(timeout=2)

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self._reader.join(timeout=2)
        with contextlib.suppress(OSError):
            os.close(self.master)
