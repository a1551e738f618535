"""Settings: `<config dir>/config.toml`. A bad value never stops the app: it is reported with the
file, the key and what is allowed, and that key keeps its default."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from supple.core.files import MAX_SETTINGS_BYTES, SaveError, file_lock, read_capped, write_own
from supple.core.limits import DEFAULT_LEVEL, LEVELS, MAX_TIMING, Level
from supple.core.tomlcheck import BadToml, Checker, FileProblems, Problem, parse_document, read_toml
from supple.core.value import asdict, field, fields, replace, value_class
from supple.i18n import _, lazy

if TYPE_CHECKING:
    from supple.core.routine import Routine

Sound = Literal["tones", "bell", "off"]
Voice = Literal["off", "transitions", "counts", "everything"]  # each says all the one before
PlainEvery = Literal["5", "10", "15", "20", "30", "60", "off"]  # seconds, in plain mode
VOICES: tuple[Voice, ...] = get_args(Voice)
THEME_PATTERN = r"[a-z0-9][a-z0-9-]{0,40}"
# The `language` setting: blank follows the system; the others are supple.i18n's catalogues.
LANGUAGE_CHOICES = ("", "en", "de", "es")


class Setting(NamedTuple):
    """One setting as the file, the settings screen, ``config show`` and docs/settings.md know
    it: its label, its help and what values it takes. Declared once, on its Config field (the
    key is the field's name, the default the field's). (A NamedTuple: cheap to import.)"""

    key: str
    label: str
    hint: str = ""
    choices: tuple[str, ...] = ()  # one of these
    seconds: int | None = None  # whole seconds from 0 to this; blank: each routine's own
    switch: bool = False  # on or off
    pattern: str | None = None  # free text of this shape
    offered: bool = False  # the app offers its own values (its themes); the file checks the shape
    audio: bool = False  # a change resets the voice and the sound output
    needs_player: bool = False  # its hint gives way to how to get an audio player, if none


def setting(row: int, label: str, hint: str = "", **kind: Any) -> dict[str, Any]:
    """A Config field's metadata: the setting it is (its key filled in from the field) and its
    row on the settings screen (the fields' own order is the file's and ``config show``'s)."""
    return {"setting": Setting("", label, hint, **kind), "row": row}


def timing(row: int, label: str) -> dict[str, Any]:
    """A setting that overrides the routine's timing key of the same name (``Timing``)."""
    return setting(row, label, lazy("blank: each routine's own"), seconds=0)


@value_class(frozen=True)
class Config:
    """The settings, declared once: a field with ``setting`` metadata is a setting of the file
    (``keymap``, a table of its own, is read apart)."""

    level: Level = field(
        default=DEFAULT_LEVEL,
        metadata=setting(1, lazy("Default level"), lazy("for a first run"), choices=LEVELS),
    )
    get_ready: int | None = field(default=None, metadata=timing(6, lazy("Get-ready seconds")))
    rest_between_sets: int | None = field(
        default=None, metadata=timing(7, lazy("Rest between sets (s)"))
    )
    rest_between_exercises: int | None = field(
        default=None, metadata=timing(8, lazy("Rest between exercises (s)"))
    )
    sound: Sound = field(
        default="tones",
        metadata=setting(
            3,
            lazy("Sound"),
            lazy("tones (supple's own; the bell without an audio player) · bell · off"),
            choices=get_args(Sound),
            audio=True,
            needs_player=True,
        ),
    )
    breath_sound: bool = field(
        default=False,
        metadata=setting(
            4,
            lazy("Breath tones"),
            lazy("a soft rising tone each in-breath, falling each out-breath"),
            switch=True,
            audio=True,
        ),
    )
    voice: Voice = field(
        default="transitions",
        metadata=setting(
            2,
            lazy("Voice"),
            lazy(
                "off · transitions (names, sides, rests, 3-2-1) · counts (and each rep's number) · "
                "everything (and in/out breaths, 3 s left)"
            ),
            choices=VOICES,
            audio=True,
        ),
    )
    check_in_before: bool = field(
        default=False, metadata=setting(9, lazy("Check-in before a session"), switch=True)
    )
    check_in_after: bool = field(
        default=True, metadata=setting(10, lazy("Check-in after a session"), switch=True)
    )
    still_figure: bool = field(
        default=False,
        metadata=setting(
            11,
            lazy("Still figure"),
            lazy(
                "the figure does not move: each phase shows its pose (for those motion distracts)"
            ),
            switch=True,
        ),
    )
    theme: str = field(
        default="textual-dark",
        metadata=setting(5, lazy("Theme"), pattern=THEME_PATTERN, offered=True),
    )
    plain: bool = field(
        default=False,
        metadata=setting(
            12,
            lazy("Plain mode"),
            lazy("sessions as lines of text, for a screen reader"),
            switch=True,
        ),
    )
    plain_every: PlainEvery = field(
        default="10",
        metadata=setting(
            13,
            lazy("Plain mode: time left every"),
            lazy("seconds between the time-left lines in plain mode (off: none)"),
            choices=get_args(PlainEvery),
        ),
    )
    language: str = field(
        default="",
        metadata=setting(
            14,
            lazy("Language"),
            lazy("blank: the system's (LANGUAGE, LC_ALL, LANG) · en · de · es; `--lang` wins"),
            choices=LANGUAGE_CHOICES,
            audio=True,  # the voice speaks the language: a change finds it again
        ),
    )
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys

    def timing_overrides(self) -> dict[str, int]:
        return {k: v for k in TIMING_OVERRIDES if (v := getattr(self, k)) is not None}

    def apply(self, routine: Routine) -> Routine:
        """The routine with the user's get-ready and rest seconds in every exercise."""
        values = self.timing_overrides()
        if not values:
            return routine
        return replace(
            routine,
            timing=replace(routine.timing, **values),
            exercises=tuple(
                replace(e, timing=replace(e.timing, **values)) for e in routine.exercises
            ),
        )

    def to_toml(self) -> dict[str, Any]:
        """What is written: only keys that differ from the defaults, so new defaults reach
        everyone who did not choose otherwise."""
        default = Config()
        return {
            k: v
            for k, v in asdict(self).items()
            if v != getattr(default, k) and v is not None and v != {}
        }


KEYS = tuple(f.name for f in fields(Config))


def _settings() -> tuple[Setting, ...]:
    """Every setting, from Config's fields; a timing one takes its limit from ``Timing``."""
    found = []
    for f in sorted(fields(Config), key=lambda f: f.metadata.get("row", 0)):
        if "setting" in f.metadata:
            s: Setting = f.metadata["setting"]._replace(key=f.name)
            if s.seconds is not None:
                s = s._replace(seconds=MAX_TIMING[f.name])  # KeyError: not a timing key
            found.append(s)
    return tuple(found)


SETTINGS = _settings()
SETTING = {s.key: s for s in SETTINGS}
TIMING_OVERRIDES = tuple(s.key for s in SETTINGS if s.seconds is not None)


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """The settings in ``path`` (defaults if there is no file), and every problem found."""
    if not path.exists() and not path.is_symlink():
        return Config(), []
    try:
        text, data = read_toml(path, MAX_SETTINGS_BYTES)
    except FileProblems as error:
        return Config(), [*error.problems, Problem(path, None, "", "using the default settings")]
    check = Checker(path, text)
    check.keys(data, [], KEYS)
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        values[setting.key] = check_setting(check, data, setting)
    keymap = check.table(data, [], "keymap") or {}
    good: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if isinstance(keys, str) and keys.strip():
            good[binding_id] = keys
        else:
            check.report(["keymap", binding_id], _('expected keys in quotes, like "k" or "k,up"'))
    values["keymap"] = good
    problems = [
        Problem(p.path, p.line, p.key, f"{p.message}; using the default" if p.key else p.message)
        for p in check.shown()
    ]
    return Config(**values), problems


def check_setting(check: Checker, data: dict[str, Any], setting: Setting) -> Any:
    """The value of one setting in ``data``, checked (a problem reported: the default)."""
    default = getattr(Config(), setting.key)
    if setting.switch:
        return check.boolean(data, [], setting.key, default=default)
    if setting.seconds is not None:
        number = check.number(data, [], setting.key, low=0, high=setting.seconds, unit="s")
        return None if number is None else int(number)
    return check.string(
        data,
        [],
        setting.key,
        default=default,
        choices=setting.choices or None,
        pattern=setting.pattern,
    )


def parse_setting(key: str, value: object) -> tuple[Any, str | None]:
    """A value typed or picked on the settings screen, checked exactly as the file is: the
    value to keep and None, or the current default and what is wrong."""
    setting = SETTING[key]
    unreadable: str | None = None
    if isinstance(value, str) and setting.seconds is not None:
        text = value.strip()
        if not text:
            return None, None
        from supple.core.numbers import NumberError, read_whole

        try:  # the one number reader: "30", "30 s", never a digit other than 0-9
            value = read_whole(text, "s")
        except NumberError as error:
            value, unreadable = text, str(error)
    check = Checker(Path(), "")
    parsed = check_setting(check, {key: value}, setting)
    if check.problems:
        message = unreadable or check.problems[0].message
        if setting.seconds is not None:
            message += ", or blank for each routine's own"
        return parsed, f"{setting.label}: {message}"
    return parsed, None


def save_config(config: Config, path: Path, changed: Iterable[str] | None = None) -> None:
    """Write the ``changed`` settings (every one, without it) into ``path``, keeping the
    person's own text: comments, order, unknown and invalid lines stay as they were; only the
    changed keys' lines change (a value set back to its default keeps its line). Atomic.
    SaveError if the file cannot be read as TOML (nothing is overwritten) or written."""
    with file_lock(path):  # read, changed and replaced while no other copy does
        _save(config, path, changed)


def _save(config: Config, path: Path, changed: Iterable[str] | None) -> None:
    import tomlkit  # only when a setting is saved

    keys = list(changed) if changed is not None else list(config.to_toml())
    text = ""
    if path.exists():
        try:
            text = parse_document(read_capped(path, MAX_SETTINGS_BYTES))[0]  # its limits first
            document = tomlkit.parse(text)
        except (OSError, BadToml, tomlkit.exceptions.ParseError) as error:
            raise SaveError(
                path, f"it cannot be read as TOML ({error}); fix it to save settings"
            ) from None
    else:
        document = tomlkit.document()
    for key in keys:
        value = getattr(config, key)
        if value is None or value == {}:
            document.pop(key, None)  # blank: the routine's own, which is no value at all
        elif key == "keymap":
            document[key] = dict(value)
        else:
            document[key] = value
    try:
        write_own(path, tomlkit.dumps(document).encode("utf-8"))
    except OSError as error:
        raise SaveError(path, error.strerror or str(error)) from None


def settings_markdown() -> str:
    """docs/settings.md: every setting's key, default, allowed values and meaning, from the
    declaration (``scripts/settings_doc.py`` writes it; a test fails when it is stale)."""

    def allowed(s: Setting) -> str:
        if s.choices:
            return " · ".join(f"`{c}`" if c else "blank" for c in s.choices)
        if s.switch:
            return "`true` · `false`"
        if s.seconds is not None:
            return f"whole seconds, 0 to {s.seconds}"
        return f"text matching `{s.pattern}`" if s.pattern else "text"

    def shown(value: Any) -> str:
        if value is None:
            return "(each routine's own)"
        if value == "":
            return "(blank)"
        return f"`{str(value).lower() if isinstance(value, bool) else value}`"

    default = Config()
    lines = [
        "# Settings",
        "",
        "<!-- Generated from supple.core.config by scripts/settings_doc.py: do not edit. -->",
        "",
        "Settings live in `config.toml` (`supple config path` says where) and are changed on the",
        "settings screen, which saves them at once. A bad value is reported with its line and",
        "that key keeps its default; keys supple does not know are kept as they are.",
        "",
        "| Key | Setting | Default | Allowed | What it does |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS:
        cells = (f"`{s.key}`", s.label, shown(getattr(default, s.key)), allowed(s), s.hint)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        'A `[keymap]` table remaps keys: binding id = keys, like `"player.pause" = "p,space"`.',
        "",
    ]
    return "\n".join(lines)
