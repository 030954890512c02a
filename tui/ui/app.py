"""The explorer app: holds the debate and the history, and opens views by kind and id."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.core.controls import visible
from tui.core.history import History, Place
from tui.core.pack.model import Debate

from .commands import binding_commands
from .views import view_class

if TYPE_CHECKING:
    from tui.core.search.index import SearchIndex
    from tui.core.work.casebook import CaseBook


class ExplorerApp(App[int]):
    """Moves a student through one debate; every screen reads `self.debate`."""

    TITLE = "Debate Explorer"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "open_view('facts')", "Facts"),
        Binding("C", "open_case", "My case", key_display="C", show=False),
        Binding("D", "drill", "Drill the other side", key_display="D", show=False),
        Binding("d", "open_view('debate')", "Debate", show=False),
        Binding("backspace,left_square_bracket,alt+left", "back", "Back", show=False),
        Binding("right_square_bracket,alt+right", "forward", "Forward", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
    ]

    def __init__(self, debate: Debate | None = None, packs: list[Path] | None = None, *,
                 data_dir: Path | None = None, side: str | None = None) -> None:
        super().__init__()
        self.debate = debate
        self.packs = packs or []
        self.data_dir = data_dir  # where the student's case is kept (None: the default)
        self.assigned_side = side  # a teacher's --side, fixed for the session
        self._casebook: CaseBook | None = None
        # Set by the launcher, the app's only owner in its process; never in tests,
        # where many apps share a process and freezing would keep their garbage.
        self.freeze_what_lasts = False
        self.history = History()
        self.exit_message = ""  # printed by the launcher after the screen is restored
        self._search_index: SearchIndex | None = None
        self._kept: dict[tuple[str, str], Screen] = {}
        self._index_lock = threading.Lock()

    def on_mount(self) -> None:
        if self.debate is not None:
            self.open_view("debate")
            # Build the search index once the first frame is out, off the event loop.
            self.call_after_refresh(self.run_worker, lambda: self.search_index,
                                    thread=True, exit_on_error=False)
        else:
            from .screens.picker import PickerScreen

            self.push_screen(PickerScreen(self.packs))

    # -- opening places ----------------------------------------------------

    def use_debate(self, debate: Debate) -> None:
        """Start exploring a debate (after the picker chose a pack)."""
        self.debate = debate
        self.history = History()
        self._casebook = None
        with self._index_lock:
            self._search_index = None
        self.call_after_refresh(self.run_worker, lambda: self.search_index,
                                thread=True, exit_on_error=False)
        for screen in self._kept.values():
            self.uninstall_screen(screen)
        self._kept.clear()
        self.open_view("debate")

    def open_view(self, kind: str, record_id: str = "", **state: Any) -> None:
        """Go to a place, as a browser follows a link; what is ahead is forgotten."""
        if self.debate is None:
            return
        self._remember_cursor()
        label = view_class(kind).label(self.debate, record_id)
        self._show(self.history.visit(Place(kind, record_id, label), state))

    def action_open_view(self, kind: str, record_id: str = "") -> None:
        self.open_view(kind, record_id)

    def action_back(self) -> None:
        self._step(back=True)

    def action_forward(self) -> None:
        self._step(back=False)

    def _step(self, *, back: bool) -> None:
        if self.debate is None:
            return
        self._remember_cursor()
        entry = self.history.back() if back else self.history.forward()
        if entry is None:
            self.bell()
            self.notify("Nothing further " + ("back." if back else "forward."), timeout=2)
            return
        self._show(entry)

    def _remember_cursor(self) -> None:
        from .screens.base import ViewScreen

        if isinstance(self.screen, ViewScreen):
            self.history.remember(self.screen.save_state())

    def _show(self, entry) -> None:
        from .screens.base import ViewScreen

        kind, record_id = entry.place.key
        screen = self._kept.get((kind, record_id))
        if screen is not None:  # already built: only the cursor needs putting back
            screen.call_after_refresh(screen.restore_state, entry.state)
        else:
            cls = view_class(kind)
            screen = cls(self.debate, record_id, entry.state)
            if cls.KEEP:
                self.install_screen(screen, name=f"kept-{kind}-{record_id}")
                self._kept[(kind, record_id)] = screen
        # The case and the drill sit over the explorer: going to a place closes them,
        # so the student never finds a stale copy underneath later.
        while len(self.screen_stack) > 1 and getattr(self.screen, "OVER_EXPLORER", False):
            self.pop_screen()
        if isinstance(self.screen, ViewScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- dialogs -----------------------------------------------------------

    @property
    def search_index(self) -> SearchIndex:
        """Built after the first frame (or on first use), so start-up does not pay for it."""
        with self._index_lock:  # `/` pressed mid-build waits for that build, not a second
            if self._search_index is None:
                from tui.core.search.index import SearchIndex

                self._search_index = SearchIndex(self.debate)
                if self.freeze_what_lasts:
                    # The pack and its index live as long as the app: keep them out of
                    # the collector's passes, whose full rounds over them were 100-150
                    # ms pauses between key presses with a 10,000-argument pack.
                    gc.freeze()
            return self._search_index

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if self.debate is not None and not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.debate), self._open_hit)

    def _open_hit(self, hit: tuple[str, str] | None) -> None:
        if hit is None:
            return
        kind, record_id = hit
        if kind == "quote":
            quote = self.debate.quotes[record_id]
            self.open_view("source", quote.source, quote=quote.id)
        elif kind == "fact":
            self.open_view("facts", fact=record_id)
        else:
            self.open_view(kind, record_id)

    # -- the student's case ------------------------------------------------

    @property
    def casebook(self) -> CaseBook:
        """The open pack's case, read from disk on first use (not at start-up)."""
        if self._casebook is None:
            from tui.core.work.case import CaseError
            from tui.core.work.casebook import CaseBook, notify_through

            try:
                self._casebook = CaseBook(self.debate, self.data_dir, self.assigned_side)
            except CaseError as error:  # a --side that the picked pack does not have
                self.notify(str(error), severity="error", timeout=15)
                self._casebook = CaseBook(self.debate, self.data_dir)
            self._casebook.connect(notify_through(self))
        return self._casebook

    @property
    def unsaved(self) -> str:
        """Why the student's last change was not saved, if it was not ("" if it was)."""
        return self._casebook.unsaved if self._casebook is not None else ""

    def add_to_case(self, argument_id: str) -> None:
        """Collect an argument: into the case for the student's side, else to answer."""
        from .screens.case import collect_argument

        collect_argument(self, self.casebook, argument_id)

    def action_open_case(self) -> None:
        from .screens.case import CaseScreen

        if self.debate is not None and not isinstance(self.screen, CaseScreen):
            self.push_screen(CaseScreen(self.casebook))

    def action_drill(self) -> None:
        from .screens.drill import DrillScreen

        if self.debate is not None and not isinstance(self.screen, DrillScreen):
            self.push_screen(DrillScreen(self.casebook))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            from .commands import key_actions

            name = getattr(self.screen, "KIND", "") or type(self.screen).__name__
            self.push_screen(HelpScreen(name.replace("Screen", "").title(),
                                        key_actions(self.screen)))

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification, the screens' and the widgets' too, passes here: its words
        often name a position, a claim or a file, which are data, so none is markup."""
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until a pack is chosen in the picker there is nothing to search or open.
        if self.debate is None and action in ("search", "open_view", "back", "forward",
                                              "open_case", "drill"):
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from binding_commands(screen)
        yield from super().get_system_commands(screen)
