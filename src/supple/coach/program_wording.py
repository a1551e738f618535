"""The words `supple program` and `supple test` show for a test's point, direction and kind,
in the person's language (the values stay English in files, arguments and ``--json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from supple.core.words import point_word as point_word
from supple.i18n import _

if TYPE_CHECKING:
    from supple.core.program import Better, TestKind


def better_words(better: Better) -> str:
    match better:
        case "higher":
            return _("higher is better")
        case "lower":
            return _("lower is better")
        case _:
            assert_never(better)


def kind_word(kind: TestKind) -> str:
    from supple.core.program import TestKind

    match kind:
        case TestKind.TIMED:
            # Translators: a mobility test taken on a stopwatch
            return _("timed")
        case TestKind.MEASURE:
            # Translators: a mobility test whose result is measured and typed in
            return _("measure")
        case _:
            assert_never(kind)
