"""Every terminal size from 20×8 to 250×80, and resizes during a session: no crash, no lost time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from supple.tui.screens.base import TooSmall
from supple.tui.widgets.bigtext import BigText
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

pytestmark = pytest.mark.faults


async def test_random_resizes_during_a_session(data_dir: Path) -> None:
    rng = random.Random(8)
    sizes = [(20, 8), (250, 80), (59, 19), (60, 20), (61, 40), (89, 30), (90, 30), (120, 24)]
    sizes += [(rng.randint(20, 250), rng.randint(8, 80)) for _ in range(30)]
    app = build_app(data_dir, start=("lower-back-mobility", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        elapsed = 0.0
        for width, height in sizes:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            advance(app, 1.5)
            elapsed += 1.5
            small = width < 60 or height < 20
            assert app.screen.query_one(TooSmall).display is small, (width, height)
            assert app.screen.live.session.snapshot().elapsed == elapsed  # type: ignore[attr-defined]
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        advance(app, 0.0)
        # 57 s in: the Knee-to-Chest left hold started at 50 s, 8 s of 15 left.
        assert app.screen.query_one("#timer", BigText).text == "0:08"


@pytest.mark.parametrize("size", [(20, 8), (40, 12), (60, 20), (80, 24), (250, 80)])
async def test_every_screen_at_extreme_sizes(data_dir: Path, size: tuple[int, int]) -> None:
    app = build_app(data_dir, history=True, program=1)
    async with app.run_test(size=size) as pilot:
        for keys in (
            ["h"],
            ["enter"],
            ["escape", "escape"],
            ["s"],
            ["escape"],
            ["p"],
            ["t"],
            ["escape", "escape"],
            ["comma"],
            ["escape"],
            ["question_mark"],
            ["escape"],
            ["enter"],
        ):
            await pilot.press(*keys)
            await settle(pilot)
        advance(app, 30.0)
        await settle(pilot)
        assert app.screen.__class__.__name__ == "PlayerScreen"
