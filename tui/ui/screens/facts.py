"""Facts: every figure in the pack with its source; conflicting figures flagged and compared."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from ...core.model import Debate, Fact
from ..text import shorten, speaker_line
from .base import ViewScreen


def fact_card(debate: Debate, fact: Fact, title: str = "") -> Text:
    """A figure with what it counts, when, where, and who gave it in which source."""
    card = Text()
    if title:
        card.append(f"{title}\n", style="dim")
    card.append(fact.figure, style="bold")
    card.append(f"\n{fact.what}")
    when_where = ", ".join(part for part in (fact.year, fact.place) if part)
    if when_where:
        card.append(f" ({when_where})")
    quote = debate.quotes.get(fact.quote)
    if quote is not None:
        card.append(f"\n— {speaker_line(debate, quote.speaker)}", style="dim")
        source = debate.sources.get(quote.source)
        if source is not None:
            card.append(f"\n  {source.outlet}, {source.when}", style="dim")
    return card


class FactTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class FactsScreen(ViewScreen):
    KIND = "facts"
    BINDINGS = [Binding("enter,s", "open_source", "In source")]

    @classmethod
    def label(cls, debate, record_id: str) -> str:
        return "Facts"

    def compose_view(self) -> ComposeResult:
        self.fact_ids = list(self.debate.facts)
        table = FactTable(cursor_type="row", zebra_stripes=True, id="facts-table")
        yield table
        with Horizontal(id="fact-detail"):
            yield Static(id="fact-this", classes="fact-card")
            yield Static(id="fact-other", classes="fact-card")

    def on_mount(self) -> None:
        table = self.query_one(FactTable)
        table.add_columns("Figure", "What", "Year", "Source", "Conflict")
        for fact in self.debate.facts.values():
            quote = self.debate.quotes.get(fact.quote)
            source = self.debate.sources.get(quote.source) if quote else None
            conflicts = self.debate.conflicts_of(fact.id)
            table.add_row(shorten(fact.figure, 22), shorten(fact.what, 28), fact.year,
                          shorten(source.outlet, 18) if source else "",
                          Text(f"⚠ {len(conflicts)}", style="bold") if conflicts else "",
                          key=fact.id)
        if not self.fact_ids:
            self.query_one("#fact-this", Static).update(
                Text("This pack records no figures yet.", style="dim"))
        super().on_mount()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        fact = self.debate.facts.get(event.row_key.value or "")
        if fact is None:
            return
        self.query_one("#fact-this", Static).update(fact_card(self.debate, fact, "This figure"))
        other = self.query_one("#fact-other", Static)
        conflicts = self.debate.conflicts_of(fact.id)
        if not conflicts:
            other.update(Text("No conflicting figure in the pack.", style="dim"))
            return
        card = Text()
        for conflict in conflicts:
            card.append_text(fact_card(self.debate, self.debate.facts[conflict.fact],
                                       "⚠ Conflicts with"))
            card.append(f"\nWhy they differ: {conflict.difference}\n", style="italic")
        other.update(card)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_source()

    def action_open_source(self) -> None:
        table = self.query_one(FactTable)
        if not self.fact_ids:
            return
        fact = self.debate.facts[self.fact_ids[table.cursor_row]]
        quote = self.debate.quotes.get(fact.quote)
        if quote is not None:
            self.app.open_view("source", quote.source, quote=quote.id)

    def save_state(self) -> dict[str, Any]:
        table = self.query_one(FactTable)
        return {"fact": self.fact_ids[table.cursor_row] if self.fact_ids else None}

    def restore_state(self, state: dict[str, Any]) -> None:
        table = self.query_one(FactTable)
        fact_id = state.get("fact")
        if fact_id in self.fact_ids:
            table.move_cursor(row=self.fact_ids.index(fact_id), animate=False)
        table.focus()
