"""Text from a pack is data: every screen shows it as written, none of it is read as
markup or runs an action, and an article's control characters reach the terminal
only as visible symbols.

The pack `tests/packs/markup` puts markup, unbalanced closing tags and `@click`
action links (one of them a screenshot into the current folder) into every string a
student can see, and ESC, OSC 52 and BEL into its article.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tui.core.pack.loader import load_pack
from tui.ui.app import ExplorerApp
from tui.ui.widgets.article import ArticleText

MARKUP_PACK = Path(__file__).parent / "packs" / "markup"
SIZE = (150, 45)
# C0 and C1 controls but newline: none of them may reach the terminal.
CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def on_screen(app: ExplorerApp) -> str:
    """What the terminal shows right now, as text, read from the app's screenshot."""
    svg = app.export_screenshot()
    text = html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)))
    return text.replace("\xa0", " ")


def highlighted(article: ArticleText) -> str:
    """The words the article draws in reverse video (the current passage)."""
    return "".join(segment.text for y in range(len(article.lines(article.size.width)))
                   for segment in article.render_line(y)
                   if segment.style is not None and segment.style.reverse)


def markup_app(side: str | None = None) -> ExplorerApp:
    result = load_pack(MARKUP_PACK)
    assert result.debate is not None, [str(p) for p in result.problems]
    return ExplorerApp(result.debate, side=side)


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder: an action link that wrote a file would show up here."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def assert_shown_as_written(app: ExplorerApp, *texts: str) -> None:
    assert app.is_running, "the app stopped (a markup error, or an action link that quit)"
    screen = on_screen(app)
    for text in texts:
        assert text in screen, f"{text!r} is not on the {type(app.screen).__name__}"
    assert not CONTROLS.search(screen), "a control character reached the terminal"


async def test_every_view_shows_pack_markup_as_written(in_empty_folder):
    app = markup_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert_shown_as_written(app, "The town [UK] should [/b] open a room",
                                "[@click=app.quit]now[/]", "Parents [/council]",
                                "A supervised room [/b] saves lives [UK]")

        await pilot.press("enter")  # the council's argument
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]",
                                "[@click=app.quit]The council leader[/] says [/] the room",
                                "Law and order [UK]", "Ann [/b] Example [UK]")

        await pilot.press("s")  # its quote, in the article
        await pilot.pause()
        assert_shown_as_written(app, "[@click=app.quit]Council[/] and minister [/] disagree",
                                "Gazette [UK] [/b]", "It will save lives [UK]",
                                "␛]52;c;cHduZWQ=␇", "Latest [/b] figures")
        # One symbol for each control character: the highlight is still on the quote.
        assert highlighted(app.screen.query_one(ArticleText)) == "It will save lives [UK],"

        await pilot.press("w")  # who said it
        await pilot.pause()
        assert_shown_as_written(app, "Ann [/b] Example [UK]",
                                "[@click=app.quit]Council leader[/]",
                                "[b]Town council[/b] [/]")

        await pilot.press("f")
        await pilot.pause()
        assert_shown_as_written(app, "Drug deaths [/b] in the town [UK]",
                                "[@click=app.quit]Different years[/] [/b]")

        await pilot.press("question_mark")
        await pilot.pause()
        assert_shown_as_written(app, "Keys")
        await pilot.press("escape")

        await pilot.press("C")  # no side yet: the dialog asks for one
        await pilot.pause()
        assert_shown_as_written(app, "Parents [/council]", "The [i]ministry[/i] [/b]",
                                "[@click=app.quit]The room[/] should [UK] open.")
        await pilot.press("enter")
        await pilot.pause()
        assert_shown_as_written(app, "you argue Parents [/council]")
        await pilot.press("a")
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]",
                                "The evidence [@click=app.quit]is mixed[/] [/b]")
        await pilot.press("enter")  # added: the notification names the claim
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]")

        await pilot.press("D")
        await pilot.pause()
        assert_shown_as_written(app, "The evidence [@click=app.quit]is mixed[/] [/b]",
                                "The [i]ministry[/i] [/b]")
        await pilot.press("space")  # the pack's answers
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]")
    assert not list(in_empty_folder.iterdir()), "an action link wrote a file"


