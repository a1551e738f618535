"""Plain mode: a session as lines of text, for a screen reader or a braille display.

The same live session as the app (``coach.start``: the core Session, its checkpoints, its
cues and sounds, its final save) read through ``core.plain.Narrator``; the same keys, read from
the bindings the app declares (and the settings' ``[keymap]``), one key at a time on a terminal
(``plain_terminal``) or one per line otherwise. Every line leaves through ``core.plain.plain``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from supple.coach import session_wording as say
from supple.coach import wording
from supple.core.plain import Narrator, plain
from supple.core.words import level_word, minutes, plural, printable, said, totals
from supple.i18n import _

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from supple.coach.coach import Coach
    from supple.coach.live import LiveSession
    from supple.core.record import PainAction

# The player's bindings plain mode takes (the focus view has no meaning in lines).
PLAYER = (
    "player.pause",
    "player.resume",
    "player.skip",
    "player.back",
    "player.start_now",
    "player.extend",
    "player.mute",
    "player.breath_tones",
    "player.jump",
    "player.hurts",
    "player.stop",
)
ALIASES = {"esc": "escape", "return": "enter", "": "enter", "\n": "enter", "\r": "enter"}
SEQUENCES = {"\x1b": "escape", "\x1b[C": "right", "\x1b[D": "left", "\x7f": "backspace"}


class Source(Protocol):
    """Where keys come from: ``key`` waits up to ``timeout`` seconds (None: until one comes)
    and gives what was typed (a character, or a line without its newline) or None when the
    time ran out; ``line`` waits for a whole line. Both raise EOFError at the end of input."""

    def key(self, timeout: float | None) -> str | None: ...
    def line(self) -> str: ...


def key_name(typed: str) -> str:
    """What was typed as the key Textual would name it: ``+`` is ``plus``, a lone Esc
    ``escape``, an empty line Enter; a key's word typed on a line (``space``, ``Esc``) too."""
    from supple.tui.keymap import normalized

    if typed in SEQUENCES:
        return SEQUENCES[typed]
    text = typed if typed == " " else typed.strip()
    if len(text) == 1:
        return normalized(text)[0]
    lowered = text.lower()
    return ALIASES.get(lowered, lowered)


class Keys:
    """Some bindings of one screen as the person has them: which binding a key is, and each
    binding's keys and description in words (from the declaration, never restated)."""

    def __init__(self, owner: type[DOMNode], ids: Iterable[str], keymap: dict[str, str]) -> None:
        from supple.tui.internals import binding_keys
        from supple.tui.keymap import keys_of, normalized

        self.owner = owner
        self.ids = tuple(ids)
        self.keys = {i: keys_of(owner, i, keymap) for i in self.ids}
        self._by_key: dict[str, str] = {}
        for binding_id, keys in self.keys.items():
            for key in keys:
                self._by_key.setdefault(normalized(key)[0] if len(key) == 1 else key, binding_id)
        self._bindings = {
            b.id: b for bindings in binding_keys(owner).values() for b in bindings if b.id
        }

    def binding(self, key: str) -> str | None:
        return self._by_key.get(key)

    def say(self, binding_id: str) -> str:
        from supple.tui.keymap import key_word

        return " or ".join(dict.fromkeys(key_word(k) for k in self.keys[binding_id]))

    def first(self, binding_id: str) -> str:
        """The first of its keys, in words (an example to type)."""
        from supple.tui.keymap import key_word

        keys = self.keys[binding_id]
        return key_word(keys[0]) if keys else ""

    def description(self, binding_id: str) -> str:
        return str(self._bindings[binding_id].description)

    def tooltip(self, binding_id: str) -> str:
        return str(self._bindings[binding_id].tooltip or self.description(binding_id))


