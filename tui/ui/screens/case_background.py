"""When the case is saved from a screen: after a pause in typing, and in a Textual
worker thread while another copy of the app holds the file, so a held lock never
freezes the screen."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget

from tui.core.work.casebook import CaseBook

# How often a screen of the case looks whether another copy saved (a stat), in seconds.
LOOK_EVERY = 1.0


class WorkerBackground:
    """`tui.core.work.casebook.Background` on a Textual app's workers."""

    def __init__(self, app: App[Any]) -> None:
        # Made on the app's loop: its loop, and its context (which app is active).
        self.app = app
        self._loop = asyncio.get_running_loop()
        self._context = contextvars.copy_context()

    def run(self, work: Callable[[], None]) -> None:
        self.app.run_worker(work, thread=True, group="case-file", exit_on_error=False)

    def call(self, callback: Callable[[], None]) -> None:
        # Not `call_from_thread`, which waits for the answer: a save that ends as the app
        # closes would wait for ever, and keep the process from ending. Once the loop
        # is closed there is no one to tell; leaving saved the case at once.
        with suppress(RuntimeError):
            self._loop.call_soon_threadsafe(callback, context=self._context)


def in_background(app: App[Any], casebook: CaseBook) -> None:
    """Let the case book wait for the file in the app's workers (once is enough)."""
    casebook.run_in_background(WorkerBackground(app))


class TypingSaver:
    """Saves the case a pause after the student's last key, at once when asked
    (moving on, leaving), and before the app goes if anything is still waiting."""

    def __init__(self, owner: Widget, casebook: CaseBook, delay: Callable[[], float],
                 saved: Callable[[], None] | None = None) -> None:
        self.owner, self.casebook = owner, casebook
        self.delay = delay  # read at each key: tests shorten it
        self.saved = saved  # after a save of typing, e.g. to redraw a row
        self._timer: Timer | None = None

    def typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(self.delay(), self.flush)

    def flush(self) -> None:
        """Save typing that is still waiting for its pause."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.casebook.save()
            if self.saved is not None:
                self.saved()

    def forget(self) -> None:
        """What was typed is saved another way (kept as the rebuttal)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def leave(self) -> None:
        """Leaving or quitting: save now, waiting if need be, so `unsaved` is true."""
        if self._timer is not None or self.casebook.busy:
            self.forget()
            self.casebook.save_now()
