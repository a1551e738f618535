"""The player: a big countdown, the breathing cue, counters and what comes next.

It renders the session's snapshot and sends it commands; it never computes time itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.scalar import Scalar
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from supple.coach.live import Frame, LiveSession
from supple.core.motion import FigureFrame
from supple.core.words import printable
from supple.tui import format
from supple.tui.context import SessionEnded
from supple.tui.screens.base import SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.widgets.bar import Bar
from supple.tui.widgets.bigtext import BigText
from supple.tui.widgets.exercise_list import ExerciseList
from supple.tui.widgets.figure import FigureView
from supple.tui.widgets.pacer import BreathPacer

if TYPE_CHECKING:
    from supple.core.snapshot import Snapshot


def _fixed(scalar: Scalar | None) -> bool:
    return scalar is not None and scalar.is_cells


def _auto(scalar: Scalar | None) -> bool:
    return scalar is not None and scalar.is_auto


class PlayerScreen(SuppleScreen):
    BINDINGS = [
        # One key, two bindings: the footer says what space does now (check_action hides the
        # other), and each can be remapped on its own.
        Binding("space", "pause", "Pause", id="player.pause", tooltip="Pause the session"),
        Binding(
            "space",
            "resume",
            "Resume",
            id="player.resume",
            tooltip="Resume (after a 3 s count-in)",
        ),
        Binding(
            "n,right",
            "skip",
            "Next",
            key_display="n",
            id="player.skip",
            tooltip="Skip to the next exercise",
        ),
        Binding(
            "p,left",
            "back",
            "Back",
            key_display="p",
            id="player.back",
            tooltip="Back to the start of this exercise; again for the previous one",
        ),
        Binding(
            "plus",
            "extend",
            "+10s",
            key_display="+",
            id="player.extend",
            tooltip="Add 10 seconds to this hold",
        ),
        Binding(
            "s",
            "start_now",
            "Start now",
            id="player.start_now",
            show=False,  # the screen says it during a wait: the footer is full at 60 columns
            tooltip="Skip the rest of this get-ready or rest and begin the exercise",
        ),
        Binding("m", "mute", "Mute", id="player.mute", tooltip="Tones, bell and voice on or off"),
        Binding(
            "j",
            "jump",
            "Jump",
            id="player.jump",
            show=False,  # the footer is full at 60 columns; ? and the palette list it
            tooltip="The session's exercises: jump to any one (what you did is kept)",
        ),
        Binding(
            "b",
            "breath_tones",
            "Breath tones",
            id="player.breath_tones",
            show=False,
            tooltip="Breath tones: a tone rising each in-breath, falling each out-breath",
        ),
        Binding(
            "q,escape",
            "request_stop",
            "End",
            key_display="q",
            id="player.stop",
            tooltip="End the session early; what you did is kept",
        ),
        Binding(
            "f",
            "focus_view",
            "Focus",
            id="player.focus",
            tooltip="Only the figure, a giant countdown and the cue word (remembered)",
        ),
    ]

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
        self._shown: dict[str, str] = {}
        self._finished = False
        self._steady: Timer | None = None  # the steady frames, while the pacer moves
        self._steady_every: float | None = None
        self._next: Timer | None = None  # the one frame at the next whole second's edge
        self._segment_key: tuple[int, bool] | None = None
        self._notice_timer: Timer | None = None

    def body(self) -> Iterable[Widget]:
        routine = self.live.routine
        with Horizontal(id="player-top"):
            yield Static(
                Text.assemble((printable(routine.title), "bold"), f" · {self.live.level}"),
                id="player-title",
            )
            # Messages during a session ("+10 s", "Sound off") go here, not in a toast that
            # would cover the timer, the time left or the cue.
            yield Static(id="notice")
        with Horizontal(id="player-main"):
            # The pacer's line is redrawn ten times a second; Textual repaints every widget
            # whose container overlaps a changed line, so what sits above and below the
            # pacer is boxed in containers of its own.
            with Vertical(id="now"):
                # Short terminals: the digits beside the words, 3 rows. Tall ones: the figure
                # and digits as large as the space allows, the words under them.
                with Horizontal(id="now-head"):
                    yield FigureView(id="figure")
                    yield BigText("0:00", id="timer")
                    with Vertical(id="now-words"):
                        yield Static(id="stage")
                        yield Static(id="exercise-name")
                        yield Static(id="counters")
                yield BigText("", id="cue-word")  # the focus view's one word
                yield BreathPacer(id="pacer")
                with Vertical(id="now-foot"):
                    yield Static(id="how")
                    yield Static(id="next")
            exercises = ExerciseList(routine, self.live.level, id="exercises")
            exercises.border_title = "Session"
            yield exercises
        with Horizontal(id="progress-row"):
            yield Bar(id="progress")
            yield Static(id="left")

    def on_mount(self) -> None:
        # The widgets drawn every frame, looked up once: a query per frame costs CPU.
        self._labels = {w.id: w for w in self.query(Static) if w.id}
        # Which labels can change their text without changing their box (from the stylesheet):
        # a fixed height and a width that does not follow the text, or follows it (auto) but
        # the text keeps its length. Those repaint without a layout of the whole screen.
        self._fixed_height = {i for i, w in self._labels.items() if _fixed(w.styles.height)}
        self._auto_width = {i for i, w in self._labels.items() if _auto(w.styles.width)}
        self._timer_digits = self.query_one("#timer", BigText)
        self._figure = self.query_one("#figure", FigureView)
        self._cue_word = self.query_one("#cue-word", BigText)
        self._head = self.query_one("#now-head")
        self._pacer = self.query_one("#pacer", BreathPacer)
        self._progress = self.query_one("#progress", Bar)
        self._exercises = self.query_one("#exercises", ExerciseList)
        self._now = self.query_one("#now")
        error = self.live.open()
        if error:
            self.notify(
                f"Cannot save this session yet: {error}. It is kept in memory.",
                severity="error",
                timeout=10,
                markup=False,
            )
        self.tick()

    def _set(self, widget_id: str, content: str | Text) -> None:
        """Update a label only when its text changed: an unchanged frame costs nothing. A label
        whose box cannot change (one line, or the same length in an auto-width box) is repainted
        without a layout of the whole screen. Text is shown as it is, never read as markup."""
        text = content if isinstance(content, str) else content.markup
        old = self._shown.get(widget_id)
        if old != text:
            self._shown[widget_id] = text
            layout = widget_id not in self._fixed_height or (
                widget_id in self._auto_width and (old is None or len(old) != len(text))
            )
            shown = Text(content) if isinstance(content, str) else content
            self._labels[widget_id].update(shown, layout=layout)

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
        segment = snap.segment
        # What changes within a segment: the stage line (count-in), the digits, the pacer, the
        # bars and the time left. The rest is worked out again only when the segment changes.
        self._set("stage", format.stage(snap))
        digits = format.countdown(snap.segment_left)
        if self._shown.get("timer") != digits:
            self._shown["timer"] = digits
            self._timer_digits.update(digits)
        closing = "-closing" if snap.closing else ""
        if self._shown.get("timer-class") != closing:  # the last 3 s of a hold or a rest
            self._shown["timer-class"] = closing
            self._timer_digits.set_classes(closing)
        self._figure.show(figure)
        self._cue_word.update(format.cue_word(snap))
        self._pacer.show(snap.breath if segment and segment.active else None)
        self._progress.show(snap.progress)
        mute = "  ·  muted" if self.live.muted else ""
        self._set("left", f"{format.countdown(snap.left)} left{mute}")
        segment_key = (snap.segment_index, snap.paused)
        if segment_key != self._segment_key:
            if self._segment_key is None or self._segment_key[1] != snap.paused:
                # The footer: Pause or Resume. Only then: a rebuilt footer costs ~1 MB of
                # peak memory over a session, so keys that apply now and then (s, +) are not
                # shown and hidden by segment; the screen says when s applies.
                self.refresh_bindings()
            self._segment_key = segment_key
            self._render_segment(snap)

    def _render_segment(self, snap: Snapshot) -> None:
        """The parts of the screen that stay the same for a whole segment."""
        segment = snap.segment
        exercise = snap.exercise
        stage_class = "-paused" if snap.paused else f"-{segment.kind}" if segment else "-done"
        if self._shown.get("stage-class") != stage_class:
            self._shown["stage-class"] = stage_class
            self._now.set_classes(stage_class)
        # No figure for this exercise: the digits take its room (a class change restyles the
        # head's widgets, so only when it changes).
        no_figure = "-no-figure" if self._figure.frame is None else ""
        if self._shown.get("head-class") != no_figure:
            self._shown["head-class"] = no_figure
            self._head.set_classes(no_figure)
        # Resting before a new exercise: show that exercise, so the person can get in place.
        between = segment is not None and segment.between_exercises
        shown = snap.next_exercise if between else exercise
        name = printable(shown.name) if shown else ""
        if between and shown:
            name = f"Up next: {name} — {shown.describe(self.live.level)}"
        self._set("exercise-name", name)
        self._set("counters", format.counters(snap))
        how = Text()
        if shown is not None and segment is not None:  # in every rest too: the next set's steps
            # Each step is one line: a newline inside one shows as \n, never as a step of its own.
            steps = (f"{n}. {printable(step)}" for n, step in enumerate(shown.how, 1))
            how.append("\n".join(steps))
            if shown.safety:
                how.append(f"\n⚠ {printable(shown.safety)}", style="italic")
        self._set("how", how)
        next_text = format.next_up(snap, self.live.level)
        if between:
            next_text = "Breathe easy and get into position."
        if segment is not None and not segment.active:
            next_text += "  ·  s starts now"
        if snap.paused:
            next_text = "Paused — press space to resume"
        self._set("next", next_text)
        self._exercises.mark(
            snap.exercise_index + 1 if between else snap.exercise_index,
            self.live.outcomes(snap, finished_current=between),
            upcoming=between,
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
            self.notify("The exercise has begun: nothing to skip", timeout=2)

    def action_breath_tones(self) -> None:
        if self._toggle_breath is None:
            return
        on, problem = self._toggle_breath()
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=8)
        else:
            self.notify("Breath tones on" if on else "Breath tones off", timeout=2)

    def action_back(self) -> None:
        self.live.back()
        self.tick()

    def action_extend(self) -> None:
        if self.live.extend(10):
            self.notify("+10 s on this hold", timeout=2)
        else:
            self.notify("Only a hold can be made longer", severity="warning", timeout=2)
        self.tick()

    def action_focus_view(self) -> None:
        focus = not self.has_class("-focus")
        self.set_class(focus, "-focus")
        if self._remember_focus is not None:
            self._remember_focus(focus)

    def action_mute(self) -> None:
        muted = self.live.toggle_mute()
        self.notify("Sound off" if muted else "Sound on", timeout=2)
        self.tick()

    def show_notice(self, message: str, severity: str, timeout: float | None) -> bool:
        notice = self._labels["notice"]
        notice.update(Text(printable(" ".join(message.split()))))
        notice.set_classes(f"-{severity}")
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(timeout or 5.0, self._clear_notice)
        return True

    def _clear_notice(self) -> None:
        self._labels["notice"].update("")
        self._notice_timer = None

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
            ConfirmScreen(
                "End the session now?",
                "What you have done so far is kept and saved to your history.",
            ),
            answered,
        )
