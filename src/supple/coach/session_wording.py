"""A session's questions and replies around the player: the "this hurts" dialog, the summary's
easier/harder and advice, and plain mode's lines (``supple.cli.plain``) for what the app shows as
a dialog. The app's screens and plain mode read the same sentences here; the replies to the
player's keys, the check-in's question and a pain mark are ``coach.wording``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.i18n import _

if TYPE_CHECKING:
    from datetime import datetime


def opening(title: str, level: str, exercises: str, total: str) -> str:
    # Translators: plain mode's first line, "Back pain relief, beginner: 3 exercises, 1 min 35 s."
    return _("{title}, {level}: {exercises}, {total}.").format(
        title=title, level=level, exercises=exercises, total=total
    )


def keys_line(keys: str) -> str:
    # Translators: the keys in force and what each does, "Keys: space pause, n or → next."
    return _("Keys: {keys}.").format(keys=keys)


def not_saved_yet(error: str) -> str:
    return _("Cannot save this session yet: {error}. It is kept in memory.").format(error=error)


def not_a_key(key: str) -> str:
    return _("Not a key here: {key}.").format(key=key)


def yes_no(yes: str, no: str) -> str:
    # Translators: the keys of a yes/no question in plain mode, "y or Enter: yes, n or Esc: no."
    return _("{yes}: yes, {no}: no.").format(yes=yes, no=no)


def hurts_title(name: str) -> str:
    """The "this hurts" dialog's title, and plain mode's question: on which exercise."""
    return _("This hurts: {name}").format(name=name)


def how_much(ten: str, cancel: str) -> str:
    return _("How much, 0 to 9, {ten} for 10? {cancel}: back, with no mark.").format(
        ten=ten, cancel=cancel
    )


def how_much_again(ten: str, cancel: str) -> str:
    return _("0 to 9, {ten} for 10, {cancel}: back.").format(ten=ten, cancel=cancel)


def then(choices: str) -> str:
    # Translators: what a pain mark can do now, "Then: e: ease, s: skip, Enter: carry on."
    return _("Then: {choices}.").format(choices=choices)


def jump_title() -> str:
    return _("Jump to an exercise (what you did is kept):")


def jump_entry(number: int, name: str, dose: str, how: str) -> str:
    # Translators: a line of the jump list, "1. Cat-Cow, 5 reps: now."
    return _("{number}. {name}, {dose}: {how}.").format(
        number=number, name=name, dose=dose, how=how
    )


def jump_now() -> str:
    # Translators: the jump list's exercise in play
    return _("now")


def jump_to_come() -> str:
    # Translators: the jump list's exercise not reached yet
    return _("to come")


def jump_how() -> str:
    return _("Its number and Enter; Enter alone: back.")


def no_jump(text: str) -> str:
    return _("No exercise {text} to jump to.").format(text=text)


def how_to_rate() -> str:
    return _("A number from 0 to 10 and Enter; Enter alone skips.")


def not_a_rating(text: str) -> str:
    return _("'{text}' is not a whole number from 0 to 10.").format(text=text)


def note_question() -> str:
    return _("A note, and Enter (Enter alone: none).")


def adjust_how(easier: str, harder: str) -> str:
    return _(
        "Easier or harder next time: an exercise's number then {easier} or {harder}"
        " (like 2{easier}), and Enter; Enter alone: done."
    ).format(easier=easier, harder=harder)


def key_then(key: str, what: str) -> str:
    """A key typed on a line of its own, and what it does: "v and Enter: apply a suggestion…"."""
    # Translators: plain mode's summary; {what} is the key's description, capitalised
    return _("{key} and Enter: {what}.").format(key=key, what=what)


def number_then(key: str, what: str) -> str:
    """A key after an exercise's number, and what it does: "2n and Enter: not for me…"."""
    # Translators: plain mode's summary; {what} is the key's description, capitalised
    return _("An exercise's number then {key} (like 2{key}) and Enter: {what}.").format(
        key=key, what=what
    )


def not_changed(error: str) -> str:
    """Advice that could not be applied or undone."""
    return _("Not changed: {error}").format(error=error)


def adjust_again(easier: str, harder: str) -> str:
    return _("Like 2{easier} or 2{harder}; Enter alone: done.").format(easier=easier, harder=harder)


def no_exercise(number: str) -> str:
    return _("No exercise {number}.").format(number=number)


def next_time(name: str, change: str) -> str:
    """After easier/harder on the summary: "Cat-Cow: easier: 3 reps (was 5 reps) next time"."""
    return _("{name}: {change} next time").format(name=name, change=change)


def as_it_was() -> str:
    return _("as it was")


def not_saved(error: str) -> str:
    return _("Not saved: {error}").format(error=error)


def saved() -> str:
    return _("Saved to your history.")


def advice_line(number: int, sentence: str) -> str:
    # Translators: a suggestion in plain mode's summary and advice list, "Advice 1: Cat-Cow …"
    return _("Advice {number}: {sentence}").format(number=number, sentence=sentence)


def advice_choice(undo: str) -> str:
    """The advice list's question: a suggestion's number, or undo."""
    if undo:
        return _(
            "A suggestion's number and Enter applies it; u and Enter undoes: {undo}; "
            "Enter alone: back."
        ).format(undo=undo)
    return _("A suggestion's number and Enter applies it; Enter alone: back.")


def no_suggestion(text: str) -> str:
    return _("No suggestion {text}.").format(text=text)


def routines_title() -> str:
    return _("Plain mode. The routines:")


def which_routine() -> str:
    return _("Which one? Its number or id, and Enter; Enter alone: none.")


def which_level(levels: str, current: str) -> str:
    # Translators: plain mode asks the level, "Level: 1 beginner 1 min 35 s, 2 intermediate …"
    return _("Level: {levels}. Its number and Enter; Enter alone: {current}.").format(
        levels=levels, current=current
    )


def stopped(error: str | None) -> str:
    if error is None:
        return _("Stopped.")
    return _("Stopped; not saved: {error}.").format(error=error)


def morning_about(title: str, started: datetime) -> str:
    """The session a next-morning question is about: "Back pain relief, Sat 09:12"."""
    return f"{title}, {started:%a %H:%M}"


def morning_question(about: str) -> str:
    """The next-morning question, naming the session it is about (home's dialog, plain mode)."""
    from supple.core.morning import MORNING_QUESTION

    return _("{question} (after {session})").format(question=MORNING_QUESTION, session=about)
