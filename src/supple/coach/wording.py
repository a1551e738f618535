"""The coach's sentences for people: verdicts, the reminder line, notices about files.

The services return facts (a `Verdict`, a reminder's next time, the files moved aside); this
module alone turns them into English, so a sentence has one place to change (and to translate).
It sits beside the services rather than in `supple.core.words` because it reads the coach's own
facts, which `supple.core` must not import, and because `core.words` is on the status line's
start-up path, which these sentences should not lengthen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import date, datetime
    from pathlib import Path

    from supple.coach.views import ResumeOffer, Stepped, Verdict
    from supple.core.advice import Suggestion
    from supple.core.advice_log import Applied
    from supple.core.history import Quarantined, Skipped
    from supple.core.nudge import RemindSettings
    from supple.core.record import PainAction, SessionRecord
    from supple.core.screening import Screening
    from supple.core.stats import Stats
    from supple.core.sync import Conflict


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
    """How to do ``ask`` from the command line: the command, quoted."""
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


def verdict(facts: Verdict) -> str:
    """Whether a finished session counts, and as which program workout, in a sentence."""
    from supple.coach.views import Judged

    match facts.judged:
        case Judged.ENDED_EARLY:
            return "Ended early: this session does not count toward streaks or the program."
        case Judged.TOO_LITTLE:
            from supple.core.outcome import COUNTS_SHARE

            return (
                f"Less than {COUNTS_SHARE:.0%} of the planned reps and holds were done: this "
                "session does not count toward streaks or the program."
            )
        case Judged.PRACTICE:
            return (
                "Practice: one exercise played alone is kept in your history but does not "
                "count toward streaks, the week or the program."
            )
        case Judged.STREAK:
            return "This session counts toward your streak."
        case Judged.WORKOUT:
            return f"Counted as workout {facts.number} of {facts.total} of the program."
        case Judged.BEFORE_START:
            return f"Done before the program started: not counted as workout {facts.number}."
        case Judged.ONE_A_DAY:
            return (
                f"Not counted as workout {facts.number}: the program counts one workout a day. "
                "It counts if you do it tomorrow."
            )
        case _:
            assert_never(facts.judged)


def reminder_line(
    settings: RemindSettings,
    problem: str | None,
    at: datetime | None,
    now: datetime,
    *,
    short: bool = False,
) -> str:
    """One line for the settings and program screens: on or off, and when the next one is
    (``at``, None when none is due); ``short`` leaves out the times, days and hours."""
    from supple.core.nudge import when_text

    if problem is not None:
        return f"Reminders: off — {problem}"
    if not settings.on:
        return "Reminders: off" + ("" if short else " · `supple remind on` sets them")
    if short:
        return f"Next reminder: {when_text(at, now)}" if at else "Reminders: on, none due"
    when = f"next {when_text(at, now)}" if at is not None else "none within the hours"
    return f"Reminders: on · {when} ({settings.describe()})"


def stepped(facts: Stepped, *, short: bool = False) -> str:
    """What an easier/harder step changed: "easier: 5 reps (was 8 reps)"; ``short`` (beside
    the dose already shown) "easier, was 8 reps"."""
    word = "easier" if facts.step < 0 else "harder"
    return f"{word}, was {facts.was}" if short else f"{word}: {facts.now} (was {facts.was})"


def unchanged(change: int) -> str:
    """A step refused because it would change nothing at the session's level."""
    word = "easier" if change < 0 else "harder"
    return f"nothing {word} at this level: not changed"


def restart_program(started: datetime, on: date | None = None) -> tuple[str, str]:
    """The question before restarting a running program (the app's and the CLI's), and what
    it means; ``on``: the new start day (None: today)."""
    when = "today" if on is None else f"on {on:%a %d %b %Y}"
    return (
        f"Restart the program {when}?",
        f"Workouts count again from {'today' if on is None else 'then'}; sessions and test "
        f"results are kept. It was started on {started:%a %d %b %Y}.",
    )


def after_start(due: tuple[str, ...]) -> str:
    """What to do next once the program has (re)started: the tests due, if any, then workout 1."""
    if due:
        return f"Take the {' and '.join(due)} tests, then workout 1."
    return "Next: workout 1 (the start tests are already recorded)."


