"""`supple export` and `supple import`: a routine out to a file and back in, never over anything."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from supple.cli import main
from supple.core.routine import load_routine
from supple.system import paths


def test_export_then_import_gives_the_same_routine_under_a_free_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared.toml"
    assert main(["export", "back-pain-relief", "--to", str(shared)]) == 0
    original = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
    assert load_routine(shared).exercises == original.exercises  # self-contained
    assert main(["export", "back-pain-relief", "--to", str(shared)]) == 1  # never over a file
    assert "exists" in capsys.readouterr().err
    assert main(["import", str(shared)]) == 0
    out = capsys.readouterr().out
    assert "back-pain-relief-2" in out and "was taken" in out
    saved = paths.user_routines_dir() / "back-pain-relief-2.toml"
    again = load_routine(saved)
    assert again.exercises == original.exercises and again.title == original.title
    assert saved.read_text().startswith("# Imported by supple on ")
    assert main(["import", str(shared)]) == 0  # again: another id, the first kept
    assert (paths.user_routines_dir() / "back-pain-relief-3.toml").exists()
    assert main(["list"]) == 0
    assert "back-pain-relief-3" in capsys.readouterr().out


def test_export_prints_without_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "lower-back-mobility"]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    assert data["id"] == "lower-back-mobility" and len(data["exercise"]) == 7
    assert main(["export", "no-such"]) == 1
    assert "no routine 'no-such'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"hello": 1}', "a JSON file, but not one of"),
        ("{not json", "not valid JSON"),
        ("<root/>", "not Workrave's exercises.xml"),
        ("just some words", "not a file supple can import"),
        ('schema = 1\nid = "x"\n[[exercise]]\nid = "a"\n', "a supple routine with problems"),
        (b"\xff\xfe\x00garbage", "not text"),
    ],
)
def test_what_is_not_a_workout_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, said: str
) -> None:
    path = tmp_path / "thing"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and said in err
    assert not paths.user_routines_dir().exists() or not any(paths.user_routines_dir().iterdir())


def test_a_file_that_is_no_file_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_feeel_export_all_zip_imports_every_workout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    samples = sorted((Path(__file__).parents[1] / "data" / "imports" / "feeel").glob("*.feeel"))
    assert samples
    bundle = tmp_path / "feeel-export.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for sample in samples:
            archive.writestr(sample.name, sample.read_text())
    assert main(["import", str(bundle)]) == 0
    out = capsys.readouterr().out
    assert f"Feeel, {len(samples)} routine" in out
    assert len(list(paths.user_routines_dir().glob("*.toml"))) == len(samples)
