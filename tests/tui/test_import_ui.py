"""Import from the palette: the routines land among the person's and home selects the first."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from supple.system import paths
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.import_file import ImportScreen
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


async def test_import_from_the_palette(data_dir: Path, tmp_path: Path) -> None:
    source = paths.bundled_routines_dir() / "back-pain-relief.toml"
    shared = tmp_path / "from-a-friend.toml"
    shared.write_text(source.read_text().replace('title = "Back pain relief"', 'title = "Shared"'))
    bad = tmp_path / "bad.json"
    bad.write_text('{"nothing": "here"}')
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_import()
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        field = app.screen.query_one(Input)
        field.value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        result = str(app.screen.query_one("#import-result", Static).render())
        assert result.startswith("Not imported: a JSON file, but not one of")
        field.value = str(shared)
        await pilot.press("enter")
        await settle(pilot)
        result = str(app.screen.query_one("#import-result", Static).render())
        assert "✓ Shared → back-pain-relief-2.toml" in result
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        preview = str(app.screen.query_one("#preview-text", Static).render())
        assert preview.startswith("Shared")  # the imported routine, selected
