"""The argument screen tells a reply an article records from one the pack paired, in
plain words, and opens the words that record it. Real key presses, checked on screen."""

from __future__ import annotations

from pathlib import Path

from helpers import screen_text

from tui.core.pack.bundled import default_pack
from tui.ui.screens.argument import ArgumentScreen
from tui.ui.screens.source import SourceScreen

# The minister's answer to the council leader, recorded by the article; the council's
# answer to the minister stays the pack's pairing.
RECORDED = ("    rebuts: [room-saves-lives]\n",
            "    rebuts: [room-saves-lives]\n    exchanges:\n      - answers: room-saves-lives\n"
            "        quotes: [save-lives, mixed]\n")


def one_line(text: str) -> str:
    return " ".join(text.split())


async def down_to(pilot, option_id: str) -> None:
    """Press the down arrow until the argument's list highlights `option_id`."""
    links = pilot.app.screen.links
    for _ in range(60):
        if links.highlighted_id() == option_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{option_id} is not in the list")


async def test_a_recorded_reply_says_where_and_who_and_a_paired_one_says_so(
        pack_copy, explorer):
    pack_copy.edit("debate.yaml", *RECORDED)
    app = explorer(pack_copy.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # "A supervised room saves lives."
        assert isinstance(app.screen, ArgumentScreen)
        await down_to(pilot, "answered-by:argument:evidence-mixed")
        await pilot.pause()
        shown = one_line(screen_text(app))
        assert "Replies to this argument (1)" in shown
        assert ("Recorded in Test Gazette, about 2020: The minister answers Ann Example. "
                "Their words:") in shown
        await down_to(pilot, "answered-by-words-evidence-mixed:quote:save-lives")
        assert "Ann Example: “It will save lives,”" in one_line(screen_text(app))
        await pilot.press("end")
        shown = one_line(screen_text(app))
        assert "This argument replies to (1)" in shown
        assert "Paired by the pack: no article records this reply" in shown
        assert "Answered by" not in shown and "Answers" not in shown


async def test_enter_on_the_words_of_a_recorded_reply_opens_them_in_the_article(
        pack_copy, explorer):
    pack_copy.edit("debate.yaml", *RECORDED)
    app = explorer(pack_copy.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await down_to(pilot, "answered-by-words-evidence-mixed:quote:mixed")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert "Passage 2 of 4" in one_line(screen_text(app))
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, ArgumentScreen)
        await pilot.press("s")  # "In source" opens the highlighted words too
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)


async def test_a_reply_nobody_records_is_the_packs_pairing_on_both_ends(explorer):
    app = explorer()  # the good pack records no exchange
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "end")
        await pilot.pause()
        shown = one_line(screen_text(app))
        assert "Paired by the pack: no article records this reply" in shown
        assert "Recorded in" not in shown


async def test_the_glasgow_pack_shows_atkins_answering_thewliss_at_80x24(explorer):
    app = explorer(Path(default_pack()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the first argument for the room: preventing overdoses
        assert app.screen.record_id == "sg-prevent-overdose-deaths"
        await pilot.press("r")
        await pilot.pause()
        shown = one_line(screen_text(app))
        assert ("Recorded in a Glasgow newspaper (not named in the text), about 2018–2019: "
                "Victoria Atkins answers Alison Thewliss. Their words:") in shown
        assert "r Replies" in shown
