"""How records read on screen: the one-line and card forms every screen shares."""

from __future__ import annotations

from rich.text import Text

from tui.core.pack.model import Argument, Debate, Quote

from ..core.wording import plural as plural  # screens take it from here


def theme_names(debate: Debate, theme_ids: tuple[str, ...]) -> str:
    return ", ".join(debate.themes[t].name for t in theme_ids if t in debate.themes)


def argument_counts(debate: Debate, argument: Argument) -> str:
    """ "2 quotes · 1 rebuttal · Public health" """
    parts = [plural(len(argument.quotes), "quote"),
             plural(len(debate.rebutted_by(argument.id)), "rebuttal")]
    themes = theme_names(debate, argument.themes)
    if themes:
        parts.append(themes)
    return " · ".join(parts)


def argument_row(debate: Debate, argument: Argument, *, with_position: bool = False) -> Text:
    """An argument in a list: its claim, then a dim line of counts and themes."""
    row = Text()
    if with_position:
        position = debate.positions.get(argument.position)
        row.append(f"{position.label if position else argument.position}: ", style="bold")
    row.append(argument.claim)
    row.append("\n")
    row.append(argument_counts(debate, argument), style="dim")
    return row


def speaker_line(debate: Debate, speaker_id: str) -> str:
    """ "Ann Example, Council leader" """
    speaker = debate.speakers.get(speaker_id)
    if speaker is None:
        return speaker_id
    return f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name


def quote_card(debate: Debate, quote: Quote) -> Text:
    """A quote as a card: the words, who said them, where and when."""
    card = Text()
    words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
    card.append(words, style="italic" if quote.kind == "direct" else "")
    if quote.kind == "reported":
        card.append("  (reported speech)", style="dim")
    card.append("\n— ")
    card.append(speaker_line(debate, quote.speaker), style="bold")
    source = debate.sources.get(quote.source)
    if source is not None:
        card.append(f"\n  {source.outlet}, {source.when}", style="dim")
    return card


def shorten(text: str, width: int) -> str:
    """Cut at a word boundary, never mid-word, and say so with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return (cut or text[: width - 1]) + "…"
