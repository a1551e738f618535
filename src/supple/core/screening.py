"""The safety screening: the warning signs that call for a clinician before exercise for low
back pain, asked as data, and the person's answers as stored in ``screening.toml``.

The signs follow NICE NG59 (Low back pain and sciatica in over 16s, 2016, updated 2020) and the
international red-flag framework (Finucane et al., JOSPT 2020;50(7):350-372): see
docs/safety.md. supple never diagnoses: any yes says to see a clinician first, and advice never
suggests harder until the person says a clinician has cleared them (``allows_harder``).
"""

from __future__ import annotations

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
SIGN_KEYS: tuple[str, ...] = tuple(sign.key for sign in SIGNS)
KNOWN_KEYS = ("answered_at", "usual_pain", "cleared_at", *SIGN_KEYS)


class BadScreening(ValueError):
    """A screening file that cannot be used; the message says which key and why."""


@value_class(frozen=True, slots=True)
class Screening:
    answered_at: datetime | None
    signs: dict[str, bool]  # every key of SIGN_KEYS once answered
    usual_pain: int | None  # 0-10, 0 = no pain
    cleared_at: datetime | None = None  # when the person said a clinician cleared them
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @property
    def answered(self) -> bool:
        return self.answered_at is not None and all(k in self.signs for k in SIGN_KEYS)

    @property
    def flags(self) -> tuple[Sign, ...]:
        """The signs answered yes, in the order asked."""
        return tuple(sign for sign in SIGNS if self.signs.get(sign.key, False))

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
    def allows_harder(self) -> bool:
        """Advice may suggest harder: answered, and no sign or cleared since."""
        return self.answered and (not self.any_flag or self.cleared)

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA}
        if self.answered_at is not None:
            data["answered_at"] = self.answered_at
        data |= {key: self.signs[key] for key in SIGN_KEYS if key in self.signs}
        if self.usual_pain is not None:
            data["usual_pain"] = self.usual_pain
        if self.cleared_at is not None:
            data["cleared_at"] = self.cleared_at
        return data | self.unknown


def _stamp(value: datetime) -> float:
    return value.timestamp() if value.tzinfo is not None else value.astimezone().timestamp()


def answered(
    yes: frozenset[str] | set[str], usual_pain: int | None, at: datetime, before: Screening | None
) -> Screening:
    """The screening answered at ``at``: ``yes`` the keys of the signs answered yes. Keys a
    newer supple wrote are kept; an earlier clearing stands only if no sign is answered yes."""
    unknown_yes = set(yes) - set(SIGN_KEYS)
    if unknown_yes:
        raise BadScreening(_("no warning sign '{key}'").format(key=sorted(unknown_yes)[0]))
    if usual_pain is not None and not PAIN_LOW <= usual_pain <= PAIN_HIGH:
        raise BadScreening(
            _("usual pain must be {low}-{high}, not {pain}").format(
                low=PAIN_LOW, high=PAIN_HIGH, pain=usual_pain
            )
        )
    signs = {key: key in yes for key in SIGN_KEYS}
    unknown = before.unknown if before is not None else {}
    return Screening(at.replace(microsecond=0), signs, usual_pain, None, SCHEMA, unknown)


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
    pain = data.get("usual_pain")
    if pain is not None and (
        isinstance(pain, bool) or not isinstance(pain, int) or not PAIN_LOW <= pain <= PAIN_HIGH
    ):
        raise BadScreening(
            _("usual_pain: expected a whole number {low}-{high}").format(
                low=PAIN_LOW, high=PAIN_HIGH
            )
        )
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
        pain,
        times["cleared_at"],
        schema,
        unknown_keys(data, KNOWN_KEYS),
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
    from supple.core.files import refuse_newer, write_toml

    path = data_dir / FILE_NAME
    old, _problem = load(data_dir)
    if old is not None and newer(old.schema):
        refuse_newer(path, old.schema)
    return write_toml(path, screening.to_toml())
