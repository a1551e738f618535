"""Workrave's ``exercises.xml``, as Workrave plays it in a rest break.

The format (rcaelers/workrave: ui/data/exercises/exercises.xml.in at 991c248c, read by
ui/libs/commonui/src/Exercise.cc at 2a43b056, played by ui/app/toolkits/gtkmm/ExercisesPanel.cc)::

    <exercises>
      <exercise>
        <title>…</title> <title xml:lang="de">…</title>
        <description>…</description>
        <sequence duration="40">
          <image src="a.png" duration="10"/>
          <image src="a.png" mirrorx="yes" duration="10"/>
        </sequence>
      </exercise>
    </exercises>

``title`` and ``description`` come once per language (``xml:lang``, none meaning English); the
``.in`` source before 2021 (intltool) spelled the untranslated ones ``_title``/``_description``,
read here the same. The sequence's ``duration`` (default 15) is how long the whole exercise
lasts, in seconds; its images (``duration`` default 1, ``mirrorx="yes"`` shown mirrored) loop,
one after the other, until that time is up: a 40 s exercise of a 10 s image and its 10 s mirror
is left, right, left, right. Then the next exercise starts at once: no countdown, no rest.

One routine of all the exercises: a Workrave break plays them in a row, one straight after
another with no pause, as this routine does (Workrave shuffles the order and plays as many as
its setting asks; the routine keeps the file's order and has them all). Mirrored images make a
``per_side`` hold: when the loop is whole left/right rounds of equal length, each round is a set
(no rest between sets, no time to switch: the picture just flips), so the timeline is Workrave's
second for second; any other mix is held each side once for half the time. The plan lasts, at
every level (Workrave has none), the sum of the exercises' durations, as Workrave plays them.

The XML is untrusted: a DOCTYPE or ENTITY declaration is refused before parsing (an exercises
file has no use for them), and the standard library's expat refuses entity expansion attacks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from supple.core.imports.base import Format, Imported, ImportProblem
from supple.core.imports.text import clean_text, duration_words, slug, unique
from supple.core.routine import Kind, Routine
from supple.core.words import plural

NAME = "Workrave"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_SEQUENCE_SECONDS = 15  # Exercise.cc: sequence duration when the attribute is missing
DEFAULT_IMAGE_SECONDS = 1
MAX_HOLD = 600
MAX_SETS = 10
MAX_EXERCISES = 60
MAX_IMAGES = 100  # images in one exercise's sequence
_PROLOG = re.compile(r"\s*(<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.DOTALL)
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_WHOLE = re.compile(r"\s*\+?[0-9]{1,9}\s*")  # not `\d`: `int` takes `١٢` too


def detect(text: str) -> bool:
    """XML whose root element is ``<exercises>``, Workrave's (after any prolog and comments)."""
    start = text[:20_000]
    if re.search(r"<!DOCTYPE\s+exercises[\s>\[]", start):
        return True  # Workrave's, with a DOCTYPE that convert refuses by name
    head = _PROLOG.match(start)
    rest = text[head.end() if head else 0 :]
    return re.match(r"<exercises[\s>/]", rest) is not None


def convert(text: str, path: Path) -> Imported:
    root = parse_xml(text, path)
    if root.tag != "exercises":
        raise ImportProblem(
            path, f"the root element is <{clean_text(root.tag)[:40]}>, not <exercises>"
        )
    elements = [e for e in root if e.tag == "exercise"]  # Workrave skips anything else
    if not elements:
        raise ImportProblem(path, "Workrave exercises file with no <exercise> in it")
    if len(elements) > MAX_EXERCISES:
        raise ImportProblem(
            path, f"{len(elements)} exercises; a supple routine has at most {MAX_EXERCISES}"
        )
    dropped: list[str] = []
    languages: set[str] = set()
    images: set[str] = set()
    exercises: list[dict[str, Any]] = []
    used: set[str] = set()
    for number, element in enumerate(elements, 1):
        exercise = _exercise(element, number, path, dropped, languages, images)
        if exercise is not None:
            exercise["id"] = unique(slug(exercise["name"], f"exercise-{number}"), used)
            exercises.append(exercise)
    if not exercises:
        raise ImportProblem(path, "Workrave exercises file with no exercise that lasts any time")
    if languages:
        dropped.append(
            "titles and descriptions in other languages ("
            + ", ".join(sorted(languages)[:12])
            + (", …" if len(languages) > 12 else "")
            + ") are not kept: the English ones are"
        )
    if images:
        dropped.append(
            f"Workrave's pictures ({len(images)}) are not kept (supple draws no figure for these)"
        )
    dropped.append("Workrave's sounds at each picture change and each exercise's end are not kept")
    if len(exercises) > 1:
        dropped.append(
            "Workrave shuffles the exercises each break; here they keep the file's order"
        )
    total = sum(e["seconds_played"] for e in exercises)
    for exercise in exercises:
        del exercise["seconds_played"]
    data = {
        "schema": 1,
        "id": "workrave-exercises",
        "title": "Workrave exercises",
        "summary": (
            f"From Workrave: {plural(len(exercises), 'exercise')} in a row, "
            f"{duration_words(total)}."
        ),
        "timing": {
            "get_ready": 0,
            "rest_between_sets": 0,
            "rest_between_exercises": 0,
            "switch_side": 0,
        },
        "exercise": exercises,
    }
    return Imported(NAME, (_parse(data, path),), tuple(dropped))


