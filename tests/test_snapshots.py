"""Snapshots of every explorer screen at 80x24 and 120x40, on the stable test pack.

A changed snapshot is reviewed (open the report pytest writes), never updated blindly:
`pytest tests/test_snapshots.py --snapshot-update` only after looking.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import GOOD_PACK, make_app

from tui.core.pack.bundled import default_pack
from tui.ui.app import ExplorerApp
from tui.ui.picker_app import PickerApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def open_source(pilot) -> None:
    pilot.app.open_view("source", "report", quote="mixed")
    await pilot.pause()


async def open_speaker(pilot) -> None:
    pilot.app.open_view("speaker", "ann")
    await pilot.pause()


# What to press from the debate screen to reach each screen.
SCREENS = {
    "debate": {},
    "debate_other_side": {"press": ["tab"]},
    "argument": {"press": ["enter", "j"]},
    "argument_rebuttal": {"press": ["enter", "r"]},
    "source": {"run_before": open_source},
    "speaker": {"run_before": open_speaker},
    "facts": {"press": ["f"]},
    "search": {"press": ["slash", *"evidnce"]},
    "help": {"press": ["enter", "question_mark"]},
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, isolated_home, screen, size):
    assert snap_compare(make_app(GOOD_PACK), terminal_size=size, **SCREENS[screen])


@pytest.mark.parametrize("size", SIZES)
def test_picker(snap_compare, isolated_home, tmp_path, size):
    packs = []
    for name in ("first", "second"):
        shutil.copytree(GOOD_PACK, tmp_path / name)
        packs.append(tmp_path / name)
    assert snap_compare(PickerApp(packs), terminal_size=size)


@pytest.mark.parametrize("screen", ["debate", "argument", "source", "facts"])
def test_without_colour(snap_compare, isolated_home, monkeypatch, screen):
    """With NO_COLOR the cursor and the highlighted quote still stand out (reverse, bold)."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(GOOD_PACK), terminal_size=(80, 24), **SCREENS[screen])


def test_argument_in_the_light_theme(snap_compare, isolated_home):
    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("enter")

    assert snap_compare(make_app(GOOD_PACK), terminal_size=(80, 24), run_before=light)


def test_glasgow_debate(snap_compare, isolated_home):
    """The bundled pack as a new user first sees it (regenerate when its content changes)."""
    assert snap_compare(make_app(Path(default_pack())), terminal_size=(80, 24))


# -- the case and the drill, on the case fixtures' pack (the good pack, three more arguments)

def built_case(tmp_path: Path) -> ExplorerApp:
    """Two arguments in the case, evidence and notes on the first, one expected
    argument from the other side (the pack suggests an answer to it)."""
    from helpers import casebook

    book = casebook(tmp_path)
    book.choose_side("council")
    for argument in ("room-saves-lives", "fewer-needles", "too-costly"):
        book.collect(argument)
    book.case.attach(book.debate, "room-saves-lives", "save-lives")
    book.case.entries.set_text("room-saves-lives", "Open with the council leader's words.")
    book.save()
    return ExplorerApp(book.debate, data_dir=tmp_path / "data")


CASE_VIEWS = {
    "case": ["C"],  # the first argument: its evidence and notes
    "case_expected": ["C", "end"],  # the other side's argument: the pack's suggestion
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(CASE_VIEWS))
def test_case(snap_compare, isolated_home, tmp_path, view, size):
    assert snap_compare(built_case(tmp_path), terminal_size=size, press=CASE_VIEWS[view])


async def drill_with_timer(pilot) -> None:
    from tui.ui.screens.drill import DrillScreen

    # An hour a second: the clock shows 0:30 however slow the run.
    pilot.app.push_screen(DrillScreen(pilot.app.casebook, seconds=30, second=3600))
    await pilot.pause()


async def drill_revealed(pilot) -> None:
    await drill_with_timer(pilot)
    await pilot.press("space")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", [drill_with_timer, drill_revealed],
                         ids=["card", "revealed"])
def test_drill(snap_compare, isolated_home, tmp_path, moment, size):
    assert snap_compare(built_case(tmp_path), terminal_size=size, run_before=moment)
