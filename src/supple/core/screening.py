"""The safety screening: the warning signs that call for a clinician before exercise, asked
as data, one checklist per body region (a program names the one it uses: ``screening =`` in its
file), and the person's answers as stored in ``screening.toml`` (one file: the keys of every
checklist are distinct).

The low-back signs follow NICE NG59 (Low back pain and sciatica in over 16s, 2016, updated 2020)
and the international red-flag framework (Finucane et al., JOSPT 2020;50(7):350-372); the neck,
shoulder and arm signs the shoulder and neck red-flag literature: see docs/safety.md. supple never
diagnoses: any yes says to see a clinician first, no program starts, and advice never suggests
harder until the person says a clinician has cleared them (``allows_harder``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from supple.core.schema import SCHEMA, newer, unknown_keys
from supple.core.value import field, value_class
from supple.i18n import _, lazy

FILE_NAME = "screening.toml"
PAIN_LOW, PAIN_HIGH = 0, 10


@value_class(frozen=True, slots=True)
class Sign:
    """One warning sign: a stable key (the file's) and the question in plain words (declared
    in English, read in the person's language: ``question``, ``short``)."""

    key: str
    english_question: str
    english_short: str  # a few words for the report and the summary line
    # Urgent: a possible cauda equina syndrome or a worsening nerve problem (NICE NG59,
    # Finucane 2020): a clinician today, not soon.
    urgent: bool = False

    @property
    def question(self) -> str:
        return _(self.english_question)

    @property
    def short(self) -> str:
        return _(self.english_short)


# The questions, in the order asked; the keys are the file's and never change.
SIGNS: tuple[Sign, ...] = (
    Sign(
        "saddle_numbness",
        lazy(
            "Numbness or tingling around your seat: between the legs, the buttocks or inner thighs?"
        ),
        lazy("numbness around the seat area"),
        urgent=True,
    ),
    Sign(
        "bladder_bowel",
        lazy("New trouble passing or holding urine or stools?"),
        lazy("new bladder or bowel trouble"),
        urgent=True,
    ),
    Sign(
        "leg_weakness",
        lazy("Weakness or numbness in a leg or foot that is getting worse?"),
        lazy("leg weakness or numbness getting worse"),
        urgent=True,
    ),
    Sign(
        "fever_unwell",
        lazy("A fever, or feeling generally unwell, along with the back pain?"),
        lazy("fever or feeling unwell"),
    ),
    Sign(
        "weight_loss",
        lazy("Weight loss you cannot explain?"),
        lazy("unexplained weight loss"),
    ),
    Sign(
        "night_pain",
        lazy("Constant pain at night that does not ease with rest or changing position?"),
        lazy("constant pain at night"),
    ),
    Sign(
        "fall_accident",
        lazy("A recent fall, accident or blow to the back?"),
        lazy("a recent fall or accident"),
    ),
)
OVERHEAD_SIGNS: tuple[Sign, ...] = (
    Sign(
        "arm_weakness",
        lazy(
            "Weakness, numbness or pins and needles in an arm or hand that is spreading or "
            "getting worse?"
        ),
        lazy("arm weakness or numbness getting worse"),
        urgent=True,
    ),
    Sign(
        "chest_pain",
        lazy("Chest pain, tightness or shortness of breath along with the arm or shoulder pain?"),
        lazy("chest pain or breathlessness with arm pain"),
        urgent=True,
    ),
    Sign(
        "neck_dizziness",
        lazy(
            "Dizziness, double or blurred vision, trouble speaking or swallowing, or fainting "
            "when you move your neck?"
        ),
        lazy("dizziness or vision trouble with neck movement"),
        urgent=True,
    ),
    Sign(
        "injury_lost_movement",
        lazy(
            "A recent fall, accident or blow after which you cannot lift the arm, or the "
            "shoulder looks out of shape?"
        ),
        lazy("a recent injury with movement lost"),
        urgent=True,
    ),
    Sign(
        "hot_swollen_joint",
        lazy("A hot, red or swollen shoulder or joint, or a fever, feeling unwell?"),
        lazy("a hot swollen joint or fever"),
    ),
    Sign(
        "night_pain_weight",
        lazy("Constant pain at night, weight loss you cannot explain, or a history of cancer?"),
        lazy("night pain, weight loss or cancer history"),
    ),
)


@value_class(frozen=True, slots=True)
class Checklist:
    """The questions asked before one kind of program: a stable id (a program's ``screening``
    key), the signs in the order asked, the introduction and usual-pain question, the key its
    usual pain is kept under in ``screening.toml`` (one per body region: the overhead answers
    never overwrite the back's), and the body areas it speaks for (``for_areas``)."""

    id: str
    signs: tuple[Sign, ...]
    english_intro: str
    english_usual: str
    pain_key: str
    areas: frozenset[str]
    english_region: str  # the region in a few words ("back")
    english_before: str  # the check-in's questions for a routine of this region
    english_now: str

    @property
    def region(self) -> str:
        return _(self.english_region)

    def pain_question(self, *, before: bool) -> str:
        """The check-in's question, before a session of this region or after it."""
        return _(self.english_before if before else self.english_now)

    @property
    def intro(self) -> str:
        return _(self.english_intro)

    @property
    def usual_question(self) -> str:
        return _(self.english_usual)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(sign.key for sign in self.signs)


LOW_BACK = Checklist(
    "low-back",
    SIGNS,
    lazy(
        "Before the program: a few questions about warning signs that need a doctor or "
        "physiotherapist to look at your back first. Answer for the last few weeks."
    ),
    lazy("Your usual back pain, 0 to 10 (0 = no pain, 10 = worst imaginable)?"),
    "usual_pain",  # the first key: older files' usual pain is the back's
    frozenset({"lower-back", "hips", "hamstrings", "ankles"}),
    lazy("back"),
    lazy("How much does your back hurt before you start?"),
    lazy("How much does your back hurt now?"),
)
OVERHEAD = Checklist(
    "overhead",
    OVERHEAD_SIGNS,
    lazy(
        "Before the program: a few questions about warning signs that need a doctor or "
        "physiotherapist to look at your neck, shoulders or arms first. Answer for the last few "
        "weeks."
    ),
    lazy("Your usual neck, shoulder or arm pain, 0 to 10 (0 = no pain, 10 = worst imaginable)?"),
    "usual_pain_overhead",
    frozenset({"neck", "shoulders", "upper-back", "wrists"}),
    lazy("neck, shoulders, arms"),
    lazy("How much do your neck, shoulders or arms hurt before you start?"),
    lazy("How much do your neck, shoulders or arms hurt now?"),
)
CHECKLISTS: tuple[Checklist, ...] = (LOW_BACK, OVERHEAD)  # the first: the default
CHECKLIST_IDS: tuple[str, ...] = tuple(c.id for c in CHECKLISTS)
ALL_SIGNS: tuple[Sign, ...] = tuple(sign for c in CHECKLISTS for sign in c.signs)


def checklist(checklist_id: str) -> Checklist:
    """The checklist with this id (KeyError)."""
    for found in CHECKLISTS:
        if found.id == checklist_id:
            return found
    raise KeyError(checklist_id)


def for_areas(areas: Iterable[str]) -> Checklist:
    """The checklist (and so the body region) of a routine working ``areas`` (``Area`` values):
    the one whose areas hold them all; the first (the back) when none does or none is known."""
    worked = set(areas)
    found = (c for c in CHECKLISTS if worked and worked <= c.areas)
    return next(found, CHECKLISTS[0])


SIGN_KEYS: tuple[str, ...] = tuple(sign.key for sign in ALL_SIGNS)
PAIN_KEYS: tuple[str, ...] = tuple(c.pain_key for c in CHECKLISTS)
KNOWN_KEYS = ("answered_at", "cleared_at", *PAIN_KEYS, *SIGN_KEYS)


# What stands in for the next workout while a warning sign stands (``Screening.flag_stands``),
# wherever a workout would be named: the program's Next panel, `supple program`, the status line
# (in English, as the rest of it), the reminder's notification. Read through ``_()``.
SEE_FIRST = lazy("See a doctor or physiotherapist first")
SEE_FIRST_URGENT = lazy("See a doctor today, before any workout")


def see_first(found: Screening | None) -> str:
    """``SEE_FIRST`` (or ``SEE_FIRST_URGENT``) while a warning sign stands, in English (the
    caller translates it: ``_()``); empty otherwise."""
    if found is None or not found.flag_stands:
        return ""
    return SEE_FIRST_URGENT if found.urgent else SEE_FIRST


class WarningSignStands(Exception):
    """A program was to start while a warning sign stands (``Screening.flag_stands``)."""

    def __init__(self, screening: Screening) -> None:
        super().__init__("a warning sign stands")
        self.screening = screening


def refuse_if_standing(found: Screening | None) -> None:
    """Before a program starts: WarningSignStands while a sign stands (docs/safety.md)."""
    if found is not None and found.flag_stands:
        raise WarningSignStands(found)


class BadScreening(ValueError):
    """A screening file that cannot be used; the message says which key and why."""


@value_class(frozen=True, slots=True)
class Screening:
    answered_at: datetime | None
    signs: dict[str, bool]  # every key of an answered checklist
    usual_pain: int | None  # the back's (``LOW_BACK``), 0-10, 0 = no pain
    cleared_at: datetime | None = None  # when the person said a clinician cleared them
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)
    # The other regions' usual pain, by checklist id (the overhead one's).
    pains: dict[str, int] = field(default_factory=dict, hash=False)

    def usual_for(self, checklist_id: str) -> int | None:
        """The usual pain given with the checklist ``checklist_id``'s answers (None: not given)."""
        if checklist_id == CHECKLISTS[0].id:
            return self.usual_pain
        return self.pains.get(checklist_id)

    @property
    def answered(self) -> bool:
        """One checklist answered whole at least (advice's gate)."""
        return any(self.answered_for(c) for c in CHECKLISTS)

    def answered_for(self, asked: Checklist) -> bool:
        return self.answered_at is not None and all(k in self.signs for k in asked.keys)

    @property
    def flags(self) -> tuple[Sign, ...]:
        """The signs answered yes, of every checklist, in the order asked."""
        return tuple(sign for sign in ALL_SIGNS if self.signs.get(sign.key, False))

    @property
    def any_flag(self) -> bool:
        return bool(self.flags)

    @property
    def urgent(self) -> bool:
        """A sign answered yes that needs a clinician today (``Sign.urgent``)."""
        return any(sign.urgent for sign in self.flags)

    @property
    def cleared(self) -> bool:
        """Cleared by a clinician since the answers were given (answering again with a sign
        asks for clearing again)."""
        if self.cleared_at is None:
            return False
        return self.answered_at is None or _stamp(self.cleared_at) >= _stamp(self.answered_at)

    @property
    def flag_stands(self) -> bool:
        """A sign answered yes and not cleared: no program starts (``WarningSignStands``), a
        session asks first, no workout is suggested (docs/safety.md)."""
        return self.any_flag and not self.cleared

    @property
    def allows_harder(self) -> bool:
        """Advice may suggest harder: answered, and no sign or cleared since."""
        return self.answered and (not self.any_flag or self.cleared)

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA}
        if self.answered_at is not None:
            data["answered_at"] = self.answered_at
        data |= {key: self.signs[key] for key in SIGN_KEYS if key in self.signs}
        for asked in CHECKLISTS:
            pain = self.usual_for(asked.id)
            if pain is not None:
                data[asked.pain_key] = pain
        if self.cleared_at is not None:
            data["cleared_at"] = self.cleared_at
        return data | self.unknown


