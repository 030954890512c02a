"""The drill screen, driven by keys: cards in order or shuffled, reveal, marks kept
between sessions, the countdown, and what still needs work."""

from __future__ import annotations

from helpers import ScreenApp, casebook, screen_text

from tui.core.work import drill
from tui.ui.screens.drill import DrillScreen

SIZE = (140, 40)


async def test_a_card_is_answered_revealed_and_marked(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Drill · in order · all cards · no timer · Card 1 of 2" in text
        assert "The ministry (against the motion)" in text
        assert "The evidence for rooms is mixed." in text
        assert "The pack's answers" not in text
        await pilot.press("1")  # marking before revealing is refused
        await pilot.pause()
        assert "Reveal the pack's answers first (space)." in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert "The pack's answers from your side:" in text
        assert "• A supervised room saves lives." in text
        assert "“It will save lives,”" in text  # the answer's quote, with its speaker
        assert "How did you do?  1 got it · 2 shaky · 3 missed" in text
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "Card 2 of 2" in text and "The room costs too much." in text
        assert "So far: 0 got it · 1 shaky · 0 missed · 1 not practised" in text
    record = casebook(tmp_path, side="council").case.drill["evidence-mixed"]
    assert (record.mark, record.attempts) == ("shaky", 1)


async def test_progress_is_kept_between_sessions_and_shows_what_needs_work(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "1", "space", "3")
        await pilot.pause()
        text = screen_text(app)
        assert "Round done." in text and "2 cards done" in text
        assert "Still needs work:" in text and "• The room costs too much. (missed)" in text
        assert "The evidence for rooms is mixed. (" not in text
    later = casebook(tmp_path, side="council")  # the next lesson
    app = ScreenApp(lambda: DrillScreen(later))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "So far: 1 got it · 0 shaky · 1 missed · 0 not practised" in screen_text(app)
        await pilot.press("f")  # practise only what needs work
        await pilot.pause()
        text = screen_text(app)
        assert "needing work only" in text and "Card 1 of 1" in text
        assert "The room costs too much." in text


async def test_a_shuffled_deck_follows_its_seed(tmp_path):
    book = casebook(tmp_path, side="council")
    expected = [a.claim for a in drill.deck(book.debate, book.case, "shuffled", seed=3)]
    app = ScreenApp(lambda: DrillScreen(book, order="shuffled", seed=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = []
        for _ in expected:
            shown.append(next(c for c in expected if c in screen_text(app)))
            await pilot.press("n")
            await pilot.pause()
    assert shown == expected


async def test_the_countdown_reveals_the_answers_when_time_is_up(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book, seconds=30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "⏱ 0:30" in screen_text(app)
        screen.tick()  # one second, without waiting for one
        await pilot.pause()
        assert "⏱ 0:29" in screen_text(app)
        for _ in range(29):
            screen.tick()
        await pilot.pause()
        assert screen.revealed
        assert "The pack's answers from your side:" in screen_text(app)
        assert "Time's up." in screen_text(app)


async def test_the_timer_is_set_from_the_keyboard(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "30 s a card" in screen_text(app) and "⏱ 0:30" in screen_text(app)
        await pilot.press("space")  # revealing stops the clock and hides it
        await pilot.pause()
        assert "⏱" not in screen_text(app)


async def test_a_written_answer_is_kept_as_the_rebuttal_only_when_asked(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", *"Ask which studies", "escape", "space", "2")
        assert book.case.expected.find("evidence-mixed") is None  # practice, not kept
        await pilot.press("w", *"Deaths cost more", "ctrl+s")
        await pilot.pause()
        assert "Kept as your planned rebuttal." in screen_text(app)
    again = casebook(tmp_path, side="council").case
    assert again.expected.find("too-costly").rebuttal == "Deaths cost more"
    assert again.expected.find("evidence-mixed") is None


async def test_the_planned_rebuttal_is_shown_with_the_packs_answers(tmp_path):
    book = casebook(tmp_path, side="council")
    book.collect("too-costly")
    book.case.expected.set_text("too-costly", "Compare with the cost of a death.")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The room costs too much." in screen_text(app)  # expected cards come first
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert "Your planned rebuttal:" in text
        assert "Compare with the cost of a death." in text


async def test_escape_leaves_the_draft_first_then_the_drill(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book, seconds=30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "escape")
        assert isinstance(app.screen, DrillScreen)
        await pilot.press("escape")
        assert app.base_is_showing()


async def test_at_the_end_of_a_round_r_practises_what_still_needs_work(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")  # nothing to restart mid-round
        assert "Card 1 of 2" in screen_text(app)
        await pilot.press("space", "3", "space", "1", "r")
        await pilot.pause()
        text = screen_text(app)
        assert "needing work only" in text and "Card 1 of 1" in text
        assert "The evidence for rooms is mixed." in text


async def test_when_every_card_is_got_r_goes_through_them_all_again(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "1", "space", "1")
        await pilot.pause()
        text = screen_text(app)
        assert "2 cards done" in text
        assert "Round done. Every opposing argument is marked “got it”. Press r to go" in text
        await pilot.press("r")
        await pilot.pause()
        assert "all cards · no timer · Card 1 of 2" in screen_text(app)


# -- drafts are the student's words (issues 14 and 16) --------------------------------

def saved_drafts(tmp_path) -> dict[str, str]:
    return casebook(tmp_path, side="council").case.drafts


async def test_times_up_while_writing_leaves_the_keys_in_the_draft(tmp_path):
    """Issue 14: focus left the draft at "Time's up.", so the next letters were
    commands and q quit with the draft unsaved."""
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book, seconds=30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", *"Ask which")
        for _ in range(30):
            app.screen.tick()
        await pilot.pause()
        assert "Time's up." in screen_text(app)
        assert "The pack's answers from your side:" in screen_text(app)
        await pilot.press(*" studies, quickly")
        await pilot.pause()
        assert app.screen.query_one("#draft").text == "Ask which studies, quickly"
        assert isinstance(app.screen, DrillScreen)


async def test_a_draft_is_saved_as_typed_and_on_quitting(tmp_path, monkeypatch):
    from tui.ui.screens import drill as drill_screen

    monkeypatch.setattr(drill_screen, "SAVE_DELAY", 0.01)
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", *"Which studies?")
        await pilot.pause(0.2)
        assert saved_drafts(tmp_path) == {"evidence-mixed": "Which studies?"}
        monkeypatch.setattr(drill_screen, "SAVE_DELAY", 60)  # only quitting saves now
        await pilot.press(*" Where?")
        app.exit()
    assert saved_drafts(tmp_path) == {"evidence-mixed": "Which studies? Where?"}
    assert book.case.expected.find("evidence-mixed") is None  # a draft, not the rebuttal


async def test_the_next_card_key_keeps_the_draft_with_its_card(tmp_path):
    """Issue 16: n threw the draft away without asking."""
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", *"Which studies?", "escape", "n")
        await pilot.pause()
        assert "Your draft stays with the last card" in screen_text(app)
        assert app.screen.query_one("#draft").text == ""  # the next card's own draft
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one("#draft").text == "Which studies?"
        assert "Which studies?" in screen_text(app)


async def test_the_drill_works_on_a_terminal_a_few_columns_wide(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    async with app.run_test(size=(4, 5)) as pilot:
        await pilot.pause()
        await pilot.press("w", *"ab", "escape", "space", "2")
        await pilot.pause()
    assert book.case.drill["evidence-mixed"].mark == "shaky"


async def test_a_message_never_covers_the_draft_or_its_hint_at_80x24(tmp_path):
    """Issue 14, bug 7: a notification in the corner sat over the draft box."""
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: DrillScreen(book))
    hint = ("│ Your rebuttal: press w to write it here, or think it through. ctrl+s keeps   │\n"
            "│ what you wrote as your plan.                                                 │")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert hint in screen_text(app)
        await pilot.press("t")  # the timer, which says so
        await pilot.pause()
        text = screen_text(app)
        assert "Timer: 30 s a card." in text and hint in text
        await pilot.press("w", *"Mixed is not none", "ctrl+s")  # saved: it says so
        await pilot.pause()
        text = screen_text(app)
        assert "Kept as your planned rebuttal." in text
        draft = next(line for line in text.splitlines() if "Mixed is not none" in line)
        assert draft.endswith("│") and "▌" not in draft, draft  # no toast's edge across it
        for _ in range(30):
            app.screen.tick()  # time's up
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert "Time's up." in "\n".join(lines)
        box = [line for line in lines[-9:-1] if line.startswith("│")]
        assert box and all(line.endswith("│") and "▌" not in line for line in box), box
