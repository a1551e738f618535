"""The settings' command: config (the file's path, the settings in force), with its arguments."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import Command
from supple.core.words import printable
from supple.i18n import _
from supple.system import paths

if TYPE_CHECKING:
    from supple.cli.command import Commands


def _config_arguments(sub: Commands) -> None:
    p = sub.add_parser("config", help=_("where the settings file is, and what it says"))
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("path", help=_("print the settings file's path"))
    config_sub.add_parser("show", help=_("print the settings in force (problems on stderr)"))


def _paths_arguments(sub: Commands) -> None:
    p = sub.add_parser("paths", help=_("supple's folders and the variable that moves each"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))


def cmd_paths(as_json: bool) -> int:
    """`supple paths`: each folder, where it is now, what holds it there, what it keeps."""
    rows = [(f, paths.folder(f.name), paths.chosen_by(f)) for f in paths.FOLDERS]
    if as_json:
        import json

        table = {
            f.name: {"path": str(where), "variable": f.variable, "chosen_by": by, "holds": f.holds}
            for f, where, by in rows
        }
        print(json.dumps(table, indent=2, ensure_ascii=False))
        return 0
    for f, where, by in rows:
        how = (
            _("set")
            if by == f.variable
            else _("under {variable}").format(variable=by)
            if by != "platform"
            else _("default")
        )
        print(f"{f.name:<7} {printable(str(where))}")
        said = _("{holds}; moved by {variable} ({how})")
        print(f"{'':<7} " + said.format(holds=_(f.holds), variable=f.variable, how=how))
    return 0


def cmd_config(action: str) -> int:
    import tomli_w

    from supple.core.config import load_config
    from supple.core.value import asdict

    path = paths.config_file()
    if action == "path":
        print(printable(str(path)))
        return 0
    config, problems = load_config(path)
    if path.exists():  # what the app would say of the theme and keymap, at their lines
        from supple.tui.keymap import check_ui_settings

        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        problems = [*problems, *check_ui_settings(config.theme, config.keymap, path, text)[2]]
    for problem in problems:
        print(_("supple: settings: {problem}").format(problem=problem), file=sys.stderr)
    values = {k: v for k, v in asdict(config).items() if v is not None and v != {}}
    where = printable(str(path))
    if not path.exists():
        # Translators: the first line of `supple config show` (a comment of the TOML it prints)
        where = _("{path} (not created yet: these are the defaults)").format(path=where)
    print(f"# {where}")
    print(tomli_w.dumps(values), end="")
    return 0


COMMANDS = {
    "paths": Command(_paths_arguments, lambda args: cmd_paths(args.json)),
    "config": Command(_config_arguments, lambda args: cmd_config(args.config_command)),
}
