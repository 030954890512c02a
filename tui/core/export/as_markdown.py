"""A printable handout of the whole debate, every position, every quote attributed,
every reply marked as recorded in an article or paired by the pack.

Every string from the pack goes through `markdown_text`: the handout shows it as
written and it never forms HTML, a link or an image.
"""

from __future__ import annotations

from tui.core.export.markdown_text import md, md_code, md_line, quote_block
from tui.core.pack.model import Argument, Debate, Position, Quote
from tui.core.pack.rebuttals import (
    Rebuttal,
    exchange_quotes,
    how_known,
    replied_to,
    replies_to,
    unrecorded_short,
)
from tui.core.wording import side_word


def attribution(debate: Debate, quote: Quote) -> str:
    """"Kit Malthouse, UK policing minister — BBC News, February 2020 (approximate)",
    as Markdown."""
    speaker = debate.speakers[quote.speaker]
    source = debate.sources[quote.source]
    kind = " (reported speech)" if quote.kind == "reported" else ""
    return md_line(f"{speaker.name}, {speaker.role}{kind} — {source.outlet}, {source.when}")


def _quote_lines(debate: Debate, quote: Quote) -> list[str]:
    return quote_block(quote.text, attribution(debate, quote))


def _argument(debate: Debate, argument: Argument, number: str) -> list[str]:
    themes = ", ".join(debate.themes[t].name for t in argument.themes)
    lines = [f"### {md_line(f'{number} {argument.claim}')}", "", f"*Themes: {md_line(themes)}*",
             "", f"**Summary (the pack's words):** {md(argument.summary)}", ""]
    for quote_id in argument.quotes:
        lines += _quote_lines(debate, debate.quotes[quote_id])
    lines += replies_list(debate, "Replies to this argument", replies_to(debate, argument.id),
                          "answer")
    lines += replies_list(debate, "This argument replies to", replied_to(debate, argument.id),
                          "answered")
    return lines


def replies_list(debate: Debate, title: str, found: list[Rebuttal], shown: str) -> list[str]:
    """A list of replies, each saying whether an article records it (with the words of
    both sides) or the pack paired it. `shown` names the end of each reply to list."""
    if not found:
        return []
    lines = [f"**{title}:**", ""]
    for link in found:
        other: Argument = getattr(link, shown)
        side = debate.positions[other.position].label
        how = md_line(how_known(debate, link))
        lines.append(f"- {md_line(f'{other.claim} ({side})')} *{how}.*")
        for quote in exchange_quotes(debate, link):
            speaker = debate.speakers[quote.speaker].name
            words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
            lines.append(f"  - {md_line(speaker)}: {md_line(words)}")
    return [*lines, ""]


def to_markdown(debate: Debate) -> str:
    info = debate.info
    lines = [f"# {md_line(info.title)}", "", f"**Motion:** {md(info.motion)}", "",
             md(info.summary), ""]
    if info.background:
        lines += ["## Background (the pack's words)", "", md(info.background), ""]
    lines += ["## The positions", ""]
    for position in debate.positions.values():
        lines += [f"- **{md_line(position.name)}**{_on_motion(position)}: "
                  f"{md_line(position.stance)} Members: {md_line(', '.join(position.members))}."]
    lines.append("")
    for position in debate.positions.values():
        lines += [f"## {md_line(position.name)}: the arguments", ""]
        for number, argument in enumerate(debate.arguments_of(position.id), 1):
            lines += _argument(debate, argument, f"{position.label} {number}.")
    lines += _clashes(debate) + _other_quotes(debate) + _facts(debate) + _speakers(debate)
    lines += _sources(debate)
    return "\n".join(lines).rstrip() + "\n"


def _on_motion(position: Position) -> str:
    return f" ({position.on_motion})" if position.on_motion else ""


def _cell(text: str) -> str:
    return md_line(text)


def _clashes(debate: Debate) -> list[str]:
    heading = side_word(len(debate.positions)).capitalize()
    lines = ["## Head to head", "",
             f"| Argument | {heading} | Replies (recorded in an article, or paired by the pack) |",
             "|---|---|---|"]
    for argument in debate.arguments.values():
        answers = "<br>".join(
            f"{_cell(r.answer.claim)} *({_cell(_short_how(debate, r))})*"
            for r in replies_to(debate, argument.id)) or "—"
        side = _cell(debate.positions[argument.position].label)
        lines.append(f"| {_cell(argument.claim)} | {side} | {answers} |")
    return [*lines, ""]


def _short_how(debate: Debate, link: Rebuttal) -> str:
    """ "recorded: Victoria Atkins answers Alison Thewliss" or "paired by the pack" """
    if not link.recorded:
        return unrecorded_short(debate)  # or "linked in the discussion" an import came from
    return "recorded: " + how_known(debate, link).split(": ", 1)[1]


def _other_quotes(debate: Debate) -> list[str]:
    """Quotes no argument cites (a figure's source, a neutral voice), so the handout
    still holds every quote of the pack."""
    lines: list[str] = []
    for source in debate.sources.values():
        for quote in debate.quotes_in(source.id):
            if not debate.citing(quote.id):
                lines += _quote_lines(debate, quote)
    return ["## Other quotes", "", *lines] if lines else []


def _facts(debate: Debate) -> list[str]:
    if not debate.facts:
        return []
    lines = ["## Facts and figures", "", "| Figure | What | Year | Place | Source | Conflicts |",
             "|---|---|---|---|---|---|"]
    for fact in debate.facts.values():
        quote = debate.quotes[fact.quote]
        conflicts = "<br>".join(f"{_cell(debate.facts[c.fact].figure)} ({_cell(c.difference)})"
                                for c in debate.conflicts_of(fact.id)) or "—"
        lines.append(f"| {_cell(fact.figure)} | {_cell(fact.what)} | {_cell(fact.year or '—')} | "
                     f"{_cell(fact.place or '—')} | {_cell(debate.sources[quote.source].outlet)} | "
                     f"{conflicts} |")
    return [*lines, ""]


def _speakers(debate: Debate) -> list[str]:
    lines = ["## Who speaks", ""]
    for speaker in debate.speakers.values():
        side = (debate.positions[speaker.position].name if speaker.position
                else "takes neither side" if len(debate.positions) <= 2
                else "speaks for none of the positions")
        lines.append(f"- **{md_line(speaker.name)}**, "
                     + md_line(f"{speaker.role}, {speaker.organisation} ({side})"))
    return [*lines, ""]


def _sources(debate: Debate) -> list[str]:
    lines = ["## Sources", ""]
    for source in debate.sources.values():
        stored = [f"File: {md_code(source.path.name)}."] if source.path else []
        if source.url:
            stored.append(f"Address: {md_code(source.url)}.")
        lines.append(f"- **{md_line(source.headline)}** — "
                     f"{md_line(f'{source.outlet}, {source.when}')}. " + " ".join(stored))
        if source.date_reason:
            lines.append(f"  Dated by: {md_line(source.date_reason)}")
        for artefact in source.artefacts:
            lines.append(f"  Kept as printed: {md_line(artefact)}")
    return [*lines, ""]
