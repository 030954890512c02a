"""What the two apps share (the pack picker's and the explorer's): the name, the styles,
`?` for the keys of the screen on top, the theme, and every key action in the palette."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from textual.app import App, SystemCommand
from textual.screen import Screen

from .commands import binding_commands

ReturnType = TypeVar("ReturnType")


class AppShell(App[ReturnType]):
    TITLE = "Debate Explorer"
    CSS_PATH = "app.tcss"

    def action_help(self) -> None:
        from .screens.help import show_keys

        show_keys(self)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from binding_commands(screen)
        # Textual's own theme picker and keys panel would stand beside ours ("t",
        # "?") as a second entry for the same thing.
        ours_instead = (self.action_change_theme, self.action_show_help_panel,
                        self.action_hide_help_panel)
        yield from (command for command in super().get_system_commands(screen)
                    if command.callback not in ours_instead)
