"""The report's adjustments say what the person's steps gave and what they give now (review R3
item 4): a plan eased during a session by ``!`` is never the "before" dose of the advice drawn
from it; and the steps in force are named by routine title and exercise name, escaped, the ids
only where nothing names them."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.coach import Coach
from supple.core.advice import AdviceKind
from supple.core.advice_log import load_log
from supple.core.clock import FakeClock
from supple.core.record import PainMark
from supple.core.value import replace
from supple.system import paths
from supple.system.speech import Speaker
from tests.fakes import make_session_record

R = "back-pain-relief"
T0 = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=20)


def section(page: str, title: str) -> str:
    """A section's text as a reader sees it, spaces collapsed."""
    part = page.split(f"<h2>{title}</h2>", 1)[1].split("<h2>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", part)).split())


def coach(data_dir: Path) -> Coach:
    return Coach.from_environment(
        clock=FakeClock(), now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )


@settings(max_examples=8, deadline=None)
@given(eased=st.integers(1, 4), rating=st.integers(6, 10))
def test_an_eased_session_s_advice_steps_from_the_person_s_dose(eased: int, rating: int) -> None:
    data_dir = paths.data_dir()
    found = coach(data_dir)
    for f in (*data_dir.rglob("*.toml"), found.preferences.adjustments_path):
        f.unlink(missing_ok=True)  # each example from no history and no steps
    found = coach(data_dir)
    record = make_session_record(T0)
    cat_cow = replace(record.exercises[0], reps_planned=eased, reps_done=eased)  # eased by `!`
    mark = PainMark("cat-cow", 0, rating, 20.0, "eased")
    record = replace(record, exercises=(cat_cow, *record.exercises[1:]), pain_marks=(mark,))
    store = found.journal.store
    store.save(record, store.path_for(R, T0))
    (easier,) = [
        s
        for s in found.advice.suggested()
        if s.kind is AdviceKind.EASIER and s.exercises == ("cat-cow",)
    ]
    assert (easier.was, easier.dose) == ("5 reps", "2 reps")  # the steps' dose, never the plan's
    found.advice.apply(easier, "why")
    (logged,) = load_log(data_dir / "advice.toml")[0]
    assert (logged.was, logged.dose) == ("5 reps", "2 reps")
    target = data_dir / "report.html"
    assert main(["report", "--to", str(target), "--force"]) == 0
    text = section(target.read_text(encoding="utf-8"), "Adjustments and why")
    assert "Cat-Cow one step easier, 5 reps → 2 reps" in text
    assert "Back pain relief Cat-Cow 1 easier" in text  # by title and name
    assert "back-pain-relief" not in text and "cat-cow" not in text


def test_a_step_nothing_names_keeps_its_ids_and_names_are_escaped(data_dir: Path) -> None:
    found = coach(data_dir)
    routines = data_dir.parent / "config" / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    source = next(p for p in found.catalog.routines if p.id == R).path
    assert source is not None
    text = source.read_text(encoding="utf-8")
    text = text.replace('title = "Back pain relief"', 'title = "Back <b>&</b> relief"')
    (routines / f"{R}.toml").write_text(text, encoding="utf-8")
    found = coach(data_dir)
    assert found.catalog.find(R).title == "Back <b>&</b> relief"
    assert found.preferences.adjust(R, "cat-cow", -1)[1] is None
    assert found.preferences.adjust("gone-routine", "gone-move", 2)[1] is None
    target = data_dir / "report.html"
    assert main(["report", "--to", str(target), "--force"]) == 0
    page = target.read_text(encoding="utf-8")
    assert "<b>&</b>" not in page and "Back &lt;b&gt;&amp;&lt;/b&gt; relief" in page
    text = section(page, "Adjustments and why")
    assert "Back <b>&</b> relief Cat-Cow 1 easier" in text
    assert "gone-routine gone-move 2 harder" in text
