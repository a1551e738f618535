"""Reminders on the person's system: the systemd user timer (or a crontab block, or a launchd
agent) that runs ``supple nudge``, the settings file it reads, and the desktop notification.

Every path comes from the environment (HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR) and every outside
command (systemctl, crontab, launchctl, notify-send, osascript, a terminal) goes through one
``Runner``, so tests point it all at a temporary home and a fake runner.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from supple.core.nudge import (
    DAY_NAMES,
    Decision,
    RemindError,
    RemindSettings,
    clock_text,
)

UNIT = "supple-nudge"
LABEL = "supple.nudge"  # the launchd agent's label
CRON_BEGIN = "# >>> supple reminders: `supple remind off` removes this block >>>"
CRON_END = "# <<< supple reminders <<<"
SYSTEMD_STATES = ("running", "degraded", "starting", "initializing", "maintenance")
TERMINALS = ("x-terminal-emulator", "gnome-terminal", "konsole", "xterm")
ANSWER_TIMEOUT = 2 * 60 * 60  # the child waiting for a click gives up after two hours
PASSED_ON = (
    "SUPPLE_CONFIG_DIR",
    "SUPPLE_DATA_DIR",
    "SUPPLE_STATE_DIR",
    "SUPPLE_CACHE_DIR",
    # platformdirs follows these where supple's own are not set: the nudge must too
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_CACHE_HOME",
)


# -- the runner ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    code: int
    out: str = ""
    err: str = ""


class Runner(Protocol):
    """How supple runs outside commands (tests hand in a fake)."""

    def which(self, name: str) -> str | None: ...

    def run(
        self,
        argv: Sequence[str],
        *,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result: ...

    def spawn(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> None:
        """Start ``argv`` detached (its own session, no terminal) and return at once."""
        ...


class SystemRunner:
    """The real commands, each with a timeout so that nothing blocks a timer."""

    timeout = 20.0

    def which(self, name: str) -> str | None:
        return shutil.which(name)

    def run(
        self,
        argv: Sequence[str],
        *,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result:
        try:
            done = subprocess.run(
                list(argv),
                input=input,
                capture_output=True,
                text=True,
                env=dict(env) if env is not None else None,
                timeout=self.timeout,
                check=False,
                stdin=None if input is not None else subprocess.DEVNULL,
            )
        except FileNotFoundError:
            return Result(127, "", f"{argv[0]}: not found")
        except (OSError, subprocess.TimeoutExpired) as error:
            return Result(126, "", str(error))
        return Result(done.returncode, done.stdout, done.stderr)

    def spawn(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> None:
        subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=dict(env) if env is not None else None,
        )


def default_runner() -> Runner:
    """The runner the commands use (tests replace this function)."""
    return SystemRunner()


# -- where things are ---------------------------------------------------------------------


@dataclass(frozen=True)
class Places:
    """Where the reminder files go, from an environment (os.environ, or a test's)."""

    env: Mapping[str, str]
    platform: str = sys.platform
    uid: int = field(default_factory=lambda: os.getuid() if hasattr(os, "getuid") else 0)

    @property
    def home(self) -> Path:
        return Path(self.env.get("HOME") or Path.home())

    @property
    def config_home(self) -> Path:
        raw = self.env.get("XDG_CONFIG_HOME", "")
        return Path(raw) if raw and Path(raw).is_absolute() else self.home / ".config"

    @property
    def runtime_dir(self) -> Path:
        raw = self.env.get("XDG_RUNTIME_DIR", "")
        return Path(raw) if raw else Path(f"/run/user/{self.uid}")

    @property
    def systemd_dir(self) -> Path:
        return self.config_home / "systemd" / "user"

    @property
    def timer(self) -> Path:
        return self.systemd_dir / f"{UNIT}.timer"

    @property
    def service(self) -> Path:
        return self.systemd_dir / f"{UNIT}.service"

    @property
    def plist(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LABEL}.plist"

    @property
    def macos(self) -> bool:
        return self.platform == "darwin"


def places() -> Places:
    """Where things are for this process (tests replace this function)."""
    return Places(os.environ)


def settings_path(config_dir: Path) -> Path:
    """The reminder settings: a small file of their own beside config.toml."""
    return config_dir / "remind.toml"


def load_settings(path: Path) -> tuple[RemindSettings, str | None]:
    """The saved settings (off if there is no file), and what is wrong with the file if it
    cannot be used (then: off)."""
    import tomllib

    from supple.core.files import MAX_SETTINGS_BYTES, read_capped

    if not path.exists():
        return RemindSettings(), None
    try:
        data = tomllib.loads(read_capped(path, MAX_SETTINGS_BYTES).decode("utf-8"))
        return RemindSettings.from_toml(data), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RemindError) as error:
        return RemindSettings(), f"{path}: {error}"


