"""Merge translations after a git merge of branches that each updated the catalogues.

    python scripts/merge_catalogues.py BRANCH...   # (run from the repository root, mid-merge)

Every translation from the named branches (and HEAD) is kept: the template is extracted anew
from the merged code, each language updated from it, its empty entries filled from the
branches' catalogues, then compiled. Conflict markers in the .po/.pot files are simply replaced.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import i18n as tool  # noqa: E402  (scripts/i18n.py)
from babel.messages.pofile import read_po  # noqa: E402

from supple.i18n import TRANSLATED  # noqa: E402


def translations(ref: str, language: str) -> dict[tuple[str | None, str], object]:
    path = tool.po_path(language).relative_to(Path.cwd())
    shown = subprocess.run(["git", "show", f"{ref}:{path}"], capture_output=True, check=False)
    if shown.returncode != 0:
        return {}
    found = {}
    for message in read_po(io.BytesIO(shown.stdout)):
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.id and not message.fuzzy and all(strings):
            found[tool.key(message.id, message.context)] = message.string
    return found


def main(refs: list[str]) -> int:
    known = {lang: {} for lang in TRANSLATED}
    for ref in ["HEAD", *refs]:
        for lang in TRANSLATED:
            known[lang].update(
                {k: v for k, v in translations(ref, lang).items() if k not in known[lang]}
            )
    for lang in TRANSLATED:  # a conflicted .po cannot be read: start it from HEAD's
        path = tool.po_path(lang)
        if "<<<<<<<" in path.read_text(encoding="utf-8"):
            rel = path.relative_to(Path.cwd())
            path.write_bytes(
                subprocess.run(
                    ["git", "show", f"HEAD:{rel}"], capture_output=True, check=True
                ).stdout
            )
    tool.main("extract")
    tool.main("update")
    missing = 0
    for lang in TRANSLATED:
        path = tool.po_path(lang)
        catalog = tool.read(path)
        for message in catalog:
            if not message.id:
                continue
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            k = tool.key(message.id, message.context)
            if (message.fuzzy or not all(strings)) and k in known[lang]:
                message.string = known[lang][k]
                message.flags.discard("fuzzy")
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            if not all(strings):
                missing += 1
                print(f"{lang}: untranslated {message.id!r}")
        tool.write(path, catalog)
    tool.main("compile")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
