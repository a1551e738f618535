"""What to play, ring and say, and when: turns successive snapshots of a session into cues.

The player hands every frame's snapshot to a Cuer; the tones, the bell and the voice only carry
cues out. What is said at each change of segment is planned once for the whole session
(``plan_voice``) so that every instruction fits the time before the next thing that must be said:
an instruction too long for its window is said earlier (in the rest before its exercise, or in a
lead-in before the first get-ready) or in a shorter form, and nothing is ever cut by a later cue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Literal, assert_never

from supple import i18n
from supple.core.config import VOICES
from supple.core.routine import Exercise
from supple.core.snapshot import CLOSING_SECONDS, Snapshot
from supple.core.timeline import Segment, SegmentKind
from supple.core.value import replace, value_class
from supple.core.words import said
from supple.i18n import _, lazy


class CueKind(StrEnum):
    """Why a cue sounds: a new segment, a count, a hold's closing seconds, a breath, the end."""

    TRANSITION = "transition"
    COUNT = "count"
    CLOSING = "closing"
    BREATH = "breath"
    END = "end"

    @property
    def priority(self) -> int:
        """Which of two cues due at once wins the voice: the higher."""
        match self:
            case CueKind.BREATH:
                return 0
            case CueKind.COUNT | CueKind.CLOSING:
                return 1
            case CueKind.TRANSITION:
                return 2
            case CueKind.END:
                return 3
            case _:
                assert_never(self)


# Cues from this priority up are alerts, announced at once (the browser page's assertive
# region): the end of a session, stopped or complete; above every cue, a pain marked.
ALERT_PRIORITY = CueKind.END.priority
PAIN_PRIORITY = ALERT_PRIORITY + 1

VoiceLevel = Literal["transitions", "counts", "everything"]  # each says all the one before does
BREATH_WORDS = {
    # Translators: said at each in-breath of a hold (one short word)
    "inhale": lazy("in"),
    # Translators: said at each out-breath of a hold (one short word)
    "exhale": lazy("out"),
    # Translators: said when the breath is held (one short word)
    "hold": lazy("hold"),
}
BREATH_TONES = {"inhale": "breath-in", "exhale": "breath-out"}  # a held breath is silent
TICKS = 3  # the last seconds before work begins tick, as a get-ready's 3-2-1 does

# How long a cue takes to say, estimated from its text: espeak-ng at its default 175 words a
# minute, measured by writing every cue of the bundled routines to a WAV (`espeak-ng -w`) and
# finding where the voice ends: about 0.3 s to start, 0.06 s a character, 0.3 s more at each
# pause for punctuation and 0.1 s more for each digit ("Set 2 of 3"). The estimate is on the long
# side for every one of them (a test holds it to that), so a cue that fits by it fits when said.
SPEECH_LEAD = 0.3
SPEECH_PER_CHARACTER = 0.062
SPEECH_PER_PAUSE = 0.3
SPEECH_PER_DIGIT = 0.1
SPEECH_MARGIN = 0.2  # left free between one cue's end and the next one's moment
# The same measure per language (issue 28), espeak-ng 1.51's `-v de` and `-v es` at the same
# default speed, on 55 cue-length texts each (the translated cues and lines like "Satz 2 von 3",
# "Quedan 3 segundos"): the voice reads about 174 words a minute in English, 153 in German, 150
# in Spanish; per character, with the same lead and pauses, a German cue needs 0.056 s and each
# digit 0.15 s (numbers are long words: "dreißig"), a Spanish one 0.050 s. Each figure is set a
# little above what was measured, so the estimate stays on the long side in every language.
SPEECH_RATES: dict[str, tuple[float, float]] = {  # language -> (per character, per digit)
    "en": (SPEECH_PER_CHARACTER, SPEECH_PER_DIGIT),
    "de": (0.058, 0.15),
    "es": (0.055, SPEECH_PER_DIGIT),
}
LEAD_IN_LIMIT = 12.0  # at most this long a lead-in before the first get-ready

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def speech_seconds(text: str, language: str | None = None) -> float:
    """About how long ``text`` takes to say, a little over rather than under (0 for nothing), in
    ``language`` (default: the one chosen; the pseudo-locale is read as English)."""
    if not text:
        return 0.0
    per_character, per_digit = SPEECH_RATES.get(language or i18n.language(), SPEECH_RATES["en"])
    pauses = sum(1 for a, b in zip(text, text[1:], strict=False) if a in ".,:;!?" and b == " ")
    digits = sum(1 for c in text if c in "0123456789")
    return SPEECH_LEAD + per_character * len(text) + SPEECH_PER_PAUSE * pauses + per_digit * digits


