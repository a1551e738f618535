"""Made-up history for tests, screenshots and benchmarks: valid records at chosen times."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from supple.core.history import SCHEMA, HistoryStore

EXERCISES = [
    ("cat-cow", "Cat-Cow", 30, 5),
    ("sphinx", "Sphinx", 15, 0),
    ("childs-pose", "Child's Pose", 15, 0),
]


def make_record(
    started: datetime,
    *,
    routine: str = "back-pain-relief",
    title: str = "Back pain relief",
    level: str = "beginner",
    status: str = "completed",
    active: float = 95.0,
    before: int | None = None,
    after: int | None = None,
    note: str = "",
) -> dict[str, Any]:
    done = status == "completed"
    record: dict[str, Any] = {
        "schema": SCHEMA,
        "routine": routine,
        "title": title,
        "level": level,
        "started": started.isoformat(timespec="seconds"),
        "ended": (started + timedelta(seconds=active + 10)).isoformat(timespec="seconds"),
        "status": status,
        "active_seconds": active,
        "paused_seconds": 10.0,
        "planned_seconds": active if done else max(active, 95.0),
        "exercise": [
            {
                "id": i,
                "name": n,
                "status": "done" if done or k == 0 else "skipped",
                "seconds": float(s if done or k == 0 else 0),
                "planned_seconds": s,
                "sets_done": 1 if done or k == 0 else 0,
                "sets_planned": 1,
                "reps_done": r if done or k == 0 else 0,
                "reps_planned": r,
            }
            for k, (i, n, s, r) in enumerate(EXERCISES)
        ],
    }
    for key, value in (("feeling_before", before), ("feeling_after", after), ("note", note)):
        if value not in (None, ""):
            record[key] = value
    return record


def fake_week(store: HistoryStore, end: datetime) -> list[Path]:
    """Seven days up to ``end``: a session most days, feelings improving, one stopped early."""
    plan = [  # days before end, hour, level, status, active, before, after, note
        (6, 7, "beginner", "completed", 95.0, 4, 5, "stiff after the flight"),
        (5, 18, "beginner", "completed", 95.0, 4, 6, ""),
        (4, 7, "intermediate", "stopped", 70.0, 5, 6, "phone rang"),
        (2, 7, "intermediate", "completed", 206.0, 5, 7, ""),
        (1, 21, "intermediate", "completed", 206.0, 6, 7, ""),
        (0, 6, "advanced", "completed", 366.0, 6, 8, "best one yet"),
    ]
    paths = []
    for back, hour, level, status, active, before, after, note in plan:
        started = (end - timedelta(days=back)).replace(hour=hour, minute=5, second=0)
        record = make_record(
            started,
            level=level,
            status=status,
            active=active,
            before=before,
            after=after,
            note=note,
        )
        paths.append(store.save(record, store.path_for("back-pain-relief", started)))
    return paths


def fake_history(store: HistoryStore, count: int, end: datetime, seed: int = 1) -> None:
    """``count`` sessions, one file each, spread back in time from ``end`` (for benchmarks)."""
    rng = random.Random(seed)
    at = end
    for _ in range(count):
        at -= timedelta(hours=rng.choice([5, 11, 24, 30]))
        record = make_record(at, active=rng.choice([60.0, 95.0, 206.0]), after=rng.randint(3, 9))
        store.save(record, store.path_for("back-pain-relief", at))
