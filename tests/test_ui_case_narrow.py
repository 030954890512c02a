"""The case's dialogs on a terminal only a few columns wide (issue 16): they show
what fits and answer keys, never crash."""

from __future__ import annotations

import pytest
from helpers import ScreenApp, casebook

from tui.ui.screens.case_dialogs import AddDialog, SideDialog


@pytest.mark.parametrize("width", [4, 8])
@pytest.mark.parametrize("dialog", ["side", "add"])
async def test_the_side_and_add_dialogs_work_at_a_few_columns(tmp_path, width, dialog):
    book = casebook(tmp_path, side="council")
    screens = {"side": lambda: SideDialog(book.debate),
               "add": lambda: AddDialog(book.debate, book.case)}
    answers: list[str | None] = []
    app = ScreenApp(screens[dialog])
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        app.screen.dismiss = answers.append  # what Enter answers
        await pilot.press("down", "end", "home", "enter")
        await pilot.pause()
    assert answers and answers[0] in book.debate.arguments | book.debate.positions
