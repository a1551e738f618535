"""`supple history` and `supple stats`: JSON, CSV, filters, empty history, bad files once."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.core.history import HistoryStore
from supple.system import paths
from tests.fakes import make_session_record

T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed() -> HistoryStore:
    store = HistoryStore(paths.data_dir())
    store.save(make_session_record(T0 - timedelta(days=3), after=5), store.path_for("a", T0))
    store.save(
        make_session_record(T0, routine="lower-back-mobility", title="Lower back mobility"),
        store.path_for("b", T0 + timedelta(seconds=1)),
    )
    return store


def test_empty_history_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history", "--json") == (0, "[]\n", "")
    code, out, _ = run(capsys, "history")
    assert code == 0 and "No sessions yet" in out


def test_json_is_the_records_as_stored_with_their_path(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    code, out, _ = run(capsys, "history", "--json")
    items = json.loads(out)
    assert code == 0 and [i["routine"] for i in items] == [
        "lower-back-mobility",
        "back-pain-relief",
    ]
    assert Path(items[1]["path"]).exists() and items[1]["feeling_after"] == 5
    assert items[1]["exercise"][0]["id"] == "cat-cow"
    assert (items[1]["work_seconds"], items[1]["planned_work_seconds"]) == (60.0, 60)
    assert items[1]["counts"] is True


def test_filters(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    _, out, _ = run(capsys, "history", "--json", "--routine", "back-pain-relief")
    assert [i["routine"] for i in json.loads(out)] == ["back-pain-relief"]
    _, out, _ = run(capsys, "history", "--json", "--since", "2026-11-22")
    assert [i["routine"] for i in json.loads(out)] == ["lower-back-mobility"]
    with pytest.raises(SystemExit):
        main(["history", "--since", "yesterday"])
    assert "is not a date like 2026-11-24" in capsys.readouterr().err


def test_csv_one_row_per_session(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    _, out, _ = run(capsys, "history", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and rows[1]["feeling_after"] == "5"
    assert rows[0]["exercises_done"] == "3" and rows[0]["exercises_total"] == "3"
    assert list(rows[0])[-2:] == ["work_seconds", "counts"]
    assert rows[0]["work_seconds"] == "60.0" and rows[0]["counts"] == "true"


def test_a_broken_file_is_reported_once_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    store = seed()
    broken = store.sessions_dir / "2026" / "11" / "broken.toml"
    broken.write_text("nope = ")
    code, out, err = run(capsys, "history", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert err.count("quarantined") == 1 and str(broken) in err
    _, _, err = run(capsys, "history", "--json")
    assert err == ""


def test_stats_json(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["sessions"] == 2 and len(stats["weeks"]) == 12
    code, out, _ = run(capsys, "stats")
    assert "Streak:" in out and "Last session:" in out


TITLES = st.text(
    st.characters(
        whitelist_categories=("L", "N", "Zs", "P", "So"), whitelist_characters="中文字ｗ😀"
    ),
    min_size=1,
    max_size=60,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(titles=st.lists(TITLES, min_size=1, max_size=4))
@example(titles=["𝌀"])  # wide in Rich's Unicode tables, narrow in Python 3.11's unicodedata
@example(titles=["Rücken, mañana", "中文字"])
def test_the_history_columns_line_up_whatever_the_titles(
    capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, titles: list[str]
) -> None:
    """The class: long titles, wide (two-cell) characters, any script: the title column is cut
    by display width, so every line's level column starts at the same cell."""
    from rich.cells import cell_len

    from supple.cli.journal import TITLE_CELLS, cell_width, column
    from supple.core.words import printable

    data = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPLE_DATA_DIR", str(data))
        store = HistoryStore(paths.data_dir())
        for n, title in enumerate(titles):
            at = T0 + timedelta(minutes=n)
            store.save(make_session_record(at, title=title), store.path_for(f"r{n}", at))
        code, out, _ = run(capsys, "history")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(titles)
    cells = max(max(cell_width(printable(t)) for t in titles), TITLE_CELLS)  # the longest
    for line in lines:
        # the date, 2 spaces, the title, 2 spaces
        assert cell_len(line[: line.rindex("beginner ")]) == 18 + cells + 2
    for title in titles:
        cut = column(title, 22)
        assert cell_len(cut) == 22
        assert cut.rstrip() == title.rstrip() or cut.rstrip().endswith("…")


def test_the_history_width_of_every_latin_character_is_richs() -> None:
    """`cell_width` counts Latin text itself (no Rich import on `supple history`): every
    printable character it counts so must take the cells Rich's tables give it."""
    from rich.cells import cell_len

    from supple.cli.journal import cell_width

    for code in range(0x20, 0x300):
        if code < 0x7F or code >= 0xA0:
            assert cell_width(chr(code)) == cell_len(chr(code)), hex(code)
    assert cell_width("𝌀 中") == cell_len("𝌀 中") == 5


@pytest.mark.parametrize("language", ["de", "es"])
def test_a_long_title_and_level_word_stay_in_their_columns(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """R3 item 9: in German "Linderung bei Rückenschmerzen Einsteiger" ran the title into the
    level; the title, the level word (whole: "Fortgeschritten") and the time stand apart."""
    from supple import i18n
    from supple.core.words import level_word

    monkeypatch.setenv("SUPPLE_DATA_DIR", str(tmp_path))
    store = HistoryStore(paths.data_dir())
    title = "Linderung bei Rückenschmerzen"
    for n, level in enumerate(("beginner", "advanced")):
        at = T0 + timedelta(minutes=n)
        record = make_session_record(at, title=title, level=level)
        store.save(record, store.path_for(f"r{n}", at))
    i18n.choose(language)
    try:
        code, out, _ = run(capsys, "history")
        words = {level_word(level) for level in ("beginner", "advanced")}
        shown = {w for line in out.splitlines() for w in words if f"{title}  {w} " in line}
        assert shown == words  # each whole, a space on each side
    finally:
        i18n.choose(None)
    assert code == 0
