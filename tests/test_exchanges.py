"""Recorded exchanges: a rebuttal the sources record, told apart from the pack's pairing.

The good pack's minister answers the council; here the pack says that the article
records that answer, and cites the words of both sides that show it.
"""

from __future__ import annotations

import pytest

from tui.core.pack.cache import load_pack_cached
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Exchange

PAIRED = "    rebuts: [room-saves-lives]\n"


def recorded(quotes: str, answers: str = "room-saves-lives") -> str:
    return PAIRED + f"    exchanges:\n      - answers: {answers}\n        quotes: {quotes}\n"


def problems() -> list[str]:
    return [str(p) for p in load_pack("pack").problems]


def test_a_recorded_exchange_is_read_with_the_quotes_that_show_it(pack_copy):
    pack_copy.edit("debate.yaml", PAIRED, recorded("[save-lives, mixed]"))
    result = load_pack("pack")
    assert result.problems == []
    answer = result.debate.arguments["evidence-mixed"]
    assert answer.exchange_with("room-saves-lives") == Exchange(
        "room-saves-lives", ("save-lives", "mixed"))
    # The council's rebuttal has no exchange: it is the pack's own pairing.
    assert result.debate.arguments["room-saves-lives"].exchange_with("evidence-mixed") is None


def test_a_recorded_exchange_survives_the_cache(pack_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("DEBATE_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    pack_copy.edit("debate.yaml", PAIRED, recorded("[save-lives, mixed]"))
    fresh = load_pack("pack").debate
    load_pack_cached(pack_copy.path)
    cached = load_pack_cached(pack_copy.path).debate
    assert cached == fresh
    assert cached.arguments["evidence-mixed"].exchanges


@pytest.mark.parametrize(("quotes", "answers", "expected"), [
    ("[mixed]", "room-saves-lives",
     "pack/debate.yaml:60:17: the exchange of argument 'evidence-mixed' with 'room-saves-lives' "
     "cites no quote by a speaker of position 'council' (cite the words of each side that show "
     "one answering the other; a pairing the sources do not record needs no exchange)"),
    ("[save-lives, deaths-120]", "room-saves-lives",
     "pack/debate.yaml:60:17: the exchange of argument 'evidence-mixed' with 'room-saves-lives' "
     "cites no quote by a speaker of position 'ministry' (cite the words of each side that show "
     "one answering the other; a pairing the sources do not record needs no exchange)"),
    ("[save-lives, mixd]", "room-saves-lives",
     "pack/debate.yaml:60:30: 'quotes' of an item of 'exchanges' of argument 'evidence-mixed' "
     "refers to quote 'mixd', which does not exist (did you mean 'mixed'?)"),
    ("[save-lives, mixed]", "evidence-mixed",
     "pack/debate.yaml:59:18: argument 'evidence-mixed' records an exchange with "
     "'evidence-mixed', which is not one of its 'rebuts' (add 'evidence-mixed' to 'rebuts', or "
     "remove the exchange)"),
], ids=["only the answering side", "only the answered side", "unknown quote", "not a rebuttal"])
def test_a_recorded_exchange_must_show_both_sides(pack_copy, quotes, answers, expected):
    pack_copy.edit("debate.yaml", PAIRED, recorded(quotes, answers))
    assert problems() == [expected]


def test_an_exchange_given_twice_is_reported(pack_copy):
    twice = recorded("[save-lives, mixed]") + (
        "      - answers: room-saves-lives\n        quotes: [save-lives, mixed]\n")
    pack_copy.edit("debate.yaml", PAIRED, twice)
    assert problems() == [
        "pack/debate.yaml:61:18: argument 'evidence-mixed' records its exchange with "
        "'room-saves-lives' twice (give each rebuttal one exchange)"]


def test_an_exchange_needs_its_quotes(pack_copy):
    pack_copy.edit("debate.yaml", PAIRED, PAIRED + "    exchanges:\n      - answers: "
                   "room-saves-lives\n")
    assert any("'quotes'" in p and "exchanges" in p for p in problems())
