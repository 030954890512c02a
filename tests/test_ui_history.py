"""The explorer's history and breadcrumb: plain logic, no Textual app needed."""

from tui.core.history import History, Place
from tui.ui.widgets.breadcrumb import fit_trail

DEBATE = Place("debate", "", "Debate")
ARGUMENT = Place("argument", "room", "A supervised room saves lives.")
REBUTTAL = Place("argument", "mixed", "The evidence is mixed.")
SOURCE = Place("source", "report", "Test Gazette")


def test_back_restores_the_state_saved_when_leaving():
    history = History()
    history.visit(DEBATE)
    history.visit(ARGUMENT)
    history.remember({"highlighted": 4})
    history.visit(REBUTTAL, {"highlighted": 1})
    assert history.back().state == {"highlighted": 4}
    assert history.back().place == DEBATE
    assert history.back() is None
    assert history.current.place == DEBATE


def test_forward_after_back_and_a_new_visit_forgets_what_was_ahead():
    history = History()
    for place in (DEBATE, ARGUMENT, REBUTTAL):
        history.visit(place)
    history.back()
    assert history.can_go_forward
    assert history.forward().place == REBUTTAL
    history.back()
    history.visit(SOURCE)
    assert not history.can_go_forward
    assert history.trail() == [DEBATE, ARGUMENT, SOURCE]


def test_opening_state_is_kept_per_visit():
    history = History()
    history.visit(SOURCE, {"quote": "mixed"})
    history.visit(SOURCE, {"quote": "save-lives"})
    assert history.back().state == {"quote": "mixed"}
    assert len(history) == 2


def test_the_path_leaves_out_detours_but_history_keeps_them():
    history = History()
    for place in (DEBATE, Place("facts", "", "Facts"), DEBATE, ARGUMENT):
        history.visit(place)
    assert history.path() == [DEBATE, ARGUMENT]
    assert [place.kind for place in history.trail()] == ["debate", "facts", "debate",
                                                         "argument"]
    history.visit(ARGUMENT)  # the same place twice in a row shows once
    assert history.path() == [DEBATE, ARGUMENT]
    assert history.back().place == ARGUMENT and history.back().place == DEBATE
    assert history.back().place.kind == "facts"


def test_trail_fits_the_width_keeping_the_start_and_the_latest_places():
    places = [DEBATE, ARGUMENT, REBUTTAL, SOURCE]
    assert fit_trail(places, 200) == ("Debate › A supervised room saves lives. › "
                                      "The evidence is mixed. › Test Gazette")
    short = fit_trail(places, 50)
    assert short == "Debate › … › The evidence is mixed. › Test Gazette"
    assert len(short) <= 50
    assert fit_trail(places, 30) == "Debate › … › Test Gazette"


def test_trail_cuts_only_the_current_label_when_nothing_else_fits():
    assert fit_trail([DEBATE, ARGUMENT], 36) == "… › A supervised room saves lives."
    assert fit_trail([DEBATE, ARGUMENT], 12) == "A supervise…"
