"""The app that runs before the explorer when several packs are bundled: the student
picks one, and the launcher opens the explorer on the debate it holds."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.binding import Binding

from tui.core.pack.cache import load_pack_cached
from tui.core.pack.model import Debate

from .messages import PackChosen
from .screens.picker import PickerScreen
from .shell import AppShell


class PickerApp(AppShell[Debate]):
    """Ends with the chosen debate; or, for a pack that does not load, with status 1
    and the pack's problems in `exit_message` (printed once the terminal is back)."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
    ]

    def __init__(self, packs: list[Path]) -> None:
        super().__init__()
        self.packs = packs
        self.exit_message = ""

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(self.packs))

    @on(PackChosen)
    def _load(self, chosen: PackChosen) -> None:
        result = load_pack_cached(chosen.pack)
        if result.debate is None:
            self.exit_message = "\n".join(result.report(chosen.pack))
            self.exit(return_code=1)
        else:
            self.exit(result.debate)
