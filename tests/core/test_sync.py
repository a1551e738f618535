"""Issue 24, class 9: a data folder kept in Syncthing, Nextcloud or Dropbox on two computers.

Two machines (two data folders, each with its state folder inside, so sync copies its locks and
index too: the worst case) write sessions, notes, test results and the program's start at
random; a sync step copies files both ways in random order, sometimes leaving the conflict copies
the tools make. After a full sync every session is in both histories exactly once, no lock from
the other machine marks a running session interrupted, the index holds one entry per file, and
nothing written is lost."""

from __future__ import annotations

import json
import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.history import HistoryStore, LiveFile, read_record
from supple.core.program import load_program
from supple.core.program_store import ProgramStore
from supple.core.routine import SLUG, load_catalog
from supple.core.sync import (
    canonical,
    conflicts,
    drop_equal_copies,
    machine_of,
    one_per_name,
    original_name,
)
from supple.core.value import replace
from supple.system import paths
from tests.fakes import make_session_record
from tests.tui.conftest import WALL

PROGRAM = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))

# -- conflict names -------------------------------------------------------------------------------

digits = st.text("0123456789", min_size=1, max_size=1)


def stamp(draw: st.DrawFn, date_sep: str, time: bool) -> str:
    y, m, d = draw(st.integers(2000, 2099)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hms = f"{draw(st.integers(0, 23)):02}{draw(st.integers(0, 59)):02}{draw(st.integers(0, 59)):02}"
    day = f"{y:04}{date_sep}{m:02}{date_sep}{d:02}"
    return f"{day}{' ' + hms if time else ''}" if date_sep else f"{day}-{hms}"


@st.composite
def conflicted(draw: st.DrawFn, name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    ext = dot + ext
    style = draw(
        st.sampled_from(["syncthing", "nextcloud", "nextcloud-user", "owncloud", "dropbox"])
    )
    if style == "syncthing":
        device = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=7, max_size=7))
        return f"{stem}.sync-conflict-{stamp(draw, '', True)}-{device}{ext}"
    if style == "nextcloud":
        return f"{stem} (conflicted copy {stamp(draw, '-', True)}){ext}"
    if style == "nextcloud-user":
        user = draw(st.from_regex(r"[A-Za-z][A-Za-z0-9 ._-]{0,12}", fullmatch=True))
        return f"{stem} (conflicted copy {user.strip() or 'x'} {stamp(draw, '-', True)}){ext}"
    if style == "owncloud":
        return f"{stem}_conflict-{stamp(draw, '', True)}{ext}"
    who = draw(st.from_regex(r"[A-Z][a-z]{0,10}", fullmatch=True))
    again = draw(st.sampled_from(["", " (1)", " (2)"]))
    return f"{stem} ({who}'s conflicted copy {stamp(draw, '-', False)}{again}){ext}"


session_names = st.builds(
    lambda r, hex6, tag: f"20261206T120000-{r}-{hex6}.{tag}.toml",
    st.from_regex(SLUG, fullmatch=True),
    st.from_regex(r"[0-9a-f]{6}", fullmatch=True),
    st.from_regex(r"[0-9a-f]{8}", fullmatch=True),
)
names = st.one_of(
    session_names,
    st.sampled_from(["program.toml", "config.toml", "adjustments.toml", "remind.toml"]),
)


@settings(max_examples=150, deadline=None)
@given(st.data(), names)
def test_every_conflict_copy_is_recognised_and_no_plain_name_is(
    data: st.DataObject, name: str
) -> None:
    assert original_name(name) is None
    once = data.draw(conflicted(name))
    twice = data.draw(conflicted(once))  # a copy of a copy
    assert original_name(once) == original_name(twice) == name
    if name.count(".") == 2:  # a session's: its machine is read through the copy
        assert machine_of(Path(twice)) == machine_of(Path(name)) == name.split(".")[1]


# -- two machines ------------------------------------------------------------------------------


