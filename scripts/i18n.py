"""The catalogues (issue 28), with Babel (the test extra; never needed at run time):

    python scripts/i18n.py extract   # src/supple/locale/supple.pot from the code
    python scripts/i18n.py update    # each language's .po brought up to the template
    python scripts/i18n.py compile   # each .po to its .mo (committed: the wheel ships them)
    python scripts/i18n.py check     # what CI checks (tests/test_i18n_catalogues.py)
    python scripts/i18n.py pseudo    # the template's strings as the pseudo-locale shows them

To add a language: add its code to ``supple.i18n.Language`` and ``TRANSLATED``, then
``pybabel init -D supple -i src/supple/locale/supple.pot -d src/supple/locale -l XX``, translate
``src/supple/locale/XX/LC_MESSAGES/supple.po``, ``compile``, ``check``.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supple.i18n import DOMAIN, LOCALE_DIR, TRANSLATED, pseudo

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

SRC = Path(__file__).resolve().parent.parent / "src"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# _("..."), n_("one", "many", n), p_("context", "..."), lazy("...") (see supple.i18n)
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2), "lazy": None}
COMMENT_TAGS = ["Translators:"]
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # no date churn in the committed files
HEADER = {
    "project": "supple",
    "version": "",
    "copyright_holder": "the supple authors",
    "msgid_bugs_address": "",
    "creation_date": FIXED_DATE,
    "revision_date": FIXED_DATE,
    "fuzzy": False,
}
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def sources() -> Iterator[Path]:
    """The modules that translate: only those that import the layer can call it (which keeps the
    extraction quick: most modules are never tokenised)."""
    for path in sorted((SRC / "supple").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "from supple.i18n import" in text and path.name != "i18n.py":
            yield path


def extracted() -> Catalog:
    """The template, as the code has it now."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(domain=DOMAIN, **HEADER)
    for path in sources():
        where = path.relative_to(SRC.parent).as_posix()
        for line, message, comments, context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        ):
            catalog.add(message, locations=[(where, line)], auto_comments=comments, context=context)
    return catalog


def read(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        return read_po(file, domain=DOMAIN)


def write(path: Path, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    """The .mo of ``catalog``, as ``compile`` writes it (a test compares the committed ones)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def key(message_id: str | tuple[str, ...], context: str | None) -> tuple[str | None, str]:
    first = message_id if isinstance(message_id, str) else message_id[0]
    return context, first


def problems() -> list[str]:
    """Everything CI refuses: the template behind the code, an entry of de or es untranslated,
    fuzzy or missing, a placeholder not the English one's (by name)."""
    found: list[str] = []
    template = read(TEMPLATE)
    wanted = {key(m.id, m.context) for m in extracted() if m.id}
    have = {key(m.id, m.context) for m in template if m.id}
    for _context, text in sorted(wanted - have, key=str):
        found.append(f"supple.pot: {text!r} is in the code, not in the template: run extract")
    for _context, text in sorted(have - wanted, key=str):
        found.append(f"supple.pot: {text!r} is no longer in the code: run extract")
    for language in TRANSLATED:
        catalog = read(po_path(language))
        ids = {key(m.id, m.context) for m in catalog if m.id}
        for _context, text in sorted(have - ids, key=str):
            found.append(f"{language}: {text!r} is missing: run update, then translate it")
        for message in catalog:
            if not message.id:
                continue
            ids_ = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            name = ids_[0]
            if message.fuzzy:
                found.append(f"{language}: {name!r} is fuzzy")
            if not all(strings):
                found.append(f"{language}: {name!r} is not translated")
                continue
            english = set(PLACEHOLDER.findall(" ".join(ids_)))
            for string in strings:
                theirs = set(PLACEHOLDER.findall(string))
                if theirs != english:
                    found.append(
                        f"{language}: {name!r} has placeholders {sorted(theirs)}, "
                        f"the English {sorted(english)}"
                    )
    return found


def main(command: str) -> int:
    match command:
        case "extract":
            write(TEMPLATE, extracted())
            print(f"wrote {TEMPLATE}")
        case "update":
            template = read(TEMPLATE)
            for language in TRANSLATED:
                path = po_path(language)
                if path.exists():
                    catalog = read(path)
                else:
                    from babel.messages.catalog import Catalog

                    catalog = Catalog(locale=language, domain=DOMAIN, **HEADER)
                catalog.update(template, no_fuzzy_matching=True)
                write(path, catalog)
                print(f"wrote {path}")
        case "compile":
            for language in TRANSLATED:
                path = po_path(language)
                path.with_suffix(".mo").write_bytes(compiled(read(path)))
                print(f"wrote {path.with_suffix('.mo')}")
        case "check":
            found = problems()
            for line in found:
                print(line)
            return 1 if found else 0
        case "pseudo":
            for message in read(TEMPLATE):
                if message.id:
                    text = message.id if isinstance(message.id, str) else message.id[0]
                    print(pseudo(text))
        case _:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
