"""The editor's model: a draft of routine-file data, checked as `supple validate` checks it."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.coach.routine_edit import (
    Draft,
    Opened,
    copy_id,
    number_or_text,
    parse_phases,
    phases_text,
)
from supple.core.files import SaveError
from supple.core.routine import Kind, load_routine
from supple.core.routine_file import routine_data
from supple.system import paths

HAND_WRITTEN = """\
# My morning routine, from the physio
schema = 1
id = "morning"
title = "Morning"   # short
summary = "Gentle start."

[timing]
get_ready = 5   # enough for me
rest_between_sets = 15

# the first one
[[exercise]]
id = "cat-cow"
name = "Cat-Cow"
kind = "reps"
how = ["Kneel on all fours.", "Alternate a hollow and a rounded back."]
breath = "cat-cow"
levels.beginner = { reps = 5, sets = 1 }   # easy
levels.intermediate = { reps = 8, sets = 2 }
levels.advanced = { reps = 10, sets = 3 }

# the second
[[exercise]]
id = "sphinx"
name = "Sphinx"
kind = "hold"
how = ["Lie face down on your forearms."]
timing = { get_ready = 8 }   # longer to get down
levels.beginner = { seconds = 15 }
levels.intermediate = { seconds = 30 }
levels.advanced = { seconds = 60, sets = 2 }
"""


@pytest.fixture
def hand_written(tmp_path: Path) -> Path:
    path = tmp_path / "routines" / "morning.toml"
    path.parent.mkdir()
    path.write_text(HAND_WRITTEN)
    return path


def bundled() -> Draft:
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
    return Draft.copy_of(routine, paths.user_routines_dir(), ["back-pain-relief"])


def test_a_value_out_of_range_is_a_problem_at_its_key_until_fixed() -> None:
    draft = bundled()
    assert draft.valid and draft.dirty  # a copy is not saved yet
    reps = ["exercise", 1, "levels", "beginner", "reps"]
    draft.set(reps, 999)
    assert not draft.valid
    (problem,) = draft.problems_at(reps)
    assert "999 is out of range (expected 1 to 100)" in problem.message
    assert draft.problems_at(["exercise", 1], under=True) == [problem]
    draft.set(reps, 7)
    assert draft.valid and draft.problems == ()
    assert draft.routine is not None and draft.routine.exercises[0].levels["beginner"].reps == 7


def test_a_misspelt_choice_says_did_you_mean() -> None:
    draft = bundled()
    draft.set(["exercise", 1, "figure"], "cat-coww")
    (problem,) = draft.problems
    assert problem.key == "exercise[1].figure" and "did you mean 'cat-cow'?" in problem.message


def test_a_copy_gets_a_free_id_and_a_copy_title() -> None:
    assert copy_id("desk", []) == "desk-copy"
    assert copy_id("desk", ["desk-copy"]) == "desk-copy-2"
    assert copy_id("desk", ["desk-copy", "desk-copy-2"]) == "desk-copy-3"
    draft = bundled()
    assert draft.data["id"] == "back-pain-relief-copy"
    assert str(draft.data["title"]).endswith(" (copy)")
    assert draft.target == paths.user_routines_dir() / "back-pain-relief-copy.toml"


def test_a_new_routine_is_valid_and_an_id_taken_is_a_problem() -> None:
    draft = Draft.new(paths.user_routines_dir(), ["my-routine"])
    assert draft.valid and draft.data["id"] == "my-routine-2"
    draft.set(["id"], "my-routine")
    assert [p.key for p in draft.problems] == ["id"]


def test_reorder_duplicate_remove() -> None:
    draft = bundled()
    ids = [e["id"] for e in draft.exercises]
    assert draft.move_exercise(0, 1) == 1
    assert [e["id"] for e in draft.exercises][:2] == [ids[1], ids[0]]
    assert draft.move_exercise(0, -1) == 0  # the first stays first
    at = draft.duplicate_exercise(0)
    assert draft.exercises[at]["id"] == f"{ids[1]}-2" and draft.valid
    assert draft.remove_exercise(at) == at
    assert [e["id"] for e in draft.exercises][:2] == [ids[1], ids[0]]
    added = draft.add_exercise(0)
    assert added == 1 and draft.valid
    while len(draft.exercises) > 1:
        draft.remove_exercise(0)
    assert draft.remove_exercise(0) == 0 and len(draft.exercises) == 1  # never none


def test_changing_the_kind_changes_the_amounts_and_drops_a_wrong_pattern() -> None:
    draft = bundled()
    assert draft.exercises[0]["kind"] == "reps"
    draft.set(["exercise", 1, "breath"], "cat-cow")
    draft.set_kind(0, Kind.HOLD)
    assert draft.valid
    assert "breath" not in draft.exercises[0]
    assert set(draft.exercises[0]["levels"]["beginner"]) == {"seconds", "sets"}


def test_custom_breath_phases_are_checked_by_the_routine_check() -> None:
    assert parse_phases("inhale 2.5 Up high, exhale 3") == [
        {"phase": "inhale", "seconds": 2.5, "cue": "Up high"},
        {"phase": "exhale", "seconds": 3},
    ]
    assert (
        phases_text(parse_phases("inhale 2.5 Up high, exhale 3")) == "inhale 2.5 Up high, exhale 3"
    )
    draft = bundled()
    draft.set(["exercise", 1, "breath"], parse_phases("inhail 3, exhale x"))
    keys = {p.key: p.message for p in draft.problems}
    assert "did you mean 'inhale'?" in keys["exercise[1].breath[1].phase"]
    assert (
        number_or_text(" 12 ") == 12 and number_or_text("") is None and number_or_text("a") == "a"
    )


def test_the_preview_gives_minutes_and_the_timeline() -> None:
    draft = bundled()
    minutes, line = draft.preview("beginner")
    assert set(minutes) == {"beginner", "intermediate", "advanced"}
    assert line.startswith("get ready ") and " reps × " in line
    draft.set(["title"], "")
    assert draft.preview("beginner") == ({}, "")


def test_a_new_routine_saved_loads_back_the_same() -> None:
    draft = bundled()
    draft.move_exercise(0, 1)
    path = draft.save()
    assert path == paths.user_routines_dir() / "back-pain-relief-copy.toml"
    loaded = load_routine(path)
    assert draft.routine is not None
    assert routine_data(loaded) == routine_data(draft.routine)
    assert not draft.dirty
    again = bundled()  # the same id is not taken again: a second copy would clash on disk
    again.taken = set()
    with pytest.raises(SaveError):
        again.save()


def test_editing_one_value_of_a_hand_written_file_changes_that_line_only(
    hand_written: Path,
) -> None:
    draft = Draft.open(hand_written, hand_written.parent)
    assert isinstance(draft, Draft) and draft.valid
    draft.set(["exercise", 1, "levels", "beginner", "reps"], 6)
    draft.save()
    before, after = HAND_WRITTEN.splitlines(), hand_written.read_text().splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (
            "levels.beginner = { reps = 5, sets = 1 }   # easy",
            "levels.beginner = { reps = 6, sets = 1 }   # easy",
        )
    ]


def test_other_edits_keep_the_comments(hand_written: Path) -> None:
    draft = Draft.open(hand_written, hand_written.parent)
    assert isinstance(draft, Draft)
    draft.set(["timing", "switch_side"], 3)
    draft.set(["exercise", 2, "timing", "get_ready"], None)
    draft.set(["exercise", 1, "safety"], "Slowly.")
    draft.move_exercise(1, -1)
    draft.save()
    text = hand_written.read_text()
    for comment in ("# My morning routine", "# short", "# enough for me", "# easy"):
        assert comment in text
    routine = load_routine(hand_written)
    assert [e.id for e in routine.exercises] == ["sphinx", "cat-cow"]
    assert routine.timing.switch_side == 3 and routine.exercises[0].timing.get_ready == 5
    assert routine.exercises[1].safety == "Slowly."
    assert "switch_side = 3\n\n# the first one" in text  # after its table's keys


def test_a_broken_file_opens_with_its_problems_and_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(
        HAND_WRITTEN.replace("reps = 10", "reps = 999").replace('kind = "hold"', 'kind = "hodl"')
    )
    draft = Draft.open(path, tmp_path)
    assert isinstance(draft, Draft) and not draft.valid
    keys = {p.key: p for p in draft.problems}
    assert "exercise[1].levels.advanced.reps" in keys
    assert "did you mean 'hold'?" in keys["exercise[2].kind"].message
    assert keys["exercise[2].kind"].line is not None  # lines, as long as nothing changed
    draft.set(["exercise", 2, "kind"], "hold")
    draft.set(["exercise", 1, "levels", "advanced", "reps"], 10)
    assert draft.valid
    draft.save()
    assert path.read_text() == HAND_WRITTEN


def test_a_file_that_is_no_toml_is_shown_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('schema = 1\nid = "x\n')
    opened = Draft.open(path, tmp_path)
    assert isinstance(opened, Opened)
    assert opened.text == 'schema = 1\nid = "x\n' and "line 2" in opened.reason
