"""Reminders on the person's system: the systemd user timer (or a crontab block, or a launchd
agent) that runs ``supple nudge``, and the settings file it reads. The notification it shows is
supple.system.desktop; the commands it runs go through supple.system.runner.

Every path comes from the environment (HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR) and every outside
command (systemctl, crontab, launchctl) goes through one ``Runner``, so tests point it all at a
temporary home and a fake runner.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from supple.core.nudge import DAY_NAMES, RemindError, RemindSettings, clock_text, day_runs
from supple.core.value import field, replace, value_class
from supple.i18n import _
from supple.system.environment import refused, value
from supple.system.paths import home
from supple.system.runner import Result, Runner, SystemRunner

UNIT = "supple-nudge"
LABEL = "supple.nudge"  # the launchd agent's label
CRON_BEGIN = "# >>> supple reminders: `supple remind off` removes this block >>>"
CRON_END = "# <<< supple reminders <<<"
SYSTEMD_STATES = ("running", "degraded", "starting", "initializing", "maintenance")
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


class InstallError(Exception):
    """Reminders could not be turned on (or off), in words for the person."""


# A control character (a newline above all: it would start a line of its own) or a lone
# surrogate (a path's bytes that are not UTF-8) in a value: no format below can carry one.
_CANNOT_CARRY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def carried(name: str, value: str, where: str) -> str:
    """``value`` unchanged if ``where`` (a systemd unit, a crontab, a launchd agent) can carry
    it; else InstallError naming ``name`` and the problem: nothing is escaped into a new line."""
    found = _CANNOT_CARRY.search(value)
    if found is None:
        return value
    char = found.group()
    if char == "\n":
        what = _("a newline")
    elif "\ud800" <= char <= "\udfff":
        what = _("bytes that are not UTF-8")
    else:
        what = _("a control character (U+{code})").format(code=f"{ord(char):04X}")
    raise InstallError(
        _("{name} has {what} in it, which {where} cannot carry; change it first").format(
            name=name, what=what, where=where
        )
    )


def _command_name(index: int) -> str:
    return "the Python program's path" if index == 0 else f"word {index + 1} of the command"


# -- the runner ---------------------------------------------------------------------------


def default_runner() -> Runner:
    """The runner the commands use (tests replace this function)."""
    return SystemRunner()


# -- where things are ---------------------------------------------------------------------


@value_class(frozen=True)
class Places:
    """Where the reminder files go, from an environment (os.environ, or a test's)."""

    env: Mapping[str, str]
    platform: str = sys.platform
    uid: int = field(default_factory=lambda: os.getuid() if hasattr(os, "getuid") else 0)

    @property
    def home(self) -> Path:
        """$HOME if it can be read, else the system's (``paths.home``)."""
        return home(self.env)

    @property
    def config_home(self) -> Path:
        given = value("XDG_CONFIG_HOME", self.env)  # read by the environment's rule
        return given if isinstance(given, Path) else self.home / ".config"

    @property
    def runtime_dir(self) -> Path:
        given = value("XDG_RUNTIME_DIR", self.env)
        return given if isinstance(given, Path) else Path(f"/run/user/{self.uid}")

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
    from supple.core.schema import SCHEMA, schema_of

    if not path.exists():
        return RemindSettings(), None
    data: dict[str, Any] = {}
    try:
        data = tomllib.loads(read_capped(path, MAX_SETTINGS_BYTES).decode("utf-8"))
        return RemindSettings.from_toml(data), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RemindError) as error:
        # Off; but a newer supple's file stays marked as such, so that it is never rewritten.
        return RemindSettings(schema=schema_of(data) or SCHEMA), f"{path}: {error}"


def save_settings(path: Path, settings: RemindSettings) -> None:
    """Write them (atomically), with the keys this supple does not know; SaveError if they were
    read from a newer supple's file, which is never rewritten."""
    import tomli_w

    from supple.core.files import atomic_write, refuse_newer

    refuse_newer(path, settings.schema)
    atomic_write(path, tomli_w.dumps(settings.to_toml()).encode("utf-8"))


# -- the command the timer runs -------------------------------------------------------------


def nudge_command(python: str | None = None) -> list[str]:
    return [python or sys.executable, "-m", "supple", "nudge"]


CRON_DAEMONS = ("cron", "crond", "cronie", "fcron", "dcron", "busybox")


