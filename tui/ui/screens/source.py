"""A source: the whole article with the current quote highlighted, stepping passage by passage.

Shows which arguments cite the current passage, who said it, and the source's
metadata and artefact notes after the article.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.pack.model import Debate, Quote, Source

from ..messages import OpenPlace
from ..text import argument_counts, data_text, shorten, speaker_line
from ..widgets.argument_list import ArgumentList, ArgumentRow
from ..widgets.article import Article
from .base import ViewScreen
from .copying import copy_quote


def about(source: Source) -> Text:
    """The source's metadata and the notes on artefacts in the stored text."""
    text = Text("\n")
    text.append("About this source\n", style="bold underline")
    rows = [("Outlet", source.outlet), ("Date", source.when)]
    if source.date_reason:
        rows.append(("Why this date", source.date_reason))
    if source.original_file:
        rows.append(("Original file", source.original_file))
    if source.file:
        rows.append(("Stored as", source.file))
    if source.url:
        rows.append(("Address", source.url))
    if source.outlet_evidence:
        rows.append(("Outlet evidence", source.outlet_evidence))
    for name, value in rows:
        text.append(f"{name}: ", style="bold")
        text.append(data_text(f"{value}\n"))
    if source.artefacts:
        text.append("Artefacts in the text:\n", style="bold")
        for note in source.artefacts:
            text.append(data_text(f"  • {note}\n"))
    if source.notes:
        text.append("Notes: ", style="bold")
        text.append(data_text(source.notes))
    return text


class SourceScreen(ViewScreen):
    CSS_PATH = "source.tcss"
    KIND = "source"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("n", "step(1)", "Next passage"),
        Binding("N", "step(-1)", "Previous passage", key_display="N"),
        Binding("w", "speaker", "Who said it"),
        Binding("c", "cited_by", "Cited by", show=False),
        Binding("y", "copy_quote", "Copy quote and citation", show=False),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        source = debate.sources.get(record_id)
        return shorten(source.outlet, 30) if source else record_id

    @property
    def source(self) -> Source:
        return self.debate.sources[self.record_id]

    def compose_view(self) -> ComposeResult:
        source = self.source
        self.passages: list[Quote] = self.debate.quotes_in(source.id)
        self.current: Quote | None = None
        yield Static(Text.assemble(data_text(source.headline, "bold"), "\n",
                                   data_text(f"{source.outlet} · {source.when}", "dim")),
                     id="source-head")
        with Vertical(id="source-body"):
            with Article(source, self.passages, id="article"):
                pass
            with Vertical(id="passage-panel"):
                yield Static(id="passage-info")
                yield ArgumentList(id="cited-by")

    def on_mount(self) -> None:
        self.query_one("#article", Article).mount(Static(about(self.source), id="about"))
        super().on_mount()

    def show_passage(self, quote: Quote | None, *, scroll: bool = True) -> None:
        self.current = quote
        self.query_one("#article", Article).show(quote, scroll=scroll)
        info = self.query_one("#passage-info", Static)
        cited = self.query_one("#cited-by", ArgumentList)
        if quote is None:
            cited.set_rows([])
            info.update(Text("No quoted passage in this source.", style="dim"))
            return
        number = self.passages.index(quote) + 1
        where = f"Passage {number} of {len(self.passages)}"
        reported = " (reported)" if quote.kind == "reported" else ""
        # One line when narrow: a wrapped line would squeeze the article at 24 rows.
        # The side panel of a wide screen is tall enough to wrap.
        room = (self.app.size.width - 2 - len(where) - len(reported) - 3
                if self.has_class("-narrow") else 120)
        citing = self.debate.citing(quote.id)
        info.update(Text.assemble(
            (where, "bold"), (reported, "dim"), " · ",
            shorten(speaker_line(self.debate, quote.speaker), max(room, 20)),
            "\n", ("Cited by:", "bold"),
            ("" if citing else " no argument of the pack cites this passage", "dim")))
        # A line-API list, as on the debate screen: stepping redraws only what changed.
        marks = self.case_marks()
        cited.set_rows(ArgumentRow(a.id, f"{self.debate.positions[a.position].label}: {a.claim}",
                                   argument_counts(self.debate, a), marks.of(a.id))
                       for a in citing)

    def action_step(self, step: int) -> None:
        if not self.passages:
            self.notify("No quoted passage in this source.", severity="warning")
            return
        index = self.passages.index(self.current) if self.current in self.passages else -1
        self.show_passage(self.passages[(index + step) % len(self.passages)])

    def action_speaker(self) -> None:
        if self.current is not None and self.current.speaker in self.debate.speakers:
            self.post_message(OpenPlace("speaker", self.current.speaker))
        else:
            self.notify("No quoted passage in this source, so no one to show.",
                        severity="warning")

    def action_copy_quote(self) -> None:
        if self.current is None:
            self.notify("No quoted passage in this source.", severity="warning")
        else:
            copy_quote(self, self.debate, self.current)

    def action_cited_by(self) -> None:
        self.query_one("#cited-by", ArgumentList).focus()

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        event.stop()
        self.post_message(OpenPlace("argument", event.row_id))

    def save_state(self) -> dict[str, Any]:
        return {"quote": self.current.id if self.current else None,
                "scroll_y": self.query_one("#article", Article).scroll_y}

    def restore_state(self, state: dict[str, Any]) -> None:
        quote = self.debate.quotes.get(state.get("quote") or "")
        if quote not in self.passages:
            quote = self.passages[0] if self.passages else None
        scroll_y = state.get("scroll_y")
        self.show_passage(quote, scroll=scroll_y is None)
        article = self.query_one("#article", Article)
        if scroll_y is not None:
            article.call_after_refresh(article.scroll_to, y=scroll_y, animate=False)
        article.focus()
