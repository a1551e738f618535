"""No import cycle between supple's modules at any level: every import counts, function-level
and TYPE_CHECKING ones included (a late import may keep start-up fast, never hide a loop)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "supple"


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its ``__init__``)."""
    found: dict[str, Path] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its body; ``from pkg import mod``
    counts as importing ``pkg.mod``, and a name from a package as importing the package."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            for alias in node.names:
                submodule = f"{stem}.{alias.name}"
                targets.add(submodule if submodule in modules else stem)
    # "import a.b.c" also runs a and a.b: only the deepest module known is the edge we keep.
    edges: set[str] = set()
    for target in targets:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            edges.add(target)
    return edges


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted, and
    within each one shortest loop through its first module, printed for the reader."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(components)


def shortest_loop(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One shortest path from the component's first module back to itself."""
    start = component[0]
    members = set(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for nxt in sorted(graph[node] & members):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    following.append(nxt)
        frontier = following
    return component


def test_the_graph_sees_late_and_relative_imports() -> None:
    graph = import_graph()
    assert "supple.core.session" in graph
    # `supple.tui.app` is imported inside cmd_app only, to keep Textual off the light commands.
    assert "supple.tui.app" in graph["supple.cli.app"]
    assert all(target in graph for targets in graph.values() for target in targets)


def test_no_import_cycle() -> None:
    graph = import_graph()
    found = cycles(graph)
    for component in found:
        print("cycle:", " -> ".join(shortest_loop(graph, component)), f"({len(component)} modules)")
    assert not found, [" -> ".join(shortest_loop(graph, c)) for c in found]


def test_relative_and_from_package_imports_resolve(tmp_path: Path) -> None:
    modules = {
        name: tmp_path / "x.py" for name in ("supple.core", "supple.core.a", "supple.core.b")
    }
    source = tmp_path / "x.py"
    source.write_text(
        "def late():\n    from . import b\n    from .a import thing\n    import supple.core\n"
    )
    assert _imports("supple.core.c", source, modules) == {
        "supple.core",
        "supple.core.a",
        "supple.core.b",
    }


def test_no_class_over_300_lines_and_no_module_over_500() -> None:
    # Issue 22: every change has one obvious room; a class or a module past these holds more
    # than one concern.
    import ast

    too_big = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text()
        if text.count("\n") > 500:
            too_big.append(f"{path.relative_to(SRC)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                length = node.end_lineno - node.lineno + 1
                if length > 300:
                    too_big.append(f"{path.relative_to(SRC)}: class {node.name}, {length} lines")
    assert not too_big, too_big
