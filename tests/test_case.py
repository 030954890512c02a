"""The Case model and the drill: building a case, answering the other side, practising."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.pack.loader import load_pack
from tui.core.pack.model import Argument, Debate
from tui.core.work import drill
from tui.core.work.case import Case, CaseError, Collected, ItemKey, Kind, resolve_side

GOOD = Path(__file__).parent / "packs" / "good"


@pytest.fixture(scope="module")
def good() -> Debate:
    return load_pack(GOOD).debate


@pytest.fixture
def debate(good: Debate) -> Debate:
    """The good pack with two more arguments a side, so order and decks mean something."""
    extra = [
        Argument("fewer-needles", "council", "Fewer needles on the streets.", "s", ("health",),
                 quotes=("deaths-120",)),
        Argument("cheaper", "council", "It costs less than the harm.", "s", ("health",),
                 rebuts=("costly",)),
        Argument("costly", "ministry", "It is too expensive.", "s", ("evidence",)),
        Argument("illegal", "ministry", "It breaks the law.", "s", ("evidence",)),
    ]
    arguments = {**good.arguments, **{a.id: a for a in extra}}
    return replace(good, arguments=arguments, _index=None)


@pytest.fixture
def case() -> Case:
    case = Case()
    case.choose_side("council")
    return case


def ids(items) -> list[str]:
    return [getattr(i, "argument", None) or i.id for i in items]


# -- choosing a side ---------------------------------------------------------------

@pytest.mark.parametrize("given", ["council", "COUNCIL", "Council", "town council", "for"])
def test_a_side_is_found_by_id_label_name_or_for_against(good, given):
    assert resolve_side(good, given).id == "council"


def test_an_unknown_side_names_the_valid_choices(good):
    with pytest.raises(CaseError) as error:
        resolve_side(good, "government")
    assert str(error.value) == ("No side called “government” in this pack. Choose one of: "
                                "council (Council, for the motion), "
                                "ministry (Ministry, against the motion).")


def test_nothing_can_be_added_before_a_side_is_chosen(debate):
    with pytest.raises(CaseError, match="Choose the side you will argue first"):
        Case().add(debate, "room-saves-lives")


# -- building the case -------------------------------------------------------------

def test_own_arguments_go_into_the_case_in_the_order_added_without_repeats(debate, case):
    case.add(debate, "cheaper")
    case.add(debate, "room-saves-lives")
    case.add(debate, "cheaper")
    assert ids(case.entries) == ["cheaper", "room-saves-lives"]


def test_an_opposing_argument_cannot_join_the_case(debate, case):
    with pytest.raises(CaseError, match="argument of The ministry, not your side"):
        case.add(debate, "costly")
    assert list(case.entries) == []


def test_moving_changes_the_speaking_order_and_stops_at_the_ends(debate, case):
    for argument in ("room-saves-lives", "fewer-needles", "cheaper"):
        case.add(debate, argument)
    assert case.entries.move("cheaper", -1) == 1
    assert ids(case.entries) == ["room-saves-lives", "cheaper", "fewer-needles"]
    assert case.entries.move("room-saves-lives", -1) == 0
    assert case.entries.move("fewer-needles", +1) == 2
    assert ids(case.entries) == ["room-saves-lives", "cheaper", "fewer-needles"]


def test_removing_takes_the_entry_out(debate, case):
    case.add(debate, "cheaper")
    case.entries.remove("cheaper")
    assert list(case.entries) == [] and "cheaper" in case.entries.removed


def test_notes_and_evidence_are_kept_per_argument(debate, case):
    case.add(debate, "room-saves-lives")
    case.entries.set_text("room-saves-lives", "Open with the 2019 figure.")
    case.attach(debate, "room-saves-lives", "deaths-120")
    case.attach(debate, "room-saves-lives", "save-lives")
    case.attach(debate, "room-saves-lives", "deaths-120")
    case.detach("room-saves-lives", "save-lives")
    entry = case.entries.find("room-saves-lives")
    assert entry.notes == "Open with the 2019 figure."
    assert entry.quotes == ["deaths-120"]


def test_an_unknown_quote_is_refused(debate, case):
    case.add(debate, "room-saves-lives")
    with pytest.raises(CaseError, match="no quote “nope”"):
        case.attach(debate, "room-saves-lives", "nope")


def test_editing_an_argument_not_in_the_case_says_so(case):
    with pytest.raises(CaseError, match="not in your case"):
        case.entries.set_text("cheaper", "x")


# -- what the other side will say ---------------------------------------------------

def test_collect_puts_own_arguments_in_the_case_and_opposing_ones_on_the_list(debate, case):
    assert case.collect(debate, "cheaper") is Collected.ADDED
    assert case.collect(debate, "cheaper") is Collected.ALREADY
    assert case.collect(debate, "costly") is Collected.EXPECTED
    assert case.collect(debate, "costly") is Collected.ALREADY_EXPECTED
    assert ids(case.entries) == ["cheaper"]
    assert ids(case.expected) == ["costly"]


def test_expect_all_lists_every_opposing_argument_once(debate, case):
    case.add(debate, "illegal", Kind.EXPECTED)
    assert case.expect_all(debate) == 2
    assert ids(case.expected) == ["illegal", "evidence-mixed", "costly"]
    with pytest.raises(CaseError, match="your own side's argument"):
        case.add(debate, "cheaper", Kind.EXPECTED)


def test_suggestions_are_the_packs_answers_from_my_side_and_are_not_filled_in(debate, case):
    case.add(debate, "costly", Kind.EXPECTED)
    assert ids(case.suggestions(debate, "costly")) == ["cheaper"]
    assert case.expected.find("costly").rebuttal == ""
    case.expected.set_text("costly", "Compare with the cost of a death.")
    assert case.expected.find("costly").rebuttal == "Compare with the cost of a death."


def test_suggestions_leave_out_the_other_sides_answers(debate):
    ministry = Case()
    ministry.choose_side("ministry")
    # room-saves-lives is answered by evidence-mixed (ministry's own), not by council
    assert ids(ministry.suggestions(debate, "room-saves-lives")) == ["evidence-mixed"]
    assert ministry.suggestions(debate, "evidence-mixed") == []


def test_vanished_arguments_and_quotes_are_reported_with_the_students_words(debate, case):
    case.add(debate, "cheaper")
    case.entries.set_text("cheaper", "My best point.")
    case.attach(debate, "cheaper", "mixed")
    case.add(debate, "costly", Kind.EXPECTED)
    case.expected.set_text("costly", "Cheaper than harm.")
    drill.mark(case, "costly", "good")
    edited = replace(debate, arguments={k: v for k, v in debate.arguments.items()
                                        if k not in ("cheaper", "costly")},
                     quotes={k: v for k, v in debate.quotes.items() if k != "mixed"},
                     _index=None)
    found = [(v.where, v.argument, v.text, v.quote) for v in case.vanished(edited)]
    assert found == [("case", "cheaper", "My best point.", ""),
                     ("evidence", "cheaper", "", "mixed"),
                     ("expected", "costly", "Cheaper than harm.", ""),
                     ("drill", "costly", "", "")]
    assert case.entries.find("cheaper").notes == "My best point."  # kept, not dropped


# -- the drill -----------------------------------------------------------------------

def test_the_deck_is_every_opposing_argument_with_the_expected_ones_first(debate, case):
    case.add(debate, "illegal", Kind.EXPECTED)
    assert ids(drill.deck(debate, case)) == ["illegal", "evidence-mixed", "costly"]


def test_a_shuffled_deck_is_the_same_cards_and_repeatable_with_a_seed(debate, case):
    first = ids(drill.deck(debate, case, "shuffled", seed=7))
    assert sorted(first) == ["costly", "evidence-mixed", "illegal"]
    assert ids(drill.deck(debate, case, "shuffled", seed=7)) == first
    orders = {tuple(ids(drill.deck(debate, case, "shuffled", seed=s))) for s in range(20)}
    assert len(orders) > 1


def test_marks_count_attempts_and_progress_shows_what_needs_work(debate, case):
    drill.mark(case, "costly", "missed")
    drill.mark(case, "costly", "good")
    drill.mark(case, "illegal", "shaky")
    drill.mark(case, "evidence-mixed", "missed")
    assert case.drill["costly"].attempts == 2 and case.drill["costly"].mark == "good"
    progress = drill.progress(debate, case)
    assert progress.counts == {"good": 1, "shaky": 1, "missed": 1, "not yet": 0}
    assert ids(progress.needing_work) == ["evidence-mixed", "illegal"]
    assert ids(drill.deck(debate, case, only_needing_work=True)) == ["evidence-mixed",
                                                                     "illegal"]


def test_never_practised_arguments_need_work_after_the_marked_ones(debate, case):
    drill.mark(case, "illegal", "shaky")
    progress = drill.progress(debate, case)
    assert ids(progress.needing_work) == ["illegal", "evidence-mixed", "costly"]
    assert progress.counts["not yet"] == 2


def test_an_unknown_mark_is_refused(case):
    with pytest.raises(CaseError, match="choose one of: good, shaky, missed"):
        drill.mark(case, "costly", "great")


def test_undoing_a_removal_puts_the_entry_back_in_place_with_its_notes(debate, case):
    for argument in ("room-saves-lives", "fewer-needles", "cheaper"):
        case.add(debate, argument)
    case.entries.set_text("fewer-needles", "keep me")
    removal = case.entries.remove("fewer-needles")
    case.entries.reinstate(removal)
    assert ids(case.entries) == ["room-saves-lives", "fewer-needles", "cheaper"]
    assert case.entries.find("fewer-needles").notes == "keep me"
    assert case.entries.find("fewer-needles").updated > case.entries.removed["fewer-needles"]


# -- one list type for both lists (issue 10) -----------------------------------------

@pytest.mark.parametrize("kind, argument, other", [(Kind.MINE, "cheaper", "fewer-needles"),
                                                   (Kind.EXPECTED, "costly", "illegal")])
def test_both_lists_are_edited_the_same_way_through_an_item_key(debate, case, kind,
                                                                argument, other):
    key = case.add(debate, argument, kind)
    case.add(debate, other, kind)
    assert key == ItemKey(kind, argument) and case.has(key)
    items = case.list_of(kind)
    items.set_text(argument, "my words")
    assert items.move(argument, +1) == 1
    removal = items.remove(argument)
    assert not case.has(key) and argument in items.removed
    items.reinstate(removal)
    assert [i.argument for i in items] == [other, argument]
    assert items.get(argument).text == "my words"
    assert case.kind_of(debate, argument) is kind


def test_drafts_are_kept_only_while_they_hold_words(case):
    case.set_draft("costly", "Which studies?")
    assert case.drafts == {"costly": "Which studies?"} and not case.is_empty()
    case.set_draft("costly", "  ")
    assert case.drafts == {}
