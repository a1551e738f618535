"""The next-morning question outside the app (issue 25): `supple status` and the reminder only
prompt; `supple checkin --morning N` answers; `supple log` takes pain before and after."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main, status
from supple.core import summary as stored
from supple.core.history import HistoryStore
from supple.core.morning import PROMPT
from supple.core.nudge import MORNING_TITLE, Due, RemindSettings, Today, decide
from supple.core.pain import morning_due
from supple.core.record import SessionRecord
from supple.core.value import replace
from supple.system import paths
from tests.core.test_status import summary
from tests.fakes import make_session_record


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def session_at(started: datetime, minutes: float = 10, **kw: object) -> SessionRecord:
    record = make_session_record(started)
    return replace(record, started=started, ended=started + timedelta(minutes=minutes), **kw)


def line_at(records: list[SessionRecord], now: datetime, **kw: object) -> str:
    """The status line at ``now`` from a summary written (through its JSON) over ``records``."""
    written = stored.Summary.from_json(summary(now.date()))
    written = written._replace(morning=stored.morning_facts(records))
    read = stored.Summary.from_json(json.loads(json.dumps(written.to_json())))
    return status.render(read, now.date(), now=now, **kw)  # type: ignore[arg-type]


# -- the status line --------------------------------------------------------------------------

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 25, 7, 0, tzinfo=TZ)  # Wednesday morning


def test_the_line_prompts_until_the_days_first_session_or_an_answer() -> None:
    evening = session_at(datetime(2026, 11, 24, 19, 0, tzinfo=TZ))
    assert line_at([evening], NOW) == f"🔥 0 · {PROMPT}"
    assert line_at([evening], NOW, ascii=True) == f"streak 0 | {PROMPT}"
    template = {"template": "[{morning}]"}
    assert line_at([evening], NOW, **template) == f"[{PROMPT}]"
    today = session_at(NOW + timedelta(minutes=30))
    assert line_at([today, evening], NOW + timedelta(hours=1)) == "🔥 0"  # after today's first
    answered = replace(evening, morning_pain=2, morning_at=NOW)
    skipped = replace(evening, morning_pain=None, morning_at=NOW)
    assert line_at([answered], NOW) == line_at([skipped], NOW) == "🔥 0"
    assert line_at([evening], NOW + timedelta(hours=25)) == "🔥 0"  # 37 hours after: gone
    assert line_at([], NOW, **template) == "[]"
    # Without the clock (only a day), no prompt: the line never guesses the time.
    written = stored.Summary.from_json(summary(NOW.date()))
    written = written._replace(morning=stored.morning_facts([evening]))
    assert status.render(written, NOW.date()) == "🔥 0"


@settings(max_examples=150, deadline=None)
@given(
    starts=st.lists(st.integers(-60 * 60, 2 * 60), max_size=6),  # minutes from the write
    answered=st.lists(st.booleans(), min_size=6, max_size=6),
    later=st.integers(0, 40 * 60),  # minutes from the write to the status line
    offset=st.sampled_from([-5, 0, 1, 9]),
)
def test_the_line_asks_exactly_when_the_app_would(
    starts: list[int], answered: list[bool], later: int, offset: int
) -> None:
    """Generated times: the status line, from the summary's facts and the clock alone, prompts
    exactly when the rule over the whole history (``core.pain.morning_due``) says it is due."""
    zone = timezone(timedelta(hours=offset))
    written = datetime(2026, 3, 29, 6, 30, tzinfo=zone)
    records = [
        session_at(written + timedelta(minutes=m), morning_at=written if done else None)
        for m, done in zip(starts, answered, strict=False)
        if m <= -10  # each ended before the summary was written
    ]
    now = written + timedelta(minutes=later)
    shown = line_at(records, now)
    assert shown.endswith(PROMPT) == (morning_due(records, now) is not None), shown


def test_a_summary_with_broken_facts_reads_the_good_ones() -> None:
    good = {"started": "2026-11-24T19:00:00+01:00", "ended": "2026-11-24T19:10:00+01:00"}
    data = summary(NOW.date()) | {
        "morning": [
            good | {"answered": False, "in_progress": False},
            {"started": "yesterday", "ended": good["ended"]},  # not a time: left out
            {"started": "2026-11-24T19:00:00", "ended": good["ended"]},  # no offset: left out
            "not a record",
        ]
    }
    read = stored.Summary.from_json(data)
    assert len(read.morning) == 1 and read.morning[0].started.tzinfo is not None
    assert status.render(read, NOW.date(), now=NOW).endswith(PROMPT)
    assert stored.Summary.from_json(summary(NOW.date())).morning == []  # an older file


# -- from the shell: checkin, log, and the line following them -----------------------------------


def yesterday_session(hours_ago: float = 24) -> SessionRecord:
    store = HistoryStore(paths.data_dir())
    at = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=hours_ago)
    record = make_session_record(at)
    path = store.path_for("back-pain-relief", at)
    store.save(record, path)
    return replace(record, path=path)


def test_checkin_answers_yesterdays_session_and_the_line_stops_asking(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = yesterday_session()
    assert run(capsys, "history")[0] == 0  # a read: the summary is written
    assert run(capsys, "status")[1].rstrip("\n").endswith(PROMPT)
    code, out, err = run(capsys, "checkin", "--morning", "3")
    assert code == 0 and err == ""
    assert out.startswith("This morning: pain 3/10 (mild), saved with Back pain relief of ")
    assert record.path is not None
    from supple.core.history import read_record

    saved = read_record(record.path)
    assert saved.morning_pain == 3 and saved.morning_at is not None
    assert saved.started == record.started  # the same session, rewritten in place
    assert run(capsys, "status")[1] == "🔥 1\n"  # the answer refreshed the summary at once
    code, out, _ = run(capsys, "checkin", "--morning", "1", "--json")  # a second answer replaces
    assert code == 0 and json.loads(out)["morning_pain"] == 1
    assert json.loads(out)["started"] == record.started.isoformat()


def test_checkin_without_a_session_to_link_to(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "checkin", "--morning", "3")
    assert (code, out) == (1, "") and "no session to link this morning's answer to" in err
    yesterday_session(hours_ago=60)  # ended more than 36 hours ago
    assert run(capsys, "checkin", "--morning", "3")[0] == 1


@pytest.mark.parametrize("bad", ["11", "-1", "٣", "３", "3.5", "", "three"])
def test_checkin_refuses_what_is_not_a_rating(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    record = yesterday_session()
    with pytest.raises(SystemExit) as stop:
        main(["checkin", "--morning", bad])
    assert stop.value.code == 2
    assert "expected a whole number from 0 to 10" in capsys.readouterr().err
    from supple.core.history import read_record

    assert record.path is not None and read_record(record.path).morning_at is None


def test_log_keeps_pain_and_today_ends_the_prompt(capsys: pytest.CaptureFixture[str]) -> None:
    yesterday_session()
    run(capsys, "history")
    assert run(capsys, "status")[1].rstrip("\n").endswith(PROMPT)
    code, _, err = run(capsys, "log", "back-pain-relief", "--pain-before", "2", "--pain-after", "3")
    assert code == 0, err
    assert PROMPT not in run(capsys, "status")[1]  # a session today: the question is over
    _, out, _ = run(capsys, "history", "--json")
    logged = json.loads(out)[0]
    assert (logged["pain_before"], logged["pain_after"]) == (2, 3)
    with pytest.raises(SystemExit):
        main(["log", "back-pain-relief", "--pain-after", "11"])


def test_a_first_log_by_hand_is_on_the_status_line_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No summary yet (a new person whose first session is logged by hand): the log keeps the
    whole summary, so the status line has the streak and the morning's question at once."""
    yesterday = (datetime.now().astimezone() - timedelta(days=1)).replace(hour=19, minute=0)
    code, _, err = run(capsys, "log", "back-pain-relief", "--at", f"{yesterday:%Y-%m-%d %H:%M}")
    assert code == 0, err
    line = run(capsys, "status")[1]
    assert "1" in line and line.rstrip("\n").endswith(PROMPT)


