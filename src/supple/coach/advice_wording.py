"""The advice's, the morning question's and the safety screening's sentences for people
(``supple.coach.wording`` re-exports them: one room each, one door). Each is translated when it
is made; the sentences declared as names (``NO_ADVICE``…) are read through ``__getattr__``,
translated when read, so ``--lang`` and the setting apply although this module was imported
first."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Final, assert_never

from supple.i18n import _, lazy, n_

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import datetime

    from supple.core.advice import Suggestion
    from supple.core.advice_log import Applied
    from supple.core.record import SessionRecord
    from supple.core.screening import Screening


class Ask(StrEnum):
    """Something a sentence tells the person to do next: on the command line it names the
    command, in the app the key in force (the app passes its own ``Hint``)."""

    SCREENING = "screening"  # answer the safety questions (again)
    CLEARED = "cleared"  # say a clinician cleared you
    TESTS = "tests"  # take the mobility tests
    UNDO_ADVICE = "undo-advice"  # undo the advice just applied


if TYPE_CHECKING:
    Hint = Callable[[Ask], str]


def on_command_line(ask: Ask) -> str:
    """How to do ``ask`` from the command line: the command, quoted (commands stay English)."""
    match ask:
        case Ask.SCREENING:
            return "`supple screening`"
        case Ask.CLEARED:
            return "`supple screening --cleared`"
        case Ask.TESTS:
            return "`supple test list`"
        case Ask.UNDO_ADVICE:
            return "`supple advice undo`"
        case _:
            assert_never(ask)


# The sentences read as names (``wording.NO_ADVICE``), each translated when it is read.
SENTENCES: Final = {
    "NO_ADVICE": lazy("No advice today: keep going as you are."),
    # Said once, at the end of `supple advice`; the screening says it in full (docs/advice.md).
    "ADVICE_NOT_MEDICAL": lazy("supple is not medical advice: a clinician who knows you decides."),
    "NO_MORNING_SESSION": lazy(
        "no session to link this morning's answer to (it belongs to the newest session of an "
        "earlier day that ended within the last 36 hours)"
    ),
    "NOT_MEDICAL_ADVICE": lazy(
        "supple is not medical advice and does not diagnose: these questions only tell it when "
        "to send you to a clinician before exercising."
    ),
    # NICE NG59 and Finucane 2020 (docs/safety.md): the words every warning says
    "BEFORE_EXERCISING": lazy("before exercising"),
}


def __getattr__(name: str) -> str:
    if name in SENTENCES:
        return _(SENTENCES[name])
    if name == "SCREENING_MISSING":
        return screening_missing()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def advice(suggestion: Suggestion, how: Hint = on_command_line) -> str:
    """One suggestion and why, with the numbers it used: "Cat-Cow 8 reps next time: 3 sessions
    at 5 reps, pain 1–2 during, mornings unchanged"; ``how`` names what to press or type."""
    from supple.core.advice import AdviceKind
    from supple.core.words import point_word

    n = suggestion.numbers
    names = ", ".join(suggestion.names) or suggestion.routine
    match suggestion.kind:
        case AdviceKind.HARDER:
            low, high = n.get("pain_low"), n.get("pain_high")
            # Translators: the pain during the sessions, "pain 1" or "pain 1–2"
            pain = (
                _("pain {low}").format(low=low)
                if low == high
                else _("pain {low}–{high}").format(low=low, high=high)
            )
            mornings = _("mornings unchanged") if n.get("mornings") else _("mornings not rated")
            facts = {"names": names, "sessions": n.get("sessions"), "was": suggestion.was}
            if suggestion.dose:
                return _(
                    "{names} {dose} next time: {sessions} sessions at {was}, {pain} during, "
                    "{mornings}."
                ).format(dose=suggestion.dose, pain=pain, mornings=mornings, **facts)
            return _(
                "{names} one step harder next time: {sessions} sessions at {was}, {pain} during, "
                "{mornings}."
            ).format(pain=pain, mornings=mornings, **facts)
        case AdviceKind.EASIER:
            if suggestion.dose:
                return _("{names} {dose} next time: {why}.").format(
                    names=names, dose=suggestion.dose, why=_why_easier(n)
                )
            return _("{names} one step easier next time: {why}.").format(
                names=names, why=_why_easier(n)
            )
        case AdviceKind.REST:
            if "pain_last" in n:
                return _(
                    "A rest day: pain rose across three sessions ({first}, {middle}, {last} of 10)."
                ).format(first=n["pain_first"], middle=n["pain_middle"], last=n["pain_last"])
            return _("A rest day: {why}, and {names} was already made easier this week.").format(
                why=_why_easier(n), names=names
            )
        case AdviceKind.RETEST:
            return _("Take the {point} tests ({how}).").format(
                point=", ".join(point_word(p) for p in str(n.get("points", "")).split(", ")),
                how=how(Ask.TESTS),
            )
        case AdviceKind.CELEBRATE:
            return _("Since the start ({point} tests): {changes}.").format(
                point=point_word(str(n.get("point", ""))), changes="; ".join(_changes(n))
            )
        case AdviceKind.SEE_CLINICIAN:
            return _(
                "{see} The safety questions found a warning sign; once a clinician has cleared "
                "you, say so ({how})."
            ).format(see=see_clinician(bool(n.get("urgent"))), how=how(Ask.CLEARED))
        case AdviceKind.SCREENING:
            return _(
                "Answer the safety questions first ({how}); until then supple suggests only what "
                "is easier."
            ).format(how=how(Ask.SCREENING))
        case AdviceKind.USUAL_PAIN:
            return _(
                "Next morning {rating} of 10 on {day}: usual pain not known yet, so supple cannot "
                "tell a flare and suggests nothing harder; give your usual pain ({how})."
            ).format(rating=n.get("morning"), day=_day(n, "morning_day"), how=how(Ask.SCREENING))
        case _:
            assert_never(suggestion.kind)


