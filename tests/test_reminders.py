"""Reminders on the system: the unit files, the crontab block and the launchd agent written into a
temporary home and read back, removal leaving nothing, the desktop found from a timer, the
notification never blocking, and `supple remind` / `supple nudge` through a fake runner."""

from __future__ import annotations

import configparser
import json
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.nudge import Decision, RemindSettings, parse_days, parse_times
from supple.system import desktop, reminders
from supple.system.reminders import (
    CRON_BEGIN,
    CRON_END,
    InstallError,
    Places,
)
from supple.system.runner import Result
from tests.fakes import make_session_record

SETTINGS = RemindSettings(
    on=True, at=parse_times("07:30,13:00"), days=parse_days("mon-fri"), hours=(420, 1140)
)
PYTHON = "/opt/my python/bin/python3"  # a space: quoting is tested too
COMMAND = [PYTHON, "-m", "supple", "nudge"]


class FakeRunner:
    """Every outside command, faked: which programs exist, a crontab, systemd's answers."""

    def __init__(
        self,
        *,
        programs: Sequence[str] = ("systemctl", "crontab", "notify-send", "xterm"),
        systemd: str = "running",
        crontab: str | None = None,
        environment: str = "",
        actions: bool = True,
    ) -> None:
        self.programs = set(programs)
        self.systemd = systemd
        self.crontab = crontab
        self.environment = environment
        self.actions = actions
        self.calls: list[list[str]] = []
        self.spawned: list[tuple[list[str], dict[str, str]]] = []

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.programs else None

    def run(
        self,
        argv: Sequence[str],
        *,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result:
        args = list(argv)
        self.calls.append(args)
        name = Path(args[0]).name
        if name == "systemctl":
            if args[2:] == ["is-system-running"]:
                return Result(0 if self.systemd == "running" else 1, self.systemd + "\n")
            if args[2:] == ["show-environment"]:
                return Result(0, self.environment)
            return Result(0)
        if name == "crontab":
            if args[1:] == ["-l"]:
                if self.crontab is None:
                    return Result(1, "", "no crontab for you\n")
                return Result(0, self.crontab)
            if args[1:] == ["-"]:
                self.crontab = input
                return Result(0)
            if args[1:] == ["-r"]:
                self.crontab = None
                return Result(0)
        if name == "notify-send" and "--help" in args:
            return Result(0, "  -A, --action=[NAME=]Text...\n" if self.actions else "  -u\n")
        return Result(0)

    def spawn(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> None:
        self.spawned.append((list(argv), dict(env or {})))

    def ran(self, *prefix: str) -> bool:
        return any(c[: len(prefix)] == list(prefix) for c in self.calls)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def places_for(home: Path, platform: str = "linux", **env: str) -> Places:
    return Places(
        {"HOME": str(home), "XDG_RUNTIME_DIR": str(home / "run"), **env},
        platform=platform,
        uid=1000,
    )


def read_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit file read back: each key's values in order (OnCalendar repeats)."""

    class Multi(dict[str, Any]):
        def __setitem__(self, key: str, value: Any) -> None:
            if isinstance(value, list) and key in self:
                self[key].extend(value)  # configparser keeps a list per key while it reads
            else:
                super().__setitem__(key, value)

    parser = configparser.RawConfigParser(
        dict_type=Multi,  # type: ignore[arg-type]
        strict=False,
        empty_lines_in_values=False,
        comment_prefixes=("#", ";"),
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return {name: {k: v.split("\n") for k, v in parser[name].items()} for name in parser.sections()}


# -- systemd ---------------------------------------------------------------------------------


def test_systemd_timer_and_service_written_and_read_back(home: Path) -> None:
    runner = FakeRunner()
    places = places_for(home, XDG_CONFIG_HOME=str(home / "cfg"), SUPPLE_DATA_DIR="/data/50%")
    done = reminders.install(SETTINGS, runner, places, command=COMMAND)
    assert done.scheduler == "systemd" and done.on
    assert places.timer == home / "cfg/systemd/user/supple-nudge.timer"
    timer = read_unit(places.timer)
    assert timer["Timer"]["OnCalendar"] == ["Mon..Fri *-*-* 07:30:00", "Mon..Fri *-*-* 13:00:00"]
    assert timer["Timer"]["Persistent"] == ["true"]
    assert timer["Timer"]["Unit"] == ["supple-nudge.service"]
    assert timer["Install"]["WantedBy"] == ["timers.target"]
    service = read_unit(places.service)
    assert service["Service"]["Type"] == ["oneshot"]
    assert service["Service"]["ExecStart"] == ['"/opt/my python/bin/python3" "-m" "supple" "nudge"']
    assert service["Service"]["Environment"] == [
        '"SUPPLE_DATA_DIR=/data/50%%"',
        f'"XDG_CONFIG_HOME={home / "cfg"}"',  # platformdirs follows it: the nudge must too
    ]
    assert service["Service"]["KillMode"] == ["process"]
    assert runner.ran("systemctl", "--user", "daemon-reload")
    assert runner.ran("systemctl", "--user", "enable", "--now", "supple-nudge.timer")
    every_day = reminders.on_calendar(RemindSettings(on=True, at=(450,)))
    assert every_day == ["*-*-* 07:30:00"]
    odd = reminders.on_calendar(RemindSettings(on=True, at=(450,), days=parse_days("mon,wed-fri")))
    assert odd == ["Mon,Wed..Fri *-*-* 07:30:00"]


SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verifies_the_units(home: Path, tmp_path: Path) -> None:
    assert SYSTEMD_ANALYZE is not None
    places = places_for(home)
    command = reminders.nudge_command(sys.executable)  # verify checks it is executable
    reminders.install(SETTINGS, FakeRunner(), places, command=command)
    for spec in read_unit(places.timer)["Timer"]["OnCalendar"]:
        checked = subprocess.run(
            [SYSTEMD_ANALYZE, "calendar", spec], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    files = [str(places.timer), str(places.service)]
    verified = None
    for mode in (["--user"], []):  # a user manager's view; the plain one where it cannot start
        verified = subprocess.run(
            [SYSTEMD_ANALYZE, "verify", *mode, *files],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
        if "Failed to initialize manager" not in verified.stderr:
            break
    assert verified is not None
    if "Failed to initialize manager" in verified.stderr:
        pytest.skip(f"systemd-analyze verify cannot run here: {verified.stderr.strip()}")
    assert verified.returncode == 0, verified.stderr
    assert "ignoring" not in verified.stderr and "Failed" not in verified.stderr, verified.stderr


def test_systemd_off_removes_both_files(home: Path) -> None:
    runner = FakeRunner()
    places = places_for(home)
    reminders.install(SETTINGS, runner, places, command=COMMAND)
    removed = reminders.uninstall(runner, places)
    assert removed == [str(places.timer), str(places.service)]
    assert list(places.systemd_dir.iterdir()) == []
    assert runner.ran("systemctl", "--user", "disable", "--now", "supple-nudge.timer")
    assert reminders.installed(runner, places) == []
    assert reminders.uninstall(runner, places) == []  # again: nothing, no error


def test_the_scheduler_chosen(home: Path) -> None:
    places = places_for(home)
    assert reminders.choose_scheduler(FakeRunner(), places) == "systemd"
    assert reminders.choose_scheduler(FakeRunner(systemd="offline"), places) == "cron"
    assert reminders.choose_scheduler(FakeRunner(programs=("crontab",)), places) == "cron"
    assert reminders.choose_scheduler(FakeRunner(), places_for(home, "darwin")) == "launchd"
    with pytest.raises(InstallError, match="neither a systemd user manager nor cron"):
        reminders.choose_scheduler(FakeRunner(programs=("systemctl",), systemd="offline"), places)


# -- cron ------------------------------------------------------------------------------------

THEIRS = "MAILTO=me@example.org\n# backups\n0 3 * * * /usr/local/bin/backup --quiet\n@reboot x"


def test_cron_block_added_and_removed_keeping_every_other_line(home: Path) -> None:
    runner = FakeRunner(systemd="offline", crontab=THEIRS)
    places = places_for(home, SUPPLE_CONFIG_DIR="/cfg/100%")
    assert reminders.install(SETTINGS, runner, places, command=COMMAND).scheduler == "cron"
    assert runner.crontab is not None
    lines = runner.crontab.splitlines()
    assert lines[:4] == THEIRS.splitlines()
    quoted = "SUPPLE_CONFIG_DIR='/cfg/100'\\%'' '/opt/my python/bin/python3' '-m' 'supple' 'nudge'"
    assert lines[4:] == [
        CRON_BEGIN,
        f"30 7 * * 1,2,3,4,5 {quoted} >/dev/null 2>&1",
        f"0 13 * * 1,2,3,4,5 {quoted} >/dev/null 2>&1",
        CRON_END,
    ]
    # on again with other times: one block, replaced
    other = RemindSettings(on=True, at=(600,), days=parse_days("sat-sun"), hours=(0, 1440))
    reminders.install(other, runner, places, command=COMMAND)
    assert runner.crontab.count(CRON_BEGIN) == 1 and "0 10 * * 6,0 " in runner.crontab
    assert reminders.installed(runner, places) == ["a block in your crontab"]
    assert reminders.uninstall(runner, places) == ["the supple block of your crontab"]
    assert runner.crontab == THEIRS + "\n"  # a missing last newline added, as crontab -e does
    assert reminders.without_block(THEIRS) == THEIRS  # exactly, when there is no block


def test_cron_only_ours_leaves_no_crontab(home: Path) -> None:
    runner = FakeRunner(systemd="offline", crontab=None)
    places = places_for(home)
    reminders.install(SETTINGS, runner, places, command=COMMAND)
    assert runner.crontab is not None and runner.crontab.startswith(CRON_BEGIN)
    reminders.uninstall(runner, places)
    assert runner.crontab is None and runner.ran("crontab", "-r")


# -- launchd ---------------------------------------------------------------------------------


def test_launchd_agent_written_parsed_and_removed(home: Path) -> None:
    runner = FakeRunner(programs=("launchctl", "osascript"))
    places = places_for(home, "darwin", SUPPLE_DATA_DIR="/Users/me/data")
    assert reminders.install(SETTINGS, runner, places, command=COMMAND).scheduler == "launchd"
    assert places.plist == home / "Library/LaunchAgents/supple.nudge.plist"
    data = plistlib.loads(places.plist.read_bytes())
    assert data["Label"] == "supple.nudge"
    assert data["ProgramArguments"] == COMMAND
    assert data["EnvironmentVariables"] == {"SUPPLE_DATA_DIR": "/Users/me/data"}
    entries = data["StartCalendarInterval"]
    assert len(entries) == 10  # 2 times x 5 days
    assert entries[0] == {"Hour": 7, "Minute": 30, "Weekday": 1}  # Monday is 1 to launchd
    assert {e["Weekday"] for e in entries} == {1, 2, 3, 4, 5}
    assert runner.ran("launchctl", "bootstrap", "gui/1000", str(places.plist))
    reminders.uninstall(runner, places)
    assert not places.plist.exists()
    assert list(places.plist.parent.iterdir()) == []
    assert runner.ran("launchctl", "bootout", "gui/1000/supple.nudge")


# -- the desktop and the notification ---------------------------------------------------------


def test_desktop_found_from_a_timer(home: Path) -> None:
    places = places_for(home)
    assert desktop.desktop_env(FakeRunner(), places) is None  # no bus, no DISPLAY: ssh
    (home / "run").mkdir()
    (home / "run" / "bus").touch()
    runner = FakeRunner(environment="HOME=/x\nDISPLAY=:1\nXAUTHORITY=/x/.Xauthority\n")
    env = desktop.desktop_env(runner, places)
    assert env is not None
    assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={home / 'run' / 'bus'}"
    assert env["DISPLAY"] == ":1" and env["XAUTHORITY"] == "/x/.Xauthority"
    # what is set already is kept
    kept = places_for(home, DISPLAY=":7", DBUS_SESSION_BUS_ADDRESS="unix:path=/b")
    env = desktop.desktop_env(runner, kept)
    assert env is not None and env["DISPLAY"] == ":7"
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/b"


DUE = Decision(
    True,
    "due",
    "supple: time to move",
    "Workout 11 of 18 — Lower back mobility, intermediate, 10 min",
    "lower-back-mobility",
    "intermediate",
)


def test_notify_with_actions_leaves_a_detached_child_and_returns(home: Path) -> None:
    runner = FakeRunner()
    said = desktop.notify(DUE, runner, {"DISPLAY": ":1"}, places_for(home))
    assert said == (True, "notified, with a Start action")
    assert not runner.ran("/usr/bin/notify-send", "--app-name=supple")  # not run here
    ((child, env),) = runner.spawned
    assert child[:3] == [sys.executable, "-m", "supple.system.desktop"] and env == {"DISPLAY": ":1"}
    asked, terminal = json.loads(child[3])
    assert "--action=start=Start" in asked and asked[-1] == DUE.message
    assert terminal == [
        "/usr/bin/xterm",
        "-e",
        sys.executable,
        "-m",
        "supple",
        "play",
        "lower-back-mobility",
        "--level",
        "intermediate",
    ]


def test_notify_without_actions_or_terminal_shows_it_plainly(home: Path) -> None:
    for runner in (FakeRunner(actions=False), FakeRunner(programs=("notify-send",))):
        assert desktop.notify(DUE, runner, {}, places_for(home)) == (True, "notified")
        assert not runner.spawned
        assert runner.calls[-1][-3:] == ["--", DUE.title, DUE.message]
    shown, missing = desktop.notify(DUE, FakeRunner(programs=()), {}, places_for(home))
    assert not shown and missing.startswith("no notify-send")


def test_notify_on_macos_uses_osascript(home: Path) -> None:
    runner = FakeRunner(programs=("osascript",))
    quoted = Decision(True, "due", 'say "hi"', "a \\ b", "r", "beginner")
    desktop.notify(quoted, runner, {}, places_for(home, "darwin"))
    assert runner.calls[-1] == [
        "osascript",
        "-e",
        'display notification "a \\\\ b" with title "say \\"hi\\""',
    ]


def test_the_child_opens_the_terminal_on_start(tmp_path: Path) -> None:
    """The detached child with a real (scripted) notify-send that answers "start"."""
    notify_send = tmp_path / "notify-send"
    notify_send.write_text("#!/bin/sh\necho start\n")
    notify_send.chmod(0o755)
    opened: list[list[str]] = []

    def spawn(command: Sequence[str]) -> None:
        opened.append(list(command))

    terminal = ["terminal", "-e", "supple", "play", "x"]
    desktop.wait_for_answer([str(notify_send)], terminal, spawn=spawn)
    assert opened == [terminal]
    # closed without a click: nothing opens
    notify_send.write_text("#!/bin/sh\nexit 0\n")
    desktop.wait_for_answer(
        [str(notify_send)], ["terminal"], spawn=lambda c: opened.append(list(c))
    )
    assert opened == [terminal]


# -- the commands ----------------------------------------------------------------------------


@pytest.fixture
def fake_system(home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FakeRunner, Places]:
    runner = FakeRunner()
    places = places_for(home)
    monkeypatch.setattr(reminders, "default_runner", lambda: runner)
    monkeypatch.setattr(reminders, "places", lambda: places)
    return runner, places


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_remind_on_status_off(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    runner, places = fake_system
    code, out, _ = run(capsys, "remind", "status")
    assert code == 0
    assert out.splitlines() == [
        "Reminders: off · `supple remind on` sets them",
        "Desktop: none here (no session bus, no DISPLAY): a nudge stays silent.",
    ]
    code, out, err = run(capsys, "remind", "on", "--at", "07:30", "--hours", "08:00-19:00")
    assert code == 2 and "07:30 is outside the hours 08:00-19:00" in err  # it never reminds
    assert not places.timer.exists()
    # The issue's own example: 07:30 is before the hours, 13:00 within: on, with a word.
    code, out, err = run(
        capsys, "remind", "on", "--at", "07:30,13:00", "--days", "mon-fri", "--hours", "08:00-19:00"
    )
    assert code == 0 and "07:30 is outside the hours 08:00-19:00" in err
    assert "a nudge then stays silent" in err and places.timer.exists()
    code, out, _ = run(
        capsys, "remind", "on", "--at", "07:30,13:00", "--days", "mon-fri", "--hours", "07:00-19:00"
    )
    assert code == 0, out
    assert out.startswith("Reminders on: 07:30, 13:00 · Mon-Fri · within 07:00-19:00, by a")
    assert "Reminders: on · next " in out and "No desktop here" in out
    assert places.timer.exists() and places.service.exists()
    saved = (Path(os.environ["SUPPLE_CONFIG_DIR"]) / "remind.toml").read_text()
    assert 'scheduler = "systemd"' in saved and 'days = "mon-fri"' in saved
    code, out, _ = run(capsys, "remind", "status")
    lines = out.splitlines()
    assert lines[0].startswith("Reminders: on · next ")
    assert lines[1] == "Run by: systemd"
    assert f"Installed: {places.timer}" in lines and f"Installed: {places.service}" in lines
    assert "Desktop: none here (no session bus, no DISPLAY): a nudge stays silent." in lines
    assert lines[-1].startswith("A nudge now: silent (")
    code, out, _ = run(capsys, "remind", "off")
    assert code == 0 and out.startswith("Reminders off. Removed:")
    assert not places.timer.exists() and not places.service.exists()
    code, out, _ = run(capsys, "remind", "status")
    assert out.startswith("Reminders: off")
    assert "Installed" not in out
    code, out, _ = run(capsys, "remind", "off")
    assert out == "Reminders were not on; nothing to remove.\n"


def test_remind_on_refuses_bad_values(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    for option, value, words in [
        ("--at", "7h30", "'7h30' is not a time like 07:30"),
        ("--days", "mon-fry", "'fry' is not a day"),
        ("--hours", "19:00-08:00", "must end after they start"),
        # Digits Python calls digits but int() refuses once crashed with exit 70.
        ("--at", "0\u00b2:30", "type the digits 0-9 ('\u00b2' is a superscript two)"),
        ("--hours", "\uff10\uff18:00-19:00", "fullwidth digit zero"),
    ]:
        code, _, err = run(capsys, "remind", "on", option, value)
        assert code == 2 and words in err
    assert not fake_system[1].timer.exists()


def test_a_remind_toml_with_a_foreign_digit_is_reported_not_a_crash(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(os.environ["SUPPLE_CONFIG_DIR"]) / "remind.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('schema = 1\non = true\nat = ["0\u00b2:30"]\n', encoding="utf-8")
    code, out, err = run(capsys, "remind", "status")
    assert code == 0 and "type the digits 0-9" in err and out.startswith("Reminders: off")


def test_remind_on_without_any_scheduler_says_so(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    runner, _ = fake_system
    runner.programs = {"notify-send"}
    code, _, err = run(capsys, "remind", "on")
    assert code == 1 and "neither a systemd user manager nor cron" in err
    assert not (Path(os.environ["SUPPLE_CONFIG_DIR"]) / "remind.toml").exists()


def _all_day_reminders() -> None:
    reminders.save_settings(
        Path(os.environ["SUPPLE_CONFIG_DIR"]) / "remind.toml",
        RemindSettings(on=True, at=(600,), hours=(0, 1440), scheduler="systemd"),
    )


def test_nudge_notifies_when_due_and_is_silent_once_today_counts(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    runner, places = fake_system
    _all_day_reminders()
    assert run(capsys, "nudge") == (0, "", "")  # no desktop: quiet, nothing run
    assert not runner.spawned and not runner.ran("/usr/bin/notify-send", "--app-name=supple")
    (places.runtime_dir).mkdir()
    (places.runtime_dir / "bus").touch()
    code, out, _ = run(capsys, "nudge", "--dry-run")  # no history, no program: the first one
    assert out == "notify: supple: time to move — Lower back mobility, beginner, 5 min\n"
    assert run(capsys, "nudge") == (0, "", "")
    ((child, env),) = runner.spawned
    assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={places.runtime_dir / 'bus'}"
    # a session that counts today: silent
    store = HistoryStore(Path(os.environ["SUPPLE_DATA_DIR"]))
    now = datetime.now().astimezone()
    if (now + timedelta(seconds=30)).date() == now.date():  # not at midnight
        store.save(make_session_record(now), store.path_for("back-pain-relief", now))
        assert run(capsys, "nudge", "--dry-run")[1] == "silent: a session already counts today\n"
        run(capsys, "nudge")
        assert len(runner.spawned) == 1


def test_nudge_says_the_programs_workout(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fakes import fake_program

    runner, places = fake_system
    places.runtime_dir.mkdir()
    (places.runtime_dir / "bus").touch()
    _all_day_reminders()
    # ten workouts done, every other day, the last two days ago; only the start tests taken
    data = Path(os.environ["SUPPLE_DATA_DIR"])
    fake_program(data, datetime.now().astimezone(), workouts=10, points=1)
    code, out, _ = run(capsys, "nudge", "--dry-run")
    assert (code, out) == (
        0,
        "notify: supple: time to move — Workout 11 of 18 — Lower back mobility, "
        "intermediate, 10 min; the middle tests are due\n",
    )
    run(capsys, "nudge")
    ((child, _),) = runner.spawned
    asked, terminal = json.loads(child[3])
    assert terminal[-4:] == ["play", "lower-back-mobility", "--level", "intermediate"]


def test_nudge_with_reminders_off_reads_nothing(
    fake_system: tuple[FakeRunner, Places], capsys: pytest.CaptureFixture[str]
) -> None:
    runner, _ = fake_system
    assert run(capsys, "nudge") == (0, "", "")
    assert runner.calls == []


def test_the_screens_line_says_on_or_off_and_the_next_one() -> None:

    from supple.coach.coach import Coach
    from supple.core.nudge import Today

    friday = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    coach = Coach.from_environment(now=lambda: friday)
    assert coach.reminder_line() == "Reminders: off · `supple remind on` sets them"
    assert coach.reminder_line(short=True) == "Reminders: off"
    reminders.save_settings(coach.remind_path, SETTINGS)
    assert coach.reminder_line() == (
        "Reminders: on · next Mon 07:30 (07:30, 13:00 · Mon-Fri · within 07:00-19:00)"
    )
    monday = friday + timedelta(days=3, hours=-9)  # Monday 09:00, done already
    coach.now = lambda: monday
    assert coach.reminder_line(Today(counts=True), short=True) == "Next reminder: tomorrow 07:30"
    coach.remind_path.write_text("on = maybe\n")
    assert coach.reminder_line().startswith("Reminders: off — ")


def test_a_cron_daemon_is_looked_for(tmp_path: Path) -> None:
    proc = tmp_path / "proc"
    (proc / "12").mkdir(parents=True)
    (proc / "12" / "comm").write_text("bash\n")
    (proc / "self").mkdir()
    assert not reminders.cron_running(proc)
    (proc / "40").mkdir()
    (proc / "40" / "comm").write_text("cron\n")
    assert reminders.cron_running(proc)
    assert reminders.cron_running(tmp_path / "no-proc")  # nothing to look in: cannot tell
