"""Arguments in the student's case, or on their list to answer, are marked in words
wherever arguments are listed; the debate opens on the student's side."""

from __future__ import annotations

from pathlib import Path

from helpers import casebook, screen_text

from tui.ui.app import ExplorerApp
from tui.ui.screens.case import CaseScreen


def app_for(tmp_path: Path, side: str = "council", mine: tuple[str, ...] = ("room-saves-lives",),
            theirs: tuple[str, ...] = ("evidence-mixed",)) -> ExplorerApp:
    book = casebook(tmp_path)
    book.choose_side(side)
    for argument in (*mine, *theirs):
        book.collect(argument)
    book.save()
    return ExplorerApp(book.debate, data_dir=tmp_path / "data")


async def test_the_debate_marks_the_case_and_the_list_to_answer(tmp_path, isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "✓ in your case · 2 quotes · 1 rebuttal" in text
        assert "Fewer needles are left on the streets.\n 0 quotes" in text  # unmarked
        await pilot.press("tab")
        await pilot.pause()
        assert "↩ to answer · 1 quote · 1 rebuttal" in screen_text(app)


async def test_adding_an_argument_marks_it_at_once(tmp_path, isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "a")  # "Fewer needles", the council's second
        await pilot.pause()
        assert "Fewer needles are left on the streets.\n ✓ in your case" in screen_text(app)


async def test_what_the_case_screen_removes_is_unmarked_on_coming_back(tmp_path,
                                                                       isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        app.casebook.case.entries.remove("room-saves-lives")
        await pilot.press("escape")
        await pilot.pause()
        assert "✓ in your case" not in screen_text(app)


async def test_the_app_opens_on_the_students_side(tmp_path, isolated_home):
    app = app_for(tmp_path, side="ministry", mine=("too-costly",), theirs=())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "The ministry (against the motion)" in text
        assert "The room costs too much.\n ✓ in your case" in text


async def test_the_argument_screen_marks_its_head_and_its_links(tmp_path, isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the council's argument, in the case
        await pilot.pause()
        text = screen_text(app)
        assert "A supervised room saves lives.\n ✓ in your case" in text
        # Answered by the ministry's argument, on the list to answer.
        assert "↩ to answer · 1 quote · 1 rebuttal" in text


async def test_search_results_are_marked(tmp_path, isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"evidence")
        await pilot.pause()
        assert "↩ to answer · Ministry · Evidence" in screen_text(app)


async def test_a_speakers_arguments_are_marked(tmp_path, isolated_home):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_view("speaker", "ann")
        await pilot.pause()
        assert "✓ in your case · 2 quotes" in screen_text(app)


async def test_the_packs_suggested_answers_are_marked(tmp_path, isolated_home):
    app = app_for(tmp_path, theirs=("too-costly",), mine=("cheaper-than-harm",))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C", "end")  # the expected argument: the pack's answers to it
        await pilot.pause()
        text = screen_text(app)
        assert "The room costs less than the harm it prevents." in text
        assert "✓ in your case · 0 quotes · 0 rebuttals" in text