# -- the reminder's notification ----------------------------------------------------------------

ON = RemindSettings(on=True, at=(450, 780), hours=(420, 1140))
DUE = Due("lower-back-mobility", "Lower back mobility", "intermediate", 606.0, 11, 18)
MORNING = NOW.replace(hour=7, minute=30)


def test_a_notification_sent_anyway_adds_the_prompt() -> None:
    sent = decide(MORNING, ON, Today(), DUE, desktop=True, morning=True)
    assert sent.notify and sent.routine == "lower-back-mobility"
    first, second = sent.message.split("\n")
    assert first == DUE.message()
    assert second == "How is your back this morning? supple checkin --morning N"
    assert "\n" not in decide(MORNING, ON, Today(), DUE, desktop=True).message


@pytest.mark.parametrize(
    ("now", "today", "due", "desktop", "expected"),
    [
        (MORNING, Today(), None, True, "morning"),  # nothing due: the question alone
        (MORNING, Today(suggested=NOW.date() + timedelta(days=1)), DUE, True, "morning"),
        (MORNING.replace(hour=12), Today(), None, True, "nothing is due"),  # afternoon
        (MORNING, Today(), None, False, "no desktop"),
        (MORNING.replace(hour=6), Today(), None, True, "outside the hours"),
    ],
)
def test_the_morning_question_alone_only_before_noon_and_within_the_rules(
    now: datetime, today: Today, due: Due | None, desktop: bool, expected: str
) -> None:
    decision = decide(now, ON, today, due, desktop=desktop, morning=True)
    if expected == "morning":
        assert decision.notify and decision.title == MORNING_TITLE
        assert decision.message.startswith("How is your back") and decision.routine is None
    else:
        assert not decision.notify and expected in decision.reason
    off = decide(now, replace(ON, on=False), today, due, desktop=desktop, morning=True)
    assert not off.notify


def test_the_nudge_reads_the_open_question_from_the_history(tmp_path: Path) -> None:
    from supple.coach.coach import Coach
    from supple.core.clock import FakeClock
    from supple.system.reminders import save_settings, settings_path
    from supple.system.speech import Speaker

    data = tmp_path / "data"
    store = HistoryStore(data)
    evening = session_at(datetime(2026, 11, 24, 19, 0, tzinfo=TZ))
    store.save(evening, store.path_for("back-pain-relief", evening.started))
    coach = Coach.from_environment(
        clock=FakeClock(0.0), now=lambda: MORNING, data_dir=data, speaker=Speaker(None)
    )
    save_settings(settings_path(paths.config_dir()), ON)
    decision = coach.reminders.nudge(desktop=True)
    assert decision.notify and decision.message.endswith("supple checkin --morning N")
    coach.journal.answer_morning(MORNING, 2)
    assert "morning" not in coach.reminders.nudge(desktop=True).message