def number_word(n: int) -> str:
    """1 → "one", 42 → "forty-two"; larger numbers, and every number in another language than
    English, as digits (the speech program reads them in its language)."""
    if i18n.language() != "en":
        return str(n)
    if 0 <= n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return str(n)


@value_class(frozen=True, slots=True)
class Cue:
    kind: CueKind
    text: str  # what to say from the "transitions" voice on ("" nothing)
    bell: bool  # ring the bell, where the bell stands in for tones
    tone: str | None = None  # the tone to play (a supple.core.tones name)
    seconds: float | None = None  # a breath tone's length, in session seconds
    count: str = ""  # the rep's number, said from the "counts" voice on
    level: VoiceLevel = "transitions"  # the lowest voice setting that says ``text``

    @property
    def priority(self) -> int:
        return self.kind.priority

    def spoken(self, voice: str) -> str:
        """What this cue says with the ``voice`` setting ("" nothing)."""
        rank = VOICES.index(voice) if voice in VOICES else 0
        text = self.text if self.text and rank >= VOICES.index(self.level) else ""
        count = self.count if rank >= VOICES.index("counts") else ""
        return f"{text}. {count.capitalize()}" if text and count else text or count.capitalize()


@value_class(frozen=True, slots=True)
class VoicePlan:
    """What is said at the start of each segment, and what before the first one."""

    texts: tuple[str, ...]  # per segment ("" nothing)
    lead_in: str = ""  # said in a count-in before the first segment ("" none needed)
    lead_in_seconds: float = 0.0  # that count-in's length (whole seconds)


def fits(text: str, window: float) -> bool:
    return speech_seconds(text) + SPEECH_MARGIN <= window


def _window(segment: Segment) -> float:
    """The seconds a segment's opening words have before something else must be said: a
    get-ready's 3-2-1 begins three seconds before its end; anything else has its length."""
    match segment.kind:
        case SegmentKind.GET_READY:
            return segment.seconds - TICKS if segment.seconds > TICKS else segment.seconds
        case SegmentKind.REP | SegmentKind.HOLD | SegmentKind.SWITCH_SIDE | SegmentKind.REST:
            return segment.seconds
        case _:
            assert_never(segment.kind)


def _first(candidates: Sequence[str], window: float, whole: float | None = None) -> str:
    """The longest form that fits (they come longest first). If none does, the shortest when
    it fits in ``whole`` (the segment's length: a count may give way to it), else nothing:
    what is said is never cut."""
    found = next((text for text in candidates if fits(text, window)), None)
    if found is not None:
        return found
    return candidates[-1] if fits(candidates[-1], window if whole is None else whole) else ""


def plan_voice(segments: Sequence[Segment], exercises: Sequence[Exercise]) -> VoicePlan:
    """Every segment's opening words, each the fullest form that fits its window: a rest
    before an exercise says how to get into it, else its get-ready does, else (the first
    exercise) a lead-in before the session's clock starts."""
    texts: list[str] = []
    told = -1  # the last exercise whose first instruction has been said
    lead_in = ""
    for index, segment in enumerate(segments):
        exercise = exercises[segment.exercise_index]
        window = _window(segment)
        text = ""
        match segment.kind:
            case SegmentKind.GET_READY:
                name = exercise.name
                if told < segment.exercise_index:
                    full = _get_ready_step(name, exercise.how[0]) if exercise.how else ""
                    if full and fits(full, window):
                        text = full
                    elif index == 0 and exercise.how:
                        lead_in = f"{name}. {exercise.how[0]}"
                        text = _first((_get_ready(name), _("Get ready"), ""), window)
                    else:
                        text = _first((_get_ready(name), name), window, segment.seconds)
                    told = segment.exercise_index
                else:
                    text = _first((_get_ready(name), name), window, segment.seconds)
            case SegmentKind.REST:
                if segment.set is not None and segment.sets is not None:
                    set_next = _("Rest. Set {number} of {total} next").format(
                        number=segment.set + 1, total=segment.sets
                    )
                    forms = [set_next, _("Rest")]
                    text = _first(forms, window)
                elif segment.exercise_index + 1 < len(exercises):
                    upcoming = exercises[segment.exercise_index + 1]
                    forms = [_("Rest. Next: {name}").format(name=upcoming.name), _("Rest")]
                    if upcoming.how:
                        said_next = _("Rest. Next: {name}. {step}")
                        forms.insert(0, said_next.format(name=upcoming.name, step=upcoming.how[0]))
                    text = _first(forms, window)
                    if upcoming.how and text == forms[0]:
                        told = segment.exercise_index + 1
                else:
                    text = _("Rest")
            case SegmentKind.SWITCH_SIDE:
                forms = [_("Switch sides"), _("Switch")]
                if segment.side:
                    forms.insert(0, _switch_to(segment.side))
                text = _first(forms, window)
            case SegmentKind.HOLD:
                forms = [_hold_side(segment.side), _("Hold")] if segment.side else [_("Hold")]
                text = _first(forms, window)
            case SegmentKind.REP:
                text = _("Begin") if segment.rep == 1 else ""
            case _:
                assert_never(segment.kind)
        if told < segment.exercise_index:  # no get-ready and no rest said it
            if index == 0 and exercise.how:
                lead_in = f"{exercise.name}. {exercise.how[0]}"
            told = segment.exercise_index
        texts.append(text)
    seconds = 0.0
    if lead_in:
        first = exercises[0]
        lead_in = _first((lead_in, first.how[0], first.name), LEAD_IN_LIMIT)
        seconds = float(math.ceil(speech_seconds(lead_in) + SPEECH_MARGIN)) if lead_in else 0.0
    return VoicePlan(tuple(texts), lead_in, seconds)


