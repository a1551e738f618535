"""Kinds are compared only in `match` statements that end in `assert_never`, never as strings:
an AST scan of src/ for a comparison on a kind (``x.kind == …``, ``kind in (…)``) or against a
kind's value (``… == "hold"``), and a check that each kind is declared once, as a StrEnum."""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

from supple.core.cues import CueKind
from supple.core.program import TestKind
from supple.core.routine import Kind
from supple.core.timeline import SegmentKind

SRC = Path(__file__).resolve().parents[2] / "src" / "supple"
KINDS: tuple[type[StrEnum], ...] = (Kind, SegmentKind, CueKind, TestKind)
# Values that only ever name a kind (a cue kind's "breath", "end"… name tones and channels too,
# and "hold" a breath phase: those are held by the first rule, on what is compared).
KIND_VALUES = {m.value for k in (Kind, SegmentKind, TestKind) for m in k} - {"hold"}


def _strings(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return {
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        }
    return set()


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _is_kind(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "kind"
    return isinstance(node, ast.Name) and node.id == "kind"


def comparisons_on_kinds(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        if any(_is_none(o) for o in operands):
            continue  # whether a kind was given, not which
        if any(_is_kind(o) for o in operands) or any(_strings(o) & KIND_VALUES for o in operands):
            found.append(f"{path.relative_to(SRC.parent)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_kind_is_compared_outside_a_match() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in comparisons_on_kinds(path)]
    assert not found, "compare kinds in a match ending in assert_never:\n" + "\n".join(found)


def test_the_scan_finds_a_comparison_on_a_kind(tmp_path: Path) -> None:
    tmp = tmp_path / "sample.py"
    tmp.write_text('a = segment.kind == "rep"\nb = x in ("reps", "y")\nc = kind != other\n')
    hits = _scan_file(tmp)
    assert len(hits) == 3, hits


def _scan_file(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        ast.unparse(n)
        for n in ast.walk(tree)
        if isinstance(n, ast.Compare)
        and not any(_is_none(o) for o in [n.left, *n.comparators])
        and (
            any(_is_kind(o) for o in [n.left, *n.comparators])
            or any(_strings(o) & KIND_VALUES for o in [n.left, *n.comparators])
        )
    ]


def test_each_kind_is_declared_once_as_a_str_enum() -> None:
    for kind in KINDS:
        assert issubclass(kind, StrEnum)
        declared = [
            path
            for path in SRC.rglob("*.py")
            if f"class {kind.__name__}(" in path.read_text(encoding="utf-8")
        ]
        assert len(declared) == 1, (kind.__name__, declared)
