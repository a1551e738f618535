"""Issue 24, class 2: files supple writes for other programs escape by that format's rules.
Arbitrary text (newlines, quotes, %, $, backslashes, NUL, surrogates, any Unicode) goes into each
value; each file is parsed back by that format's rules (a systemd unit, a crontab line as cron
then sh read it, a plist, an unfolded .ics, a CSV row, a notification body) and the value comes
back as it was, or was refused naming it; never an extra line, key or property."""

from __future__ import annotations

import csv
import html
import io
import plistlib
import re
import shlex
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from supple.cli.journal import FORMULA_STARTS, csv_cell
from supple.core.calendar_ics import Planned, ics_text, to_ics
from supple.core.nudge import RemindSettings, parse_days, parse_times
from supple.core.words import printable
from supple.system import desktop
from supple.system.reminders import (
    CRON_BEGIN,
    CRON_END,
    InstallError,
    cron_block,
    plist_data,
    service_text,
)

HYPO = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SPECIAL = list("\n\r\x00\x1b\t%$\\'\";, <>&=+-@#`*") + ["\ud800", "\u2028", "é", "😀"]
TEXT = st.text(
    st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=[])), max_size=30
)
SETTINGS = RemindSettings(on=True, at=parse_times("07:30,13:00"), days=parse_days("mon-fri"))
CANNOT_CARRY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def command_for(python: str) -> list[str]:
    return [python, "-m", "supple", "nudge"]


def check_refusal(error: InstallError, python: str, data_dir: str) -> None:
    message = str(error)
    assert "\n" not in message
    if CANNOT_CARRY.search(python):
        assert "Python program's path" in message
    else:
        assert CANNOT_CARRY.search(data_dir) and "SUPPLE_DATA_DIR" in message


# -- systemd ----------------------------------------------------------------------------------


