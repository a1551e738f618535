"""The status line's summary (``status.json``): one typed value, its JSON both ways, its file.

The coach writes it whenever it reads the history; `supple status` reads only this file, so this
module imports nothing beyond what that fast path already has (json, datetime, typing): the
value is a NamedTuple, not a dataclass, because ``dataclasses`` pulls in ``inspect``. Reading is
forgiving field by field: a value of the wrong type reads as that field's "nothing", never as
an error, since a prompt must not fail on a file it did not write.
"""

import os
import types
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Union, get_args, get_origin

from supple.core.morning import LOOK, SessionFact
from supple.core.schema import SCHEMA, schema_of

if TYPE_CHECKING:
    from supple.core.program import Progress
    from supple.core.record import SessionRecord
    from supple.core.stats import Stats

FILE_NAME = "status.json"
MAX_BYTES = 64 * 1024  # a summary is a few hundred bytes; anything bigger is not ours


class NextWorkout(NamedTuple):
    number: int | None
    week: int | None
    routine: str
    title: str
    level: str
    minutes: float | None  # as the person plays it, whole minutes
    suggested: date | None
    # The title in every language its routine file has ("en": the English): the status line
    # shows the reader's (``title``: the writer's, for a reader without these).
    titles: dict[str, str]


class ProgramSummary(NamedTuple):
    id: str
    title: str
    started: date | None
    done: int | None
    total: int | None
    tests_due: list[str]
    next: NextWorkout | None  # None: every workout done


class Summary(NamedTuple):
    schema: int
    day: date | None  # the day it was worked out for
    streak: int
    streak_last: date | None  # the streak's last day (today or yesterday when written)
    longest: int
    today_counts: bool
    last_session: date | None
    sessions: int
    program: ProgramSummary | None  # None: no program started
    # The newest sessions as the next-morning rule reads them (``core.morning``): the status
    # line decides from these and the clock whether the question is open (older files: none).
    morning: list[SessionFact]
    # The `language` setting ("" follows the system): the status line speaks it, below --lang,
    # as every command does (it reads no settings file of its own).
    language: str
    # While a warning sign stands (``core.screening.see_first``): the words that stand in for
    # the next workout, in English as the status line is; empty otherwise (older files too).
    clinician: str = ""

    def to_json(self) -> dict[str, Any]:
        data = _to_json(self)
        assert isinstance(data, dict)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Summary":
        summary = _from_json(cls, data)
        assert isinstance(summary, Summary)
        return summary


def _to_json(value: object) -> object:
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: _to_json(getattr(value, name)) for name in value._fields}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_json(kind: Any, data: dict[str, Any]) -> object:
    """A NamedTuple of ``kind`` from ``data``, each field checked against its annotation."""
    return kind(*(_read(hint, data.get(name)) for name, hint in kind.__annotations__.items()))


def _read(hint: Any, value: object) -> object:
    optional = get_origin(hint) in (Union, types.UnionType)
    if optional:
        hint = next(a for a in get_args(hint) if a is not type(None))
    if hint is bool:
        return value is True
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value if ok else (None if optional else 0)
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return value if ok else None
    if hint is str:
        return value if isinstance(value, str) else ""
    if hint is datetime:
        try:
            at = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None
        return at if at is not None and at.tzinfo is not None else None
    if hint is date:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None
    if get_origin(hint) is dict:  # text to text
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    if get_origin(hint) is list:
        if not isinstance(value, list):
            return []
        (item,) = get_args(hint)
        if not hasattr(item, "_fields"):
            return list(value)
        # A list of records: those that read whole, each field with a value.
        read = (_from_json(item, v) for v in value if isinstance(v, dict))
        return [r for r in read if isinstance(r, tuple) and None not in r]
    return _from_json(hint, value) if isinstance(value, dict) else None


def summarize(
    records: Iterable["SessionRecord"],
    stats: "Stats",
    progress: "Progress | None",
    seconds: Mapping[int, float],
    titles: Mapping[str, Mapping[str, str]],
    language: str = "",
    clinician: str = "",
) -> Summary:
    """The summary of the history (``records`` and their ``stats``, worked out for
    ``stats.today``) and, for a started program, ``progress``, with each workout's ``seconds``
    as the person plays it and the routines' ``titles`` (language -> title, "en" the English);
    ``clinician``: what stands in for the next workout while a warning sign stands
    (``core.screening.see_first``)."""
    from supple.core.words import whole_minutes
    from supple.i18n import translated_field

    today = stats.today
    records = list(records)
    # Today counts once a session that counts was done today (the streak's rule; a program
    # workout counted today is such a session).
    today_counts = any(r.counts and r.started.date() == today for r in records)
    streak = stats.current_streak
    last_day = today if today_counts else today - timedelta(days=1)
    program: ProgramSummary | None = None
    if progress is not None and progress.started is not None:
        nxt = progress.next
        named = titles.get(nxt.routine, {}) if nxt is not None else {}
        program = ProgramSummary(
            id=progress.program.id,
            title=progress.program.title,
            started=progress.started.date(),
            done=len(progress.done),
            total=len(progress.program.workouts),
            tests_due=list(progress.due),
            next=None
            if nxt is None
            else NextWorkout(
                number=nxt.number,
                week=nxt.week,
                routine=nxt.routine,
                title=translated_field(named.get("en", nxt.routine), named),
                level=nxt.level,
                minutes=whole_minutes(seconds[nxt.number]) if nxt.number in seconds else None,
                suggested=progress.suggested,
                titles=dict(named),
            ),
        )
    return Summary(
        schema=SCHEMA,
        day=today,
        streak=streak,
        streak_last=last_day if streak else None,
        longest=stats.longest_streak,
        today_counts=today_counts,
        last_session=stats.last.started.date() if stats.last else None,
        sessions=stats.sessions,
        program=program,
        morning=morning_facts(records),
        language=language,
        clinician=clinician,
    )


def morning_facts(records: Iterable["SessionRecord"]) -> list[SessionFact]:
    """The newest sessions (``core.morning.LOOK`` of them) as the next-morning rule reads them."""
    from supple.core.pain import morning_fact

    newest = sorted(records, key=lambda r: r.started, reverse=True)[:LOOK]
    return [morning_fact(r) for r in newest]


def write_summary(path: Path, summary: Summary) -> bool:
    """Write ``summary`` atomically if it differs from what is there; True if written. A
    failure (a read-only disk) costs only a stale status line, so it is swallowed."""
    import json

    from supple.core.files import atomic_write

    data = (json.dumps(summary.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        atomic_write(path, data)
    except OSError:
        return False
    return True


def read_summary(path: Path) -> Summary | None:
    """The summary, or None if it is missing, not a regular file, too big, not JSON or not a
    summary of this schema or a newer one (read for what can be read). Never raises, never
    blocks (a FIFO in its place is not opened for reading beyond a non-blocking open)."""
    import json
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        raw = os.read(fd, MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or schema_of(data) is None:
        return None
    return Summary.from_json(data)
