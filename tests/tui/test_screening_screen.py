"""The screening screen: the answer is said in words beside each tick, not by colour alone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox

from supple.core.screening import SIGNS
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


async def test_ticked_and_unticked_read_differently(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p", "k")
        await settle(pilot)
        boxes = [app.screen.query_one(f"#sign-{s.key.replace('_', '-')}", Checkbox) for s in SIGNS]
        first = boxes[0]
        first.focus()
        await settle(pilot)
        unticked = str(first.render())
        await pilot.press("space")  # tick it
        await settle(pilot)
        ticked = str(first.render())
        assert first.value and "yes" in ticked and "no" in unticked, (ticked, unticked)
        assert ticked.replace("▐", "").replace("▌", "") != unticked.replace("▐", "").replace(
            "▌", ""
        )
        assert all(not b.value and "no" in str(b.render()) for b in boxes[1:])


async def test_program_screen_keeps_the_warning_until_cleared(data_dir: Path) -> None:
    from datetime import UTC, datetime

    from supple.core import screening

    answered = screening.answered(frozenset({"weight_loss"}), 2, datetime.now(UTC), None)
    screening.save(data_dir, answered)
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        line = str(app.screen.query_one("#program-screening").render())
        assert "soon, before exercising" in line and "emergency" not in line, line
        assert "(k: your answers)" in line and "`" not in line, line
