"""The reminders' commands: remind (on, off, status) and nudge, each with its arguments."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from supple.cli.command import Command, coach, tell
from supple.core.words import printable
from supple.i18n import _

if TYPE_CHECKING:
    from supple.cli.command import Commands
    from supple.coach.coach import Coach


def _remind_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "remind", help=_("reminders at chosen times (a systemd timer, cron, launchd)")
    )
    remind_sub = p.add_subparsers(dest="remind_command", metavar="ACTION", required=True)
    q = remind_sub.add_parser("on", help=_("turn reminders on (or change their times)"))
    q.add_argument("--at", metavar="HH:MM,...", help=_("times of day (default 09:00,17:30)"))
    q.add_argument("--days", metavar="DAYS", help=_("e.g. mon-fri, mon,wed,fri, daily (default)"))
    q.add_argument(
        "--hours", metavar="HH:MM-HH:MM", help=_("only nudge within these hours (08:00-21:00)")
    )
    remind_sub.add_parser("off", help=_("turn reminders off, removing everything they installed"))
    remind_sub.add_parser("status", help=_("whether reminders are on, the next one, the desktop"))


def _nudge_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "nudge", help=_("what the reminder timer runs: a notification when a workout is due")
    )
    p.add_argument(
        "--dry-run", action="store_true", help=_("print what it decides; show no notification")
    )


def cmd_remind(action: str, options: dict[str, Any]) -> int:
    """`supple remind on|off|status`: the timer that runs `supple nudge`, and its settings."""
    from supple.core.nudge import (
        RemindError,
        check_settings,
        outside_warning,
        parse_days,
        parse_hours,
        parse_times,
    )
    from supple.core.schema import newer
    from supple.core.value import replace
    from supple.system import desktop, reminders

    found = coach()
    runner, places = reminders.default_runner(), reminders.places()
    saved, problem = found.reminders.settings()
    if action == "status":
        return _remind_status(found, runner, places)
    if newer(saved.schema):  # a newer supple's settings: never rewritten, so nothing changes
        print(
            f"supple: remind {action}: {printable(str(found.remind_path))} was written by a newer "
            "supple; change reminders with it",
            file=sys.stderr,
        )
        return 1
    if action == "off":
        removed = reminders.uninstall(runner, places)
        if problem is None and found.remind_path.exists():
            reminders.save_settings(found.remind_path, replace(saved, on=False, scheduler=""))
        if removed:
            print("Reminders off. Removed:")
            for what in removed:
                print(f"  {printable(what)}")
        else:
            print("Reminders were not on; nothing to remove.")
        return 0
    if problem is not None:
        print(f"supple: reminder settings: {printable(problem)}; starting afresh", file=sys.stderr)
    try:
        settings = replace(
            saved,
            at=parse_times(options["at"]) if options.get("at") else saved.at,
            days=parse_days(options["days"]) if options.get("days") else saved.days,
            hours=parse_hours(options["hours"]) if options.get("hours") else saved.hours,
        )
    except RemindError as error:
        print(f"supple: remind on: {printable(str(error))}", file=sys.stderr)
        return 2
    never = check_settings(settings)
    if never is not None:
        print(f"supple: remind on: {never}", file=sys.stderr)
        return 2
    warning = outside_warning(settings)
    if warning is not None:
        print(f"supple: remind on: {warning}", file=sys.stderr)
    try:
        reminders.check_home(places)  # before anything is removed: a refusal changes nothing
    except reminders.InstallError as error:
        print(f"supple: reminders not turned on: {printable(str(error))}", file=sys.stderr)
        return 1
    try:
        reminders.uninstall(runner, places)  # whatever was there before, by any scheduler
        settings = reminders.install(settings, runner, places)
    except (reminders.InstallError, OSError) as error:
        kept = ""
        if saved.on:  # put back the reminders that worked before, rather than none
            try:
                reminders.install(saved, runner, places)
                kept = " (the reminders set before are kept)"
            except (reminders.InstallError, OSError):
                reminders.save_settings(found.remind_path, replace(saved, on=False))
                kept = " (and the ones set before could not be put back: reminders are off)"
        print(f"supple: reminders not turned on: {printable(str(error))}{kept}", file=sys.stderr)
        return 1
    reminders.save_settings(found.remind_path, settings)
    where = {
        "systemd": f"a systemd user timer ({places.timer})",
        "cron": "a block in your crontab (missed times are not caught up)",
        "launchd": f"a launchd agent ({places.plist})",
    }[settings.scheduler]
    print(f"Reminders on: {settings.describe()}, by {printable(where)}.")
    print(found.reminder_line(found.remind_today()))
    if settings.scheduler == "cron" and not reminders.cron_running():
        print(
            "supple: remind on: no cron daemon seems to run here; the reminders start when one "
            "does",
            file=sys.stderr,
        )
    if desktop.desktop_env(runner, places) is None:
        print("No desktop here (no session bus, no DISPLAY): reminders stay silent until there is.")
    return 0


def _remind_status(found: Coach, runner: Any, places: Any) -> int:
    from supple.system import desktop, reminders

    settings, problem = found.reminders.settings()
    if problem is not None:
        print(f"supple: reminder settings: {printable(problem)}", file=sys.stderr)
    today = found.remind_today() if settings.on else None
    print(found.reminder_line(today))
    in_place = reminders.installed(runner, places)
    if settings.on:
        print(f"Run by: {settings.scheduler or 'unknown'}")
        if not in_place:
            print("But nothing is installed to run it: `supple remind on` installs it again.")
    for what in in_place:
        print(f"Installed: {printable(what)}")
    env = desktop.desktop_env(runner, places)
    if env is None:
        print("Desktop: none here (no session bus, no DISPLAY): a nudge stays silent.")
    else:
        seen = env.get("DBUS_SESSION_BUS_ADDRESS") or env.get("DISPLAY") or "macOS"
        print(f"Desktop: {printable(seen)}")
    if settings.on:
        decision = found.nudge(desktop=env is not None)
        said = decision.message if decision.notify else f"silent ({decision.reason})"
        print(f"A nudge now: {printable(said)}")
    tell(found)
    return 0


def cmd_nudge(dry_run: bool) -> int:
    """What the reminder timer runs: a notification when a workout is due, else nothing.
    Always exit 0 and never wait: a timer has nobody to answer it."""
    from supple.system import desktop, reminders

    found = coach()
    settings, _problem = found.reminders.settings()
    if not settings.on and not dry_run:
        return 0  # a timer left behind: nothing read, nothing said
    runner, places = reminders.default_runner(), reminders.places()
    env = desktop.desktop_env(runner, places)
    decision = found.nudge(desktop=env is not None)
    tell(found)
    if dry_run:
        print(
            f"notify: {decision.title} — {decision.message}"
            if decision.notify
            else f"silent: {decision.reason}"
        )
        return 0
    if decision.notify and env is not None:
        done = desktop.notify(decision, runner, env, places)
        if done.startswith(("no ", "notify-send failed")):
            print(f"supple: nudge: {printable(done)}", file=sys.stderr)
    return 0


COMMANDS = {
    "remind": Command(
        _remind_arguments, lambda args: cmd_remind(args.remind_command, args.__dict__)
    ),
    "nudge": Command(_nudge_arguments, lambda args: cmd_nudge(args.dry_run)),
}
