"""The session history: one TOML file per session, written atomically and privately."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w

from supple.core.session import Session

SCHEMA = 1
Now = Callable[[], datetime]


def local_now() -> datetime:
    """The wall clock, with the local offset (history timestamps are ISO 8601 with offset)."""
    return datetime.now().astimezone()


class HistoryWriteError(Exception):
    """A record could not be written; ``path`` and ``reason`` say where and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not save {path}: {reason}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half.

    Temp file in the same folder, flush, fsync, os.replace; files 0600 and folders 0700,
    because this is health data.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def session_record(session: Session, started: datetime) -> dict[str, Any]:
    """The record of ``session`` as stored: wall times from ``started`` plus clock differences."""
    start = session.started_at if session.started_at is not None else session.clock.now()
    end = session.ended_at if session.ended_at is not None else session.clock.now()
    ended = started + timedelta(seconds=max(0.0, end - start))
    return {
        "schema": SCHEMA,
        "routine": session.routine.id,
        "title": session.routine.title,
        "level": session.level,
        "started": started.isoformat(timespec="seconds"),
        "ended": ended.isoformat(timespec="seconds"),
        "status": session.outcome,
        "active_seconds": round(session.active_seconds(), 1),
        "paused_seconds": round(session.paused_seconds(), 1),
        "planned_seconds": session.planned_seconds,
        "exercise": [asdict(record) for record in session.records()],
    }


class HistoryStore:
    """Session records under ``<data dir>/sessions/YYYY/MM/``, one file each."""

    def __init__(self, data_dir: Path, token: Callable[[], str] | None = None) -> None:
        self.data_dir = data_dir
        self._token = token or (lambda: secrets.token_hex(3))
        self.sessions_dir = data_dir / "sessions"

    def path_for(self, routine_id: str, started: datetime) -> Path:
        """A new file name: start time, routine, and a short random part so two copies of the
        app (or two devices syncing one folder) never pick the same name."""
        stamp = started.strftime("%Y%m%dT%H%M%S")
        name = f"{stamp}-{routine_id}-{self._token()}.toml"
        return self.sessions_dir / started.strftime("%Y") / started.strftime("%m") / name

    def save(self, record: dict[str, Any], path: Path) -> Path:
        try:
            atomic_write(path, tomli_w.dumps(record).encode("utf-8"))
        except OSError as error:
            raise HistoryWriteError(path, error.strerror or str(error)) from None
        return path