def _get_ready(name: str) -> str:
    return _("Get ready: {name}").format(name=name)


def _get_ready_step(name: str, step: str) -> str:
    return _("Get ready: {name}. {step}").format(name=name, step=step)


def _hold_side(side: str) -> str:
    """ "Hold, left side": whole sentences, so that each language says them its own way."""
    match side:
        case "left":
            return _("Hold, left side")
        case "right":
            return _("Hold, right side")
    return _("Hold")


def _switch_to(side: str) -> str:
    match side:
        case "left":
            return _("Switch sides. Left side next")
        case "right":
            return _("Switch sides. Right side next")
    return _("Switch sides")


PAUSED = lazy("Paused")
STOPPED = lazy("Stopped")


class Cuer:
    """Cues due since the previous snapshot: at each new segment its words and tone, the
    3-2-1 before work, the last seconds of a hold, each rep's number and each breath; and at
    each change the person makes: a pause, the 3-2-1 of the count-in after it and the moment
    the session runs again (or the new segment's own cue, after a move), a stop.

    Every change of what the body should do gives exactly one cue (besides a breath's), so a
    person who cannot see the screen hears each one."""

    def __init__(self, plan: VoicePlan | None = None) -> None:
        self.plan = plan
        self._index: int | None = None
        self._tick: int | None = None  # the whole seconds left shown by the last tick
        self._phase: tuple[int, str] | None = None  # (segment, phase) of the last breath cue
        self._breath_at: float | None = None
        self._led_in = False
        self._ended = False
        self._paused = False  # a pause was heard, and the session has not run again since
        self._count: int | None = None  # the whole seconds of a count-in last ticked
        self._still = False  # this standstill's pause has been heard

    def _stand_still(self) -> list[Cue]:
        """The first snapshot of a pause: the pause is heard (what was playing was stopped)."""
        if self._still:
            return []
        self._paused = self._still = True
        self._count = None
        return [Cue(CueKind.TRANSITION, _(PAUSED), False, "rest")]

    def update(self, snap: Snapshot) -> list[Cue]:
        """The cues due since the previous snapshot (none while paused)."""
        cues: list[Cue] = []
        if snap.done:
            if not self._ended:
                match snap.outcome:
                    case "completed":
                        spoken = said(snap.judged).spoken
                        cues.append(Cue(CueKind.END, spoken, True, "complete"))
                    case "stopped":
                        cues.append(Cue(CueKind.END, _(STOPPED), True, "rest"))
                    case "in_progress":
                        pass
                    case _:
                        assert_never(snap.outcome)
            self._ended = True
            return cues
        if snap.paused:
            self._phase = None  # after the pause, the breath phase sounds again
            return self._stand_still()
        self._still = False
        if snap.count_in_left > 0:
            if self._lead_in(snap):
                self._led_in = True
                cues.append(Cue(CueKind.TRANSITION, self.plan.lead_in if self.plan else "", False))
            elif self._paused or not snap.starting:  # the 3-2-1 before the session runs again
                count = math.ceil(snap.count_in_left)
                if count != self._count and count <= TICKS:
                    cues.append(Cue(CueKind.COUNT, str(count), True, "tick"))
                self._count = count
            return cues
        resumed, self._paused, self._count = self._paused, False, None
        segment = snap.segment
        if segment is None:
            return cues
        first = self._index is None
        if snap.segment_index != self._index:
            cues.append(self._transition(snap, segment, first))
            self._tick = None
            self._phase = None
        elif resumed:
            cues.append(self._resumed(snap, segment))
        tick = math.ceil(snap.segment_left)
        if 0 < tick <= TICKS and tick != self._tick and snap.segment_left > 0:
            cue = self._ticking(snap, segment, tick)
            if cue is not None and any(c.tone for c in cues):
                cue = replace(cue, tone=None)  # a short wait's own tone first: one at a time
            if cue is not None:
                cues.append(cue)
            self._tick = tick
        breath = snap.breath
        if breath is not None and segment.active:
            key = (snap.segment_index, breath.phase)
            if self._phase is None or self._phase != key or self._rewound(snap):
                talking = any(c.text or c.count for c in cues)
                cues.append(
                    Cue(
                        CueKind.BREATH,
                        "" if talking else _(BREATH_WORDS[breath.phase]),
                        False,
                        BREATH_TONES.get(breath.phase),
                        # to the phase's end, or the hold's if that comes first
                        min(breath.seconds_left, snap.segment_left)
                        if breath.phase in BREATH_TONES
                        else None,
                        level="everything",
                    )
                )
            self._phase = key
            self._breath_at = breath.fraction
        self._index = snap.segment_index
        return cues

    def _lead_in(self, snap: Snapshot) -> bool:
        plan = self.plan
        return (
            plan is not None
            and bool(plan.lead_in)
            and not self._led_in
            and self._index is None
            and snap.segment_index == 0
            and snap.elapsed == 0
        )

    def _rewound(self, snap: Snapshot) -> bool:
        """A cycling pacer came round to the same phase again (a hold of one breath phase)."""
        breath = snap.breath
        last = self._breath_at
        return breath is not None and last is not None and breath.fraction < last - 0.5

    def _transition(self, snap: Snapshot, segment: Segment, first: bool) -> Cue:
        plan = self.plan
        index = snap.segment_index
        text = plan.texts[index] if plan is not None and index < len(plan.texts) else ""
        tone: str | None
        match segment.kind:
            case SegmentKind.REP:
                count = number_word(segment.rep) if segment.rep else ""
                tone = "start" if segment.rep == 1 else None
                kind = CueKind.TRANSITION if text else CueKind.COUNT
                return Cue(kind, text, bell=not first, tone=tone, count=count)
            case SegmentKind.HOLD:
                tone = "start"
            case SegmentKind.SWITCH_SIDE:
                tone = "switch"
            case SegmentKind.REST:
                tone = "rest"
            case SegmentKind.GET_READY:
                tone = None
            case _:
                assert_never(segment.kind)
        return Cue(CueKind.TRANSITION, text, bell=not first, tone=tone)

    def _resumed(self, snap: Snapshot, segment: Segment) -> Cue:
        """The session runs again in the segment it paused in: its tone, and its name when
        there is time before whatever its last seconds say (a rep's next count gives way)."""
        window = snap.segment_left if segment.is_rep else snap.segment_left - TICKS
        tone: str | None
        forms: tuple[str, ...]
        match segment.kind:
            case SegmentKind.REP:
                forms, tone = (_("Go on"),), "start"
            case SegmentKind.HOLD:
                forms, tone = (_("Hold"),), "start"
                if segment.side:
                    forms = (_hold_side(segment.side), *forms)
            case SegmentKind.SWITCH_SIDE:
                forms, tone = (_("Switch sides"), _("Switch")), "switch"
            case SegmentKind.REST:
                forms, tone = (_("Rest"),), "rest"
            case SegmentKind.GET_READY:
                forms, tone = (_("Get ready"),), "tick"
            case _:
                assert_never(segment.kind)
        text = _first(forms, window)
        return Cue(CueKind.TRANSITION, text, True, tone)

    def _ticking(self, snap: Snapshot, segment: Segment, tick: int) -> Cue | None:
        """A tick (and the number, in a get-ready) in each of the last three seconds before
        work begins; the closing tone in each of the last three of a hold."""
        following = snap.next_segment
        match segment.kind:
            case SegmentKind.HOLD:
                words = _("Three seconds left") if tick == math.ceil(CLOSING_SECONDS) else ""
                return Cue(CueKind.CLOSING, words, False, "closing", level="everything")
            case SegmentKind.REP:
                return None
            case SegmentKind.GET_READY:
                if following is None or not following.active:
                    return None
                return Cue(CueKind.COUNT, str(tick), True, "tick")
            case SegmentKind.REST | SegmentKind.SWITCH_SIDE:
                if following is None or not following.active:
                    return None
                return Cue(CueKind.COUNT, "", False, "tick")  # the tone alone
            case _:
                assert_never(segment.kind)
