"""The one number reader (issue 23, item 3): numbers as people type them, generated."""

from __future__ import annotations

import math
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.nudge import RemindError, parse_clock, parse_hours, parse_times
from supple.core.numbers import UNITS, NumberError, read_number, read_whole

# Every character Unicode calls a digit or a number that is not 0-9: '²', '１', '٣', '½'...
FOREIGN = st.characters(categories=("Nd", "No", "Nl")).filter(lambda c: c not in "0123456789")
SPACES = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])


@st.composite
def typed_numbers(draw: st.DrawFn) -> tuple[str, str, float]:
    """(what a person types, the field's unit, the value meant)."""
    unit = draw(st.sampled_from(["", "cm", "s", "°"]))
    whole = draw(st.integers(0, 999))
    tenths = draw(st.one_of(st.none(), st.integers(0, 99)))
    negative = draw(st.booleans())
    value = whole + (tenths / 100 if tenths is not None else 0)
    number = str(whole)
    if tenths is not None:
        number += draw(st.sampled_from([".", ","])) + f"{tenths:02d}"
    sign = draw(st.sampled_from(["-", "\u2212"])) if negative else draw(st.sampled_from(["", "+"]))
    words = UNITS[unit].words if unit else {"": 1.0}
    word = draw(st.sampled_from(sorted(words))) if unit and draw(st.booleans()) else ""
    factor = words.get(word, 1.0)
    text = f"{draw(SPACES)}{sign}{number}{draw(SPACES) if word else ''}{word}{draw(SPACES)}"
    return text, unit, (-1 if negative else 1) * value * factor


@settings(max_examples=300, deadline=None)
@given(typed_numbers())
def test_every_form_a_person_types_is_read_as_meant(case: tuple[str, str, float]) -> None:
    text, unit, meant = case
    assert read_number(text, unit) == pytest.approx(meant)


@settings(max_examples=150, deadline=None)
@given(typed_numbers(), FOREIGN, st.integers(0, 12))
def test_a_digit_that_is_not_ascii_is_refused_by_name(
    case: tuple[str, str, float], digit: str, at: int
) -> None:
    text, unit, _ = case
    text = text[:at] + digit + text[at:]
    with pytest.raises(NumberError, match="type the digits 0-9") as refused:
        read_number(text, unit)
    assert unicodedata.name(digit, "").lower() in str(refused.value) or digit not in text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["", "cm", "s", "deg"]))
def test_any_text_is_a_finite_number_or_a_refusal_never_a_crash(text: str, unit: str) -> None:
    try:
        value = read_number(text, unit)
    except NumberError as error:
        assert str(error) and "\x1b" not in str(error)  # words, printable
    else:
        assert math.isfinite(value)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 500),
    st.sampled_from(["kg", "in", "%", "lb", "cm2", "m", "x"]),
    st.sampled_from([".", ","]),
)
def test_a_unit_the_field_does_not_expect_is_refused_with_what_was_read(
    whole: int, other: str, separator: str
) -> None:
    text = f"{whole}{separator}5 {other}"
    with pytest.raises(NumberError) as refused:
        read_number(text, "cm")
    message = str(refused.value)
    assert f"read {whole + 0.5:g}" in message and "expected a number in centimetres" in message


def test_the_issues_examples() -> None:
    assert read_number("2,5", "cm") == 2.5  # once stored as 25
    assert read_number("8,5", "cm") == 8.5  # once refused as 85
    assert read_number("12 cm", "cm") == 12
    assert read_number("30 s", "s") == 30
    assert read_number("1:30", "s") == 90
    assert str(pytest.raises(NumberError, read_number, "8,5 kg", "cm").value) == (
        "'8,5 kg': read 8.5, then 'kg': expected a number in centimetres"
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 120), st.integers(0, 59), st.sampled_from(["", " s", "s", " sec"]))
def test_minutes_and_seconds_where_the_field_is_a_time(
    minutes: int, seconds: int, word: str
) -> None:
    assert read_number(f"{minutes}:{seconds:02d}", "s") == minutes * 60 + seconds
    assert read_number(f"{minutes}{word}", "s") == minutes
    with pytest.raises(NumberError, match="for a time"):
        read_number(f"{minutes}:{seconds:02d}", "cm")
    with pytest.raises(NumberError, match="up to 59"):
        read_number(f"{minutes}:{60 + seconds % 40}", "s")


@given(st.integers(-5000, 5000), st.sampled_from([".5", ",25"]))
@settings(max_examples=50, deadline=None)
def test_a_whole_number_refuses_a_fraction(number: int, fraction: str) -> None:
    assert read_whole(f" {number} ") == number
    with pytest.raises(NumberError, match="a whole number"):
        read_whole(f"{number}{fraction}")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59), FOREIGN, st.integers(0, 4))
def test_reminder_times_take_ascii_digits_only(
    hours: int, minutes: int, digit: str, at: int
) -> None:
    clock = f"{hours:02d}:{minutes:02d}"
    assert parse_clock(clock) == hours * 60 + minutes
    broken = clock[:at] + digit + clock[at + 1 :]
    # `0²:30` crashed `supple remind on` and a remind.toml with exit 70: now words.
    for parse in (parse_clock, parse_times, lambda t: parse_hours(f"{t}-23:59")):
        with pytest.raises(RemindError):
            parse(broken)


@settings(max_examples=60, deadline=None)
@given(digit=st.characters(categories=["Nd", "No"]).filter(lambda c: c not in "0123456789"))
def test_the_settings_and_the_check_in_refuse_any_digit_but_0_to_9(digit: str) -> None:
    # The settings screen's seconds and the check-in's rating read through the one reader too.
    from supple.core.config import parse_setting

    kept, problem = parse_setting("get_ready", f"1{digit}")
    assert kept is None and problem is not None and "0-9" in problem
    with pytest.raises(NumberError):
        read_whole(f"{digit}")
