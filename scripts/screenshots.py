"""Regenerate screenshots/*.svg: the app renders each scene of tests/tui/scenes.py itself.

Run from the repository root:  .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.tui.conftest import build_app  # noqa: E402
from tests.tui.scenes import SCENES, play  # noqa: E402

from supple.core.history import HistoryStore  # noqa: E402


async def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for scene in SCENES:
        data_dir = Path(tempfile.gettempdir()) / "supple-snapshot-data"
        shutil.rmtree(data_dir, ignore_errors=True)
        app = build_app(data_dir, start=scene.start, history=scene.history, program=scene.program)
        app.store = HistoryStore(data_dir, token=lambda: "0a1b2c")
        async with app.run_test(size=scene.size) as pilot:
            await play(pilot, scene)
            app.save_screenshot(f"{scene.name}.svg", str(out))
        shutil.rmtree(data_dir, ignore_errors=True)
        print(f"screenshots/{scene.name}.svg")


if __name__ == "__main__":
    asyncio.run(main())
