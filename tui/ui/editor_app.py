"""The editor: the pack's files changed by keyboard, each change checked, written and
undoable (issue 13). Opened by `debate-explorer edit FOLDER`, or `E` in the explorer."""

from __future__ import annotations

from textual.binding import Binding
from textual.notifications import SeverityLevel

from tui.core.authoring.session import Refused, Session
from tui.core.controls import visible

from .screens.editor import EditorScreen, EditorView
from .screens.editor_dialogs import EditorDialog
from .shell import AppShell


class EditorApp(AppShell[int]):
    TITLE = "Debate Explorer: editing a pack"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("u", "undo", "Undo"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.push_screen(EditorScreen(self.session))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a change is being asked for (a dialog is up, or the next is on its way), a
        letter typed ahead must not undo the last change, quit or restyle."""
        screen = self.screen
        asking = isinstance(screen, EditorDialog) or (
            isinstance(screen, EditorView) and screen.busy)
        return not (asking and action in ("undo", "quit", "toggle_theme", "help"))

    def action_undo(self) -> None:
        try:
            what = self.session.undo()
        except Refused as refused:
            self.bell()
            self.notify(f"Not undone: {refused}", severity="warning", timeout=8)
            return
        self.notify(f"Undone: {what}", timeout=4)
        for screen in self.screen_stack:
            if isinstance(screen, EditorView):
                screen.pack_changed()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Messages name records, files and the validator's words: data, never markup."""
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)
