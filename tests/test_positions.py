"""Any number of positions, below the screens: what the validator accepts, how the
debate screen decides its layout, the words for "the other side", search by
position, and the exports and handouts of a pack of more than two positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import positions_pack

from tui.cli import main
from tui.core.export.as_json import to_json
from tui.core.export.as_markdown import to_markdown
from tui.core.layout.positions import arrangement, tab_label
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.search.index import SearchIndex
from tui.core.wording import side_word, the_others
from tui.core.work.case import Case, CaseError, Kind, opposing_arguments, resolve_side
from tui.core.work.handout import to_handout


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Debate:
    pack = positions_pack(tmp_path_factory.mktemp("twelve") / "pack", 12)
    result = load_pack(pack)
    assert result.debate is not None, [str(p) for p in result.problems]
    assert result.warnings == []
    return result.debate


# -- the validator ---------------------------------------------------------------------

@pytest.mark.parametrize("count", [3, 12, 50])
def test_a_pack_of_many_positions_validates_with_no_warnings(tmp_path, capsys, count):
    pack = positions_pack(tmp_path / "pack", count)
    assert main(["validate", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.count(": 5 arguments") == count  # one line per position
    assert "OK: no errors, 0 warnings." in out


def test_a_position_may_leave_out_its_side(pack_copy):
    pack_copy.edit("pack.yaml", "    side: against\n", "")
    result = load_pack(pack_copy.path)
    assert result.problems == []
    ministry = result.debate.positions["ministry"]
    assert ministry.side is None
    assert ministry.on_motion == ""
    assert result.debate.positions["council"].on_motion == "for the motion"


def test_a_side_other_than_for_or_against_is_still_an_error(pack_copy):
    pack_copy.edit("pack.yaml", "side: against", "side: neither")
    messages = [p.message for p in load_pack(pack_copy.path).problems]
    assert any("'side' of position 'ministry'" in m for m in messages), messages


def test_one_position_loads_with_a_warning_that_there_is_nothing_to_answer(tmp_path, capsys):
    pack = positions_pack(tmp_path / "pack", 1)
    assert main(["validate", str(pack)]) == 0
    out, err = capsys.readouterr()
    assert ("warning: this pack has one position, so there is no other to answer: the drill "
            "and the arguments to expect stay empty") in out + err
    debate = load_pack(pack).debate
    assert opposing_arguments(debate, "for") == []


# -- the layout of the debate screen ------------------------------------------------------

def tabs(*labels: str) -> list[str]:
    return [tab_label(label, 5) for label in labels]


def test_two_positions_sit_side_by_side_from_100_columns_and_are_tabs_below():
    assert arrangement(98, tabs("Council", "Ministry")) == "tabs"
    assert arrangement(100, tabs("Council", "Ministry")) == "columns"


def test_three_positions_are_columns_only_when_each_gets_50_cells():
    three = tabs("For", "Against", "Delay")
    assert arrangement(118, three) == "tabs"
    assert arrangement(150, three) == "columns"


def test_when_the_tabs_do_not_fit_one_line_the_positions_are_a_list():
    assert arrangement(118, tabs(*(f"View {n}" for n in range(12)))) == "list"
    assert arrangement(78, tabs("For", "Against", "A label far too long for one row of tabs "
                                                  "at eighty columns")) == "list"


def test_a_tab_shows_a_label_with_controls_as_symbols():
    assert tab_label("Ev\x1bil", 3) == " Ev␛il (3) "


def test_the_other_side_is_the_other_positions_past_two():
    assert the_others(2) == "the other side"
    assert the_others(2, possessive=True) == "the other side's"
    assert the_others(3) == "the other positions"
    assert the_others(40, possessive=True) == "the other positions'"
    assert (side_word(2), side_word(3)) == ("side", "position")


# -- the student's case and search ------------------------------------------------------

def test_with_many_positions_a_student_answers_every_other_one(twelve):
    opposing = opposing_arguments(twelve, "view05")
    assert {a.position for a in opposing} == set(twelve.positions) - {"view05"}
    assert len(opposing) == 11 * 5


def test_a_side_given_at_launch_is_found_among_many_and_unknown_ones_name_the_choices(twelve):
    assert resolve_side(twelve, "ward pilot").id == "view04"
    assert resolve_side(twelve, "against").id == "against"  # the one position against
    with pytest.raises(CaseError) as error:
        resolve_side(twelve, "nobody")
    assert "view04 (Ward pilot)" in str(error.value)
    assert "against (Against, against the motion)" in str(error.value)


def test_search_keeps_only_what_belongs_to_the_chosen_position(twelve):
    index = SearchIndex(twelve)
    grouped = index.grouped("scheme", position="view07")
    arguments = grouped["argument"]
    assert arguments and {twelve.arguments[h.id].position for h in arguments} == {"view07"}
    for hit in grouped.get("quote", []):
        quote = twelve.quotes[hit.id]
        cited_by_it = any(a.position == "view07" for a in twelve.citing(quote.id))
        assert cited_by_it or twelve.speakers[quote.speaker].position == "view07"
    everything = index.grouped("scheme", limit=1000)["argument"]
    assert len(everything) > len(index.grouped("scheme", limit=1000, position="view07")
                                 ["argument"])


def test_the_position_filter_narrows_with_the_theme_filter(twelve):
    index = SearchIndex(twelve)
    mine = twelve.arguments_of("view03")
    # A theme some of the position's arguments have, not all.
    theme = next(t for a in mine for t in a.themes if not all(t in b.themes for b in mine))
    both = index.grouped("would", limit=1000, position="view03", themes=frozenset({theme}))
    assert both["argument"]
    for hit in both["argument"]:
        argument = twelve.arguments[hit.id]
        assert argument.position == "view03" and theme in argument.themes
    alone = index.grouped("would", limit=1000, position="view03")["argument"]
    assert len(both["argument"]) < len(alone) == len(mine)


# -- exports and handouts -------------------------------------------------------------------

def test_the_json_export_gives_no_side_as_null(twelve):
    positions = json.loads(to_json(twelve))["positions"]
    assert len(positions) == 12
    assert [p["side"] for p in positions[:3]] == ["for", "against", None]


def test_the_markdown_handout_lists_every_position_and_says_position_not_side(twelve):
    text = to_markdown(twelve)
    for position in twelve.positions.values():
        assert f"## {position.name}: the arguments" in text
    assert "- **Supporters of the scheme** (for the motion):" in text
    delay = twelve.positions["view03"]
    assert f"- **{delay.name}**: {delay.stance}" in text  # no side given, none shown
    assert "| Argument | Position | Replies " in text  # the column once headed "Side"


def test_the_students_handout_expects_the_other_positions(twelve):
    case = Case(side="view03")
    case.add(twelve, twelve.arguments_of("view03")[0].id, Kind.MINE)
    expected = twelve.arguments_of("view11")[0]
    case.add(twelve, expected.id, Kind.EXPECTED)
    text = to_handout(twelve, case)
    delay = twelve.positions["view03"]
    assert f"**My position:** {delay.name}. {delay.stance}" in text
    assert "## What the other positions will say" in text
    assert f"{expected.claim} ({twelve.positions['view11'].label})" in text


def test_a_two_position_handout_still_speaks_of_sides(good_pack: Path):
    debate = load_pack(good_pack).debate
    text = to_handout(debate, Case(side="council"))
    assert "**My side:** Town council (for the motion)." in text
    assert "## What the other side will say" in text


def test_the_printable_html_handout_expects_the_other_positions(twelve):
    import datetime

    from tui.core.work.handout_html import text, to_html

    case = Case(side="view03")
    case.add(twelve, twelve.arguments_of("view11")[0].id, Kind.EXPECTED)
    page = to_html(twelve, case, "Ann", datetime.date(2026, 12, 3))
    delay = twelve.positions["view03"]
    # Delay gives no side: no "(for the motion)" after its name.
    assert f"<strong>My position:</strong> {text(delay.name)}. {text(delay.stance)}" in page
    assert "What the other positions will say, and my answers" in page
