"""A real reminder on a real (virtual) desktop: Xvfb, a private D-Bus session and dunst, then
`supple nudge` run the way a timer runs it (no DISPLAY, no DBUS_SESSION_BUS_ADDRESS: it finds
the bus in XDG_RUNTIME_DIR), and the screen captured to screenshots/notification.png.

Run from the repository root:  .venv/bin/python scripts/notification_shot.py [OUT.png]
Needs Debian's xvfb, dunst, libnotify-bin, dbus and imagemagick. The end-to-end test
(tests/e2e/test_notification.py) runs the same `shoot()`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes import fake_program  # noqa: E402

from supple.core.nudge import RemindSettings  # noqa: E402
from supple.system.reminders import save_settings  # noqa: E402

NEEDED = ("Xvfb", "dunst", "dunstctl", "notify-send", "dbus-daemon", "import")
SCREEN = (680, 170)
DUNSTRC = """\
[global]
    monitor = 0
    follow = none
    width = 600
    height = 200
    origin = top-center
    offset = 0x24
    font = DejaVu Sans 13
    frame_width = 2
    corner_radius = 6
    padding = 14
    horizontal_padding = 18
    format = "<b>%s</b>\\n%b"
    markup = full
    show_indicators = yes
    icon_position = off
    word_wrap = yes

[urgency_normal]
    background = "#263238"
    foreground = "#eceff1"
    frame_color = "#80cbc4"
    timeout = 0
"""


def missing() -> list[str]:
    return [name for name in NEEDED if shutil.which(name) is None]


@dataclass(frozen=True)
class Shot:
    """What the desktop showed: the notifications dunst had on screen, as dunstctl reports
    them once closed (summary, body, actions), and the picture."""

    shown: int
    notifications: list[dict[str, object]]
    png: Path
    seconds: float  # how long `supple nudge` took: it must not wait for a click


def _wait(what: str, ready: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(ready) and ready():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not start within {timeout:g} s")


@contextmanager
def _process(argv: list[str], **kw: object) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(argv, text=True, **kw)  # type: ignore[call-overload]
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _dunst_list(env: dict[str, str]) -> list[dict[str, object]]:
    shown = subprocess.run(
        ["dunstctl", "history"], env=env, capture_output=True, text=True, check=False
    )
    if shown.returncode != 0:
        return []
    data = json.loads(shown.stdout)["data"][0]
    return [{k: v.get("data") for k, v in item.items()} for item in data]


def shoot(out: Path) -> Shot:
    """Show a real nudge under Xvfb + dunst and capture the screen to ``out``."""
    work = Path(tempfile.mkdtemp(prefix="supple-notification-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    home = work / "home"
    home.mkdir()
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, work, True)
        xvfb = stack.enter_context(
            _process(
                [
                    "Xvfb",
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    f"{SCREEN[0]}x{SCREEN[1]}x24",
                    "-nolisten",
                    "tcp",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        )
        assert xvfb.stdout is not None
        display = f":{xvfb.stdout.readline().strip()}"
        bus_address = f"unix:path={runtime / 'bus'}"
        stack.enter_context(
            _process(
                ["dbus-daemon", "--session", "--nofork", f"--address={bus_address}"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        _wait("the D-Bus session", (runtime / "bus").exists)
        desktop = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": bus_address,
        }
        rc = work / "dunstrc"
        rc.write_text(DUNSTRC)
        stack.enter_context(
            _process(
                ["dunst", "-config", str(rc)],
                env=desktop,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

        def dunst_up() -> bool:
            check = subprocess.run(
                ["dunstctl", "is-paused"], env=desktop, capture_output=True, check=False
            )
            return check.returncode == 0

        _wait("dunst", dunst_up)

        # A person ten workouts in, the last two days ago, the start tests taken: workout 11
        # is due today, with the middle tests; reminders on all day.
        config, data = work / "config", work / "data"
        fake_program(data, datetime.now().astimezone(), workouts=10, points=1)
        save_settings(
            config / "remind.toml",
            RemindSettings(on=True, at=(600,), hours=(0, 24 * 60), scheduler="systemd"),
        )
        timer_env = {  # what a systemd timer's job has: no DISPLAY, no bus address
            "PATH": desktop["PATH"],
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(runtime),
            "SUPPLE_CONFIG_DIR": str(config),
            "SUPPLE_DATA_DIR": str(data),
            "SUPPLE_STATE_DIR": str(work / "state"),
            "SUPPLE_CACHE_DIR": str(work / "cache"),
            "PYTHONPATH": str(ROOT / "src"),
        }
        started = time.monotonic()
        nudge = subprocess.run(
            [sys.executable, "-m", "supple", "nudge"],
            env=timer_env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        took = time.monotonic() - started
        if nudge.returncode != 0 or nudge.stderr:
            raise RuntimeError(f"supple nudge: exit {nudge.returncode}: {nudge.stderr}")

        def displayed() -> bool:
            count = subprocess.run(
                ["dunstctl", "count", "displayed"],
                env=desktop,
                capture_output=True,
                text=True,
                check=False,
            )
            return count.stdout.strip() not in ("", "0")

        _wait("the notification", displayed)
        time.sleep(0.5)  # drawn, not only queued
        shown = int(
            subprocess.run(
                ["dunstctl", "count", "displayed"],
                env=desktop,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-display", display, "-window", "root", str(out)],
            env=desktop,
            check=True,
            timeout=30,
        )
        subprocess.run(["dunstctl", "close-all"], env=desktop, check=True)
        _wait("the history", lambda: bool(_dunst_list(desktop)), 5)
        notifications = _dunst_list(desktop)
        print(f"supple nudge returned in {took:.2f} s; {shown} shown: {notifications}")
    return Shot(shown, notifications, out, took)


if __name__ == "__main__":
    lacking = missing()
    if lacking:
        sys.exit(
            f"notification_shot: missing {', '.join(lacking)} (apt-get install xvfb dunst "
            "libnotify-bin dbus imagemagick)"
        )
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots" / "notification.png"
    shot = shoot(target)
    print(target)
