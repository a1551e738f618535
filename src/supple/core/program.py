"""The 6-week program and its mobility tests: the file format, and how far along you are.

Progress follows the order of workouts, not a calendar: a session that counts (completed, at
least half its planned work done: ``SessionRecord.counts``) of the next workout's routine at its
level is that workout (one a day at most, each session once), so a missed day never breaks the
program.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, assert_never, cast

from supple.core.files import SCHEMA
from supple.core.limits import LEVELS, SLUG, Level
from supple.core.record import SessionRecord
from supple.core.tomlcheck import Checker, FileProblems, KeyPart, read_toml
from supple.core.value import field, replace, value_class
from supple.i18n import _

if TYPE_CHECKING:
    from supple.core.routine import Catalog

MAX_WORKOUT_SECONDS = 30 * 60
# The first program: sessions and test results written before programs carried their
# program's id belong to it.
FIRST_PROGRAM = "lower-back-6-weeks"
# A test whose file gives no measurement error: a fifth of its plausible range (low to high).
ERROR_SHARE = 0.2
Point = Literal["start", "middle", "end"]
POINTS: tuple[Point, ...] = ("start", "middle", "end")
Better = Literal["higher", "lower"]


class TestKind(StrEnum):
    """How a mobility test's result is taken: timed on a stopwatch, or a measure typed in."""

    __test__ = False  # not a pytest class, whatever its name

    TIMED = "timed"
    MEASURE = "measure"

    @property
    def stopwatch(self) -> bool:
        match self:
            case TestKind.TIMED:
                return True
            case TestKind.MEASURE:
                return False
            case _:
                assert_never(self)


class ProgramError(FileProblems):
    """A program file that cannot be used; every problem names the file, key and line."""


@value_class(frozen=True, slots=True)
class MobilityTest:
    id: str
    name: str
    kind: TestKind
    unit: str
    better: Better
    low: float
    high: float
    how: tuple[str, ...]
    why: str = ""
    figure: str | None = None  # a built-in figure's name (supple.core.figures)
    # The measurement error in the test's unit: a change within it is not called better or
    # worse (the figures and their sources: docs/program.md#measurement-error).
    error: float = 0.0
    program: str = FIRST_PROGRAM  # the program whose test it is: its results carry the id

    def check(self, value: float) -> str | None:
        """None if ``value`` is plausible, else what is wrong, in words."""
        if not self.low <= value <= self.high:
            return (
                f"{value:g} {self.unit} is outside {self.low:g}–{self.high:g} {self.unit} "
                f"for the {self.name.lower()}"
            )
        return None

    def improved(self, before: float, after: float) -> float:
        """How much better ``after`` is than ``before`` (negative: worse), in the test's unit."""
        return after - before if self.better == "higher" else before - after


@value_class(frozen=True, slots=True)
class Workout:
    number: int  # 1-based
    week: int
    routine: str
    level: Level


