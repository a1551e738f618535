"""The words shared by the CLI and the app: a countdown rounds up, a duration to the nearest."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.breath import Phase
from supple.core.timeline import Segment, describe_segment
from supple.core.words import countdown, duration, minutes


@pytest.mark.parametrize(
    ("seconds", "left", "took"),
    [
        (85.1, "1:26", "1:25"),  # a timer still has part of its 86th second to go
        (84.9, "1:25", "1:25"),
        (0.0, "0:00", "0:00"),
        (0.001, "0:01", "0:00"),  # not over yet: a countdown shows 0:00 only at the end
        (59.5, "1:00", "1:00"),
        (58.5, "0:59", "0:59"),  # half up, not round()'s half to even
        (3600, "60:00", "60:00"),
        (-2.0, "0:00", "0:00"),
    ],
)
def test_countdown_rounds_up_and_duration_to_the_nearest(
    seconds: float, left: str, took: str
) -> None:
    assert countdown(seconds) == left
    assert duration(seconds) == took


def test_minutes() -> None:
    assert [minutes(s) for s in (0, 45, 59.5, 60, 95, 95.4, 600)] == [
        "0 s",
        "45 s",
        "1 min",
        "1 min",
        "1 min 35 s",
        "1 min 35 s",
        "10 min",
    ]


def segment(kind: str, **fields: object) -> Segment:
    return Segment(kind, 0, "cat-cow", 6.0, **fields)  # type: ignore[arg-type]


def test_describe_segment_with_and_without_the_name() -> None:
    breath = (Phase("inhale", 3.0, "Inhale"), Phase("exhale", 3.0, "Exhale"))
    rep = segment("rep", set=1, sets=2, rep=3, reps=8, side="left", breath=breath)
    assert describe_segment(rep) == "set 1/2 · rep 3/8 · left side"
    assert describe_segment(rep, "Cat-Cow") == "Cat-Cow · set 1/2 · rep 3/8 · left side"
    assert (
        describe_segment(rep, "Cat-Cow", breath=True)
        == "Cat-Cow · set 1/2 · rep 3/8 · left side · (inhale 3s exhale 3s)"
    )
    assert describe_segment(segment("hold", side="right")) == "hold 6 s · right side"
    assert describe_segment(segment("get_ready"), "Cat-Cow") == "get ready for Cat-Cow"
    assert describe_segment(segment("rest")) == "rest 6 s"
    assert describe_segment(segment("rest", set=1, sets=2)) == "rest 6 s between sets"
    assert describe_segment(segment("switch_side", side="right")) == "switch to the right side"


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    spec=st.sampled_from(["g", ".1f", ".2f", ".0f"]),
)
def test_a_decimal_reads_as_english_rounds_it_with_the_languages_sign(
    value: float, spec: str
) -> None:
    """The digits are English's (the same rounding), only the sign between them is the
    language's: a point in English, a comma in German and Spanish; never a point in those."""
    from supple import i18n
    from supple.core.words import decimal

    english = format(value, spec)
    assert decimal(value, spec) == english
    for language in ("de", "es"):
        i18n.choose(language)
        shown = decimal(value, spec)
        assert shown == english.replace(".", ",") and "." not in shown
    i18n.choose(None)


def test_a_decimal_in_words() -> None:
    from supple import i18n
    from supple.core.words import decimal

    assert (decimal(1.6), decimal(2.0), decimal(12.25, ".1f")) == ("1.6", "2", "12.2")
    i18n.choose("de")
    assert (decimal(1.6), decimal(2.0), decimal(0.5)) == ("1,6", "2", "0,5")
    assert i18n.DECIMAL_SIGNS.keys() == set(i18n.LANGUAGES)  # every language declares its own
