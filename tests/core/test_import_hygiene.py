"""supple.core stays Textual-free, and so do the light CLI commands (proved in a fresh process)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import supple.core


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_core_imports_no_textual() -> None:
    modules = [f"supple.core.{m.name}" for m in pkgutil.iter_modules(supple.core.__path__)]
    assert "supple.core.session" in modules
    code = "import importlib, sys\n"
    code += "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
    code += "assert not bad, bad\n"
    result = _run(code)
    assert result.returncode == 0, result.stderr


def test_light_commands_import_no_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from supple.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list']); main(['show', 'lower-back-mobility']); main(['validate', '.'])\n"
        "    main(['history']); main(['stats']); main(['program']); main(['test', 'list'])\n"
        "    main(['config', 'show'])\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
