"""How the pack knows that one argument answers another, in words a student reads.

A rebuttal is either recorded in an article (a reply to a letter, a minister answering
the other side) or the pack's own pairing of two arguments. The screens, both handouts and
the JSON export all say which through this one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Argument, Debate, Exchange, Quote, Source

PAIRED = "Paired by the pack: no article records this reply"
# An imported pack's links are the discussion's own (a Kialo tree), not the pack author's.
IMPORTED = "Linked in the discussion this pack was imported from: no article records it"
# The same, in the few words a map row or count has room for.
RECORDED_SHORT = "recorded in the sources"
PAIRED_SHORT = "paired by the pack"
IMPORTED_SHORT = "linked in the discussion"


@dataclass(slots=True, frozen=True)
class Rebuttal:
    """`answer` replies to `answered`; `exchange` is how an article records it, if one does."""

    answer: Argument
    answered: Argument
    exchange: Exchange | None

    @property
    def recorded(self) -> bool:
        return self.exchange is not None


def rebuttal(debate: Debate, answer_id: str, answered_id: str) -> Rebuttal:
    answer = debate.arguments[answer_id]
    return Rebuttal(answer, debate.arguments[answered_id], answer.exchange_with(answered_id))


def replies_to(debate: Debate, argument_id: str) -> list[Rebuttal]:
    """The other side's replies to an argument, recorded ones first, then the pack's order."""
    found = [rebuttal(debate, a.id, argument_id) for a in debate.rebutted_by(argument_id)]
    return sorted(found, key=lambda r: not r.recorded)


def replied_to(debate: Debate, argument_id: str) -> list[Rebuttal]:
    """What an argument replies to, recorded ones first, then the pack's order."""
    found = [rebuttal(debate, argument_id, t) for t in debate.arguments[argument_id].rebuts
             if t in debate.arguments]
    return sorted(found, key=lambda r: not r.recorded)


def exchange_quotes(debate: Debate, found: Rebuttal) -> list[Quote]:
    """The words that show a recorded reply, in the article's reading order."""
    if found.exchange is None:
        return []
    quotes = [debate.quotes[q] for q in found.exchange.quotes if q in debate.quotes]
    return sorted(quotes, key=lambda q: (q.source, q.start))


def where_recorded(debate: Debate, found: Rebuttal) -> list[Source]:
    """The articles whose words show a recorded reply (usually one), in the pack's order;
    none for a pairing."""
    cited = {q.source for q in exchange_quotes(debate, found)}
    return [s for s in debate.sources.values() if s.id in cited]


def _names(debate: Debate, quotes: list[Quote], position: str) -> str:
    names = list(dict.fromkeys(debate.speakers[q.speaker].name for q in quotes
                               if q.speaker in debate.speakers
                               and debate.speakers[q.speaker].position == position))
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def who_answers_whom(debate: Debate, found: Rebuttal) -> str:
    """ "Victoria Atkins answers Alison Thewliss", from the speakers of the cited words."""
    quotes = exchange_quotes(debate, found)
    return (f"{_names(debate, quotes, found.answer.position)} answers "
            f"{_names(debate, quotes, found.answered.position)}")


def article_name(source: Source) -> str:
    """ "BBC News, about 2020": the outlet and when, short enough for one line."""
    when = source.date or f"about {source.approximate_date}"
    outlet = source.outlet
    if outlet.startswith(("A ", "An ")):  # "in a Scottish newspaper", mid-sentence
        outlet = outlet[0].lower() + outlet[1:]
    return f"{outlet}, {when}"


def unrecorded_short(debate: Debate) -> str:
    """The few words for a reply no article records: the pack's pairing, or, in an
    imported pack, the discussion's own link."""
    return IMPORTED_SHORT if debate.info.imported_from else PAIRED_SHORT


def how_short(debate: Debate, recorded: bool) -> str:
    return RECORDED_SHORT if recorded else unrecorded_short(debate)


def how_known(debate: Debate, found: Rebuttal) -> str:
    """One line: "Recorded in BBC News, about 2020: Joe FitzPatrick answers Kit Malthouse",
    or that the pack paired the two arguments."""
    sources = where_recorded(debate, found)
    if not sources:
        return IMPORTED if debate.info.imported_from else PAIRED
    where = " and ".join(article_name(s) for s in sources)
    return f"Recorded in {where}: {who_answers_whom(debate, found)}"
