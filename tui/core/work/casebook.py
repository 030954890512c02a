"""The student's case for the open pack, as the app holds it: loaded on first use,
saved after each change, every storage message told to the student at once.

No Textual here: screens call `save()` (the case screen debounces typing first),
and the app `connect`s the book to its notifications.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Literal, Protocol

from tui.core.pack.model import Debate
from tui.core.work.case import Case, CaseError, resolve_side
from tui.core.work.storage import Storage, StorageError

# As Textual's notifications take it (textual.notifications.SeverityLevel).
Severity = Literal["information", "warning", "error"]


class Notifier(Protocol):
    """What shows a message to the student: in the app, the App itself."""

    def notify(self, message: str, *, severity: Severity = ...,
               timeout: float | None = ...) -> None: ...


def notify_through(app: Notifier) -> Callable[[str, Severity], None]:
    """Storage messages as the app's notifications: long enough to be read."""
    return lambda text, severity: app.notify(text, severity=severity, timeout=15)


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
        self._notify: Callable[[str, Severity], None] | None = None
        self._waiting: list[tuple[str, Severity]] = []  # said before anyone could show it
        self.unsaved: str = ""  # why the last save failed; "" once one succeeds

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

    def collect(self, argument_id: str) -> str:
        """The explorer's "add to case" key; the message to show."""
        message = self.case.collect(self.debate, argument_id)
        self.save()
        return message

    def save(self) -> None:
        """Write the case now; a failure is told, and kept in `unsaved`."""
        try:
            outcome = self.storage.save(self.case)
        except StorageError as error:
            self.unsaved = str(error)
            self._tell([str(error)], "error")
            return
        self.unsaved = ""
        self._tell(outcome.messages, "warning")

    def connect(self, notify: Callable[[str, Severity], None]) -> None:
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
