"""Exports carry a pack's text (and a student's) as written, escaped for their format:
the Markdown handouts never form HTML, a link or an image from it and carry no
control character; the JSON carries every control character \\u-escaped."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui.core.export.as_json import to_json
from tui.core.export.as_markdown import to_markdown
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.work.case import Case, CaseEntry, Expected
from tui.core.work.handout import to_handout

GOOD = Path(__file__).parent / "packs" / "good"
SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
IMAGE = "![pixel](https://tracker.example/p.png)"
ESC = "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: writes the reader's clipboard
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\n"] + [
    chr(c) for c in range(0x7F, 0xA0)]


@pytest.fixture
def hostile() -> Debate:
    """The good pack with HTML, links, images, table breakers, Markdown block marks
    and control characters in the strings an export writes. (The validator refuses
    control characters in a pack's YAML; a debate built otherwise may still hold them.)"""
    debate = load_pack(GOOD).debate
    assert debate is not None
    debate.info = replace(debate.info, title=f"Title {SCRIPT}",
                          motion=f"Motion {LINK}\n# not a heading",
                          summary=f"{IMAGE}\n- not a list\n    not code {ESC}")
    argument = debate.arguments["room-saves-lives"]
    debate.arguments[argument.id] = replace(
        argument, claim=f"Saves lives {SCRIPT} {LINK} | cell",
        summary=f"{IMAGE} <img src=x onerror=alert(1)> {ESC}")
    debate.themes["health"] = replace(debate.themes["health"], name=f"<b>Health</b> {LINK}")
    debate.positions["council"] = replace(debate.positions["council"],
                                          name=f"[Council](https://evil.example) {ESC}",
                                          label="Council | <i>x</i>")
    debate.speakers["ann"] = replace(debate.speakers["ann"], name=f"Ann {IMAGE}",
                                     role="<https://autolink.example> \x9b2J")
    source = debate.sources["report"]
    debate.sources["report"] = replace(source, outlet=f"Gazette {LINK}",
                                       headline=f"Head {SCRIPT}",
                                       path=source.path.with_name("re`port <b>.txt"))
    return debate


def rendered(markdown: str) -> list[str]:
    """The kinds of what a CommonMark reader (with tables) makes of the Markdown."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = []
    for token in tokens:
        kinds.append(token.type)
        kinds += [child.type for child in token.children or ()]
    return kinds


def text_of(markdown: str) -> str:
    """The words a reader sees, with the markup rendered away."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return "".join(child.content for token in tokens for child in token.children or ()
                   if child.type in ("text", "code_inline"))


def assert_safe(markdown: str) -> None:
    kinds = rendered(markdown)
    for formed in ("html_inline", "html_block", "link_open", "image"):
        assert formed not in kinds, f"the pack's text formed {formed}"
    assert not any(control in markdown for control in CONTROLS)


def test_the_debate_handout_shows_pack_text_as_written_and_forms_no_html_or_link(hostile):
    markdown = to_markdown(hostile)
    assert_safe(markdown)
    words = text_of(markdown)
    for text in (f"Title {SCRIPT}", f"Saves lives {SCRIPT} {LINK} | cell",
                 f"{IMAGE} <img src=x onerror=alert(1)> ␛]52;c;cHduZWQ=␇",
                 f"<b>Health</b> {LINK}", "Council | <i>x</i>", f"Ann {IMAGE}",
                 "<https://autolink.example> �2J", f"Gazette {LINK}", "re`port <b>.txt",
                 "# not a heading", "- not a list"):
        assert text in words, text
    # Block marks in the pack's text stay words, not headings or lists.
    assert "# not a heading" not in [line for line in markdown.splitlines()
                                     if line.startswith("#")]
    assert "bullet_list_open" not in rendered(markdown.split("## The positions")[0])


def test_a_students_handout_escapes_the_pack_and_their_notes(hostile):
    case = Case(side="council")
    case.entries.append(CaseEntry("room-saves-lives", quotes=["save-lives"],
                                  notes=f"{SCRIPT} {LINK}\n\n- my first point\n- {ESC}"))
    case.entries.append(CaseEntry(f"gone` {SCRIPT}"))
    case.expected.append(Expected("evidence-mixed", rebuttal=f"{IMAGE} <b>no</b>"))
    markdown = to_handout(hostile, case)
    assert_safe(markdown)
    words = text_of(markdown)
    for text in (f"Saves lives {SCRIPT} {LINK} | cell", f"{SCRIPT} {LINK}", "my first point",
                 "␛]52;c;cHduZWQ=␇", f"gone` {SCRIPT}", f"{IMAGE} <b>no</b>",
                 f"Ann {IMAGE}"):
        assert text in words, text
    # The student's own list is still a list.
    assert "bullet_list_open" in rendered(markdown)


def test_the_json_export_escapes_every_control_character(hostile):
    exported = to_json(hostile)
    assert not any(control in exported for control in CONTROLS)
    assert "\\u001b]52;c;cHduZWQ=\\u0007" in exported
    assert "\\u009b2J" in exported
    data = json.loads(exported)
    assert data["speakers"][0]["role"] == "<https://autolink.example> \x9b2J"
    assert data["pack"]["summary"].endswith(ESC)