def _stamp(value: datetime) -> float:
    return value.timestamp() if value.tzinfo is not None else value.astimezone().timestamp()


def answered(
    yes: frozenset[str] | set[str],
    usual_pain: int | None,
    at: datetime,
    before: Screening | None,
    asked: Checklist = LOW_BACK,
) -> Screening:
    """The checklist ``asked`` answered whole at ``at``: ``yes`` the keys of its signs answered
    yes, every other one no; the usual pain is required (BadScreening without it: a screening
    never counts as answered on defaults). The other checklists' answers and keys a newer
    supple wrote are kept; an earlier clearing stands only if no sign is answered yes now."""
    unknown_yes = set(yes) - set(asked.keys)
    if unknown_yes:
        raise BadScreening(_("no warning sign '{key}'").format(key=sorted(unknown_yes)[0]))
    if usual_pain is None:
        raise BadScreening(_("the usual pain is not answered"))
    if not PAIN_LOW <= usual_pain <= PAIN_HIGH:
        raise BadScreening(
            _("usual pain must be {low}-{high}, not {pain}").format(
                low=PAIN_LOW, high=PAIN_HIGH, pain=usual_pain
            )
        )
    kept = before.signs if before is not None else {}
    signs = {
        key: key in yes if key in asked.keys else kept[key]
        for key in SIGN_KEYS
        if key in asked.keys or key in kept
    }
    unknown = before.unknown if before is not None else {}
    pains = {c.id: before.usual_for(c.id) for c in CHECKLISTS} if before is not None else {}
    pains[asked.id] = usual_pain
    back = pains.pop(CHECKLISTS[0].id, None)
    at = at.replace(microsecond=0)
    # A clearing carries over an answer with no yes (the signs it cleared are still the ones
    # answered yes); a new yes asks for clearing again.
    still_cleared = not yes and before is not None and before.any_flag and before.cleared
    cleared_at = at if still_cleared else None
    others = {k: v for k, v in pains.items() if v is not None}
    return Screening(at, signs, back, cleared_at, SCHEMA, unknown, others)


