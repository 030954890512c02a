"""What every view of the debate shares: the breadcrumb, the footer, saving the cursor."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer

from tui.core.pack.model import Debate

from ..app import ExplorerApp
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.lists import KeyList


def explorer(node: DOMNode) -> ExplorerApp:
    """The app, typed as the explorer that the debate's screens and dialogs always run in."""
    app = node.app
    assert isinstance(app, ExplorerApp), f"{type(node).__name__} runs only in ExplorerApp"
    return app


class ViewScreen(Screen[None]):
    """A view of one record; the app's history rebuilds it from (kind, id, state)."""

    KIND: ClassVar[str] = ""
    # Keep the built screen for the whole session (for views that are slow to build
    # on a large pack and visited often); restore_state runs on every return.
    KEEP: ClassVar[bool] = False
    BINDINGS = [Binding("escape", "app.back", "Back", show=False)]

    def __init__(self, debate: Debate, record_id: str, state: dict[str, Any]) -> None:
        super().__init__()
        self.debate = debate
        self.record_id = record_id
        self.initial_state = state

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        """How the breadcrumb names this place."""
        return cls.KIND.title()

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield from self.compose_view()
        yield Footer(compact=True, show_command_palette=False)

    def compose_view(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # The cursor and scroll can only be placed once the lists have a size.
        self.call_after_refresh(self.restore_state, self.initial_state)

    def on_screen_resume(self) -> None:
        # A kept screen comes back after other visits: its path has changed since.
        self.query_one(Breadcrumb).refresh()

    def save_state(self) -> dict[str, Any]:
        """The cursor and scroll to restore when the student comes back."""
        return {}

    def restore_state(self, state: dict[str, Any]) -> None:
        """Put the cursor back where it was (or where the opener asked)."""


class LinksScreen(ViewScreen):
    """A view whose body is one list of linked records (the argument, the speaker).

    Each screen names its options in its own way; `link_of` reads one back as
    (kind, record id), or None for an option there only to be read.
    """

    LINKS_ID: ClassVar[str] = "links"

    @property
    def links(self) -> KeyList:
        return self.query_one(f"#{self.LINKS_ID}", KeyList)

    def link_of(self, option_id: str) -> tuple[str, str] | None:
        raise NotImplementedError

    def _open(self, option_id: str) -> None:
        link = self.link_of(option_id)
        if link is None:
            return
        kind, record_id = link
        if kind == "quote":  # a quote opens at its passage in the article
            explorer(self).open_view("source", self.debate.quotes[record_id].source,
                                     quote=record_id)
        else:
            explorer(self).open_view(kind, record_id)

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:  # only headings have none, and they cannot be chosen
            self._open(event.option_id)

    def save_state(self) -> dict[str, Any]:
        return {"highlighted": self.links.highlighted, "scroll_y": self.links.scroll_y}

    def restore_state(self, state: dict[str, Any]) -> None:
        links = self.links
        highlighted = state.get("highlighted")
        if highlighted is not None and highlighted < links.option_count:
            links.highlighted = highlighted
            links.scroll_to(y=state.get("scroll_y", 0), animate=False)
        else:
            links.action_first()
        links.focus()
