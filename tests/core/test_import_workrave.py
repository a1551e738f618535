"""Workrave's exercises.xml imported as Workrave plays it.

The samples follow rcaelers/workrave: ui/data/exercises/exercises.xml.in at commit
991c248c3fdc1eab2a144035fa7fc2c02cce3cac (the elements and attributes; before commit 7c72bb82,
2021, its intltool form spelled ``_title``/``_description``), read by
ui/libs/commonui/src/Exercise.cc and played by ui/app/toolkits/gtkmm/ExercisesPanel.cc at
2a43b05693088df6cdb745828c45b856ba682f19 (sequence duration default 15 s, image duration
default 1 s, images loop until the exercise's time is up, the next exercise straight after).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from supple.core import timeline
from supple.core.imports import Imported, ImportProblem, convert_text, read_import, workrave
from tests.core.importing import seconds

DATA = Path(__file__).parent.parent / "data" / "imports" / "workrave"


def workrave_plays(path: Path) -> tuple[int, list[list[bool]]]:
    """Seconds Workrave plays the file's exercises in a row, and each second's mirroring,
    emulating ExercisesPanel::heartbeat/refresh_sequence literally."""
    root = ET.fromstring(path.read_text())
    total, mirrors = 0, []
    for exercise in root.iter("exercise"):
        sequence = exercise.find("sequence")
        assert sequence is not None
        duration = int(sequence.get("duration", 15))
        images = [
            (int(i.get("duration", 1)), i.get("mirrorx", "no") == "yes")
            for i in sequence.iter("image")
        ]
        shown, seq_time, current = [], 0, -1
        for exercise_time in range(duration):
            if exercise_time >= seq_time:
                current = (current + 1) % len(images)
                seq_time += images[current][0]
            shown.append(images[current][1])
        total += duration
        mirrors.append(shown)
    return total, mirrors


def convert(text: str) -> Imported:
    return convert_text(text, Path("exercises.xml"))


def test_one_exercise() -> None:
    imported = read_import(DATA / "one.xml")
    assert imported.format == "Workrave"
    (routine,) = imported.routines
    (exercise,) = routine.exercises
    assert (exercise.id, exercise.name, exercise.kind) == ("palm-press", "Palm press", "hold")
    assert exercise.levels["intermediate"].seconds == 30 and not exercise.per_side
    assert exercise.how == (
        "Press your palms together in front of your chest.",
        "Let go and shake the hands loose.",
    )
    assert exercise.timing.get_ready == 0 and routine.timing.rest_between_exercises == 0
    assert exercise.figure is None
    assert seconds(routine) == workrave_plays(DATA / "one.xml")[0]
    assert imported.dropped == (
        "Workrave's pictures (2) are not kept (supple draws no figure for these)",
        "Workrave's sounds at each picture change and each exercise's end are not kept",
    )


def test_several_exercises_are_one_routine_in_a_row() -> None:
    imported = read_import(DATA / "several.xml")
    (routine,) = imported.routines
    assert (routine.id, routine.title) == ("workrave-exercises", "Workrave exercises")
    assert [e.name for e in routine.exercises] == [
        "Look far away",  # English over the de and nl titles
        "Roll the shoulders",
        "Palms over the eyes",  # the commented-out exercise is not one
    ]
    # A sequence without duration lasts Workrave's default 15 s.
    assert [e.levels["beginner"].seconds for e in routine.exercises] == [20, 15, 25]
    assert routine.exercises[2].how == ("From Workrave: palms over the eyes, for 25 s.",)
    total, _ = workrave_plays(DATA / "several.xml")
    assert total == 60
    assert seconds(routine) == total  # no countdown, no rests: one exercise straight after another
    assert (
        "titles and descriptions in other languages (de, nl) are not kept: the English ones are"
        in imported.dropped
    )
    assert "Workrave shuffles the exercises each break; here they keep the file's order" in (
        imported.dropped
    )


def test_mirrored_images_become_per_side_holds_second_for_second() -> None:
    imported = read_import(DATA / "mirrored.xml")
    (routine,) = imported.routines
    arm, bend, only = routine.exercises
    total, mirrors = workrave_plays(DATA / "mirrored.xml")
    assert seconds(routine) == total
    # 40 s of a 10 s picture and its 10 s mirror: left, right, left, right.
    assert arm.per_side and arm.levels["beginner"].seconds == 10
    assert arm.levels["beginner"].sets == 2
    assert (arm.timing.switch_side, arm.timing.rest_between_sets) == (0, 0)
    held = [s for s in timeline.expand(routine, "beginner") if s.exercise_id == arm.id]
    played = [side == "right" for s in held for side in [s.side] * int(s.seconds)]
    assert played == mirrors[0]
    # 30 s of the same: left, right, left; no equal rounds, so 15 s each side once.
    assert bend.per_side and (bend.levels["beginner"].seconds, bend.levels["beginner"].sets) == (
        15,
        1,
    )
    assert any("exercise 2 ('Side bend')" in line and "15 s each side" in line for line in (
        imported.dropped
    ))  # fmt: skip
    # Only mirrored pictures: a flipped picture, not two sides.
    assert not only.per_side and only.levels["beginner"].seconds == 12


def test_the_in_file_form_with_underscored_tags() -> None:
    (routine,) = read_import(DATA / "legacy.xml.in").routines
    (exercise,) = routine.exercises
    assert exercise.name == "Wrist circles"
    assert exercise.how == ("Circle both wrists slowly, one way and then the other.",)
    assert seconds(routine) == 20


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE exercises [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<exercises><exercise><title>&g;</title><sequence duration="10"/></exercise></exercises>
"""


