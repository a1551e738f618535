"""The README and docs/: the README stays short; each relative link, anchor and picture resolves."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
SCREENSHOTS = ROOT / "screenshots"


FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target); the text may wrap onto the next line
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def prose(text: str) -> str:
    """The text without code, where brackets are not links."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to dashes."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for heading in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        base = slug(heading)
        # GitHub numbers a repeated heading: name, name-1, name-2
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(page: Path) -> list[str]:
    return LINK.findall(prose(page.read_text(encoding="utf-8")))


def relative(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)


def test_the_readme_is_read_in_five_minutes() -> None:
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= 250, f"README.md has {lines} lines; move the detail into docs/"


def test_the_readme_keeps_the_test_command_ci_reads() -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index("<!-- test-command -->"), text.index("<!-- /test-command -->")
    assert "```sh\n" in text[start:end] and "pytest" in text[start:end]


def test_the_link_and_slug_rules() -> None:
    assert slug("The 6-week program and the mobility tests") == (
        "the-6-week-program-and-the-mobility-tests"
    )
    assert slug("Settings, themes, the command palette") == "settings-themes-the-command-palette"
    assert slug("`supple_x` & co.") == "supple_x--co"
    assert links(README)  # the pattern finds the README's links at all
    wrapped = "see [sound and\nvoice](sound.md), `[not](a-link.md)` and [[exercise]] too"
    assert LINK.findall(prose(wrapped)) == ["sound.md"]


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for target in links(page):
        if not relative(target):
            continue
        path_part, _, anchor = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target}: no heading #{anchor} in {dest.relative_to(ROOT)}")
    assert broken == [], f"{page.relative_to(ROOT)}: {broken}"


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_picture_is_a_screenshot(page: Path) -> None:
    text = prose(page.read_text(encoding="utf-8"))
    for target in re.findall(r"!\[[^\]]*\]\(\s*([^)\s]+)", text):
        dest = (page.parent / target).resolve()
        assert dest.parent == SCREENSHOTS and dest.is_file(), target


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {(ROOT / t.partition("#")[0]).resolve() for t in links(README) if relative(t)}
    assert [p.name for p in DOCS.glob("*.md") if p.resolve() not in linked] == []