def cron_running(proc: Path = Path("/proc")) -> bool:
    """A cron daemon seems to be running (Linux: a process of that name); True where there
    is no /proc to look in, since then it cannot be told."""
    from supple.core.numbers import is_digits

    if not proc.is_dir():
        return True
    for entry in proc.iterdir():
        if not is_digits(entry.name):  # a process id
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
    return day_runs(days, tuple(d.capitalize() for d in DAY_NAMES), "..")


def on_calendar(settings: RemindSettings) -> list[str]:
    """One OnCalendar= value per time: ``Mon..Fri *-*-* 07:30:00`` (no days: every day)."""
    days = "" if len(settings.days) == 7 else _calendar_days(settings.days) + " "
    return [f"{days}*-*-* {clock_text(m)}:00" for m in settings.at]


def timer_text(settings: RemindSettings) -> str:
    lines = [
        "# Written by `supple remind on`; `supple remind off` removes it.",
        "[Unit]",
        f"Description=supple reminders ({settings.describe(translated=False)})",
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
    """The service unit; InstallError if a value cannot be carried by one (a newline)."""
    where = "a systemd unit"
    command = [carried(_command_name(n), w, where) for n, w in enumerate(command)]
    env = {k: carried(k, v, where) for k, v in sorted(env.items())}
    lines = [
        "# Written by `supple remind on`; `supple remind off` removes it.",
        "[Unit]",
        "Description=supple: a nudge when a workout is due",
        "",
        "[Service]",
        "Type=oneshot",
        "ExecStart=" + " ".join(_systemd_quote(w) for w in command),
        *(f"Environment={_systemd_quote(f'{k}={v}', command=False)}" for k, v in env.items()),
        "# The nudge leaves one small process waiting for a click on Start: keep it when the",
        "# nudge itself has exited.",
        "KillMode=process",
        "",
    ]
    return "\n".join(lines)


def _cron_quote(word: str) -> str:
    """A word for a crontab line: shell single quotes; each % (which cron turns into a newline
    unless a backslash comes before it) as ``'\\%'``, outside the quotes, so what comes before
    that backslash is always a quote, never a backslash of the value, and a cron that leaves
    ``\\%`` alone hands the shell ``\\%``, which is ``%`` too."""
    quoted = "'" + word.replace("'", "'\\''") + "'"
    return quoted.replace("%", "'\\%'")


def cron_block(settings: RemindSettings, command: Sequence[str], env: Mapping[str, str]) -> str:
    """The crontab lines: one per time, days as cron numbers (Sunday 0); InstallError if a
    value cannot be carried by one (a newline)."""
    where = "a crontab line"
    command = [carried(_command_name(n), w, where) for n, w in enumerate(command)]
    env = {k: carried(k, v, where) for k, v in env.items()}
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
    missed one when the Mac wakes); InstallError if a value cannot be carried by its XML (a
    control character)."""
    where = "a launchd agent"
    command = [carried(_command_name(n), w, where) for n, w in enumerate(command)]
    env = {k: carried(k, v, where) for k, v in env.items()}
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
        _(
            "neither a systemd user manager nor cron is running here, so nothing could run "
            "`supple nudge` at the chosen times"
        )
    )


def _check(result: Result, what: str) -> None:
    if result.code != 0:
        detail = (result.err or result.out).strip().splitlines()
        why = detail[-1] if detail else f"exit {result.code}"
        raise InstallError(_("{what} failed: {why}").format(what=what, why=why))


def read_crontab(runner: Runner) -> str:
    listed = runner.run(["crontab", "-l"])
    # No crontab yet is exit 1 with "no crontab for USER": an empty one.
    return listed.out if listed.code == 0 else ""


def check_home(places: Places) -> None:
    """InstallError if $HOME is set but cannot be read (relative, a control character): rather
    than guess the home the timer belongs in, reminders are not installed."""
    why = refused("HOME", places.env)
    if why is not None:
        said = _("$HOME cannot be used: {why}; set it to your home folder first")
        raise InstallError(said.format(why=why))


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
    check_home(places)
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
        raise InstallError(_("unknown scheduler '{name}'").format(name=chosen))
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
            removed.append(_("the supple block of your crontab"))
    return removed


def installed(runner: Runner, places: Places) -> list[str]:
    """What is in place now (files, the crontab block), for `remind status`."""
    found = [str(p) for p in (places.timer, places.service, places.plist) if p.exists()]
    if runner.which("crontab") is not None and CRON_BEGIN in read_crontab(runner):
        found.append("a block in your crontab")
    return found