async def test_search_filters_show_names_as_written_and_run_no_link(in_empty_folder):
    app = markup_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", "tab", "enter")  # open the theme filter, nothing found yet
        await pilot.pause()
        assert_shown_as_written(app, "Law and order [UK]",
                                "[@click=app.screenshot('notes.txt','.')]Learning[/]")
        await pilot.press("down", "enter")  # the "Learning" theme, with its action link
        await pilot.pause()
        # The chosen name, wrapped in the narrow filter at its last "["
        assert_shown_as_written(app, "[@click=app.screenshot('notes.txt','.')]Learning[")
        await pilot.click("#theme-filter", offset=(4, 0))  # on the link's words
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("tab", "enter")  # open the speaker filter
        await pilot.pause()
        assert_shown_as_written(app, "Ann [/b] Example [UK]",  # the other name wraps
                                "[@click=app.screenshot('notes.txt','.')]The", "minister[/]")
        await pilot.press("escape", "shift+tab", "shift+tab", *"lives", "enter")  # first hit
        await pilot.pause()
        assert_shown_as_written(app, "saves lives [UK]")
    assert not list(in_empty_folder.iterdir()), "an action link wrote a file"


async def test_a_notification_naming_the_assigned_side(in_empty_folder):
    app = markup_app(side="council")  # a teacher's --side
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert_shown_as_written(app, "you argue Parents [/council]")
        await pilot.press("s")  # the side is set: a notification says which
        await pilot.pause()
        assert_shown_as_written(app, "Your teacher has assigned you Parents [/council].")


async def test_a_case_files_control_characters_are_shown_not_obeyed(tmp_path,
                                                                    in_empty_folder):
    """A case file is data too: notes holding an OSC 52 clipboard write, and an entry
    whose argument is gone from the pack, named with ESC and markup."""
    from tui.core.work.case import CaseEntry
    from tui.core.work.casebook import CaseBook
    from tui.ui.screens.case import CaseScreen

    debate = load_pack(MARKUP_PACK).debate
    book = CaseBook(debate, tmp_path / "data", assigned_side="council")
    book.case.add(debate, "room-saves-lives")
    book.case.entries.set_text("room-saves-lives", "mine \x1b]52;c;cHduZWQ=\x07 end")
    book.case.entries.items.append(CaseEntry("gone\x1b[2J[/b]", quotes=["q\x1b[31m[/i]"]))
    book.save()
    app = markup_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(CaseScreen(book))
        await pilot.pause()
        assert_shown_as_written(app, "mine ␛]52;c;cHduZWQ=␇ end", "gone␛[2J[/b]")
        await pilot.press("down")  # the entry that is gone, and its lost quote
        await pilot.pause()
        assert_shown_as_written(app, "gone␛[2J[/b]", "q␛[31m[/i]")


def test_each_control_character_becomes_one_visible_symbol():
    from tui.core.controls import visible

    # Same length, so offsets into an article still point at the same words; a
    # Windows line end stays a line end.
    assert visible("a\x1b[2J\x07\x9b\x7f\tb\r\nc\rd") == "a␛[2J␇�␡\tb \nc␍d"


async def test_the_map_and_the_background_show_pack_markup_as_written(in_empty_folder):
    app = markup_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")  # the whole debate's map
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]")
        await pilot.press("m")  # the highlighted argument's tree, and its detail
        await pilot.pause()
        assert_shown_as_written(app, "A supervised room [/b] saves lives [UK]")
        await pilot.press("b")
        await pilot.pause()
        assert_shown_as_written(app, "The town [UK] should [/b] open a room")
        await pilot.press("escape", "f", "y")  # a figure's quote, copied with its citation
        await pilot.pause()
        assert app.clipboard.startswith("“It will save lives [UK],” — Ann [/b] Example [UK]")
        assert app.is_running  # the notification that says so read no markup
        assert "Gazette [UK] [/b]" in app.clipboard
        assert not CONTROLS.search(app.clipboard)
