"""The safety and advice sentences (issue 25 fix round): the emergency sentence only for the
urgent signs; one "before exercising" in the note, the program line and the advice line; no
made-up usual pain; the app names its keys and the command line its commands."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest

from supple.coach.wording import (
    BEFORE_EXERCISING,
    Ask,
    advice,
    advice_applied,
    on_command_line,
    screening_line,
    screening_result,
)
from supple.core import screening
from supple.core.advice import AdviceInput, AdviceKind, Suggestion, advise
from supple.core.screening import ALL_SIGNS, CHECKLISTS, Checklist

AT = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
URGENT = frozenset(
    {
        "saddle_numbness",
        "bladder_bowel",
        "leg_weakness",
        "arm_weakness",
        "chest_pain",
        "neck_dizziness",
        "injury_lost_movement",
    }
)
EMERGENCY = "emergency department"
EVERY_ANSWER = [  # every set of yes answers to each checklist
    (asked, frozenset(c))
    for asked in CHECKLISTS
    for n in range(1, len(asked.keys) + 1)
    for c in itertools.combinations(asked.keys, n)
]


def test_the_urgent_signs_are_declared_once_in_the_questions() -> None:
    assert frozenset(s.key for s in ALL_SIGNS if s.urgent) == URGENT


@pytest.mark.parametrize(
    ("asked", "yes"), EVERY_ANSWER, ids=["+".join(sorted(y)) for _, y in EVERY_ANSWER]
)
def test_the_emergency_sentence_only_for_an_urgent_sign(
    asked: Checklist, yes: frozenset[str]
) -> None:
    answered = screening.answered(yes, 2, AT, None, asked)
    urgent = bool(yes & URGENT)
    note = screening_result(answered)
    line = screening_line(answered)
    (clinician,) = [
        s
        for s in advise(AdviceInput(AT.date(), screening=answered))
        if s.kind is AdviceKind.SEE_CLINICIAN
    ]
    said = advice(clinician)
    assert line is not None
    for text in (note, line, said):
        assert (EMERGENCY in text or "today" in text) == urgent, text
        assert BEFORE_EXERCISING in text and "exercising harder" not in text, text
        assert ("soon" in text) != urgent, text
    cleared = screening.cleared(answered, AT.replace(day=25))
    assert screening_line(cleared) is None and EMERGENCY not in screening_result(cleared)


def test_no_line_without_a_sign() -> None:
    assert screening_line(None) is None
    assert screening_line(screening.answered(frozenset(), 2, AT, None)) is None


def _keys(ask: Ask) -> str:
    return f"<key {ask.value}>"


SAID = [
    Suggestion(AdviceKind.RETEST, numbers={"points": "middle"}, day=date(2026, 11, 24)),
    Suggestion(AdviceKind.SCREENING, day=date(2026, 11, 24)),
    Suggestion(AdviceKind.SEE_CLINICIAN, numbers={"urgent": 0}, day=date(2026, 11, 24)),
]


@pytest.mark.parametrize("suggestion", SAID, ids=lambda s: s.kind.value)
def test_advice_names_keys_in_the_app_and_commands_on_the_command_line(
    suggestion: Suggestion,
) -> None:
    in_app = advice(suggestion, _keys)
    on_cli = advice(suggestion)
    assert "<key " in in_app and "`" not in in_app, in_app
    assert "`supple " in on_cli and "<key " not in on_cli, on_cli


@pytest.mark.parametrize(
    "answered",
    [
        None,
        screening.answered(frozenset(), 2, AT, None),
        screening.answered(URGENT & frozenset(screening.LOW_BACK.keys), 2, AT, None),
    ],
)
def test_screening_words_name_keys_in_the_app(answered: screening.Screening | None) -> None:
    in_app = screening_result(answered, _keys)
    assert "<key " in in_app and "`" not in in_app, in_app
    assert "`supple screening" in screening_result(answered)


def test_applied_says_how_to_undo_where_it_is_said() -> None:
    assert "<key undo-advice>" in advice_applied("Cat-Cow easier.", _keys)
    assert on_command_line(Ask.UNDO_ADVICE) in advice_applied("Cat-Cow easier.")
    assert "advice key" not in advice_applied("Cat-Cow easier.", _keys)


def test_a_morning_without_a_usual_pain_is_said_so_never_compared_with_zero() -> None:
    said = advice(
        Suggestion(
            AdviceKind.EASIER,
            routine="r",
            numbers={"pain_after": 7, "morning": 6, "session": "2026-11-23"},
        )
    )
    assert "usual pain not known yet" in said and "usual 0" not in said
