"""The case book's waiting file work in a Textual worker thread, so another copy of
the app holding the case file never freezes the screen."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual.app import App

from tui.core.work.casebook import CaseBook

# How often a screen of the case looks whether another copy saved (a stat), in seconds.
LOOK_EVERY = 1.0


class WorkerBackground:
    """`tui.core.work.casebook.Background` on a Textual app's workers."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app

    def run(self, work: Callable[[], None]) -> None:
        self.app.run_worker(work, thread=True, group="case-file", exit_on_error=False)

    def call(self, callback: Callable[[], None]) -> None:
        # Once the app has closed there is no one to tell; leaving saved the case at once.
        with suppress(RuntimeError):
            self.app.call_from_thread(callback)


def in_background(app: App[Any], casebook: CaseBook) -> None:
    """Let the case book wait for the file in the app's workers (once is enough)."""
    casebook.run_in_background(WorkerBackground(app))
