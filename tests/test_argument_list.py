"""ArgumentList: wrapping that never splits a word; a tiny app driving the list by keys, mouse."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from helpers import screen_text
from rich.cells import cell_len
from textual.app import App, ComposeResult

from tui.core.layout.rows import RowLayout, narrowness
from tui.core.layout.wrap import is_narrow, line_count, narrow_flags, wrap
from tui.ui.widgets.argument_list import ArgumentList, ArgumentRow

HEALTH = ArgumentRow(
    "health",
    "Drug deaths are a public health emergency that calls for a public health approach, "
    "not for punishing people who use drugs.",
    "4 quotes · 2 rebuttals · Public health and treatment")
LEGAL = ArgumentRow("legal", "Consumption rooms are not legal in the UK.", "1 quote · 0 rebuttals")
LONG_WORD = ArgumentRow("long", "See www.example.org/reports/drug-deaths-in-scotland-2019 for it.",
                        "")
ROWS = [HEALTH, LEGAL, LONG_WORD]

# Words of one cell a character (ASCII and typographic punctuation), and words that
# are not: Chinese (two cells a character) and a letter with a combining accent.
NARROW_WORDS = (  # noqa: SIM905 - a sentence reads better than a list of its words
    "the council’s plan would cut waiting times in Govan — and the pilot would reduce overdose "
    "deaths across Glasgow’s East End, while “supervised” consumption rooms remain unlawful "
    "under the Misuse of Drugs Act 1971; campaigners say a public-health emergency demands an "
    "immediate, evidence-based response… naïve café résumé Ωmega"
).split()
WIDE_WORDS = ["格拉斯哥", "药物", "e\u0301tude"]


def claims(count: int, seed: int = 7, wide: bool = False) -> list[str]:
    rng = random.Random(seed)
    words = NARROW_WORDS + WIDE_WORDS * 5 if wide else NARROW_WORDS
    return [" ".join(rng.choice(words) for _ in range(rng.randint(10, 25))).capitalize() + "."
            for _ in range(count)]


def many_rows(count: int) -> list[ArgumentRow]:
    return [ArgumentRow(f"a{n:05d}", claim, f"{n % 7} quotes · {n % 3} rebuttals · Theme {n}")
            for n, claim in enumerate(claims(count))]


# -- wrapping -------------------------------------------------------------------

@pytest.mark.parametrize("wide", [False, True], ids=["one-cell", "wide"])
@pytest.mark.parametrize("width", [20, 21, 27, 36, 46, 60, 80])
def test_wrapping_breaks_only_at_spaces_and_fills_each_line(width, wide):
    texts = claims(300, wide=wide)
    assert all(narrow_flags(texts)) != wide  # each kind of text takes its own path
    for text in texts:
        lines = wrap(text, width)
        assert " ".join(lines) == text  # no word split, none lost (single spaces in these claims)
        assert all(0 < cell_len(line) <= width for line in lines)
        for line, following in pairwise(lines):  # greedy: the next word did not fit
            assert cell_len(line) + 1 + cell_len(following.split(" ")[0]) > width


def test_a_word_wider_than_the_line_is_cut_only_then():
    url = "www.example.org/reports/drug-deaths-in-scotland-2019"  # 52 characters
    assert wrap(f"See {url} for it.", 20) == [
        "See", "www.example.org/repo", "rts/drug-deaths-in-s", "cotland-2019 for it."]
    # Chinese characters take two cells each: three fit in seven.
    assert wrap("格拉斯哥药物格拉斯哥", 7) == ["格拉斯", "哥药物", "格拉斯", "哥"]


def test_newlines_end_lines_and_blank_text_is_one_empty_line():
    assert wrap("First line\nsecond line", 40) == ["First line", "second line"]
    assert wrap("", 20) == [""] and wrap("   ", 20) == [""]
    assert line_count("", 20) == 1


def test_one_cell_text_is_told_from_wide_text():
    assert is_narrow("The council’s plan — “supervised”… café")
    assert is_narrow("Two\nlines")
    assert not is_narrow("格拉斯哥") and not is_narrow("e\u0301") and not is_narrow("tab\there")
    assert narrow_flags(["plain", "格拉斯哥", "also plain"]) == [True, False, True]
    assert narrow_flags(["plain", "also plain"]) == [True, True]


def test_line_count_agrees_with_the_lines_drawn():
    for width in (20, 33, 50):
        for text in claims(100, seed=3) + claims(100, seed=4, wide=True):
            assert line_count(text, width) == len(wrap(text, width))


def test_the_layout_maps_each_screen_line_to_its_row_and_its_rule():
    layout = RowLayout(ROWS, narrowness(ROWS), 36)
    # health: 4 claim lines + 2 meta lines, rule; legal: 2 + 1, rule; long: 3 + 0 (no meta)
    assert [layout.span(n) for n in range(3)] == [(0, 6), (7, 3), (11, 3)]
    assert layout.height == 14
    assert layout.locate(0) == (0, 0) and layout.locate(6) == (0, 6)  # line 6 is the rule
    assert layout.locate(7) == (1, 0) and layout.locate(10) == (1, 3)
    assert layout.locate(13) == (2, 2)
    assert layout.locate(14) is None and layout.locate(-1) is None


# -- the widget in a tiny app ---------------------------------------------------

class ListApp(App):
    """Only the list; it records the messages the list sends."""

    def __init__(self, rows: list[ArgumentRow]) -> None:
        super().__init__()
        self.rows = rows
        self.highlights: list[tuple[str, int]] = []
        self.selections: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield ArgumentList(self.rows, id="arguments")

    def on_argument_list_highlighted(self, event: ArgumentList.Highlighted) -> None:
        self.highlights.append((event.row_id, event.index))

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        assert event.control is self.query_one(ArgumentList)
        self.selections.append((event.row_id, event.index))


def drawn_lines(app: App, width: int) -> list[str]:
    """The list's text on screen, line by line: one column of padding, then `width` of text."""
    return [line[1:1 + width].rstrip() for line in screen_text(app).splitlines()]


