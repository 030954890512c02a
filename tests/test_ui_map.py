"""The map of the exchanges as the student uses it: m from the argument and the debate,
the palette, unfolding and folding, a cycle, recorded against paired, the case marked."""

from __future__ import annotations

from helpers import answered_case_app, make_app, screen_text

from tui.core.work.exchange_map import PAIRED, RECORDED

PAIRED_ONLY = "    rebuts: [room-saves-lives]\n"
RECORDED_TOO = PAIRED_ONLY + ("    exchanges:\n      - answers: room-saves-lives\n"
                              "        quotes: [save-lives, mixed]\n")


def kind(app) -> str:
    return getattr(app.screen, "KIND", "")


async def test_m_on_an_argument_shows_both_ways_and_a_cycle_once(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "m")  # the council's argument, then its map
        await pilot.pause()
        assert kind(app) == "map"
        text = screen_text(app)
        assert "What answers it (1)" in text
        assert "What it answers (1)" in text
        assert "paired · Ministry: The evidence for rooms is mixed." in text
        assert "↻ shown above" not in text  # nothing unfolded yet
        # The detail spells out the highlighted answer's link in words.
        assert "It answers “A supervised room saves lives.”\n" in text
        assert "Paired by the pack: no article records this reply" in text
        await pilot.press("right")  # unfold: what answers the ministry's answer
        await pilot.pause()
        text = screen_text(app)
        assert "paired · ↻ shown above · Council: A supervised room saves lives." in text
        await pilot.press("down", "right")  # the repeat does not unfold
        await pilot.pause()
        assert screen_text(app).count("A supervised room saves lives.") == text.count(
            "A supervised room saves lives.")
        await pilot.press("left", "left")  # up to its parent, then fold it
        await pilot.pause()
        assert "↻ shown above" not in screen_text(app)


async def test_enter_opens_the_argument_and_back_returns_to_the_map(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "m")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert kind(app) == "argument"
        assert app.screen.record_id == "evidence-mixed"
        await pilot.press("escape")
        await pilot.pause()
        assert kind(app) == "map"


async def test_a_recorded_exchange_reads_recorded_in_the_map(pack_copy, isolated_home):
    pack_copy.edit("debate.yaml", PAIRED_ONLY, RECORDED_TOO)
    app = make_app(pack_copy.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "m")
        await pilot.pause()
        text = screen_text(app)
        assert "recorded · Ministry: The evidence for rooms is mixed." in text
        # The words the argument screen uses: where it is recorded, and who answers whom.
        assert "Recorded in Test Gazette, about 2020: The minister answers Ann Example" in text
        assert f"answered by 1: 1 {RECORDED}" in text
        await pilot.press("right")
        await pilot.pause()
        # The council's answer back is the pack's own pairing.
        assert "paired · ↻ shown above · Council:" in screen_text(app)


async def test_m_on_the_debate_shows_every_argument_and_how_it_is_answered(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert kind(app) == "exchanges"
        text = screen_text(app)
        assert "Map of the exchanges: the whole debate" in text
        assert "2 arguments · 0 unanswered" in text
        assert "Council: A supervised room saves lives." in text
        assert f"answered by 1: 1 {PAIRED} · answers 1 argument" in text
        await pilot.press("down", "m")  # the ministry's argument's own map
        await pilot.pause()
        assert kind(app) == "map"
        assert app.screen.record_id == "evidence-mixed"
        await pilot.press("w")  # and back to the whole debate, at that argument
        await pilot.pause()
        assert kind(app) == "exchanges"
        await pilot.press("enter")
        await pilot.pause()
        assert kind(app) == "argument"
        assert app.screen.record_id == "evidence-mixed"


async def test_the_map_is_in_the_palette_and_in_help(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"map of the")
        await pilot.pause(0.3)
        assert "Map of the exchanges" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert kind(app) == "exchanges"
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Map of this argument" in text


async def test_the_map_marks_the_case_and_says_which_replies_are_ready(tmp_path,
                                                                       isolated_home):
    app = answered_case_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert "your replies ready: 2 of 2" in text
        assert "✓ in your case · answered by 1" in text
        assert "↩ to answer · reply written · answered by 1" in text
        assert "✓ reply ready: an argument in your case answers it" in " ".join(text.split())
        await pilot.press("end", "m")  # the ministry's "too costly": its map
        await pilot.pause()
        text = screen_text(app)
        assert "↩ to answer · reply written" in text  # the head: where it stands
        assert "paired · Council: The room costs less than the harm it prevents." in text


async def test_adding_from_the_map_marks_the_argument_at_once(tmp_path, isolated_home):
    app = answered_case_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "down")  # "Fewer needles", not in the case
        await pilot.pause()
        assert "✓ in your case · unanswered" not in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert "✓ in your case · unanswered" in screen_text(app)
