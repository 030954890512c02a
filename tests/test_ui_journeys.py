"""The explorer's main journeys, driven by real key presses, checked on what is shown."""

from __future__ import annotations

from argparse import Namespace

from helpers import screen_text

from tui.ui.screens.argument import ArgumentScreen
from tui.ui.screens.debate import DebateScreen
from tui.ui.screens.source import SourceScreen
from tui.ui.widgets.article import ArticleText
from tui.ui.widgets.breadcrumb import Breadcrumb


def shown(widget) -> str:
    """The plain text a Static or the breadcrumb shows."""
    rendered = widget.render()
    return rendered.plain if hasattr(rendered, "plain") else str(rendered)


def highlighted_spans(article: ArticleText) -> list[str]:
    """The passages drawn in reverse video and bold (the current quote's highlight), line
    by line as the article draws them; a passage wrapped over lines reads as one."""
    runs: list[list[str]] = []
    highlighted_before = False
    for y in range(len(article.lines(article.size.width))):
        marked = [s.text for s in article.render_line(y)
                  if s.style is not None and s.style.reverse and s.style.bold]
        if marked and highlighted_before:
            runs[-1] += marked
        elif marked:
            runs.append(marked)
        highlighted_before = bool(marked)
    return [" ".join(" ".join(run).split()) for run in runs]


async def test_argument_rebuttal_quote_in_source_then_back_twice(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DebateScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ArgumentScreen)
        assert app.screen.record_id == "room-saves-lives"
        links = app.screen.links
        await pilot.press("j", "down")  # past the summary to the second quote card
        assert links.highlighted_id() == "quotes:quote:deaths-120"
        where_it_was = links.highlighted

        await pilot.press("r")  # one key to the other side's answer
        assert isinstance(app.screen, ArgumentScreen)
        assert app.screen.record_id == "evidence-mixed"
        assert "The evidence for rooms is mixed." in shown(app.screen.query_one("#argument-head"))

        await pilot.press("s")  # one key from its quote to the passage
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        source = app.debate.sources["report"]
        article = screen.query_one("#article-text", ArticleText)
        quote = app.debate.quotes["mixed"]
        passage = source.text[quote.start:quote.end]
        assert passage.startswith("The minister said the evidence was")
        assert highlighted_spans(article) == [" ".join(passage.split())]
        scroller = screen.query_one("#article")
        line = article.line_of(quote.start)
        assert scroller.scroll_y <= line < scroller.scroll_y + scroller.size.height
        assert "Passage 2 of 4" in shown(screen.query_one("#passage-info"))
        crumb = shown(screen.query_one(Breadcrumb))
        assert crumb.endswith("The evidence for rooms is mixed. › Test Gazette")

        await pilot.press("backspace", "backspace")
        assert isinstance(app.screen, ArgumentScreen)
        assert app.screen.record_id == "room-saves-lives"
        await pilot.pause()
        assert app.screen.links.highlighted == where_it_was
        assert app.screen.links.has_focus
        assert shown(app.screen.query_one(Breadcrumb)) == "Debate › A supervised room saves lives."

        await pilot.press("right_square_bracket")  # and forward again
        assert app.screen.record_id == "evidence-mixed"


