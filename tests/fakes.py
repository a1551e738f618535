"""Made-up history for tests, screenshots and benchmarks: valid records at chosen times."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

import tomli_w

from supple.core.files import atomic_write
from supple.core.history import HistoryStore
from supple.core.record import ExerciseEntry, RecordStatus, SessionRecord
from supple.core.routine import Level

EXERCISES = [
    ("cat-cow", "Cat-Cow", 30, 5),
    ("sphinx", "Sphinx", 15, 0),
    ("childs-pose", "Child's Pose", 15, 0),
]


def make_session_record(
    started: datetime,
    *,
    routine: str = "back-pain-relief",
    title: str = "Back pain relief",
    level: str = "beginner",
    status: str = "completed",
    active: float = 95.0,
    before: int | None = None,
    after: int | None = None,
    pain_before: int | None = None,
    pain_after: int | None = None,
    note: str = "",
    exercises: Sequence[ExerciseEntry] | None = None,
    path: Path | None = None,
) -> SessionRecord:
    """A valid record: all three exercises done when completed, else only the first done.
    ``exercises`` replaces them (to choose the work done against the plan)."""
    done = status == "completed"
    if exercises is None:
        exercises = [
            ExerciseEntry(
                id=i,
                name=n,
                status="done" if done or k == 0 else "skipped",
                seconds=float(s if done or k == 0 else 0),
                planned_seconds=s,
                sets_done=1 if done or k == 0 else 0,
                sets_planned=1,
                reps_done=r if done or k == 0 else 0,
                reps_planned=r,
            )
            for k, (i, n, s, r) in enumerate(EXERCISES)
        ]
    return SessionRecord(
        routine=routine,
        title=title,
        level=cast(Level, level),
        started=started,
        ended=started + timedelta(seconds=active + 10),
        status=cast(RecordStatus, status),
        active_seconds=active,
        paused_seconds=10.0,
        planned_seconds=active if done else max(active, 95.0),
        exercises=tuple(exercises),
        feeling_before=before,
        feeling_after=after,
        pain_before=pain_before,
        pain_after=pain_after,
        note=note,
        path=path,
    )


def make_record(started: datetime, **kw: Any) -> dict[str, Any]:
    """``make_session_record(...)`` as it is stored: the TOML file's content."""
    return make_session_record(started, **kw).to_toml()


PAIN_WEEK = ((4, 4), (4, 3), (3, 2), (3, 1))


def fake_week(store: HistoryStore, end: datetime, *, pain: bool = False) -> list[Path]:
    """Seven days up to ``end``: a session most days, feelings improving, one stopped early.
    ``pain``: a person who updated supple mid-week, the first two sessions on the old feeling
    scale, the rest on the 0-10 pain scale, easing (the pictures show this week)."""
    plan = [  # days before end, hour, level, status, active, before, after, note
        (6, 7, "beginner", "completed", 95.0, 4, 5, "stiff after the flight"),
        (5, 18, "beginner", "completed", 95.0, 4, 6, ""),
        (4, 7, "intermediate", "stopped", 70.0, 5, 6, "phone rang"),
        (2, 7, "intermediate", "completed", 206.0, 5, 7, ""),
        (1, 21, "intermediate", "completed", 206.0, 6, 7, ""),
        (0, 6, "advanced", "completed", 366.0, 6, 8, "best one yet"),
    ]
    paths = []
    for n, (back, hour, level, status, active, before, after, note) in enumerate(plan):
        started = (end - timedelta(days=back)).replace(hour=hour, minute=5, second=0)
        ratings: dict[str, int | None] = {"before": before, "after": after}
        if pain and n >= 2:  # pain easing over the week, before and after each session
            ratings = dict(zip(("pain_before", "pain_after"), PAIN_WEEK[n - 2], strict=True))
        record = make_session_record(
            started,
            level=level,
            status=status,
            active=active,
            note=note,
            **ratings,  # type: ignore[arg-type]
        )
        paths.append(store.save(record, store.path_for("back-pain-relief", started)))
    return paths


def fake_history(store: HistoryStore, count: int, end: datetime, seed: int = 1) -> None:
    """``count`` sessions, one file each, spread back in time from ``end`` (for benchmarks)."""
    rng = random.Random(seed)
    at = end
    for _ in range(count):
        at -= timedelta(hours=rng.choice([5, 11, 24, 30]))
        record = make_session_record(
            at, active=rng.choice([60.0, 95.0, 206.0]), after=rng.randint(3, 9)
        )
        store.save(record, store.path_for("back-pain-relief", at))


START_RESULTS = {
    "toe-touch": 14.0,
    "thomas-gap": 8.0,
    "press-up": 18.0,
    "superman-hold": 30.0,
    "bridge-hold": 45.0,
}
MIDDLE_RESULTS = {
    "toe-touch": 9.0,
    "thomas-gap": 6.0,
    "press-up": 22.0,
    "superman-hold": 42.0,
    "bridge-hold": 60.0,
}
END_RESULTS = {
    "toe-touch": 4.0,
    "thomas-gap": 3.0,
    "press-up": 27.0,
    "superman-hold": 55.0,
    "bridge-hold": 58.0,
}


def fake_program(data_dir: Path, end: datetime, *, workouts: int = 10, points: int = 3) -> None:
    """A program started three weeks before ``end``, ``workouts`` done in order, and test
    results at the first ``points`` test points (start, middle, end)."""
    from supple.core.program import POINTS
    from supple.core.program_store import ProgramStore

    history = HistoryStore(data_dir, token=iter(f"{n:06x}" for n in range(999)).__next__)
    store = ProgramStore(history)
    started = end - timedelta(days=2 * workouts + 1)

    class _Program:  # only what ProgramStore.start reads
        id = "lower-back-6-weeks"

    store.start(_Program(), started)  # type: ignore[arg-type]
    levels = ["beginner"] * 6 + ["intermediate"] * 6 + ["advanced"] * 6
    for n in range(workouts):
        at = (started + timedelta(days=2 * n + 1)).replace(hour=7, minute=0, second=0)
        record = make_session_record(
            at,
            routine="lower-back-mobility",
            title="Lower back mobility",
            level=levels[n],
            active=270.0,
            after=5 + n // 4,
        )
        history.save(record, history.path_for("lower-back-mobility", at))
    for point, values in zip(
        POINTS[:points], (START_RESULTS, MIDDLE_RESULTS, END_RESULTS), strict=False
    ):
        for test, value in values.items():
            offset = {"start": 0, "middle": 19, "end": 40}[point]
            taken = started + timedelta(days=offset, hours=12)
            path = store.results_dir / f"{taken:%Y}" / f"{taken:%Y%m%dT%H%M%S}-{test}.toml"
            atomic_write(
                path,
                tomli_w.dumps(
                    {
                        "schema": 1,
                        "test": test,
                        "value": value,
                        "point": point,
                        "taken": taken.isoformat(),
                    }
                ).encode(),
            )


def copy_routine(name: str, title: str, file_name: str | None = None) -> Path:
    """A copy of a bundled routine in the person's own routines folder, with another title."""
    import json
    import shutil

    from supple.system import paths

    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (file_name or f"{name}.toml")
    shutil.copy(paths.bundled_routines_dir() / f"{name}.toml", target)
    source = target.read_text()
    start = source.index("\ntitle = ")
    end = source.index("\n", start + 1)
    target.write_text(f"{source[:start]}\ntitle = {json.dumps(title)}{source[end:]}")
    return target
