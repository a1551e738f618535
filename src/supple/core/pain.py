"""Pain, the way clinicians ask it: the 0–10 numeric rating scale, its words, and which session a
next-morning answer belongs to.

0 is no pain, 10 the worst imaginable; the bands (1–3 mild, 4–6 moderate, 7–10 severe) are the
usual cut points of the numeric rating scale. Every screen and command reads the words here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from supple.core.morning import SessionFact, due_for, session_for
from supple.core.record import PainAction, SessionRecord
from supple.i18n import _, lazy, n_

PAIN_MAX = 10
# The scale in words, read translated as ``SCALE`` (``__getattr__``).
_SCALE = lazy("0 = no pain · 10 = worst imaginable")
# (highest rating of the band, its word in English), lowest first; ``band`` translates.
BANDS = (
    (0, lazy("no pain")),
    # Translators: a band of the 0-10 pain scale (1-3)
    (3, lazy("mild")),
    # Translators: a band of the 0-10 pain scale (4-6)
    (6, lazy("moderate")),
    # Translators: a band of the 0-10 pain scale (7-10)
    (PAIN_MAX, lazy("severe")),
)


def __getattr__(name: str) -> str:
    """The words declared as names (``SCALE``…), translated as they are read."""
    match name:
        case "SCALE":
            return _(_SCALE)
        case "OLD_SCALE":
            return _(_OLD_SCALE)
        case "OLD_MARK":
            return _(_OLD_MARK)
        case "CELL_TITLE":
            return _(_CELL_TITLE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def legend() -> str:
    """The bands in words: ``1–3 mild · 4–6 moderate · 7–10 severe``."""
    parts = []
    for (low, _word), (high, word) in zip(BANDS, BANDS[1:], strict=False):
        # Translators: a band of the pain scale, "1–3 mild"
        parts.append(_("{low}–{high} {word}").format(low=low + 1, high=high, word=_(word)))
    return " · ".join(parts)


def band(rating: int) -> str:
    """The band's word for a 0–10 rating: ``no pain``, ``mild``, ``moderate`` or ``severe``."""
    for high, word in BANDS:
        if rating <= high:
            return _(word)
    raise ValueError(f"{rating} is not on the 0–{PAIN_MAX} scale")


def pain_words(rating: int) -> str:
    """``pain 4/10 (moderate)``."""
    return _("pain {rating}/{most} ({band})").format(
        rating=rating, most=PAIN_MAX, band=band(rating)
    )


# What a "this hurts" mark can do, in the order it is offered (``LiveSession.mark_choices``
# gives those that can be taken now)
EVERY_CHOICE: tuple[PainAction, ...] = ("eased", "skipped", "none")


def mark_words(rating: int, choices: Collection[str] = EVERY_CHOICE) -> str:
    """What a "this hurts" rating means for this exercise, by the rule the advice follows
    (``core.advice.ACCEPTABLE``: up to it is acceptable during exercise, above is too much),
    and what to do about it among ``choices`` (the mark's actions that can be taken now)."""
    from supple.core.advice import ACCEPTABLE

    facts = {"pain": pain_words(rating), "most": ACCEPTABLE}
    every = "eased" in choices and "skipped" in choices
    if rating > ACCEPTABLE:
        if every:
            return _("{pain} — above {most} is more than the rule allows: ease or skip.").format(
                **facts
            )
        if "skipped" in choices:
            return _("{pain} — above {most} is more than the rule allows: skip it.").format(**facts)
        # Translators: a pain mark in the rest after an exercise: nothing of it left to change
        return _("{pain} — above {most} is more than the rule allows.").format(**facts)
    if every:
        return _(
            "{pain} — up to {most} is acceptable during exercise. "
            "Ease this exercise now, skip it, or carry on?"
        ).format(**facts)
    return _("{pain} — up to {most} is acceptable during exercise.").format(**facts)


def read_pain(raw: str) -> int:
    """A 0–10 rating typed by a person: the one number reader (ASCII digits only). ValueError
    naming what is wrong."""
    from supple.core.numbers import NumberError, read_whole  # typed input only, not a history read

    try:
        value = read_whole(raw.strip())
    except NumberError:
        value = -1
    if not 0 <= value <= PAIN_MAX:
        raise ValueError(_("expected a whole number from 0 to {most}").format(most=PAIN_MAX))
    return value


