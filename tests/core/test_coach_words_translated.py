"""The coach's and the core's words in German and Spanish (issue 28): the advice, the safety
screening, the report and a plain-mode session, made under each language, show no English
sentence (a line with a word of an English stoplist is one) and every placeholder filled.
What stays English and is not checked: commands in backticks, a file's tables and examples
(``[[exercise]]``), ids, and the content of the routine files (their translations are the
files' own)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple import i18n
from supple.coach import wording
from supple.core import screening, words
from supple.core.advice import AdviceKind, Suggestion
from supple.core.light_words import day_month
from supple.core.record import AdviceNote
from supple.core.report import ReportFacts, render
from supple.core.value import fields
from tests.core.test_report import facts

# English words no German or Spanish sentence of supple's contains (whole words, any case).
ENGLISH = frozenset(
    {
        "the",
        "your",
        "session",
        "sessions",
        "exercise",
        "exercises",
        "press",
        "before",
        "after",
        "with",
        "this",
        "that",
        "from",
        "have",
        "when",
        "until",
        "again",
        "harder",
        "easier",
        "warning",
        "answer",
        "answered",
        "doctor",
        "pain",
        "rest",
        "next",
        "hold",
        "left",
        "right",
        "week",
        "done",
        "workout",
        "workouts",
        "program",
        "reminders",
        "morning",
        "time",
        "what",
        "every",
        "since",
        "still",
        "they",
        "there",
        "would",
        "could",
        "should",
        "only",
        "seconds",
        "minutes",
        "minute",
        "second",
        "side",
        "sides",
        "switch",
        "ready",
        "step",
        "paused",
        "going",
        "resuming",
        "inhale",
        "exhale",
        "report",
        "safety",
        "screening",
        "questions",
        "clinician",
        "none",
        "changed",
        "counts",
        "streak",
        "usual",
        "rating",
        "ratings",
        "already",
        "applied",
        "undone",
        "expected",
        "unknown",
        "missing",
        "required",
        "number",
        "table",
        "list",
        "characters",
        "items",
        "allowed",
        "quotes",
        "empty",
        "range",
        "nested",
        "large",
        "whole",
        "remove",
    }
)
NOW = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
NAME = "Xq"  # a name from a file: no word of any language


@pytest.fixture(params=["de", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.choose(request.param)
    yield request.param
    i18n.choose(None)


def english_left(text: str) -> list[str]:
    """The lines of ``text`` that read as English, or that show a placeholder unfilled."""
    found = []
    for line in text.splitlines():
        bare = re.sub(r"`[^`]*`", "", line)  # commands stay English, and a file's syntax:
        bare = re.sub(r"\[\[\w+\]\]|\[\{.*\}\]", "", bare)  # [[exercise]], [{ phase = … }]
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", bare)}
        if words & ENGLISH or re.search(r"\{[a-z_]*\}", line):
            found.append(line)
    return found


def test_the_stoplist_finds_the_english_it_should() -> None:
    """The heuristic is not vacuous: the English sentences it checks are found."""
    assert english_left(wording.see_clinician(urgent=True))
    assert english_left("Rest {time}.")
    assert not english_left("Pause, 10 Sekunden. `supple screening`")


def suggestions() -> list[Suggestion]:
    rose = {"pain_first": 2, "pain_middle": 4, "pain_last": 6}
    easier = {"pain_during": 7, "pain_after": 6, "morning": 5, "usual": 2.0, "session": "Xq 1"}
    return [
        Suggestion(
            AdviceKind.HARDER,
            NAME,
            (NAME,),
            (NAME,),
            "8 Xq",
            "5 Xq",
            {"sessions": 3, "pain_low": 1, "pain_high": 1},
        ),
        Suggestion(
            AdviceKind.HARDER,
            NAME,
            (NAME,),
            (NAME,),
            "",
            "5 Xq",
            {"sessions": 3, "pain_low": 1, "pain_high": 2, "mornings": 1},
        ),
        Suggestion(AdviceKind.EASIER, NAME, (NAME,), (NAME,), "3 Xq", "5 Xq", easier),
        Suggestion(AdviceKind.EASIER, NAME, (NAME,), (NAME,), "", "5 Xq", {"session": "Xq"}),
        Suggestion(AdviceKind.REST, NAME, numbers=rose),
        Suggestion(AdviceKind.REST, NAME, (NAME,), (NAME,), numbers=easier),
        Suggestion(AdviceKind.RETEST, NAME, numbers={"points": "Xq"}),
        Suggestion(AdviceKind.CELEBRATE, NAME, numbers={"point": "Xq"}),
        Suggestion(AdviceKind.SEE_CLINICIAN, numbers={"urgent": 1}),
        Suggestion(AdviceKind.SEE_CLINICIAN),
        Suggestion(AdviceKind.SCREENING),
    ]


def test_the_advice_is_in_the_language(language: str) -> None:
    shown = [wording.advice(s) for s in suggestions()]
    shown += [
        wording.NO_ADVICE,
        wording.ADVICE_NOT_MEDICAL,
        wording.advice_applied(None),
        wording.advice_applied(shown[0]),
        wording.advice_undone(shown[2]),
    ]
    notes = (
        AdviceNote("a", "easier", (NAME,), NOW),
        AdviceNote("b", "harder", (NAME,), NOW, NOW),
    )
    record = SimpleNamespace(advice=notes, exercises=(SimpleNamespace(id=NAME, name=NAME),))
    shown.append(wording.advice_noted(record))  # type: ignore[arg-type]
    assert english_left("\n".join(shown)) == [], language


@pytest.mark.parametrize("point", ["start", "middle", "end"])
def test_the_test_points_are_named_in_the_language(language: str, point: str) -> None:
    """The program's test points reach the advice as words, never as their ids (R3 item 3:
    "Haz las pruebas de «start»")."""
    word = words.point_word(point)
    assert word != point  # the ids are English; each language names them
    due = wording.advice(Suggestion(AdviceKind.RETEST, numbers={"points": f"{point}, end"}))
    celebrated = wording.advice(Suggestion(AdviceKind.CELEBRATE, numbers={"point": point}))
    for shown in (due, celebrated):
        assert word in shown
        assert not re.search(rf"\b{point}\b", shown)
    assert words.point_word("end") in due


@given(day=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)))
@settings(max_examples=60, deadline=None)
def test_a_sentence_ending_with_a_date_ends_with_one_full_stop(day: date) -> None:
    """The months' words end without a point, so a sentence's full stop after a date never
    doubles (R3 item 7: "… bei So, 06. Dez.."); German says the day with "am"."""
    for code in ("de", "es"):
        i18n.choose(code)
        try:
            assert not words.day_words(day, padded=True, year=False).endswith(".")
            assert not day_month(day).endswith(".")
            eased = Suggestion(
                AdviceKind.EASIER,
                NAME,
                (NAME,),
                (NAME,),
                "2 Xq",
                "5 Xq",
                {"pain_during": 8, "session": day.isoformat()},
            )
            shown = wording.advice(eased)
            assert shown.endswith(words.day_words(day, padded=True, year=False) + ".")
            assert ".." not in shown
            if code == "de":
                assert " am " in shown
        finally:
            i18n.choose(None)


def test_the_screening_is_in_the_language(language: str) -> None:
    shown = [wording.NOT_MEDICAL_ADVICE]
    for asked in screening.CHECKLISTS:
        shown += [asked.intro, asked.usual_question]
    shown += [f"{sign.question} {sign.short}" for sign in screening.ALL_SIGNS]
    shown.append(wording.screening_result(None))
    shown += [wording.screening_unanswered([1, 3], True), wording.screening_unanswered([2], False)]
    shown.append(wording.screening_unanswered([], True))
    for yes in (frozenset(), frozenset({"night_pain"}), frozenset({"saddle_numbness"})):
        answered = screening.answered(yes, 3, NOW, None)
        shown.append(wording.screening_result(answered))
        shown.append(wording.screening_line(answered) or "")
        shown.append(wording.screening_result(screening.cleared(answered, NOW)))
        if answered.any_flag:
            shown += [wording.program_refused(answered), wording.flag_next(answered)]
            shown += list(wording.session_despite_flag(answered))
    assert english_left("\n".join(shown)) == [], language


def test_the_report_is_in_the_language(language: str) -> None:
    page = render(facts(NAME))
    assert f'<html lang="{language}">' in page
    text = re.sub(r"<[^>]*>", "\n", page.split("</style>", 1)[1])
    assert english_left(text) == [], language
    empty = render(ReportFacts(NOW, "", None, 0, 0, (), (), (), 0, (), (), (), None))
    assert english_left(re.sub(r"<[^>]*>", "\n", empty.split("</style>", 1)[1])) == []


def content(value: object, seen: set[int] | None = None) -> Iterator[str]:
    """Every text a routine's objects hold (its names, steps and cues: the file's own)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from content(item, seen)
    elif isinstance(value, list | tuple | frozenset | set):
        for item in value:
            yield from content(item, seen)
    elif not isinstance(value, type) and hasattr(type(value), "__match_args__"):
        for field in fields(value):  # a value class (``supple.core.value``)
            yield from content(getattr(value, field.name, None), seen)


