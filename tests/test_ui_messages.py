"""Screens ask for places and for collecting by typed messages (tui/ui/messages.py);
the app's navigator carries them out. These tests watch the requests go by."""

from __future__ import annotations

import pytest
from helpers import make_app, screen_text

from tui.ui.messages import CollectArgument, OpenPlace, OpenQuote

pytestmark = pytest.mark.usefixtures("isolated_home")

# A message is seen each time it is posted: by the screen, then again as it bubbles
# to the app. Sets count each request once.


async def test_enter_on_an_argument_asks_for_its_place_and_the_argument_shows():
    app = make_app()
    seen: list[object] = []
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert {(m.kind, m.record_id) for m in seen if isinstance(m, OpenPlace)} == {
            ("argument", "room-saves-lives")}
        assert app.screen.KIND == "argument"
        assert app.screen.record_id == "room-saves-lives"
        assert "Debate › A supervised room saves lives." in screen_text(app)


async def test_a_quote_opened_from_an_argument_is_asked_for_and_shown_at_its_passage():
    app = make_app()
    seen: list[object] = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.press("enter", "s")
        await pilot.pause()
        assert {m.quote_id for m in seen if isinstance(m, OpenQuote)} == {"save-lives"}
        assert app.screen.KIND == "source"
        assert app.screen.current.id == "save-lives"


async def test_a_to_add_to_the_case_is_a_request_the_app_carries_out():
    app = make_app()
    app.assigned_side = "council"
    seen: list[object] = []
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert {m.argument_id for m in seen if isinstance(m, CollectArgument)} == {
            "room-saves-lives"}
        assert [entry.argument for entry in app.casebook.case.entries] == ["room-saves-lives"]
