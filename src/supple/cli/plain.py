"""Plain mode: a session as lines of text, for a screen reader or a braille display.

The same live session as the app (``coach.start``: the core Session, its checkpoints, its
cues and sounds, its final save) read through ``core.plain.Narrator``; the same keys, read from
the bindings the app declares (and the settings' ``[keymap]``), one key at a time on a terminal
(``plain_terminal``) or one per line otherwise. Every line leaves through ``core.plain.plain``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from supple.cli.plain_keys import Keys as Keys
from supple.cli.plain_keys import Source as Source
from supple.cli.plain_keys import key_name as key_name
from supple.coach import session_wording as say
from supple.coach import wording
from supple.core.numbers import is_digits
from supple.core.plain import Narrator, plain
from supple.core.words import level_word, minutes, plural, printable, said

if TYPE_CHECKING:
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
        # The questions before the session: no answer (Ctrl+C, the end of input) stops the
        # command there, nothing written (Unanswered; run_plain drops the session)
        self.ask_morning()
        if self.check_in_before:
            from supple.coach.program import region as routine_region

            region = routine_region(self.coach.program_service, live.routine)
            question = wording.pain_question(before=True, region=region)
            pain = self.ask_pain(question, before=True)
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
            f"{self.player.say(i)} {self.player.description(i)}"
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
                from supple.tui.keymap import key_word

                self.say(say.not_a_key(key_word(key)), self.keys_line())

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
            elif len(key) == 1 and is_digits(key):
                rating = int(key)
            else:
                self.say(say.how_much_again(ten, cancel))
        offered = {MARK_KEYS[c]: c for c in choices}
        words = ", ".join(f"{hurt.say(i)}: {hurt.description(i)}" for i in offered)
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
        if not (is_digits(text) and live.jump_to(int(text) - 1)):
            self.say(say.no_jump(printable(text)))

    # -- before and after -------------------------------------------------------------------

    def ask_pain(self, question: str, *, before: bool = False) -> int | None:
        """A check-in's 0-10, or None (Enter alone; the end of input after the session; before
        it, the end of input or Ctrl+C is ``Unanswered``)."""
        from supple.cli.command import answering
        from supple.core.pain import SCALE, read_pain

        self.say(question, SCALE, say.how_to_rate())
        while True:
            try:
                if before:
                    with answering():
                        text = self.source.line().strip()
                else:
                    text = self.source.line().strip()
            except EOFError:
                return None
            if not text:
                return None
            try:
                return read_pain(text)
            except ValueError:
                self.say(say.not_a_rating(printable(text)))

    def ask_morning(self) -> None:
        """The next-morning question, once per session, as home asks it: answered or skipped
        (Enter alone), it is written into that session's record and not asked again."""
        from supple.core.files import SaveError

        coach = self.coach
        record = coach.journal.morning_session(coach.now(), due=True)
        if record is None:
            return
        about = say.morning_about(record.title, record.started)
        pain = self.ask_pain(say.morning_question(about), before=True)
        try:
            coach.journal.answer_morning(coach.now(), pain)
        except SaveError as error:
            self.say(f"{say.not_saved(str(error))}.")

    def finish(self) -> None:
        live, coach = self.live, self.coach
        coach.session_ended(live)
        if coach.config.check_in_after:
            from supple.coach.program import region as routine_region

            region = routine_region(coach.program_service, live.routine)
            pain = self.ask_pain(wording.pain_question(before=False, region=region))
            self.say(say.note_question())
            try:
                note = self.source.line().strip()
            except EOFError:
                note = ""
            if pain is not None or note:
                live.add_check_in(pain, note)
                coach.session_ended(live)
        from supple.cli.plain_summary import PlainSummary, summary_lines

        self.say(*summary_lines(coach, live))
        PlainSummary(coach, live, self.source, self.say).run()


# The "this hurts" key for each action a mark can take.
MARK_KEYS: dict[PainAction, str] = {
    "eased": "hurt.ease",
    "skipped": "hurt.skip",
    "none": "hurt.carry_on",
}
