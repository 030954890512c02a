"""A speaker: who they are, which side they take, every quote and the arguments they carry."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.core.pack.model import Debate

from ..text import argument_row, data_text, quote_card, shorten
from ..widgets.lists import KeyList, heading
from .base import LinksScreen


class SpeakerScreen(LinksScreen):
    CSS_PATH = "speaker.tcss"
    KIND = "speaker"
    LINKS_ID = "speaker-links"
    BINDINGS = [Binding("s", "open_source", "In source")]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        speaker = debate.speakers.get(record_id)
        return shorten(speaker.name, 30) if speaker else record_id

    def compose_view(self) -> ComposeResult:
        debate = self.debate
        speaker = debate.speakers[self.record_id]
        position = debate.positions.get(speaker.position or "")
        head = Text.assemble(data_text(speaker.name, "bold"), "\n", data_text(speaker.role),
                             data_text(f" · {speaker.organisation}" if speaker.organisation
                                       else "", "dim"),
                             "\nPosition: ",
                             data_text(position.name) if position
                             else "takes neither side" if len(debate.positions) <= 2
                             else "speaks for none of the positions")
        if speaker.stance_note:
            head.append(data_text(f"\n{speaker.stance_note}", "italic"))
        for described in speaker.described_as:
            source = debate.sources.get(described.source)
            head.append(data_text(f"\nIn {source.outlet if source else described.source}: ",
                                  "dim"))
            head.append(data_text(described.role))
        yield Static(head, id="speaker-head")

        quotes = debate.quotes_by(speaker.id)
        carried = list(dict.fromkeys(a.id for q in quotes for a in debate.citing(q.id)))
        options: list[Option | None] = [heading("Arguments they carry", len(carried), "none")]
        marks = self.case_marks()
        options += [Option(argument_row(debate, debate.arguments[a], with_position=True,
                                        mark=marks.of(a)),
                           id=f"argument:{a}") for a in carried]
        options.append(heading("Quotes", len(quotes), "none"))
        for quote in quotes:
            options += [Option(quote_card(debate, quote), id=f"quote:{quote.id}"), None]
        yield KeyList(*options, id="speaker-links")

    def link_of(self, option_id: str) -> tuple[str, str] | None:
        kind, _, record_id = option_id.partition(":")  # "quote:x", "argument:x"
        return kind, record_id

    def action_open_source(self) -> None:
        current = self.links.highlighted_id() or ""
        quotes = [o.id for o in self.links.options if o.id and o.id.startswith("quote:")]
        target = current if current.startswith("quote:") else (quotes[0] if quotes else None)
        if target:
            self._open(target)
        else:
            self.notify("The pack quotes this speaker nowhere.", severity="warning")

