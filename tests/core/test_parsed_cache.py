"""The parsed-TOML cache (issue 22, start-up): a document is parsed again whenever its file,
supple's version or the cache itself is not what it was; otherwise the cached text and
document are exactly what parsing gives, and a fresh copy each time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core import parsed_cache
from supple.core.parsed_cache import RECENT_NS, ParsedCache
from supple.core.tomlcheck import read_toml

OLD = 1_600_000_000 * 10**9  # a modification time well past the "too recent" window


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[ParsedCache]:
    found = ParsedCache(tmp_path / "cache" / "parsed.marshal", "1.0")
    parsed_cache.use(found)
    yield found
    parsed_cache.use(None)


def _write(path: Path, text: str, mtime_ns: int = OLD) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from supple.core import tomlcheck

    calls: list[int] = []
    real = tomlcheck.parse_document

    def counted(raw: bytes | str) -> tuple[str, dict[str, object]]:
        calls.append(1)
        return real(raw)

    monkeypatch.setattr(tomlcheck, "parse_document", counted)
    return calls


values = st.recursive(
    st.integers(-(2**63), 2**63 - 1) | st.text(max_size=5) | st.booleans() | st.floats(0, 1e6),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=25, deadline=None)
@given(doc=st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), values, max_size=4))
def test_a_cached_document_is_what_parsing_gives(
    tmp_path_factory: pytest.TempPathFactory, doc: dict[str, object]
) -> None:
    import tomli_w

    base = tmp_path_factory.mktemp("c")
    path = base / "a.toml"
    _write(path, tomli_w.dumps(doc))
    parsed_cache.use(ParsedCache(base / "parsed.marshal", "1.0"))
    try:
        first = read_toml(path)
        second = read_toml(path)  # from the cache
        assert second == first and second[1] == doc
        second[1]["changed"] = 1  # a caller's change never reaches the next reader
        assert read_toml(path) == first
    finally:
        parsed_cache.use(None)


def test_a_changed_file_is_parsed_again(
    cache: ParsedCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _parses(monkeypatch)
    path = tmp_path / "r.toml"
    _write(path, 'a = "one"\n')
    assert read_toml(path)[1] == {"a": "one"}
    assert read_toml(path)[1] == {"a": "one"}
    assert len(calls) == 1
    _write(path, 'a = "two"\n', OLD)  # same size, same time: the inode alone may not tell...
    os.utime(path, ns=(OLD + 1, OLD + 1))  # ...but any later write moves the time
    assert read_toml(path)[1] == {"a": "two"}
    _write(path, 'a = "three"\n')  # another size, same time
    assert read_toml(path)[1] == {"a": "three"}
    assert len(calls) == 3


def test_a_file_written_just_now_is_not_cached(
    cache: ParsedCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    calls = _parses(monkeypatch)
    path = tmp_path / "r.toml"
    _write(path, "a = 1\n", time.time_ns() - RECENT_NS // 2)
    read_toml(path)
    read_toml(path)
    assert len(calls) == 2


def test_the_cache_lasts_across_processes_and_is_rebuilt_when_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _parses(monkeypatch)
    path = tmp_path / "r.toml"
    _write(path, "a = 1\nwhen = 2026-12-06\n")
    other = tmp_path / "o.toml"
    _write(other, "b = 2\n")
    store = tmp_path / "cache" / "parsed.marshal"

    def run(version: str = "1.0") -> None:
        found = ParsedCache(store, version)
        parsed_cache.use(found)
        try:
            assert read_toml(other)[1] == {"b": 2}
            assert read_toml(path)[1]["a"] == 1
        finally:
            parsed_cache.use(None)
        found.save()

    run()
    assert store.exists()
    run()  # the date document is never cached (marshal has no dates); the other is
    assert len(calls) == 3
    run("2.0")  # another version: parsed again
    assert len(calls) == 5
    store.write_bytes(b"\x00garbage")
    run("2.0")  # corrupt: rebuilt, silently
    assert len(calls) == 7
    run("2.0")
    assert len(calls) == 8


def test_the_library_and_the_figures_are_read_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled files a command or the app reads (routines, the library they `use`, the
    figures home draws) are cached like the person's: parsed once, then never again."""
    from supple.core import figure_data, library_tables
    from supple.core.packaged import routines_dir
    from supple.core.routine import load_catalog

    calls = _parses(monkeypatch)
    store = tmp_path / "parsed.marshal"

    def run() -> None:
        library_tables.read_tables.cache_clear()
        figure_data.load_figures.cache_clear()
        figure_data.figure_tables.cache_clear()
        figure_data.figure_named.cache_clear()
        found = ParsedCache(store, "1.0")
        parsed_cache.use(found)
        try:
            catalog = load_catalog([(routines_dir(), "bundled")])
            assert catalog.routines and not catalog.errors
            assert any(r.uses for r in catalog.routines)  # the library was read
            assert figure_data.load_figures()
        finally:
            parsed_cache.use(None)
        found.save()

    run()
    cached = ParsedCache(store, "1.0")._all()
    folder = routines_dir()
    for area in ("library", "figures"):
        files = {str(p) for p in (folder / area).glob("*.toml")}
        assert files and files <= set(cached), area
    parsed = len(calls)
    run()
    assert parsed >= len(cached) and len(calls) == parsed  # nothing parsed the second time
