"""`?`: every key of the screen the student was on, and the keys that work everywhere."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..commands import KeyAction, key_actions
from .base import ExplorerScreen
from .reading_dialog import SCROLL_KEYS, ReadingDialog


def show_keys(app: App[Any]) -> None:
    """`?`: the keys of the screen on top, named as the student knows it."""
    screen = app.screen
    if isinstance(screen, HelpScreen):
        return
    name = (screen.KIND if isinstance(screen, ExplorerScreen) else "") or type(screen).__name__
    app.push_screen(HelpScreen(name.replace("Screen", "").title(), key_actions(screen)))


def keys_table(title: str, actions: list[KeyAction]) -> Table:
    table = Table(title=title, title_style="bold", title_justify="left", box=None,
                  show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("Keys", style="bold", no_wrap=True)
    table.add_column("Does", ratio=1)
    for action in actions:
        table.add_row(action.keys, action.description)
    return table


class HelpScreen(ReadingDialog):
    CSS_PATH = "help.tcss"
    BODY = "help-keys"
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close"), *SCROLL_KEYS]

    def __init__(self, screen_name: str, actions: list[KeyAction]) -> None:
        super().__init__()
        self.screen_name = screen_name
        self.actions = actions

    def compose(self) -> ComposeResult:
        app = self.app
        here = [a for a in self.actions if isinstance(a.node, Screen)]
        in_list = [a for a in self.actions if a.node is not app and a not in here]
        everywhere = [a for a in self.actions if a.node is app]
        with Vertical(id="help-dialog"):
            yield Static(Text(f"Keys — {self.screen_name}", style="bold"), id="help-title")
            with VerticalScroll(id="help-keys"):
                # Most used first: at 24 rows the list keys would push these off screen.
                yield Static(keys_table("On this screen", here), classes="keys")
                yield Static(keys_table("Everywhere", everywhere), classes="keys")
                if in_list:
                    yield Static(keys_table("In the focused list or text", in_list),
                                 classes="keys")
                yield Static(Text("Every action is also in the command palette (ctrl+p). "
                                  "The mouse works too, but nothing needs it.", style="dim"))
            yield Static(Text("esc, ? or q: close", style="dim"), id="help-hint")
