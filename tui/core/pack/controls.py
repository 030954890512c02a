"""Control characters in a pack's text: refused where they are written.

YAML's reader refuses raw control characters, but a double-quoted string can
still make any of them with an escape (`"\\e[2J"`, `"\\x9b"`, `"\\u0007"`), and
such a value would clear the screen or rename the terminal wherever it is
printed. Every scalar of a file (keys and section names too) passes here once,
right after composing, so no field can forget the check. Newlines and tabs are
text; everything else in Unicode's "Cc" category is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from tui.core.controls import escaped
from tui.core.pack.problems import Problem

_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# The escapes of a double-quoted YAML scalar, and the character each makes.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SINGLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
           "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028",
           "P": "\u2029"}


def control_characters(root: yaml.Node, text: str, shown: str) -> list[Problem]:
    """One problem for each scalar holding a control character, at the escape that made it."""
    if "\\" not in text:  # only an escape can make one: nearly every pack stops here
        return []
    problems = []
    line_starts: list[int] | None = None
    for node in _scalars(root):
        found = _REFUSED.search(node.value)
        if found is None:
            continue
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        character = found.group()
        line, column = _escape_of(character, node, text, line_starts)
        problems.append(Problem(
            shown, line, column, f"the text holds the control character {escaped(character)}",
            "remove it; in double quotes, escapes such as \\e and \\x1b make control "
            "characters"))
    return problems


def _scalars(root: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every scalar under the node, without recursion (a file may nest deeply)."""
    pending: list[yaml.Node] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.append(key)
                pending.append(value)


def _escape_of(character: str, node: yaml.Node, text: str,
               line_starts: list[int]) -> tuple[int, int]:
    """1-based line and column of the escape that made `character`, else of the node."""
    start, end = node.start_mark, node.end_mark
    where = (start.line + 1, start.column + 1)
    if start.line >= len(line_starts) or end.line >= len(line_starts):
        return where
    first = line_starts[start.line] + start.column
    last = line_starts[end.line] + end.column
    for match in _ESCAPE.finditer(text, first, last):
        code = match.group(1)
        made = _SINGLE.get(code) if len(code) == 1 else chr(min(int(code[1:], 16), 0x10FFFF))
        if made == character:
            offset = match.start()
            line = text.count("\n", 0, offset)
            return line + 1, offset - line_starts[line] + 1
    return where
