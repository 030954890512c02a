"""Search as a student uses it: typed with typos, narrowed by filters, read as labelled results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.pack import model
from tui.core.pack.loader import load_pack
from tui.core.search.index import Hit, SearchIndex
from tui.core.search.textnorm import keywords, words

PACKS = Path(__file__).resolve().parent / "packs"
GLASGOW = Path(__file__).resolve().parent.parent / "content" / "glasgow"


def ids(hits: list[Hit]) -> list[str]:
    return [hit.id for hit in hits]


@pytest.fixture(scope="module")
def good() -> SearchIndex:
    result = load_pack(PACKS / "good")
    assert result.debate is not None, result.problems
    return SearchIndex(result.debate)


def build_debate(
    arguments: list[tuple[str, str, str]] = (),
    quotes: list[tuple[str, str, str]] = (),
    *,
    cites: dict[str, tuple[str, ...]] | None = None,
    themes: dict[str, tuple[str, ...]] | None = None,
) -> model.Debate:
    """A debate made in memory: arguments as (id, claim, summary), quotes as (id, speaker, text).

    Two speakers exist, "kit" (Kit Malthouse) and "susan" (Susan Aitken), one source
    and one theme each for health and law.
    """
    source = model.Source("bbc", "bbc.txt", Path("bbc.txt"), "BBC News", "Summit on drug deaths",
                          "", date="2020-02-25")
    speakers = {
        "kit": model.Speaker("kit", "Kit Malthouse", "Policing minister", "Home Office", "uk"),
        "susan": model.Speaker("susan", "Susan Aitken", "Council leader", "Glasgow City Council",
                               "scotland"),
    }
    positions = {
        "uk": model.Position("uk", "The UK Government", "UK Government", "against", "No.", ()),
        "scotland": model.Position("scotland", "Scotland", "Scotland", "for", "Yes.", ()),
    }
    all_themes = {"health": model.Theme("health", "Public health"),
                  "law": model.Theme("law", "Law")}
    quote_records = {
        qid: model.Quote(qid, speaker, "bbc", text, "direct", 0, len(text))
        for qid, speaker, text in quotes
    }
    argument_records = {
        aid: model.Argument(aid, "uk", claim, summary, (themes or {}).get(aid, ("health",)),
                            (cites or {}).get(aid, ()))
        for aid, claim, summary in arguments
    }
    return model.Debate(Path("."), model.PackInfo("Test", "A motion.", "A summary."), all_themes,
                        positions, speakers, {"bbc": source}, quote_records, argument_records, {})


class TestTypos:
    def test_a_misspelt_name_finds_the_speaker_his_quotes_and_the_arguments_they_carry(self):
        index = SearchIndex(build_debate(
            arguments=[("distraction", "Consumption rooms are a distraction.",
                        "Said at the summit."),
                       ("other", "Drug deaths are a public health emergency.", "")],
            quotes=[("kit-said", "kit",
                     "To me, drug consumption rooms are a bit of a distraction."),
                    ("susan-said", "susan", "We will keep fighting for a room.")],
            cites={"distraction": ("kit-said",), "other": ("susan-said",)}))
        found = index.grouped("Malthose")
        assert ids(found["speaker"]) == ["kit"]
        assert ids(found["quote"]) == ["kit-said"]
        assert ids(found["argument"]) == ["distraction"]

    def test_a_missing_letter_still_finds_the_word(self):
        index = SearchIndex(build_debate(arguments=[
            ("answer", "The rebuttal misses the point.", ""),
            ("other", "Nothing to do with it.", "")]))
        assert ids(index.search("rebutal")) == ["answer"]

    def test_a_typo_in_one_word_of_two_finds_the_phrase(self):
        index = SearchIndex(build_debate(arguments=[
            ("rooms", "Consumption rooms save lives.", ""),
            ("rehab", "Rehabilitation beds save lives.", ""),
            ("rent", "Rooms for rent.", ""),
            ("consumption", "Consumption of alcohol is falling.", "")]))
        assert ids(index.search("consumtion rooms")) == ["rooms"]

    def test_swapped_letters_count_as_one_typo(self):
        index = SearchIndex(build_debate(
            arguments=[("law", "The Home Office controls drug law.", "")]))
        assert ids(index.search("contorls")) == ["law"]

    def test_short_words_are_not_guessed_at(self):
        index = SearchIndex(build_debate(arguments=[("law", "The law is reserved.", "")]))
        assert index.search("lay") == []

    def test_a_word_the_pack_contains_is_not_taken_for_a_typo(self):
        # "heath" is a real (mis)print in one article: searching it must not bring "health".
        index = SearchIndex(build_debate(arguments=[
            ("board", "The heath board wants a room.", ""),
            ("health", "The health service backs it.", "")]))
        assert ids(index.search("heath ")) == ["board"]


class TestRanking:
    def test_a_record_must_match_every_word(self):
        index = SearchIndex(build_debate(arguments=[
            ("both", "Supervised rooms save lives.", ""),
            ("one", "Supervised injecting was discussed.", "")]))
        assert ids(index.search("supervised rooms")) == ["both"]

    def test_when_no_record_has_every_word_more_words_rank_higher(self):
        index = SearchIndex(build_debate(arguments=[
            ("one", "Action now.", ""),
            ("none", "Something else entirely.", ""),
            ("three", "Glasgow wants a consumption room.", ""),
            ("two", "A consumption room.", "")]))
        found = index.grouped("glasgow consumption room action")["argument"]
        assert ids(found) == ["three", "two", "one"]

    def test_a_word_that_matches_nothing_does_not_hide_the_rest(self):
        index = SearchIndex(build_debate(arguments=[("room", "A room in Glasgow.", ""),
                                                    ("city", "Glasgow is a city.", "")]))
        assert ids(index.grouped("glasgow room xyzzyq")["argument"]) == ["room"]

    def test_the_exact_word_outranks_a_longer_one_even_in_a_weaker_field(self):
        index = SearchIndex(build_debate(arguments=[
            ("claim", "Rooms for everyone.", ""),
            ("summary", "Something else.", "One room for Glasgow.")]))
        assert ids(index.search("room ")) == ["summary", "claim"]

    def test_a_longer_word_outranks_a_typo(self):
        # "mixe" begins "mixed" (in a summary) and is one letter off "mike" (in a claim).
        index = SearchIndex(build_debate(arguments=[
            ("typo", "Mike spoke first.", ""),
            ("prefix", "Something else.", "The evidence is mixed.")]))
        assert ids(index.search("mixe ")) == ["prefix", "typo"]
        # While the word is still being typed, it is read as the start of a word only.
        assert ids(index.search("mixe")) == ["prefix"]

    def test_a_claim_outranks_a_summary(self):
        index = SearchIndex(build_debate(arguments=[
            ("summary", "Something else.", "It would save lives."),
            ("claim", "It would save lives.", "")]))
        assert ids(index.search("lives")) == ["claim", "summary"]

    def test_equal_scores_keep_the_pack_order(self):
        index = SearchIndex(build_debate(arguments=[
            (f"a{i}", "Drug deaths rose.", "") for i in range(5)]))
        assert ids(index.grouped("deaths")["argument"]) == ["a0", "a1", "a2", "a3", "a4"]

    def test_the_last_word_is_completed_as_it_is_typed(self, good: SearchIndex):
        assert ids(good.grouped("Ann Exa")["speaker"]) == ["ann"]
        assert ids(good.grouped("supervi")["argument"]) == ["room-saves-lives"]

    def test_a_finished_word_also_finds_its_plural(self):
        index = SearchIndex(build_debate(arguments=[("plural", "Rooms save lives.", "")]))
        assert ids(index.search("room save")) == ["plural"]

    def test_scores_come_best_first_and_the_limit_holds(self, good: SearchIndex):
        hits = good.search("minister", limit=3)
        assert len(hits) == 3
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


class TestGrouping:
    def test_kinds_come_in_a_fixed_order_and_empty_kinds_are_left_out(self, good: SearchIndex):
        # "The minister" is a speaker's name, so the speakers come first (TestNamesFirst);
        # the other kinds keep their order.
        found = good.grouped("minister")
        assert list(found) == ["speaker", "argument", "quote", "source", "fact"]
        assert ids(found["speaker"]) == ["minister"]
        assert list(good.grouped("mixed")) == ["argument", "quote"]

    def test_grouped_holds_the_same_records_as_search(self, good: SearchIndex):
        flat = good.search("deaths")
        grouped = good.grouped("deaths")
        assert sorted((h.kind, h.id) for h in flat) == sorted(
            (h.kind, h.id) for hits in grouped.values() for h in hits)

    def test_the_limit_applies_to_each_kind(self, good: SearchIndex):
        found = good.grouped("gazette", limit=1)
        assert {kind: len(hits) for kind, hits in found.items()} == {
            "quote": 1, "source": 1, "fact": 1}


class TestFilters:
    def test_an_empty_query_without_a_filter_finds_nothing(self, good: SearchIndex):
        assert good.search("") == []
        assert good.search("   ") == []
        assert good.grouped("") == {}

    def test_a_theme_keeps_its_arguments_and_their_quotes_in_pack_order(self, good: SearchIndex):
        hits = good.search("", themes=frozenset({"evidence"}))
        assert [(h.kind, h.id) for h in hits] == [("argument", "evidence-mixed"),
                                                  ("quote", "mixed")]

    def test_a_theme_filter_drops_the_other_kinds(self, good: SearchIndex):
        found = good.grouped("minister", themes=frozenset({"evidence"}))
        assert {kind: ids(hits) for kind, hits in found.items()} == {
            "argument": ["evidence-mixed"], "quote": ["mixed"]}

    def test_any_of_several_themes_will_do(self, good: SearchIndex):
        hits = good.search("", themes=frozenset({"evidence", "health"}))
        assert {h.id for h in hits if h.kind == "argument"} == {"room-saves-lives",
                                                                "evidence-mixed"}

    def test_a_speaker_keeps_their_quotes_arguments_facts_and_themselves(self, good: SearchIndex):
        hits = good.search("", speaker="ann")
        assert [(h.kind, h.id) for h in hits] == [
            ("argument", "room-saves-lives"), ("quote", "save-lives"), ("quote", "deaths-120"),
            ("speaker", "ann"), ("fact", "deaths-2019")]

    def test_a_speaker_filter_narrows_a_query(self, good: SearchIndex):
        everyone = {"argument": ["room-saves-lives"], "quote": ["deaths-120"], "speaker": ["ann"],
                    "fact": ["deaths-2019", "deaths-2018"]}
        assert {kind: ids(hits) for kind, hits in good.grouped("the town").items()} == everyone
        by_ann = good.grouped("the town", speaker="ann")
        assert {kind: ids(hits) for kind, hits in by_ann.items()} == {
            **everyone, "fact": ["deaths-2019"]}
        by_minister = good.grouped("the town", speaker="minister")
        assert {kind: ids(hits) for kind, hits in by_minister.items()} == {
            "fact": ["deaths-2018"]}

    def test_theme_and_speaker_together_keep_what_both_keep(self, good: SearchIndex):
        hits = good.search("", themes=frozenset({"health"}), speaker="minister")
        assert hits == []
        hits = good.search("", themes=frozenset({"health"}), speaker="ann")
        assert [(h.kind, h.id) for h in hits] == [
            ("argument", "room-saves-lives"), ("quote", "save-lives"), ("quote", "deaths-120")]

    def test_an_unknown_speaker_keeps_nothing(self, good: SearchIndex):
        assert good.search("deaths", speaker="nobody") == []


class TestWhatTheUserReads:
    def test_each_kind_shows_its_label_and_detail(self, good: SearchIndex):
        fact = good.grouped("deaths 2019")["fact"][0]
        assert (fact.label, fact.detail) == (
            "about 120 deaths — Drug deaths in the town", "2019 · the town · Test Gazette")
        quote = good.grouped("120 people")["quote"][0]
        assert (quote.label, quote.detail) == (
            "About 120 people died in the town in 2019, the council says.",
            "Ann Example · Test Gazette")
        speaker = good.search("Ann Example")[0]
        assert (speaker.kind, speaker.label, speaker.detail) == (
            "speaker", "Ann Example", "Council leader · Town council")
        argument = good.grouped("supervised room")["argument"][0]
        assert (argument.label, argument.detail) == (
            "A supervised room saves lives.", "Council · Public health")
        source = good.grouped("disagree")["source"][0]
        assert (source.label, source.detail) == (
            "Council and minister disagree", "Test Gazette · 2020 (approximate)")

    def test_a_label_is_one_line(self):
        index = SearchIndex(build_debate(quotes=[("q", "kit", "It is\n  a distraction.")]))
        assert index.search("distraction")[0].label == "It is a distraction."

    def test_an_argument_detail_names_its_position_and_themes(self):
        index = SearchIndex(build_debate(arguments=[("a", "Drug law is reserved.", "")],
                                         themes={"a": ("health", "law")}))
        assert index.search("reserved")[0].detail == "UK Government · Public health, Law"


class TestNormalisation:
    def test_typographic_quotes_accents_and_possessives_do_not_matter(self):
        index = SearchIndex(build_debate(arguments=[
            ("curly", "Malthouse’s “fix room” isn’t café talk.", "")]))
        for query in ("malthouse", "Malthouse's", "fix room", "isnt", "cafe", "CAFÉ"):
            assert ids(index.grouped(query)["argument"]) == ["curly"], query

    def test_a_figure_is_found_with_or_without_its_thousands_separator(self):
        index = SearchIndex(build_debate(arguments=[("uk", "Almost 4,300 people died.", "")]))
        assert ids(index.search("4300")) == ["uk"]
        assert ids(index.search("4,300")) == ["uk"]

    def test_words_split_on_dashes_and_punctuation_and_keywords_drop_stopwords(self):
        assert words("Cross-party MPs — “Drug-checking”, now!") == [
            "cross", "party", "mps", "drug", "checking", "now"]
        assert keywords("The room is for the city") == ["room", "city"]
        assert words("Priyadarshí's café") == ["priyadarshi", "cafe"]


@pytest.fixture(scope="module")
def glasgow_debate() -> model.Debate:
    result = load_pack(GLASGOW)
    assert result.debate is not None, [str(p) for p in result.errors]
    return result.debate


@pytest.fixture(scope="module")
def glasgow(glasgow_debate: model.Debate) -> SearchIndex:
    return SearchIndex(glasgow_debate)


class TestGlasgow:
    def test_malthose_finds_kit_malthouse_first_and_all_he_says(self, glasgow: SearchIndex,
                                                                glasgow_debate: model.Debate):
        found = glasgow.grouped("Malthose")
        assert found["speaker"][0].id == "kit-malthouse"
        assert found["speaker"][0].label == "Kit Malthouse"
        his_quotes = {q.id for q in glasgow_debate.quotes_by("kit-malthouse")}
        assert his_quotes and his_quotes <= set(ids(found["quote"]))
        carried = {a.id for q in his_quotes for a in glasgow_debate.citing(q)}
        assert carried and carried <= set(ids(found["argument"]))

    @pytest.mark.parametrize("query, argument", [
        ("silver bulet", "uk-no-silver-bullet"),
        ("englsh gangs", "uk-divergence-gangs"),
        ("moral judgment", "sg-honeypot-unfounded"),
    ])
    def test_a_phrase_with_a_typo_finds_its_argument_first(self, glasgow: SearchIndex, query,
                                                           argument):
        assert glasgow.grouped(query)["argument"][0].id == argument


class TestNamesFirst:
    """A speaker or source whose name the query spells is listed before what mentions it."""

    def test_a_speakers_name_puts_the_speakers_first(self):
        index = SearchIndex(build_debate(
            arguments=[("distraction", "Kit Malthouse calls the rooms a distraction.", "")],
            quotes=[("kit-said", "kit", "Rooms are a bit of a distraction.")],
            cites={"distraction": ("kit-said",)}))
        for query in ("Kit Malthouse", "malthouse", "Malthose", "kit malth"):
            found = index.grouped(query)
            assert next(iter(found)) == "speaker", query
            assert found["speaker"][0].label == "Kit Malthouse"
            assert "argument" in found, query  # the passages are still there, below

    def test_an_outlets_name_puts_the_sources_first(self):
        index = SearchIndex(build_debate(
            arguments=[("bbc-said", "The BBC News report was wrong.", "")]))
        assert next(iter(index.grouped("bbc news"))) == "source"

    def test_words_that_name_no_one_keep_the_usual_order(self):
        index = SearchIndex(build_debate(
            arguments=[("distraction", "Rooms are a distraction.", "")],
            quotes=[("kit-said", "kit", "Rooms are a bit of a distraction.")]))
        assert list(index.grouped("distraction")) == ["argument", "quote"]


def test_kit_malthouse_shows_the_person_first_in_the_glasgow_pack(glasgow: SearchIndex):
    found = glasgow.grouped("Kit Malthouse")
    assert next(iter(found)) == "speaker"
    assert found["speaker"][0].label == "Kit Malthouse"
