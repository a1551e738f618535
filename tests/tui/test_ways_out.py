"""Issue 23, class 1: no state without a way out. Random keymaps from the set the check accepts ×
random key sequences over a session (running, paused, counting in, asking "end the session?",
help, the jump list), with the invariants after every key: each way out of the state on screen
has a key that reaches it now, and every key the screen names is bound to that action now.
Then the session is resumed and ended by the keys the screen names."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.screen import Screen
from textual.widgets import Static

from supple.system import paths
from supple.tui.app import SuppleApp
from supple.tui.keymap import check_keymap, default_bindings, key_word, keys_in_force
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.hurt import HurtScreen
from supple.tui.screens.jump import JumpScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.summary import SummaryScreen
from tests.tui.conftest import build_app

DEFAULTS = default_bindings()
IDS = sorted({*DEFAULTS["player"], *DEFAULTS["confirm"], *DEFAULTS["help"], *DEFAULTS["jump"]})
KEYS = ["space", "k", "x", "q", "escape", "enter", "n", "p", "s", "j", "y", "up", "r", "f2"]
keymaps = st.dictionaries(
    st.sampled_from(IDS),
    st.lists(st.sampled_from(KEYS), min_size=1, max_size=2, unique=True).map(",".join),
    max_size=4,
).map(lambda keymap: check_keymap(keymap, Path("config.toml"), "", DEFAULTS)[0])
presses = st.lists(st.sampled_from([*KEYS, "question_mark", "m"]), max_size=8)

# The ways out of each state, and the widget that names the keys of each.
WAYS: dict[type[Screen[object]], list[str]] = {
    ConfirmScreen: ["confirm.yes", "confirm.no"],
    HelpScreen: ["help.close"],
    JumpScreen: ["jump.close"],
    HurtScreen: ["hurt.cancel"],  # before a rating: back, with no mark
}


def ways_out(screen: Screen[object]) -> list[str]:
    if isinstance(screen, PlayerScreen):
        state = screen.live.session.state
        return ["player.stop", "player.resume" if state == "paused" else "player.pause"]
    return WAYS.get(type(screen), [])


def check_state(app: SuppleApp) -> None:
    """Each way out of the state on screen has its keys in force bound to it, enabled; and the
    screen's words name exactly those keys."""
    screen = app.screen
    active = screen.active_bindings
    for way in ways_out(screen):
        keys = keys_in_force(app, type(screen), way)
        assert keys, way
        for key in keys:
            assert key in active and active[key].binding.id == way and active[key].enabled, (
                way,
                key,
                {k: (a.binding.id, a.enabled) for k, a in active.items()},
            )
        if isinstance(screen, PlayerScreen):
            words = str(screen.query_one("#next", Static).render())
            if way == "player.resume":
                assert f"press {' or '.join(key_word(k) for k in keys)} to resume" in words
        else:
            named = str(screen.query_one("#keys", Static).render())
            assert " / ".join(key_word(k) for k in keys) in named, (way, named)


async def play(data_dir: Path, keymap: dict[str, str], keys: list[str]) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f'"{i}" = "{k}"\n' for i, k in keymap.items())
    config.write_text(f"[keymap]\n{lines}")
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        assert not app.coach.config_problems  # an accepted keymap: all of it in force
        for key in keys:
            await pilot.press(key)
            if isinstance(app.screen, SummaryScreen) or player.live.session.state == "done":
                return  # ended by a way out: nothing left to reach
            check_state(app)
        # Out of any dialog by its way out, resumed, then ended: by the keys the screen names.
        while app.screen is not player:
            screen = app.screen
            await pilot.press(keys_in_force(app, type(screen), ways_out(screen)[-1])[0])
            if isinstance(app.screen, SummaryScreen) or player.live.session.state == "done":
                return
        if player.live.session.state == "paused":
            await pilot.press(keys_in_force(app, PlayerScreen, "player.resume")[-1])
            assert player.live.session.state != "paused"
        await pilot.press(keys_in_force(app, PlayerScreen, "player.stop")[-1])
        assert isinstance(app.screen, ConfirmScreen)
        check_state(app)
        await pilot.press(keys_in_force(app, ConfirmScreen, "confirm.yes")[-1])
        await pilot.pause()
        assert player.live.session.state == "done"


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(keymaps, presses)
@example(  # "this hurts" on Enter, then a key that chooses nothing before a rating
    keymap={"player.hurts": "y,enter", "confirm.yes": "space"},
    keys=["space", "space", "space", "enter", "s"],
)
def test_every_state_keeps_its_ways_out(
    data_dir: Path, keymap: dict[str, str], keys: list[str]
) -> None:
    asyncio.run(play(data_dir, keymap, keys))


async def test_the_readme_keymap(data_dir: Path) -> None:
    """The README's example: space and k pause, space resumes, and the screen says so."""
    await play(data_dir, {"player.pause": "space,k"}, ["space", "space", "k", "question_mark"])
    await play(data_dir, {"player.resume": "r", "player.stop": "x"}, ["space", "x", "escape"])
