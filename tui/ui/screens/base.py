"""What every view of the debate shares: the breadcrumb, the footer, saving the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.core.history import Place
from tui.core.pack.model import Debate

from ..messages import open_record
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.lists import KeyList

if TYPE_CHECKING:
    from tui.core.work.marks import CaseMarks


class ExplorerScreen(Screen[None]):
    """A screen of the explorer: what the navigator and `?` need to know of it."""

    KIND: ClassVar[str] = ""  # the kind of place it shows (a key of views.py), if any
    # Over the views (the case, the drill): going to a place closes it.
    OVER_EXPLORER: ClassVar[bool] = False


class ViewScreen(ExplorerScreen):
    """A view of one record; the navigator's history rebuilds it from (kind, id, state)."""

    # Keep the built screen for the whole session (for views that are slow to build
    # on a large pack and visited often); restore_state runs on every return.
    KEEP: ClassVar[bool] = False
    BINDINGS = [Binding("escape", "app.back", "Back", show=False)]

    def __init__(self, debate: Debate, record_id: str, state: dict[str, Any]) -> None:
        super().__init__()
        self.debate = debate
        self.record_id = record_id
        self.initial_state = state
        self.trail: list[Place] = []  # the path to this place, for the breadcrumb

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        """How the breadcrumb names this place."""
        return cls.KIND.title()

    def compose(self) -> ComposeResult:
        yield Breadcrumb(self.trail)
        yield from self.compose_view()
        yield Footer(compact=True, show_command_palette=False)

    def compose_view(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # The cursor and scroll can only be placed once the lists have a size.
        self.call_after_refresh(self.restore_state, self.initial_state)

    def show_trail(self, trail: list[Place]) -> None:
        """The path the student took to here (a kept screen's changes between visits)."""
        self.trail = trail
        for breadcrumb in self.query(Breadcrumb):
            breadcrumb.show(trail)

    def save_state(self) -> dict[str, Any]:
        """The cursor and scroll to restore when the student comes back."""
        return {}

    def case_marks(self) -> CaseMarks:
        """Where each argument stands in the student's case (nothing outside the explorer)."""
        from ..app import ExplorerApp

        app = self.app
        if isinstance(app, ExplorerApp):
            return app.case_marks()
        from tui.core.work.marks import NO_MARKS

        return NO_MARKS

    def show_marks(self) -> None:
        """Mark the listed arguments afresh: the case changed (a key, the case screen)."""

    def on_screen_resume(self) -> None:
        self.show_marks()

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
        self.post_message(open_record(*link))

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
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
