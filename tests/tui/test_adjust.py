"""Easier or harder next time: set on the summary, kept, applied to that exercise only."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from supple.coach.catalog import EffectiveCatalog
from supple.coach.wording import stepped
from supple.core.adjustments import (
    MAX_STEP,
    adjusted,
    ladder,
    load_adjustments,
    save_adjustments,
)
from supple.core.config import Config
from supple.core.routine import LEVELS, Dose, Level, load_catalog, load_routine
from supple.system import paths
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.summary import SummaryScreen
from supple.tui.widgets.record_table import RecordTable
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")


def test_a_step_moves_along_the_ladder_bounded(tmp_path: Path) -> None:
    easier = adjusted(BPR, {"cat-cow": -1})
    cat_cow = easier.exercise("cat-cow")
    assert cat_cow.levels["intermediate"] == BPR.exercise("cat-cow").levels["beginner"]
    assert cat_cow.levels["beginner"] == Dose(sets=1, reps=2)  # below beginner: half of 5
    assert easier.exercise("sphinx") == BPR.exercise("sphinx")  # that exercise only
    rungs = ladder(BPR.exercise("cat-cow"))
    assert [d.reps for d in rungs.rungs] == [1, 2, 5, 8, 10]
    advanced = BPR.exercise("cat-cow").levels["advanced"]
    assert rungs.step(advanced, 2) == advanced and rungs.step(advanced, -9) == Dose(1, reps=1)
    assert [d.seconds for d in ladder(BPR.exercise("sphinx")).rungs] == [5, 7, 15, 30, 60]
    path = tmp_path / "adjustments.toml"
    save_adjustments({"back-pain-relief": {"cat-cow": -1, "sphinx": 0}}, path)
    assert load_adjustments(path) == ({"back-pain-relief": {"cat-cow": -1}}, [])
    path.write_text('schema = 1\n[back-pain-relief]\ncat-cow = 7\nsphinx = "x"\n["BAD id"]\n')
    steps, problems = load_adjustments(path)
    assert steps == {} and len(problems) == 3
    assert "from -4 to 4" in problems[0].message


async def test_easier_next_time_from_the_summary_through_the_next_session(
    data_dir: Path,
) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text('check_in_after = false\nlevel = "intermediate"\n')
    app = build_app(data_dir, start=("back-pain-relief", "intermediate"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(300):
            advance(app, 1.0)
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("minus")  # the first row, Cat-Cow: one level easier next time
        await settle(pilot)
        saved = tomllib.loads(app.coach.preferences.adjustments_path.read_text())
        assert saved["back-pain-relief"] == {"cat-cow": -1}
        table = app.screen.query_one(RecordTable)
        # Labelled by what changed: intermediate's 8 reps × 2 sets become beginner's 5.
        assert str(table.get_cell("0", "next-time")) == "easier: 5 reps (was 8 reps × 2 sets)"
        assert app.coach.catalog.step("back-pain-relief", "cat-cow") == -1
        await pilot.press("down", "plus")  # Sphinx one level harder...
        await pilot.press("minus")  # ...and undone the same way
        await settle(pilot)
        assert app.coach.preferences.steps == {"back-pain-relief": {"cat-cow": -1}}
        # Every duration follows: intermediate Cat-Cow plays beginner's 5 reps × 1 set.
        routine = app.coach.catalog.find("back-pain-relief")
        assert routine.exercise("cat-cow").describe("intermediate") == "5 reps"
        assert routine.exercise("sphinx").describe("intermediate") == BPR.exercise(
            "sphinx"
        ).describe("intermediate")
        await pilot.press("enter")  # home
        await settle(pilot)
        await pilot.press("enter")  # the same routine again
        await settle(pilot)
        player = app.screen
        assert isinstance(player, PlayerScreen)
        reps = [s for s in player.live.session.segments if s.exercise_id == "cat-cow"]
        assert [s.rep for s in reps if s.kind == "rep"] == [1, 2, 3, 4, 5]
        assert player.live.level == "intermediate"  # still the session's level


async def test_home_shows_which_exercises_are_easier_or_harder(data_dir: Path) -> None:
    app = build_app(data_dir)
    app.coach.adjust("back-pain-relief", "sphinx", 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        preview = str(app.screen.query_one("#preview-text", Static).render())
        harder = BPR.exercise("sphinx").describe("intermediate")  # beginner plays these now
        was = BPR.exercise("sphinx").describe("beginner")
        assert f"Sphinx — {harder} (harder, was {was})" in preview
        assert preview.count("(harder") == 1 and "(easier" not in preview


async def test_home_follows_a_change_made_on_the_summary(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("check_in_after = false\n")
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # back pain relief, beginner
        await settle(pilot)
        for _ in range(200):
            advance(app, 1.0)
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("down", "plus")  # Sphinx harder
        await settle(pilot)
        table = app.screen.query_one(RecordTable)
        words = "harder: 30 s hold (was 15 s hold)"
        assert str(table.get_cell("1", "next-time")) == words
        assert table.columns["next-time"].content_width >= len(words)
        await pilot.press("enter")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview-text", Static).render())
        assert "(harder, was 15 s hold)" in preview


async def test_a_step_that_changes_nothing_is_not_saved_nor_labelled(data_dir: Path) -> None:
    # At beginner, as easy as the ladder goes: "easier" once said "already beginner", was saved
    # anyway, and home then labelled the exercise "(easier)" with unchanged numbers.
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("check_in_after = false\n")
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # back pain relief, beginner
        await settle(pilot)
        for _ in range(200):
            advance(app, 1.0)
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        floor = app.coach.catalog.dose("back-pain-relief", "cat-cow", "beginner", -9)
        changes = floor != BPR.exercise("cat-cow").describe("beginner")  # a ladder below
        await pilot.press("minus")  # Cat-Cow easier
        await settle(pilot)
        table = app.screen.query_one(RecordTable)
        cell = str(table.get_cell("0", "next-time"))
        if not changes:
            assert app.coach.preferences.steps == {}
            assert not app.coach.preferences.adjustments_path.exists()
            assert cell == ""
            assert any("not changed" in str(n.message) for n in app._notifications)
        else:
            assert cell.startswith("easier: ") and "(was 5 reps)" in cell
        await pilot.press("enter")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview-text", Static).render())
        assert ("(easier" in preview) is changes


CATALOG = load_catalog([(paths.bundled_routines_dir(), "bundled")])  # never the home folder
EXERCISES = [(r.id, e.id) for r in CATALOG.routines for e in r.exercises]


@settings(max_examples=40, deadline=None)
@given(
    steps=st.dictionaries(st.sampled_from(EXERCISES), st.integers(-MAX_STEP, MAX_STEP)),
    level=st.sampled_from(LEVELS),
    change=st.sampled_from([-1, 1]),
)
def test_nothing_is_labelled_as_changed_that_did_not_change(
    steps: dict[tuple[str, str], int], level: Level, change: int
) -> None:
    """Any steps, any level: an exercise is labelled exactly when what it asks differs from its
    file, the label names what it asks now and what it asked, and a step is offered for saving
    exactly when it would change what the exercise asks."""
    by_routine: dict[str, dict[str, int]] = {}
    for (routine_id, exercise_id), step in steps.items():
        by_routine.setdefault(routine_id, {})[exercise_id] = step
    catalog = EffectiveCatalog(CATALOG, Config(), by_routine)
    for routine_id, exercise_id in EXERCISES:
        written = catalog.dose(routine_id, exercise_id, level, 0)
        plays = catalog.find(routine_id).exercise(exercise_id).describe(level)
        facts = catalog.stepped(routine_id, exercise_id, level)
        if facts is None:
            assert plays == written
        else:
            assert (facts.now, facts.was) == (plays, written) and plays != written
            assert stepped(facts).startswith("easier" if facts.step < 0 else "harder")
        step = catalog.step(routine_id, exercise_id)
        after = catalog.dose(routine_id, exercise_id, level, step + change)
        assert catalog.changes(routine_id, exercise_id, level, change) is (after != plays)
