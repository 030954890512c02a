"""The speech timer's logic, with no screen: which speech is on, how long is left, whether
points of information may be offered now, and the moments a speaker must be told of
(protected time over or begun, time up). The clock is passed in, so tests use a fake.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from tui.core.work.speech_format import Speech, SpeechFormat, clock

Clock = Callable[[], float]  # seconds, only ever compared (time.monotonic)


class Countdown:
    """Time used against an allowance, paused and resumed as the student likes."""

    def __init__(self, allowance: int, now: Clock) -> None:
        self.allowance = allowance
        self._now = now
        self._used = 0.0  # before the current run
        self._since: float | None = None  # when the current run began

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def used(self) -> float:
        return self._used + (self._now() - self._since if self._since is not None else 0.0)

    @property
    def left(self) -> float:
        return self.allowance - self.used

    def start(self) -> None:
        if self._since is None:
            self._since = self._now()

    def pause(self) -> None:
        if self._since is not None:
            self._used, self._since = self.used, None

    def reset(self) -> None:
        self._used, self._since = 0.0, None


class Phase(Enum):
    """What the speaker and the room may do at this moment of a speech."""

    NO_POINTS = "no points of information in this speech"
    PROTECTED = "protected time: no points of information"
    POINTS = "points of information may be offered"
    TIME_UP = "time's up"


@dataclass(frozen=True)
class Signal:
    """A moment worth a bell: the words the screen shows with it."""

    words: str


def phase_at(speech: Speech, elapsed: float) -> Phase:
    if elapsed >= speech.seconds:
        return Phase.TIME_UP
    if speech.points is None:
        return Phase.NO_POINTS
    if speech.points.start <= elapsed < speech.points.end:
        return Phase.POINTS
    return Phase.PROTECTED


def describe(speech: Speech, elapsed: float) -> str:
    """What the room may do now, in the words the timer shows (and says at a boundary)."""
    phase = phase_at(speech, elapsed)
    if phase is Phase.TIME_UP:
        return f"Time's up: {clock(speech.seconds)} gone."
    if phase is Phase.NO_POINTS:
        return "No points of information in this speech."
    assert speech.points is not None
    if phase is Phase.POINTS:
        return f"Points of information open, until {clock(speech.points.end)}."
    if elapsed < speech.points.start:
        return f"Protected time: points of information from {clock(speech.points.start)}."
    return "Protected time: no more points of information."


class SpeechTimer:
    """One debate in a format: the current speech's countdown and each team's prep time.
    Only one clock runs at a time; `signals()` says what was crossed since last asked."""

    def __init__(self, speech_format: SpeechFormat, now: Clock = time.monotonic,
                 index: int = 0) -> None:
        self.format = speech_format
        self._now = now
        self.index = min(max(index, 0), len(speech_format.speeches) - 1)
        self.speech_clock = Countdown(self.speech.seconds, now)
        self.prep = {team: Countdown(seconds, now) for team, seconds in speech_format.prep}
        self._prep_told: set[str] = set()  # teams whose prep time `signals` said was over
        self._told = 0.0  # how far into the speech `signals` has told

    @property
    def speech(self) -> Speech:
        return self.format.speeches[self.index]

    @property
    def elapsed(self) -> float:
        return self.speech_clock.used

    @property
    def left(self) -> float:
        return self.speech_clock.left

    @property
    def phase(self) -> Phase:
        return phase_at(self.speech, self.elapsed)

    @property
    def running(self) -> bool:
        return self.speech_clock.running

    @property
    def prep_running(self) -> str | None:
        return next((team for team, c in self.prep.items() if c.running), None)

    def toggle(self) -> None:
        """Start or pause the speech (stopping any prep clock)."""
        if self.speech_clock.running:
            self.speech_clock.pause()
            return
        for countdown in self.prep.values():
            countdown.pause()
        self.speech_clock.start()

    def toggle_prep(self, team: str) -> None:
        """Start or pause a team's prep time (pausing the speech)."""
        countdown = self.prep[team]
        if countdown.running:
            countdown.pause()
            return
        self.speech_clock.pause()
        for other in self.prep.values():
            other.pause()
        countdown.start()

    def reset(self) -> None:
        """The current speech from the start, paused."""
        self.speech_clock.reset()
        self._told = 0.0  # how far into the speech `signals` has told

    def go_to(self, index: int) -> None:
        """Another speech, from its start, paused."""
        for countdown in self.prep.values():
            countdown.pause()
        self.index = min(max(index, 0), len(self.format.speeches) - 1)
        self.speech_clock = Countdown(self.speech.seconds, self._now)
        self._told = 0.0  # how far into the speech `signals` has told

    def prep_team(self) -> str | None:
        """The team whose prep the key runs: the next speech's side that has prep time."""
        speeches = self.format.speeches
        for speech in speeches[self.index:] + speeches[:self.index]:
            if speech.side in self.prep:
                return speech.side
        return next(iter(self.prep), None)

    def signals(self) -> list[Signal]:
        """The moments passed since the last call, each told once, oldest first (a
        long pause between calls may pass two)."""
        speech, elapsed = self.speech, self.elapsed
        moments = [(speech.seconds, Phase.TIME_UP)]
        if speech.points is not None:
            moments.append((speech.points.start, Phase.POINTS))
            if speech.points.end < speech.seconds:  # else time's up says it
                moments.append((speech.points.end, Phase.PROTECTED))
        passed = [Signal(describe(speech, at)) for at, _ in sorted(moments, key=lambda m: m[0])
                  if self._told < at <= elapsed]
        self._told = max(self._told, elapsed)
        for team, countdown in self.prep.items():
            if countdown.left <= 0 and team not in self._prep_told:
                self._prep_told.add(team)
                passed.append(Signal(f"Prep time over: {team}."))
        return passed