def test_a_plain_mode_session_is_in_the_language(
    language: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole session in plain mode, the real one on the fake clock: every line the
    narrator (``core.plain``) says, the routine's own texts taken out, is in the language."""
    from supple.cli import plain as cli_plain
    from supple.core.plain import Narrator
    from tests.tui.test_plain import play

    said: list[str] = []

    class Recording(Narrator):
        def update(self, snap):  # type: ignore[no-untyped-def]
            lines = super().update(snap)
            said.extend(lines)
            return lines

    monkeypatch.setattr(cli_plain, "Narrator", Recording)
    _lines, live, _coach = play(data_dir, [], routine="lower-back-mobility")
    texts = sorted(set(content(live.routine)), key=len, reverse=True)
    left = []
    for line in said:
        for text in texts:
            if len(text) > 2:
                line = line.replace(text, "")
        left.append(line)
    assert len(said) > 10
    assert english_left("\n".join(left)) == [], (language, said)


def test_a_files_problems_are_in_the_language(language: str) -> None:
    """Each kind of problem the strict TOML reader names, in the person's language (the keys,
    the values and the TOML reader's own words stay as they are)."""
    from supple.core.tomlcheck import BadToml, Checker, parse_document

    table = {"xq": 1, "qx": "Xq", "n": True, "m": 99, "t": 1, "l": ["", "Xq"], "e": " "}
    check = Checker(Path("x.toml"), "")
    check.keys(table, [], ["qz", "n", "m", "t", "l", "e"], required=["zz"])
    check.string(table, [], "qx", choices=["qz"])
    check.string(table, [], "xq")
    check.string(table, [], "e")
    check.number(table, [], "n", low=0, high=1)
    check.number(table, [], "m", low=0, high=10, integer=False)
    check.boolean(table, [], "t", default=False)
    check.table(table, [], "t")
    check.strings(table, [], "l", min_items=1, max_items=1)
    check.strings({"l": ["", "Xq"]}, [], "l", min_items=1, max_items=3)
    said = [p.message for p in check.problems]
    for raw in (b"\xff", "\ufeffa = 1", "[" * 40 + "]" * 40, f"a = {2**70}"):
        with pytest.raises(BadToml) as error:
            parse_document(raw)
        said.append(error.value.message)
    assert len(said) >= 14
    assert english_left("\n".join(said)) == [], (language, said)


def test_a_routine_files_problems_are_in_the_language(language: str) -> None:
    from supple.core.routine import RoutineError, parse_routine

    exercise = {"id": "xq", "name": NAME, "kind": "reps", "how": [NAME], "breath": 3}
    exercise["levels"] = {level: {"reps": 5} for level in ("beginner", "intermediate", "advanced")}
    broken = [
        {"schema": 99, "id": "xq", "title": NAME, "exercise": []},
        {"schema": 1, "id": "xq", "title": NAME, "exercise": [exercise, dict(exercise)]},
        {"schema": 1, "id": "xq", "title": NAME, "exercise": [{"use": "qx"}]},
    ]
    said = []
    for data in broken:
        with pytest.raises(RoutineError) as error:
            parse_routine(data, path=Path("xq.toml"), library=lambda: {"qz": {}})
        said += [p.message for p in error.value.problems]
    assert len(said) >= 5, said
    assert english_left("\n".join(said)) == [], (language, said)


def test_a_session_files_problems_are_in_the_language(language: str, tmp_path: Path) -> None:
    from supple.core import record_fields as f
    from supple.core.files import read_capped, unreadable_reason

    readers = [
        (f.read_text, 1),
        (f.read_string, 1),
        (f.one_of(("xq",), "level "), "qx"),
        (f.number(10), "x"),
        (f.number(10), 11),
        (f.read_time, "x"),
        (f.whole(10), 11),
        (f.place, 0),
        (f.flag, 1),
    ]
    said = []
    for read, value in readers:
        with pytest.raises(f.BadRecord) as error:
            read("xq", value)
        said.append(str(error.value))
    with pytest.raises(OSError) as failed:
        read_capped(tmp_path, 10)  # a folder
    said.append(unreadable_reason(failed.value))
    assert english_left("\n".join(said)) == [], (language, said)


def test_a_typed_numbers_problems_are_in_the_language(language: str) -> None:
    from supple.core.numbers import NumberError, read_number

    said = []
    for typed, unit, whole in (("", "", False), ("x", "", False), ("9" * 30, "", False),
                               ("1:70", "s", False), ("1:30", "", False), ("2 qx", "", False),
                               ("2,5", "", True)):  # fmt: skip
        with pytest.raises(NumberError) as error:
            read_number(typed, unit, whole=whole)
        said.append(str(error.value))
    assert english_left("\n".join(said)) == [], (language, said)
