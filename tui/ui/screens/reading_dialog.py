"""What the help and background dialogs share: a scrolled body read with the keys, and
closing."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

SCROLL_KEYS: list[BindingType] = [
    Binding("j,down", "scroll(1)", "Scroll down", show=False),
    Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    Binding("pagedown,space", "page(1)", "Page down", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
]


class ReadingDialog(ModalScreen[None]):
    """A dialog whose body (the VerticalScroll with id `BODY`) scrolls by line and page."""

    BODY: ClassVar[str]

    def action_scroll(self, step: int) -> None:
        self.query_one(f"#{self.BODY}", VerticalScroll).scroll_relative(y=step,
                                                                       animate=False)

    def action_page(self, step: int) -> None:
        scroller = self.query_one(f"#{self.BODY}", VerticalScroll)
        scroller.scroll_relative(y=step * max(scroller.size.height - 1, 1), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
