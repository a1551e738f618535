"""The coach's sentences for people: verdicts, the reminder line, notices about files.

The services return facts (a `Verdict`, a reminder's next time, the files moved aside); this
module alone turns them into words (through ``supple.i18n``: English, German, Spanish), so a
sentence has one place to change and to translate. The sentences declared as names
(``NO_ADVICE``…) are read through the module's ``__getattr__``, translated when read.
It sits beside the services rather than in `supple.core.words` because it reads the coach's own
facts, which `supple.core` must not import, and because `core.words` is on the status line's
start-up path, which these sentences should not lengthen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, assert_never

from supple.coach import advice_wording
from supple.coach.advice_wording import Ask as Ask
from supple.coach.advice_wording import advice as advice
from supple.coach.advice_wording import advice_already as advice_already
from supple.coach.advice_wording import advice_applied as advice_applied
from supple.coach.advice_wording import advice_noted as advice_noted
from supple.coach.advice_wording import advice_undone as advice_undone
from supple.coach.advice_wording import flag_next as flag_next
from supple.coach.advice_wording import flag_stands as flag_stands
from supple.coach.advice_wording import morning_answered as morning_answered
from supple.coach.advice_wording import on_command_line as on_command_line
from supple.coach.advice_wording import program_refused as program_refused
from supple.coach.advice_wording import screening_line as screening_line
from supple.coach.advice_wording import screening_missing as screening_missing
from supple.coach.advice_wording import screening_result as screening_result
from supple.coach.advice_wording import screening_unanswered as screening_unanswered
from supple.coach.advice_wording import see_clinician as see_clinician
from supple.coach.advice_wording import session_despite_flag as session_despite_flag
from supple.coach.library_wording import built_summary as built_summary
from supple.coach.library_wording import built_title as built_title
from supple.coach.library_wording import refusal as refusal
from supple.i18n import _, lazy

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from supple.coach.advice_wording import Hint as Hint
    from supple.coach.views import ResumeOffer, Stepped, Verdict
    from supple.core.history import Quarantined, Skipped
    from supple.core.nudge import RemindSettings
    from supple.core.record import PainAction
    from supple.core.screening import Checklist
    from supple.core.stats import Stats
    from supple.core.sync import Conflict


def verdict(facts: Verdict) -> str:
    """Whether a finished session counts, and as which program workout, in a sentence."""
    from supple.coach.views import Judged

    match facts.judged:
        case Judged.ENDED_EARLY:
            return _("Ended early: this session does not count toward streaks or the program.")
        case Judged.TOO_LITTLE:
            from supple.core.outcome import COUNTS_SHARE

            return _(
                "Less than {share} of the planned reps and holds were done: this session does "
                "not count toward streaks or the program."
            ).format(share=f"{COUNTS_SHARE:.0%}")
        case Judged.PRACTICE:
            return _(
                "Practice: one exercise played alone is kept in your history but does not "
                "count toward streaks, the week or the program."
            )
        case Judged.STREAK:
            return _("This session counts toward your streak.")
        case Judged.WORKOUT:
            return _("Counted as workout {number} of {total} of the program.").format(
                number=facts.number, total=facts.total
            )
        case Judged.BEFORE_START:
            return _("Done before the program started: not counted as workout {number}.").format(
                number=facts.number
            )
        case Judged.ONE_A_DAY:
            return _(
                "Not counted as workout {number}: the program counts one workout a day. "
                "It counts if you do it tomorrow."
            ).format(number=facts.number)
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
    from supple.core.words import printable  # the file's text: shown, never sent to a terminal

    if problem is not None:
        return _("Reminders: off — {problem}").format(problem=printable(problem))
    if not settings.on:
        if short:
            return _("Reminders: off")
        return _("Reminders: off · `supple remind on` sets them")
    if short:
        if at is None:
            return _("Reminders: on, none due")
        return _("Next reminder: {when}").format(when=when_text(at, now))
    if at is None:
        return _("Reminders: on · none within the hours ({settings})").format(
            settings=printable(settings.describe())
        )
    return _("Reminders: on · next {when} ({settings})").format(
        when=when_text(at, now), settings=printable(settings.describe())
    )


def stepped(facts: Stepped, *, short: bool = False) -> str:
    """What an easier/harder step changed: "easier: 5 reps (was 8 reps)"; ``short`` (beside
    the dose already shown) "easier, was 8 reps"."""
    if facts.step < 0:
        if short:
            return _("easier, was {was}").format(was=facts.was)
        return _("easier: {now} (was {was})").format(now=facts.now, was=facts.was)
    if short:
        return _("harder, was {was}").format(was=facts.was)
    return _("harder: {now} (was {was})").format(now=facts.now, was=facts.was)


def unchanged(change: int) -> str:
    """A step refused because it would change nothing at the session's level."""
    if change < 0:
        return _("nothing easier at this level: not changed")
    return _("nothing harder at this level: not changed")


