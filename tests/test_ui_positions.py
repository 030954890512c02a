"""A pack of 40 positions, walked by keyboard only, screen by screen: the debate with
its list of positions, an argument, search filtered by position, the side picker, the
case, the drill and the handout; at 80x24, then at 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_app, positions_pack, screen_text
from textual.widget import Widget

from tui.ui.screens.argument import ArgumentScreen
from tui.ui.screens.case import CaseScreen
from tui.ui.screens.debate import DebateScreen
from tui.ui.screens.drill import DrillScreen


def seen_in(app, widget: Widget) -> str:
    """What the terminal shows inside a widget (its border aside), as one line of
    words: a name wrapped over two lines reads whole, the columns beside it stay out."""
    region = widget.content_region
    rows = screen_text(app).splitlines()[region.y:region.bottom]
    return " ".join(" ".join(row[region.x:region.right] for row in rows).split())


@pytest.fixture(scope="module")
def forty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return positions_pack(tmp_path_factory.mktemp("forty") / "pack", 40)


async def test_forty_positions_by_keyboard_on_every_screen(forty, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(forty)
    debate = app.debate
    positions = list(debate.positions.values())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebateScreen)
        # Forty tabs cannot fit 80 columns: a list of the positions, the first shown.
        choices = screen.query_one("#position-list")
        assert "40 positions" in screen_text(app)
        assert seen_in(app, choices).startswith("For (5) Against (5) Delay (5) Ward pilot (5)")
        pane = screen.current_pane
        assert seen_in(app, pane).startswith("Supporters of the scheme (for the motion) · "
                                             "5 arguments The city should adopt the scheme.")

        # Left goes to the list; moving in it turns the pane; right comes back.
        await pilot.press("left", *["down"] * 5)
        sixth = positions[5]
        assert seen_in(app, pane).startswith(f"{sixth.name} · 5 arguments")
        assert "the motion)" not in seen_in(app, pane)  # the pack gives it no side
        await pilot.press("end")
        assert seen_in(app, pane).startswith(positions[-1].name[:40])
        await pilot.press("home", *["down"] * 5, "right", "down")
        second = debate.arguments_of(sixth.id)[1]
        assert screen.highlighted_argument() == second.id

        # An argument of the sixth position, and back to where the student was.
        await pilot.press("enter")
        assert isinstance(app.screen, ArgumentScreen)
        text = screen_text(app)
        assert second.claim in text
        assert sixth.name[:40] in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert seen_in(app, pane).startswith(sixth.name[:40])
        assert screen.highlighted_argument() == second.id

        # Tab and shift+tab step through the positions.
        await pilot.press("tab")
        assert seen_in(app, pane).startswith(positions[6].name[:40])
        await pilot.press("shift+tab")
        assert seen_in(app, pane).startswith(sixth.name[:40])

        # Search, filtered to one position: only its arguments.
        query = " ".join(debate.arguments_of(positions[2].id)[0].claim.split()[1:3])
        await pilot.press("slash", *query, "tab", "tab", "tab", "enter",
                          "down", "down", "down", "enter")
        await pilot.pause()
        results = seen_in(app, app.screen.query_one("#results"))
        assert "Delay (5)" not in results  # the filter shows its label, the hits their own
        assert "Arguments (" in results and "Delay · " in results
        assert "For · " not in results and "Against · " not in results
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        # The case asks which position the student argues, from all forty.
        await pilot.press("C")
        await pilot.pause()
        assert "Which position will you argue?" in screen_text(app)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        delay = positions[2]
        assert f"you argue {delay.label}" in screen_text(app) or (
            f"you argue {delay.name[:30]}" in screen_text(app))
        case_list = app.screen.query_one("#case-list")
        assert "Expect from the other positions" in seen_in(app, case_list)

        # Adding: the other positions' arguments come under a heading each.
        await pilot.press("a")
        await pilot.pause()
        assert seen_in(app, app.screen.query_one("KeyList")).startswith("Add to your case")
        await pilot.press(*["down"] * 5)
        assert "Expect from Supporters of the scheme" in seen_in(
            app, app.screen.query_one("KeyList"))
        await pilot.press("enter")
        await pilot.pause()
        answered = debate.arguments_of("for")[0]
        assert (f"Expect from the other positions (1) For: {answered.claim}"
                in seen_in(app, case_list))
        assert "Supporters of the scheme will say:" in screen_text(app)

        # The drill: the other positions' arguments, the pack's answers from "your position".
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        text = screen_text(app)
        assert "Supporters of the scheme (for the motion)" in text
        assert answered.claim in text
        assert f"Card 1 of {39 * 5}" in text
        await pilot.press("space")
        await pilot.pause()
        assert "The pack's answers from your position:" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)

        # The handout, written where the student says (a .md name: Markdown).
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter", "ctrl+u", *str(tmp_path / "my-case.md"), "enter")
        await pilot.pause()
        handout = (tmp_path / "my-case.md").read_text(encoding="utf-8")
        assert f"**My position:** {delay.name}. {delay.stance}" in handout
        assert "## What the other positions will say" in handout
        assert f"{answered.claim} (For)" in handout

        # Back to the debate at 120x40: still a list (forty tabs fit no terminal).
        await pilot.press("escape")
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is screen
        assert "40 positions" in screen_text(app)
        assert seen_in(app, screen.current_pane).startswith(sixth.name)


async def test_three_positions_are_tabs_at_80_columns_and_tab_steps_through_them(tmp_path):
    app = make_app(positions_pack(tmp_path / "pack", 3))
    positions = list(app.debate.positions.values())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#position-tabs")
        assert seen_in(app, tabs) == "For (5) Against (5) Delay (5) tab: next position"
        for position in [*positions[1:], positions[0]]:
            await pilot.press("tab")
            assert seen_in(app, app.screen.current_pane).startswith(position.name[:40])
        await pilot.press("left")  # left steps back through tabs
        assert seen_in(app, app.screen.current_pane).startswith(positions[2].name[:40])


async def test_two_positions_side_by_side_and_left_right_move_between_columns(tmp_path):
    app = make_app(positions_pack(tmp_path / "pack", 2))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert [seen_in(app, p)[:24] for p in screen.panes()] == [
            "Supporters of the scheme", "Opponents of the scheme "]
        await pilot.press("right")
        assert screen.current == 1 and screen.panes()[1].arguments.has_focus
        await pilot.press("left")
        assert screen.current == 0 and screen.panes()[0].arguments.has_focus
        # Two sides: search keeps its theme and speaker filters, the width theirs.
        await pilot.press("slash")
        await pilot.pause()
        assert "Any speaker" in screen_text(app) and "Any position" not in screen_text(app)


async def test_a_name_of_many_words_is_cut_to_two_lines_with_an_ellipsis(tmp_path):
    app = make_app(positions_pack(tmp_path / "pack", 3))
    delay = list(app.debate.positions.values())[2]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab")
        pane = app.screen.current_pane
        title = pane.title
        shown = screen_text(app).splitlines()[title.region.y:title.region.bottom]
        assert len(shown) == 5  # two lines of the name, however long; the stance whole
        assert shown[1].rstrip().endswith("…")
        assert seen_in(app, title).startswith(delay.name[:60])
        assert seen_in(app, title).endswith(delay.stance)
        # The list still has room: its first claim shows under the title.
        first = app.debate.arguments_of(delay.id)[0]
        assert first.claim[:30] in screen_text(app)


async def test_resizing_between_tabs_and_columns_keeps_the_position_and_the_cursor(tmp_path):
    app = make_app(positions_pack(tmp_path / "pack", 2))
    against = app.debate.arguments_of("against")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "down", "down")
        screen = app.screen
        assert screen.highlighted_argument() == against[2].id
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len([p for p in screen.panes() if p.display]) == 2  # side by side
        assert screen.current == 1 and screen.highlighted_argument() == against[2].id
        assert screen.current_pane.arguments.has_focus
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Against (5)" in seen_in(app, screen.query_one("#position-tabs"))
        assert seen_in(app, screen.current_pane).startswith("Opponents of the scheme")
        assert screen.highlighted_argument() == against[2].id


async def test_a_pack_of_one_position_shows_it_and_the_drill_has_nothing_to_answer(tmp_path):
    app = make_app(positions_pack(tmp_path / "pack", 1))
    only = app.debate.positions["for"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen_in(app, app.screen.current_pane).startswith(
            "Supporters of the scheme (for the motion) · 5 arguments")
        await pilot.press("tab")  # nowhere else to go: the same position stays
        assert app.screen.current == 0
        await pilot.press("D")
        await pilot.pause()
        assert "Which side will you argue?" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert "No cards to practise." in screen_text(app)
    assert app.casebook.case.side == only.id


def test_a_stance_of_many_words_is_cut_at_three_lines_each_within_the_width():
    from rich.console import Console
    from rich.text import Text

    from tui.ui.widgets.position_pane import clamp

    lines = clamp(Console(width=80), Text("a stance of many words " * 20), 30, 3)
    assert len(lines) == 3
    assert all(line.cell_len <= 30 for line in lines)
    assert lines[-1].plain.endswith("…")
    assert [line.plain for line in clamp(Console(width=80), Text("short"), 30, 3)] == ["short"]
