"""`supple report` (issue 25, item 4): every section from a synthetic history, every piece of
untrusted text escaped, nothing fetched, written 0600 and never through a non-regular file."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core import screening
from supple.core.program import MobilityTest, TestKind
from supple.core.report import Applied, ReportFacts, Step, is_own_report, read_applied, render
from supple.core.stats import Week
from supple.core.trends import AdherenceWeek, PainWeek, TestTrend, pain_of, sparkline
from supple.core.words import judge
from supple.system import paths
from tests.fakes import fake_program

NOW = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
SECTIONS = (
    "Adherence to the program",
    "Work minutes per week",
    "Pain",
    "Mobility tests",
    "Adjustments and why",
    "Safety screening",
)
HOSTILE = st.lists(
    st.sampled_from(["<script>", "</td>", "&", '"', "'", "a", " ", "<", ">", "é", "&amp;"]),
    min_size=1,
    max_size=12,
).map("".join)


def facts(text: str) -> ReportFacts:
    """A report with every section filled, `text` wherever the person's files put words."""
    test = MobilityTest(text, text, TestKind.MEASURE, text, "lower", -40, 100, (text,), error=4)
    return ReportFacts(
        generated=NOW,
        program=text,
        started=NOW,
        done=2,
        total=18,
        adherence=(AdherenceWeek(1, date(2026, 11, 24), 3, 2),),
        weeks=(Week(date(2026, 11, 23), 2, 9.5),),
        pain=(PainWeek(date(2026, 11, 23), 3.0, 2.0, 4.0, 2),),
        old_feelings=2,
        tests=(TestTrend(test, (("start", 12.0), ("middle", 6.0)), 6.0, "better"),),
        applied=(Applied(NOW, text, text), Applied(NOW, text, text, undone=True)),
        steps=(Step(text, text, -1), Step(text, text, 2)),
        screening=screening.answered(frozenset({"night_pain"}), 3, NOW, None),
    )


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities left)."""
    return re.sub(r"<[^>]*>", "", page.split("</style>", 1)[1])


@settings(max_examples=80, deadline=None)
@given(HOSTILE)
def test_every_untrusted_text_is_escaped(text: str) -> None:
    page = render(facts(text))
    tags = re.findall(r"<(/?[a-zA-Z0-9]+)", page)
    assert "script" not in {t.lstrip("/").lower() for t in tags}
    assert "<" not in visible(page) and ">" not in visible(page)
    body = page.split("</style>", 1)[1]
    assert re.search(r"&(?!(amp|lt|gt|quot|#x27);)", body) is None  # every & is an entity
    assert "http" not in page.lower()


def test_every_section_is_there() -> None:
    page = render(facts("Lower back"))
    for section in SECTIONS:
        assert f"<h2>{section}</h2>" in page
    assert "@media print" in page and "<script" not in page
    assert "2 done of 3 planned" in page and "constant pain at night" in page
    assert "not cleared" in page
    assert "another scale" in page  # old feeling check-ins are said, never converted


def test_the_applied_advice_is_read_whatever_the_array_is_called(tmp_path: Path) -> None:
    (tmp_path / "advice.toml").write_text(
        'schema = 1\n[[applied]]\nid = "a1"\nsuggestion = "Cat-Cow 8 reps"\n'
        'reason = "3 sessions at 5 reps, pain 1-2"\napplied_at = 2026-11-20T07:00:00Z\n'
        '[[applied]]\nid = "a2"\nsuggestion = "Sphinx easier"\nreason = "pain 7 during"\n'
        "applied_at = 2026-11-22T07:00:00Z\nundone_at = 2026-11-23T07:00:00Z\n"
    )
    applied = read_applied(tmp_path)
    assert [a.change for a in applied] == ["Cat-Cow 8 reps", "Sphinx easier"]
    assert [a.undone for a in applied] == [False, True]
    (tmp_path / "advice.toml").write_text("broken = [")
    assert read_applied(tmp_path) == ()


def test_pain_is_read_from_the_records_fields_and_old_feelings_are_not_pain() -> None:
    from tests.fakes import make_session_record

    at = datetime(2026, 11, 20, 7, 30, tzinfo=UTC)
    assert pain_of(make_session_record(at, pain_before=3, pain_after=2)) == (3, 2, None)
    assert pain_of(make_session_record(at, before=4, after=7)) == (None, None, None)


@given(st.floats(-100, 100), st.floats(0, 20))
def test_better_or_worse_only_beyond_the_error(change: float, error: float) -> None:
    verdict = judge(change, error)
    assert (verdict == "better") == (change > error)
    assert (verdict == "worse") == (change < -error)


def test_sparkline_scale() -> None:
    assert sparkline([0, 10, None, 5]) == "▁█·▅"


def test_supple_report_writes_a_private_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake_program(paths.data_dir(), NOW, workouts=6, points=2)
    target = tmp_path / "report.html"
    assert main(["report", "--to", str(target)]) == 0
    page = target.read_text()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    for section in SECTIONS:
        assert f"<h2>{section}</h2>" in page
    assert "Standing toe touch" in page and "http" not in page.lower()
    assert "has not been answered" in page


def test_supple_report_refuses_a_fifo_and_a_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["report", "--to", str(fifo)]) == 1
    assert "it is a FIFO" in capsys.readouterr().err
    (tmp_path / "real").write_text("keep")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert main(["report", "--to", str(tmp_path / "link")]) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert (tmp_path / "real").read_text() == "keep"


def test_todays_report_is_replaced_a_foreign_file_needs_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "r.html"
    assert main(["report", "--to", str(target)]) == 0
    assert is_own_report(target.read_bytes())
    assert main(["report", "--to", str(target)]) == 0  # its own report: no --force needed
    target.write_text("<!DOCTYPE html><p>someone else's page</p>")
    assert main(["report", "--to", str(target)]) == 1
    assert "someone else" in target.read_text()
    assert main(["report", "--to", str(target), "--force"]) == 0
    assert is_own_report(target.read_bytes())


def test_default_name_is_dated_in_the_current_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 0
    assert len(list(tmp_path.glob("supple-report-????-??-??.html"))) == 1


def test_the_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    """Chromium draws the page, not a blank one: its PNG holds far more than an empty page's
    (a blank page compresses to almost nothing)."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no chromium")

    def shot(html: str, name: str) -> int:
        page = tmp_path / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        png = tmp_path / f"{name}.png"
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--screenshot={png}",
                "--window-size=800,1000",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=60,
            env=os.environ | {"HOME": str(tmp_path)},
        )
        return png.stat().st_size

    blank = shot("<!DOCTYPE html><html><body></body></html>", "blank")
    assert shot(render(facts("Lower back <b>&</b>")), "report") > 5 * blank