def save_settings(path: Path, settings: RemindSettings) -> None:
    import tomli_w

    from supple.core.files import atomic_write

    atomic_write(path, tomli_w.dumps(settings.to_toml()).encode("utf-8"))


# -- the command the timer runs -------------------------------------------------------------


def nudge_command(python: str | None = None) -> list[str]:
    return [python or sys.executable, "-m", "supple", "nudge"]


CRON_DAEMONS = ("cron", "crond", "cronie", "fcron", "dcron", "busybox")


def cron_running(proc: Path = Path("/proc")) -> bool:
    """A cron daemon seems to be running (Linux: a process of that name); True where there
    is no /proc to look in, since then it cannot be told."""
    if not proc.is_dir():
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        if name in CRON_DAEMONS:
            return True
    return False


def passed_on(env: Mapping[str, str]) -> dict[str, str]:
    """supple's folder overrides in force now, so the nudge reads the same folders."""
    return {k: env[k] for k in PASSED_ON if env.get(k)}


def _systemd_quote(word: str, *, command: bool = True) -> str:
    """One word of a systemd command line (or an Environment= value): quoted, with
    specifiers (%) and, in a command, variables ($) written so systemd leaves them be."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped.replace("$", "$$")}"' if command else f'"{escaped}"'


def _calendar_days(days: tuple[int, ...]) -> str:
    """Weekday numbers as an OnCalendar day list: ``Mon..Fri``, ``Mon,Wed,Fri..Sun``."""
    names = [d.capitalize() for d in DAY_NAMES]
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(names[r[0]] if len(r) == 1 else f"{names[r[0]]}..{names[r[-1]]}" for r in runs)


def on_calendar(settings: RemindSettings) -> list[str]:
    """One OnCalendar= value per time: ``Mon..Fri *-*-* 07:30:00`` (no days: every day)."""
    days = "" if len(settings.days) == 7 else _calendar_days(settings.days) + " "
    return [f"{days}*-*-* {clock_text(m)}:00" for m in settings.at]


def timer_text(settings: RemindSettings) -> str:
    lines = [
        "# Written by `supple remind on`; `supple remind off` removes it.",
        "[Unit]",
        f"Description=supple reminders ({settings.describe()})",
        "",
        "[Timer]",
        *(f"OnCalendar={spec}" for spec in on_calendar(settings)),
        "# A time missed while the computer slept or was off is caught up when it wakes;",
        "# `supple nudge` stays silent then if it is outside the reminder hours.",
        "Persistent=true",
        "AccuracySec=1min",
        f"Unit={UNIT}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ]
    return "\n".join(lines)


def service_text(command: Sequence[str], env: Mapping[str, str]) -> str:
    lines = [
        "# Written by `supple remind on`; `supple remind off` removes it.",
        "[Unit]",
        "Description=supple: a nudge when a workout is due",
        "",
        "[Service]",
        "Type=oneshot",
        "ExecStart=" + " ".join(_systemd_quote(w) for w in command),
        *(
            f"Environment={_systemd_quote(f'{k}={v}', command=False)}"
            for k, v in sorted(env.items())
        ),
        "# The nudge leaves one small process waiting for a click on Start: keep it when the",
        "# nudge itself has exited.",
        "KillMode=process",
        "",
    ]
    return "\n".join(lines)


def _cron_quote(word: str) -> str:
    """A word for a crontab line: shell single quotes, with % (a newline to cron) escaped."""
    quoted = "'" + word.replace("'", "'\\''") + "'"
    return quoted.replace("%", "\\%")


def cron_block(settings: RemindSettings, command: Sequence[str], env: Mapping[str, str]) -> str:
    """The crontab lines: one per time, days as cron numbers (Sunday 0)."""
    days = "*" if len(settings.days) == 7 else ",".join(str((d + 1) % 7) for d in settings.days)
    prefix = "".join(f"{k}={_cron_quote(v)} " for k, v in sorted(env.items()))
    run = prefix + " ".join(_cron_quote(w) for w in command) + " >/dev/null 2>&1"
    lines = [CRON_BEGIN]
    lines += [f"{m % 60} {m // 60} * * {days} {run}" for m in settings.at]
    lines.append(CRON_END)
    return "\n".join(lines) + "\n"


def without_block(crontab: str) -> str:
    """The crontab with supple's block taken out, every other line exactly as it was."""
    kept: list[str] = []
    inside = False
    for line in crontab.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if bare == CRON_BEGIN:
            inside = True
        elif inside and bare == CRON_END:
            inside = False
        elif not inside:
            kept.append(line)
    return "".join(kept)


