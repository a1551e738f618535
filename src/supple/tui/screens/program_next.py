"""The program screen's next panel: what to do next in the program, and when (its own module:
the screen stays one concern under 500 lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from supple.core.words import minutes, printable
from supple.i18n import _
from supple.tui.format import level_word

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.views import ProgramView


def next_text(coach: Coach, view: ProgramView, *, active: bool = True) -> Text:
    """The next panel: what to do next in the program, and when (``active`` False: the other
    program, shown with o, where only s acts: Enter and t are the active one's)."""
    progress = view.progress
    lines: list[Text] = []
    nxt = progress.next
    screening = coach.journal.screening()
    if screening is not None and screening.flag_stands:  # a clinician first, never a workout
        from supple.coach.wording import flag_next

        lines.append(Text(flag_next(screening), style="bold"))
    elif not active:
        resumes = _("resume it") if progress.started is not None else _("start it today")
        lines.append(Text(_("Not your program now.")))
        lines.append(Text.assemble("\n", ("s", "bold"), ": " + resumes))
        lines.append(Text(_("(the other keeps its progress)")))
    elif progress.started is None:
        lines.append(Text(_("Start with the five mobility tests (t), then workout 1.")))
        lines.append(Text.assemble("\n", ("s", "bold"), ": " + _("start the program today")))
    elif nxt is None:
        lines.append(
            Text.assemble(
                (_("All 18 workouts done!"), "bold"),
                "\n" + _("Take the end tests (t) and compare."),
            )
        )
    else:
        routine = coach.catalog.find(nxt.routine)
        seconds = view.seconds.get(nxt.number, 0.0)
        when = ""
        if progress.suggested == coach.today():
            when = _("today")
        elif progress.suggested:
            when = _("on {day}").format(day=f"{progress.suggested:%a %d %b}")
        number, week = nxt.number, nxt.week
        lines.append(Text(_("Workout {number} · week {week}").format(number=number, week=week)))
        lines.append(
            Text.assemble(
                (printable(routine.title), "bold"),
                f" · {level_word(nxt.level)} · {minutes(seconds)}",
            )
        )
        if nxt.number in view.too_long():
            lines.append(
                Text.assemble(
                    (_("Over the program's 30 min"), "bold"),
                    " " + _("with your rests and get-readies"),
                )
            )
        lines.append(Text(_("Suggested {when}").format(when=when)))
        if progress.workout_today:
            lines.append(
                Text(
                    _(
                        "Today's workout is done: one workout a day counts, so this one "
                        "counts from tomorrow."
                    )
                )
            )
        lines.append(Text.assemble("\n", ("Enter", "bold"), ": " + _("start it now")))
    long = view.too_long()
    if long and (nxt is None or nxt.number not in long):
        said = _("Your settings make {count} workouts longer than 30 min.")
        lines.append(Text("\n" + said.format(count=len(long))))
    if progress.due and active:
        due = printable(", ".join(progress.due))
        lines.append(
            Text.assemble(
                "\n", (_("Tests due:"), "bold"), " " + _("{tests} — press t").format(tests=due)
            )
        )
    reminder = coach.reminder_line(coach.remind_today(progress), short=True)
    lines.append(Text("\n" + reminder))
    return Text("\n").join(lines)
