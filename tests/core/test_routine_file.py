"""Any valid routine written as a routine file loads back as the same routine."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from supple.core.breath import PATTERNS, BreathPattern, Phase
from supple.core.figure_names import figure_names
from supple.core.routine import (
    LEVELS,
    MAX_PLAN_SECONDS,
    MAX_TIMING,
    Dose,
    Exercise,
    Kind,
    Routine,
    Timing,
    load_routine,
    parse_routine,
    plan_seconds,
)
from supple.core.routine_file import dump_routine
from supple.core.value import replace
from supple.system import paths

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and s
)
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
timings = st.builds(
    Timing,
    **{key: st.integers(0, high) for key, high in MAX_TIMING.items()},
)


@st.composite
def breaths(draw: st.DrawFn, cycle: bool, name: str) -> BreathPattern:
    named = [p for p in PATTERNS.values() if p.cycle == cycle]
    if draw(st.booleans()):
        return draw(st.sampled_from(named))
    phases = draw(
        st.lists(
            st.builds(
                lambda phase, tenths, cue: Phase(
                    phase,
                    tenths / 2,
                    cue or {"inhale": "Breathe in", "exhale": "Breathe out", "hold": "Hold"}[phase],
                ),
                st.sampled_from(("inhale", "exhale", "hold")),
                st.integers(1, 60),
                st.one_of(st.none(), text),
            ),
            min_size=1,
            max_size=4,
        )
    )
    return BreathPattern(name, tuple(phases), cycle=cycle)


@st.composite
def exercises(draw: st.DrawFn, routine_timing: Timing, exercise_id: str) -> Exercise:
    kind = draw(st.sampled_from(tuple(Kind)))
    amount = st.integers(1, 20) if kind == "reps" else st.integers(1, 120)
    levels = {
        level: (
            Dose(sets=draw(st.integers(1, 3)), reps=draw(amount))
            if kind == "reps"
            else Dose(sets=draw(st.integers(1, 3)), seconds=draw(amount))
        )
        for level in LEVELS
    }
    own = draw(st.booleans())
    return Exercise(
        id=exercise_id,
        name=draw(text),
        kind=kind,
        how=tuple(draw(st.lists(text, min_size=1, max_size=4))),
        breath=draw(breaths(kind == "hold", exercise_id)),
        levels=levels,  # type: ignore[arg-type]
        timing=draw(timings) if own else routine_timing,
        per_side=draw(st.booleans()),
        safety=draw(st.one_of(st.none(), text)),
        figure=draw(st.one_of(st.none(), st.sampled_from(sorted(figure_names())))),
    )


def within_limits(routine: Routine) -> bool:
    return all(plan_seconds(routine.exercises, level) <= MAX_PLAN_SECONDS for level in LEVELS)


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    timing = draw(timings)
    ids = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    routine = Routine(
        id=draw(slug),
        title=draw(text),
        summary=draw(st.one_of(st.just(""), text)),
        exercises=tuple(draw(exercises(timing, i)) for i in ids),
        timing=timing,
        own_timing=draw(st.booleans()),  # timing.fixed round trips too
    )
    assume(within_limits(routine))  # a routine past 4 h at a level is not a valid one
    return routine


def reload(routine: Routine, path: Path) -> Routine:
    written = dump_routine(routine, header="written by a test\nsecond line")
    path.write_text(written, encoding="utf-8")
    return load_routine(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(routine=routines())
def test_any_valid_routine_loads_back_the_same(routine: Routine, tmp_path: Path) -> None:
    again = reload(routine, tmp_path / "r.toml")
    assert replace(again, path=None, source="bundled") == routine


def test_the_bundled_routines_round_trip(tmp_path: Path) -> None:
    for path in sorted(paths.bundled_routines_dir().glob("*.toml")):
        routine = load_routine(path, "bundled")
        again = reload(routine, tmp_path / path.name)
        assert replace(again, path=routine.path, source="bundled") == routine


def test_what_is_written_is_plain_and_minimal(tmp_path: Path) -> None:
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml", "bundled")
    data = tomllib.loads(dump_routine(routine))
    assert data["schema"] == 1 and data["timing"]["get_ready"] == 5
    cat_cow = data["exercise"][0]
    assert cat_cow["breath"] == "cat-cow" and "timing" not in cat_cow  # the routine's own
    assert cat_cow["levels"]["beginner"] == {"reps": 5, "sets": 1}
    # A header of untrusted text stays comments, whatever line breaks it holds.
    text = dump_routine(routine, header="Imported from x\r\nschema = 9\u2028id = 'evil'")
    assert parse_routine(tomllib.loads(text), path=tmp_path / "x.toml").id == routine.id
    assert all(line.startswith("#") for line in text.splitlines()[:3])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(routine=routines(), title=text)
def test_any_valid_routine_saved_by_the_editor_loads_back_the_same(
    routine: Routine, title: str, tmp_path: Path
) -> None:
    """The editor's way: a copy of the routine as a new draft, one value changed, saved."""
    import tempfile

    from supple.coach.routine_edit import Draft

    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh folder for each example
    draft = Draft.copy_of(routine, folder, taken=())
    draft.set(["title"], title)
    saved = draft.save()
    again = load_routine(saved)
    expected = replace(routine, id=again.id, title=title)
    assert replace(again, path=None, source="bundled") == expected
    # And opened again, changed back and saved: only that line changes.
    reopened = Draft.open(saved, folder)
    assert isinstance(reopened, Draft)
    before = saved.read_text(encoding="utf-8").splitlines()
    reopened.set(["title"], routine.title)
    reopened.save()
    after = saved.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) <= 1
