"""A routine's own timing wins: the settings' get-ready and rests replace a routine's [timing],
except for a routine whose timing is its own (``timing.fixed = true``: every import, and a routine
that says so). The rule is applied once, by the effective catalog; home, `list`, `show` and the
editor say which timing applies."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.catalog import EffectiveCatalog
from supple.coach.routine_edit import Draft
from supple.core.config import Config
from supple.core.imports import read_import
from supple.core.routine import (
    MAX_TIMING,
    TIMING_FIXED,
    TIMING_KEYS,
    Catalog,
    RoutineError,
    RoutineKey,
    Timing,
    load_routine,
    parse_routine,
)
from supple.core.routine_file import dump_routine, routine_data
from supple.core.value import fields, replace
from supple.system import paths

IMPORTS = Path(__file__).parents[1] / "data" / "imports"
SAMPLES = sorted(p for p in IMPORTS.glob("*/*") if not p.name.endswith(".in"))
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
OVERRIDES = ("get_ready", "rest_between_sets", "rest_between_exercises")
assert set(OVERRIDES) <= {f.name for f in fields(Config)}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_import_keeps_its_sources_timing_through_its_file(sample: Path) -> None:
    imported = read_import(sample)
    assert imported.routines
    for routine in imported.routines:
        assert routine.own_timing
        written = dump_routine(routine)
        assert tomllib.loads(written)[RoutineKey.TIMING][TIMING_FIXED] is True
        again = parse_routine(tomllib.loads(written), path=Path("again.toml"))
        assert again.own_timing and again.exercises == routine.exercises


def test_an_imported_tabata_keeps_its_length_whatever_the_settings() -> None:
    (tabata,) = read_import(IMPORTS / "openhiit" / "timer.json").routines
    config = Config(get_ready=20, rest_between_sets=30, rest_between_exercises=30)
    found = EffectiveCatalog(Catalog((tabata,), ()), config)
    assert found.seconds(tabata.id, "beginner") == 10 + 8 * 20 + 7 * 10  # 4 min, not 7.4
    assert found.timing_words(found.find(tabata.id)) == "its own timing"
    # The same routine without the mark plays the settings' timing.
    plain = replace(tabata, own_timing=False)
    found = EffectiveCatalog(Catalog((plain,), ()), config)
    assert found.seconds(plain.id, "beginner") == 20 + 8 * 20 + 7 * 30
    assert found.timing_words(found.find(plain.id)) == "your settings' timing"


def test_a_supple_file_says_for_itself(tmp_path: Path) -> None:
    path = tmp_path / "bpr.toml"
    path.write_text(dump_routine(BPR))
    assert not read_import(path).routines[0].own_timing
    data = routine_data(replace(BPR, own_timing=True))
    path.write_text(dump_routine(replace(BPR, own_timing=True)))
    assert read_import(path).routines[0].own_timing
    assert data[RoutineKey.TIMING][TIMING_FIXED] is True


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("routine", '"yes"', "expected true or false"),
        ("exercise", "true", "unknown key"),
    ],
)
def test_fixed_is_a_switch_of_the_routines_timing_only(
    tmp_path: Path, where: str, value: str, message: str
) -> None:
    text = dump_routine(BPR)
    if where == "routine":
        text = text.replace("[timing]\n", f"[timing]\nfixed = {value}\n", 1)
    else:
        text = text.replace('kind = "reps"\n', f'kind = "reps"\ntiming = {{ fixed = {value} }}\n')
    path = tmp_path / "r.toml"
    path.write_text(text)
    with pytest.raises(RoutineError) as raised:
        load_routine(path)
    assert any(message in p.message and "fixed" in p.key for p in raised.value.problems)


timings = st.builds(
    Timing,
    **{k: st.integers(0, MAX_TIMING[k]) for k in TIMING_KEYS},  # type: ignore[arg-type]
)
overrides = st.fixed_dictionaries({k: st.none() | st.integers(0, 60) for k in OVERRIDES})


@settings(max_examples=60, deadline=None)
@given(timing=timings, own=st.booleans(), chosen=overrides)
def test_the_settings_replace_a_routines_timing_unless_it_is_its_own(
    timing: Timing, own: bool, chosen: dict[str, int | None]
) -> None:
    routine = replace(
        BPR,
        timing=timing,
        own_timing=own,
        exercises=tuple(replace(e, timing=timing) for e in BPR.exercises),
    )
    config = Config(**chosen)  # type: ignore[arg-type]
    found = EffectiveCatalog(Catalog((routine,), ()), config)
    played = found.find(routine.id)
    settings_apply = not own and any(v is not None for v in chosen.values())
    assert found.settings_timing(played) is settings_apply
    expected = (
        "your settings' timing" if settings_apply else "its own timing"
    )  # the words say which
    assert found.timing_words(played) == expected
    for exercise in played.exercises:
        for key in TIMING_KEYS:
            value = chosen.get(key)
            want = value if settings_apply and value is not None else getattr(timing, key)
            assert getattr(exercise.timing, key) == want


def test_the_editors_switch_writes_fixed_and_the_preview_follows(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(dump_routine(replace(BPR, id="mine", source="user")))
    draft = Draft.open(path, tmp_path)
    assert isinstance(draft, Draft)
    parts = [RoutineKey.TIMING, TIMING_FIXED]
    draft.set(parts, True)
    assert draft.routine is not None and draft.routine.own_timing
    assert tomllib.loads(draft.file_text())[RoutineKey.TIMING][TIMING_FIXED] is True
    found = EffectiveCatalog(Catalog((), ()), Config(get_ready=30))
    minutes, _ = draft.preview("beginner", found.with_settings)
    assert minutes["beginner"] * 60 == 95  # its own 5 s get-ready, not the settings' 30 s
    draft.set(parts, None)  # the switch off: the key goes
    assert draft.routine is not None and not draft.routine.own_timing
    assert TIMING_FIXED not in tomllib.loads(draft.file_text())[RoutineKey.TIMING]
    assert found.with_settings(draft.routine).exercises[0].timing.get_ready == 30


def test_list_and_show_say_which_timing_applies(capsys: pytest.CaptureFixture[str]) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text("get_ready = 20\n")
    assert main(["import", str(IMPORTS / "openhiit" / "timer.json")]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out.splitlines()
    by_id = {line.split()[0]: out[i + 1] for i, line in enumerate(out) if not line[0].isspace()}
    assert by_id["tabata"].endswith("· its own timing")
    assert "4 min" in by_id["tabata"]
    assert by_id["back-pain-relief"].endswith("· your settings' timing")
    assert main(["show", "tabata"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("4:00 in all — its own timing")
    assert main(["show", "back-pain-relief", "--json"]) == 0
    assert '"settings_timing": true' in capsys.readouterr().out
