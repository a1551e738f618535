"""Plain mode's words (issue 27, item 3): the one output filter, and the lines a phase says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.plain import breath_line, noise, plain, seconds_words

NOISY = st.characters(min_codepoint=0x2500, max_codepoint=0x259F) | st.characters(
    min_codepoint=0x2800, max_codepoint=0x28FF
)


@settings(max_examples=150)
@given(st.text(st.characters() | NOISY | st.sampled_from("\x1b\x07\r\n\t\x9b")))
def test_the_filter_lets_out_printable_text_and_newlines_only(text: str) -> None:
    out = plain(text)
    assert all(c == "\n" or c.isprintable() for c in out)
    assert not any(0x2500 <= ord(c) <= 0x259F or 0x2800 <= ord(c) <= 0x28FF for c in out)
    assert "\x1b" not in out and "\x07" not in out


@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")).filter(
            lambda c: not noise(c) and c.isprintable()
        )
    )
)
def test_the_filter_leaves_plain_text_as_it_is(text: str) -> None:
    assert plain(text) == text


def test_the_filter_blanks_figures_and_box_drawing() -> None:
    assert plain("▄▀ ┌─┐ ⣿ ok") == " " * 9 + "ok"
    assert plain("\U0003134b") == "\\u3134b"  # unassigned: its code
    assert plain("red \x1b[31m") == "red \\x1b[31m"


def test_seconds_are_said_in_words() -> None:
    assert [seconds_words(s) for s in (30, 29.2, 60, 90, 1, 0)] == [
        "30 seconds",
        "30 seconds",
        "1 minute",
        "1 minute 30 seconds",
        "1 second",
        "0 seconds",
    ]


def test_a_breath_phase_says_its_cue() -> None:
    assert breath_line("inhale", "cow") == "Inhale, cow."
    assert breath_line("exhale", "") == "Exhale."
    assert breath_line("inhale", "Inhale — cow: belly sinks") == "Inhale — cow: belly sinks."
