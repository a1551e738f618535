"""What `supple program` keeps of the routines (issue 22, start-up): the program's check against
the routines, each workout's length and its routine's title, kept in the parsed-file cache
against every file they come from. Whatever changes between two runs (a routine of the
person's, the bundled files, the settings' timing, the easier/harder steps, the program file,
the language, the cache itself), the program seen through the cache is the program seen
without it, and while nothing changed no routine is loaded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple import i18n
from supple.coach.coach import Coach
from supple.core import packaged, parsed_cache
from supple.core.parsed_cache import ParsedCache
from supple.system import paths

OLD = 1_600_000_000 * 10**9  # well past the "too recent to keep" window
PROGRAM = "lower-back-6-weeks"
ROUTINE = "lower-back-mobility.toml"


class Folders:
    """A copy of the bundled files and a person's folders, every file written at an old time
    of its own (a fresh one each write, so that no two writes share a key)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.bundled = base / "bundled"
        shutil.copytree(paths.bundled_routines_dir(), self.bundled)
        self.config = base / "config"
        (self.config / "routines").mkdir(parents=True)
        self.data = base / "data"
        self.data.mkdir()
        self.cache = base / "cache" / "parsed.marshal"
        self.writes = 0
        for path in self.bundled.rglob("*.toml"):
            self.age(path)

    def age(self, path: Path, recent: bool = False) -> None:
        self.writes += 1
        at = datetime.now(UTC).timestamp() * 10**9 if recent else OLD + self.writes * 10**9
        os.utime(path, ns=(int(at), int(at)))

    def write(self, path: Path, text: str, recent: bool = False) -> None:
        path.write_text(text, encoding="utf-8")
        self.age(path, recent)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Folders]:
    found = Folders(tmp_path)
    monkeypatch.setattr(packaged, "routines_dir", lambda: found.bundled)
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(found.config))
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(found.data))
    monkeypatch.setenv("SUPPLE_STATE_DIR", str(tmp_path / "state"))
    yield found
    parsed_cache.use(None)
    i18n.choose(None)


def _seen(folders: Folders, cached: bool) -> Any:
    """The program as a fresh run sees it: each workout's length, where it stands, the next
    workout's title and what was said; or the error said."""
    cache = ParsedCache(folders.cache, "test") if cached else None
    parsed_cache.use(cache)
    try:
        coach = Coach.from_environment(
            data_dir=folders.data, config_path=folders.config / "config.toml"
        )
        service = coach.program_service
        view = service.view()
        said = [n.text for n in coach.take_notices()]
        if view is None:
            return said
        program = view.program
        titles = [service.title(program, w.routine) for w in program.workouts]
        return view.seconds, view.progress.to_json(), program, titles, said
    finally:
        if cache is not None:
            cache.save()  # as at the process's exit
        parsed_cache.use(None)


def _change(folders: Folders, change: tuple[str, int, bool]) -> None:
    what, number, recent = change
    user = folders.config / "routines" / ROUTINE
    if what == "mine":  # a routine of the person's replaces the program's
        text = (folders.bundled / ROUTINE).read_text(encoding="utf-8")
        text = text.replace("rest_between_exercises = 10", f"rest_between_exercises = {number}")
        folders.write(user, text.replace('"Lower back mobility"', f'"Mine {number}"'), recent)
    elif what == "not mine":
        user.unlink(missing_ok=True)
    elif what == "bundled":
        path = folders.bundled / ROUTINE
        text = path.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("rest_between_sets"))
        folders.write(path, text.replace(old, f"rest_between_sets = {number}"), recent)
    elif what == "settings":
        folders.write(folders.config / "config.toml", f"get_ready = {number % 30}\n", recent)
    elif what == "steps":
        step = number % 5 - 2
        text = f"schema = 1\n[lower-back-mobility]\ncat-cow = {step}\n"
        if number % 7 == 0:
            text = "schema = 1\n[lower-back-mobility]\ncat-cow = 'x'\n"  # said at every run
        folders.write(folders.data / "adjustments.toml", text, recent)
    elif what == "program":
        path = folders.bundled / "programs" / f"{PROGRAM}.toml"
        text = path.read_text(encoding="utf-8")
        level = ("beginner", "intermediate", "advanced", "nowhere")[number % 4]
        first = 'routine = "lower-back-mobility"\nlevel = "beginner"'
        assert first in text
        folders.write(path, text.replace(first, first.replace("beginner", level), 1), recent)
    elif what == "language":
        i18n.choose(("en", "de", "es")[number % 3])
    elif what == "corrupt":
        folders.cache.parent.mkdir(parents=True, exist_ok=True)
        folders.cache.write_bytes(b"\x00not marshal" * (number % 3))
    else:
        raise AssertionError(what)


