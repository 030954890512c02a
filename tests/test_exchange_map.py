"""The map of the exchanges, headless: levels, cycles, recorded against paired, replies ready."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers import case_pack

from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.pack.rebuttals import IMPORTED_SHORT
from tui.core.work.case import Case, CaseEntry
from tui.core.work.exchange_map import (
    PAIRED,
    RECORDED,
    Direction,
    branch,
    how_answered,
    overview_line,
    reply_ready,
)
from tui.core.work.marks import NO_MARKS, CaseMarks

PAIRED_ONLY = "    rebuts: [room-saves-lives]\n"
RECORDED_TOO = PAIRED_ONLY + ("    exchanges:\n      - answers: room-saves-lives\n"
                              "        quotes: [save-lives, mixed]\n")


def debate_of(folder: Path) -> Debate:
    result = load_pack(folder)
    assert result.debate is not None, [str(p) for p in result.problems]
    return result.debate


def test_a_cycle_shows_the_repeat_once_and_goes_no_further(good_pack):
    # The good pack: the council answers the ministry, and the ministry the council.
    debate = debate_of(good_pack)
    first = branch(debate, ("room-saves-lives",), Direction.ANSWERED_BY)
    assert [(e.argument.id, e.repeat, e.unfolds) for e in first] == [
        ("evidence-mixed", False, True)]
    second = branch(debate, ("room-saves-lives", "evidence-mixed"), Direction.ANSWERED_BY)
    assert [(e.argument.id, e.repeat, e.unfolds) for e in second] == [
        ("room-saves-lives", True, False)]


def test_both_ways_what_answers_it_and_what_it_answers(tmp_path):
    debate = debate_of(case_pack(tmp_path / "pack"))
    # too-costly is answered by cheaper-than-harm, which answers it.
    assert [e.argument.id for e in branch(debate, ("too-costly",), Direction.ANSWERED_BY)] == [
        "cheaper-than-harm"]
    assert branch(debate, ("too-costly",), Direction.ANSWERS) == []
    assert [e.argument.id for e in branch(debate, ("cheaper-than-harm",),
                                          Direction.ANSWERS)] == ["too-costly"]


def test_a_recorded_exchange_is_told_apart_from_a_pairing(pack_copy):
    pack_copy.edit("debate.yaml", PAIRED_ONLY, RECORDED_TOO)
    debate = debate_of(pack_copy.path)
    [answer] = branch(debate, ("room-saves-lives",), Direction.ANSWERED_BY)
    assert answer.how == RECORDED
    # The same exchange seen from the answer's side, going the other way.
    [answered] = branch(debate, ("evidence-mixed",), Direction.ANSWERS)
    assert answered.how == RECORDED
    # The council's answer to the ministry is the pack's own pairing.
    [pairing] = branch(debate, ("evidence-mixed",), Direction.ANSWERED_BY)
    assert pairing.how == PAIRED
    assert how_answered(debate, debate.arguments["room-saves-lives"]) == (
        f"answered by 1: 1 {RECORDED}")
    assert how_answered(debate, debate.arguments["evidence-mixed"]) == (
        f"answered by 1: 1 {PAIRED}")


def test_the_whole_debate_says_how_each_is_answered_and_whether_a_reply_is_ready(tmp_path):
    debate = debate_of(case_pack(tmp_path / "pack"))
    case = Case()
    case.choose_side("council")
    case.add(debate, "cheaper-than-harm")
    case.add(debate, "evidence-mixed", kind=case.kind_of(debate, "evidence-mixed"))
    marks = CaseMarks.of_case(case)
    costly, mixed = debate.arguments["too-costly"], debate.arguments["evidence-mixed"]
    assert reply_ready(debate, marks, costly) == (
        "✓ reply ready: an argument in your case answers it")
    assert reply_ready(debate, marks, mixed) == "✗ no reply ready"
    case.expected.set_text("evidence-mixed", "The evidence from Vancouver is clear.")
    assert reply_ready(debate, CaseMarks.of_case(case), mixed) == (
        "✓ reply ready: your rebuttal is written")
    # The student's own arguments need no reply; before a side, nothing is said.
    assert reply_ready(debate, marks, debate.arguments["fewer-needles"]) == ""
    assert overview_line(debate, NO_MARKS, debate.arguments["fewer-needles"]) == "unanswered"
    assert overview_line(debate, marks, costly) == (
        f"answered by 1: 1 {PAIRED} · ✓ reply ready: an argument in your case answers it")


def test_marks_read_without_colour():
    case = Case(side="council")
    case.entries.items.append(CaseEntry("mine"))
    marks = CaseMarks(side="council", mine=frozenset({"mine"}),
                      expected=frozenset({"theirs", "answered"}),
                      replied=frozenset({"answered"}))
    assert marks.of("mine") == "✓ in your case"
    assert marks.of("theirs") == "↩ to answer"
    assert marks.of("answered") == "↩ to answer · reply written"
    assert marks.of("elsewhere") == ""
    assert CaseMarks.of_case(case).of("mine") == "✓ in your case"


def test_an_imported_packs_links_are_the_discussions_not_the_packs_pairings(good_pack):
    # rebuttals words recorded against unrecorded; the map must not say "paired by the
    # pack" of a link an imported pack took from the discussion it came from.
    debate = debate_of(good_pack)
    debate = replace(debate, info=replace(debate.info, imported_from="a Kialo export"))
    [link] = branch(debate, ("evidence-mixed",), Direction.ANSWERED_BY)
    assert (link.how, link.tag) == (IMPORTED_SHORT, "linked")
    assert how_answered(debate, debate.arguments["evidence-mixed"]) == (
        f"answered by 1: 1 {IMPORTED_SHORT}")
