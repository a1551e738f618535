"""`supple report`: one self-contained HTML page a physio can read in two minutes — adherence,
weekly work minutes, pain trends, the tests and their change, the adjustments made and why, the
warning signs answered. Inline CSS, no script, no link to fetch, prints to PDF (`@media print`);
every piece of text from a file or a person is HTML-escaped here, and only here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from supple.core.pain import action_words
from supple.core.record import SessionRecord
from supple.core.screening import ALL_SIGNS, CHECKLISTS, Screening
from supple.core.stats import Week
from supple.core.trends import AdherenceWeek, PainWeek, TestTrend, so_far
from supple.core.value import value_class
from supple.core.words import (
    day_words,
    decimal,
    done_of_planned,
    judged_words,
    judgement_words,
    plural,
    point_heading,
)
from supple.i18n import _, language, n_

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

    routine: str  # its title (its id when nothing names it)
    exercise: str  # its name in that routine (its id when nothing names it)
    rungs: int


@value_class(frozen=True, slots=True)
class Mark:
    """A "this hurts" mark during a session: when, on which exercise, how much, what was done."""

    at: datetime  # the session's start
    exercise: str  # its name in that session
    rating: int
    action: str  # the record's: "none", "eased", "skipped"


def marks_of(records: Iterable[SessionRecord]) -> tuple[Mark, ...]:
    """Every session's "this hurts" marks, oldest first, each exercise by its name there."""
    out = []
    for record in sorted(records, key=lambda r: r.started):
        names = {e.id: e.name for e in record.exercises}
        for m in record.pain_marks:
            out.append(Mark(record.started, names.get(m.exercise, m.exercise), m.rating, m.action))
    return tuple(out)


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
    marks: tuple[Mark, ...] = ()  # the "this hurts" marks, oldest first


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
    direction = {"harder": _("one step harder"), "easier": _("one step easier")}.get(kind, kind)
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
    return _e(decimal(round(value, 1)) + (f" {unit}" if unit else ""))


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
        return _p(_("The program has not been started."))
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
    line = _(
        "{program}: started {day}, {done} of {total} workouts of the program done; {so_far}."
    ).format(
        program=facts.program,
        day=day_words(facts.started),
        done=facts.done,
        total=facts.total,
        so_far=done_of_planned(done, due, so_far=True) + share,
    )
    return _p(line) + _table([_("Week"), _("From"), _("Workouts done"), ""], rows, set())


def _minutes(weeks: Sequence[Week]) -> str:
    top = max((w.minutes for w in weeks), default=0.0) or 1.0
    rows = [
        [_e(day_words(w.monday)), _e(w.sessions), _num(w.minutes, "min"), _bar(w.minutes / top)]
        for w in weeks
    ]
    return _table([_("Week of"), _("Sessions that count"), _("Work"), ""], rows, {1, 2})


def _pain(facts: ReportFacts) -> str:
    if not facts.pain:
        text = _p(_("No pain ratings yet (0 = no pain, 10 = worst imaginable)."))
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
        head = [_("Week of"), _("Before"), _("After"), _("Next morning"), ""]
        text = _p(_("Weekly means, 0 = no pain, 10 = worst imaginable.")) + _table(
            head, rows, {1, 2, 3}
        )
    if facts.marks:
        rows = [
            [
                _e(day_words(m.at)),
                _e(m.exercise),
                _e(f"{m.rating}/10"),
                _e(action_words(m.action)),
            ]
            for m in facts.marks
        ]
        text += _p(_('"This hurts" marks during sessions (above 5 is more than the rule allows):'))
        text += _table([_("When"), _("Exercise"), _("Pain"), _("Then")], rows, {2})
    if facts.old_feelings:
        note = n_(
            '{sessions} carries a "feeling" check-in on another scale (0 = very bad, '
            "10 = great): not shown as pain.",
            '{sessions} carry a "feeling" check-in on another scale (0 = very bad, '
            "10 = great): not shown as pain.",
            facts.old_feelings,
        ).format(sessions=plural(facts.old_feelings, "older session"))
        text += f'<p class="note">{_e(note)}</p>'
    return text


def _tests(tests: Sequence[TestTrend]) -> str:
    if not tests:
        return _p(_("No tests."))
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
                _e(judgement_words(trend.verdict, test.better)),
            ]
        )
    points = [point_heading(p) for p in ("start", "middle", "end")]
    head = [_("Test"), *points, _("Change"), _("Judged")]
    return _table(head, rows, {1, 2, 3})


