"""A routine file's text changed key by key with tomlkit, so that a hand-written file keeps its
comments and its order when the editor saves it."""

from __future__ import annotations

from typing import Any

from supple.core.routine import RoutineKey


def edited_text(
    text: str, old: dict[str, Any], new: dict[str, Any], origins: list[int | None]
) -> str:
    """``text`` (a routine file read as ``old``) changed to hold ``new``: only the keys that
    differ change; ``origins`` says which old exercise each new one was (None: a new one)."""
    import tomlkit
    from tomlkit.items import AoT, Table

    document = tomlkit.parse(text)
    for key in list(old):
        if key not in new and key in document:
            del document[key]
    for key, value in new.items():
        if (
            key == RoutineKey.EXERCISE
            and isinstance(old.get(key), list)
            and isinstance(value, list)
        ):
            continue
        _apply(document, key, old.get(key, _MISSING), value)
    old_list, new_list = old.get(RoutineKey.EXERCISE), new.get(RoutineKey.EXERCISE)
    if isinstance(old_list, list) and isinstance(new_list, list):
        tables = document.get(RoutineKey.EXERCISE)
        same_order = origins == list(range(len(old_list)))
        if same_order and isinstance(tables, AoT | list) and len(tables) == len(old_list):
            for table, before, after in zip(tables, old_list, new_list, strict=True):
                _apply_table(table, before, after)
        else:
            kept = list(tables) if isinstance(tables, AoT | list) else []
            rebuilt = AoT([])
            for origin, after in zip(origins, new_list, strict=False):
                if origin is not None and origin < len(kept) and isinstance(kept[origin], Table):
                    table = kept[origin]
                    _apply_table(table, old_list[origin], after)
                else:
                    table = tomlkit.table()
                    for k, v in after.items():
                        table[k] = v
                rebuilt.append(table)
            document[RoutineKey.EXERCISE] = rebuilt
    return tomlkit.dumps(document)


_MISSING: Any = object()


def _apply(container: Any, key: str | int, old: Any, new: Any) -> None:
    """Make ``container[key]`` hold ``new``, changing only what differs from ``old``."""
    if old == new:
        return
    current = container.get(key) if hasattr(container, "get") else None
    if isinstance(old, dict) and isinstance(new, dict) and hasattr(current, "keys"):
        _apply_table(current, old, new)
        return
    if old is _MISSING and isinstance(key, str) and _add_after_last_key(container, key, new):
        return
    container[key] = new


def _add_after_last_key(container: Any, key: str, value: Any) -> bool:
    """Add a key right after the table's last key, not after the comments that end it (those
    introduce what follows). False if the table is not one whose lines can be placed so."""
    from tomlkit.container import Container

    body = container if isinstance(container, Container) else getattr(container, "value", None)
    if not isinstance(body, Container) or not hasattr(body, "_insert_at"):
        return False
    last = max((i for i, (k, _) in enumerate(body.body) if k is not None), default=-1)
    if last < 0 or last == len(body.body) - 1:
        return False
    following = body.body[last + 1 :]
    if all(k is None for k, _ in following) and any(
        type(item).__name__ == "Comment" for _, item in following
    ):
        body._insert_at(last + 1, key, value)
        return True
    return False


def _apply_table(table: Any, old: Any, new: dict[str, Any]) -> None:
    old = old if isinstance(old, dict) else {}
    for key in list(old):
        if key not in new and key in table:
            del table[key]
    for key, value in new.items():
        _apply(table, key, old.get(key, _MISSING), value)