def test_a_doctype_or_entity_is_refused_outright() -> None:
    started = time.process_time()  # CPU, not wall: other workers run beside
    with pytest.raises(ImportProblem, match="DOCTYPE declaration, refused"):
        convert(BILLION_LAUGHS)
    assert time.process_time() - started < 1
    with pytest.raises(ImportProblem, match="ENTITY declaration"):
        convert('<exercises><!ENTITY x "y"></exercises>')


def test_expat_itself_refuses_the_billion_laughs_quickly() -> None:
    """Below the DOCTYPE check, the parser (CPython 3.11's expat 2.4+) stops the expansion."""
    started = time.process_time()  # CPU, not wall: other workers run beside
    with pytest.raises(ImportProblem, match="not well-formed XML"):
        workrave._expat(BILLION_LAUGHS, Path("exercises.xml"))
    assert time.process_time() - started < 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<exercises><exercise>", "not well-formed XML"),
        ("<exercises></exercises>", "no <exercise>"),
        ('<exercises><exercise><sequence duration="ten"/></exercise></exercises>', "'ten'"),
        ('<exercises><exercise><sequence duration="-5"/></exercise></exercises>', "'-5'"),
        ('<exercises><exercise><sequence duration="NaN"/></exercise></exercises>', "'NaN'"),
        ('<exercises><exercise><sequence duration="99999"/></exercise></exercises>', "99999 s"),
        (
            '<exercises><exercise><sequence duration="5"><image src="a" duration="1.5"/>'
            "</sequence></exercise></exercises>",
            "'1.5'",
        ),
        ("<exercises><exercise><title>x</title></exercise></exercises>", "lasts any time"),
        ("<exercises>" + "<exercise/>" * 61 + "</exercises>", "61 exercises"),
        (
            "<exercises>" + '<exercise><sequence duration="600"/></exercise>' * 30 + "</exercises>",
            "at most 4 h",
        ),
        ("<routine><exercise/></routine>", "not Workrave's exercises.xml"),
    ],
)
def test_malformed_files_are_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        convert(text)


def test_deep_junk_is_read_without_a_traceback() -> None:
    deep = "<a>" * 50_000 + "</a>" * 50_000
    text = f'<exercises><exercise><title>Deep</title>{deep}<sequence duration="5"/></exercise>'
    (routine,) = convert(text + "</exercises>").routines
    assert routine.exercises[0].levels["beginner"].seconds == 5


def test_an_exercise_without_time_is_skipped_and_said() -> None:
    text = (
        "<exercises><exercise><title>No time</title></exercise>"
        '<exercise><title>Some</title><sequence duration="7"/></exercise></exercises>'
    )
    imported = convert(text)
    (routine,) = imported.routines
    assert [e.name for e in routine.exercises] == ["Some"]
    assert any("'No time'" in line and "not imported" in line for line in imported.dropped)


def test_long_texts_are_capped_and_said() -> None:
    sentence = "Breathe and stay with it for a while longer, gently. "
    text = (
        f"<exercises><exercise><title>{'Long title ' * 10}</title>"
        f"<description>{sentence * 40}</description>"
        '<sequence duration="5"/></exercise></exercises>'
    )
    imported = convert(text)
    (exercise,) = imported.routines[0].exercises
    assert len(exercise.name) == 60 and exercise.name.endswith("…")
    assert len(exercise.how) == 8 and all(len(line) <= 200 for line in exercise.how)
    assert any("cut to 60 characters" in line for line in imported.dropped)
    assert any("cut to 8 lines" in line for line in imported.dropped)


def test_detection_claims_only_workrave_files() -> None:
    assert workrave.detect((DATA / "several.xml").read_text())
    assert workrave.detect("<!-- mine -->\n<exercises/>")
    for other in (
        '<?xml version="1.0"?><routine><exercises/></routine>',
        "<exercise><title>x</title></exercise>",
        "<html><body>exercises</body></html>",
        '{"exercises": []}',
        '[{"title": "HIIT", "sets": []}]',
    ):
        assert not workrave.detect(other)
    with pytest.raises(ImportProblem, match="not Workrave's"):
        convert("<workouts><exercises/></workouts>")
