"""An argument: its claim, the pack's summary, its quotes as cards and every linked argument.

Everything the student can open is one list, in sections, so the same keys move
through quotes, replies and supporting arguments alike. Each reply says whether an
article records it (with the words that show it, each one openable) or the pack paired it.
"""

from __future__ import annotations

from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.core.pack.model import Argument, Debate, Quote
from tui.core.pack.rebuttals import Rebuttal, exchange_quotes, how_known, replied_to, replies_to
from tui.core.wording import the_others

from ..messages import CollectArgument, OpenPlace
from ..text import argument_row, data_text, quote_card, shorten, theme_names
from ..widgets.lists import KeyList, heading
from .base import LinksScreen
from .copying import copy_quote


class ArgumentScreen(LinksScreen):
    CSS_PATH = "argument.tcss"
    KIND = "argument"
    BINDINGS = [
        Binding("r", "answered_by", "Replies"),
        Binding("s", "open_source", "In source"),
        Binding("a", "add_to_case", "Add to case"),
        Binding("m", "open_map", "Map of the exchanges", show=False),
        Binding("y", "copy_quote", "Copy quote and citation", show=False),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        argument = debate.arguments.get(record_id)
        return shorten(argument.claim, 40) if argument else record_id

    @property
    def argument(self) -> Argument:
        return self.debate.arguments[self.record_id]

    def compose_view(self) -> ComposeResult:
        yield Static(self._head(), id="argument-head")
        yield KeyList(*self._links(), id="links")

    def _head(self) -> Text:
        debate, argument = self.debate, self.argument
        position = debate.positions.get(argument.position)
        head = Text()
        if position is not None:
            on_motion = f" ({position.on_motion})" if position.on_motion else ""
            head.append(data_text(f"{position.name}{on_motion}\n", "dim"))
        head.append(data_text(argument.claim, "bold"))
        mark = self.case_marks().of(argument.id)
        if mark:
            head.append(f"\n{mark}", style="bold")
        themes = theme_names(debate, argument.themes)
        if themes:
            head.append("\nThemes: ", style="dim")
            head.append(themes)
        return head

    def _links(self) -> list[Option | None]:
        debate, argument = self.debate, self.argument
        marks = self.case_marks()
        # The summary scrolls with the list, so a long one never pushes the links off screen.
        options: list[Option | None] = [
            Option(Text("Summary (the pack's own words, not a quote)", style="bold underline"),
                   disabled=True),
            Option(data_text(argument.summary), id="summary"), None]

        def section(name: str, title: str, empty: str,
                    items: list[Quote] | list[Argument]) -> None:
            options.append(heading(title, len(items), empty))
            for item in items:
                if isinstance(item, Quote):
                    options.append(Option(quote_card(debate, item), id=f"{name}:quote:{item.id}"))
                    options.append(None)  # a rule between cards
                else:
                    options.append(Option(argument_row(debate, item, with_position=True,
                                                       mark=marks.of(item.id)),
                                          id=f"{name}:argument:{item.id}"))

        def replies(name: str, title: str, empty: str, found: list[Rebuttal],
                    shown: str) -> None:
            options.append(heading(title, len(found), empty))
            for link in found:
                other = getattr(link, shown)
                row = argument_row(debate, other, with_position=True, mark=marks.of(other.id))
                row.append("\n")
                if link.recorded:
                    row.append(data_text(f"{how_known(debate, link)}. Their words:", "bold"))
                else:
                    row.append(data_text(how_known(debate, link), "dim italic"))
                options.append(Option(row, id=f"{name}:argument:{other.id}"))
                for quote in exchange_quotes(debate, link):
                    options.append(Option(_exchange_line(debate, quote),
                                          id=f"{name}-words-{other.id}:quote:{quote.id}"))

        quotes = [debate.quotes[q] for q in argument.quotes if q in debate.quotes]
        section("quotes", "Quotes", "none", quotes)
        others = (f"none from {the_others(len(debate.positions))}"
                  if len(debate.positions) <= 2 else "none from another position")
        replies("answered-by", "Replies to this argument", others,
                replies_to(debate, argument.id), "answer")
        replies("answers", "This argument replies to", "nothing",
                replied_to(debate, argument.id), "answered")
        section("supports", "Supports", "none",
                [debate.arguments[a] for a in argument.supports if a in debate.arguments])
        section("supported-by", "Supported by", "none", debate.supported_by(argument.id))
        speakers = list(dict.fromkeys(q.speaker for q in quotes if q.speaker in debate.speakers))
        options.append(heading("Speakers", len(speakers), "none"))
        for speaker_id in speakers:
            speaker = debate.speakers[speaker_id]
            prompt = Text.assemble(data_text(speaker.name, "bold"), data_text(f", {speaker.role}"),
                                   data_text(f" · {speaker.organisation}", "dim"))
            options.append(Option(prompt, id=f"speakers:speaker:{speaker_id}"))
        return options

    def link_of(self, option_id: str) -> tuple[str, str] | None:
        if option_id == "summary":
            return None  # the summary is there to read; the cursor starts on it
        _section, kind, record_id = option_id.split(":", 2)  # "answered-by:argument:x"
        return kind, record_id

    def _ids_in(self, section: str) -> list[str]:
        return [option.id for option in self.links.options
                if option.id and option.id.startswith(section + ":")]

    def action_answered_by(self) -> None:
        """One answer: open it. Several: highlight the first; a second `r` opens it."""
        answers = self._ids_in("answered-by")
        if not answers:
            self.notify("No one on the other side replies to this argument."
                        if len(self.debate.positions) <= 2
                        else "No other position replies to this argument.", severity="warning")
            return
        current = self.links.highlighted_id() or ""
        if len(answers) == 1 or current.startswith("answered-by:"):
            self._open(current if current.startswith("answered-by:") else answers[0])
        else:
            self.links.focus()
            self.links.highlight_id(answers[0])
            # At the top, so how it is known and the words that show it fit below it.
            self.call_after_refresh(self.links.scroll_to_highlight, top=True)

    def action_add_to_case(self) -> None:
        self.post_message(CollectArgument(self.record_id))

    def action_copy_quote(self) -> None:
        """The highlighted quote (or the argument's first) with its citation."""
        current = self.links.highlighted_id() or ""
        quotes = self._ids_in("quotes")
        chosen = current if current.startswith("quotes:") else (quotes[0] if quotes else "")
        quote = self.debate.quotes.get(chosen.rpartition(":")[2])
        if quote is None:
            self.notify("This argument quotes no source.", severity="warning")
        else:
            copy_quote(self, self.debate, quote)

    def action_open_map(self) -> None:
        self.post_message(OpenPlace("map", self.record_id))

    def show_marks(self) -> None:
        self.query_one("#argument-head", Static).update(self._head())

    def action_open_source(self) -> None:
        """The highlighted quote in its article (or the argument's first quote)."""
        current = self.links.highlighted_id() or ""
        quotes = self._ids_in("quotes")
        if ":quote:" in current:  # a quote card, or the words that record a reply
            self._open(current)
        elif quotes:
            self._open(quotes[0])
        else:
            self.notify("This argument quotes no source.", severity="warning")



def _exchange_line(debate: Debate, quote: Quote) -> Padding:
    """One of the words that record a reply, indented under it: who, and what they said."""
    speaker = debate.speakers.get(quote.speaker)
    line = data_text(f"{speaker.name if speaker else quote.speaker}: ", "bold")
    words = shorten(" ".join(quote.text.split()), 110)
    line.append(data_text(f"“{words}”" if quote.kind == "direct" else words, "italic"))
    return Padding(line, (0, 0, 0, 4))
