"""The desktop notification a due reminder shows (notify-send, or osascript on macOS), found
from a timer that has no DISPLAY, and the detached child that waits for its Start button."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence

from supple.core.nudge import Decision
from supple.i18n import _, p_
from supple.system.reminders import Places
from supple.system.runner import Runner, SystemRunner

TERMINALS = ("x-terminal-emulator", "gnome-terminal", "konsole", "xterm")
ANSWER_TIMEOUT = 2 * 60 * 60  # the child waiting for a click gives up after two hours


def desktop_env(runner: Runner, places: Places) -> dict[str, str] | None:
    """The environment to notify the person's desktop from a timer (which has neither
    DISPLAY nor DBUS_SESSION_BUS_ADDRESS): their session bus, and DISPLAY from the systemd
    user manager where it has one. None when there is no desktop (ssh, a server)."""
    env = dict(places.env)
    if places.macos:
        return env  # osascript reaches the logged-in session by itself
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        bus = places.runtime_dir / "bus"
        if bus.exists():
            env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    no_display = not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")
    if no_display and runner.which("systemctl") is not None:
        shown = runner.run(["systemctl", "--user", "show-environment"], env=env)
        for line in shown.out.splitlines() if shown.code == 0 else ():
            key, _eq, value = line.partition("=")
            if key in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY") and value:
                env.setdefault(key, value)
    if not env.get("DBUS_SESSION_BUS_ADDRESS") and not env.get("DISPLAY"):
        return None
    return env


def play_command(routine: str, level: str, python: str | None = None) -> list[str]:
    return [python or sys.executable, "-m", "supple", "play", routine, "--level", level]


def terminal_command(runner: Runner, inner: Sequence[str]) -> list[str] | None:
    """A terminal window running ``inner``: the first of x-terminal-emulator, gnome-terminal,
    konsole, xterm found."""
    for name in TERMINALS:
        found = runner.which(name)
        if found is not None:
            if name == "gnome-terminal":
                return [found, "--", *inner]
            return [found, "-e", *inner]
    return None


def supports_actions(runner: Runner, notify_send: str) -> bool:
    """notify-send has --action (libnotify 0.7.10 and later)."""
    shown = runner.run([notify_send, "--help"])
    return "--action" in shown.out


def notify(
    decision: Decision, runner: Runner, env: Mapping[str, str], places: Places
) -> tuple[bool, str]:
    """Show the decision's notification; never waits for the person. Whether it was shown, and
    what was done (in words: the problem when it was not)."""
    title, message = plain(decision.title), plain(decision.message)
    if places.macos:
        script = f"display notification {_applescript(message)} with title {_applescript(title)}"
        runner.run(["osascript", "-e", script], env=env)
        return True, "notified (osascript)"
    notify_send = runner.which("notify-send")
    if notify_send is None:
        return False, _("no notify-send: install libnotify-bin (Debian, Ubuntu) or libnotify")
    argv = [notify_send, "--app-name=supple", "--icon=appointment-soon", "--urgency=normal"]
    if (
        decision.routine
        and decision.level
        and supports_actions(runner, notify_send)
        and (terminal := terminal_command(runner, play_command(decision.routine, decision.level)))
    ):
        # --action makes notify-send wait for the answer: a detached child waits instead, so
        # the timer's job ends now.
        # Translators: the button of a reminder's notification that starts the workout
        button = p_("notification", "Start")
        asked = [*argv, f"--action=start={button}", "--", title, body_markup(message)]
        child = [sys.executable, "-m", "supple.system.desktop", json.dumps([asked, terminal])]
        runner.spawn(child, env=env)
        return True, "notified, with a Start action"
    result = runner.run([*argv, "--", title, body_markup(message)], env=env)
    if result.code != 0:
        said = _("notify-send failed: {reason}")
        return False, said.format(reason=(result.err or result.out).strip())
    return True, "notified"


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def plain(text: str) -> str:
    """A notification's text with no control character but the newline (each other one, a
    tab included, as a space): a notification server shows it, it does not interpret it."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def body_markup(text: str) -> str:
    """``plain(text)`` as a notify-send body: servers read the body as a subset of HTML, so
    ``&``, ``<`` and ``>`` are written as entities and no tag or link is ever made of it."""
    return plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wait_for_answer(
    asked: Sequence[str],
    terminal: Sequence[str],
    spawn: Callable[[Sequence[str]], object] | None = None,
) -> int:
    """In the detached child: show the notification, wait for a click, open the terminal
    (with ``spawn``: the tests' recorder; else a detached process of its own)."""
    try:
        answer = subprocess.run(
            list(asked),
            capture_output=True,
            text=True,
            timeout=ANSWER_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return 0
    if answer.stdout.strip() == "start":
        (spawn or SystemRunner().spawn)(terminal)
    return 0


def _child_main(argv: Sequence[str]) -> int:
    asked, terminal = json.loads(argv[0])
    return wait_for_answer(asked, terminal)


if __name__ == "__main__":  # python -m supple.system.desktop JSON: the child nudge leaves behind
    raise SystemExit(_child_main(sys.argv[1:]))
