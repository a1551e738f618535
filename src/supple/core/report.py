"""`supple report`: one self-contained HTML page a physio can read in two minutes — adherence,
weekly work minutes, pain trends, the tests and their change, the adjustments made and why, the
warning signs answered. Inline CSS, no script, no link to fetch, prints to PDF (`@media print`);
every piece of text from a file or a person is HTML-escaped here, and only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from supple.core.screening import SIGNS, Screening
from supple.core.stats import Week
from supple.core.trends import AdherenceWeek, PainWeek, TestTrend, so_far
from supple.core.value import value_class
from supple.core.words import day_words, done_of_planned, judged_words, plural

ADVICE_FILE = "advice.toml"


@value_class(frozen=True, slots=True)
class Applied:
    """One piece of advice applied (from `advice.toml`), as the report shows it."""

    at: datetime | None
    change: str  # what moved: "Cat-Cow one step harder, 5 reps → 8 reps"
    reason: str
    undone: bool = False


@value_class(frozen=True, slots=True)
class Step:
    """An easier/harder step in force: routine, exercise, rungs (+ harder, − easier)."""

    routine: str
    exercise: str
    rungs: int


@value_class(frozen=True, slots=True)
class ReportFacts:
    generated: datetime
    program: str  # the program's title ("" when none could be read)
    started: datetime | None
    done: int
    total: int
    adherence: tuple[AdherenceWeek, ...]
    weeks: tuple[Week, ...]  # work minutes per week, oldest first
    pain: tuple[PainWeek, ...]
    old_feelings: int  # sessions with only the old "feeling" check-ins (another scale)
    tests: tuple[TestTrend, ...]
    applied: tuple[Applied, ...]
    steps: tuple[Step, ...]
    screening: Screening | None


def read_applied(data_dir: Path) -> tuple[Applied, ...]:
    """The advice applied, from `advice.toml` if it is there and readable (any array of
    tables in it; the keys it does not know are left): a report is never refused for it."""
    from supple.core.history import read_toml_file
    from supple.core.record import BadRecord

    path = data_dir / ADVICE_FILE
    try:
        data = read_toml_file(path)
    except (OSError, BadRecord):
        return ()
    out = []
    for value in data.values():
        if not isinstance(value, list):
            continue
        for entry in value:
            if isinstance(entry, dict):
                out.append(_applied(entry))
    return tuple(sorted(out, key=lambda a: a.at.timestamp() if a.at is not None else 0.0))


def _applied(entry: dict[str, Any]) -> Applied:
    def text(*keys: str) -> str:
        for key in keys:
            if key in entry and not isinstance(entry[key], dict | list):
                return str(entry[key])
        return ""

    def texts(key: str) -> list[str]:
        value = entry.get(key)
        return [str(v) for v in value] if isinstance(value, list) else []

    at = entry.get("applied_at", entry.get("at"))
    undone = entry.get("undone_at") is not None or entry.get("undone") is True
    return Applied(
        at if isinstance(at, datetime) else None,
        text("suggestion", "text", "what")
        or change_words(
            text("kind"), texts("names") or texts("exercises"), text("was"), text("dose")
        ),
        text("reason", "why"),
        undone,
    )


def change_words(kind: str, names: Sequence[str], was: str, dose: str) -> str:
    """What applied advice moved: "Cat-Cow one step harder, 5 reps → 8 reps"."""
    direction = {"harder": "one step harder", "easier": "one step easier"}.get(kind, kind)
    what = " ".join(p for p in (", ".join(names), direction) if p)
    return f"{what}, {was} → {dose}" if was and dose else what


# -- the page ---------------------------------------------------------------------------------

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:2rem auto;
max-width:52rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;
border-bottom:1px solid #c8cdd6;padding-bottom:.15rem}
.sub{color:#555e6e;margin:0 0 1rem}table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #e3e6eb;vertical-align:top}
th{font-weight:600;color:#3a4354}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.7rem;background:#3d7bd9;border-radius:2px;
vertical-align:middle}.pain{background:#d9823d}.flag{color:#a4161a;font-weight:600}
.ok{color:#23703a;font-weight:600}.note{color:#555e6e;font-size:.9rem}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}
table,tr{break-inside:avoid}.bar{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _bar(share: float, css: str = "bar") -> str:
    width = max(0.0, min(1.0, share)) * 12
    return f'<span class="{css}" style="width:{width:.2f}rem"></span>'


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return _e(f"{value:.1f}".removesuffix(".0") + (f" {unit}" if unit else ""))


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    """A table of cells already escaped; ``numeric`` the columns aligned right."""
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _adherence(facts: ReportFacts) -> str:
    if facts.started is None:
        return "<p>The program has not been started.</p>"
    done, due = so_far(facts.adherence)
    rows = [
        [
            _e(w.week),
            _e(day_words(w.monday)),
            _e(done_of_planned(w.done, w.due)),
            _bar(w.done / w.due if w.due else 0.0),
        ]
        for w in facts.adherence
    ]
    share = f" ({done / due:.0%})" if due else ""
    return (
        f"<p>{_e(facts.program)}: started {_e(day_words(facts.started))}, "
        f"{_e(facts.done)} of {_e(facts.total)} workouts of the program done; "
        f"{_e(done_of_planned(done, due, so_far=True))}{_e(share)}.</p>"
        + _table(["Week", "From", "Workouts done", ""], rows, set())
    )


def _minutes(weeks: Sequence[Week]) -> str:
    top = max((w.minutes for w in weeks), default=0.0) or 1.0
    rows = [
        [_e(day_words(w.monday)), _e(w.sessions), _num(w.minutes, "min"), _bar(w.minutes / top)]
        for w in weeks
    ]
    return _table(["Week of", "Sessions that count", "Work", ""], rows, {1, 2})


def _pain(facts: ReportFacts) -> str:
    if not facts.pain:
        text = "<p>No pain ratings yet (0 = no pain, 10 = worst imaginable).</p>"
    else:
        rows = [
            [
                _e(day_words(w.monday)),
                _num(w.before),
                _num(w.after),
                _num(w.morning),
                _bar((w.after if w.after is not None else w.before or 0.0) / 10, "bar pain"),
            ]
            for w in facts.pain
        ]
        text = "<p>Weekly means, 0 = no pain, 10 = worst imaginable.</p>" + _table(
            ["Week of", "Before", "After", "Next morning", ""], rows, {1, 2, 3}
        )
    if facts.old_feelings:
        text += (
            f'<p class="note">{_e(plural(facts.old_feelings, "older session"))} '
            f"{'carries' if facts.old_feelings == 1 else 'carry'} a &quot;feeling&quot; "
            "check-in on another scale (0 = very bad, 10 = great): not shown as pain.</p>"
        )
    return text


def _tests(tests: Sequence[TestTrend]) -> str:
    if not tests:
        return "<p>No tests.</p>"
    rows = []
    for trend in tests:
        test = trend.test
        values = {p: v for p, v in trend.values}
        change = (
            "–" if trend.change is None else _e(judged_words(trend.change, test.error, test.unit))
        )
        rows.append(
            [
                _e(test.name),
                *(_num(values.get(p), test.unit) for p in ("start", "middle", "end")),
                change,
                _e(f"{trend.verdict} ({test.better} is better)"),
            ]
        )
    return _table(["Test", "Start", "Middle", "End", "Change", "Judged"], rows, {1, 2, 3})


def _adjustments(facts: ReportFacts) -> str:
    parts = []
    if facts.applied:
        rows = [
            [
                _e(day_words(a.at) if a.at is not None else "–"),
                _e(a.change),
                _e(a.reason),
                "undone" if a.undone else "applied",
            ]
            for a in facts.applied
        ]
        parts.append(_table(["When", "Change", "Why", ""], rows, set()))
    else:
        parts.append("<p>No advice applied.</p>")
    if facts.steps:
        rows = [
            [
                _e(s.routine),
                _e(s.exercise),
                _e(f"{abs(s.rungs)} {'harder' if s.rungs > 0 else 'easier'}"),
            ]
            for s in facts.steps
        ]
        parts.append("<p>Easier/harder steps in force:</p>")
        parts.append(_table(["Routine", "Exercise", "Steps"], rows, set()))
    return "".join(parts)


def _screening(screening: Screening | None) -> str:
    if screening is None or not screening.answered or screening.answered_at is None:
        return "<p>The safety screening has not been answered.</p>"
    rows = [
        [_e(sign.short), '<span class="flag">yes</span>' if screening.signs[sign.key] else "no"]
        for sign in SIGNS
    ]
    usual = "not given" if screening.usual_pain is None else f"{screening.usual_pain}/10"
    head = f"<p>Answered {_e(day_words(screening.answered_at))}; usual back pain {_e(usual)}. "
    if not screening.any_flag:
        head += '<span class="ok">No warning signs.</span></p>'
    elif screening.cleared and screening.cleared_at is not None:
        head += (
            f'<span class="ok">Cleared by a clinician (as the person said) on '
            f"{_e(day_words(screening.cleared_at))}.</span></p>"
        )
    else:
        head += '<span class="flag">Warning signs answered yes: not cleared yet.</span></p>'
    return head + _table(["Warning sign", "Answer"], rows, set())


def render(facts: ReportFacts) -> str:
    """The whole page, as text."""
    sections = (
        ("Adherence to the program", _adherence(facts)),
        ("Work minutes per week", _minutes(facts.weeks)),
        ("Pain", _pain(facts)),
        ("Mobility tests", _tests(facts.tests)),
        ("Adjustments and why", _adjustments(facts)),
        ("Safety screening", _screening(facts.screening)),
    )
    body = "".join(f"<section><h2>{_e(t)}</h2>{html}</section>" for t, html in sections)
    when = f"{facts.generated:%d %b %Y %H:%M}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{GENERATOR}"
        f"<title>supple report {_e(f'{facts.generated:%Y-%m-%d}')}</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>Mobility and back pain: progress report</h1>"
        f'<p class="sub">Made by supple on {_e(when)} from the person\'s own records. '
        "supple is not medical advice; the pain scale is the 0–10 numeric rating.</p>"
        f"{body}</body></html>\n"
    )


GENERATOR = '<meta name="generator" content="supple report">'


def is_own_report(data: bytes) -> bool:
    """A report supple wrote (so writing today's again replaces it without --force)."""
    return data.startswith(b"<!DOCTYPE html>") and GENERATOR.encode() in data[:600]
