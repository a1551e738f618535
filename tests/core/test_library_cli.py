"""The library as the person meets it: "not for me" (not-for-me.toml), `supple exercises`,
`supple play --exercise`, `supple validate` of a library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.library import LibraryService, alone_routine
from supple.core.files import SaveError
from supple.core.library import ALONE, load_library
from supple.core.not_for_me import FILE_NAME, load_not_for_me
from supple.core.routine import LEVELS
from supple.system import paths

from .test_library import exercise_toml, write_library

SEVEN = ("cat-cow", "knee-to-chest", "childs-pose", "superman", "bridge", "sphinx")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.tuples(st.sampled_from(SEVEN), st.booleans()), max_size=8))
def test_marks_and_unmarks_are_kept_as_a_set(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, bool]]
) -> None:
    data = tmp_path_factory.mktemp("data")
    service = LibraryService(data)
    model: set[str] = set()
    for exercise_id, mark in steps:
        service.mark(exercise_id, mark)
        (model.add if mark else model.discard)(exercise_id)
        assert service.not_for_me().ids == model
    assert load_not_for_me(data / FILE_NAME).ids == model  # as a new run reads it
    assert LibraryService(data).not_for_me().ids == model


def test_a_broken_file_is_reported_and_never_written_over(tmp_path: Path) -> None:
    broken = tmp_path / FILE_NAME
    broken.write_bytes(b'schema = 1\nexercises = ["cat-cow"\n')
    service = LibraryService(tmp_path)
    assert service.not_for_me().ids == frozenset() and service.not_for_me().problem
    with pytest.raises(SaveError, match="cannot be read"):
        service.mark("sphinx")
    assert broken.read_bytes() == b'schema = 1\nexercises = ["cat-cow"\n'


def test_keys_it_does_not_know_are_kept_and_a_newer_file_is_never_rewritten(
    tmp_path: Path,
) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('schema = 1\nexercises = ["bridge"]\nwhy = "my knee"\n')
    LibraryService(tmp_path).mark("sphinx")
    assert 'why = "my knee"' in path.read_text()
    assert load_not_for_me(path).ids == {"bridge", "sphinx"}
    path.write_text('schema = 2\nexercises = ["bridge"]\n')
    with pytest.raises(SaveError, match="newer"):
        LibraryService(tmp_path).mark("sphinx")
    assert path.read_text() == 'schema = 2\nexercises = ["bridge"]\n'


def test_only_library_ids_are_marked(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        LibraryService(tmp_path).mark("no-such-stretch")
    assert not (tmp_path / FILE_NAME).exists()


def test_exercises_lists_the_library_with_its_facts(
    capsys: pytest.CaptureFixture[str], isolated_dirs: dict[str, Path]
) -> None:
    LibraryService(paths.data_dir()).mark("superman")
    code, out, _ = run(capsys, "exercises", "--json")
    listed = {e["id"]: e for e in json.loads(out)}
    library = load_library(paths.bundled_library_dir())
    assert code == 0 and set(listed) == set(library.ids())
    superman = listed["superman"]
    assert superman["not_for_me"] is True and listed["sphinx"]["not_for_me"] is False
    assert superman["areas"][0] == "lower-back" and superman["kind"] == "reps"
    assert set(superman["levels"]) == set(LEVELS)
    code, out, _ = run(capsys, "exercises", "--area", "hips", "--json")
    assert {e["id"] for e in json.loads(out)} == {
        e.id for e in library.exercises if "hips" in e.areas
    }
    code, out, _ = run(capsys, "exercises", "--equipment", "none", "--json")
    assert all(e["equipment"] == [] for e in json.loads(out))
    code, out, _ = run(capsys, "exercises")
    assert "superman" in out and "(not for me)" in out and "ladder:" in out


def test_equipment_is_a_closed_set_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["exercises", "--equipment", "wall,chiar"])
    assert "did you mean 'chair'?" in capsys.readouterr().err


def test_one_exercise_alone_is_a_routine_whose_id_says_which(
    capsys: pytest.CaptureFixture[str], isolated_dirs: dict[str, Path]
) -> None:
    routine = alone_routine(f"{ALONE}sphinx")
    assert routine.id == "exercise-sphinx" and [e.id for e in routine.exercises] == ["sphinx"]
    from supple.coach.coach import Coach

    coach = Coach.from_environment()
    assert coach.catalog.find("exercise-sphinx").exercises == routine.exercises
    with pytest.raises(KeyError):
        coach.catalog.find("exercise-sphinxx")
    code, _, err = run(capsys, "play", "--exercise", "sphinxx")
    assert code == 2 and "Did you mean 'sphinx'?" in err
    code, _, err = run(capsys, "play", "back-pain-relief", "--exercise", "sphinx")
    assert code == 2 and "one of them" in err


def test_validate_checks_a_library_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = write_library(
        tmp_path / "ok" / "library",
        {"hips": [exercise_toml("a", harder="b"), exercise_toml("b", easier="a")]},
    )
    code, out, _ = run(capsys, "validate", str(good))
    assert code == 0 and "ok (2 exercises)" in out
    bad = write_library(
        tmp_path / "bad" / "library",
        {"hips": [exercise_toml("a", harder="b"), exercise_toml("b")]},
    )
    code, out, _ = run(capsys, "validate", str(bad / "hips.toml"))
    assert code == 1 and "hips.toml:" in out and "a ladder goes both ways" in out


def test_not_for_me_and_for_me_on_the_command_line(
    capsys: pytest.CaptureFixture[str], isolated_dirs: dict[str, Path]
) -> None:
    code, out, err = run(capsys, "exercises", "--not-for-me", "sphinx")
    assert code == 0 and "Sphinx: not for me" in out, err
    assert load_not_for_me(paths.data_dir() / FILE_NAME).ids == {"sphinx"}
    _, out, _ = run(capsys, "exercises", "--json")
    assert {e["id"] for e in json.loads(out) if e["not_for_me"]} == {"sphinx"}
    code, out, _ = run(capsys, "exercises", "--for-me", "sphinx")
    assert code == 0 and "Sphinx: for you again" in out
    assert load_not_for_me(paths.data_dir() / FILE_NAME).ids == frozenset()
    code, out, err = run(capsys, "exercises", "--not-for-me", "sphinxx")
    assert code == 2 and out == "" and "Did you mean 'sphinx'?" in err
    assert load_not_for_me(paths.data_dir() / FILE_NAME).ids == frozenset()
    with pytest.raises(SystemExit):
        main(["exercises", "--not-for-me", "sphinx", "--for-me", "bridge"])
    assert "not allowed with" in capsys.readouterr().err
