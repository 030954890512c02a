"""Choosing a pack when several are bundled: title, motion and counts of each."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from tui.core.pack.summary import summarise

from ..widgets.lists import KeyList
from .base import explorer


class PickerScreen(Screen[None]):
    """Lists the bundled packs; Enter opens one (a broken one ends the app with its problems)."""
    CSS_PATH = "picker.tcss"

    def __init__(self, packs: list[Path]) -> None:
        super().__init__()
        self.packs = packs

    def compose(self) -> ComposeResult:
        yield Static("Choose a debate", id="picker-title")
        options = []
        for number, pack in enumerate(self.packs):
            summary = summarise(pack)
            prompt = Text.assemble((summary.title, "bold"), "\n", summary.motion or "",
                                   "\n", (summary.counts_line(), "dim"))
            options += [Option(prompt, id=f"pack-{number}"), None]
        yield KeyList(*options[:-1], id="packs")
        yield Footer(compact=True, show_command_palette=False)

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id is None:  # only the rules between packs have none, never chosen
            return
        pack = self.packs[int(event.option_id.rpartition("-")[2])]
        from tui.core.pack.cache import load_pack_cached

        result = load_pack_cached(pack)
        app = explorer(self)
        if result.debate is None:
            app.exit_message = "\n".join(result.report(pack))
            app.exit(1)
            return
        app.use_debate(result.debate)
