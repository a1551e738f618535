"""The fault tests' fixtures."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def notified(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notice the app shows, in order (the app still shows each)."""
    from supple.tui.app import SuppleApp

    said: list[str] = []
    original = SuppleApp.notify

    def notify(self: SuppleApp, message: str, **kw: Any) -> None:
        said.append(message)
        original(self, message, **kw)

    monkeypatch.setattr(SuppleApp, "notify", notify)
    return said