def span(before: int | None, after: int | None) -> str:
    """A before/after pair as it was given: ``3→6``, ``before 3``, ``after 6``; empty if
    neither. The one way a pair of check-ins is written (pain or the old feelings)."""
    if before is None and after is None:
        return ""
    if after is None:
        # Translators: a pain rating given before a session only, "before 3"
        return _("before {rating}").format(rating=before)
    if before is None:
        # Translators: a pain rating given after a session only, "after 6"
        return _("after {rating}").format(rating=after)
    return f"{before}→{after}"


# Read translated as ``OLD_SCALE`` and ``OLD_MARK`` (``__getattr__``).
_OLD_SCALE = lazy("old scale, 10 = great")
# Translators: the old feelings in a narrow cell, "4→7 feel" (one short word)
_OLD_MARK = lazy("feel")


def old_feeling_words(before: int | None, after: int | None) -> str:
    """The old check-in as it was: ``feeling 4→7/10 (old scale, 10 = great)``; empty if none."""
    pair = span(before, after)
    if not pair:
        return ""
    return _("feeling {pair}/10 ({scale})").format(pair=pair, scale=_(_OLD_SCALE))


def action_words(action: str) -> str:
    """What was done after a "this hurts" mark, in a word: "carried on", "eased", "skipped"
    (an action a newer supple wrote: as it is)."""
    match action:
        case "none":
            return _("carried on")
        case "eased":
            return _("eased")
        case "skipped":
            return _("skipped")
        case _:
            return action


def pain_line(record: SessionRecord) -> str:
    """Pain before → after, the highest mark and the next morning, in one line; empty if none."""
    parts = []
    pair = span(record.pain_before, record.pain_after)
    if pair:
        parts.append(_("pain {pair}/{most}").format(pair=pair, most=PAIN_MAX))
    if record.pain_marks:
        n = len(record.pain_marks)
        parts.append(
            n_(
                "{count} 'this hurts' mark (highest {highest})",
                "{count} 'this hurts' marks (highest {highest})",
                n,
            ).format(count=n, highest=record.pain_max)
        )
    if record.morning_pain is not None:
        parts.append(
            _("next morning {rating}/{most}").format(rating=record.morning_pain, most=PAIN_MAX)
        )
    return " · ".join(parts)


# The column of ``pain_cell``, read translated as ``CELL_TITLE``.
_CELL_TITLE = lazy("Pain 0–10")


def pain_cell(record: SessionRecord) -> str:
    """A table's cell under ``CELL_TITLE``: pain before→after (``2→1``, ``after 6``); a record
    with only the old feelings shows them marked as such (``4→7 feel``), never read as pain.
    Empty if neither (the session's details say the rest: marks, the next morning)."""
    pair = span(record.pain_before, record.pain_after)
    if pair:
        return pair
    old = span(record.feeling_before, record.feeling_after)
    return f"{old} {_(_OLD_MARK)}" if old else ""


def morning_fact(record: SessionRecord) -> SessionFact:
    """What the next-morning rule (``core.morning``) reads of a record."""
    return SessionFact(
        record.started, record.ended, record.morning_at is not None, record.status == "in_progress"
    )


def morning_session(records: Iterable[SessionRecord], now: datetime) -> SessionRecord | None:
    """The session a next-morning answer given at ``now`` belongs to (``core.morning``'s rule:
    the newest session of an earlier day that ended within its window); None if none."""
    records = list(records)
    index = session_for([morning_fact(r) for r in records], now)
    return None if index is None else records[index]


def morning_due(records: Iterable[SessionRecord], now: datetime) -> SessionRecord | None:
    """The session whose next-morning question is still to ask (answered or skipped: never
    again), None if there is none. Only before the day's first session: once a session has
    started today, its own before-session rating says how the back is, and the app does not
    stop the person with a question about the morning (``supple checkin --morning`` still
    answers it)."""
    records = list(records)
    index = due_for([morning_fact(r) for r in records], now)
    return None if index is None else records[index]
