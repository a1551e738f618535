"""History at scale: 10,000 sessions, one file each. Prints figures; not a pytest test.

Run from the repository root:  .venv/bin/python tests/perf/bench_history.py [--sessions N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import tomli_w  # noqa: E402
from tests.fakes import make_record  # noqa: E402

from supple.core.history import HistoryStore  # noqa: E402

END = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def seed(store: HistoryStore, count: int) -> None:
    """Plain writes for speed: the store's own atomic writes are not what is measured."""
    at = END
    for n in range(count):
        at -= timedelta(hours=7 + n % 20)
        path = store.path_for("back-pain-relief", at)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tomli_w.dumps(make_record(at, after=n % 11)).encode())


def timed(fn, runs: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


async def first_rows(data_dir: Path) -> float:
    """From the key press to the moment the first rows are put in the table (the app's own
    clock, read inside the app: the pilot's press waits for all loading to finish)."""
    from tests.tui.conftest import build_app

    from supple.tui.screens.history import HistoryScreen

    shown: list[float] = []
    original = HistoryScreen.show

    def show(self: HistoryScreen) -> None:
        original(self)
        if self.records and not shown:
            shown.append(time.perf_counter())

    HistoryScreen.show = show  # type: ignore[method-assign]
    try:
        app = build_app(data_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            start = time.perf_counter()
            await pilot.press("h")
            await app.workers.wait_for_complete()
            return (shown[0] - start) * 1000
    finally:
        HistoryScreen.show = original  # type: ignore[method-assign]


def row(name: str, values: list[float], target: str) -> None:
    print(
        f"{name:<44} {statistics.median(values):>9.0f} {min(values):>7.0f} "
        f"{max(values):>7.0f}   {target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = HistoryStore(data)
        t = time.perf_counter()
        seed(store, args.sessions)
        print(
            f"{args.sessions} sessions written in {time.perf_counter() - t:.1f} s "
            f"({sum(f.stat().st_size for f in store.session_files()) / 1e6:.1f} MB)"
        )
        print(f"{'figure (ms)':<44} {'median':>9} {'min':>7} {'max':>7}   target")

        def cold() -> None:
            store.index_path.unlink(missing_ok=True)
            store.load()

        row("load, no index (parse every file)", timed(cold), "")
        store.load()
        row("load, with index", timed(store.load), "")
        supple = Path(sys.executable).parent / "supple"
        env = os.environ | {"SUPPLE_DATA_DIR": str(data)}

        def cli() -> None:
            subprocess.run(
                [str(supple), "history", "--json"], env=env, check=True, stdout=subprocess.DEVNULL
            )

        row("supple history --json (index warm)", timed(cli), "≤ 2000")

        def cli_cold() -> None:
            store.index_path.unlink(missing_ok=True)
            cli()

        row("supple history --json (no index)", timed(cli_cold, 3), "≤ 2000")
        row(
            "history screen: first rows shown",
            [asyncio.run(first_rows(data)) for _ in range(5)],
            "≤ 300",
        )


if __name__ == "__main__":
    main()