def program_resumed(title: str, started: datetime, done: int, total: int) -> str:
    """Switching back to a program started before: it goes on where it was left."""
    return (
        f"Back to {title} (started {started:%a %d %b %Y}): {done}/{total} workouts done; "
        "its sessions and test results are as you left them."
    )


def program_left(title: str) -> str:
    """What happens to the program left for another."""
    return f"{title} is paused where it stands: `supple program start` with its id resumes it."


def steps_problem(problem: object) -> str:
    return f"Easier/harder steps: {problem}"


def read_only(problem: object, unsaved_dir: Path) -> str:
    return (
        f"The data folder cannot be written ({problem}): supple goes on read-only. "
        f"A session you finish is kept in {unsaved_dir} until it can be."
    )


def recovered(path: Path) -> str:
    return f"Recovered an interrupted session:\n{path}"


def merged(path: Path) -> str:
    return (
        f"A session kept aside while the disk could not be written is in your history now:\n{path}"
    )


def sync_conflict(conflict: Conflict) -> str:
    copies = "\n".join(str(copy) for copy in conflict.copies)
    return (
        f"supple found two versions of {conflict.main.name} from sync; kept both. Keep the one "
        f"you want as {conflict.main} and delete the other:\n{copies}"
    )


def quarantined(kind: str, bad: Quarantined) -> str:
    if bad.moved_to is not None:
        return f"A {kind} file was broken and moved aside (quarantined):\n{bad}"
    return f"A {kind} file is broken and could not be moved aside:\n{bad}"


def skipped(kind: str, left: Skipped) -> str:
    return f"A {kind} file was left unread:\n{left}"


def program_unusable(error: object) -> str:
    return f"The program file cannot be used:\n{error}"


def resume_offer(offer: ResumeOffer) -> str:
    """What resuming a session would do: continue it, or (the routine changed) start afresh."""
    if offer.fresh:
        return f"{offer.title} changed since: start it afresh"
    return f"Resume {offer.title} from {offer.exercise}"


def untrashed(path: Path) -> str:
    return f"Put back: {path.name}"


def trashed(path: Path, undo_key: str) -> str:
    """A session moved to the trash, and the key that puts it back."""
    return f"Moved to the trash: {path.name} (press {undo_key} to undo)"


def logged(routine: str, done: int, total: int, counts: bool) -> str:
    """A session logged by hand, and whether it counts (the same rule as any other)."""
    counted = "it counts" if counts else "it does not count (too little of the work was done)"
    return f"Logged by hand: {routine}, {done} of {total} exercises done; {counted}."


def timing_words(settings: bool) -> str:
    """Which timing a routine plays with: the settings' get-ready and rests, or its own."""
    return "your settings' timing" if settings else "its own timing"


def advice(suggestion: Suggestion, how: Hint = on_command_line) -> str:
    """One suggestion and why, with the numbers it used: "Cat-Cow 8 reps next time: 3 sessions
    at 5 reps, pain 1–2 during, mornings unchanged"; ``how`` names what to press or type."""
    from supple.core.advice import AdviceKind

    n = suggestion.numbers
    names = ", ".join(suggestion.names) or suggestion.routine
    match suggestion.kind:
        case AdviceKind.HARDER:
            to = f" {suggestion.dose}" if suggestion.dose else " one step harder"
            low, high = n.get("pain_low"), n.get("pain_high")
            pain = f"pain {low}" if low == high else f"pain {low}–{high}"
            mornings = "mornings unchanged" if n.get("mornings") else "mornings not rated"
            return (
                f"{names}{to} next time: {n.get('sessions')} sessions at {suggestion.was}, "
                f"{pain} during, {mornings}."
            )
        case AdviceKind.EASIER:
            to = f" {suggestion.dose}" if suggestion.dose else " one step easier"
            return f"{names}{to} next time: {_why_easier(n)}."
        case AdviceKind.REST:
            if "pain_last" in n:
                return (
                    f"A rest day: pain rose across three sessions "
                    f"({n['pain_first']}, {n['pain_middle']}, {n['pain_last']} of 10)."
                )
            return f"A rest day: {_why_easier(n)}, and {names} was already made easier this week."
        case AdviceKind.RETEST:
            return f"Take the {n.get('points')} tests ({how(Ask.TESTS)})."
        case AdviceKind.CELEBRATE:
            return f"Since the start ({n.get('point')} tests): " + "; ".join(_changes(n)) + "."
        case AdviceKind.SEE_CLINICIAN:
            return (
                f"{see_clinician(bool(n.get('urgent')))} The safety questions found a warning "
                f"sign; once a clinician has cleared you, say so ({how(Ask.CLEARED)})."
            )
        case AdviceKind.SCREENING:
            return (
                f"Answer the safety questions first ({how(Ask.SCREENING)}); until then supple "
                "suggests only what is easier."
            )
        case _:
            assert_never(suggestion.kind)


