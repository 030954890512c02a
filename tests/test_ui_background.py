"""The pack's background: offered once on a pack's first opening (remembered in the data
folder), `b` opens it any time, and the keys' help lists `b`."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_app, screen_text

from tui.core.pack.bundled import default_pack
from tui.core.work.first_opening import FirstOpening

OFFER = "New to this debate? Press b to read its background"


def glasgow():
    return make_app(Path(default_pack()))


def listening(app) -> list[str]:
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (told.append(message), notify(message, **kw))[1]
    return told


async def test_the_first_opening_offers_the_background_and_b_shows_it(isolated_home):
    app = glasgow()
    told = listening(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [t for t in told if t.startswith(OFFER)]
        await pilot.press("b")
        await pilot.pause()
        text = screen_text(app)
        assert "Background — Glasgow's drug consumption room" in text
        assert "Why Westminster decides." in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.KIND == "debate"


async def test_it_is_offered_once_per_pack(isolated_home):
    first = glasgow()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    again = glasgow()
    told = listening(again)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not [t for t in told if t.startswith(OFFER)]
        await pilot.press("b")  # still there to read
        await pilot.pause()
        assert "What a consumption room is." in " ".join(screen_text(again).split())


async def test_the_background_scrolls_by_keyboard_at_80x24(isolated_home):
    app = glasgow()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert "Why Westminster decides." in screen_text(app)
        assert "Canada and Australia." not in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Why Westminster decides." not in screen_text(app)
        assert "Canada and Australia." in screen_text(app)


async def test_a_pack_without_background_offers_nothing_and_b_says_so(isolated_home):
    app = make_app()
    told = listening(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not [t for t in told if t.startswith(OFFER)]
        await pilot.press("b")
        await pilot.pause()
        assert "This pack gives no background: its summary is all there is." in (
            " ".join(screen_text(app).split()))


async def test_help_lists_the_background_key(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Background of the debate" in screen_text(app)


def test_a_data_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    first = FirstOpening(Path(default_pack()), blocked)
    first.remember_background_offered()  # no exception: offered again next time
    assert not first.background_offered




@pytest.mark.parametrize("key", ["question_mark", "C", "slash", "T"])
async def test_the_offer_goes_when_the_student_opens_any_other_screen(isolated_home, key):
    """At 80x24 the offer sat over the bottom of the keys' help, the side picker, the
    search and the timer's dialogs until it timed out."""
    app = glasgow()
    told = listening(app)
    cleared: list[str] = []
    clear = app.clear_notifications
    app.clear_notifications = lambda: (cleared.append(app.screen.__class__.__name__), clear())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [t for t in told if t.startswith(OFFER)] and not cleared
        await pilot.press(key)
        await pilot.pause()
        assert cleared, f"the offer stayed over what {key} opened"
