"""Plain mode's summary: the app's summary as lines (how it went, each exercise, whether it
counts, today's advice) and its keys typed on lines: easier/harder and not-for-me by an
exercise's number, the advice key to apply a suggestion or undo the last one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from supple.cli.plain_keys import Keys, Source, key_name
from supple.coach import session_wording as say
from supple.core.numbers import is_digits
from supple.core.words import level_word, printable, said, totals
from supple.i18n import _

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.live import LiveSession

SUMMARY_ACTIONS = {"summary.easier": -1, "summary.harder": 1, "summary.not_for_me": 0}
# The summary's keys plain mode takes (its Enter, r and q belong to a screen).
SUMMARY = ("summary.easier", "summary.harder", "summary.not_for_me", "summary.advice")


class PlainSummary:
    """The summary's keys, a line each, until Enter alone (or the end of input)."""

    def __init__(
        self, coach: Coach, live: LiveSession, source: Source, out: Callable[..., Any]
    ) -> None:
        from supple.tui.screens.summary import SummaryScreen

        self.coach = coach
        self.live = live
        self.source = source
        self.say = out  # one or more lines, each through plain()
        self.summary = Keys(SummaryScreen, SUMMARY, coach.config.keymap)

    def run(self) -> None:
        """The summary's keys as lines: an exercise's number and - or + (easier or harder next
        time) or the not-for-me key; the advice key alone lists the advice to apply or undo."""
        summary = self.summary
        easier, harder = (summary.first(i) for i in ("summary.easier", "summary.harder"))
        self.say(
            say.adjust_how(easier, harder),
            say.number_then(
                summary.first("summary.not_for_me"), summary.tooltip("summary.not_for_me")
            ),
            say.key_then(summary.first("summary.advice"), summary.tooltip("summary.advice")),
        )
        while True:
            try:
                text = self.source.line().strip()
            except EOFError:
                return
            if not text:
                return
            if summary.binding(key_name(text)) == "summary.advice":
                self.advise()
                continue
            number, key = text[:-1].strip(), summary.binding(key_name(text[-1]))
            if key not in SUMMARY_ACTIONS or not is_digits(number):
                self.say(say.adjust_again(easier, harder))
                continue
            record = self.live.recorder.record()
            index = int(number) - 1
            if not 0 <= index < len(record.exercises):
                self.say(say.no_exercise(number))
                continue
            entry = record.exercises[index]
            if key == "summary.not_for_me":
                self.say(self.not_for_me(entry.id, entry.name))
            else:
                self.say(self.step(entry.id, entry.name, SUMMARY_ACTIONS[key]))

    def step(self, exercise_id: str, name: str, change: int) -> str:
        """One exercise a step easier (-1) or harder (1) next time, as the summary's - and +."""
        from supple.coach.wording import stepped, unchanged

        record, catalog = self.live.recorder.record(), self.coach.catalog
        if not catalog.changes(record.routine, exercise_id, record.level, change):
            return f"{name}: {unchanged(change)}."
        _record, error = self.coach.adjust(record.routine, exercise_id, change)
        if error:
            return f"{say.not_saved(error)}."
        facts = self.coach.catalog.stepped(record.routine, exercise_id, record.level)
        return f"{say.next_time(name, say.as_it_was() if facts is None else stepped(facts))}."

    def not_for_me(self, exercise_id: str, name: str) -> str:
        """The summary's not-for-me key: marked so, or (again) for you again."""
        from supple.coach.library_wording import marked, not_in_library
        from supple.core.files import SaveError

        library = self.coach.library
        on = exercise_id not in library.not_for_me().ids
        try:
            library.mark(exercise_id, on)
        except KeyError:
            return f"{not_in_library(name)}."
        except SaveError as error:
            return f"{say.not_saved(str(error))}."
        return f"{marked(name, on)}."

    def advise(self) -> None:
        """The summary's advice key: the suggestions numbered, one applied by its number, or
        the last applied undone (the app's advice chooser, as lines)."""
        from supple.coach.advice import AdviceError
        from supple.coach.wording import advice, advice_applied, advice_undone

        service = self.coach.advice
        suggestions = service.suggested()
        last = next((a for a in reversed(service.log()) if a.undone_at is None), None)
        if not suggestions and last is None:
            self.say(advice_applied(None))
            return
        self.say(*(say.advice_line(n, advice(s)) for n, s in enumerate(suggestions, 1)))
        self.say(say.advice_choice("" if last is None else last.reason))
        try:
            text = self.source.line().strip()
        except EOFError:
            return
        if not text:
            return
        try:
            if text.lower() == "u" and last is not None:
                self.say(advice_undone(service.undo().reason))
                return
            if not (is_digits(text) and 1 <= int(text) <= len(suggestions)):
                self.say(say.no_suggestion(printable(text)))
                return
            chosen = suggestions[int(text) - 1]
            if not chosen.change or not chosen.exercises:  # the safety questions, a test: told
                self.say(advice(chosen))
                return
            self.say(advice_applied(service.apply(chosen, advice(chosen)).reason))
        except AdviceError as error:
            self.say(say.not_changed(str(error)))


def summary_lines(coach: Coach, live: LiveSession) -> list[str]:
    """The summary as lines: how it went, the totals, the check-ins, each exercise, whether it
    counts, the advice (the same suggestions as the app's summary), and whether it was saved."""
    from supple.coach.wording import advice
    from supple.tui.widgets.record_table import STATUS_WORDS, feeling_line

    record = live.recorder.record()
    lines = [
        f"{said(record.outcome).headline}: {record.title}, {level_word(record.level)}.",
        totals(record, sep=", ") + ".",
    ]
    feelings = feeling_line(record)
    if feelings:
        lines.append(feelings)
    lines += [
        f"{n}. {entry.name}: {_(STATUS_WORDS[entry.status])}."
        for n, entry in enumerate(record.exercises, 1)
    ]
    lines.append(coach.verdict(record))
    suggestions = coach.advice.suggested()
    lines += [say.advice_line(n, advice(s)) for n, s in enumerate(suggestions, 1)]
    lines.append(f"{say.not_saved(live.error)}." if live.error else say.saved())
    return lines