class PlainPlayer:
    """One session in lines: the check-in before, the session, the check-in after, the
    summary with easier/harder. ``write`` takes one line; ``every`` the seconds between the
    time-left lines (0: none)."""

    def __init__(
        self,
        coach: Coach,
        live: LiveSession,
        source: Source,
        write: Callable[[str], Any],
        *,
        every: int,
        check_in_before: bool,
    ) -> None:
        from supple.tui.screens.confirm import ConfirmScreen
        from supple.tui.screens.hurt import HurtScreen
        from supple.tui.screens.player import PlayerScreen
        from supple.tui.screens.summary import SummaryScreen

        keymap = coach.config.keymap
        self.coach = coach
        self.live = live
        self.source = source
        self._write = write
        self.check_in_before = check_in_before
        self.narrator = Narrator(len(live.routine.exercises), every)
        self.player = Keys(PlayerScreen, PLAYER, keymap)
        hurt = ("hurt.ten", "hurt.ease", "hurt.skip", "hurt.carry_on", "hurt.cancel")
        self.hurt = Keys(HurtScreen, hurt, keymap)
        self.confirm = Keys(ConfirmScreen, ("confirm.yes", "confirm.no"), keymap)
        self.summary = Keys(SummaryScreen, SUMMARY, keymap)

    def say(self, *lines: str) -> None:
        for line in lines:
            self._write(plain(line))

    # -- the whole session ----------------------------------------------------------------

    def run(self) -> None:
        live = self.live
        routine = live.routine
        count = len(routine.exercises)
        total = minutes(live.session.snapshot().total)
        self.say(
            say.opening(routine.title, level_word(live.level), plural(count, "exercise"), total)
        )
        self.say(self.keys_line())
        if self.check_in_before:
            pain = self.ask_pain(wording.pain_question(before=True))
            live.add_check_in(pain, before=True)
        error = live.open()
        if error:
            self.say(say.not_saved_yet(error))
        try:
            self.play()
        except EOFError:  # the end of input: the session ends there, as stopped, saved
            live.end()
            self.say(said(live.session.snapshot().judged).headline + ".")
        self.finish()

    def play(self) -> None:
        while True:
            frame = self.live.frame()
            self.say(*self.narrator.update(frame.snap))
            if frame.snap.done:
                return
            waits = [w for w in (frame.interval, frame.wake_in) if w is not None]
            typed = self.source.key(min(waits) if waits else None)
            if typed is not None:
                self.command(key_name(typed))

    def keys_line(self) -> str:
        """The keys in force and what each does, in the declaration's words."""
        parts = [
            f"{self.player.say(i)} {self.player.description(i).lower()}"
            for i in self.player.ids
            if i != "player.resume" and self.player.keys[i]
        ]
        return say.keys_line(", ".join(parts))

    # -- the keys ---------------------------------------------------------------------------

    def command(self, key: str) -> None:
        live = self.live
        match self.player.binding(key):
            case "player.pause" | "player.resume":
                live.toggle_pause()
            case "player.skip":
                live.skip()
            case "player.back":
                live.back()
            case "player.start_now":
                if not live.start_now():
                    self.say(f"{wording.NOTHING_TO_START}.")
            case "player.extend":
                self.say(f"{wording.EXTENDED if live.extend() else wording.ONLY_HOLDS}.")
            case "player.mute":
                self.say(f"{wording.sound_words(live.toggle_mute())}.")
            case "player.breath_tones":
                on, problem = self.coach.toggle_breath_tones()
                self.say(problem or f"{wording.breath_tones_words(on)}.")
            case "player.jump":
                self.with_pause(self.jump)
            case "player.hurts":
                self.with_pause(self.hurts)
            case "player.stop":
                self.with_pause(self.ask_stop)
            case _:
                self.say(say.not_a_key(key), self.keys_line())

    def with_pause(self, ask: Callable[[], None]) -> None:
        """A question asked with the session paused; it runs again after if it ran before."""
        was_running = self.live.pause()
        if was_running:
            self.say(*self.narrator.update(self.live.session.snapshot()))  # "Paused."
        ask()
        if was_running and self.live.session.state == "paused":
            self.live.resume()

    def ask_stop(self) -> None:
        yes, no = self.confirm.say("confirm.yes"), self.confirm.say("confirm.no")
        self.say(f"{wording.END_QUESTION} {wording.END_DETAIL} {say.yes_no(yes, no)}")
        while True:
            match self.confirm.binding(key_name(self._key())):
                case "confirm.yes":
                    self.live.stop()
                    return
                case "confirm.no":
                    return
                case _:
                    self.say(say.yes_no(yes, no))

    def _key(self) -> str:
        typed = self.source.key(None)
        assert typed is not None  # no timeout: a key came
        return typed

    def hurts(self) -> None:
        """``!``: a 0-10 rating in one key on the exercise the mark belongs to (the one in play;
        in the rest after an exercise, that exercise), then what can be done about it now
        (``LiveSession.mark_choices``: ease, skip, carry on); kept in the record."""
        from supple.coach.wording import pain_marked
        from supple.core.pain import SCALE, mark_words

        live, hurt = self.live, self.hurt
        choices = live.mark_choices()
        if not choices:
            return
        name = live.routine.exercises[live.session.snapshot().exercise_index].name
        ten, cancel = hurt.say("hurt.ten"), hurt.say("hurt.cancel")
        self.say(f"{say.hurts_title(name)}. {say.how_much(ten, cancel)}", SCALE)
        rating: int | None = None
        while rating is None:
            key = key_name(self._key())
            binding = hurt.binding(key)
            if binding == "hurt.cancel":
                return
            if binding == "hurt.ten" or key == "10":
                rating = 10
            elif key.isascii() and key.isdigit() and len(key) == 1:
                rating = int(key)
            else:
                self.say(say.how_much_again(ten, cancel))
        offered = {MARK_KEYS[c]: c for c in choices}
        words = ", ".join(f"{hurt.say(i)}: {hurt.description(i).lower()}" for i in offered)
        self.say(mark_words(rating, choices), say.then(words))
        action: PainAction | None = None
        while action is None:
            binding = hurt.binding(key_name(self._key()))
            if binding == "hurt.cancel":
                return
            action = offered.get(binding or "")
            if action is None:
                self.say(say.then(words))
        self.say(pain_marked(rating, name, live.mark_pain(rating, action)))

    def jump(self) -> None:
        """The jump list: each exercise and how it went so far; a number jumps there."""
        live = self.live
        snap = live.session.snapshot()
        level = live.level
        self.say(say.jump_title())
        for index, (exercise, outcome) in enumerate(
            zip(live.routine.exercises, live.outcomes(snap), strict=False)
        ):
            now = outcome or (
                say.jump_now() if index == snap.exercise_index else say.jump_to_come()
            )
            self.say(say.jump_entry(index + 1, exercise.name, exercise.describe(level), now))
        self.say(say.jump_how())
        text = self.source.line().strip()
        if not text:
            return
        if not (text.isascii() and text.isdigit() and live.jump_to(int(text) - 1)):
            self.say(say.no_jump(printable(text)))

    # -- before and after -------------------------------------------------------------------

    def ask_pain(self, question: str) -> int | None:
        """A check-in's 0-10, or None (Enter alone, or the end of input)."""
        from supple.core.pain import SCALE, read_pain

        self.say(question, SCALE, say.how_to_rate())
        while True:
            try:
                text = self.source.line().strip()
            except EOFError:
                return None
            if not text:
                return None
            try:
                return read_pain(text)
            except ValueError:
                self.say(say.not_a_rating(printable(text)))

    def finish(self) -> None:
        live, coach = self.live, self.coach
        coach.session_ended(live)
        if coach.config.check_in_after:
            pain = self.ask_pain(wording.pain_question(before=False))
            self.say(say.note_question())
            try:
                note = self.source.line().strip()
            except EOFError:
                note = ""
            if pain is not None or note:
                live.add_check_in(pain, note)
                coach.session_ended(live)
        self.say(*summary_lines(coach, live))
        self.adjust()

    def adjust(self) -> None:
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
            if key not in SUMMARY_ACTIONS or not (number.isascii() and number.isdigit()):
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
            return not_in_library(name)
        except SaveError as error:
            return f"{say.not_saved(str(error))}."
        return marked(name, on)

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
        text = self.source.line().strip()
        if not text:
            return
        try:
            if text.lower() == "u" and last is not None:
                self.say(advice_undone(service.undo().reason))
                return
            if not (text.isascii() and text.isdigit() and 1 <= int(text) <= len(suggestions)):
                self.say(say.no_suggestion(printable(text)))
                return
            chosen = suggestions[int(text) - 1]
            if not chosen.change or not chosen.exercises:  # the safety questions, a test: told
                self.say(advice(chosen))
                return
            self.say(advice_applied(service.apply(chosen, advice(chosen)).reason))
        except AdviceError as error:
            self.say(say.not_changed(str(error)))


SUMMARY_ACTIONS = {"summary.easier": -1, "summary.harder": 1, "summary.not_for_me": 0}
# The summary's keys plain mode takes (its Enter, r and q belong to a screen).
SUMMARY = ("summary.easier", "summary.harder", "summary.not_for_me", "summary.advice")
# The "this hurts" key for each action a mark can take.
MARK_KEYS: dict[PainAction, str] = {
    "eased": "hurt.ease",
    "skipped": "hurt.skip",
    "none": "hurt.carry_on",
}


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
