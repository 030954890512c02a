"""What the app remembers between runs: the theme, the drill's order, filter and place,
the timer's format and speech, the name on a printed handout.

One small JSON file in the data folder, written atomically. A file this version
cannot read is moved aside (never overwritten) with a message, and the app starts
with the defaults: settings are a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from tui.core.files import read_regular_file, write_atomically

FILE_NAME = "settings.json"
MAX_FILE = 256_000  # bytes


@dataclass
class DrillPlace:
    """Where a drill on one pack stopped: the order it was dealt in and the card."""

    order: str = "in order"
    seed: int = 0
    only_needing_work: bool = False
    card: str = ""  # the argument id of the card on screen
    seconds: int = 0  # the drill's own timer, a card


@dataclass
class Settings:
    theme: str = ""  # "" until the student changes it: the app's default
    timer_format: str = ""  # a format id (tui.core.work.speech_format)
    timer_speech: int = 0  # the student's speech in that format, counted from 0
    student_name: str = ""
    drill: dict[str, DrillPlace] = field(default_factory=dict)  # pack key -> place


# each field of a DrillPlace -> the type of its value, as its default has it
_PLACE_TYPES = {f.name: type(getattr(DrillPlace(), f.name)) for f in fields(DrillPlace)}


def _from_data(data: Any) -> Settings:
    """Settings from parsed JSON; a value of the wrong type is left at its default."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    settings = Settings()
    for name in ("theme", "timer_format", "student_name"):
        if isinstance(data.get(name), str):
            setattr(settings, name, data[name])
    if isinstance(data.get("timer_speech"), int) and data["timer_speech"] >= 0:
        settings.timer_speech = data["timer_speech"]
    drills = data.get("drill")
    for key, place in (drills.items() if isinstance(drills, dict) else ()):
        if isinstance(place, dict):
            settings.drill[str(key)] = DrillPlace(**{
                name: value for name, value in place.items()
                if name in _PLACE_TYPES and type(value) is _PLACE_TYPES[name]})
    return settings


class SettingsFile:
    """The settings in one data folder. `load` never raises; `save` raises OSError."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def load(self) -> tuple[Settings, list[str]]:
        """The saved settings (defaults if none), and any message for the student."""
        try:
            raw = read_regular_file(self.path, MAX_FILE, follow_links=False)
        except FileNotFoundError:
            return Settings(), []
        except OSError as error:
            return Settings(), [f"Your settings could not be read ({error.strerror or error}); "
                                "the defaults are used this time."]
        try:
            return _from_data(json.loads(raw.decode("utf-8"))), []
        except (ValueError, UnicodeDecodeError):
            return Settings(), [self._set_aside()]

    def _set_aside(self) -> str:
        aside = self.path.with_name(f"settings.damaged-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            return (f"Your settings file {self.path} is damaged and could not be moved aside "
                    f"({error.strerror or error}); the defaults are used.")
        return (f"Your settings file was damaged; it was moved to {aside} and the defaults "
                "are used.")

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(asdict(settings), indent=2, sort_keys=True)
                         + "\n")


class Remembered:
    """The settings as the app holds them: read on first use, saved on each change;
    what goes wrong is told through `notify` (the app's notifications), once."""

    def __init__(self, folder: Path, notify: Callable[[str], None]) -> None:
        self.file = SettingsFile(folder)
        self._notify = notify
        self._settings: Settings | None = None
        self._failed = False

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = self._load()
        return self._settings

    def _load(self) -> Settings:
        settings, messages = self.file.load()
        for message in messages:
            self._notify(message)
        return settings

    def _on_disk(self) -> Settings:
        """The settings as saved now (another holder of the file may have changed them);
        while saving fails, this session's own."""
        return self.settings if self._failed else self._load()

    def change(self, **values: Any) -> None:
        """Set some settings and save, over what is on disk now: another window of
        the app (or another holder of this file) keeps what it changed."""
        fresh = self._on_disk()
        for name, value in values.items():
            setattr(fresh, name, value)
        self._settings = fresh
        self.save()

    def drill_place(self, pack: str) -> DrillPlace | None:
        return self.settings.drill.get(pack)

    def change_drill(self, pack: str, place: DrillPlace) -> None:
        """Where the drill on one pack stopped, kept with the other packs' places."""
        fresh = self._on_disk()
        fresh.drill[pack] = place
        self._settings = fresh
        self.save()

    def save(self) -> None:
        try:
            self.file.save(self.settings)
        except OSError as error:
            if not self._failed:  # once a session, not at every key press
                self._notify(f"Your settings could not be saved to {self.file.path}: "
                             f"{error.strerror or error}.")
            self._failed = True
        else:
            self._failed = False
