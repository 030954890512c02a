"""A quote as a student pastes it into their notes: the words, then who said them, in
which role, where and when."""

from __future__ import annotations

from tui.core.controls import visible
from tui.core.pack.model import Debate, Quote


def citation(debate: Debate, quote: Quote) -> str:
    """ “It will save lives.” — Ann Example, Council leader, Test Gazette, Council and
    minister disagree, 2020 (approximate)

    Reported speech is not put in quotation marks: the words are the source's, not the
    speaker's. Control characters from the pack are shown as symbols, never sent on.
    """
    words = f"“{quote.text}”" if quote.kind == "direct" else f"{quote.text} (reported speech)"
    parts = []
    speaker = debate.speakers.get(quote.speaker)
    if speaker is None:
        parts.append(quote.speaker)
    elif speaker.role.casefold().startswith(speaker.name.casefold()):
        parts.append(speaker.role)  # "The UK Government, speaking as a whole"
    else:
        parts += [speaker.name, speaker.role]
    source = debate.sources.get(quote.source)
    if source is not None:
        parts += [source.outlet, source.headline, source.when]
    return visible(" ".join(words.split()) + " — " + ", ".join(p for p in parts if p))
