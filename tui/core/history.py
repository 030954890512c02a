"""Browser-like history of the places a student visited, with the cursor to restore.

A plain class with no Textual import, so it is unit-tested on its own. Each entry
is a place (which view of which record) and the state the view saved when left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Place:
    """One view of one record: `("argument", "room-saves-lives")`."""

    kind: str
    id: str = ""
    label: str = ""  # what the breadcrumb shows for it

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


@dataclass(slots=True)
class Entry:
    place: Place
    state: dict[str, Any] = field(default_factory=dict)


class History:
    """Visited places in order, with a current position to step back and forward from."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._index = -1

    @property
    def current(self) -> Entry | None:
        return self._entries[self._index] if self._entries else None

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def visit(self, place: Place, state: dict[str, Any] | None = None) -> Entry:
        """Go to a new place; like a browser, this forgets the places ahead."""
        del self._entries[self._index + 1:]
        entry = Entry(place, dict(state or {}))
        self._entries.append(entry)
        self._index = len(self._entries) - 1
        return entry

    def remember(self, state: dict[str, Any]) -> None:
        """Keep the current view's state (cursor, scroll) to restore on return."""
        if self.current is not None:
            self.current.state = dict(state)

    def back(self) -> Entry | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Entry | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self.current

    def trail(self) -> list[Place]:
        """The places from the first visit to the current one: what the breadcrumb shows."""
        return [entry.place for entry in self._entries[: self._index + 1]]

    def path(self) -> list[Place]:
        """The trail without its detours: a place visited again cuts the trail back to
        it, so "Debate › Facts › Debate" reads "Debate", as a student would describe it."""
        path: list[Place] = []
        for place in self.trail():
            for index, earlier in enumerate(path):
                if earlier.key == place.key:
                    del path[index:]
                    break
            path.append(place)
        return path

    def __len__(self) -> int:
        return len(self._entries)
