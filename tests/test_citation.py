"""Copying a quote with its citation (`y`), and jumping from a figure to the one it
conflicts with (`c` on the facts screen)."""

from __future__ import annotations

from dataclasses import replace

from helpers import GOOD_PACK, make_app, screen_text

from tui.core.export.citation import citation
from tui.core.pack.loader import load_pack


def listening(app) -> list[str]:
    """Every notification the app shows from now on, as the student reads it."""
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (told.append(message), notify(message, **kw))[1]
    return told


def good():
    return load_pack(GOOD_PACK).debate


def test_a_direct_quote_is_in_quotation_marks_with_who_where_and_when():
    debate = good()
    assert citation(debate, debate.quotes["save-lives"]) == (
        "“It will save lives,” — Ann Example, Council leader, Test Gazette, "
        "Council and minister disagree, 2020 (approximate)")


def test_reported_speech_is_not_put_in_anyones_mouth():
    debate = good()
    assert citation(debate, debate.quotes["mixed"]) == (
        "The minister said the evidence was \"mixed\" and that it would take years. "
        "(reported speech) — The minister, Minister, Test Gazette, "
        "Council and minister disagree, 2020 (approximate)")


def test_a_body_speaking_as_a_whole_is_named_once():
    debate = good()
    debate.speakers["ann"] = replace(debate.speakers["ann"], name="The UK Government",
                                     role="The UK Government, speaking as a whole")
    assert "— The UK Government, speaking as a whole, Test Gazette" in citation(
        debate, debate.quotes["save-lives"])


def test_control_characters_from_the_pack_are_never_copied():
    debate = good()
    debate.sources["report"] = replace(debate.sources["report"], headline="Bad\x1b]52;c;x\x07")
    copied = citation(debate, debate.quotes["save-lives"])
    assert "\x1b" not in copied and "\x07" not in copied


async def test_y_on_the_facts_screen_copies_the_figures_quote(isolated_home):
    app = make_app()
    told = listening(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "y")
        await pilot.pause()
        assert app.clipboard == (
            "About 120 people died in the town in 2019, the council says. (reported speech) "
            "— Ann Example, Council leader, Test Gazette, Council and minister disagree, "
            "2020 (approximate)")
        assert told[-1].startswith("Copied: About 120 people died")


async def test_y_on_an_argument_copies_its_highlighted_quote(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "y")  # no quote highlighted yet: the first one
        await pilot.pause()
        assert app.clipboard.startswith("“It will save lives,” — Ann Example")
        await pilot.press("down", "down", "y")  # on to the second quote
        await pilot.pause()
        assert app.clipboard.startswith("About 120 people died")


async def test_c_jumps_to_the_conflicting_figure_and_back(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.save_state() == {"fact": "deaths-2019"}
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.save_state() == {"fact": "deaths-2018"}
        assert "This figure                                       ⚠ Conflicts with\n 95 deaths" in (
            screen_text(app))
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.save_state() == {"fact": "deaths-2019"}


async def test_c_on_a_figure_without_conflict_says_so(pack_copy, isolated_home):
    pack_copy.edit("debate.yaml", """    conflicts_with:
      - fact: deaths-2018
        difference: Different years and counts (council estimate against official figures).
""", "")
    app = make_app(pack_copy.path)
    told = listening(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "c")
        await pilot.pause()
        assert app.screen.save_state() == {"fact": "deaths-2019"}
        assert told == ["No figure in the pack conflicts with this one."]