def shows_whole(app: App, row: ArgumentRow, width: int) -> bool:
    """Every line of the row (claim and meta) is on screen, one after the other."""
    expected = wrap(row.claim, width) + (wrap(row.meta, width) if row.meta else [])
    drawn = drawn_lines(app, width)
    return any(drawn[n:n + len(expected)] == expected for n in range(len(drawn)))


async def test_what_is_drawn_at_40_columns():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
    # One column of padding each side and two kept for the scrollbar: 36 for the text.
    assert lines == [
        " Drug deaths are a public health",
        " emergency that calls for a public",
        " health approach, not for punishing",
        " people who use drugs.",
        " 4 quotes · 2 rebuttals · Public",
        " health and treatment",
        " " + "─" * 36,
        " Consumption rooms are not legal in",
        " the UK.",
        " 1 quote · 0 rebuttals",
        " " + "─" * 36,
        " See",
        " www.example.org/reports/drug-deaths-",
        " in-scotland-2019 for it.",
    ]


async def test_keys_move_the_highlight_and_say_which_argument():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        widget = app.query_one(ArgumentList)
        assert app.focused is widget and widget.highlighted_id() == "health"
        await pilot.press("down")
        assert widget.highlighted_id() == "legal"
        await pilot.press("j")
        assert widget.highlighted == 2
        await pilot.press("j")  # past the last, round to the first, as OptionList does
        assert widget.highlighted_id() == "health"
        await pilot.press("k")
        assert widget.highlighted_id() == "long"
        await pilot.press("up", "home")
        assert widget.highlighted == 0
        await pilot.press("end")
        assert widget.highlighted == 2
        await pilot.pause()
    assert app.highlights == [("health", 0), ("legal", 1), ("long", 2), ("health", 0),
                              ("long", 2), ("legal", 1), ("health", 0), ("long", 2)]


async def test_enter_selects_the_highlighted_argument():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
    assert app.selections == [("legal", 1)]


async def test_the_highlighted_row_is_scrolled_into_view():
    rows = many_rows(300)
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.query_one(ArgumentList)
        assert not shows_whole(app, rows[-1], 36)
        await pilot.press("end")
        assert widget.highlighted == 299 and shows_whole(app, rows[-1], 36)
        assert widget.highlight_id("a00150")
        await pilot.pause()
        assert shows_whole(app, rows[150], 36)
        await pilot.press("down", "down")
        assert shows_whole(app, rows[152], 36)
        await pilot.press("pagedown")  # a screenful of lines on: rows of 3-6 lines each
        assert 152 < widget.highlighted <= 156 and shows_whole(app, rows[widget.highlighted], 36)
        await pilot.press("pageup")
        assert widget.highlighted < 154 and shows_whole(app, rows[widget.highlighted], 36)
        await pilot.press("home")
        assert widget.scroll_offset.y == 0 and shows_whole(app, rows[0], 36)


async def test_resizing_rewraps_and_keeps_the_highlighted_row_in_view():
    rows = many_rows(300)
    app = ListApp([HEALTH, *rows])
    async with app.run_test(size=(40, 20)) as pilot:
        widget = app.query_one(ArgumentList)
        narrow_height = widget.virtual_size.height
        assert drawn_lines(app, 36)[0] == "Drug deaths are a public health"
        widget.highlighted = 200
        await pilot.resize_terminal(100, 20)
        await pilot.pause()
        assert widget.virtual_size.height < narrow_height
        assert shows_whole(app, app.rows[200], 96)
        await pilot.press("home")
        await pilot.pause()
        assert drawn_lines(app, 96)[:2] == [
            "Drug deaths are a public health emergency that calls for a public health approach, "
            "not for", "punishing people who use drugs."]


