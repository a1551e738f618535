"""Placeholder until the app lands (issue 3)."""

from __future__ import annotations

from supple.core.routine import Catalog


def run_app(catalog: Catalog, *, routine_id: str | None, level: str | None) -> int:
    print("The full-screen app is not built yet; try `supple list` or `supple show`.")
    return 0