NO_ADVICE = "No advice today: keep going as you are."
# Said once, at the end of `supple advice`; the screening says it in full (docs/advice.md).
ADVICE_NOT_MEDICAL = "supple is not medical advice: a clinician who knows you decides."


def advice_applied(reason: str | None, how: Hint = on_command_line) -> str:
    """What applying a suggestion changed (None: nothing suggested nor applied), and how to
    undo it."""
    if reason is None:
        return NO_ADVICE
    return f"Applied: {reason} To undo it: {how(Ask.UNDO_ADVICE)}."


def advice_already(entry: Applied) -> str:
    """Applying advice already applied (and not undone): when, and how to take it back."""
    from supple.core.words import day_words, printable

    return (
        f"{printable(entry.id)} already applied on {day_words(entry.applied_at)}; "
        "`supple advice undo` takes it back"
    )


def advice_noted(record: SessionRecord) -> str:
    """The session detail's line: ``Advice applied: easier Cat-Cow, Sphinx; harder Bridge
    (undone)``, the exercises by their names in this record; empty if none. Plain text."""
    if not record.advice:
        return ""
    names = {e.id: e.name for e in record.exercises}
    parts = [
        f"{n.kind} {', '.join(names.get(x, x) for x in n.exercises)}"
        + ("" if n.undone_at is None else " (undone)")
        for n in record.advice
    ]
    return "Advice applied: " + "; ".join(parts)


def advice_undone(reason: str) -> str:
    return f"Undone, the steps are back: {reason}"


def _why_easier(n: Mapping[str, object]) -> str:
    parts = []
    if "pain_during" in n:
        parts.append(f"pain {n['pain_during']} of 10 during (above 5)")
    if "pain_after" in n:
        parts.append(f"pain {n['pain_after']} of 10 after (above 5)")
    if "morning" in n:
        usual = f"usual {n['usual']:g}" if "usual" in n else "usual pain not known yet"
        parts.append(f"next morning {n['morning']} of 10 ({usual})")
    return ", ".join(parts) + f" on {n.get('session')}"


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


NO_MORNING_SESSION = (
    "no session to link this morning's answer to (it belongs to the newest session of an "
    "earlier day that ended within the last 36 hours)"
)


def morning_answered(rating: int, title: str, started: datetime) -> str:
    """This morning's pain, written into the session it belongs to."""
    from supple.core.pain import pain_words

    return f"This morning: {pain_words(rating)}, saved with {title} of {started:%a %d %b %H:%M}."


# -- the safety screening (issue 25: docs/safety.md) ----------------------------------------

NOT_MEDICAL_ADVICE = (
    "supple is not medical advice and does not diagnose: these questions only tell it when to "
    "send you to a clinician before exercising."
)
SCREENING_INTRO = (
    "Before the program: a few questions about warning signs that need a doctor or "
    "physiotherapist to look at your back first. Answer for the last few weeks."
)
USUAL_PAIN_QUESTION = "Your usual back pain, 0 to 10 (0 = no pain, 10 = worst imaginable)?"
# NICE NG59 and Finucane 2020 (docs/safety.md): a warning sign is assessed before exercise
# care begins, not only before it gets harder; one wording for the note and the advice line.
BEFORE_EXERCISING = "before exercising"


def see_clinician(urgent: bool) -> str:
    """Whom to see and how soon: today for the urgent signs (``Sign.urgent``), else soon."""
    if urgent:
        return (
            f"Please see a doctor today, {BEFORE_EXERCISING}: an emergency department or your "
            "urgent care line."
        )
    return f"Please see a doctor or physiotherapist soon, {BEFORE_EXERCISING}."


