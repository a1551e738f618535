"""Regenerate screenshots/*.svg: the app renders each scene of tests/tui/scenes.py itself.

Run from the repository root:  .venv/bin/python scripts/screenshots.py [--browser]
With --browser it also serves the app (`supple serve`) and has a headless Chromium take
screenshots/browser.png (needs Debian's chromium). With --report alone it writes only
screenshots/report.png: `supple report` over a synthetic history, in headless Chromium.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.tui.gallery import AREAS, FigureGallery, size  # noqa: E402
from tests.tui.scenes import SCENES, play, scene_app  # noqa: E402

from supple.core.history import HistoryStore  # noqa: E402


async def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for scene in SCENES:
        # Settings and remembered state of its own for each scene (the focus view is
        # remembered; the person's own must not leak in, nor a scene's into the next).
        for name in ("SUPPLE_CONFIG_DIR", "SUPPLE_STATE_DIR"):
            os.environ[name] = tempfile.mkdtemp(prefix="supple-screenshot-")
        data_dir = Path(tempfile.gettempdir()) / "supple-snapshot-data"
        shutil.rmtree(data_dir, ignore_errors=True)
        app = scene_app(scene, data_dir)
        async with app.run_test(size=scene.size) as pilot:
            await play(pilot, scene)
            app.save_screenshot(f"{scene.name}.svg", str(out))
        shutil.rmtree(data_dir, ignore_errors=True)
        print(f"screenshots/{scene.name}.svg")
    for area in AREAS:
        gallery = FigureGallery(area)
        async with gallery.run_test(size=size(area)) as pilot:
            await pilot.pause()
            gallery.save_screenshot(f"figures-{area}.svg", str(out))
        print(f"screenshots/figures-{area}.svg")


def browser_screenshot() -> None:
    from tests.e2e.cdp import APP_CONNECTED, browse, serving

    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "SUPPLE_DATA_DIR": f"{tmp}/data",
            "SUPPLE_CONFIG_DIR": f"{tmp}/c",
            "SUPPLE_STATE_DIR": f"{tmp}/s",
        }
        with serving(Path(sys.executable).parent / "supple", env) as served:
            browse(  # a session in the browser: Enter starts the first routine
                served.url,
                APP_CONNECTED,
                shot=ROOT / "screenshots" / "browser.png",
                window=(1400, 860),
                keys=("Enter",),
                then_wait=7.5,
            )
    print("screenshots/browser.png")


def report_screenshot() -> None:
    """`supple report` over a synthetic program and history, as Chromium draws it."""
    import subprocess

    from tests.fakes import fake_program, fake_week
    from tests.tui.conftest import WALL

    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "SUPPLE_DATA_DIR": f"{tmp}/data",
            "SUPPLE_CONFIG_DIR": f"{tmp}/c",
            "SUPPLE_STATE_DIR": f"{tmp}/s",
        }
        fake_program(Path(f"{tmp}/data"), WALL, workouts=10, points=2)
        fake_week(HistoryStore(Path(f"{tmp}/data")), WALL, pain=True)
        env["PYTHONPATH"] = str(ROOT / "src")  # this tree's supple, whichever is installed
        supple = [sys.executable, "-m", "supple"]
        answers = ["screening", "--answer", "no-signs", "--usual-pain", "3"]
        subprocess.run([*supple, *answers], env=env, check=True, capture_output=True)
        page = Path(tmp) / "report.html"
        subprocess.run(
            [*supple, "report", "--to", str(page)], env=env, check=True, capture_output=True
        )
        shot = ROOT / "screenshots" / "report.png"
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={shot}",
                "--window-size=1000,1400",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            env=env | {"HOME": tmp},
        )
    print("screenshots/report.png")


if __name__ == "__main__":
    if sys.argv[1:] == ["--report"]:
        report_screenshot()
        sys.exit(0)
    asyncio.run(main())
    if "--browser" in sys.argv:
        browser_screenshot()
    if "--report" in sys.argv:
        report_screenshot()
