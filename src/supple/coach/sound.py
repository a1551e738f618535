"""What sessions sound like: the announcer, and finding a speech program and an audio player for
the settings (or using the ones given: tests, the browser in `supple serve`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.system import paths

if TYPE_CHECKING:
    from collections.abc import Iterable

    from supple.coach.live import Announcer, LiveSession, Tones, Voice
    from supple.coach.preferences import Preferences
    from supple.core.config import Config


class Sound:
    """Owns the one announcer of the run; follows every new settings value."""

    def __init__(
        self, preferences: Preferences, speaker: Voice | None, player: Tones | None
    ) -> None:
        self._preferences = preferences
        self._speaker = speaker  # None: found from the settings
        self._player = player
        self._announcer: Announcer | None = None
        preferences.on_config.append(self._follow)

    def _follow(self, config: Config) -> None:
        if self._announcer is not None:
            self._announcer.config = config

    @property
    def announcer(self) -> Announcer:
        if self._announcer is None:
            from supple.coach.live import Announcer

            prefs = self._preferences
            speaker = self._speaker if self._speaker is not None else self._find_speaker()
            player = self._player if self._player is not None else self._find_player()
            self._announcer = Announcer(
                prefs.config,
                speaker,
                player,
                muted=prefs.remembered.muted,
                remember=lambda muted: prefs.remember(muted=muted),
            )
        return self._announcer

    def _find_speaker(self) -> Voice:
        from supple.i18n import language
        from supple.system.speech import Speaker, find_command

        spoken = language() if language() != "pseudo" else "en"  # the pseudo-locale is English
        on = self._preferences.config.voice != "off"
        return Speaker(find_command(language=spoken) if on else None)

    def _find_player(self) -> Tones:
        from supple.system.sound import Player, SoundBank, find_player

        config = self._preferences.config
        if config.sound != "tones" and not config.breath_sound:
            from supple.coach.live import Silent

            return Silent()
        return Player(find_player(), SoundBank(paths.cache_dir() / "sounds"))

    def use_outputs(self, speaker: Voice, player: Tones) -> None:
        """Say and play through these from now on (the browser's, in `supple serve`)."""
        self._speaker, self._player = speaker, player
        if self._announcer is not None:
            self._announcer.silence()
            self._announcer.speaker, self._announcer.player = speaker, player

    @property
    def voice_missing(self) -> bool:
        """The voice is on in the settings but no speech program was found."""
        return self._preferences.config.voice != "off" and not self.announcer.speaker.available

    @property
    def player_missing(self) -> bool:
        """Tones (or breath tones) are on in the settings but no audio player was found."""
        config = self._preferences.config
        wanted = config.sound == "tones" or config.breath_sound
        return wanted and not self.announcer.player.available

    def reset_voice(self) -> bool:
        """After the voice or sound settings changed: look for a speech program and an audio
        player again. False if one is wanted but none was found."""
        announcer = self.announcer
        if self._speaker is None:
            speaker = self._find_speaker()
            if speaker.available != announcer.speaker.available:
                announcer.speaker.stop()
                announcer.speaker = speaker
        if self._player is None:
            player = self._find_player()
            if player.available != announcer.player.available:
                announcer.player.stop()
                announcer.player = player
        return not (self.voice_missing or self.player_missing)

    def toggle_breath_tones(self, sessions: Iterable[LiveSession]) -> tuple[bool, str | None]:
        """Breath tones on or off (saved), the running ``sessions`` told; the new state, and
        what stands in the way if anything (the settings file cannot be written, no player)."""
        on = not self._preferences.config.breath_sound
        error = self._preferences.change_settings(breath_sound=on)
        self.reset_voice()
        for live in sessions:
            live.announcer.prepare(live.session.segments, live.clock.real_seconds)
        if error:
            return on, error
        if on and self.player_missing:
            from supple.system.sound import BREATH_HINT

            return on, BREATH_HINT
        return on, None