async def test_ten_thousand_rows_mount_and_reach_the_last():
    rows = many_rows(10_000)
    app = ListApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = app.query_one(ArgumentList)
        assert widget.row_count == widget.option_count == 10_000
        heights = [len(wrap(r.claim, 96)) + len(wrap(r.meta, 96)) for r in rows]
        assert widget.virtual_size.height == sum(heights) + len(rows) - 1
        await pilot.press("end")
        await pilot.pause()
        assert widget.highlighted_id() == "a09999" and shows_whole(app, rows[-1], 96)


async def test_clicking_an_argument_highlights_and_selects_it():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        widget = app.query_one(ArgumentList)
        await pilot.click(ArgumentList, offset=(5, 8))  # "the UK.": the second row
        assert widget.highlighted_id() == "legal"
        await pilot.click(ArgumentList, offset=(5, 10))  # a rule: nothing
        await pilot.click(ArgumentList, offset=(5, 12))  # the third row's second line
        await pilot.pause()
    assert app.selections == [("legal", 1), ("long", 2)]


def cell_styles(widget: ArgumentList, y: int):
    return [segment.style for segment in widget.render_line(y) if segment.text.strip()]


async def test_the_highlight_shows_in_colour_and_without_it(monkeypatch):
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)):
        widget = app.query_one(ArgumentList)
        highlighted, plain = cell_styles(widget, 0)[0], cell_styles(widget, 7)[0]
        assert highlighted.bgcolor != plain.bgcolor
    monkeypatch.setenv("NO_COLOR", "1")
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)):
        widget = app.query_one(ArgumentList)
        assert all(style.reverse and style.bold for style in cell_styles(widget, 0))
        assert not any(style.reverse for style in cell_styles(widget, 7))
        assert cell_styles(widget, 4)[0].dim  # the meta line stays dim inside the highlight


async def test_the_highlight_dims_when_the_list_loses_focus():
    class TwoLists(App):
        def compose(self) -> ComposeResult:
            yield ArgumentList(ROWS, id="first")
            yield ArgumentList(ROWS, id="second")

    app = TwoLists()
    async with app.run_test(size=(40, 30)) as pilot:
        first = app.query_one("#first", ArgumentList)
        focused = cell_styles(first, 0)[0]
        await pilot.press("tab")
        assert app.focused.id == "second"
        blurred = cell_styles(first, 0)[0]
        assert blurred.bgcolor != focused.bgcolor
        assert blurred.bgcolor != cell_styles(first, 7)[0].bgcolor  # still stands out
        await pilot.press("shift+tab")
        assert cell_styles(first, 0)[0] == focused


async def test_the_row_under_the_mouse_is_shown():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        widget = app.query_one(ArgumentList)
        plain = cell_styles(widget, 7)[0]
        await pilot.hover(ArgumentList, offset=(5, 8))
        assert cell_styles(widget, 7)[0].bgcolor != plain.bgcolor
        await pilot.hover(ArgumentList, offset=(5, 10))  # over a rule: no row
        assert cell_styles(widget, 7)[0] == plain


async def test_rows_are_found_by_id_and_replaced():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        widget = app.query_one(ArgumentList)
        assert widget.highlight_id("long") and widget.highlighted == 2
        assert not widget.highlight_id("nowhere") and widget.highlighted == 2
        widget.set_rows([LEGAL])
        await pilot.pause()
        assert widget.row_count == 1 and widget.highlighted_id() == "legal"
        assert "Drug deaths" not in screen_text(app)
        widget.set_rows([])
        await pilot.pause()
        assert widget.highlighted is None and widget.highlighted_id() is None
        await pilot.press("down", "enter", "pagedown")
    assert app.selections == []


def test_two_rows_with_one_id_are_refused():
    with pytest.raises(ValueError, match="share an id"):
        ArgumentList([LEGAL, LEGAL])


async def test_marks_go_in_front_of_the_meta_line_and_keep_the_cursor():
    app = ListApp(ROWS)
    async with app.run_test(size=(40, 14)) as pilot:
        widget = app.query_one(ArgumentList)
        widget.highlight_id("legal")
        await pilot.pause()
        widget.set_marks({"legal": "✓ in your case"}.get)
        await pilot.pause()
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        assert widget.highlighted_id() == "legal"
        assert " Consumption rooms are not legal in" in lines
        assert " ✓ in your case · 1 quote · 0" in lines  # wrapped with its row
        assert " rebuttals" in lines
        widget.set_marks(lambda row_id: "")  # taken off the case: the row as before
        await pilot.pause()
        assert " 1 quote · 0 rebuttals" in [line.rstrip() for line in
                                             screen_text(app).splitlines()]
