"""Every screen state worth a picture, in one list: the snapshot tests and the screenshot script
both play these, so the README's screenshots and the tested screens are the same screens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from supple import i18n
from supple.core.history import HistoryStore
from supple.tui.app import SuppleApp
from tests.tui.conftest import TEST_MACHINE, advance, build_app


@dataclass(frozen=True)
class Scene:
    name: str
    start: tuple[str, str] | None
    steps: tuple[float | str, ...] = ()  # a number advances the fake clock; text presses a key
    size: tuple[int, int] = (100, 30)
    history: bool = False  # a faked week of sessions in the data folder (old scale, then pain)
    program: int = 0  # a started program with this many test points taken (0: none)
    yesterday: bool = False  # one session yesterday evening, pain 4 before and 7 after
    screened: bool = False  # the safety screening answered with no warning sign
    theme: str | None = None  # a theme chosen before the first step (None: the default)
    lang: str | None = None  # a language chosen before the app is built (None: English)


SCENES = (
    Scene("home", None, ("down", "right")),
    Scene("cat-cow-inhale", ("back-pain-relief", "beginner"), (6.5,)),
    Scene("cat-cow-exhale", ("back-pain-relief", "beginner"), (9.5,)),
    Scene("focus-view", ("back-pain-relief", "beginner"), (6.5, "f")),
    Scene("focus-view-large", ("lower-back-mobility", "beginner"), (52.0, "f"), size=(200, 60)),
    Scene("player-large", ("back-pain-relief", "beginner"), (52.0,), size=(200, 60)),
    Scene("hold-last-seconds", ("back-pain-relief", "beginner"), (62.5,)),
    Scene("hold-with-pacer", ("back-pain-relief", "beginner"), (52.0,)),
    Scene("rest-next-up", ("back-pain-relief", "beginner"), (38.0,)),
    Scene("switch-side", ("lower-back-mobility", "beginner"), (67.0,)),
    Scene("paused", ("back-pain-relief", "beginner"), (9.0, "space")),
    Scene("help", ("back-pain-relief", "beginner"), (1.0, "question_mark")),
    Scene("check-in", ("back-pain-relief", "beginner"), (40.0, "n", 60.0, "6")),
    Scene(
        "summary",
        ("back-pain-relief", "beginner"),
        (40.0, "n", 60.0, "6", "tab", *"easier than yesterday", "enter"),
    ),
    Scene("home-with-history", None, history=True),
    Scene("home-large", None, ("down",), size=(200, 60)),
    # Yesterday's session hurt (7 of 10 after): the morning question, then one step easier.
    Scene("morning-question", None, yesterday=True),
    Scene("home-advice", None, ("escape",), yesterday=True, screened=True),
    Scene("home-advice-short", None, ("escape",), size=(60, 20), yesterday=True, screened=True),
    Scene("advice-chooser", None, ("escape", "v"), yesterday=True, screened=True),
    Scene("this-hurts", ("back-pain-relief", "beginner"), (6.5, "exclamation_mark", "7")),
    Scene("history", None, ("h",), history=True),
    Scene("session-detail", None, ("h", "down", "enter"), history=True),
    Scene("stats", None, ("s",), history=True),
    Scene("program", None, ("p",)),
    Scene("program-overhead", None, ("p", "o")),  # the other program, shown with o
    Scene("program-progress", None, ("p",), program=3),
    Scene("mobility-test-measure", None, ("p", "s", *"nnnnnnn", "2", "ctrl+s", "t", *"12")),
    Scene("screening", None, ("p", "s")),
    Scene("progress", None, ("p", "g"), history=True, program=3),
    Scene("progress-small", None, ("p", "g"), size=(60, 20), history=True, program=3),
    Scene("mobility-test-timed", None, ("p", "t", "up", "space", 5.0, 37.4), program=1),
    Scene("too-small", ("back-pain-relief", "beginner"), (1.0,), size=(50, 15)),
    Scene("editor", None, ("c", "down")),
    Scene("build", None, ("b",)),
    Scene("build-short", None, ("b",), size=(60, 20)),
    Scene("library", None, ("l",)),
    Scene("home-de", None, ("down",), lang="de"),
    Scene("cat-cow-inhale-es", ("back-pain-relief", "beginner"), (6.5,), lang="es"),
    Scene("library-short", None, ("l", "down"), size=(60, 20)),
    Scene("editor-problem", None, ("c", "down", "enter", "backspace", "enter"), size=(60, 20)),
    Scene("high-contrast", ("back-pain-relief", "beginner"), (52.0,), theme="high-contrast"),
    Scene("high-contrast-small", None, ("down",), size=(60, 20), theme="high-contrast"),
)


def scene_app(
    scene: Scene, data_dir: Path, *, environment: pytest.MonkeyPatch | None = None
) -> SuppleApp:
    """The app as the scene begins: its language chosen first (the routines' texts are picked
    as they load), its history, program and answers in ``data_dir``, and the session files named
    the same every run (the summary shows the name). ``environment``: the language set in
    ``LANGUAGE`` and read afresh, as a real start reads it, rather than chosen as --lang."""
    if environment is None:
        i18n.choose(scene.lang or "en")
    else:
        environment.setenv("LANGUAGE", scene.lang or "en")
        i18n.reset()
    return build_app(
        data_dir,
        start=scene.start,
        history=scene.history,
        pain=scene.history,
        yesterday=scene.yesterday,
        screened=scene.screened,
        program=scene.program,
        store=HistoryStore(data_dir, token=lambda: "0a1b2c", machine=TEST_MACHINE),
    )


async def play(pilot: Pilot[Any], scene: Scene) -> None:
    if scene.theme is not None:
        pilot.app.theme = scene.theme
    await settle(pilot)
    for step in scene.steps:
        if isinstance(step, str):
            await pilot.press(step)
        else:
            advance(pilot.app, step)  # type: ignore[arg-type]
        await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor would make pictures differ
    # A toast lives a few seconds of real time: on a slow machine it was gone before the picture
    # and on a fast one not, so pictures are taken without toasts (tests of what a toast says
    # read the app's notifications)
    pilot.app.clear_notifications()
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Let screen switches and history workers finish, so every picture is the same."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