CHANGES = st.tuples(
    st.sampled_from(
        ["mine", "not mine", "bundled", "settings", "steps", "program", "language", "corrupt"]
    ),
    st.integers(1, 40),
    st.booleans(),
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.lists(CHANGES, min_size=1, max_size=4))
def test_the_program_through_the_cache_is_the_program_without_it(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    changes: list[tuple[str, int, bool]],
) -> None:
    folders = Folders(tmp_path_factory.mktemp("kept"))
    with monkeypatch.context() as patch:
        patch.setattr(packaged, "routines_dir", lambda: folders.bundled)
        patch.setenv("SUPPLE_CONFIG_DIR", str(folders.config))
        patch.setenv("SUPPLE_DATA_DIR", str(folders.data))
        patch.setenv("SUPPLE_STATE_DIR", str(folders.base / "state"))
        try:
            assert _seen(folders, cached=True) == _seen(folders, cached=False)
            for change in changes:
                _change(folders, change)
                fresh = _seen(folders, cached=False)
                assert _seen(folders, cached=True) == fresh  # worked out, or kept
                assert _seen(folders, cached=True) == fresh  # kept, or worked out again
        finally:
            parsed_cache.use(None)
            i18n.choose(None)


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_a_program_kept_is_the_program_read(language: str) -> None:
    from supple.core.program import load_program
    from supple.core.program_kept import as_kept, from_kept
    from supple.core.routine import load_catalog

    i18n.choose(language)
    try:
        catalog = load_catalog(paths.routine_folders())
        for path in sorted((paths.bundled_routines_dir() / "programs").glob("*.toml")):
            program = load_program(path, catalog)
            kept = as_kept(program)
            assert from_kept(kept) == program
            assert load_program(path, None) == program  # read without the routines: the same
    finally:
        i18n.choose(None)


@given(
    st.recursive(
        st.none() | st.integers() | st.text(max_size=3) | st.floats(allow_nan=False),
        lambda inner: st.lists(inner, max_size=9).map(tuple),
        max_leaves=20,
    )
)
@settings(max_examples=60, deadline=None)
def test_anything_else_kept_is_no_program(data: object) -> None:
    from supple.core.program_kept import from_kept

    assert from_kept(data) is None


def test_while_nothing_changed_no_routine_is_loaded(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supple.coach import routines

    loads: list[int] = []
    real = routines.Routines.raw.fget
    assert real is not None

    def counted(self: routines.Routines) -> Any:
        loads.append(1)
        return real(self)

    monkeypatch.setattr(routines.Routines, "raw", property(counted))
    first = _seen(folders, cached=True)
    assert loads  # the first run checks the program against the routines, and keeps it
    loads.clear()
    assert _seen(folders, cached=True) == first
    assert not loads
    folders.write(folders.config / "config.toml", "rest_between_exercises = 20\n")
    changed = _seen(folders, cached=True)
    assert loads and changed != first  # the settings' timing moved: worked out again


def test_the_figure_names_are_kept_until_a_figure_file_changes(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supple.core import figure_names as names

    reads: list[int] = []
    real = names.ids_in

    def read_now() -> tuple[str, ...]:
        files = sorted((folders.bundled / "figures").glob("*.toml"))
        return tuple(n for f in files for n in real(f.read_text(encoding="utf-8")))

    monkeypatch.setattr(names, "ids_in", lambda text: reads.append(1) or real(text))
    parsed_cache.use(ParsedCache(folders.cache, "test"))
    try:
        # A first run reads the files; the next reads none; one after a change reads them.
        for change, read in ((None, True), (None, False), ("x-", True), (None, False)):
            if change:  # one figure renamed in its file
                path = folders.bundled / "figures" / "wrists.toml"
                text = path.read_text(encoding="utf-8")
                folders.write(path, text.replace('id = "', f'id = "{change}', 1))
            names.figure_names.cache_clear()  # a new run
            reads.clear()
            found = names.figure_names()
            assert bool(reads) is read
            assert found == read_now()
    finally:
        names.figure_names.cache_clear()
        parsed_cache.use(None)


def test_a_broken_steps_file_is_said_at_every_run(folders: Folders) -> None:
    """What reading the steps says is never kept away: each run reads them again and says it."""
    folders.write(folders.data / "adjustments.toml", "schema = 1\n[lower-back-mobility]\nx = 'y'\n")
    runs = [_seen(folders, cached=True) for _ in range(3)]
    assert runs[0][-1], "the broken steps file is said"
    assert runs == [_seen(folders, cached=False)] * 3
