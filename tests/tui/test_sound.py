"""Sound in the app: tones through the player, the lead-in, start now, breath tones, mute."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Static

from supple.system import paths
from supple.tui.screens.player import PlayerScreen
from tests.fake_outputs import FakePlayer
from tests.tui.conftest import RecordingSpeaker, advance, bells, build_app
from tests.tui.scenes import settle

BPR = ("back-pain-relief", "beginner")


def stage(app: object) -> str:
    return str(app.screen.query_one("#stage", Static).render())  # type: ignore[attr-defined]


async def test_tones_instead_of_the_bell_with_a_player(data_dir: Path) -> None:
    app = build_app(data_dir, start=BPR)
    player = FakePlayer(app.coach.clock.now)
    app.coach.use_outputs(RecordingSpeaker(available=False), player)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(12):
            advance(app, 0.5)  # the get-ready's 3-2-1 and the first rep
        assert player.names() == ["tick", "tick", "tick", "start"]
        assert bells(app) == 0
        # Each came at its second: 2, 3 and 4 s into the 5 s get-ready, then the work.
        start = 1000.0
        assert [round(t - start, 1) for t, *_ in player.played] == [2.0, 3.0, 4.0, 5.0]
        assert player.prepared and ("complete", None) in player.prepared


async def test_the_lead_in_says_the_first_instruction_before_the_clock_starts(
    data_dir: Path,
) -> None:
    speaker = RecordingSpeaker()
    app = build_app(data_dir, start=BPR, speaker=speaker)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        assert stage(app) == "STARTING IN 7"
        assert speaker.said[0][0].startswith("Cat-Cow. Kneel on all fours")
        assert screen.live.session.snapshot().segment_left == 5  # the plan has not begun
        advance(app, 7.0)
        assert stage(app) == "GET READY"
        assert speaker.said[-1] == ("Get ready: Cat-Cow", 2)
        for _ in range(8):
            advance(app, 0.5)
        assert [t for t, _ in speaker.said[2:5]] == ["3", "2", "1"]


def next_line(app: object) -> str:
    return str(app.screen.query_one("#next", Static).render())  # type: ignore[attr-defined]


async def test_start_now_skips_only_the_wait_and_says_so_only_then(data_dir: Path) -> None:
    app = build_app(data_dir, start=BPR)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert next_line(app).endswith("·  s starts now")
        await pilot.press("s")
        await settle(pilot)
        snap = app.screen.live.session.snapshot()  # type: ignore[attr-defined]
        assert snap.segment.kind == "rep" and snap.segment.rep == 1
        assert "starts now" not in next_line(app)
        await pilot.press("s")  # during the work: nothing
        assert app.screen.live.session.snapshot().segment_index == snap.segment_index  # type: ignore[attr-defined]


async def test_breath_tones_are_one_key_and_kept(data_dir: Path) -> None:
    app = build_app(data_dir, start=BPR)
    player = FakePlayer(app.coach.clock.now)
    app.coach.use_outputs(RecordingSpeaker(available=False), player)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert app.coach.config.breath_sound
        saved = tomllib.loads(paths.config_file().read_text())
        assert saved["breath_sound"] is True
        assert ("breath-in", 3.0) in player.prepared
        for _ in range(24):
            advance(app, 0.5)  # into the reps at 5 s: 3 s in, 3 s out
        assert player.names("breath")[:3] == ["breath-in", "breath-out", "breath-in"]
        await pilot.press("b")
        await settle(pilot)
        before = len(player.names("breath"))
        for _ in range(12):
            advance(app, 0.5)
        assert len(player.names("breath")) == before  # off again: no more breath tones


async def test_mute_silences_tones_voice_and_breath(data_dir: Path) -> None:
    speaker = RecordingSpeaker()
    app = build_app(data_dir, start=BPR, speaker=speaker)
    player = FakePlayer(app.coach.clock.now)
    app.coach.use_outputs(speaker, player)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.press("m")
        await settle(pilot)
        said, played = len(speaker.said), len(player.played)
        for _ in range(60):
            advance(app, 0.5)
        assert len(speaker.said) == said and len(player.played) == played
        assert bells(app) == 0 and player.stops >= 1


async def test_the_jump_list_goes_to_any_exercise_and_keeps_what_was_done(
    data_dir: Path,
) -> None:
    from supple.tui.screens.jump import JumpScreen

    app = build_app(data_dir, start=BPR)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        for _ in range(80):
            advance(app, 0.5)  # Cat-Cow in full (5 reps) and into the rest
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JumpScreen)
        live = app.screen_stack[-2].live  # type: ignore[attr-defined]
        assert live.session.state == "paused"  # nothing runs on behind the list
        await pilot.press("down", "down", "enter")  # Child's Pose, passing Sphinx by
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        snap = live.session.snapshot()
        assert snap.exercise is not None and snap.exercise.id == "childs-pose"
        assert snap.segment is not None and snap.segment.kind == "get_ready"
        records = {r.id: r.status for r in live.session.records()}
        assert records["cat-cow"] == "done" and records["sphinx"] == "skipped"
        await pilot.press("j", "up", "up", "enter")  # back to Cat-Cow: it stays done
        await settle(pilot)
        assert live.session.snapshot().exercise.id == "cat-cow"
        assert {r.id: r.status for r in live.session.records()}["cat-cow"] == "done"
        await pilot.press("j", "escape")  # Esc: back where it was, resumed with a count-in
        await settle(pilot)
        assert live.session.snapshot().count_in_left > 0
