"""Writes man/supple.1, the manual page, from the one parser (supple.cli.manpage)."""

from __future__ import annotations

from pathlib import Path

from supple.cli.manpage import manual

PAGE = Path(__file__).resolve().parent.parent / "man" / "supple.1"

if __name__ == "__main__":
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(manual(), encoding="utf-8")
    print(f"wrote {PAGE}")