@value_class(frozen=True, slots=True)
class Program:
    id: str
    title: str
    summary: str
    workouts_per_week: int
    workouts: tuple[Workout, ...]
    tests_after: tuple[int, int, int]  # workouts done before the start, middle and end tests
    tests: tuple[MobilityTest, ...]
    path: Path | None = None
    screening: str = "low-back"  # the safety checklist asked before it (core.screening)

    @property
    def weeks(self) -> int:
        return -(-len(self.workouts) // self.workouts_per_week)

    def test(self, test_id: str) -> MobilityTest:
        for test in self.tests:
            if test.id == test_id:
                return test
        raise KeyError(test_id)

    def point_for(self, done: int) -> Point:
        """Which test point a result taken now belongs to, with ``done`` workouts behind you."""
        if done < self.tests_after[1]:
            return "start"
        if done < self.tests_after[2]:
            return "middle"
        return "end"


TOP_KEYS = (  # "screening": the checklist asked before it
    *("schema", "id", "title", "summary", "workouts_per_week", "tests_after", "workout", "test"),
    "screening",
)
TEST_KEYS = (
    "id",
    "name",
    "kind",
    "unit",
    "better",
    "low",
    "high",
    "how",
    "why",
    "figure",
    "error",
)


def load_program(path: Path, catalog: Catalog | None) -> Program:
    """The program in ``path``, checked; with ``catalog``, its workouts against those routines
    (each one there, none longer than a workout may be). None reads it without the routines:
    for a file as it was when that check last passed (``coach.program`` keeps that), the
    program is the same, without the parser, the library and the layout loaded."""
    try:
        text, data = read_toml(path)
    except FileProblems as error:
        raise ProgramError(path, error.problems) from None
    return parse_program(data, path=path, text=text, catalog=catalog)


def parse_program(
    data: dict[str, Any], *, path: Path, text: str, catalog: Catalog | None
) -> Program:
    from supple.core.screening import CHECKLIST_IDS as CHECKS
    from supple.core.translations import ROUTINE_TEXTS, language_keys, read_translations, shown

    check = Checker(path, text)
    top = [*TOP_KEYS, *language_keys(data, TOP_KEYS)]  # a program's [de]: as a routine's
    check.keys(data, [], top, required=("schema", "id", "title", "workout", "test", "tests_after"))
    if "schema" in data and data["schema"] != SCHEMA:
        said = _("unknown schema {schema} (this supple reads {ours})")
        check.report(["schema"], said.format(schema=repr(data["schema"]), ours=SCHEMA))
    program_id = check.string(data, [], "id", pattern=SLUG) or ""
    title = check.string(data, [], "title", max_length=80) or ""
    summary = check.string(data, [], "summary", default="", max_length=400) or ""
    english = {"title": title or None, "summary": summary or None}
    texts = read_translations(check, data, [], TOP_KEYS, ROUTINE_TEXTS, english)
    title = cast(str, shown("title", title, texts)) if title else ""
    summary = cast(str, shown("summary", summary, texts)) if summary else ""
    per_week = int(check.number(data, [], "workouts_per_week", low=1, high=7, default=3) or 3)
    workouts = _workouts(check, data.get("workout"), per_week, catalog)
    tests_after = _tests_after(check, data.get("tests_after"), len(workouts))
    tests = [replace(t, program=program_id) for t in _tests(check, data.get("test"))]
    screening = check.string(data, [], "screening", default=CHECKS[0], choices=CHECKS)
    check.raise_if_any(ProgramError)
    found = (program_id, title, summary, per_week, tuple(workouts), tests_after, tuple(tests))
    return Program(*found, path, screening or CHECKS[0])


def _workouts(check: Checker, raw: Any, per_week: int, catalog: Catalog | None) -> list[Workout]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not raw or not all(isinstance(w, dict) for w in raw):
        check.report(["workout"], _("expected one or more [[workout]] tables"))
        return []
    workouts = []
    lengths: dict[tuple[str, str], float] = {}
    for number, table in enumerate(raw, 1):
        where: list[KeyPart] = ["workout", number]
        check.keys(table, where, ("routine", "level"), required=("routine", "level"))
        routine_id = check.string(table, where, "routine", pattern=SLUG)
        level = check.string(table, where, "level", choices=LEVELS)
        if routine_id is None or level is None:
            continue
        if catalog is not None:  # None: checked against the routines before (coach.program)
            from supple.core.timeline import seconds as laid_out_seconds

            try:
                routine = catalog.find(routine_id)
            except KeyError:
                known = ", ".join(sorted({r.id for r in catalog.routines}))
                said = _("no routine '{id}' (known: {known})").format(id=routine_id, known=known)
                check.report([*where, "routine"], said)
                continue
            key = (routine_id, level)
            if key not in lengths:  # 18 workouts, three levels: lay each out once
                lengths[key] = laid_out_seconds(routine, cast(Level, level))
            if (seconds := lengths[key]) > MAX_WORKOUT_SECONDS:
                said = _("{id} at {level} takes {minutes} min (a workout is at most 30)")
                check.report(
                    where, said.format(id=routine_id, level=level, minutes=f"{seconds / 60:.1f}")
                )
        workouts.append(
            Workout(number, (number - 1) // per_week + 1, routine_id, cast(Level, level))
        )
    return workouts


def _tests_after(check: Checker, raw: Any, count: int) -> tuple[int, int, int]:
    default = (0, count // 2, count)
    if raw is None:
        return default
    if (
        not isinstance(raw, list)
        or len(raw) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw)
        or not 0 <= raw[0] < raw[1] < raw[2] <= count
    ):
        said = _("expected three increasing workout counts from 0 to {count}, like {example}")
        check.report(
            ["tests_after"], said.format(count=count, example=f"[0, {count // 2}, {count}]")
        )
        return default
    return (raw[0], raw[1], raw[2])


def _tests(check: Checker, raw: Any) -> list[MobilityTest]:
    from supple.core.figure_names import figure_names
    from supple.core.translations import TEST_TEXTS, language_keys, read_translations, shown

    if raw is None:
        return []
    if not isinstance(raw, list) or not raw or not all(isinstance(t, dict) for t in raw):
        check.report(["test"], _("expected one or more [[test]] tables"))
        return []
    tests = []
    seen: set[str] = set()
    for number, table in enumerate(raw, 1):
        where: list[KeyPart] = ["test", number]
        before = len(check.problems)
        check.keys(
            table,
            where,
            [*TEST_KEYS, *language_keys(table, TEST_KEYS)],
            required=("id", "name", "kind", "unit", "better", "low", "high", "how"),
        )
        test_id = check.string(table, where, "id", pattern=SLUG)
        name = check.string(table, where, "name", max_length=60)
        kind = check.string(table, where, "kind", choices=tuple(TestKind))
        unit = check.string(table, where, "unit", max_length=10)
        better = check.string(table, where, "better", choices=("higher", "lower"))
        low = check.number(table, where, "low", low=-1000, high=1000, integer=False)
        high = check.number(table, where, "high", low=-1000, high=10000, integer=False)
        how = check.strings(table, where, "how", min_items=1, max_items=8)
        why = check.string(table, where, "why", default="", max_length=200) or ""
        figure = check.string(table, where, "figure", choices=figure_names())
        error = check.number(table, where, "error", low=0, high=1000, integer=False)
        english = {"name": name, "how": None if how is None else tuple(how), "why": why or None}
        texts = read_translations(check, table, where, TEST_KEYS, TEST_TEXTS, english)
        if low is not None and high is not None and low >= high:
            check.report([*where, "high"], _("must be above low ({low})").format(low=f"{low:g}"))
        if test_id in seen:
            check.report([*where, "id"], _("duplicate test id '{id}'").format(id=test_id))
        if len(check.problems) > before:
            continue
        seen.add(cast(str, test_id))
        tests.append(
            MobilityTest(
                cast(str, test_id),
                cast(str, shown("name", cast(str, name), texts)),
                TestKind(cast(str, kind)),
                cast(str, unit),
                cast(Better, better),
                cast(float, low),
                cast(float, high),
                cast(tuple[str, ...], shown("how", tuple(cast(list[str], how)), texts)),
                cast(str, shown("why", why, texts)) if why else "",
                figure,
                _error(error, cast(float, low), cast(float, high)),
            )
        )
    return tests


def _error(given: float | None, low: float, high: float) -> float:
    """The measurement error the file gives, else a share of the test's range."""
    return float(given) if given is not None else ERROR_SHARE * (high - low)


# -- progress ---------------------------------------------------------------------------------


@value_class(frozen=True, slots=True)
class TestResult:
    __test__: ClassVar[bool] = False  # not a pytest test class, despite the name

    test: str
    value: float
    point: Point
    taken: datetime
    path: Path | None = None
    program: str = FIRST_PROGRAM  # the program it was taken for


@value_class(frozen=True, slots=True)
class Progress:
    program: Program
    started: datetime | None
    done: tuple[tuple[Workout, SessionRecord], ...]  # in order, with the session that counted
    next: Workout | None
    suggested: date | None  # when to do the next workout
    due: tuple[Point, ...]  # test points due now
    results: dict[str, dict[Point, TestResult]] = field(default_factory=dict)
    workout_today: bool = False  # a workout was counted today: the next counts from tomorrow

    @property
    def finished(self) -> bool:
        return self.started is not None and self.next is None

    def change(self, test: MobilityTest) -> float | None:
        """Improvement from the first to the latest point measured (None with fewer than two)."""
        taken = [self.results.get(test.id, {}).get(p) for p in POINTS]
        values = [t.value for t in taken if t is not None]
        if len(values) < 2:
            return None
        return test.improved(values[0], values[-1])

    def to_json(self) -> dict[str, Any]:
        nxt = self.next
        return {
            "program": self.program.id,
            "started": self.started.date().isoformat() if self.started else None,
            "started_at": self.started.isoformat() if self.started else None,
            "done": len(self.done),
            "total": len(self.program.workouts),
            "workouts": [
                {
                    "number": w.number,
                    "week": w.week,
                    "routine": w.routine,
                    "level": w.level,
                    "session": r.started.isoformat(timespec="seconds"),
                }
                for w, r in self.done
            ],
            "next": None
            if nxt is None
            else {
                "number": nxt.number,
                "week": nxt.week,
                "routine": nxt.routine,
                "level": nxt.level,
                "suggested": self.suggested.isoformat() if self.suggested else None,
            },
            "tests_due": list(self.due),
            "tests": [
                {
                    "id": t.id,
                    "name": t.name,
                    "unit": t.unit,
                    "better": t.better,
                    **{
                        p: (r.value if (r := self.results.get(t.id, {}).get(p)) else None)
                        for p in POINTS
                    },
                    "change": self.change(t),
                }
                for t in self.program.tests
            ],
        }


def start_of(value: object) -> datetime | None:
    """The program's start from its file: a time with an offset as written now; a bare date
    (written by older versions) or a time without an offset is taken in local time."""
    if isinstance(value, datetime):
        return with_offset(value)
    if isinstance(value, date):
        return with_offset(datetime.combine(value, time()))
    return None


def with_offset(value: datetime) -> datetime:
    """``value`` with a UTC offset: a time written without one is local time (UTC at the ends
    of the calendar, where the platform cannot tell the local offset)."""
    if value.tzinfo is not None:
        return value
    try:
        return value.astimezone()
    except (OverflowError, ValueError, OSError):
        return value.replace(tzinfo=UTC)


def days_after(day: date, days: int) -> date:
    """``day`` plus ``days``, or the last day there is (a session dated 9999-12-31 is a day
    like any other, with no day after it)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


def program_of(record: SessionRecord) -> str:
    """The program a session was done in: the one it names, else (written before sessions
    named theirs) the first program."""
    return record.program if record.program is not None else FIRST_PROGRAM


def count_workouts(
    program: Program, started: datetime | date, records: Iterable[SessionRecord]
) -> list[tuple[Workout, SessionRecord]]:
    """Match sessions that count, oldest first, to the workouts in order: one a day, each once."""
    since = start_of(started)
    done: list[tuple[Workout, SessionRecord]] = []
    days: set[date] = set()
    for record in sorted(records, key=lambda r: (r.started, str(r.path))):
        if len(done) == len(program.workouts):
            break
        day = record.started.date()
        if not record.counts or (since is not None and record.started < since) or day in days:
            continue
        if program_of(record) != program.id:  # done in another program: counted there
            continue
        workout = program.workouts[len(done)]
        if record.routine == workout.routine and record.level == workout.level:
            done.append((workout, record))
            days.add(day)
    return done


def latest_results(results: Iterable[TestResult]) -> dict[str, dict[Point, TestResult]]:
    """Per test and point, the newest result: taking a test again replaces the old value."""
    out: dict[str, dict[Point, TestResult]] = {}
    for result in sorted(results, key=lambda r: with_offset(r.taken)):
        out.setdefault(result.test, {})[result.point] = result
    return out


def progress(
    program: Program,
    started: datetime | date | None,
    records: Sequence[SessionRecord],
    results: Iterable[TestResult],
    today: date,
) -> Progress:
    latest = latest_results(results)
    started = start_of(started)
    if started is None:
        return Progress(
            program, None, (), program.workouts[0] if program.workouts else None, None, (), latest
        )
    done = count_workouts(program, started, records)
    nxt = program.workouts[len(done)] if len(done) < len(program.workouts) else None
    suggested = None
    if nxt is not None:
        trained_today = any(r.started.date() == today for r in records if r.counts)
        earliest = days_after(today, 1 if trained_today else 0)
        # A rest day between workouts: three or four a week, at most.
        after_rest = days_after(done[-1][1].started.date(), 2) if done else earliest
        suggested = max(earliest, after_rest)
    due = tuple(
        point
        for point, after in zip(POINTS, program.tests_after, strict=True)
        if len(done) >= after
        and len(latest_point(latest, point)) < len(program.tests)
        and (point == program.point_for(len(done)))
    )
    today_done = any(r.started.date() == today for _, r in done)
    return Progress(program, started, tuple(done), nxt, suggested, due, latest, today_done)


def latest_point(latest: dict[str, dict[Point, TestResult]], point: Point) -> list[TestResult]:
    return [by_point[point] for by_point in latest.values() if point in by_point]
