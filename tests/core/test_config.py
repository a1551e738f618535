"""Settings: defaults, each kind of bad value named with file, key and line, per-key fallback."""

from __future__ import annotations

from pathlib import Path

from supple.core.config import Config, load_config, save_config
from supple.core.routine import load_routine
from supple.core.timeline import expand
from supple.system import paths


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml") == (Config(), [])


def test_every_kind_of_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'level = "expert"\nget_ready = 99\nrest_between_sets = "long"\nsound = true\n'
        'voice = "everythin"\ncheck_in_before = "yes"\ntheme = "Not A Theme!"\n'
        'keymap = { "player.pause" = 5 }\nvolume = 3\nrest_between_exercises = 20\n'
    )
    config, problems = load_config(path)
    found = {p.key: (p.line, p.message) for p in problems}
    assert found["level"] == (
        1,
        "unknown value 'expert' (one of: beginner, intermediate, advanced); using the default",
    )
    assert (
        found["get_ready"][0] == 2
        and "99 is out of range (expected 0 to 60 s)" in found["get_ready"][1]
    )
    assert "expected a whole number, got the text 'long'" in found["rest_between_sets"][1]
    assert "expected text in quotes, got true" in found["sound"][1]
    assert "did you mean 'everything'?" in found["voice"][1]
    assert "expected true or false" in found["check_in_before"][1]
    assert "not allowed" in found["theme"][1]
    assert "expected keys in quotes" in found["keymap.player.pause"][1]
    assert "unknown key" in found["volume"][1]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    # The good key still counts; every bad one keeps its default.
    assert config == Config(rest_between_exercises=20)


def test_broken_toml_falls_back_to_all_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("voice = \n")
    config, problems = load_config(path)
    assert config == Config() and "TOML syntax error" in str(problems[0])


def test_saved_file_holds_only_what_differs(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    save_config(Config(voice="off", get_ready=3), path)
    assert path.read_text() == 'get_ready = 3\nvoice = "off"\n'
    assert load_config(path) == (Config(voice="off", get_ready=3), [])
    assert path.stat().st_mode & 0o777 == 0o600


def test_timing_overrides_reach_every_exercise() -> None:
    routine = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
    changed = Config(get_ready=2, rest_between_exercises=0).apply(routine)
    segments = expand(changed, "beginner")
    assert [s.seconds for s in segments if s.kind == "get_ready"] == [2] * 7
    assert not [s for s in segments if s.kind == "rest" and s.set is None]
    assert expand(Config().apply(routine), "beginner") == expand(routine, "beginner")


def test_docs_settings_md_is_generated_from_the_declaration() -> None:
    from supple.core.config import settings_markdown

    doc = Path(__file__).resolve().parents[2] / "docs" / "settings.md"
    assert doc.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/settings.md is stale: run scripts/settings_doc.py"
    )


def test_every_setting_is_declared_once_on_config() -> None:
    from supple.core.config import SETTINGS, TIMING_OVERRIDES
    from supple.core.routine import TIMING_KEYS
    from supple.core.value import fields

    keys = [s.key for s in SETTINGS]
    assert len(set(keys)) == len(keys)
    assert {f.name for f in fields(Config)} - set(keys) == {"keymap"}  # a table of its own
    assert set(TIMING_OVERRIDES) <= set(TIMING_KEYS)  # the routine's timing keys, no other


def test_saving_keeps_the_keys_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('volume = 3  # a newer supple\'s setting\nsound = "bell"\n[future]\nx = 1\n')
    config, _ = load_config(path)
    save_config(Config(sound="off"), path, ["sound"])
    text = path.read_text()
    assert "volume = 3  # a newer supple's setting" in text and "[future]\nx = 1" in text
    assert load_config(path)[0].sound == "off"
