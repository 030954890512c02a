"""What the explorer's screens share for one debate, each made on first use so that
start-up pays for neither: the search index and the student's case book."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from tui.core.pack.model import Debate

if TYPE_CHECKING:
    from tui.core.search.index import SearchIndex
    from tui.core.work.casebook import CaseBook


class LazySearchIndex:
    """The debate's search index, built by whoever asks first (a worker after the first
    frame, or `/` pressed before it is done); anyone asking meanwhile waits for it."""

    def __init__(self, debate: Debate) -> None:
        self._debate = debate
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> SearchIndex:
        with self._lock:  # `/` pressed mid-build waits for that build, not a second
            if self._index is None:
                from tui.core.search.index import SearchIndex

                self._index = SearchIndex(self._debate)
            return self._index


def open_casebook(app: App[Any], debate: Debate, data_dir: Path | None,
                  side: str | None) -> CaseBook:
    """The pack's case book, telling the student what storage says through the app."""
    from tui.core.work.case import CaseError
    from tui.core.work.casebook import CaseBook, notify_through

    try:
        casebook = CaseBook(debate, data_dir, side)
    except CaseError as error:  # a --side that the picked pack does not have
        app.notify(str(error), severity="error", timeout=15)
        casebook = CaseBook(debate, data_dir)
    casebook.connect(notify_through(app))
    return casebook
