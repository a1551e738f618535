"""The big text widget draws a German or Spanish word in its box, and shows any text its fonts
do not draw as the plain words, verbatim (never markup, never a blank)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from supple.tui.widgets.bigtext import BigText

INK = set("█▀▄")


class _Box(App[None]):
    def compose(self) -> ComposeResult:
        yield BigText("", id="word")


async def test_a_word_is_drawn_or_shown_as_it_is() -> None:
    app = _Box()
    async with app.run_test(size=(56, 6)) as pilot:  # the focus view's cue box at 60 × 20
        word = app.query_one("#word", BigText)
        for text, rows in (("ÜBUNG", 5), ("¡LISTO!", 4), ("Niño", 5), ("Größe", 5)):
            word.update(text)
            await pilot.pause()
            lines = [word.render_line(y).text for y in range(word.size.height)]
            assert sum(1 for line in lines if INK & set(line)) == rows, text  # accents: one more
        for text in ("漢字 [b]bold[/b]", "Einatmen — Kuh: Bauch sinkt"):  # not drawn; too long
            word.update(text)
            await pilot.pause()
            lines = [word.render_line(y).text for y in range(word.size.height)]
            assert not INK & set("".join(lines)), text
            assert text in lines[0], lines
