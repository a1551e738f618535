"""The player: a big countdown, the breathing cue, counters and what comes next.

It renders the session's snapshot and sends it commands; it never computes time itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from supple.coach import wording
from supple.coach.live import Frame, LiveSession
from supple.core.motion import FigureFrame
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui import format
from supple.tui.context import SessionEnded
from supple.tui.keymap import say_keys
from supple.tui.screens.base import SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.hurt import HurtKey
from supple.tui.widgets.bar import Bar
from supple.tui.widgets.exercise_list import ExerciseList
from supple.tui.widgets.labels import Labels
from supple.tui.widgets.notice import Notice
from supple.tui.widgets.now import NowPanel

if TYPE_CHECKING:
    from supple.core.snapshot import Snapshot


# "This hurts" (``!``): declared here, out of the class, which would pass 300 lines.
HURTS = Binding(
    "exclamation_mark",
    "hurts",
    lazy("Hurts"),
    key_display="!",
    id="player.hurts",
    # In the footer where it fits (from 100 columns; at 60 the guide, ? and the palette say it).
    tooltip=lazy("This hurts: rate it 0–10, then ease or skip this exercise, or carry on"),
)


PLAYER_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    # One key, two bindings: the footer says what space does now (check_action hides the
    # other), and each can be remapped on its own.
    Binding("space", "pause", lazy("Pause"), id="player.pause", tooltip=lazy("Pause the session")),
    Binding(
        "space",
        "resume",
        lazy("Resume"),
        id="player.resume",
        tooltip=lazy("Resume (after a 3 s count-in)"),
    ),
    Binding(
        "n,right",
        "skip",
        lazy("Next"),
        key_display="n",
        id="player.skip",
        tooltip=lazy("Skip to the next exercise"),
    ),
    Binding(
        "p,left",
        "back",
        lazy("Back"),
        key_display="p",
        id="player.back",
        tooltip=lazy("Back to the start of this exercise; again for the previous one"),
    ),
    Binding(
        "plus",
        "extend",
        lazy("+10s"),
        key_display="+",
        id="player.extend",
        tooltip=lazy("Add 10 seconds to this hold"),
    ),
    Binding(
        "s",
        "start_now",
        lazy("Start now"),
        id="player.start_now",
        show=False,  # the screen says it during a wait: the footer is full at 60 columns
        tooltip=lazy("Skip the rest of this get-ready or rest and begin the exercise"),
    ),
    Binding(
        "m",
        "mute",
        lazy("Mute"),
        id="player.mute",
        tooltip=lazy("Tones, bell and voice on or off"),
    ),
    Binding(
        "j",
        "jump",
        lazy("Jump"),
        id="player.jump",
        show=False,  # the footer is full at 60 columns; ? and the palette list it
        tooltip=lazy("The session's exercises: jump to any one (what you did is kept)"),
    ),
    Binding(
        "b",
        "breath_tones",
        lazy("Breath tones"),
        id="player.breath_tones",
        show=False,
        tooltip=lazy("Breath tones: a tone rising each in-breath, falling each out-breath"),
    ),
    Binding(
        "q,escape",
        "request_stop",
        lazy("End"),
        key_display="q",
        id="player.stop",
        tooltip=lazy("End the session early; what you did is kept"),
    ),
    Binding(
        "f",
        "focus_view",
        lazy("Focus"),
        id="player.focus",
        tooltip=lazy("Only the figure, a giant countdown and the cue word (remembered)"),
    ),
    HURTS,  # last: the footer drops it first (at 60 columns), never End
]


class PlayerScreen(HurtKey, SuppleScreen):
    BINDINGS = PLAYER_BINDINGS

    def __init__(
        self,
        live: LiveSession,
        *,
        focus: bool = False,
        remember_focus: Callable[[bool], object] | None = None,
        toggle_breath: Callable[[], tuple[bool, str | None]] | None = None,
    ) -> None:
        super().__init__(classes="-focus" if focus else "")
        self.live = live
        self._remember_focus = remember_focus
        self._toggle_breath = toggle_breath  # the setting: on or off, and any problem
        self._finished = False
        self._steady: Timer | None = None  # the steady frames, while the pacer moves
        self._steady_every: float | None = None
        self._next: Timer | None = None  # the one frame at the next whole second's edge
        self._segment_key: tuple[int, bool] | None = None

    def body(self) -> Iterable[Widget]:
        routine = self.live.routine
        with Horizontal(id="player-top"):
            yield Static(
                Text.assemble(
                    (printable(routine.title), "bold"), f" · {format.level_word(self.live.level)}"
                ),
                id="player-title",
            )
            # Messages during a session ("+10 s", "Sound off") go here, not in a toast that
            # would cover the timer, the time left or the cue.
            yield Notice(id="notice")
        with Horizontal(id="player-main"):
            yield NowPanel(self.live.level, self.say_keys, id="now")
            exercises = ExerciseList(routine, self.live.level, id="exercises")
            exercises.border_title = _("Session")
            yield exercises
        with Horizontal(id="progress-row"):
            yield Bar(id="progress")
            yield Static(id="left")

    def say_keys(self, binding_id: str) -> str:
        """The keys of one of this screen's bindings as they are now, in words."""
        return say_keys(self.app, type(self), binding_id)

    def on_mount(self) -> None:
        # The widgets drawn every frame, looked up once: a query per frame costs CPU. (The
        # panel of the moment has looked up its own by now: children mount first.)
        self._labels = Labels([self.query_one("#left", Static)])
        self._now = self.query_one("#now", NowPanel)
        self._progress = self.query_one("#progress", Bar)
        self._exercises = self.query_one("#exercises", ExerciseList)
        error = self.live.open()
        if error:
            self.notify(
                _("Cannot save this session yet: {error}. It is kept in memory.").format(
                    error=error
                ),
                severity="error",
                timeout=10,
                markup=False,
            )
        self.tick()

    def tick(self) -> None:
        """One frame: ask the coach for it, show it, and draw again when it says."""
        frame = self.live.frame()
        self.render_snapshot(frame.snap, frame.figure)
        if frame.bell:
            self.app.bell()
        self._schedule(frame)
        if frame.finished and not self._finished:
            self._finished = True
            self.post_message(SessionEnded(self.live))

    def _schedule(self, frame: Frame) -> None:
        """Keep the timers the frame asks for: steady frames, and one at the next edge."""
        if frame.interval != self._steady_every:
            if self._steady is not None:
                self._steady.stop()
                self._steady = None
            if frame.interval is not None:
                self._steady = self.set_interval(frame.interval, self.tick)
            self._steady_every = frame.interval
        if frame.wake_in is not None or frame.interval is None:
            if self._next is not None:
                self._next.stop()
                self._next = None
            if frame.wake_in is not None:
                self._next = self.set_timer(frame.wake_in, self.tick)

    def render_snapshot(self, snap: Snapshot, figure: FigureFrame | None = None) -> None:
        # What changes within a segment: the panel of the moment, the bars and the time left.
        # The rest is worked out again only when the segment changes.
        self._now.show(snap, figure)
        self._progress.show(snap.progress)
        left = _("{time} left").format(time=format.countdown(snap.left))
        mute = "  ·  " + _("muted") if self.live.muted else ""
        self._labels.set("left", left + mute)
        segment_key = (snap.segment_index, snap.paused)
        if segment_key != self._segment_key:
            if self._segment_key is None or self._segment_key[1] != snap.paused:
                # The footer: Pause or Resume. Only then: a rebuilt footer costs ~1 MB of
                # peak memory over a session, so keys that apply now and then (s, +) are not
                # shown and hidden by segment; the screen says when s applies.
                self.refresh_bindings()
            self._segment_key = segment_key
            self._now.show_segment(snap)
            segment = snap.segment
            between = segment is not None and segment.between_exercises
            self._exercises.mark(
                snap.exercise_index + 1 if between else snap.exercise_index,
                self.live.outcomes(snap, finished_current=between),
                upcoming=between,
                segments=self.live.session.segments,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pause", "resume"):
            return (self.live.session.state == "paused") == (action == "resume")
        return True

    def action_pause(self) -> None:
        self.live.pause()
        self.tick()

    def action_resume(self) -> None:
        self.live.resume()
        self.tick()

    def action_skip(self) -> None:
        self.live.skip()
        self.tick()

    def action_start_now(self) -> None:
        if self.live.start_now():
            self.tick()
        else:
            self.notify(wording.NOTHING_TO_START, timeout=2)

    def action_breath_tones(self) -> None:
        if self._toggle_breath is None:
            return
        on, problem = self._toggle_breath()
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=8)
        else:
            self.notify(wording.breath_tones_words(on), timeout=2)

    def action_back(self) -> None:
        self.live.back()
        self.tick()

    def action_extend(self) -> None:
        if self.live.extend(10):
            self.notify(wording.EXTENDED, timeout=2)
        else:
            self.notify(wording.ONLY_HOLDS, severity="warning", timeout=2)
        self.tick()

    def action_focus_view(self) -> None:
        focus = not self.has_class("-focus")
        self.set_class(focus, "-focus")
        if self._remember_focus is not None:
            self._remember_focus(focus)

    def action_mute(self) -> None:
        muted = self.live.toggle_mute()
        self.notify(wording.sound_words(muted), timeout=2)
        self.tick()

    def show_notice(self, message: str, severity: str, timeout: float | None) -> bool:
        self.query_one("#notice", Notice).say(message, severity, timeout)
        return True

    def pause_for_modal(self) -> Callable[[], None] | None:
        """A session does not run on behind a dialog (help, "end now?"): it pauses, and resumes
        with a count-in when the dialog closes, if it was running."""
        was_running = self.live.pause()
        self.tick()
        if not was_running:
            return None

        def resume() -> None:
            if self.live.session.state == "paused":
                self.live.resume()
                self.tick()

        return resume

    def action_jump(self) -> None:
        from supple.tui.screens.jump import JumpScreen

        snap = self.live.session.snapshot()
        if snap.done:
            return
        resume = self.pause_for_modal()
        level = self.live.level
        rows = [(e.name, e.describe(level)) for e in self.live.routine.exercises]

        def chosen(index: int | None) -> None:
            if index is not None and self.live.jump_to(index):
                self.tick()
            if resume is not None:
                resume()

        self.app.push_screen(
            JumpScreen(rows, self.live.outcomes(snap), snap.exercise_index), chosen
        )

    def action_request_stop(self) -> None:
        resume = self.pause_for_modal()

        def answered(stop: bool | None) -> None:
            if stop:
                self.live.stop()
                self.tick()
            elif resume is not None:
                resume()

        self.app.push_screen(
            ConfirmScreen(wording.END_QUESTION, wording.END_DETAIL),
            answered,
        )
