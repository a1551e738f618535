"""Writes docs/settings.md from the settings' one declaration (supple.core.config.Config)."""

from __future__ import annotations

from pathlib import Path

from supple.core.config import settings_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"

if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(settings_markdown(), encoding="utf-8")
    print(f"wrote {DOC}")