def parse_xml(text: str, path: Path) -> ET.Element:
    """The document's root; ImportProblem for a DOCTYPE/ENTITY or XML that is not well formed."""
    found = _DECLARATION.search(text)
    if found:
        raise ImportProblem(
            path, f"XML with a {found.group(1).upper()} declaration, refused (an exercises file "
            "has none; it can make a parser expand entities without end)",
        )  # fmt: skip
    return _expat(text, path)


def _expat(text: str, path: Path) -> ET.Element:
    """Parse with expat alone (its own guard against entity expansion attacks)."""
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        return parser.close()
    except ET.ParseError as error:
        raise ImportProblem(path, f"not well-formed XML ({error})") from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise ImportProblem(path, f"XML supple cannot read ({type(error).__name__})") from None


def _parse(data: dict[str, Any], path: Path) -> Routine:
    from supple.core.routine import RoutineError, parse_routine

    try:
        return parse_routine(data, path=path)
    except RoutineError as error:  # a limit the checks here do not know (the 4 h plan)
        shown = "; ".join(p.message for p in error.problems[:3])
        raise ImportProblem(path, f"Workrave exercises supple cannot hold: {shown}") from None


def _exercise(
    element: ET.Element,
    number: int,
    path: Path,
    dropped: list[str],
    languages: set[str],
    images: set[str],
) -> dict[str, Any] | None:
    title = _pick(element, "title", languages)
    description = _pick(element, "description", languages)
    name = title or f"Exercise {number}"
    if not title:
        dropped.append(f"exercise {number} has no title: named '{name}'")
    if len(name) > 60:
        dropped.append(f"the name '{name[:40]}…' was cut to 60 characters")
        name = name[:59].rstrip() + "…"
    label = f"exercise {number} ('{name[:40]}')"

    # Exercise.cc: every <sequence> sets the duration (the last one wins) and adds its images.
    seconds: int | None = None
    frames: list[tuple[int, bool]] = []
    for sequence in (child for child in element if child.tag == "sequence"):
        seconds = _whole(sequence.get("duration"), DEFAULT_SEQUENCE_SECONDS, label, path)
        for image in (child for child in sequence if child.tag == "image"):
            if len(frames) >= MAX_IMAGES:
                raise ImportProblem(path, f"{label} has over {MAX_IMAGES} images")
            shown = _whole(image.get("duration"), DEFAULT_IMAGE_SECONDS, label, path)
            frames.append((shown, image.get("mirrorx", "no") == "yes"))
            images.add(clean_text(image.get("src", ""))[:200])
    if not seconds:
        dropped.append(f"{label} lasts no time (no <sequence> duration): not imported")
        return None
    mirrored = {m for _, m in frames}
    per_side = mirrored == {False, True}
    if seconds > (2 if per_side else 1) * MAX_HOLD:
        raise ImportProblem(
            path, f"{label} lasts {seconds} s; supple holds at most {MAX_HOLD} s"
            + (" each side" if per_side else ""),
        )  # fmt: skip
    sets, hold = 1, seconds
    if per_side:
        sets, hold = _rounds(_timeline(frames, seconds), seconds)
        if sets == 0:
            hold = seconds // 2
            sets = 1
            cut = " (1 s shorter)" if seconds % 2 else ""
            dropped.append(
                f"{label}: Workrave's left/right pictures do not fall into equal rounds; "
                f"held {hold} s each side once{cut}"
            )
    how = _steps(description, label, dropped) or [
        f"From Workrave: {name[0].lower() + name[1:]}, for {seconds} s."
    ]
    return {
        "id": "",
        "name": name,
        "kind": Kind.HOLD.value,
        "how": how,
        "per_side": per_side,
        "levels": {level: {"seconds": hold, "sets": sets} for level in _LEVELS},
        "seconds_played": seconds,
    }


