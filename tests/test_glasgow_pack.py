"""The bundled Glasgow pack: valid, complete, faithful to its five articles, and fair.

These tests read the real pack in content/glasgow and the real articles in seeds/. Where
one states something about the pack's content, it quotes the article sentence behind it: the
tests say what the articles support, never how many links there should be.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.export.as_markdown import to_markdown
from tui.core.pack.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "content" / "glasgow"
SEEDS = ROOT / "seeds"

# Words in the articles that record one side answering the other; each must be cited by a
# recorded exchange, so the student sees it as the sources' own and not the pack's pairing.
RECORDED_REPLIES = (
    # Glasgow paper: the minister's reply to Alison Thewliss's invitation.
    "replied on behalf of the Home Secretary",
    # Glasgow paper: Alison Thewliss's answer to that reply.
    "response is laden with inaccuracies",
    # BBC: Joe FitzPatrick answering what the UK Government said at its summit.
    "made it clear at their summit",
    # Good Morning Scotland story: the council's appeals and the Home Office's refusal.
    "has repeatedly appealed to the Home Office",
    "has consistently ruled out such a plan",
    # PA: Angela Constance's letter takes up Kit Malthouse's words, and he answers it.
    "encouraged recently to read of your aspiration",
    "regular contact with the Scottish Government",
)

# Lines of site furniture in the articles that are not part of any story.
BOILERPLATE = ("The Russian leader", "15 sayings", "(c) 2021 BBC", "READ MORE",
               "(Jane Barlow/PA)")

# Number words the articles use for figures, and the values they stand for.
NUMBER_WORDS = {
    "one": (1,),
    "three": (3,),
    "double": (2,),
    "two and half": (2.5,),
    "two and a half": (2.5,),
    "half": (0.5,),
    "quarter": (0.25,),
    "third": (1 / 3,),
}


@pytest.fixture(scope="module")
def result():
    return load_pack(PACK)


@pytest.fixture(scope="module")
def debate(result):
    assert result.debate is not None, "\n".join(str(p) for p in result.problems)
    return result.debate


def _plain(text: str) -> str:
    """Lower case, straight quotes and dashes, single spaces."""
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(text.translate(table).lower().split())


def test_the_pack_loads_with_no_errors_and_no_warnings(result):
    assert [str(p) for p in result.problems] == []
    assert result.debate is not None


def test_every_seed_article_is_a_source_used_by_a_quote(debate):
    seed_files = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert seed_files, "no articles in seeds/"
    quoted_files = {debate.sources[q.source].path.name for q in debate.quotes.values()}
    assert [name for name in seed_files if name not in quoted_files] == []
    for source in debate.sources.values():
        assert source.path.parent == SEEDS.resolve(), f"{source.id} is not read from seeds/"


def test_no_source_claims_an_exact_date(debate):
    # None of the five articles states its publication date: each is dated approximately,
    # with the evidence in the text.
    for source in debate.sources.values():
        assert not source.date, f"{source.id} gives an exact date"
        assert source.approximate_date and source.date_reason, source.id


def test_every_speaker_has_a_quote(debate):
    assert [s for s in debate.speakers if not debate.quotes_by(s)] == []


def test_speakers_of_neither_side_say_why(debate):
    for speaker in debate.speakers.values():
        if speaker.position is None:
            assert speaker.stance_note, f"{speaker.id} takes no side but has no stance_note"


def test_every_argument_has_a_quote(debate):
    assert [a.id for a in debate.arguments.values() if not a.quotes] == []


def test_both_sides_argue_and_face_each_other(debate):
    sides = {p.side for p in debate.positions.values()}
    assert sides == {"for", "against"}
    for position in debate.positions.values():
        assert debate.arguments_of(position.id), f"{position.id} has no arguments"


def test_rebuttals_answer_the_other_side(debate):
    for argument in debate.arguments.values():
        for target in argument.rebuts:
            assert target in debate.arguments, f"{argument.id} rebuts unknown {target}"
            assert debate.arguments[target].position != argument.position, (
                f"{argument.id} rebuts {target}, an argument of its own side")
        for target in argument.supports:
            assert debate.arguments[target].position == argument.position, (
                f"{argument.id} supports {target}, an argument of the other side")


def _side_of(debate, quote_id: str) -> str | None:
    return debate.speakers[debate.quotes[quote_id].speaker].position


def test_every_recorded_exchange_cites_both_sides_in_one_article(debate):
    exchanges = [(a, e) for a in debate.arguments.values() for e in a.exchanges]
    assert exchanges, "the articles record replies; the pack marks none"
    for argument, exchange in exchanges:
        answered = debate.arguments[exchange.answers]
        assert exchange.answers in argument.rebuts, (argument.id, exchange.answers)
        sides = {_side_of(debate, q) for q in exchange.quotes}
        assert {argument.position, answered.position} <= sides, (argument.id, exchange.answers)
        # "Recorded in <article>": the words of both sides come from the same article.
        assert len({debate.quotes[q].source for q in exchange.quotes}) == 1, (
            argument.id, exchange.answers)


def test_the_replies_the_articles_record_are_marked_as_exchanges(debate):
    cited = {q for a in debate.arguments.values() for e in a.exchanges for q in e.quotes}
    for words in RECORDED_REPLIES:
        quotes = [q.id for q in debate.quotes.values() if _plain(words) in _plain(q.text)]
        assert quotes, f"no quote gives the article's words {words!r}"
        assert set(quotes) & cited, f"{words!r} records a reply, but no exchange cites it"


def test_the_home_secretary_is_not_quoted(debate):
    # "In response to the Glasgow Central MP, Victoria Atkins ... replied on behalf of the
    # Home Secretary": Sajid Javid says nothing in the five articles, and the Glasgow
    # paper's opening "THE Home Secretary has said he is too busy ..." is its own summary.
    assert [s.id for s in debate.speakers.values() if "javid" in s.name.lower()] == []
    opening = next(q for q in debate.quotes.values() if q.text.startswith("THE Home Secretary"))
    assert debate.speakers[opening.speaker].position is None


def test_no_one_answers_the_honeypot_charge_for_the_uk_side(debate):
    # Only Crispin Blunt speaks of a "honeypot", to reject the charge; no UK speaker makes
    # it, so the argument that rejects it answers none of the UK Government's arguments.
    honeypot = [q for q in debate.quotes.values() if "honeypot" in q.text]
    assert {debate.speakers[q.speaker].name for q in honeypot} == {"Crispin Blunt"}
    for argument in debate.arguments.values():
        if set(argument.quotes) <= {q.id for q in honeypot}:
            assert argument.rebuts == () and debate.rebutted_by(argument.id) == [], argument.id


def test_the_side_for_the_room_is_named_for_its_backers_across_parties(debate):
    # "Tory, Labour and LibDem politicians have joined the SNP and Greens in supporting the
    # set-up of the specialist facilities": the side of the Tory MP Crispin Blunt and of
    # Glasgow's council is not Scotland's alone.
    blunt = next(s for s in debate.speakers.values() if s.name == "Crispin Blunt")
    aitken = next(s for s in debate.speakers.values() if s.name == "Susan Aitken")
    assert blunt.position == aitken.position
    name = debate.positions[blunt.position].name
    assert "cross-party" in name and "Glasgow" in name, name


def test_preventing_fatal_overdoses_is_an_argument_of_its_own(debate):
    # Glasgow wants a facility "to reduce the overdose rate"; the Glasgow paper writes of
    # "the need for radical action to prevent fatal drug overdoses".
    found = [a for a in debate.arguments.values()
             if "overdose" in a.claim and debate.positions[a.position].side == "for"]
    assert found, "no argument of the side for the room is about preventing overdoses"
    cited = " ".join(debate.quotes[q].text for a in found for q in a.quotes)
    assert "to reduce the overdose rate" in cited
    assert "prevent fatal drug overdoses" in cited


def _citing(debate, words: str):
    found = [a for a in debate.arguments.values()
             if any(words in _plain(debate.quotes[q].text) for q in a.quotes)]
    assert found, f"no argument cites {words!r}"
    return found


def test_claims_go_no_further_than_their_quotes(debate):
    # "yet they know that I have proposed legislation outlining the legal basis for a pilot":
    # a law proposed, not a legal framework shown to exist.
    for argument in _citing(debate, "proposed legislation outlining the legal basis"):
        assert "proposed" in argument.claim and "wrong" not in argument.claim, argument.id
    # "I wondered if you were including overdose prevention facilities ...?": a question.
    for argument in _citing(debate, "i wondered if you were including"):
        assert "asks" in argument.claim, argument.id
    # "criminal networks are profiting": a claim that blames policy cites the line that
    # does, "a 'tough on drugs' policy which has created the dire situation we are in".
    for argument in _citing(debate, "criminal networks are profiting"):
        assert "policy" in argument.claim, argument.id
        assert _citing(debate, "has created the dire situation") and any(
            "has created the dire situation" in _plain(debate.quotes[q].text)
            for q in argument.quotes), argument.id


def test_every_quote_is_in_its_article(debate):
    # The loader places each quote; the passage it found must read the same.
    for quote in debate.quotes.values():
        passage = debate.sources[quote.source].text[quote.start:quote.end]
        assert _plain(passage) == _plain(quote.text), quote.id


# The narrator's reporting words around a quotation: "he said", "she added", "said:".
REPORTING_WORDS = re.compile(
    r"\b(?:he|she|they|it)\s+(?:said|says|added|adds|told)\b|\b(?:said|says|added)\s*:")
QUOTATION_MARKS = "\"“”‘’'"


def test_direct_quotes_are_the_quoted_words_only(debate):
    # A direct quote is the words inside the quotation marks: no quotation mark around
    # it and no "he said" of the narrator (that makes it reported speech).
    for quote in debate.quotes.values():
        if quote.kind != "direct":
            continue
        text = quote.text.strip()
        assert not REPORTING_WORDS.search(text), f"{quote.id} is direct but has reporting words"
        assert text[0] not in QUOTATION_MARKS and text[-1] not in QUOTATION_MARKS, (
            f"{quote.id} is direct but carries the article's quotation marks")


def test_quotes_with_reporting_words_are_reported(debate):
    for quote in debate.quotes.values():
        if REPORTING_WORDS.search(quote.text):
            assert quote.kind == "reported", quote.id


def test_no_quote_carries_boilerplate(debate):
    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    for line in BOILERPLATE:
        assert line in seeds, f"the articles no longer contain {line!r}; update the test"
        for quote in debate.quotes.values():
            assert line.lower() not in quote.text.lower(), f"{quote.id} quotes {line!r}"


def _figure_forms(value: float, unit: str) -> list[float]:
    """The values a figure may be written as: itself, and as a fraction for a percentage."""
    values = [value]
    if unit.strip().startswith("%"):
        values.append(value / 100)
    return values


def _number_in(value: float, text: str) -> bool:
    if float(value).is_integer():
        whole = int(value)
        digits = {str(whole), f"{whole:,}"}
    else:
        digits = {f"{value:g}"}
    for form in digits:
        # Digits standing alone: "4,300", "PS20m", "£28 million", "80%", not "2015" for 20.
        if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text):
            return True
    return any(re.search(rf"\b{re.escape(word)}\b", text)
               and any(abs(value - v) < 1e-9 for v in values)
               for word, values in NUMBER_WORDS.items())


def test_every_fact_figure_is_in_its_quote(debate):
    for fact in debate.facts.values():
        text = _plain(debate.quotes[fact.quote].text)
        assert any(_number_in(v, text) for v in _figure_forms(fact.value, fact.unit)), (
            f"{fact.id}: {fact.value} is not in quote {fact.quote}")


def test_the_two_glasgow_death_figures_are_linked_as_conflicting(debate):
    def glasgow_deaths(value: int):
        found = [f for f in debate.facts.values()
                 if f.value == value and "glasgow" in f.place.lower() and "death" in f.unit]
        assert len(found) == 1, f"expected one fact of {value} deaths in Glasgow"
        return found[0]

    bbc, paper = glasgow_deaths(280), glasgow_deaths(170)
    assert debate.quotes[bbc.quote].source != debate.quotes[paper.quote].source
    for one, other in ((bbc, paper), (paper, bbc)):
        links = [c for c in debate.conflicts_of(one.id) if c.fact == other.id]
        assert links and links[0].difference.strip(), f"{one.id} is not linked to {other.id}"


def test_the_undated_glasgow_figure_is_not_given_a_year(debate):
    # The Glasgow paper says 170 deaths "last year" and never says which year: the pack
    # must not supply one (that would silently reconcile it with the BBC's 2018 figure).
    paper = next(f for f in debate.facts.values()
                 if f.value == 170 and "glasgow" in f.place.lower())
    assert not re.search(r"\d{4}", paper.year or ""), paper.year
    assert "last year" in (paper.year or "").lower()


def test_conflicts_are_declared_once_between_different_facts(debate):
    pairs = set()
    for fact in debate.facts.values():
        for conflict in fact.conflicts_with:
            assert conflict.fact != fact.id
            pair = frozenset((fact.id, conflict.fact))
            assert pair not in pairs, f"conflict {sorted(pair)} is declared twice"
            pairs.add(pair)


def test_the_handout_shows_both_sides_in_full(debate):
    handout = to_markdown(debate)
    for position in debate.positions.values():
        assert position.name in handout
    for argument in debate.arguments.values():
        assert " ".join(argument.claim.split()) in handout, argument.id
