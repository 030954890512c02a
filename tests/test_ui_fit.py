"""What a new student sees at 80x24: the path back, footers that fit, nothing cut
mid-word where it matters. Driven by real key presses on the explorer."""

from __future__ import annotations

import re

from helpers import screen_text
from textual.widgets import Footer

from tui.ui.screens.debate import DebateScreen
from tui.ui.widgets.breadcrumb import Breadcrumb


def crumb(app) -> str:
    return app.screen.query_one(Breadcrumb).render().plain


def footer_keys(app) -> list[str]:
    """The footer's entries, failing unless each is on the footer's row in full."""
    shown = [b.binding.description for b in app.screen.active_bindings.values()
             if b.binding.show]
    assert shown, "the footer shows no key"
    row = screen_text(app).splitlines()[app.screen.query_one(Footer).region.y]
    cut = [d for d in shown if not re.search(rf"(?<!\S){re.escape(d)}(?!\S)", row)]
    assert not cut, f"cut off at {app.size.width} columns: {cut} in {row!r}"
    return shown


async def test_going_home_to_the_debate_shows_the_path_not_the_detour(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "d")
        await pilot.pause()
        assert isinstance(app.screen, DebateScreen)
        assert crumb(app) == "Debate"
        await pilot.press("enter", "f")
        await pilot.pause()
        assert crumb(app) == "Debate › A supervised room saves lives. › Facts"
        await pilot.press("backspace", "backspace", "backspace")  # history keeps the detour
        await pilot.pause()
        assert app.screen.KIND == "facts" and crumb(app) == "Debate › Facts"


async def test_every_footer_fits_80_columns_with_the_keys_that_matter(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = {"debate": footer_keys(app)}
        await pilot.press("enter")
        seen["argument"] = footer_keys(app)
        await pilot.press("s")
        await pilot.pause()
        seen["source"] = footer_keys(app)
        await pilot.press("w")
        seen["speaker"] = footer_keys(app)
        await pilot.press("f")
        await pilot.pause()
        seen["facts"] = footer_keys(app)
        await pilot.press("C", "enter")  # the case, choosing the council's side
        await pilot.pause()
        seen["empty case"] = footer_keys(app)
        await pilot.press("a", "enter")
        await pilot.pause()
        seen["case"] = footer_keys(app)
        await pilot.press("D")
        await pilot.pause()
        seen["drill"] = footer_keys(app)
        await pilot.press("w")
        seen["writing"] = footer_keys(app)
    for screen in ("debate", "argument", "speaker"):
        assert {"Open", "Search", "Keys", "Quit"} <= set(seen[screen]), screen
    assert {"Replies", "In source"} <= set(seen["argument"])
    assert "Replies" in seen["debate"] and "In source" in seen["facts"]
    assert "Write" not in seen["empty case"] and "Add" in seen["empty case"]
    assert {"Write", "Add", "Evidence", "Remove", "Handout", "Drill", "Back",
            "Keys"} <= set(seen["case"])
    assert {"Reveal", "Got it", "Shaky", "Missed", "Write", "Timer", "Back"} <= set(
        seen["drill"])
    assert "Keep as my rebuttal" in seen["writing"]


async def test_each_drill_card_starts_at_its_claim(explorer):
    from tui.core.pack.bundled import default_pack

    app = explorer(default_pack())  # real cards, longer than a 24-row screen
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "enter")  # the first side
        await pilot.pause()
        card = app.screen.query_one("#drill-card")
        await pilot.press("space")
        await pilot.pause()
        assert card.scroll_y > 0  # the answers were brought into view
        await pilot.press("1")
        await pilot.pause()
        assert card.scroll_y == 0
        claim = app.screen.card.claim
        assert " ".join(claim.split()[:6]) in " ".join(screen_text(app).split())


async def test_a_new_timer_keeps_what_the_student_wrote(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "enter", "w", *"Ask which", "escape", "t")
        await pilot.pause()
        assert app.screen.query_one("#draft").text == "Ask which"
        assert "⏱ 0:" in screen_text(app)  # counting down from 0:30, however slow the run


async def test_searching_from_the_case_closes_it_and_opens_the_result(explorer):
    from tui.ui.screens.argument import ArgumentScreen
    from tui.ui.screens.case import CaseScreen

    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("C", "enter", "slash", *"evidence mixed", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArgumentScreen)
        assert not any(isinstance(s, CaseScreen) for s in app.screen_stack)
        await pilot.press("C")
        await pilot.pause()
        assert sum(isinstance(s, CaseScreen) for s in app.screen_stack) == 1


async def test_the_facts_table_fits_the_width_and_the_card_says_why_figures_differ(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        table = app.screen.query_one("#facts-table")
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == ["Figure", "What", "Year", "⚠"]  # the source is in the card
        this = app.screen.query_one("#fact-this").render().plain
        other = app.screen.query_one("#fact-other").render().plain
        assert "Drug deaths in the town (2019, the town)" in this
        assert other.startswith("⚠ Conflicts with\n95 deaths\nWhy they differ: Different")
        assert "Why they differ" in screen_text(app)  # near the top: not cut off
    app = explorer()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        labels = [str(column.label) for column in app.screen.query_one("#facts-table")
                  .columns.values()]
        assert labels == ["Figure", "What", "Year", "Source", "⚠"]


async def test_the_passage_line_never_wraps_into_the_cited_by_list(explorer):
    from tui.core.pack.bundled import default_pack
    from tui.ui.text import speaker_line

    app = explorer(default_pack())
    debate = app.debate
    # The quote with the longest "speaker, role" line, reported if any is.
    quote = max(debate.quotes.values(),
                key=lambda q: (len(speaker_line(debate, q.speaker)), q.kind == "reported"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_view("source", quote.source, quote=quote.id)
        await pilot.pause()
        info = app.screen.query_one("#passage-info")
        assert info.size.height == 2, info.render().plain
        assert info.render().plain.endswith("\nCited by:")


def dim_parts(content) -> list[str]:
    """The stretches of a rendered Static drawn dim."""
    plain = content.plain
    return [plain[span.start:span.end] for span in content.spans
            if getattr(span.style, "dim", False) or "dim" in str(span.style).split()]


async def test_a_drill_card_dims_its_side_line_not_the_claim_or_summary(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "enter")  # the council: the ministry's cards
        await pilot.pause()
        card = app.screen.card
        content = app.screen.query_one("#card-text").render()
        assert content.plain.startswith("The ministry (against the motion)\n")
        dim = dim_parts(content)
        assert dim[0] == "The ministry (against the motion)"
        assert not any(card.claim in part or card.summary in part for part in dim)


async def test_keeping_a_draft_is_one_palette_entry_while_writing(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "enter", "w")
        keep = [c for c in app.get_system_commands(app.screen)
                if c.title == "Keep as my rebuttal"]
        assert [c.help for c in keep] == ["Key: ^s"]


async def test_nothing_found_under_a_filter_says_the_filter_is_why(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"mixed")
        app.screen.query_one("#speaker-filter").value = "ann"  # the minister said it
        await pilot.pause()
        assert "Nothing found with these filters" in screen_text(app)
