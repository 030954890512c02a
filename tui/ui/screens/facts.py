"""Facts: every figure in the pack with its source; conflicting figures flagged and compared."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from tui.core.pack.model import Debate, Fact

from ..messages import OpenQuote
from ..text import data_text, shorten, speaker_line
from .base import ViewScreen
from .copying import copy_quote


def fact_card(debate: Debate, fact: Fact, title: str = "", why: str = "") -> Text:
    """A figure with what it counts, when, where, and who gave it in which source;
    for a conflicting figure, why the two differ comes straight after it."""
    card = Text()
    if title:
        card.append(f"{title}\n", style="dim")
    card.append(data_text(fact.figure, "bold"))
    if why:
        card.append(data_text(f"\nWhy they differ: {why}", "italic"))
    card.append(data_text(f"\n{fact.what}"))
    when_where = ", ".join(part for part in (fact.year, fact.place) if part)
    if when_where:
        card.append(data_text(f" ({when_where})"))
    quote = debate.quotes.get(fact.quote)
    if quote is not None:
        card.append(data_text(f"\n— {speaker_line(debate, quote.speaker)}", "dim"))
        source = debate.sources.get(quote.source)
        if source is not None:
            card.append(data_text(f"\n  {source.outlet}, {source.when}", "dim"))
    return card


class FactTable(DataTable[str | Text]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class FactsScreen(ViewScreen):
    CSS_PATH = "facts.tcss"
    KIND = "facts"
    BINDINGS = [
        Binding("enter,s", "open_source", "In source"),
        Binding("c", "conflicting", "Conflicting figure"),
        Binding("y", "copy_quote", "Copy quote and citation", show=False),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        return "Facts"

    def compose_view(self) -> ComposeResult:
        self.fact_ids = list(self.debate.facts)
        self._filled_width = -1
        table = FactTable(cursor_type="row", zebra_stripes=True, id="facts-table")
        yield table
        # Scrolls (tab to it) when two long cards do not fit a small terminal.
        with VerticalScroll(id="fact-detail"), Horizontal(id="fact-cards"):
            yield Static(id="fact-this", classes="fact-card")
            yield Static(id="fact-other", classes="fact-card")

    def on_mount(self) -> None:
        self._fill_table(self.app.size.width)
        if not self.fact_ids:
            self.query_one("#fact-this", Static).update(
                Text("This pack records no figures yet.", style="dim"))
        super().on_mount()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._filled_width:
            self._fill_table(event.size.width)

    def _fill_table(self, width: int) -> None:
        """The columns sized to the width: the figure and what it counts get the room;
        the source shows only when there is plenty (the card below always has it)."""
        self._filled_width = width
        table = self.query_one(FactTable)
        keep = self.fact_ids[table.cursor_row] if self.fact_ids and table.row_count else None
        table.clear(columns=True)
        facts = list(self.debate.facts.values())
        outlets = {fact.id: self._outlet(fact) for fact in facts}
        room = width - 2  # the scrollbar
        sizes = {"Figure": min(max((len(f.figure) for f in facts), default=6), 22),
                 "Year": min(max((len(f.year) for f in facts), default=4), 12),
                 "⚠": 3}
        if width >= 110:
            sizes["Source"] = min(max(map(len, outlets.values()), default=6), 20)
        # Each column has a cell of padding either side.
        sizes["What"] = max(room - sum(sizes.values()) - 2 * (len(sizes) + 1), 12)
        order = [name for name in ("Figure", "What", "Year", "Source", "⚠") if name in sizes]
        for name in order:
            table.add_column(name, width=sizes[name], key=name)
        for fact in facts:
            conflicts = self.debate.conflicts_of(fact.id)
            # A str cell would be read as markup: the pack's words go in as Text.
            cells = {"Figure": data_text(shorten(fact.figure, sizes["Figure"])),
                     "What": data_text(shorten(fact.what, sizes["What"])),
                     "Year": data_text(shorten(fact.year, sizes["Year"])),
                     "Source": data_text(shorten(outlets[fact.id], sizes.get("Source", 0))),
                     "⚠": Text(f"⚠ {len(conflicts)}", style="bold") if conflicts else ""}
            table.add_row(*(cells[name] for name in order), key=fact.id)
        if keep in self.fact_ids:
            table.move_cursor(row=self.fact_ids.index(keep), animate=False)

    def _outlet(self, fact: Fact) -> str:
        quote = self.debate.quotes.get(fact.quote)
        source = self.debate.sources.get(quote.source) if quote else None
        return source.outlet if source else ""

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # An empty table still sends a highlight, with no row behind it.
        fact = self.debate.facts.get(event.row_key.value or "") if event.row_key else None
        if fact is None:
            return
        self.query_one("#fact-detail", VerticalScroll).scroll_home(animate=False)
        this = fact_card(self.debate, fact, "This figure")
        other = self.query_one("#fact-other", Static)
        conflicts = self.debate.conflicts_of(fact.id)
        # A figure with no conflict gets the whole width, so its card is not squeezed.
        other.display = bool(conflicts)
        if conflicts:
            other.update(Text("\n\n").join(
                fact_card(self.debate, self.debate.facts[conflict.fact], "⚠ Conflicts with",
                          conflict.difference) for conflict in conflicts))
        else:
            this.append("\nNo conflicting figure in the pack.", style="dim")
        self.query_one("#fact-this", Static).update(this)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_source()

    def action_open_source(self) -> None:
        table = self.query_one(FactTable)
        if not self.fact_ids:
            self.notify("This pack records no figures yet.", severity="warning")
            return
        fact = self.debate.facts[self.fact_ids[table.cursor_row]]
        if fact.quote in self.debate.quotes:
            self.post_message(OpenQuote(fact.quote))

    def _highlighted(self) -> Fact | None:
        if not self.fact_ids:
            return None
        return self.debate.facts[self.fact_ids[self.query_one(FactTable).cursor_row]]

    def action_conflicting(self) -> None:
        """To the figure this one conflicts with (the first, when several: the card
        below lists them all); pressed again there, back."""
        fact = self._highlighted()
        if fact is None:
            return
        conflicts = [c.fact for c in self.debate.conflicts_of(fact.id) if c.fact in self.fact_ids]
        if not conflicts:
            self.notify("No figure in the pack conflicts with this one.", severity="warning")
            return
        self.query_one(FactTable).move_cursor(row=self.fact_ids.index(conflicts[0]),
                                              animate=False)

    def action_copy_quote(self) -> None:
        fact = self._highlighted()
        quote = self.debate.quotes.get(fact.quote) if fact else None
        if quote is not None:
            copy_quote(self, self.debate, quote)

    def save_state(self) -> dict[str, Any]:
        table = self.query_one(FactTable)
        return {"fact": self.fact_ids[table.cursor_row] if self.fact_ids else None}

    def restore_state(self, state: dict[str, Any]) -> None:
        table = self.query_one(FactTable)
        fact_id = state.get("fact")
        if fact_id in self.fact_ids:
            table.move_cursor(row=self.fact_ids.index(fact_id), animate=False)
        table.focus()
