"""Wrapping an article into lines that know their offsets (the source screen's article)."""

from __future__ import annotations

import pytest

from tui.core.layout.wrap import WrappedLines, wrap, wrap_spans

ARTICLE = (
    "Kit Malthouse said the drug deaths crisis demanded \u201ca more assertive approach\u201d.\n"
    "\n"
    "READ MORE: What are drug consumption rooms?\n"
    "A supercalifragilisticexpialidociousword that will not fit.  Two  spaces.\n"
)


@pytest.mark.parametrize("width", [12, 20, 33, 80])
def test_lines_are_the_wrapped_text_paragraph_by_paragraph(width):
    spans = wrap_spans(ARTICLE, width)
    expected = [line for paragraph in ARTICLE.split("\n") for line in wrap(paragraph, width)]
    assert [ARTICLE[start:end] for start, end in spans] == expected


def test_a_blank_paragraph_stays_a_blank_line_where_it_was():
    spans = wrap_spans(ARTICLE, 80)
    assert ARTICLE[spans[0][0]:spans[0][1]].startswith("Kit Malthouse")
    assert spans[1] == (spans[1][0], spans[1][0])  # the empty line between paragraphs
    assert ARTICLE[spans[2][0]:spans[2][1]].startswith("READ MORE")


@pytest.mark.parametrize("width", [10, 20, 40])
def test_no_line_is_wider_than_the_width_and_words_break_only_when_too_long(width):
    for start, end in wrap_spans(ARTICLE, width):
        assert end - start <= width
        longest_word = max(ARTICLE[start:end].split(), key=len, default="")
        if end < len(ARTICLE) and ARTICLE[end].isalnum() and ARTICLE[end - 1].isalnum():
            assert len(longest_word) == width  # a word cut only because it alone is too wide


def test_wide_characters_are_measured_in_cells():
    text = "\u6f22\u5b57\u304b\u306a \u6f22\u5b57\u304b\u306a \u6f22\u5b57"  # two cells each
    spans = wrap_spans(text, 9)
    assert [text[a:b] for a, b in spans] == ["\u6f22\u5b57\u304b\u306a", "\u6f22\u5b57\u304b\u306a",
                                             "\u6f22\u5b57"]
    assert [text[a:b] for a, b in wrap_spans(text, 3)][:2] == ["\u6f22", "\u5b57"]


WIDE = "会议  决定 在 格拉斯哥  开设 consumption  rooms 以 减少  死亡\n\n第二段  文字"


@pytest.mark.parametrize("width", [4, 7, 10, 15])
def test_wide_text_lines_fit_the_width_however_many_spaces_stand_between_words(width):
    from rich.cells import cell_len

    lines = [WIDE[start:end] for start, end in wrap_spans(WIDE, width)]
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(WIDE.split())  # nothing lost


@pytest.mark.parametrize("width", [4, 7, 10, 15])
def test_one_wrap_algorithm_the_lines_are_the_spans(width):
    spans = [WIDE[start:end] for start, end in wrap_spans(WIDE, width) if end > start]
    assert wrap(WIDE, width) == spans


def test_wrapped_lines_find_the_line_of_an_offset_and_rewrap_only_for_a_new_width():
    text = "one two three four five six"
    lines = WrappedLines(text)
    assert [text[a:b].strip() for a, b in lines.at(9)] == ["one two", "three", "four five",
                                                           "six"]
    assert lines.line_of(text.index("five"), 9) == 2
    assert lines.line_of(0, 9) == 0
    assert lines.line_of(text.index("six"), 40) == 0  # one line at forty columns
