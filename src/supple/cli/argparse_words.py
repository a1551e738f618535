"""argparse's own words (``usage:``, ``options``, its errors) in the person's language.

argparse asks the standard library's global gettext domain, which has no catalogue, so its
words would stay English around supple's translated help. ``translate()`` points argparse's two
lookups at supple's layer, before any parser is built (its section titles are read then); the
messages are listed here, exactly as argparse spells them, so that extraction finds them and
translators keep their ``%s`` and ``%(name)s`` as they are. English never imports this module.
"""

from __future__ import annotations

from supple.i18n import _, lazy, n_

# Translators: argparse's own messages, spelled exactly as argparse (Python's standard library)
# writes them. Keep every %s, %r and %(name)s exactly as it is; they are filled in by argparse.
MESSAGES = (
    lazy("usage: "),
    lazy("positional arguments"),
    lazy("options"),
    lazy("show this help message and exit"),
    lazy("%(prog)s: error: %(message)s\n"),
    lazy("argument %(argument_name)s: %(message)s"),
    lazy("invalid choice: %(value)r (choose from %(choices)s)"),
    lazy("invalid %(type)s value: %(value)r"),
    lazy("the following arguments are required: %s"),
    lazy("unrecognized arguments: %s"),
    lazy("not allowed with argument %s"),
    lazy("one of the arguments %s is required"),
    lazy("expected one argument"),
    lazy("expected at most one argument"),
    lazy("expected at least one argument"),
    lazy("ambiguous option: %(option)s could match %(matches)s"),
    lazy("ignored explicit argument %r"),
    lazy("unknown parser %(parser_name)r (choices: %(choices)s)"),
    lazy("can't open '%(filename)s': %(error)s"),
)


def translate() -> None:
    """argparse's words through supple's layer from now on (a parser built before keeps its
    section titles)."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = n_  # type: ignore[attr-defined]
