"""The student's case for the open pack, as the app holds it: loaded on first use,
saved after each change, with every storage message kept for the screen to show.

No Textual here: screens call `save()` (the case screen debounces typing first).
"""

from __future__ import annotations

import os

from ..core.case import Case, CaseError, resolve_side
from ..core.model import Debate
from ..core.storage import Storage, StorageError


class CaseBook:
    """One pack's case and where it is kept. `assigned_side` is a teacher's
    `--side`: it is chosen on load and the student cannot change it."""

    def __init__(self, debate: Debate, data_dir: str | os.PathLike | None = None,
                 assigned_side: str | None = None) -> None:
        self.debate = debate
        self.storage = Storage(debate.folder, data_dir, pack_title=debate.info.title)
        self.assigned_side = (resolve_side(debate, assigned_side).id
                              if assigned_side else None)
        self._case: Case | None = None
        self._news: list[tuple[str, str]] = []  # (message, severity) not shown yet

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

    def save(self) -> bool:
        """Write the case now; False (and a message) when it could not be saved."""
        try:
            outcome = self.storage.save(self.case)
        except StorageError as error:
            self._tell([str(error)], "error")
            return False
        self._tell(outcome.messages, "warning")
        return True

    def take_news(self) -> list[tuple[str, str]]:
        """Storage messages for the student, as (text, severity), each given once."""
        news, self._news = self._news, []
        return news

    def _tell(self, messages: list[str], severity: str) -> None:
        self._news += [(message, severity) for message in messages]