async def test_stepping_through_the_quoted_passages_of_a_source(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_view("source", "report", quote="save-lives")
        await pilot.pause()
        screen = app.screen
        article = screen.query_one("#article-text", ArticleText)
        assert highlighted_spans(article) == ["It will save lives,"]
        await pilot.press("n")
        assert "The minister said the evidence" in highlighted_spans(article)[0]
        cited = screen.query_one("#cited-by")
        assert cited.highlighted_id() == "evidence-mixed"
        await pilot.press("N", "N")  # previous wraps round to the last passage
        assert highlighted_spans(article) == ["Official figures put the number at 95 for 2018."]
        assert "Passage 4 of 4" in shown(screen.query_one("#passage-info"))
        await pilot.press("w")
        assert app.screen.KIND == "speaker" and app.screen.record_id == "minister"


async def test_a_typo_search_finds_the_argument_and_enter_opens_it(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"evidnce mixd")
        results = app.screen.query_one("#results")
        assert results.highlighted_id() == "argument:evidence-mixed"
        headings = [o.prompt.plain for o in results.options if o.disabled]
        assert headings[0] == "Arguments (1)"
        await pilot.press("enter")
        assert isinstance(app.screen, ArgumentScreen)
        assert app.screen.record_id == "evidence-mixed"


async def test_search_filters_by_speaker(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"town")
        results = app.screen.query_one("#results")
        assert {"quote:deaths-120", "fact:deaths-2018"} <= {o.id for o in results.options}
        app.screen.query_one("#speaker-filter").value = "minister"
        await pilot.pause()
        ids = {o.id for o in results.options if o.id}
        assert "fact:deaths-2018" in ids and "quote:deaths-120" not in ids


async def test_help_lists_the_keys_of_the_current_screen(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "question_mark")
        text = "\n".join(" ".join(line.split()) for line in screen_text(app).splitlines())
        for expected in ("r Replies", "s In source", "/ Search", "? Keys", "q Quit",
                         "esc, ⌫, [, alt+← Back"):
            assert expected in text, text
        await pilot.press(*"j" * 12)  # the focused list's keys come last
        text = "\n".join(" ".join(line.split()) for line in screen_text(app).splitlines())
        assert "↓, j Down" in text, text
        await pilot.press("escape")
        assert isinstance(app.screen, ArgumentScreen)


async def test_help_at_80x24_shows_the_keys_that_work_everywhere_without_scrolling(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        text = "\n".join(" ".join(line.split()) for line in screen_text(app).splitlines())
        for expected in ("a Add to case", "/ Search", "Back", "f Facts"):
            assert expected in text, text
        # Lists wrap their text: sideways scrolling keys would be noise.
        assert "Scroll Left" not in text and "Page Right" not in text, text


async def test_every_key_of_the_screen_is_in_the_command_palette(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Replies", "In source", "Search", "Facts", "Back", "Forward"} <= titles


async def test_at_80_columns_the_sides_are_tabs_and_tab_switches(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Council (1)" in shown(screen.query_one("#position-tabs"))
        assert "A supervised room saves lives." in screen_text(app)
        assert "The evidence for rooms is mixed." not in screen_text(app)
        await pilot.press("tab")
        assert "The evidence for rooms is mixed." in screen_text(app)
        assert "A supervised room saves lives." not in screen_text(app)
        await pilot.press("enter")
        assert app.screen.record_id == "evidence-mixed"


async def test_facts_flag_conflicting_figures_side_by_side(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        this = shown(app.screen.query_one("#fact-this"))
        other = shown(app.screen.query_one("#fact-other"))
        assert "about 120 deaths" in this
        assert "Conflicts with" in other and "95 deaths" in other
        assert "Different years and counts" in other
        await pilot.press("enter")
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.current.id == "deaths-120"


def test_a_broken_pack_exits_1_with_its_message(broken_pack, capsys):
    from tui.ui.launch import run

    status = run(broken_pack, Namespace(pack=str(broken_pack)))
    err = capsys.readouterr().err
    assert status == 1
    assert "debate.yaml:50:14: " in err  # where the problem is, then what it is
    assert "'evidence-mixd', which does not exist" in err
    assert err.rstrip().endswith(f"{broken_pack}: 1 error; the pack was not loaded.")
    assert "Traceback" not in err


async def test_back_to_the_debate_keeps_the_side_and_the_argument(explorer):
    from tui.core.pack.bundled import default_pack

    app = explorer(default_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "j", "j")
        screen = app.screen
        chosen = screen.highlighted_argument()
        await pilot.press("enter")
        assert app.screen.record_id == chosen
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebateScreen)
        assert screen.current == 1
        assert screen.highlighted_argument() == chosen
        assert screen.current_pane.arguments.has_focus
        assert app.debate.arguments[chosen].claim[:30] in screen_text(app)


async def test_at_80_columns_a_click_on_a_tab_shows_that_side(explorer):
    app = explorer()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#position-tabs", offset=(17, 0))  # on " Ministry (1) "
        assert "The evidence for rooms is mixed." in screen_text(app)
        assert "A supervised room saves lives." not in screen_text(app)
        assert app.screen.current_pane.arguments.has_focus


async def test_an_action_bound_on_screen_and_app_is_one_palette_entry_with_all_its_keys(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        back = [c for c in app.get_system_commands(app.screen) if c.title == "Back"]
        assert len(back) == 1
        assert back[0].help == "Key: esc, ⌫, [, alt+←"
        await back[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, DebateScreen)


async def test_a_passage_no_argument_cites_says_so_under_cited_by(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_view("source", "report", quote="deaths-95")  # quoted by a fact only
        await pilot.pause()
        info = shown(app.screen.query_one("#passage-info"))
        assert "Cited by: no argument of the pack cites this passage" in info
        await pilot.press("N")  # a passage that arguments do cite
        assert "no argument" not in shown(app.screen.query_one("#passage-info"))


def test_a_body_speaking_as_a_whole_is_named_once():
    from tui.core.pack.bundled import default_pack
    from tui.core.pack.loader import load_pack
    from tui.ui.text import quote_card, speaker_line

    debate = load_pack(default_pack()).debate
    assert speaker_line(debate, "uk-government") == "The UK Government, speaking as a whole"
    assert speaker_line(debate, "joe-fitzpatrick") == (
        "Joe FitzPatrick, Scotland's Public Health Minister")
    said = next(q for q in debate.quotes.values() if q.speaker == "uk-government")
    assert "— The UK Government, speaking as a whole\n" in quote_card(debate, said).plain


async def test_the_palette_has_one_entry_for_the_theme_and_one_for_the_keys(explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert [title for title in titles if "theme" in title.lower()] == ["Light/dark theme"]
        assert [title for title in titles if "key" in title.lower()] == ["Keys"]