def systemd_specifiers(value: str) -> str:
    """systemd's specifier pass: %% is %, and supple writes no other specifier."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "%":
            assert value[i + 1] == "%", f"a specifier in {value!r}"
            i += 1
        out.append(value[i])
        i += 1
    return "".join(out)


def systemd_words(value: str) -> list[str]:
    """Double-quoted words with C escapes (supple writes only \\\\ and \\")."""
    words, i = [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        assert value[i] == '"', value
        i += 1
        word = []
        while value[i] != '"':
            if value[i] == "\\":
                i += 1
                assert value[i] in '\\"'
            word.append(value[i])
            i += 1
        words.append("".join(word))
        i += 1
    return words


def no_variables(word: str) -> str:
    """ExecStart's variable pass: $$ is $, and a lone $ would be a variable."""
    assert re.fullmatch(r"(?:[^$]|\$\$)*", word), word
    return word.replace("$$", "$")


@HYPO
@given(python=TEXT, data_dir=TEXT)
def test_a_systemd_unit_carries_each_value_or_refuses_it(python: str, data_dir: str) -> None:
    try:
        text = service_text(command_for(python), {"SUPPLE_DATA_DIR": data_dir})
    except InstallError as error:
        check_refusal(error, python, data_dir)
        return
    lines = text.split("\n")
    keys = [line.partition("=")[0] for line in lines if line and line[0] not in "#["]
    assert keys == ["Description", "Type", "ExecStart", "Environment", "KillMode"]
    (start,) = (line for line in lines if line.startswith("ExecStart="))
    words = systemd_words(systemd_specifiers(start.removeprefix("ExecStart=")))
    assert [no_variables(w) for w in words] == command_for(python)
    (env,) = (line for line in lines if line.startswith("Environment="))
    assert systemd_words(systemd_specifiers(env.removeprefix("Environment="))) == [
        f"SUPPLE_DATA_DIR={data_dir}"
    ]


# -- cron -------------------------------------------------------------------------------------


def cron_command(command: str, *, percent: bool) -> str:
    """What cron hands the shell (Vixie cron and cronie's rule: an unescaped % ends the
    command, the rest is its input; \\% is %); busybox crond leaves % alone."""
    if not percent:
        return command
    out: list[str] = []
    escaped = False
    for ch in command:
        if escaped:
            if ch == "%":
                out[-1] = "%"
            else:
                out.append(ch)
            escaped = False
            continue
        if ch == "%":
            break
        out.append(ch)
        escaped = ch == "\\"
    return "".join(out)


@HYPO
@given(python=TEXT, data_dir=TEXT, percent=st.booleans())
def test_a_crontab_line_carries_each_value_or_refuses_it(
    python: str, data_dir: str, percent: bool
) -> None:
    try:
        block = cron_block(SETTINGS, command_for(python), {"SUPPLE_DATA_DIR": data_dir})
    except InstallError as error:
        check_refusal(error, python, data_dir)
        return
    lines = block.split("\n")
    assert lines[0] == CRON_BEGIN and lines[-2:] == [CRON_END, ""]
    assert len(lines) == len(SETTINGS.at) + 3  # one line per time, never one more
    for line in lines[1:-2]:
        fields = line.split(" ", 5)
        assert [f.isdigit() for f in fields[:2]] == [True, True] and fields[2:4] == ["*", "*"]
        words = shlex.split(cron_command(fields[5], percent=percent))
        expected = [f"SUPPLE_DATA_DIR={data_dir}", *command_for(python)]
        assert words == [*expected, ">/dev/null", "2>&1"]


# -- launchd ----------------------------------------------------------------------------------


@HYPO
@given(python=TEXT, data_dir=TEXT)
def test_a_launchd_plist_carries_each_value_or_refuses_it(python: str, data_dir: str) -> None:
    try:
        data = plist_data(SETTINGS, command_for(python), {"SUPPLE_DATA_DIR": data_dir})
    except InstallError as error:
        check_refusal(error, python, data_dir)
        return
    back = plistlib.loads(plistlib.dumps(data))
    assert set(back) == {
        "Label",
        "ProgramArguments",
        "StartCalendarInterval",
        "RunAtLoad",
        "EnvironmentVariables",
    }
    assert back["ProgramArguments"] == command_for(python)
    assert back["EnvironmentVariables"] == {"SUPPLE_DATA_DIR": data_dir}


# -- .ics -------------------------------------------------------------------------------------


def unescape_text(value: str) -> str:
    """RFC 5545 TEXT read back: \\\\, \\;, \\, and \\n; an unescaped ; or , would end it."""
    assert not re.search(r"(?<!\\)(?:\\\\)*[;,]", value), value
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


@HYPO
@given(summary=TEXT, description=TEXT, name=TEXT, long=st.integers(0, 120))
@example(summary="\\N", description="a\\n;b,\\", name="x\\N", long=0)  # icalendar's own writer
@example(summary="", description="", name="\ud800", long=0)  # a lone surrogate (from JSON)
def test_an_ics_file_escapes_folds_and_reads_back(
    summary: str, description: str, name: str, long: int
) -> None:
    summary += "é" * long  # long enough to fold, across multi-byte characters
    planned = [Planned("supple-p-workout-1@supple", date(2026, 1, 5), summary, description, 1)]
    data = to_ics(planned, calendar_name=name)
    physical = data.split(b"\r\n")
    assert physical[-1] == b"" and all(len(line) <= 75 for line in physical)
    for line in physical:
        line.decode("utf-8")  # folded between characters, never inside one
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]
    names = [re.match(r"[A-Z-]+", line) for line in unfolded]
    assert all(names), unfolded
    expected = ["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "END"]
    assert {m.group() for m in names if m} <= {
        *expected,
        *[
            "UID",
            "DTSTAMP",
            "LAST-MODIFIED",
            "SEQUENCE",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
        ],
        *["TRANSP", "ACTION", "TRIGGER"],
    }
    assert sum(1 for m in names if m and m.group() == "SUMMARY") == 1
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == ics_text(summary)
    assert str(event["description"]) == ics_text(description)
    (calname,) = (line for line in unfolded if line.startswith("X-WR-CALNAME:"))
    assert unescape_text(calname.removeprefix("X-WR-CALNAME:")) == ics_text(name).replace("\n", " ")
    assert not CANNOT_CARRY.search(ics_text(summary).replace("\n", "").replace("\t", ""))


# -- CSV --------------------------------------------------------------------------------------


@HYPO
@given(cells=st.lists(st.one_of(TEXT, st.integers(), st.floats(allow_nan=False)), max_size=6))
def test_csv_text_never_opens_as_a_formula_and_numbers_stay_numbers(cells: list[object]) -> None:
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell(c) for c in cells])
    (row,) = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(row) == len(cells)
    for cell, back in zip(cells, row, strict=True):
        if not isinstance(cell, str):
            assert back == str(cell)  # a number as it is
        elif cell.startswith(FORMULA_STARTS):
            assert back == "'" + printable(cell)
        else:
            assert back == printable(cell) and not back.startswith(FORMULA_STARTS[:4])


def test_history_csv_defends_an_imported_formula_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert csv_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert csv_cell(-3) == -3 and csv_cell("-3") == "'-3"


# -- the notification -------------------------------------------------------------------------


@HYPO
@given(title=TEXT, message=TEXT)
def test_a_notification_body_is_text_never_markup(title: str, message: str) -> None:
    body = desktop.body_markup(message)
    assert not re.search("[<>]", body) and not CANNOT_CARRY.search(body.replace("\n", ""))
    assert html.unescape(body) == desktop.plain(message)
    assert desktop.plain(message).count("\n") == message.replace("\r\n", "\n").count(
        "\n"
    ) + message.replace("\r\n", "").count("\r")
    assert not CANNOT_CARRY.search(desktop.plain(title).replace("\n", ""))