def screening_line(screening: Screening | None, how: Hint = on_command_line) -> str | None:
    """One line while a warning sign is answered yes and not cleared (None otherwise)."""
    if screening is None or not screening.any_flag or screening.cleared:
        return None
    whom = "a doctor today" if screening.urgent else "a doctor or physiotherapist soon"
    return (
        f"Warning sign answered yes: see {whom}, {BEFORE_EXERCISING} "
        f"({how(Ask.SCREENING)}: your answers)."
    )


def screening_missing(how: Hint = on_command_line) -> str:
    return (
        f"The safety screening has not been answered ({how(Ask.SCREENING)}). Until then "
        "supple never suggests making exercises harder."
    )


SCREENING_MISSING = screening_missing()


def screening_result(screening: Screening | None, how: Hint = on_command_line) -> str:
    """What the answers mean, in plain words: go ahead, see a clinician first, or cleared."""
    if screening is None or not screening.answered:
        return screening_missing(how)
    if not screening.any_flag:
        return (
            "No warning signs. Go ahead; stop an exercise that causes sharp or spreading pain. "
            f"Answer again ({how(Ask.SCREENING)}) if anything changes."
        )
    signs = "; ".join(sign.short for sign in screening.flags)
    if screening.cleared and screening.cleared_at is not None:
        return (
            f"You answered yes to: {signs}. You said a clinician cleared you on "
            f"{screening.cleared_at:%a %d %b %Y}; supple may suggest harder exercises again."
        )
    return (
        f"You answered yes to: {signs}. {see_clinician(screening.urgent)} supple will not "
        f"suggest harder exercises until you tell it a clinician has cleared you "
        f"({how(Ask.CLEARED)})."
    )


def pain_trend(stats: Stats) -> str:
    """``first 4, latest 2, lowest 1 over 5 ratings · next morning: latest 3/10 (2 answers)``;
    empty without ratings (the chart says so itself)."""
    from supple.core.pain import PAIN_MAX
    from supple.core.words import plural

    after = [p.after for p in stats.pain if p.after is not None]
    morning = [p.morning for p in stats.pain if p.morning is not None]
    parts = []
    if after:
        parts.append(
            f"first {after[0]}, latest {after[-1]}, lowest {min(after)} "
            f"over {plural(len(after), 'rating')}"
        )
    if morning:
        parts.append(
            f"next morning: latest {morning[-1]}/{PAIN_MAX} ({plural(len(morning), 'answer')})"
        )
    return " · ".join(parts)


def feelings_trend(stats: Stats) -> str:
    """The old feelings in figures (10 = great); empty if none."""
    from supple.core.words import plural

    after = [f.after for f in stats.feelings if f.after is not None]
    if not after:
        return ""
    return (
        f"first {after[0]}, latest {after[-1]}, best {max(after)} "
        f"over {plural(len(after), 'check-in')}"
    )


# -- a session's replies to its keys: the player screen and plain mode say the same ---------

NOTHING_TO_START = "The exercise has begun: nothing to skip"  # `s` during the work
EXTENDED = "+10 s on this hold"
ONLY_HOLDS = "Only a hold can be made longer"
END_QUESTION = "End the session now?"
END_DETAIL = "What you have done so far is kept and saved to your history."


def sound_words(muted: bool) -> str:
    return "Sound off" if muted else "Sound on"


def breath_tones_words(on: bool) -> str:
    return "Breath tones on" if on else "Breath tones off"


def pain_question(*, before: bool) -> str:
    """The check-in's question, before a session or after it."""
    when = "before you start" if before else "now"
    return f"How much does your back hurt {when}?"


def pain_marked(rating: int, exercise: str, action: PainAction) -> str:
    """Said when a "this hurts" mark is saved (and in the browser announced at once)."""
    from supple.core.pain import PAIN_MAX

    match action:
        case "none":
            then = "carrying on"
        case "eased":
            then = "eased"
        case "skipped":
            then = "skipped"
        case _:
            assert_never(action)
    return f"Pain {rating} of {PAIN_MAX} marked on {exercise}: {then}."
