"""Text that fits: every screen at 60 × 20, 80 × 24 and 100 × 30, with the longest content the
routine format allows (a title of 80 characters, exercise names of 60), shows each word a
person needs there whole, on screen: the footer's keys (a key is shown whole or not at all),
and each screen's own needed words. Read from the rendered screen (the compositor's strips)."""

from __future__ import annotations

import random
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from supple.system import paths
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

SIZES = [(60, 20), (80, 24), (100, 30)]


def _long_words(rng: random.Random, limit: int) -> str:
    """Words of random lengths up to exactly ``limit`` characters (the format's maximum)."""
    words: list[str] = []
    while len(" ".join(words)) < limit:
        words.append(
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 14)))
        )
    return " ".join(words)[:limit].rstrip() + "x" * (limit - len(" ".join(words)[:limit].rstrip()))


def _write_long_routine(seed: int) -> None:
    """The bundled lower-back routine (seven exercises) with the longest title and names."""
    rng = random.Random(seed)
    routine = tomllib.loads((paths.bundled_routines_dir() / "lower-back-mobility.toml").read_text())
    routine.update(id="long", title=_long_words(rng, 80))
    for exercise in routine["exercise"]:
        exercise["name"] = _long_words(rng, 60)
    folder = paths.user_routines_dir()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.toml").write_text(tomli_w.dumps(routine), encoding="utf-8")


def screen_text(app: Any) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_keys(app: Any) -> list[str]:
    """Each key the footer shows, as it should read: its key and its description."""
    shown = []
    for key in app.screen.query("FooterKey"):
        if key.display and key.styles.display != "none":
            shown.append(f"{key.key_display} {key.description}".strip())
    return shown


# The screens, each reached from home by keys (a number moves the fake clock), with the words
# a person needs on it besides the footer's keys.
ROUTES: dict[str, tuple[tuple[str | float, ...], tuple[str, ...]]] = {
    "home": ((), ("Level",)),
    "history": (("h",), ()),
    "stats": (("s",), ()),
    "program": (("p",), ()),
    "settings": (("comma",), ()),
    "player": (("enter", 6.5), ()),
    "paused": (("enter", 9.0, "space"), ("PAUSED",)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("route", list(ROUTES))
async def test_every_needed_word_is_whole_on_screen(
    data_dir: Path, size: tuple[int, int], route: str
) -> None:
    keys, needed = ROUTES[route]
    _write_long_routine(seed=len(route) + size[0])
    app = build_app(data_dir, history=route in {"history", "stats"})  # a week to list
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for step in keys:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                advance(app, step)
            await settle(pilot)
        await pilot.pause()
        text = screen_text(app)
        lines = text.splitlines()
        shown = footer_keys(app)
        assert shown, (route, size)
        for key in shown:  # the footer is the last line: each key it shows is whole there
            assert key in lines[-1], (route, size, key, lines[-1])
        for word in needed:
            assert word in text, (route, size, word, text)
