"""How records read on screen: the one-line and card forms every screen shares.

Text from a pack, a case file or a file name reaches a widget only as `rich.text.Text`
built by `data_text` (or with its strings passed through `visible`): never parsed as
markup, its control characters shown as symbols. Markup is for the code's own words.
"""

from __future__ import annotations

from rich.style import StyleType
from rich.text import Text

from tui.core.controls import visible
from tui.core.pack.model import Argument, Debate, Quote

from ..core.wording import plural as plural  # screens take it from here


def data_text(text: str, style: StyleType = "") -> Text:
    """Text that is data, to show as written: no markup read, controls made visible."""
    return Text(visible(text), style=style)


def theme_names(debate: Debate, theme_ids: tuple[str, ...]) -> str:
    return visible(", ".join(debate.themes[t].name for t in theme_ids if t in debate.themes))


def argument_counts(debate: Debate, argument: Argument) -> str:
    """ "2 quotes · 1 rebuttal · Public health" """
    parts = [plural(len(argument.quotes), "quote"),
             plural(len(debate.rebutted_by(argument.id)), "rebuttal")]
    themes = theme_names(debate, argument.themes)
    if themes:
        parts.append(themes)
    return " · ".join(parts)


def argument_row(debate: Debate, argument: Argument, *, with_position: bool = False,
                 mark: str = "") -> Text:
    """An argument in a list: its claim, then a dim line of counts and themes, after
    its mark in the student's case ("✓ in your case"), which reads without colour."""
    row = Text()
    if with_position:
        position = debate.positions.get(argument.position)
        row.append(visible(f"{position.label if position else argument.position}: "),
                   style="bold")
    row.append(visible(argument.claim))
    row.append("\n")
    if mark:
        row.append(visible(mark), style="bold")
        row.append(" · ", style="dim")
    row.append(argument_counts(debate, argument), style="dim")
    return row


def speaker_line(debate: Debate, speaker_id: str) -> str:
    """ "Ann Example, Council leader"; a role that already names the speaker
    ("The UK Government, speaking as a whole") is shown alone, not after the name."""
    speaker = debate.speakers.get(speaker_id)
    if speaker is None:
        return visible(speaker_id)
    if not speaker.role:
        return visible(speaker.name)
    if speaker.role.casefold().startswith(speaker.name.casefold()):
        return visible(speaker.role)
    return visible(f"{speaker.name}, {speaker.role}")


def quote_card(debate: Debate, quote: Quote) -> Text:
    """A quote as a card: the words, who said them, where and when."""
    card = Text()
    words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
    card.append(visible(words), style="italic" if quote.kind == "direct" else "")
    if quote.kind == "reported":
        card.append("  (reported speech)", style="dim")
    card.append("\n— ")
    card.append(speaker_line(debate, quote.speaker), style="bold")
    source = debate.sources.get(quote.source)
    if source is not None:
        card.append(visible(f"\n  {source.outlet}, {source.when}"), style="dim")
    return card


def shorten(text: str, width: int) -> str:
    """Cut at a word boundary, never mid-word, and say so with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return (cut or text[: width - 1]) + "…"