def with_block(crontab: str, block: str) -> str:
    rest = without_block(crontab)
    if rest and not rest.endswith("\n"):
        rest += "\n"
    return rest + block


def plist_data(
    settings: RemindSettings, command: Sequence[str], env: Mapping[str, str]
) -> dict[str, object]:
    """The launchd agent: one StartCalendarInterval entry per time and day (launchd runs a
    missed one when the Mac wakes)."""
    entries: list[dict[str, int]] = []
    for minute in settings.at:
        at = {"Hour": minute // 60, "Minute": minute % 60}
        if len(settings.days) == 7:
            entries.append(at)
        else:
            entries += [{**at, "Weekday": (d + 1) % 7} for d in settings.days]
    data: dict[str, object] = {
        "Label": LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": entries,
        "RunAtLoad": False,
    }
    if env:
        data["EnvironmentVariables"] = dict(env)
    return data


# -- installing and removing --------------------------------------------------------------


class InstallError(Exception):
    """Reminders could not be turned on (or off), in words for the person."""


def systemd_running(runner: Runner, places: Places) -> bool:
    """A systemd manager runs for this user (so a user timer will fire)."""
    if runner.which("systemctl") is None:
        return False
    state = runner.run(["systemctl", "--user", "is-system-running"], env=_bus_env(places))
    return state.out.strip() in SYSTEMD_STATES


def _bus_env(places: Places) -> dict[str, str]:
    """The environment with the user's bus, for systemctl --user from a plain shell."""
    env = dict(places.env)
    if "XDG_RUNTIME_DIR" not in env and places.runtime_dir.is_dir():
        env["XDG_RUNTIME_DIR"] = str(places.runtime_dir)
    return env


def choose_scheduler(runner: Runner, places: Places) -> str:
    """launchd on macOS; systemd where it runs for the user; else cron; else InstallError."""
    if places.macos:
        return "launchd"
    if systemd_running(runner, places):
        return "systemd"
    if runner.which("crontab") is not None:
        return "cron"
    raise InstallError(
        "neither a systemd user manager nor cron is running here, so nothing could run "
        "`supple nudge` at the chosen times"
    )


def _check(result: Result, what: str) -> None:
    if result.code != 0:
        detail = (result.err or result.out).strip().splitlines()
        raise InstallError(f"{what} failed: {detail[-1] if detail else f'exit {result.code}'}")


def read_crontab(runner: Runner) -> str:
    listed = runner.run(["crontab", "-l"])
    # No crontab yet is exit 1 with "no crontab for USER": an empty one.
    return listed.out if listed.code == 0 else ""


def install(
    settings: RemindSettings,
    runner: Runner,
    places: Places,
    *,
    command: Sequence[str] | None = None,
    scheduler: str | None = None,
) -> RemindSettings:
    """Write and enable what runs ``supple nudge`` at the chosen times (replacing what was
    there); the settings with the scheduler used. InstallError if it cannot."""
    command = list(command or nudge_command())
    env = passed_on(places.env)
    chosen = scheduler or choose_scheduler(runner, places)
    if chosen == "systemd":
        from supple.core.files import atomic_write

        places.systemd_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(places.service, service_text(command, env).encode("utf-8"))
        atomic_write(places.timer, timer_text(settings).encode("utf-8"))
        bus = _bus_env(places)
        try:
            _check(runner.run(["systemctl", "--user", "daemon-reload"], env=bus), "systemctl")
            _check(
                runner.run(["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"], env=bus),
                "systemctl enable",
            )
        except InstallError:
            for unit in (places.timer, places.service):  # nothing half-installed left
                unit.unlink(missing_ok=True)
            raise
    elif chosen == "cron":
        block = cron_block(settings, command, env)
        _check(
            runner.run(["crontab", "-"], input=with_block(read_crontab(runner), block)), "crontab"
        )
    elif chosen == "launchd":
        import plistlib

        from supple.core.files import atomic_write

        places.plist.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(places.plist, plistlib.dumps(plist_data(settings, command, env)))
        domain = f"gui/{places.uid}"
        runner.run(["launchctl", "bootout", f"{domain}/{LABEL}"])  # an older one, if loaded
        _check(runner.run(["launchctl", "bootstrap", domain, str(places.plist)]), "launchctl")
    else:
        raise InstallError(f"unknown scheduler '{chosen}'")
    return replace(settings, on=True, scheduler=chosen)


def uninstall(runner: Runner, places: Places) -> list[str]:
    """Remove every trace of reminders, whichever scheduler put them there; what was removed."""
    removed: list[str] = []
    if places.timer.exists() or places.service.exists():
        if runner.which("systemctl") is not None:
            runner.run(
                ["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"], env=_bus_env(places)
            )
        for path in (places.timer, places.service):
            if path.exists():
                path.unlink()
                removed.append(str(path))
        if runner.which("systemctl") is not None:
            runner.run(["systemctl", "--user", "daemon-reload"], env=_bus_env(places))
    if places.plist.exists():
        runner.run(["launchctl", "bootout", f"gui/{places.uid}/{LABEL}"])
        places.plist.unlink()
        removed.append(str(places.plist))
    if runner.which("crontab") is not None:
        crontab = read_crontab(runner)
        rest = without_block(crontab)
        if rest != crontab:
            if rest.strip():
                _check(runner.run(["crontab", "-"], input=rest), "crontab")
            else:  # the block was all there was: no crontab at all, as before
                _check(runner.run(["crontab", "-r"]), "crontab -r")
            removed.append("the supple block of your crontab")
    return removed


def installed(runner: Runner, places: Places) -> list[str]:
    """What is in place now (files, the crontab block), for `remind status`."""
    found = [str(p) for p in (places.timer, places.service, places.plist) if p.exists()]
    if runner.which("crontab") is not None and CRON_BEGIN in read_crontab(runner):
        found.append("a block in your crontab")
    return found


# -- the desktop --------------------------------------------------------------------------


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
            key, _, value = line.partition("=")
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


def notify(decision: Decision, runner: Runner, env: Mapping[str, str], places: Places) -> str:
    """Show the decision's notification; never waits for the person. What was done."""
    if places.macos:
        script = (
            f"display notification {_applescript(decision.message)} "
            f"with title {_applescript(decision.title)}"
        )
        runner.run(["osascript", "-e", script], env=env)
        return "notified (osascript)"
    notify_send = runner.which("notify-send")
    if notify_send is None:
        return "no notify-send: install libnotify-bin (Debian, Ubuntu) or libnotify"
    argv = [notify_send, "--app-name=supple", "--icon=appointment-soon", "--urgency=normal"]
    if (
        decision.routine
        and decision.level
        and supports_actions(runner, notify_send)
        and (terminal := terminal_command(runner, play_command(decision.routine, decision.level)))
    ):
        # --action makes notify-send wait for the answer: a detached child waits instead, so
        # the timer's job ends now.
        asked = [*argv, "--action=start=Start", "--", decision.title, decision.message]
        child = [sys.executable, "-m", "supple.system.reminders", json.dumps([asked, terminal])]
        runner.spawn(child, env=env)
        return "notified, with a Start action"
    result = runner.run([*argv, "--", decision.title, decision.message], env=env)
    if result.code != 0:
        return f"notify-send failed: {(result.err or result.out).strip()}"
    return "notified"


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


if __name__ == "__main__":  # python -m supple.system.reminders JSON: the child nudge leaves behind
    raise SystemExit(_child_main(sys.argv[1:]))
