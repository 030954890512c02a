"""Choosing a pack when several are bundled: title, motion and counts of each."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from tui.core.pack.summary import summarise

from ..text import data_text
from ..widgets.lists import KeyList


class PickerScreen(Screen):
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
            prompt = Text.assemble(data_text(summary.title, "bold"), "\n",
                                   data_text(summary.motion or ""),
                                   "\n", (summary.counts_line(), "dim"))
            options += [Option(prompt, id=f"pack-{number}"), None]
        yield KeyList(*options[:-1], id="packs")
        yield Footer(compact=True, show_command_palette=False)

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        pack = self.packs[int(event.option_id.rpartition("-")[2])]
        from tui.core.pack.cache import load_pack_cached

        result = load_pack_cached(pack)
        if result.debate is None:
            self.app.exit_message = "\n".join(result.report(pack))
            self.app.exit(1)
            return
        self.app.use_debate(result.debate)
