"""The `supple` command line: parses arguments and calls into core or the TUI; no logic of its own.

Only `supple` (no command) and `supple play` import Textual; every other command stays light.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from supple import __version__, paths
from supple.core.history import HistoryStore, Loaded, local_now, select
from supple.core.routine import LEVELS, Catalog, Routine, RoutineError, load_catalog, load_routine
from supple.core.stats import compute
from supple.core.timeline import Segment, expand, minutes_per_level, total_seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supple",
        description="A terminal mobility coach. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"supple {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list the routines with their minutes per level")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", help="print a routine's timeline at a level")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--level", choices=LEVELS, default="beginner")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("validate", help="check routine files; exit 1 if any has a problem")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p = sub.add_parser("history", help="list past sessions, newest first")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the records as stored, with their path")
    fmt.add_argument("--csv", action="store_true", help="one row per session")
    p.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only sessions from this day on"
    )
    p.add_argument("--routine", metavar="ID", help="only sessions of this routine")

    p = sub.add_parser("stats", help="streaks, weekly minutes and how your back felt")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("play", help="start a routine straight away in the app")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--level", choices=LEVELS, default="beginner")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _dispatch(build_parser().parse_args(argv))
    except BrokenPipeError:
        # `supple show ... | head`: the reader left; that is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "list":
        return cmd_list(args.json)
    if command == "show":
        return cmd_show(args.routine, args.level, args.json)
    if command == "validate":
        return cmd_validate(args.paths)
    if command == "history":
        return cmd_history(args.json, args.csv, args.since, args.routine)
    if command == "stats":
        return cmd_stats(args.json)
    if command == "play":
        return cmd_app(args.routine, args.level)
    return cmd_app(None, None)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def load_history() -> Loaded:
    """Every record (recovering crashed sessions first); bad files reported once on stderr."""
    loaded = HistoryStore(paths.data_dir()).load()
    for path in loaded.recovered:
        print(f"supple: recovered an interrupted session: {path}", file=sys.stderr)
    for bad in loaded.quarantined:
        print(f"supple: quarantined {bad}", file=sys.stderr)
    return loaded


CSV_FIELDS = (
    "started",
    "ended",
    "routine",
    "title",
    "level",
    "status",
    "active_seconds",
    "paused_seconds",
    "planned_seconds",
    "exercises_done",
    "exercises_total",
    "feeling_before",
    "feeling_after",
    "note",
    "path",
)


def cmd_history(as_json: bool, as_csv: bool, since: date | None, routine: str | None) -> int:
    records = select(load_history().records, since=since, routine=routine)
    if as_json:
        # One record per line: readable, and quick to write for ten thousand sessions.
        lines = (json.dumps(dict(r.data, path=str(r.path)), ensure_ascii=False) for r in records)
        body = ",\n".join(lines)
        print(f"[\n{body}\n]" if body else "[]")
        return 0
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_FIELDS)
        for r in records:
            row = dict(
                r.data,
                exercises_done=r.exercises_done,
                exercises_total=len(r.exercises),
                path=str(r.path),
            )
            writer.writerow([row.get(field, "") for field in CSV_FIELDS])
        return 0
    if not records:
        print("No sessions yet.")
        return 0
    for r in records:
        feeling = ""
        if r.feeling_before is not None or r.feeling_after is not None:
            feeling = f"  feeling {_or_dash(r.feeling_before)}→{_or_dash(r.feeling_after)}"
        print(
            f"{r.started:%Y-%m-%d %H:%M}  {r.title:<22} {r.level:<12} "
            f"{_clock(r.active_seconds):>6}  {r.status:<11} "
            f"{r.exercises_done}/{len(r.exercises)} done{feeling}"
        )
    return 0


def _or_dash(value: int | None) -> str:
    return "–" if value is None else str(value)


def cmd_stats(as_json: bool) -> int:
    stats = compute(load_history().records, local_now().date())
    if as_json:
        print(json.dumps(stats.to_json(), indent=2))
        return 0
    print(f"Sessions: {stats.sessions}, {stats.minutes:.0f} minutes in all")
    print(f"Streak: {stats.current_streak} days now, {stats.longest_streak} at the longest")
    print(f"This week: {stats.this_week.sessions} sessions, {stats.this_week.minutes:.0f} minutes")
    print("Last 12 weeks (minutes): " + " ".join(f"{w.minutes:.0f}" for w in stats.weeks))
    if stats.last is not None:
        print(
            f"Last session: {stats.last.started:%a %d %b %H:%M}, {stats.last.title} "
            f"({stats.last.status})"
        )
    return 0


def catalog() -> Catalog:
    return load_catalog(paths.routine_folders())


def _fmt_minutes(value: float) -> str:
    return f"{value:g} min"


def cmd_list(as_json: bool) -> int:
    found = catalog()
    if as_json:
        out: list[dict[str, Any]] = [routine_json(r) for r in found.routines]
        out += [{"path": str(e.path), "error": str(e)} for e in found.errors]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for routine in found.routines:
        minutes = minutes_per_level(routine)
        per_level = " · ".join(f"{level} {_fmt_minutes(minutes[level])}" for level in LEVELS)
        print(f"{routine.id:<24} {routine.title}  [{routine.source}]")
        print(f"{'':<24} {len(routine.exercises)} exercises · {per_level}")
    for error in found.errors:
        print(f"! {error.path}: not usable:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    if not found.routines and not found.errors:
        print("no routines found", file=sys.stderr)
    return 0


def routine_json(routine: Routine) -> dict[str, Any]:
    exercises = []
    for exercise in routine.exercises:
        levels = {}
        for level in LEVELS:
            dose = exercise.dose(level)
            levels[level] = {
                k: v
                for k, v in (("reps", dose.reps), ("sets", dose.sets), ("seconds", dose.seconds))
                if v is not None
            }
        exercises.append(
            {
                "id": exercise.id,
                "name": exercise.name,
                "kind": exercise.kind,
                "per_side": exercise.per_side,
                "levels": levels,
            }
        )
    return {
        "id": routine.id,
        "title": routine.title,
        "source": routine.source,
        "path": str(routine.path),
        "minutes": minutes_per_level(routine),
        "exercises": exercises,
    }


def find_routine(found: Catalog, routine_id: str) -> Routine | None:
    """The routine, or None after telling the user on stderr what exists."""
    try:
        return found.find(routine_id)
    except KeyError:
        known = sorted({r.id for r in found.routines})
        close = difflib.get_close_matches(routine_id, known, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        print(
            f"supple: no routine '{routine_id}'.{hint} Known: {', '.join(known)}", file=sys.stderr
        )
        broken = [e for e in found.errors if e.path.stem == routine_id]
        for error in broken:
            print(str(error), file=sys.stderr)
        return None


def cmd_show(routine_id: str, level: str, as_json: bool) -> int:
    routine = find_routine(catalog(), routine_id)
    if routine is None:
        return 2
    segments = expand(routine, level)
    if as_json:
        print(
            json.dumps(
                {
                    "routine": routine.id,
                    "level": level,
                    "total_seconds": total_seconds(segments),
                    "segments": [s.to_json() for s in segments],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    total = total_seconds(segments)
    print(f"{routine.title} — {level} — {len(segments)} segments, {_clock(total)} in all")
    at = 0.0
    for segment in segments:
        name = routine.exercises[segment.exercise_index].name
        print(f"{_clock(at):>6}  {segment.seconds:>5g}s  {_describe(segment, name)}")
        at += segment.seconds
    return 0


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _describe(segment: Segment, name: str) -> str:
    if segment.kind == "get_ready":
        return f"get ready: {name}"
    if segment.kind == "rest":
        return "rest between sets" if segment.set else "rest"
    if segment.kind == "switch_side":
        return f"switch to the {segment.side} side"
    parts = [name]
    if segment.sets and segment.sets > 1:
        parts.append(f"set {segment.set}/{segment.sets}")
    if segment.kind == "rep":
        parts.append(f"rep {segment.rep}/{segment.reps}")
    else:
        parts.append("hold")
    if segment.side:
        parts.append(f"{segment.side} side")
    breath = " ".join(f"{p.phase} {p.seconds:g}s" for p in segment.breath)
    if segment.kind == "rep" and breath:
        parts.append(f"({breath})")
    return " · ".join(parts)


def cmd_validate(targets: Sequence[Path]) -> int:
    failed = False
    for target in targets:
        files = sorted(target.glob("*.toml")) if target.is_dir() else [target]
        for path in files:
            try:
                load_routine(path)
            except RoutineError as error:
                failed = True
                for problem in error.problems:
                    print(problem)
            else:
                print(f"{path}: ok")
    return 1 if failed else 0


def cmd_app(routine_id: str | None, level: str | None) -> int:
    found = catalog()
    if routine_id is not None and find_routine(found, routine_id) is None:
        return 2
    from supple.tui.app import run_app  # Textual is imported only here

    return run_app(found, routine_id=routine_id, level=level)
