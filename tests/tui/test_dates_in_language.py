"""Dates and decimals in the person's language (issue 28): in German and Spanish, the scenes
that show a date or a number with decimals (a history, stats, a program under way, progress,
a session's page, the morning question, the editor's timings) carry no English weekday or
month abbreviation and no decimal point ("1.5 min"): ``core.words``' ``dated`` and
``decimal`` write them all.

An English abbreviation that is also the language's own is not one to find: German writes
"Jan" "Feb" "Apr" "Aug" "Sep" "Nov" as English does (without a point, so a sentence's full stop
after a date does not double), so German is searched for the English weekdays and the other
months only (an English date always has one: "Tue 24 Nov"); Spanish's months and weekdays are
lower case ("nov", "dom"), so the search is case-sensitive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.tui.scenes import SCENES
from tests.tui.test_pseudo_locale import rendered

ENGLISH_ONLY = "Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mar|May|Jun|Jul|Oct|Dec"
ALSO_GERMAN = "Jan|Feb|Apr|Aug|Sep|Nov"  # German's own too
ENGLISH_DATES = {
    "de": re.compile(rf"\b(?:{ENGLISH_ONLY})\b"),
    "es": re.compile(rf"\b(?:{ENGLISH_ONLY}|{ALSO_GERMAN})\b"),
}
DECIMAL_POINT = re.compile(r"\d\.\d")
# The scenes with a date or a decimal on them, each a different screen (the morning question's
# "Mo 21:05" is dated by the same writer as home's line).
DATED = ("home-with-history", "history", "session-detail", "stats", "program-progress", "progress")


def test_the_searches_find_english_and_pass_the_languages_own() -> None:
    assert ENGLISH_DATES["de"].findall("Tue 24 Nov 2026, Sun 6 Dec") == ["Tue", "Sun", "Dec"]
    assert not ENGLISH_DATES["de"].search("Di, 24. Nov 2026 · So, 6. Dez · März · Mai · Juni")
    assert ENGLISH_DATES["es"].findall("Tue 24 Nov · mar 24 nov") == ["Tue", "Nov"]
    assert not ENGLISH_DATES["es"].search("dom 6 dic 2026 · sept · may · jun")
    assert DECIMAL_POINT.search("1.5 min") and not DECIMAL_POINT.search("1,5 min · 9:30")


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize("name", DATED)
async def test_a_dated_screen_writes_dates_and_decimals_in_the_language(
    name: str, language: str, tmp_path: Path
) -> None:
    scene = next(s for s in SCENES if s.name == name)
    [(rows, _cut)] = await rendered(scene, [scene.size], language, tmp_path)
    # A file's path, wrapped or not (a session's file name has a point between digits), is not
    # a number.
    words = (word for row in rows for word in row.split())
    text = " ".join(w for w in words if "/" not in w and not w.endswith(".toml"))
    assert not ENGLISH_DATES[language].findall(text), "\n".join(rows)
    assert not DECIMAL_POINT.findall(text), "\n".join(rows)