_LEVELS = ("beginner", "intermediate", "advanced")


def _whole(raw: str | None, default: int, label: str, path: Path) -> int:
    """An attribute of whole seconds, as boost reads an int: anything else is refused."""
    if raw is None:
        return default
    if not _WHOLE.fullmatch(raw):
        shown = clean_text(raw)[:20]
        raise ImportProblem(path, f"{label} has duration '{shown}' (expected whole seconds, 0 up)")
    return int(raw)


def _timeline(frames: list[tuple[int, bool]], seconds: int) -> list[bool]:
    """Mirrored or not, each second of the exercise, as ExercisesPanel's heartbeat plays it:
    the next image comes when the time reaches the sum of the durations shown so far, checked
    once a second (so an image of 0 s still shows for one)."""
    shown: list[bool] = []
    index, until = -1, 0
    for second in range(seconds):
        if second >= until:
            index = (index + 1) % len(frames)
            until += frames[index][0]
        shown.append(frames[index][1])
    return shown


def _rounds(shown: list[bool], seconds: int) -> tuple[int, int]:
    """(sets, seconds each side) when the timeline is whole rounds of left then right, each side
    as long; (0, 0) when it is not."""
    runs: list[int] = []
    for index, mirrored in enumerate(shown):
        if index and mirrored == shown[index - 1]:
            runs[-1] += 1
        else:
            runs.append(1)
    if shown[0] or len(runs) % 2 or len(set(runs)) != 1:
        return 0, 0
    sets = len(runs) // 2
    return (sets, runs[0]) if sets <= MAX_SETS and runs[0] <= MAX_HOLD else (0, 0)


def _pick(element: ET.Element, tag: str, languages: set[str]) -> str:
    """The English (or untranslated) text of ``tag``, as Workrave ranks it for English; the other
    languages are noted."""
    found: list[tuple[str, str]] = []
    for child in element:
        if child.tag in (tag, f"_{tag}"):
            lang = child.get(XML_LANG) or "en"
            found.append((lang, clean_text("".join(child.itertext()))))
    chosen = next((text for lang, text in found if lang.startswith("en")), None)
    for lang, _ in found:
        if not lang.startswith("en"):
            languages.add(clean_text(lang)[:10])
    if chosen is None and found:
        chosen = found[0][1]  # Workrave: any language rather than none
    return chosen or ""


def _steps(description: str, label: str, dropped: list[str]) -> list[str]:
    """The description as supple's steps: a sentence a line, packed when there are more than 8,
    each at most 200 characters."""
    if not description:
        return []
    lines: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", description):
        while len(sentence) > 200:
            cut = sentence.rfind(" ", 0, 200)
            cut = cut if cut > 0 else 199
            lines.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        if sentence:
            lines.append(sentence)
    if len(lines) > 8:
        packed: list[str] = []
        for line in lines:
            if packed and len(packed[-1]) + 1 + len(line) <= 200:
                packed[-1] += " " + line
            else:
                packed.append(line)
        lines = packed
    if len(lines) > 8:
        dropped.append(f"{label}: the description was cut to 8 lines (from {len(lines)})")
        lines = lines[:8]
    return lines


FORMAT = Format(
    name=NAME,
    syntax="xml",
    detect=detect,
    convert=convert,
    kind="exercises.xml",
    about="a break reminder for the desktop ([github.com/rcaelers/workrave]"
    "(https://github.com/rcaelers/workrave)) that shows exercises in its rest breaks; its file "
    "is the one it installs (`exercises.xml`, in its data folder).",
    file="`exercises.xml` (or the older `.xml.in`)",
    becomes="the whole file one routine, exercise after exercise with no pause, as a Workrave "
    "break plays them; mirrored pictures in equal left/right rounds become per-side holds; the "
    "English text (steps one sentence a line)",
)
