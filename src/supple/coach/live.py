"""The live session: the engine, its checkpoints and its cues behind one ``frame()``.

A screen asks for a frame, draws the snapshot in it, rings the bell if told to, and asks again when
the frame says; keys become commands here. What a frame does (checkpoint, cues, finishing and the
final save) is decided here, not by the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, assert_never

from supple.core.cues import (
    BREATH_TONES,
    PAIN_PRIORITY,
    Cue,
    CueKind,
    Cuer,
    VoicePlan,
    plan_voice,
)
from supple.core.motion import FigureFrame, figure_frame
from supple.core.recorder import Recorder
from supple.core.session import Session
from supple.core.snapshot import Snapshot
from supple.core.timeline import Segment
from supple.core.value import value_class

CUE_TONES = ("start", "tick", "closing", "switch", "rest", "complete")

if TYPE_CHECKING:
    from supple.coach.catalog import Plan
    from supple.core.clock import Clock
    from supple.core.config import Config
    from supple.core.history import HistoryStore
    from supple.core.record import PainAction, SessionRecord
    from supple.core.routine import Level, Routine

FRAME = 0.1  # seconds between frames while the pacer moves: 10 Hz keeps it smooth
EDGE_MARGIN = 0.002  # wake just after a whole second turns over, not just before it


@value_class(frozen=True, slots=True)
class Frame:
    """One moment of the session, and what the screen should do about it."""

    snap: Snapshot
    bell: bool  # ring the terminal bell now
    interval: float | None  # draw steadily this often (real seconds), or not at all
    wake_in: float | None  # and once more after this many real seconds (a second's edge)
    finished: bool  # the session ended at this frame; its final record was written
    figure: FigureFrame | None = None  # the figure to show, its pose and facing (None: none)


class Voice(Protocol):
    """Says cues: a speech program (supple.system.speech), or the browser's voice
    (supple.system.browser_cues)."""

    @property
    def available(self) -> bool: ...
    def say(self, text: str, priority: int = 0) -> bool: ...
    def stop(self) -> None: ...


class Tones(Protocol):
    """Plays supple's tones: an audio player (supple.system.sound), or the browser's Web Audio."""

    @property
    def available(self) -> bool: ...
    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool: ...
    def stop(self) -> None: ...
    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None: ...


class Silent:
    """No audio player: tones fall back to the bell."""

    available = False

    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool:
        return False

    def stop(self) -> None:
        pass

    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        pass


BREATH_TONE_STEP = 0.1  # breath tones are made in tenths of a second (fewer files to keep)
BREATH_TONE_SHORTEST = 0.2  # a phase shorter than this (a sped-up clock) gets no tone


def breath_tone_seconds(real_seconds: float) -> float | None:
    """A breath tone's length for a phase with ``real_seconds`` left: to the nearest tenth
    (the next phase's tone cuts one a few ms long); None when too short to hear."""
    seconds = round(real_seconds / BREATH_TONE_STEP) * BREATH_TONE_STEP
    return round(seconds, 1) if seconds >= BREATH_TONE_SHORTEST else None


class Announcer:
    """Carries cues out as the settings and the mute key allow: tones and the voice here, the
    bell by telling the screen (only a terminal can ring it)."""

    def __init__(
        self,
        config: Config,
        speaker: Voice,
        player: Tones | None = None,
        *,
        muted: bool = False,
        remember: Callable[[bool], object] | None = None,
    ) -> None:
        self.config = config
        self.speaker = speaker
        self.player: Tones = player if player is not None else Silent()
        self.muted = muted
        self._remember = remember  # keeps mute for the next run

    @property
    def speaks(self) -> bool:
        """Cues will be said now: the voice is on, a speech program was found, not muted."""
        return self.config.voice != "off" and self.speaker.available and not self.muted

    @property
    def tones(self) -> bool:
        """Tones are chosen and an audio player was found (else the bell stands in)."""
        return self.config.sound == "tones" and self.player.available

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        if self.muted:
            self.silence()
        if self._remember is not None:
            self._remember(self.muted)
        return self.muted

    def alert(self, text: str) -> None:
        """Say ``text`` now, above every cue (a pain marked), if cues are said."""
        if self.speaks:
            self.speaker.say(text, PAIN_PRIORITY)

    def silence(self) -> None:
        """Stop whatever is being said or played, now."""
        self.speaker.stop()
        self.player.stop()

    def carry_out(self, cues: list[Cue], real_seconds: Callable[[float], float] = float) -> bool:
        """Play and say what should be; True if the bell should ring. ``real_seconds`` turns
        session seconds into the clock's (a sped-up clock makes shorter breath tones)."""
        if self.muted:
            return False
        bell = False
        sound = self.config.sound
        tones = self.tones
        for cue in cues:
            match cue.kind:
                case CueKind.BREATH:  # its own channel, and only with the breath sound on
                    breathing = self.config.breath_sound and self.player.available
                    if cue.tone and cue.seconds and breathing:
                        seconds = breath_tone_seconds(real_seconds(cue.seconds))
                        if seconds is not None:
                            self.player.play(cue.tone, seconds, channel="breath")
                case CueKind.TRANSITION | CueKind.COUNT | CueKind.CLOSING | CueKind.END:
                    if cue.tone and tones:
                        self.player.play(cue.tone)
                    elif cue.bell and (sound == "bell" or (sound == "tones" and not tones)):
                        bell = True
                case _:
                    assert_never(cue.kind)
            text = cue.spoken(self.config.voice)
            if text:
                self.speaker.say(text, cue.priority)
        return bell

    def prepare(self, segments: Iterable[Segment], real_seconds: Callable[[float], float]) -> None:
        """Have every tone the session may play ready before it is needed."""
        if not self.player.available:
            return
        wanted: list[tuple[str, float | None]] = [(name, None) for name in CUE_TONES]
        if self.config.breath_sound:
            for segment in segments:
                for phase in segment.breath:
                    name = BREATH_TONES.get(phase.phase)
                    real = real_seconds(phase.seconds)
                    for seconds in (real, real - BREATH_TONE_STEP):  # on time, or a frame late
                        tone = breath_tone_seconds(seconds)
                        if name and tone is not None:
                            wanted.append((name, tone))
        self.player.prepare(wanted)


class LiveSession:
    """A session being played: commands in, frames out."""

    def __init__(
        self,
        plan: Plan,
        store: HistoryStore,
        announcer: Announcer,
        started: datetime,
        *,
        clock: Clock,
        earlier: SessionRecord | None = None,
    ) -> None:
        from supple.coach.journal import active_program

        self.still_figure = False  # the setting: the figure keeps still, each phase's pose
        self.session = Session(plan.routine, plan.level, clock, segments=plan.segments)
        # The record carries the active program's id (a resumed one keeps its own).
        program = active_program(store)
        self.recorder = Recorder(store, self.session, started, earlier=earlier, program=program)
        # Resuming: from the start of the exercise it stopped in (``open`` goes there).
        self.resume_at = None if earlier is None else (earlier.stopped_in or 1) - 1
        self.announcer = announcer
        self.clock = clock
        self.voice_plan: VoicePlan = plan_voice(plan.segments, plan.routine.exercises)
        self._cuer = Cuer(self.voice_plan)
        self._edge: tuple[int, int] | None = None
        self._finished = False
        self._begun = False  # ``open`` ran: until then ``end`` writes nothing
        self._last_frame_at: float | None = None
        # Set by a SIGCONT handler the moment the process goes on: the next frame, if it comes
        # before the handler's own callback, takes the stop as a pause first.
        self.stopped = False

    # -- what the screen shows ------------------------------------------------------------

    @property
    def routine(self) -> Routine:
        return self.session.routine

    @property
    def level(self) -> Level:
        return self.session.level

    @property
    def muted(self) -> bool:
        return self.announcer.muted

    @property
    def error(self) -> str | None:
        """Why the record could not be written (None while it can)."""
        return self.recorder.error

    @property
    def saved(self) -> bool:
        return self.recorder.saved_final

    def open(self) -> str | None:
        """Start the clock and take the session's lock; the problem if it cannot be saved yet.
        When the first exercise's instruction is too long for its get-ready and will be said,
        a lead-in before the clock starts gives it the time (the plan's times stay the same)."""
        lead_in = self.voice_plan.lead_in_seconds if self.announcer.speaks else 0.0
        self.announcer.prepare(self.session.segments, self.clock.real_seconds)
        self._begun = True
        self.session.start(count_in=lead_in)
        if self.resume_at:
            self.session.jump_to(self.resume_at)
        self.recorder.open()
        return self.recorder.error

    def frame(self) -> Frame:
        """Sample the session now: the snapshot, the cues due, and when to draw again."""
        if self.stopped:
            self.continued()
        self._last_frame_at = self.clock.now()
        snap = self.session.snapshot()
        bell = self.announcer.carry_out(self._cuer.update(snap), self.clock.real_seconds)
        if snap.done:
            finished = not self._finished
            if finished:
                self._finished = True
                self.recorder.finish()
            return Frame(snap, bell, None, None, finished)
        self.recorder.update(snap)
        interval, wake_in = self._schedule(snap)
        return Frame(
            snap, bell, interval, wake_in, False, figure_frame(snap, still=self.still_figure)
        )

    def _schedule(self, snap: Snapshot) -> tuple[float | None, float | None]:
        """Ten frames a second while the pacer moves (or a count-in runs); otherwise only the
        digits change, so one frame at each whole second of the countdown. Paused: none.
        Time is always read from the clock, never counted in frames."""
        segment = snap.segment
        running = snap.state == "running"
        moving = segment is not None and segment.active and snap.breath is not None
        interval = FRAME if running and (moving or snap.count_in_left > 0) else None
        if not running or snap.count_in_left > 0:
            return interval, None
        # Between two frames the countdown's whole second (or the segment) turns over: draw a
        # frame exactly then, so cues and digits are on time rather than up to a frame late.
        until = self.clock.real_seconds(snap.segment_left % 1.0 or 1.0)
        edge = (snap.segment_index, int(snap.segment_left))
        if interval is not None and (until >= FRAME or edge == self._edge):
            return interval, None
        self._edge = edge
        return interval, until + EDGE_MARGIN

    def outcomes(self, snap: Snapshot, *, finished_current: bool = False) -> list[str | None]:
        """Each exercise's outcome so far (done, partial, skipped), None where it is still to
        come. The current exercise is final only once its work is over (the rest after it)."""
        final = snap.exercise_index + (1 if finished_current else 0)
        return [
            r.status if snap.done or i < final else None
            for i, r in enumerate(self.session.records())
        ]

    # -- commands -------------------------------------------------------------------------

    def toggle_pause(self) -> None:
        if self.session.state == "running":
            self.pause()
        else:
            self.session.toggle_pause()

    def pause(self) -> bool:
        """Pause if running; True if it was running (so that it can be resumed after). What
        is being said or played stops: nothing runs on while the session stands still."""
        running = self.session.state == "running"
        if running:
            self.session.pause()
            self.announcer.silence()
        return running

    def resume(self) -> None:
        self.session.resume()

    def continued(self) -> bool:
        """The process was stopped (Ctrl+Z, SIGSTOP) and now goes on (SIGCONT): the time it
        stood still is a pause, from the last frame drawn before it stopped, and the session
        shows paused. (A slow event loop is no stop: only SIGCONT calls this.) True if it was
        running."""
        self.stopped = False
        if self.session.state != "running":
            return False
        self.session.pause(at=self._last_frame_at)
        return True

    def skip(self) -> None:
        self.session.skip()

    def jump_to(self, exercise_index: int) -> bool:
        """To the start of any exercise; False if there is no such exercise or it is over."""
        return self.session.jump_to(exercise_index)

    def start_now(self) -> bool:
        """Skip the get-ready or rest in progress and begin the work; False during work."""
        return self.session.start_now()

    def back(self) -> None:
        self.session.back()

    def extend(self, seconds: float = 10.0) -> bool:
        return self.session.extend(seconds)

    def stop(self) -> None:
        self.session.stop()

    def toggle_mute(self) -> bool:
        return self.announcer.toggle_mute()

    # -- the record -----------------------------------------------------------------------

    def add_check_in(self, pain: int | None, note: str = "", *, before: bool = False) -> None:
        """The check-in's 0–10 pain (None: not given) before or after, and the note after."""
        if before:
            if pain is not None:
                self.recorder.pain_before = pain
            return
        self.recorder.add(pain_after=pain, note=note)

    def mark_choices(self) -> tuple[PainAction, ...]:
        """What a "this hurts" mark can do now, on the exercise it is marked on (the one in
        play; in the rest after an exercise, that exercise): ease it while work of it is still
        ahead, skip it unless it is over, carry on always."""
        snap = self.session.snapshot()
        if snap.done or snap.segment is None:
            return ()
        over = snap.segment.between_exercises
        return (
            *(("eased",) if self.session.can_ease() else ()),
            *(() if over else ("skipped",)),
            "none",
        )

    def mark_pain(self, rating: int, action: PainAction) -> PainAction:
        """ "This hurts" (the ``!`` key): a 0–10 ``rating`` on the exercise in play, then
        ``action``: carry on, ease the rest of this exercise (the plan keeps the eased work, so
        the counting rule judges what was asked) or skip it. The mark is saved at once; the
        action taken is returned ("none" when there was nothing left to ease)."""
        from supple.core.record import PainMark

        step = self.session.snapshot().exercise_index
        at = round(self.session.active_seconds(), 1)
        match action:
            case "none":
                pass
            case "eased":
                if self.session.ease():
                    self.voice_plan = plan_voice(self.session.segments, self.routine.exercises)
                    self._cuer.plan = self.voice_plan
                else:
                    action = "none"
            case "skipped":
                self.session.skip()
            case _:
                assert_never(action)
        exercise = self.routine.exercises[step].id
        mark = PainMark(exercise=exercise, step=step, rating=rating, at=at, action=action)
        self.recorder.pain_marks = (*self.recorder.pain_marks, mark)
        self.recorder.checkpoint()
        from supple.coach.wording import pain_marked

        self.announcer.alert(pain_marked(rating, self.routine.exercises[step].name, action))
        return action

    def retry_save(self) -> str | None:
        return self.recorder.finish()

    def end(self) -> str | None:
        """End now as stopped (if still running) and write the final record; its error. A
        session that never began (``open`` never ran: ended at a question before it, the
        check-in or the next-morning one) leaves no record at all."""
        if not self.session.snapshot().done:
            self.session.stop()
        self._finished = True
        if self.recorder.saved_final or not self._begun:
            return None
        return self.recorder.finish()