def _adjustments(facts: ReportFacts) -> str:
    parts = []
    if facts.applied:
        rows = [
            [
                _e(day_words(a.at) if a.at is not None else "–"),
                _e(a.change),
                _e(a.reason),
                _e(_("undone") if a.undone else _("applied")),
            ]
            for a in facts.applied
        ]
        parts.append(_table([_("When"), _("Change"), _("Why"), ""], rows, set()))
    else:
        parts.append(_p(_("No advice applied.")))
    if facts.steps:
        rows = [
            [
                _e(s.routine),
                _e(s.exercise),
                _e(_steps(s.rungs)),
            ]
            for s in facts.steps
        ]
        parts.append(_p(_("Easier/harder steps in force:")))
        parts.append(_table([_("Routine"), _("Exercise"), _("Steps")], rows, set()))
    return "".join(parts)


def _screening(screening: Screening | None) -> str:
    if screening is None or not screening.answered or screening.answered_at is None:
        return _p(_("The safety screening has not been answered."))
    # Translators: a warning sign's answer in the report's table
    yes, no = _("yes"), _("no")
    rows = [
        [
            _e(sign.short),
            f'<span class="flag">{_e(yes)}</span>' if screening.signs[sign.key] else _e(no),
        ]
        for sign in ALL_SIGNS
        if sign.key in screening.signs
    ]
    given = [(c, screening.usual_for(c.id)) for c in CHECKLISTS]
    usual = ", ".join(f"{pain}/10 ({c.region})" for c, pain in given if pain is not None)
    usual = usual or _("not given")
    said = _("Answered {day}; usual pain {usual}.").format(
        day=day_words(screening.answered_at), usual=usual
    )
    head = f"<p>{_e(said)} "
    if not screening.any_flag:
        none = _("No warning signs.")
        head += f'<span class="ok">{_e(none)}</span></p>'
    elif screening.cleared and screening.cleared_at is not None:
        cleared = _("Cleared by a clinician (as the person said) on {day}.").format(
            day=day_words(screening.cleared_at)
        )
        head += f'<span class="ok">{_e(cleared)}</span></p>'
    else:
        flagged = _("Warning signs answered yes: not cleared yet.")
        head += f'<span class="flag">{_e(flagged)}</span></p>'
    return head + _table([_("Warning sign"), _("Answer")], rows, set())


def render(facts: ReportFacts) -> str:
    """The whole page, as text."""
    sections = (
        (_("Adherence to the program"), _adherence(facts)),
        (_("Work minutes per week"), _minutes(facts.weeks)),
        (_("Pain"), _pain(facts)),
        (_("Mobility tests"), _tests(facts.tests)),
        (_("Adjustments and why"), _adjustments(facts)),
        (_("Safety screening"), _screening(facts.screening)),
    )
    body = "".join(f"<section><h2>{_e(t)}</h2>{html}</section>" for t, html in sections)
    when = f"{day_words(facts.generated, padded=True)} {facts.generated:%H:%M}"
    lang = "en" if language() == "pseudo" else language()
    heading = _("Mobility and back pain: progress report")
    title = _("supple report {day}").format(day=f"{facts.generated:%Y-%m-%d}")
    made = _(
        "Made by supple on {when} from the person's own records. supple is not medical advice; "
        "the pain scale is the 0–10 numeric rating."
    ).format(when=when)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{GENERATOR}"
        f"<title>{_e(title)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{_e(heading)}</h1>"
        f'<p class="sub">{_e(made)}</p>'
        f"{body}</body></html>\n"
    )


def _p(text: str) -> str:
    """A paragraph of plain text, escaped."""
    return f"<p>{_e(text)}</p>"


def _steps(rungs: int) -> str:
    """Easier/harder steps in force: "2 harder", "1 easier"."""
    if rungs > 0:
        return n_("{count} harder", "{count} harder", rungs).format(count=rungs)
    return n_("{count} easier", "{count} easier", -rungs).format(count=-rungs)


GENERATOR = '<meta name="generator" content="supple report">'


def is_own_report(data: bytes) -> bool:
    """A report supple wrote (so writing today's again replaces it without --force)."""
    return data.startswith(b"<!DOCTYPE html>") and GENERATOR.encode() in data[:600]
