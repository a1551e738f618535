"""OpenHIIT's JSON export: a list of timers (one shared timer, or several).

The format, as the app (github.com/a-mabe/OpenHIIT, commit 0852cf0) writes and reads it —
``lib/features/import_export_timers/utils/file_util.dart`` writes ``jsonEncode(timers)``,
``import_export_util.dart`` reads it back (it must start with ``[``), each item through
``TimerType.fromJson`` (``lib/core/models/timer_type.dart``):

- A timer: ``{"id", "name", "timerIndex", "totalTime", "intervals", "activeIntervals",
  "activities": [names], "showMinutes", "color", "timeSettings": {...},
  "soundSettings": {...}}``. ``timeSettings`` (``timer_time_settings.dart``): ``workTime``,
  ``restTime``, ``breakTime``, ``warmupTime``, ``cooldownTime``, ``getReadyTime`` — whole
  **seconds** (``background_hiit_timer``'s interval time; the list shows ``totalTime / 60`` as
  minutes) — and ``restarts``, a count. A missing or null value is 0; ``timeSettings`` and
  ``soundSettings`` may also be JSON text of the object, as ``fromJson`` accepts.
  ``soundSettings`` names sounds (``workSound``, ``restSound``, ``halfwaySound``, ``endSound``,
  ``countdownSound``, ``breakSound``). ``totalTime`` and ``intervals`` are stored summaries:
  the app lays the intervals out again on import, and so does this module.

How the app plays a timer (``generateIntervalsFromTimer`` in
``lib/core/utils/interval_calculation.dart``; ``lib/features/run_timer/workout.dart`` plays that
list), every interval of 0 s left out:

  Get Ready (getReadyTime) · Warmup (warmupTime) · Rest (restTime, only after a warm-up) ·
  then restarts + 1 rounds of: activeIntervals work intervals of workTime, named
  ``activities[i]`` (or "Work"), with a Rest of restTime between them (not after the last) ·
  between rounds a Break of breakTime (or, if that is 0, a Rest of restTime) ·
  Cooldown (cooldownTime).

The mapping (``jawt.played_routine`` makes every routine of both formats; see jawt.py): each
work interval, the warm-up and the cool-down become holds of their seconds (the same at all
three levels), named as the app names them ("Warm-up", "Cool-down"); Get Ready becomes the
first exercise's ``get_ready``; the rests and breaks the ``rest_between_sets`` /
``rest_between_exercises`` they fall at. Repeated work of one name and length (a Tabata's
8 × "Work") becomes one exercise with that many sets (10 at most per exercise); rounds of
several named activities list them round after round (more than 60 exercises is refused).
OpenHIIT never rests after the last interval, so the supple plan lasts exactly what the app
plays unless a value exceeds supple's limits (cut and said in ``dropped``). Sounds and the
timer's colour do not carry over (one line each); ``showMinutes`` is only how the app shows
the clock and loses nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from supple.core.imports.base import Format, Imported, ImportProblem, first_of
from supple.core.imports.jawt import (
    Interval,
    Played,
    check_count,
    check_length,
    played_routine,
    quoted,
    shown,
    whole,
)
from supple.core.imports.text import clean_text
from supple.core.routine import Routine
from supple.core.words import printable

NAME = "OpenHIIT"
TOOL = NAME
TIME_KEYS = ("getReadyTime", "warmupTime", "workTime", "restTime", "breakTime", "cooldownTime")
SOUND_KEYS = (
    ("workSound", "work"),
    ("restSound", "rest"),
    ("halfwaySound", "halfway"),
    ("countdownSound", "countdown"),
    ("breakSound", "break"),
    ("endSound", "end"),
)


def detect(data: Any) -> bool:
    """A list of timers: objects with ``timeSettings`` and OpenHIIT's interval keys."""
    if not isinstance(data, list) or not data:
        return False
    first = data[0]
    return (
        isinstance(first, dict)
        and "timeSettings" in first
        and ("activeIntervals" in first or "soundSettings" in first)
    )


def convert(data: Any, path: Path) -> Imported:
    if not isinstance(data, list) or not data:
        raise ImportProblem(path, "an OpenHIIT export is a list of timers; this has none")
    dropped: list[str] = []
    taken: set[str] = set()
    routines: list[Routine] = []
    kept, notes = first_of(data, "timers")  # the rest are never read
    for number, timer in enumerate(kept, 1):
        routine = _timer(timer, f"timer {number}", path, taken, dropped)
        if routine is not None:
            routines.append(routine)
    if not routines:
        raise ImportProblem(path, "nothing in it takes time: " + "; ".join(dropped))
    return Imported(NAME, tuple(routines), tuple(dropped), notes)