def advice_applied(reason: str | None, how: Hint = on_command_line) -> str:
    """What applying a suggestion changed (None: nothing suggested nor applied), and how to
    undo it."""
    if reason is None:
        return _(SENTENCES["NO_ADVICE"])
    return _("Applied: {reason} To undo it: {how}.").format(reason=reason, how=how(Ask.UNDO_ADVICE))


def advice_already(entry: Applied) -> str:
    """Applying advice already applied (and not undone): when, and how to take it back."""
    from supple.core.words import day_words, printable

    return _("{id} already applied on {day}; `supple advice undo` takes it back").format(
        id=printable(entry.id), day=day_words(entry.applied_at)
    )


def advice_noted(record: SessionRecord) -> str:
    """The session detail's line: ``Advice applied: easier Cat-Cow, Sphinx; harder Bridge
    (undone)``, the exercises by their names in this record; empty if none. Plain text."""
    if not record.advice:
        return ""
    names = {e.id: e.name for e in record.exercises}
    parts = []
    for noted in record.advice:
        exercises = ", ".join(names.get(x, x) for x in noted.exercises)
        match noted.kind:  # a record value, kept English: "easier" or "harder"
            case "easier":
                part = _("easier {exercises}").format(exercises=exercises)
            case "harder":
                part = _("harder {exercises}").format(exercises=exercises)
            case _:  # a kind a newer supple wrote: shown as it is
                part = f"{noted.kind} {exercises}"
        parts.append(part if noted.undone_at is None else _("{part} (undone)").format(part=part))
    return _("Advice applied: {parts}").format(parts="; ".join(parts))


def advice_undone(reason: str) -> str:
    return _("Undone, the steps are back: {reason}").format(reason=reason)


def _day(n: Mapping[str, object], key: str) -> str:
    """A day among the numbers (ISO, as `supple advice --json` gives it) as the app says it:
    "Sat 05 Dec"."""
    from datetime import date

    from supple.core.words import day_words

    try:
        return day_words(date.fromisoformat(str(n.get(key))), padded=True, year=False)
    except ValueError:
        return str(n.get(key, ""))


def _why_easier(n: Mapping[str, object]) -> str:
    # Translators: the reasons are joined with ", "; "{reasons} on {session}" names the session
    parts = []
    if "pain_during" in n:
        parts.append(_("pain {rating} of 10 during (above 5)").format(rating=n["pain_during"]))
    if "pain_after" in n:
        parts.append(_("pain {rating} of 10 after (above 5)").format(rating=n["pain_after"]))
    session = _day(n, "session")
    said = [_("{reasons} on {session}").format(reasons=", ".join(parts), session=session)]
    if "morning" not in n:
        return said[0]
    from supple.core.words import decimal

    shown = n.get("usual")
    usual = (
        _("usual {usual}").format(usual=decimal(shown))
        if isinstance(shown, int | float)
        else _("usual pain not known yet")  # never compared with a made-up 0
    )
    # Translators: the morning after the session, "next morning 5 of 10 on Sun 06 Dec (usual 2)"
    morning = _("next morning {rating} of 10 on {day} ({usual})").format(
        rating=n["morning"], day=_day(n, "morning_day"), usual=usual
    )
    return ", ".join([*said, morning]) if parts else morning


def _changes(n: Mapping[str, object]) -> list[str]:
    from supple.core.words import judged_words

    out = []
    for key, value in n.items():
        if f"{key}_unit" not in n or not isinstance(value, int | float):
            continue
        unit, error = str(n[f"{key}_unit"]), n[f"{key}_error"]
        assert isinstance(error, int | float)
        out.append(f"{n[f'{key}_name']} {judged_words(value, error, unit)}")
    return out


