"""What each kind of record is searched by, and the two lines a search result shows for it."""

from __future__ import annotations

from collections.abc import Iterator

from tui.core.pack.model import Debate

KINDS: tuple[str, ...] = ("argument", "quote", "speaker", "source", "fact")

# Field weights: what a reader sees first (a claim, a name, a headline) counts more
# than context (a summary, the speaker of a quote).
TITLE, BODY, CONTEXT = 2.0, 1.0, 0.5

Field = tuple[str, float]  # (text, weight)


def searchable(debate: Debate) -> Iterator[tuple[str, str, list[Field]]]:
    """(kind, id, fields) for every record, in KINDS order, each kind in pack order."""
    speaker_name = {s.id: s.name for s in debate.speakers.values()}
    outlet = {s.id: s.outlet for s in debate.sources.values()}
    quotes = debate.quotes
    for a in debate.arguments.values():
        position = debate.positions.get(a.position)
        fields = [(a.claim, TITLE), (a.summary, BODY)]
        fields += [(debate.themes[t].name, CONTEXT) for t in a.themes if t in debate.themes]
        if position is not None:
            fields.append((f"{position.label} {position.name}", CONTEXT))
        # Who said it: "Malthouse" finds the arguments his quotes carry.
        speakers = {quotes[q].speaker for q in a.quotes if q in quotes}
        fields += [(speaker_name.get(s, ""), CONTEXT) for s in speakers]
        yield "argument", a.id, fields
    for q in quotes.values():
        fields = [(q.text, TITLE), (speaker_name.get(q.speaker, ""), BODY)]
        fields += [(outlet.get(q.source, ""), CONTEXT), (q.note, CONTEXT)]
        yield "quote", q.id, fields
    for speaker in debate.speakers.values():
        fields = [
            (speaker.name, TITLE), (speaker.role, BODY), (speaker.organisation, BODY),
            (speaker.stance_note, CONTEXT),
        ]
        fields += [(r.role, CONTEXT) for r in speaker.described_as]
        yield "speaker", speaker.id, fields
    for source in debate.sources.values():
        yield "source", source.id, [
            (source.headline, TITLE), (source.outlet, BODY), (source.when, BODY),
        ]
    for f in debate.facts.values():
        fields = [(f.what, TITLE), (f.figure, TITLE), (f"{f.year} {f.place}", BODY)]
        quote = quotes.get(f.quote)
        if quote is not None:
            fields += [
                (speaker_name.get(quote.speaker, ""), CONTEXT),
                (outlet.get(quote.source, ""), CONTEXT),
            ]
        yield "fact", f.id, fields


def shown(debate: Debate, kind: str, record_id: str) -> tuple[str, str]:
    """(label, detail): what the record says on one line, then where it belongs."""
    if kind == "argument":
        a = debate.arguments[record_id]
        position = debate.positions.get(a.position)
        themes = ", ".join(debate.themes[t].name if t in debate.themes else t for t in a.themes)
        return _one_line(a.claim), _joined(position.label if position else a.position, themes)
    if kind == "quote":
        q = debate.quotes[record_id]
        speaker = debate.speakers.get(q.speaker)
        source = debate.sources.get(q.source)
        return _one_line(q.text), _joined(
            speaker.name if speaker else q.speaker, source.outlet if source else ""
        )
    if kind == "speaker":
        person = debate.speakers[record_id]
        return _one_line(person.name), _joined(person.role, person.organisation)
    if kind == "source":
        article = debate.sources[record_id]
        return _one_line(article.headline), _joined(article.outlet, article.when)
    f = debate.facts[record_id]
    quote = debate.quotes.get(f.quote)
    source = debate.sources.get(quote.source) if quote else None
    return _one_line(f"{f.figure} — {f.what}"), _joined(
        f.year, f.place, source.outlet if source else ""
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)
