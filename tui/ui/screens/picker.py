"""Choosing a pack when several are bundled: title, motion and counts of each."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from tui.core.pack.summary import summarise

from ..messages import PackChosen
from ..text import data_text
from ..widgets.lists import KeyList


class PickerScreen(Screen[None]):
    """Lists the bundled packs; Enter asks for the highlighted one (`PackChosen`)."""

    CSS_PATH = "picker.tcss"

    def __init__(self, packs: list[Path]) -> None:
        super().__init__()
        self.packs = packs

    def compose(self) -> ComposeResult:
        yield Static("Choose a debate", id="picker-title")
        options: list[Option | None] = []
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
        number = (event.option_id or "").rpartition("-")[2]  # "pack-2"
        self.post_message(PackChosen(self.packs[int(number)]))
