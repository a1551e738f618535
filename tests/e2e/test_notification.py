"""A real reminder on a virtual desktop (Xvfb + a private D-Bus session + dunst): `supple nudge`
run as a timer runs it finds the session bus by itself, returns at once, and the notification
says what is due; the screen is captured as a PNG (scripts/notification_shot.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.e2e


def _load_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "notification_shot", REPO / "scripts" / "notification_shot.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["notification_shot"] = module
    spec.loader.exec_module(module)
    return module


shot_script = _load_script()
MISSING = shot_script.missing()  # type: ignore[attr-defined]


@pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} (xvfb, dunst, ...)")
def test_a_real_notification_is_shown_and_captured(tmp_path: Path) -> None:
    png = tmp_path / "notification.png"
    shot = shot_script.shoot(png)  # type: ignore[attr-defined]
    assert shot.shown == 1
    assert shot.seconds < 5  # the Start action waits in a detached child, not in the nudge
    (note,) = shot.notifications
    assert note["appname"] == "supple"
    assert note["summary"] == "supple: time to move"
    assert note["body"] == (
        "Workout 11 of 18 — Lower back mobility, intermediate, 10 min; the middle tests are due"
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == shot_script.SCREEN  # type: ignore[attr-defined]
    assert len(data) > 3000  # text drawn, not an empty black screen