def _object(value: Any, where: str, path: Path) -> dict[str, Any]:
    """A JSON object, or JSON text of one (as ``TimerType.fromJson`` accepts)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            raise ImportProblem(path, f"{where} is text that is not a JSON object") from None
    if not isinstance(value, dict):
        raise ImportProblem(path, f"{where} is {shown(value)}; expected an object")
    return value


def _count(table: dict[str, Any], key: str, where: str, path: Path, unit: str) -> int:
    value = table.get(key)
    return 0 if value is None else whole(value, path, f"{where}: '{key}'", unit)


def _timer(
    timer: Any, where: str, path: Path, taken: set[str], dropped: list[str]
) -> Routine | None:
    if not isinstance(timer, dict):
        raise ImportProblem(path, f"{where} is {shown(timer)}; expected an object")
    raw_name = timer.get("name")
    if raw_name is not None and not isinstance(raw_name, str):
        raise ImportProblem(path, f"{where}: 'name' is {shown(raw_name)}; expected text")
    title = clean_text(raw_name or "") or "OpenHIIT timer"
    label = quoted(title)
    where = f"{where} ({label})"
    if timer.get("timeSettings") is None:
        raise ImportProblem(path, f"{where} has no 'timeSettings' (the app requires them)")
    times = _object(timer["timeSettings"], f"{where}: 'timeSettings'", path)
    ready, warmup, work, rest, pause, cooldown = (
        _count(times, key, where, path, "seconds") for key in TIME_KEYS
    )
    restarts = _count(times, "restarts", where, path, "restarts")
    active = _count(timer, "activeIntervals", where, path, "intervals")
    activities = timer.get("activities")
    if not isinstance(activities, list):
        activities = []  # the app ignores anything but a list here
    for index, activity in enumerate(activities, 1):
        if not isinstance(activity, str):
            raise ImportProblem(
                path, f"{where}: activity {index} is {shown(activity)}; expected text"
            )

    # Check the length and the count before laying anything out (a file can say 10**12).
    rounds = restarts + 1
    between_rounds = pause if pause > 0 else rest
    in_rounds = rounds * max(active - 1, 0) * rest + restarts * between_rounds
    seconds = ready + warmup + (rest if warmup else 0) + rounds * active * work + in_rounds
    check_length(seconds + cooldown, label, path)
    check_count(rounds * active if work else 0, label, path)

    played = Played(lead_in=ready)
    if warmup:
        played.work(Interval("Warm-up", warmup, f"From {TOOL}: {warmup} s warm-up"))
        played.rest(rest)
    if work and active:
        for round_number in range(rounds):
            for index in range(active):
                name = activities[index] if index < len(activities) else "Work"
                how = f"From {TOOL}: {work} s of work"
                played.work(Interval(clean_text(name) or "Work", work, how))
                if index < active - 1:
                    played.rest(rest)
            if round_number < restarts:
                played.rest(between_rounds)
    else:
        played.rest(in_rounds)  # rests with no work between them: one stretch of rest
    if cooldown:
        played.work(Interval("Cool-down", cooldown, f"From {TOOL}: {cooldown} s cool-down"))

    routine = played_routine(
        played, tool=TOOL, title=title, path=path, taken=taken, dropped=dropped
    )
    if routine is not None:
        _say_left_out(timer, label, dropped)
    return routine


def _say_left_out(timer: dict[str, Any], label: str, dropped: list[str]) -> None:
    """The sounds and the colour: one line each."""
    sounds = timer.get("soundSettings")
    if isinstance(sounds, str):
        try:
            sounds = json.loads(sounds)
        except (ValueError, RecursionError):
            sounds = None
    if isinstance(sounds, dict):
        named = [
            f"{word} {printable(clean_text(sounds[key]))[:40]}"
            for key, word in SOUND_KEYS
            if isinstance(sounds.get(key), str) and sounds[key].strip()
        ]
        if named:
            dropped.append(
                f"{label}: its sounds ({', '.join(named)}) are not carried over; supple "
                "plays its own cues"
            )
    if "color" in timer:
        dropped.append(f"{label}: its colour is not carried over")


FORMAT = Format(
    name=NAME,
    syntax="json",
    detect=detect,
    convert=convert,
    kind="JSON",
    about="a HIIT interval timer app ([github.com/a-mabe/OpenHIIT]"
    "(https://github.com/a-mabe/OpenHIIT)); its files come from its export of timers.",
    file="its export (a list of timers; all of them)",
    becomes="get-ready, warm-up, each round's work intervals (named by its activities) with the "
    "rest between them, the break between rounds, the cool-down, as the run screen lays them "
    "out; sounds and colour left out",
)