def copy_name(rng: random.Random, name: str) -> str:
    stem, ext = name.rsplit(".", 1)
    return rng.choice(
        [
            f"{stem}.sync-conflict-20261206-120000-{rng.randrange(10**5, 10**6)}A.{ext}",
            f"{stem} (conflicted copy 2026-12-06 {rng.randrange(10**5, 10**6)}).{ext}",
            f"{stem}_conflict-20261206-{rng.randrange(10**5, 10**6)}.{ext}",
            f"{stem} (Someone's conflicted copy 2026-12-0{rng.randint(1, 9)}).{ext}",
        ]
    )


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def sync(rng: random.Random, a: Path, b: Path, base: dict[str, bytes], share: float = 1.0) -> None:
    """Copy files both ways in random order (``share`` of them), as the tools do: a file changed
    on one side since the last sync (``base``) goes over; one changed on both is kept twice, one
    side's version under a conflict copy's name."""
    left, right = files(a), files(b)
    paths = sorted(set(left) | set(right))
    rng.shuffle(paths)
    for rel in paths[: max(1, round(len(paths) * share))]:
        one, two = left.get(rel), right.get(rel)
        if one != two and one is not None and two is not None and base.get(rel) not in (one, two):
            loser = rng.choice([a, b])
            copy = str(Path(rel).with_name(copy_name(rng, Path(rel).name)))
            for side in (a, b):
                shutil.copy2(loser / rel, side / copy)
                base[copy] = (loser / rel).read_bytes()
            one = two = (a / rel if loser is b else b / rel).read_bytes()
            for side in (a, b):
                (side / rel).write_bytes(one)
        elif one != two:
            src, dst = (
                (a, b) if two is None or (one is not None and base.get(rel) == two) else (b, a)
            )
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / rel, dst / rel)
        base[rel] = (a / rel).read_bytes()


class Machine:
    def __init__(self, root: Path, tag: str, rng: random.Random) -> None:
        self.data = root / "data"
        token = lambda: f"{rng.randrange(16**6):06x}"  # noqa: E731
        self.store = HistoryStore(self.data, token, machine=tag)  # state inside: synced too
        self.live: list[LiveFile] = []


def run_two_machines(seed: int, tmp: Path) -> None:
    rng = random.Random(seed)
    a, b = Machine(tmp / "a", "aaaaaaaa", rng), Machine(tmp / "b", "bbbbbbbb", rng)
    program = PROGRAM
    recorded: set[str] = set()  # sessions, by relative path
    notes: set[str] = set()
    results: set[str] = set()
    starts: list[str] = []  # a restart replaces the start: the last one must survive
    running: set[str] = set()
    base: dict[str, bytes] = {}  # what the last sync left, by relative path
    for step in range(rng.randint(8, 24)):
        m = rng.choice([a, b])
        at = WALL - timedelta(days=rng.randint(0, 30), minutes=step)
        action = rng.random()
        if action < 0.4:
            path = m.store.path_for(rng.choice(["cat-cow", "back-pain-relief"]), at)
            status = rng.choice(["completed", "stopped"])
            m.store.save(make_session_record(at, status=status), path)
            recorded.add(str(path.relative_to(m.data)))
        elif action < 0.55:
            path = m.store.path_for("back-pain-relief", at)
            m.live.append(m.store.live(path))
            m.store.save(make_session_record(at, status="in_progress", active=5.0), path)
            recorded.add(str(path.relative_to(m.data)))
            running.add(path.name)
        elif action < 0.75:
            mine = [r for r in m.store.load().records if r.path and r.status != "in_progress"]
            if mine:
                record = rng.choice(mine)
                note = f"note {seed}-{step}"
                assert record.path is not None
                m.store.save(replace(record, note=note), record.path)
                notes.discard(record.note)  # the person replaced the note they saw
                notes.add(note)
        elif action < 0.9:
            test = rng.choice(program.tests)
            result = ProgramStore(m.store).record(test.id, 10.0, "start", at)
            assert result.path is not None
            results.add(str(result.path.relative_to(m.data)))
        else:
            ProgramStore(m.store).start(program, at)
            starts.append(at.strftime("%Y-%m-%d %H:%M"))  # as TOML writes it
        if rng.random() < 0.3:
            sync(rng, a.data, b.data, base, share=rng.random())
        for machine in (a, b):
            machine.store.load()  # each starts now and then: recovery runs
    sync(rng, a.data, b.data, base)
    sync(rng, a.data, b.data, base)  # a file a conflict copy came after
    for m in (a, b):
        loaded = m.store.load()
        by_name = [str(canonical(r.path).relative_to(m.data)) for r in loaded.records if r.path]
        assert sorted(by_name) == sorted(recorded), "a session lost or counted twice"
        for r in loaded.records:
            assert r.path is not None
            if canonical(r.path).name in running:
                assert r.status == "in_progress", "another machine's lock marked it"
        index = json.loads(m.store.index_path.read_text())["files"]
        assert len(index) == len(m.store.session_files())
        store = ProgramStore(m.store)
        paths = one_per_name(sorted(store.results_dir.rglob("*.toml")))
        assert sorted(str(p.relative_to(m.data)) for p in paths) == sorted(results)
        assert store.results(program).quarantined == ()
        text = "".join(files(m.data).get(k, b"").decode() for k in sorted(files(m.data)))
        assert all(note in text for note in notes), "a note was lost"
        assert all(start in text for start in starts[-1:]), "a program start was lost"
        left = drop_equal_copies(conflicts(m.data, ["program.toml"]), m.store.trash_dir)
        for conflict in left:  # each one left differs from its main file
            for copy in conflict.copies:
                assert copy.read_bytes() != conflict.main.read_bytes()
    for m in (a, b):
        for live in m.live:
            assert read_record(live.path).status == "in_progress"
            live.close()