def _day(moment: date) -> str:
    """A day as the program's sentences write it: "Mon 02 Nov 2026", translated."""
    from supple.core.words import day_words

    return day_words(moment, padded=True)


def restart_program(started: datetime, on: date | None = None) -> tuple[str, str]:
    """The question before restarting a running program (the app's and the CLI's), and what
    it means; ``on``: the new start day (None: today)."""
    if on is None:
        return (
            _("Restart the program today?"),
            _(
                "Workouts count again from today; sessions and test results are kept. "
                "It was started on {started}."
            ).format(started=_day(started)),
        )
    return (
        _("Restart the program on {day}?").format(day=_day(on)),
        _(
            "Workouts count again from then; sessions and test results are kept. "
            "It was started on {started}."
        ).format(started=_day(started)),
    )


def after_start(due: tuple[str, ...]) -> str:
    """What to do next once the program has (re)started: the tests due, if any, then workout 1."""
    if due:
        # Translators: {tests} are the tests' names, "hip and shoulder"
        return _("Take the {tests} tests, then workout 1.").format(
            tests=_(" and ").join(due) if len(due) > 1 else due[0]
        )
    return _("Next: workout 1 (the start tests are already recorded).")


def program_resumed(title: str, started: datetime, done: int, total: int) -> str:
    """Switching back to a program started before: it goes on where it was left."""
    return _(
        "Back to {title} (started {started}): {done}/{total} workouts done; "
        "its sessions and test results are as you left them."
    ).format(title=title, started=_day(started), done=done, total=total)


def program_left(title: str) -> str:
    """What happens to the program left for another."""
    return _(
        "{title} is paused where it stands: `supple program start` with its id resumes it."
    ).format(title=title)


def steps_problem(problem: object) -> str:
    return _("Easier/harder steps: {problem}").format(problem=problem)


def read_only(problem: object, unsaved_dir: Path) -> str:
    return _(
        "The data folder cannot be written ({problem}): supple goes on read-only. "
        "A session you finish is kept in {folder} until it can be."
    ).format(problem=problem, folder=unsaved_dir)


def recovered(path: Path) -> str:
    return _("Recovered an interrupted session:\n{path}").format(path=path)


def merged(path: Path) -> str:
    return _(
        "A session kept aside while the disk could not be written is in your history now:\n{path}"
    ).format(path=path)


def sync_conflict(conflict: Conflict) -> str:
    copies = "\n".join(str(copy) for copy in conflict.copies)
    return _(
        "supple found two versions of {name} from sync; kept both. Keep the one you want as "
        "{path} and delete the other:\n{copies}"
    ).format(name=conflict.main.name, path=conflict.main, copies=copies)


def quarantined(kind: str, bad: Quarantined) -> str:
    # Translators: {kind} is the kind of file in English ("session", "settings")
    if bad.moved_to is not None:
        return _("A {kind} file was broken and moved aside (quarantined):\n{bad}").format(
            kind=kind, bad=bad
        )
    return _("A {kind} file is broken and could not be moved aside:\n{bad}").format(
        kind=kind, bad=bad
    )


def skipped(kind: str, left: Skipped) -> str:
    return _("A {kind} file was left unread:\n{left}").format(kind=kind, left=left)


def program_unusable(error: object) -> str:
    return _("The program file cannot be used:\n{error}").format(error=error)