def cleared(screening: Screening, at: datetime) -> Screening:
    from supple.core.value import replace

    return replace(screening, cleared_at=at.replace(microsecond=0))


def parse(data: dict[str, Any]) -> Screening:
    """A screening from its file's content; BadScreening names the key that is wrong."""
    schema = data.get("schema", SCHEMA)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < SCHEMA:
        raise BadScreening(_("schema: expected {schema}").format(schema=SCHEMA))
    signs: dict[str, bool] = {}
    for key in SIGN_KEYS:
        if key in data:
            if not isinstance(data[key], bool):
                raise BadScreening(_("{key}: expected true or false").format(key=key))
            signs[key] = data[key]
    pains: dict[str, int] = {}
    for asked in CHECKLISTS:
        pain = data.get(asked.pain_key)
        if pain is None:
            continue
        if isinstance(pain, bool) or not isinstance(pain, int) or not PAIN_LOW <= pain <= PAIN_HIGH:
            raise BadScreening(
                _("{key}: expected a whole number {low}-{high}").format(
                    key=asked.pain_key, low=PAIN_LOW, high=PAIN_HIGH
                )
            )
        pains[asked.id] = pain
    times: dict[str, datetime | None] = {}
    for key in ("answered_at", "cleared_at"):
        value = data.get(key)
        if value is not None and not isinstance(value, datetime):
            raise BadScreening(
                _("{key}: expected a time like {example}").format(
                    key=key, example="2026-11-24T07:30:00+01:00"
                )
            )
        times[key] = value
    return Screening(
        times["answered_at"],
        signs,
        pains.pop(CHECKLISTS[0].id, None),
        times["cleared_at"],
        schema,
        unknown_keys(data, KNOWN_KEYS),
        pains,
    )


def load(data_dir: Path) -> tuple[Screening | None, str | None]:
    """The stored screening (None: never answered) and, if the file could not be used, why
    (it is left where it is: answering again replaces it)."""
    from supple.core.history import read_toml_file
    from supple.core.record import BadRecord

    path = data_dir / FILE_NAME
    if not path.exists() and not path.is_symlink():
        return None, None
    try:
        return parse(read_toml_file(path)), None
    except OSError as error:
        from supple.core.files import unreadable_reason

        return None, unreadable_reason(error)
    except (BadRecord, BadScreening) as error:
        return None, str(error)


def save(data_dir: Path, screening: Screening) -> Path:
    """Write the screening atomically (0600); SaveError if a newer supple wrote the file
    there or it cannot be written."""
    from supple.core.files import file_lock, refuse_newer, write_toml

    path = data_dir / FILE_NAME
    with file_lock(path):
        old, _problem = load(data_dir)
        if old is not None and newer(old.schema):
            refuse_newer(path, old.schema)
        return write_toml(path, screening.to_toml(), own=True)