def morning_answered(rating: int, title: str, started: datetime) -> str:
    """This morning's pain, written into the session it belongs to."""
    from supple.core.pain import pain_words
    from supple.core.words import day_words

    return _("This morning: {pain}, saved with {title} of {day} {time}.").format(
        pain=pain_words(rating),
        title=title,
        day=day_words(started, padded=True, year=False),
        time=f"{started:%H:%M}",
    )


# -- the safety screening (issue 25: docs/safety.md) ----------------------------------------


def see_clinician(urgent: bool) -> str:
    """Whom to see and how soon: today for the urgent signs (``Sign.urgent``), else soon. NICE
    NG59 and Finucane 2020 (docs/safety.md): a warning sign is assessed before exercise care
    begins, not only before it gets harder."""
    if urgent:
        return _(
            "Please see a doctor today, before exercising: an emergency department or your "
            "urgent care line."
        )
    return _("Please see a doctor or physiotherapist soon, before exercising.")


def screening_line(screening: Screening | None, how: Hint = on_command_line) -> str | None:
    """One line while a warning sign is answered yes and not cleared (None otherwise)."""
    if screening is None or not screening.any_flag or screening.cleared:
        return None
    if screening.urgent:
        return _(
            "Warning sign answered yes: see a doctor today, before exercising ({how}: your "
            "answers)."
        ).format(how=how(Ask.SCREENING))
    return _(
        "Warning sign answered yes: see a doctor or physiotherapist soon, before exercising "
        "({how}: your answers)."
    ).format(how=how(Ask.SCREENING))


def screening_missing(how: Hint = on_command_line) -> str:
    return _(
        "The safety screening has not been answered ({how}). Until then supple never suggests "
        "making exercises harder."
    ).format(how=how(Ask.SCREENING))


def flag_stands(screening: Screening | None) -> bool:
    """A warning sign answered yes and not cleared: no program starts, a session asks first."""
    return screening is not None and screening.flag_stands


def program_refused(screening: Screening, how: Hint = on_command_line) -> str:
    """Why the program did not start: a warning sign stands (docs/safety.md)."""
    signs = "; ".join(sign.short for sign in screening.flags)
    return _(
        "The program was not started: you answered yes to {signs}. {see} Once a clinician has "
        "cleared you, tell supple ({how}) and start it."
    ).format(signs=signs, see=see_clinician(screening.urgent), how=how(Ask.CLEARED))


def flag_next(screening: Screening) -> str:
    """The program's next step while a warning sign stands: a clinician, not a workout (the
    words every place that would name a workout says: ``core.screening.SEE_FIRST``)."""
    from supple.core.screening import see_first

    return _(
        "{see_first}: you answered yes to a warning sign. No workout is suggested until a "
        "clinician has cleared you."
    ).format(see_first=_(see_first(screening)))


def session_despite_flag(screening: Screening) -> tuple[str, str]:
    """The question before a session while a warning sign stands, and what it means."""
    signs = "; ".join(sign.short for sign in screening.flags)
    meaning = _("You answered yes to {signs}. {see}").format(
        signs=signs, see=see_clinician(screening.urgent)
    )
    return _("Exercise anyway?"), meaning


def screening_unanswered(numbers: Sequence[int], pain: bool) -> str:
    """Why the answers were not saved: the questions (numbered from 1) still unanswered, and
    whether the usual pain is missing."""
    said = ", ".join(str(n) for n in numbers)
    if numbers and pain:
        return n_(
            "Not saved: answer question {numbers} (yes or no) and your usual pain first.",
            "Not saved: answer questions {numbers} (yes or no) and your usual pain first.",
            len(numbers),
        ).format(numbers=said)
    if numbers:
        return n_(
            "Not saved: answer question {numbers} (yes or no) first.",
            "Not saved: answer questions {numbers} (yes or no) first.",
            len(numbers),
        ).format(numbers=said)
    return _("Not saved: give your usual pain (0 to 10) first.")


def screening_result(screening: Screening | None, how: Hint = on_command_line) -> str:
    """What the answers mean, in plain words: go ahead, see a clinician first, or cleared."""
    from supple.core.words import day_words

    if screening is None or not screening.answered:
        return screening_missing(how)
    if not screening.any_flag:
        return _(
            "No warning signs. Go ahead; stop an exercise that causes sharp or spreading pain. "
            "Answer again ({how}) if anything changes."
        ).format(how=how(Ask.SCREENING))
    signs = "; ".join(sign.short for sign in screening.flags)
    if screening.cleared and screening.cleared_at is not None:
        return _(
            "You answered yes to: {signs}. You said a clinician cleared you on {day}; supple may "
            "suggest harder exercises again."
        ).format(signs=signs, day=day_words(screening.cleared_at, padded=True))
    return _(
        "You answered yes to: {signs}. {see} supple will not suggest harder exercises until you "
        "tell it a clinician has cleared you ({how})."
    ).format(signs=signs, see=see_clinician(screening.urgent), how=how(Ask.CLEARED))