def resume_offer(offer: ResumeOffer) -> str:
    """What resuming a session would do: continue it, or (the routine changed) start afresh."""
    if offer.fresh:
        return _("{title} changed since: start it afresh").format(title=offer.title)
    return _("Resume {title} from {exercise}").format(title=offer.title, exercise=offer.exercise)


def untrashed(path: Path) -> str:
    return _("Put back: {name}").format(name=path.name)


def trashed(path: Path, undo_key: str) -> str:
    """A session moved to the trash, and the key that puts it back."""
    return _("Moved to the trash: {name} (press {key} to undo)").format(
        name=path.name, key=undo_key
    )


def logged(routine: str, done: int, total: int, counts: bool) -> str:
    """A session logged by hand, and whether it counts (the same rule as any other)."""
    if counts:
        return _("Logged by hand: {routine}, {done} of {total} exercises done; it counts.").format(
            routine=routine, done=done, total=total
        )
    return _(
        "Logged by hand: {routine}, {done} of {total} exercises done; it does not count "
        "(too little of the work was done)."
    ).format(routine=routine, done=done, total=total)


def timing_words(settings: bool) -> str:
    """Which timing a routine plays with: the settings' get-ready and rests, or its own."""
    return _("your settings' timing") if settings else _("its own timing")


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
            _("first {first}, latest {latest}, lowest {lowest} over {ratings}").format(
                first=after[0],
                latest=after[-1],
                lowest=min(after),
                ratings=plural(len(after), "rating"),
            )
        )
    if morning:
        parts.append(
            _("next morning: latest {latest}/{most} ({answers})").format(
                latest=morning[-1], most=PAIN_MAX, answers=plural(len(morning), "answer")
            )
        )
    return " · ".join(parts)


def feelings_trend(stats: Stats) -> str:
    """The old feelings in figures (10 = great); empty if none."""
    from supple.core.words import plural

    after = [f.after for f in stats.feelings if f.after is not None]
    if not after:
        return ""
    return _("first {first}, latest {latest}, best {best} over {checkins}").format(
        first=after[0],
        latest=after[-1],
        best=max(after),
        checkins=plural(len(after), "check-in"),
    )


# -- a session's replies to its keys: the player screen and plain mode say the same ---------

SENTENCES: Final = {
    **advice_wording.SENTENCES,
    "NOTHING_TO_START": lazy("The exercise has begun: nothing to skip"),  # `s` during the work
    "EXTENDED": lazy("+10 s on this hold"),
    "ONLY_HOLDS": lazy("Only a hold can be made longer"),
    "END_QUESTION": lazy("End the session now?"),
    "END_DETAIL": lazy("What you have done so far is kept and saved to your history."),
}


def __getattr__(name: str) -> str:
    """The sentences declared as names (``wording.END_QUESTION``), translated as they are read."""
    if name in SENTENCES:
        return _(SENTENCES[name])
    return str(getattr(advice_wording, name))


def sound_words(muted: bool) -> str:
    return _("Sound off") if muted else _("Sound on")


def breath_tones_words(on: bool) -> str:
    return _("Breath tones on") if on else _("Breath tones off")


def pain_question(*, before: bool, region: Checklist | None = None) -> str:
    """The check-in's question, before a session or after it, about the body region of the
    routine (its checklist, ``Coach.region``: the back when not known)."""
    from supple.core.screening import LOW_BACK

    return (region or LOW_BACK).pain_question(before=before)


def pain_marked(rating: int, exercise: str, action: PainAction) -> str:
    """Said when a "this hurts" mark is saved (and in the browser announced at once)."""
    from supple.core.pain import PAIN_MAX

    facts = {"rating": rating, "most": PAIN_MAX, "exercise": exercise}
    match action:
        case "none":
            return _("Pain {rating} of {most} marked on {exercise}: carrying on.").format(**facts)
        case "eased":
            return _("Pain {rating} of {most} marked on {exercise}: eased.").format(**facts)
        case "skipped":
            return _("Pain {rating} of {most} marked on {exercise}: skipped.").format(**facts)
        case _:
            assert_never(action)
