"""The registry of import formats: every format module in it, and the words taken from it."""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import supple.core.imports as imports
from supple.core.imports import FORMATS, formats_in_words
from supple.core.imports.base import Format

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("formats_doc", ROOT / "scripts/formats_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_list_of_formats_is_fresh() -> None:
    script = _script()
    text = script.DOC.read_text(encoding="utf-8")
    assert script.updated(text) == text, "docs/importing.md is stale: python scripts/formats_doc.py"
    for found in FORMATS:
        assert f"| {found.name} |" in text


def test_every_format_module_is_registered_once() -> None:
    helpers = {"base", "text"}
    modules = [m.name for m in pkgutil.iter_modules(imports.__path__) if m.name not in helpers]
    declared = [importlib.import_module(f"supple.core.imports.{m}").FORMAT for m in modules]
    assert all(isinstance(f, Format) for f in declared)
    assert sorted(f.name for f in declared) == sorted(f.name for f in FORMATS)
    assert len({f.name for f in FORMATS}) == len(FORMATS)


def test_format_modules_do_not_import_the_registry() -> None:
    """No cycle: the package imports its formats; they import only ``base`` and ``text``."""
    for info in pkgutil.iter_modules(imports.__path__):
        tree = ast.parse(Path(imports.__path__[0], f"{info.name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "supple.core.imports", info.name
            if isinstance(node, ast.Import):
                assert all(a.name != "supple.core.imports" for a in node.names), info.name


def test_the_words_name_every_format() -> None:
    from supple.cli import build_parser

    words = formats_in_words(kinds=True)
    help_text = build_parser().format_help()
    for found in FORMATS:
        assert found.name in words
        assert found.name in " ".join(help_text.split())


@pytest.mark.parametrize("depth", [33, 40, 200])
@pytest.mark.parametrize("routine", [True, False])
def test_a_too_deeply_nested_toml_is_said_as_validate_says_it(
    tmp_path: Path, depth: int, routine: bool
) -> None:
    """A supple routine (or any TOML) nested deeper than validate allows is refused with
    validate's words, not "not a file supple can import"."""
    from supple.core.imports import ImportProblem, convert_text
    from supple.core.tomlcheck import MAX_DEPTH, BadToml, parse_document

    deep = "[" * depth + "1" + "]" * depth
    text = f'schema = 1\nid = "deep"\nx = {deep}\n' + ("[[exercise]]\n" if routine else "")
    with pytest.raises(BadToml) as validated:
        parse_document(text)
    with pytest.raises(ImportProblem) as refused:
        convert_text(text, tmp_path / "deep.toml")
    assert depth > MAX_DEPTH
    assert str(validated.value) in str(refused.value)
    assert "too deeply nested" in str(refused.value)
