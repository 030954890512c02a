"""Text from a pack or a student's case, written into Markdown so that it reads as
written: it never forms HTML, a link or an image, and carries no control character.

Both Markdown exports (the debate's handout and a student's case) write their text
and their quotes through here.
"""

from __future__ import annotations

import re

from tui.core.controls import visible

# Every character that could start HTML (<), a link, an image or a footnote ([ ]),
# an entity (&), a code span (`), emphasis (* _ ~), a table cell (|) or an escape (\).
# A backslash before any ASCII punctuation shows it as itself (CommonMark 2.4).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# What makes a line a heading, a list item, a rule or a setext underline.
_BLOCK_MARK = re.compile(r"^([#+=-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
# A student's notes keep their own lists and emphasis; only HTML, links and images go.
_NOTES = re.compile(r"([\\<>\[\]])")


def _escaped_lines(text: str, pattern: re.Pattern[str], *, blocks: bool) -> str:
    lines = []
    for line in visible(text).split("\n"):
        line = pattern.sub(r"\\\1", line)
        if blocks:  # indentation would make a code block, a leading "-" a list item
            line = _NUMBERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", line.lstrip(" \t")))
        lines.append(line)
    return "\n".join(lines)


def md(text: str) -> str:
    """A pack's text (a claim, a name, a summary) as Markdown that shows it as written."""
    return _escaped_lines(text, _INLINE, blocks=True)


def md_line(text: str) -> str:
    """A pack's text on one line (a heading, a table cell, a quote): its line breaks
    and runs of spaces become single spaces."""
    return md(" ".join(text.split()))


def md_notes(text: str) -> str:
    """A student's own notes: their Markdown lists and emphasis stay, but no HTML,
    link or image is formed and no control character is carried."""
    return _escaped_lines(text, _NOTES, blocks=False)


def md_code(text: str) -> str:
    """A file name as a code span, fenced by more backticks than it holds."""
    text = " ".join(visible(text).split())
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def quote_block(words: str, attribution: str) -> list[str]:
    """A quote as a Markdown block quote: the words on one line, then who said them
    and where (`attribution`, already Markdown), then a blank line."""
    return [f"> {md_line(words)}", ">", f"> — {attribution}", ""]
