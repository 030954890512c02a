"""The student's case for the open pack, as the app holds it: loaded on first use,
saved after each change, every storage message told to the student at once.

No Textual here. A save or re-read is tried at once (it takes milliseconds);
when another copy of the app holds the lock, it waits in a `Background` the app
gives (a worker thread), so a held lock never freezes the screen. Screens call
`save()`, `refresh()`, and `watch()` for changes another copy made.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from dataclasses import fields
from typing import Any, Literal, Protocol

from tui.core.pack.model import Debate
from tui.core.work.case import Case, CaseError, Collected, ItemKey, Kind, resolve_side
from tui.core.work.case_merge import BOTH_KEPT, merge
from tui.core.work.storage import LockHeld, Outcome, Storage, StorageError

WAITING = "Waiting for another copy of the app to finish saving…"
SAVED_AFTER_WAITING = "Saved: the other copy of the app let go of the case."

Notify = Callable[[str, str], None]
Result = tuple[Case, Outcome] | None

# As Textual's notifications take it (textual.notifications.SeverityLevel).
Severity = Literal["information", "warning", "error"]

class Background(Protocol):
    """Where the case book runs its file work, and how it gets back."""

    def run(self, work: Callable[[], None]) -> None:
        """Run `work` away from the screen (a worker thread)."""

    def call(self, callback: Callable[[], None]) -> None:
        """From inside `work`: run `callback` where the screen runs."""


def notify_through(app: Any) -> Notify:
    """Storage messages as the app's notifications: long enough to be read, and
    never markup (they name files and the student's arguments)."""
    return lambda text, severity: app.notify(text, severity=severity, timeout=15,
                                             markup=False)


class CaseBook:
    """One pack's case and where it is kept. `assigned_side` is a teacher's
    `--side`: it is chosen on load and the student cannot change it."""

    def __init__(self, debate: Debate, data_dir: str | os.PathLike[str] | None = None,
                 assigned_side: str | None = None) -> None:
        self.debate = debate
        self.storage = Storage(debate.folder, data_dir, pack_title=debate.info.title)
        self.assigned_side = (resolve_side(debate, assigned_side).id
                              if assigned_side else None)
        self._case: Case | None = None
        self._notify: Notify | None = None
        self._waiting: list[tuple[str, str]] = []  # said before anyone could show it
        self.unsaved: str = ""  # why the last save failed; "" once one succeeds
        self._background: Background | None = None
        self._busy = False  # a save or re-read is running in the background
        self._again = False  # a save was asked for meanwhile
        self._watchers: list[Callable[[], None]] = []

    @property
    def case(self) -> Case:
        if self._case is None:
            try:
                self._case, outcome = self.storage.load()
                self._tell(outcome.messages, "warning")
            except StorageError as error:
                self._case = Case()
                self._tell([str(error)], "error")
            if self.assigned_side:
                self._case.choose_side(self.assigned_side)
        return self._case

    @property
    def side_is_assigned(self) -> bool:
        return self.assigned_side is not None

    def choose_side(self, position_id: str) -> None:
        if self.assigned_side and position_id != self.assigned_side:
            name = self.debate.positions[self.assigned_side].name
            raise CaseError(f"Your teacher has assigned you {name}.")
        self.case.choose_side(position_id)
        self.save()

    def collect(self, argument_id: str) -> Collected:
        """The explorer's "add to case" key: what it did (the screen says it)."""
        collected = self.case.collect(self.debate, argument_id)
        self.save()
        return collected

    # -- saving -------------------------------------------------------------------

    def run_in_background(self, background: Background) -> None:
        """From now on, save and re-read through `background`."""
        if self._background is None:
            self._background = background

    @property
    def busy(self) -> bool:
        return self._busy

    def save(self) -> None:
        """Write the case; a failure is told, and kept in `unsaved`. A save takes
        milliseconds and runs at once; when another copy of the app holds the
        file, it waits in the background instead, and the student is told."""
        if self._busy:
            self._again = True  # once the running one is done, with what is new by then
            return
        if self._background is None:
            self.save_now()
            return
        try:
            with self.storage.at_once():
                outcome = self.storage.save(self.case)
        except LockHeld:
            self._start(self.storage.write, saving=True)
            return
        except StorageError as error:
            self._failed(error)
            return
        self.unsaved = ""
        self._told(outcome)
        if outcome.merged_in:
            self._changed()

    def save_now(self) -> None:
        """Write the case before returning, waiting for the lock (leaving the app)."""
        self._again = False
        try:
            outcome = self.storage.save(self.case)
        except StorageError as error:
            self._failed(error)
            return
        self.unsaved = ""
        self._told(outcome)

    def refresh(self) -> None:
        """Take in what another copy of the app saved, if the file changed."""
        if self._busy or not self.storage.changed_on_disk():
            return
        try:
            with self.storage.at_once():
                result = self.storage.refresh(copy.deepcopy(self.case))
        except LockHeld:
            if self._background is None:
                return  # the next look, or the next save, takes it in
            self._start(self.storage.refresh, saving=False)
            return
        except StorageError as error:
            self._tell([str(error)], "error")
            return
        self._finish(self.case, result, saving=False)

    def watch(self, changed: Callable[[], None]) -> None:
        """Call `changed` whenever another copy's work comes into the case."""
        self._watchers.append(changed)

    def unwatch(self, changed: Callable[[], None]) -> None:
        if changed in self._watchers:
            self._watchers.remove(changed)

    def _start(self, operation: Callable[..., Result], saving: bool) -> None:
        background = self._background
        assert background is not None
        self._busy = True
        snapshot = copy.deepcopy(self.case)  # the screen may edit the case meanwhile
        said = {"waiting": False}

        def waiting() -> None:
            said["waiting"] = True
            background.call(lambda: self._tell([WAITING], "warning"))

        def work() -> None:
            try:
                result = operation(snapshot, on_wait=waiting)
            except StorageError as error:
                failure = error
                background.call(lambda: self._finish_failed(failure))
                return
            except BaseException as error:  # never leave the book busy for ever
                unexpected = StorageError(f"Your case could not be saved: {error}.")
                background.call(lambda: self._finish_failed(unexpected))
                raise
            background.call(lambda: self._finish(snapshot, result, saving, said["waiting"]))

        background.run(work)

    def _finish(self, snapshot: Case, result: Result, saving: bool,
                waited: bool = False) -> None:
        self._busy = False
        if saving:
            self.unsaved = ""
            if waited:
                self._tell([SAVED_AFTER_WAITING], "information")
        if result is not None:
            merged, outcome = result
            changed = merged != snapshot
            if changed:
                self._adopt(snapshot, merged)
            self._told(outcome)
            if changed:
                self._changed()
        if self._again:
            self._again = False
            self.save()

    def _finish_failed(self, error: StorageError) -> None:
        self._busy = False
        self._failed(error)
        if self._again:
            self._again = False
            self.save()

    def _adopt(self, snapshot: Case, merged: Case) -> None:
        """Bring another copy's changes into the live case, keeping what the student
        did here while the file work ran (a merge against the snapshot it started from)."""
        live = self.case
        result = merge(snapshot, live, merged).case if live != snapshot else merged
        for f in fields(Case):
            setattr(live, f.name, getattr(result, f.name))

    def _changed(self) -> None:
        for watcher in list(self._watchers):
            watcher()

    def _failed(self, error: StorageError) -> None:
        self.unsaved = str(error)
        self._tell([str(error)], "error")

    def _told(self, outcome: Outcome) -> None:
        self._tell(outcome.messages, "warning")
        for key in outcome.conflicts:
            self._tell([self._both_kept(key)], "warning")

    def _both_kept(self, key: ItemKey) -> str:
        argument = self.debate.arguments.get(key.argument)
        claim = f"“{argument.claim}”" if argument else f"“{key.argument}”"
        what = "notes on" if key.kind is Kind.MINE else "rebuttal to"
        return (f"Another copy of the app changed your {what} {claim} at the same time. "
                f"Both versions are kept, yours first, split by the line “{BOTH_KEPT}”: "
                "keep what you want and delete the rest.")

    def connect(self, notify: Notify) -> None:
        """Show every storage message through `notify(text, severity)` from now on,
        whichever screen caused it; what was said before is shown at once."""
        self._notify = notify
        waiting, self._waiting = self._waiting, []
        for message, severity in waiting:
            notify(message, severity)

    @property
    def connected(self) -> bool:
        return self._notify is not None

    def _tell(self, messages: list[str], severity: Severity) -> None:
        for message in messages:
            if self._notify is None:
                self._waiting.append((message, severity))
            else:
                self._notify(message, severity)
