"""The person's choices: the settings file, the state remembered between runs (level, mute) and
the easier/harder steps, each read once and written only here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.config import Config, save_config
from supple.core.value import fields, replace

if TYPE_CHECKING:
    from supple.coach.notices import Notices
    from supple.core.remembered import Remembered
    from supple.core.tomlcheck import Problem


class Preferences:
    """Owns config.toml, the state file and adjustments.toml. ``revision`` moves whenever a
    write changes how long routines take (timing settings, steps), so the catalog built from
    them knows it is out of date without anyone telling it; ``on_config`` hears every new
    settings value (the announcer of sessions already playing)."""

    def __init__(
        self,
        config: Config,
        problems: list[Problem],
        config_path: Path | None,
        state_path: Path,
        data_dir: Path,
        notices: Notices,
    ) -> None:
        self.config = config
        self.config_problems = problems
        self.config_path = config_path
        self.state_path = state_path
        self.adjustments_path = data_dir / "adjustments.toml"
        self._notices = notices
        self._remembered: Remembered | None = None
        self._steps: dict[str, dict[str, int]] | None = None
        self.revision = 0
        self.on_config: list[Callable[[Config], None]] = []

    # -- settings ---------------------------------------------------------------------------

    def save_settings(self, config: Config) -> str | None:
        """Keep ``config`` for this run and write it; the reason if it could not be written."""
        from supple.core.files import SaveError
        from supple.i18n import use_setting

        before = self.config
        changed = [
            f.name for f in fields(Config) if getattr(config, f.name) != getattr(before, f.name)
        ]
        if config.timing_overrides() != before.timing_overrides():
            self.revision += 1
        self.config = config
        use_setting(config.language)
        for hear in self.on_config:
            hear(config)
        if self.config_path is None:
            return None
        try:
            save_config(config, self.config_path, changed)
        except SaveError as error:
            return str(error)
        return None

    def change_settings(self, **values: object) -> str | None:
        return self.save_settings(replace(self.config, **values))

    # -- remembered between runs ------------------------------------------------------------

    @property
    def remembered(self) -> Remembered:
        if self._remembered is None:
            from supple.core.remembered import load_remembered

            self._remembered = load_remembered(self.state_path)
        return self._remembered

    def remember(self, **values: object) -> None:
        """Keep the level chosen or mute for the next run (a state file, not the settings)."""
        updated = replace(self.remembered, **values)
        if updated != self._remembered:
            self._remembered = updated
            from supple.core.remembered import save_remembered

            save_remembered(self.state_path, updated)  # a failure costs only a key press

    # -- easier / harder next time ----------------------------------------------------------

    @property
    def steps(self) -> dict[str, dict[str, int]]:
        """Easier / harder next time, per routine and exercise (the person's own data)."""
        if self._steps is None:
            from supple.core.adjustments import load_adjustments

            self._steps, problems = load_adjustments(self.adjustments_path)
            for problem in problems:
                from supple.coach.wording import steps_problem

                self._notices.say(steps_problem(problem), "warning")
        return self._steps

    def forget_steps(self) -> None:
        """The steps file was written elsewhere (advice undone): read it again on next use."""
        self._steps = None
        self.revision += 1

    def adjust(self, routine_id: str, exercise_id: str, change: int) -> tuple[int, str | None]:
        """One level easier (−1) or harder (+1) next time for one exercise, saved; undone the
        same way. The new step (bounded at beginner and advanced), and the error if it could
        not be saved (it holds for this run)."""
        from supple.core.adjustments import MAX_STEP, load_adjustments, save_adjustments
        from supple.core.files import SaveError, file_lock

        self.revision += 1  # every duration shown follows
        with file_lock(self.adjustments_path):  # as the file is now: another copy may have set one
            if self._steps is not None:
                self._steps = load_adjustments(self.adjustments_path)[0]
            steps = self.steps
            was = steps.get(routine_id, {}).get(exercise_id, 0)
            now = max(-MAX_STEP, min(MAX_STEP, was + change))
            steps.setdefault(routine_id, {})[exercise_id] = now
            if not now:
                del steps[routine_id][exercise_id]
            try:
                save_adjustments(steps, self.adjustments_path)
            except (OSError, SaveError) as error:
                return now, str(error)
        return now, None
