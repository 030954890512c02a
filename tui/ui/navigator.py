"""Where the student is in the debate: the history of places, the views kept for the
session, and showing the view of a place (or a screen over the views)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core.history import Entry, History, Place

from .messages import OpenPlace, OpenQuote
from .screens.base import ExplorerScreen, ViewScreen
from .views import view_class

if TYPE_CHECKING:
    from .app import ExplorerApp


class Navigator:
    """Opens places as a browser follows links, and steps back and forward through them."""

    def __init__(self, app: ExplorerApp) -> None:
        self.app = app
        self.debate = app.debate
        self.history = History()
        # Views slow to build on a large pack (KEEP) are built once and shown again.
        self._kept: dict[tuple[str, str], ViewScreen] = {}

    def open(self, kind: str, record_id: str = "", state: dict[str, Any] | None = None) -> None:
        """Go to a place; like a browser, what was ahead of the current place is forgotten."""
        self._remember_cursor()
        label = view_class(kind).label(self.debate, record_id)
        self._show(self.history.visit(Place(kind, record_id, label), state))

    def open_quote(self, quote_id: str) -> None:
        """A quote is shown where it was said: at its passage in its source's article."""
        quote = self.debate.quotes[quote_id]
        self.open("source", quote.source, {"quote": quote.id})

    def step(self, *, back: bool) -> None:
        self._remember_cursor()
        entry = self.history.back() if back else self.history.forward()
        if entry is None:
            self.app.bell()
            self.app.notify("Nothing further " + ("back." if back else "forward."), timeout=2)
            return
        self._show(entry)

    def search(self) -> None:
        from .screens.search import SearchScreen

        if not isinstance(self.app.screen, SearchScreen):
            self.app.push_screen(SearchScreen(self.debate, self.app.search_index,
                                              marks=self.app.case_marks()), self._follow)

    def open_case(self) -> None:
        from .screens.case import CaseScreen

        if not isinstance(self.app.screen, CaseScreen):
            self.app.push_screen(CaseScreen(self.app.casebook, self.app.remembered))

    def drill(self) -> None:
        from .screens.drill import DrillScreen

        if not isinstance(self.app.screen, DrillScreen):
            self.app.push_screen(DrillScreen(self.app.casebook,
                                             remembered=self.app.remembered))

    def timer(self) -> None:
        from tui.core.work.speech_format import load_formats
        from tui.core.work.storage import data_folder

        from .screens.timer import TimerScreen

        if not isinstance(self.app.screen, TimerScreen):
            formats = load_formats(data_folder(self.app.data_dir))
            self.app.push_screen(TimerScreen(self.app.casebook, formats, self.app.remembered))

    def background(self) -> None:
        from .screens.background import BackgroundScreen

        if not isinstance(self.app.screen, BackgroundScreen):
            self.app.push_screen(BackgroundScreen(self.debate))

    def _follow(self, request: OpenPlace | OpenQuote | None) -> None:
        """Carry out what a dialog was closed with (a search result to open)."""
        if request is not None:
            self.app.post_message(request)

    def _remember_cursor(self) -> None:
        if isinstance(self.app.screen, ViewScreen):
            self.history.remember(self.app.screen.save_state())

    def _show(self, entry: Entry) -> None:
        kind, record_id = entry.place.key
        screen = self._kept.get(entry.place.key)
        if screen is not None:  # already built: only the cursor needs putting back
            screen.call_after_refresh(screen.restore_state, entry.state)
        else:
            cls = view_class(kind)
            screen = cls(self.debate, record_id, entry.state)
            if cls.KEEP:
                self.app.install_screen(screen, name=f"kept-{kind}-{record_id}")
                self._kept[entry.place.key] = screen
        screen.show_trail(self.history.path())
        app = self.app
        # The case and the drill sit over the explorer: going to a place closes them,
        # so the student never finds a stale copy underneath later.
        while (len(app.screen_stack) > 1 and isinstance(app.screen, ExplorerScreen)
               and app.screen.OVER_EXPLORER):
            app.pop_screen()
        if isinstance(app.screen, ViewScreen):
            app.switch_screen(screen)
        else:
            app.push_screen(screen)
