"""Writes the list of import formats in docs/importing.md from the registry (``FORMATS``).

``python scripts/formats_doc.py`` rewrites the part between the markers; ``--check`` exits 1 if
it is stale (tests/core/test_import_formats.py fails then too).
"""

from __future__ import annotations

import sys
from pathlib import Path

from supple.core.imports import FORMATS

DOC = Path(__file__).resolve().parent.parent / "docs" / "importing.md"
BEGIN = "<!-- formats: begin (written by scripts/formats_doc.py; edit the format modules) -->"
END = "<!-- formats: end -->"


def formats_markdown() -> str:
    """What each format is, then the table of what becomes what, in the registry's order."""
    lines = [f"- **{f.name}** ({f.kind}): {f.about}" for f in FORMATS]
    lines += ["", "| from | file | what becomes what |", "| --- | --- | --- |"]
    lines += [f"| {f.name} | {f.file} | {f.becomes} |" for f in FORMATS]
    return "\n".join(lines)


def updated(text: str) -> str:
    """``text`` with the part between the markers written afresh."""
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{formats_markdown()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    fresh = updated(text)
    if "--check" in argv:
        if fresh != text:
            print(f"{DOC} is stale: run python scripts/formats_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