def test_two_machines_syncing_lose_nothing_and_count_nothing_twice(tmp_path: Path) -> None:
    for seed in range(12):
        run_two_machines(seed, tmp_path / str(seed))


def test_a_running_session_seen_by_the_other_machine_is_left_alone(tmp_path: Path) -> None:
    """The checkpoint and its lock arrive by sync: the other machine's start leaves it running,
    and its own machine, once that session is dead, recovers it."""
    rng = random.Random(1)
    base: dict[str, bytes] = {}
    a, b = Machine(tmp_path / "a", "aaaaaaaa", rng), Machine(tmp_path / "b", "bbbbbbbb", rng)
    path = a.store.path_for("back-pain-relief", WALL)
    live = a.store.live(path)
    a.store.save(make_session_record(WALL, status="in_progress"), path)
    sync(rng, a.data, b.data, base)
    assert any(b.data.rglob("*.lock"))  # the lock came too
    live.close()  # the lock is free now, as a lock copied to another machine always is
    sync(rng, a.data, b.data, base)
    (seen,) = b.store.load().records
    assert seen.status == "in_progress"
    a.store.save(make_session_record(WALL, status="in_progress"), path)  # a crashed, no lock
    (recovered,) = a.store.load().records
    assert recovered.status == "interrupted"


def test_equal_conflict_copies_go_to_the_trash_and_differing_ones_stay(tmp_path: Path) -> None:
    main = tmp_path / "program.toml"
    main.write_text('schema = 1\nprogram = "p"\nstarted = 2026-12-06T07:00:00+01:00\n')
    same = tmp_path / "program (conflicted copy 2026-12-06 120000).toml"
    same.write_text('schema = 1\nprogram = "p"\nstarted = 2026-12-06T07:00:00+01:00 # same\n')
    other = tmp_path / "program.sync-conflict-20261206-120000-ABCDEFG.toml"
    other.write_text('schema = 1\nprogram = "p"\nstarted = 2026-12-07T07:00:00+01:00\n')
    (left,) = drop_equal_copies(conflicts(tmp_path, ["program.toml"]), tmp_path / "trash")
    assert left.copies == (other,) and not same.exists()
    assert (tmp_path / "trash" / same.name).exists()


def test_the_machine_tag_is_stable_short_and_differs_by_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from supple.core import sync

    first = sync.machine_tag()
    assert first == sync.machine_tag() and len(first) == sync.MACHINE_LENGTH
    assert all(c in "0123456789abcdef" for c in first)
    real = os.uname()
    other = os.uname_result((*real[:1], "another-computer", *real[2:]))
    monkeypatch.setattr(os, "uname", lambda: other)
    assert sync.machine_tag() != first


def test_the_machine_tag_is_the_one_earlier_versions_gave() -> None:
    """Read without socket and hashlib (start-up, issue 22), the tag is the same as before:
    this machine's index, locks and session names keep theirs."""
    import hashlib
    import socket

    from supple.core import sync

    seed = socket.gethostname()
    for where in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            with open(where, "rb") as handle:
                seed += "\0" + handle.read(64).decode("ascii", "replace").strip()
            break
        except OSError:
            continue
    old = hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()[: sync.MACHINE_LENGTH]
    assert sync.machine_tag() == old


@given(st.binary(max_size=200))
def test_sha256_hex_is_hashlibs(data: bytes) -> None:
    import hashlib

    from supple.core.sync import sha256_hex

    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


@given(st.text(alphabet="0123456789abcdefABCDEF.g\n-", max_size=12))
def test_a_machine_tag_in_a_name_is_eight_lowercase_hex_digits(tag: str) -> None:
    import re

    from supple.core.sync import machine_of

    path = Path(f"20261206T070000-back-pain-relief-abc123.{tag}.toml")
    expected = tag if re.fullmatch(r"[0-9a-f]{8}", tag) else None
    found = machine_of(path)
    if "." not in tag:
        assert found == expected
    else:  # the tag is what follows the last dot
        assert found is None or re.fullmatch(r"[0-9a-f]{8}", found)
