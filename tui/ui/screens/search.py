"""Search (`/`): arguments, quotes, speakers, sources and facts, typo tolerant, grouped by kind.

Closes with the request that opens the chosen record; the navigator carries it out.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static
from textual.widgets.option_list import Option

from tui.core.pack.model import Debate
from tui.core.search.index import Hit, SearchIndex
from tui.core.work.marks import NO_MARKS, CaseMarks

from ..messages import OpenPlace, OpenQuote, open_record
from ..text import data_text
from ..widgets.lists import KeyList

KIND_TITLES = {"argument": "Arguments", "quote": "Quotes", "speaker": "Speakers",
               "source": "Sources", "fact": "Facts"}
PER_KIND = 20  # enough to scan by eye; typing more narrows it


class SearchScreen(ModalScreen[OpenPlace | OpenQuote | None]):
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self, debate: Debate, index: SearchIndex, query: str = "",
                 marks: CaseMarks = NO_MARKS) -> None:
        super().__init__()
        self.debate = debate
        self.index = index
        self.query_text = query
        self.marks = marks  # arguments in the student's case, marked among the results

    def compose(self) -> ComposeResult:
        debate = self.debate
        with Vertical(id="search-dialog"):
            yield Static(Text("Search", style="bold"), id="search-title")
            yield Input(self.query_text, id="search-input", compact=True,
                        placeholder="arguments, quotes, speakers, sources, facts")
            with Horizontal(id="search-filters"):
                # A str prompt would be read as markup (and its @click links run).
                yield Select([(data_text(t.name), t.id) for t in debate.themes.values()],
                             prompt="Any theme", id="theme-filter", compact=True)
                yield Select([(data_text(s.name), s.id) for s in debate.speakers.values()],
                             prompt="Any speaker", id="speaker-filter", compact=True)
                # Two sides are told apart by theme and speaker; more need their own
                # filter, worth the width it takes from the other two.
                if len(debate.positions) > 2:
                    yield Select([(data_text(p.label), p.id)
                                  for p in debate.positions.values()],
                                 prompt="Any position", id="position-filter", compact=True)
            yield KeyList(id="results")
            yield Static(Text("enter open · ↓ to results · tab to filters · esc close",
                              style="dim"), id="search-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.refresh_results()

    @on(Input.Changed)
    @on(Select.Changed)
    def refresh_results(self) -> None:
        query = self.query_one(Input).value
        results = self.query_one("#results", KeyList)
        results.clear_options()
        if not query.strip():
            results.add_option(Option(Text("Type to search; typos are fine.", style="dim"),
                                      disabled=True))
            return
        theme = self.query_one("#theme-filter", Select).value
        speaker = self.query_one("#speaker-filter", Select).value
        filters = self.query("#position-filter").results(Select)
        position = next((f.value for f in filters), None)
        grouped = self.index.grouped(
            query, limit=PER_KIND,
            themes=frozenset({theme}) if isinstance(theme, str) else None,
            speaker=speaker if isinstance(speaker, str) else None,
            position=position if isinstance(position, str) else None)
        options: list[Option] = []
        for kind, hits in grouped.items():
            options.append(Option(Text(f"{KIND_TITLES.get(kind, kind)} ({len(hits)})",
                                       style="bold underline"), disabled=True))
            options += [Option(self._result(hit), id=f"{hit.kind}:{hit.id}") for hit in hits]
        if not options:
            filtered = any(isinstance(value, str) for value in (theme, speaker, position))
            options.append(Option(Text("Nothing found with these filters (tab to them to set "
                                       "them back to Any)." if filtered else "Nothing found.",
                                       style="dim"), disabled=True))
        results.add_options(options)
        results.action_first()

    def _result(self, hit: Hit) -> Text:
        mark = self.marks.of(hit.id) if hit.kind == "argument" else ""
        return Text.assemble(data_text(hit.label), "\n",
                             (data_text(mark, "bold") if mark else ""), (" · " if mark else ""),
                             data_text(hit.detail, "dim"))

    @on(Input.Submitted)
    def open_first(self) -> None:
        highlighted = self.query_one("#results", KeyList).highlighted_id()
        if highlighted:
            self._open(highlighted)

    @on(KeyList.OptionSelected, "#results")
    def open_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self._open(event.option_id)

    def _open(self, option_id: str) -> None:
        kind, _, record_id = option_id.partition(":")  # "quote:save-lives"
        self.dismiss(open_record(kind, record_id))

    def action_to_results(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one("#results", KeyList).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _kind_and_id(option_id: str) -> tuple[str, str]:
    """A result's option id, "quote:some-id", read back as ("quote", "some-id")."""
    kind, _, record_id = option_id.partition(":")
    return kind, record_id
