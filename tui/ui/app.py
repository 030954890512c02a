"""Debate Explorer: one debate, explored place by place, with the student's case beside it."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.binding import Binding
from textual.notifications import SeverityLevel

from tui.core.controls import visible
from tui.core.pack.model import Debate
from tui.core.work.settings import Remembered

from .messages import CollectArgument, OpenPlace, OpenQuote
from .navigator import Navigator
from .screens.base import ViewScreen
from .services import LazySearchIndex, open_casebook
from .shell import AppShell

if TYPE_CHECKING:
    from tui.core.search.index import SearchIndex
    from tui.core.work.casebook import CaseBook
    from tui.core.work.marks import CaseMarks


class ExplorerApp(AppShell[int]):
    """Moves a student through one debate. Screens ask by message (messages.py); the
    navigator shows places; the search index and the case book are made on first use."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "open_view('facts')", "Facts"),
        Binding("b", "background", "Background of the debate", show=False),
        Binding("C", "open_case", "My case", key_display="C", show=False),
        Binding("D", "drill", "Rebuttal drill", key_display="D", show=False),
        Binding("d", "open_view('debate')", "Debate", show=False),
        Binding("backspace,left_square_bracket,alt+left", "back", "Back", show=False),
        Binding("right_square_bracket,alt+right", "forward", "Forward", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("T", "timer", "Speech timer", key_display="T", show=False),
        Binding("H", "handout", "Handout: print my case (HTML, or Markdown)", key_display="H",
                show=False),
        Binding("X", "export", "Export the whole debate (Markdown or JSON)", key_display="X",
                show=False),
        Binding("E", "edit_pack", "Edit the pack's files (leaves the explorer)",
                key_display="E", show=False),
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
    ]

    def __init__(self, debate: Debate, *, data_dir: Path | None = None,
                 side: str | None = None) -> None:
        super().__init__()
        self.debate = debate
        self.data_dir = data_dir  # where the student's case is kept (None: the default)
        self.assigned_side = side  # a teacher's --side, fixed for the session
        # Set by the launcher, the app's only owner in its process; never in tests,
        # where many apps share a process and freezing would keep their garbage.
        self.freeze_what_lasts = False
        self.navigator = Navigator(self)
        self._search_index = LazySearchIndex(debate)
        self._casebook: CaseBook | None = None
        self._offer_showing = False  # the background's offer is the only notification
        self._told = 0  # notifications shown so far
        from tui.core.work.storage import data_folder  # the case's module, not at import

        # The theme, the drill's and the timer's choices, kept between runs.
        self.remembered = Remembered(data_folder(data_dir),
                                     lambda text: self.notify(text, severity="warning",
                                                              timeout=15))
        self.wants_editor = False  # E: the launcher opens the editor when this app exits

    def on_mount(self) -> None:
        if self.remembered.settings.theme in self.available_themes:
            self.theme = self.remembered.settings.theme
        self.navigator.open("debate")
        self.call_after_refresh(self._offer_background)  # once the debate is on screen
        # Build the search index once the first frame is out, off the event loop.
        self.call_after_refresh(self.run_worker, self._build_search_index,
                                thread=True, exit_on_error=False)

    def _build_search_index(self) -> None:
        self._search_index.get()
        if self.freeze_what_lasts:
            # The pack and its index live as long as the app: keep them out of the
            # collector's passes, whose full rounds over them were 100-150 ms pauses
            # between key presses with a 10,000-argument pack.
            gc.freeze()

    @property
    def search_index(self) -> SearchIndex:
        return self._search_index.get()

    @property
    def casebook(self) -> CaseBook:
        if self._casebook is None:  # read from disk on first use, not at start-up
            self._casebook = open_casebook(self, self.debate, self.data_dir, self.assigned_side)
        return self._casebook

    @property
    def unsaved(self) -> str:
        """Why the student's last change was not saved, if it was not ("" if it was)."""
        return self._casebook.unsaved if self._casebook is not None else ""

    @on(OpenPlace)
    def _open_place(self, request: OpenPlace) -> None:
        self.navigator.open(request.kind, request.record_id, request.state)

    @on(OpenQuote)
    def _open_quote(self, request: OpenQuote) -> None:
        self.navigator.open_quote(request.quote_id)

    @on(CollectArgument)
    def _collect(self, request: CollectArgument) -> None:
        from .screens.case import collect_argument

        collect_argument(self, self.casebook, request.argument_id, self._show_marks)

    def case_marks(self) -> CaseMarks:
        """Where each argument stands in the student's case, for the lists to mark."""
        from tui.core.work.marks import CaseMarks

        return CaseMarks.of_case(self.casebook.case)

    def _show_marks(self) -> None:
        if isinstance(self.screen, ViewScreen):
            self.screen.show_marks()

    def open_view(self, kind: str, record_id: str = "", **state: Any) -> None:
        """Go to a place directly (for code that owns the app, such as tests)."""
        self.navigator.open(kind, record_id, state)

    def action_open_view(self, kind: str, record_id: str = "") -> None:
        self.navigator.open(kind, record_id)

    def action_edit_pack(self) -> None:
        """Leave the explorer for the editor, which changes the pack's own files (issue 13);
        the launcher opens the explorer again on the changed pack afterwards."""
        import os

        if not os.access(self.debate.folder, os.W_OK):
            self.notify("This pack's folder cannot be written: copy it somewhere of your own "
                        "to edit it.", severity="warning", timeout=8)
            return
        self.wants_editor = True
        self.exit()

    async def action_back(self) -> None:  # async as App's, which it replaces
        self.navigator.step(back=True)

    def action_forward(self) -> None:
        self.navigator.step(back=False)

    def action_search(self) -> None:
        self.navigator.search()

    def _offer_background(self) -> None:
        """On a pack's first opening, offer its background, once (remembered in the data
        folder). An offer, not a dialog: the student's first keys still do what they say."""
        if not self.debate.info.background.strip():
            return
        from tui.core.work.first_opening import FirstOpening

        first = FirstOpening(self.debate.folder, self.data_dir)
        if not first.background_offered:
            first.remember_background_offered()
            told_before = self._told
            self.notify("New to this debate? Press b to read its background (b works "
                        "any time).", timeout=12)
            self._offer_showing = told_before == 0

    # Every screen the student moves to, a view or a dialog (keys, case, search, timer),
    # comes through one of these two: the offer of the background goes with the first.
    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._withdraw_offer()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._withdraw_offer()
        return super().switch_screen(*args, **kwargs)

    def _withdraw_offer(self) -> None:
        """The student has moved on: the offer of the background goes, so that it covers
        nothing on the next screen. Only while it is the one notification showing."""
        if self._offer_showing:
            self._offer_showing = False
            self.clear_notifications()

    def action_background(self) -> None:
        self.navigator.background()

    def action_open_case(self) -> None:
        self.navigator.open_case()

    def action_drill(self) -> None:
        self.navigator.drill()

    def action_timer(self) -> None:
        self.navigator.timer()

    def action_handout(self) -> None:
        from .handouts import ask_for_handout

        ask_for_handout(self, self.casebook, self.remembered)

    def action_export(self) -> None:
        from .handouts import ask_for_export

        ask_for_export(self, self.debate, self.data_dir)

    def action_toggle_theme(self) -> None:
        super().action_toggle_theme()
        self.remembered.change(theme=self.theme)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification, the screens' and the widgets' too, passes here: its words
        often name a position, a claim or a file, which are data, so none is markup."""
        self._offer_showing = False  # another message: never cleared with the offer
        self._told += 1
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)
