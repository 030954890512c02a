"""The case screen while another copy of the app works on the same case (issues
10 and 16): a held lock never freezes the screen, and neither copy loses the
other's words."""

from __future__ import annotations

import os

import pytest
from helpers import ScreenApp, casebook, screen_text
from textual.widgets import TextArea

from tui.core.work import storage as storage_module
from tui.core.work.casebook import WAITING
from tui.core.work.storage import Storage
from tui.ui.screens import case as case_screen
from tui.ui.screens import case_background
from tui.ui.screens.case import CaseScreen

SIZE = (160, 40)

needs_flock = pytest.mark.skipif(storage_module.fcntl is None, reason="needs fcntl")


def saved(book):
    return Storage(book.debate.folder, book.storage.folder.parent).load()[0]


def hold_the_lock(book) -> int:
    """Another copy of the app in the middle of a save: it holds the case's lock."""
    holder = os.open(book.storage.lock_path, os.O_RDWR | os.O_CREAT)
    storage_module.fcntl.flock(holder, storage_module.fcntl.LOCK_EX)
    return holder


async def settle(pilot) -> None:
    """Let the background save finish and tell the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@needs_flock
async def test_keys_answer_while_a_save_waits_for_another_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 0.01)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    book.collect("fewer-needles")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        holder = hold_the_lock(book)
        try:
            await pilot.press("n", *"Lead with it")
            await pilot.pause(0.2)  # the pause after typing: the save starts, and waits
            assert (WAITING, "warning") in app.told
            # The screen still answers, with the lock still held.
            await pilot.press("escape", "down")
            await pilot.pause()
            assert app.focused is app.screen.query_one("#case-list")
            assert "Fewer needles are left on the streets." in str(
                app.screen.query_one("#detail-head").render())
            assert not [m for m, severity in app.told if severity == "error"]
        finally:
            os.close(holder)
        await settle(pilot)
        assert app.told[-1] == ("Saved: the other copy of the app let go of the case.",
                                "information")
    assert saved(book).entries.find("room-saves-lives").notes == "Lead with it"
    assert book.unsaved == ""


@needs_flock
async def test_a_save_that_waits_too_long_is_told_as_failed(tmp_path, monkeypatch):
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 0.01)
    monkeypatch.setattr(storage_module, "LOCK_WAIT", 0.3)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        holder = hold_the_lock(book)
        try:
            await pilot.press("n", *"Lead")
            await pilot.pause(0.1)
            await settle(pilot)
            errors = [m for m, severity in app.told if severity == "error"]
            assert errors and errors[0].startswith("Another copy of the app is holding")
            assert book.unsaved == errors[0]
        finally:
            os.close(holder)


async def test_notes_another_copy_saved_appear_and_typing_keeps_them(tmp_path, monkeypatch):
    """Issue 16: B's panel was never refreshed, so one letter typed in B saved over A."""
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 0.01)
    monkeypatch.setattr(case_background, "LOOK_EVERY", 0.05)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    other = casebook(tmp_path, side="council")  # a second copy, on the same entry
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other.case.entries.set_text("room-saves-lives", "Open with the 2019 figure.")
        other.save()
        await pilot.pause(0.3)
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text == "Open with the 2019 figure."
        assert "Open with the 2019 figure." in screen_text(app)
        await pilot.press("n", "end", "!")
        await pilot.pause(0.2)
    assert saved(book).entries.find("room-saves-lives").notes == "Open with the 2019 figure.!"


async def test_one_note_written_in_two_copies_at_once_keeps_both_and_says_so(
        tmp_path, monkeypatch):
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 60)  # saved on leaving, after the other
    monkeypatch.setattr(case_background, "LOOK_EVERY", 60)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    other = casebook(tmp_path, side="council")
    other.case  # noqa: B018  (the other copy reads the case before either writes)
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Mine")
        other.case.entries.set_text("room-saves-lives", "Theirs")
        other.save()
        await pilot.press("escape", "escape")  # leaving saves: both changed one note
        await pilot.pause()
    notes = saved(book).entries.find("room-saves-lives").notes
    assert "Mine" in notes and "Theirs" in notes
    assert any(message.startswith("Another copy of the app changed your notes on "
                                  "“A supervised room saves lives.” at the same time")
               for message, _severity in app.told), app.told
