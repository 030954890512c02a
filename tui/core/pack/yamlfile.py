"""Reading one YAML file safely into position-carrying nodes.

Only composition is done: no tag ever constructs a Python object, aliases are
refused before anything walks the nodes, and every node keeps the line and
column an error message needs.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tui.core.pack.problems import Problem

try:  # libyaml's C parser, shipped in PyYAML's wheels, is about five times faster
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - only on builds without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"
# What YAML itself gives plain values; `=` and `<<` resolve to "value" and "merge".
PLAIN_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp",
                                          "value", "merge", "map", "seq"))
_DEFAULT_TAGS = {ScalarNode: _CORE + "str", SequenceNode: _CORE + "seq",
                 MappingNode: _CORE + "map"}
# first character (None: any) -> (tag, pattern) in the order YAML tries them
_IMPLICIT: dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(resolvers)
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}

# How deep lists and mappings may nest: a pack needs fewer than ten levels. Both
# composers recurse once per level (libyaml's in C, where 40,000 levels overflow
# an 8 MB stack and kill the process), so the limit keeps that recursion small.
# It is ours, far below libyaml's own (1,000 levels since PyYAML 6.0.4, none
# before), so the author is told the same thing at the same place whichever
# libyaml is installed.
MAX_NESTING = 100
# PyYAML's Python parser takes about six seconds a megabyte (a 50 MB one-line
# list took 297 s, then all memory): it reads whole files only below this size.
_PURE_PYTHON_LIMIT = 256_000  # characters


class _TooDeep(yaml.YAMLError):
    """Composing went deeper than MAX_NESTING; `mark` is where the list or mapping
    holding the too-deep value starts."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__(mark)
        self.mark = mark


class _Reading:
    """What both loaders change in the stock safe loader: a leaner tag resolver
    (the same tags; the stock one is the largest Python cost of composing a big
    pack) and the nesting limit."""

    _depth = 0

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        # Both composers call this on entering each node, with the node holding it.
        self._depth += 1
        if self._depth > MAX_NESTING and current_node is not None:
            raise _TooDeep(current_node.start_mark)

    def ascend_resolver(self) -> None:
        self._depth -= 1

    def resolve(self, kind: type[yaml.Node], value: str | None,
                implicit: tuple[bool, bool] | bool) -> str:
        # A scalar comes with its text and (plain, quoted) flags; a collection with None
        # and one flag. So the tuple is the scalar test, as `kind is ScalarNode` would be.
        if isinstance(implicit, tuple) and implicit[0] and value is not None:
            # a plain scalar: true, 12, 2020-01-01 ...
            for tag, regexp in _IMPLICIT.get(value[:1], ()):
                if regexp.match(value):
                    return str(tag)
        return _DEFAULT_TAGS[kind]


class _Loader(_Reading, _Base):
    """The loader packs are read with: libyaml's, when PyYAML was built with it."""


class _PureLoader(_Reading, yaml.SafeLoader):
    """PyYAML's own Python reader, which sets no nesting limit of its own."""


def _refused_as_too_deep(error: yaml.MarkedYAMLError) -> bool:
    """Whether libyaml stopped at its own nesting limit ("exceeded maximum nesting depth")."""
    return "nesting" in (error.problem or "")


def compose(text: str, shown: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node (None for an empty file), or the problems that stop it.

    Syntax errors, aliases and nesting too deep to read safely are such problems.
    """
    # Only with a '*' can there be an alias, or an anchor with a '&' that starts a
    # token ("R&D" and "A & B" are text); finding them costs a parse.
    if "*" in text or ("&" in text and _ANCHOR.search(text)):
        problems = _aliases(text, shown)
        if problems:
            return None, problems
    try:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            if not _refused_as_too_deep(error):
                raise
            # libyaml refuses 1,000 levels while reading ahead of the composer, so our
            # own limit was never reached; the Python reader reaches it, at its place.
            root = yaml.compose(text, Loader=_PureLoader)
    except yaml.YAMLError as error:
        return None, [_problem_of(error, text, shown)]
    return root, []


_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")

_SYNTAX_HINTS = (  # the mistakes a teacher writing YAML by hand makes most
    ("tab", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put text containing ': ' in quotes"),
)


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column, or an empty string."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column:start + column + 1]


def _start_hint(character: str) -> str:
    if character == "\t":
        return "indent with spaces, not tabs"
    if character in ("@", "`"):
        return f"put text starting with {character} in quotes"
    return "put the text in quotes"


def _problem_of(error: Exception, text: str, shown: str) -> Problem:
    """What a reading error means for the author, placed where it happened."""
    if isinstance(error, _TooDeep):
        return Problem(shown, error.mark.line + 1, error.mark.column + 1,
                       f"lists or mappings are nested more than {MAX_NESTING} levels deep",
                       "a pack needs only a few levels")
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = error.problem or error.context or "invalid YAML"
        context = error.context if error.problem else None
        hint = next((h for clue, h in _SYNTAX_HINTS if clue in what), "")
        if mark and "cannot start any token" in what:  # the hint depends on the character
            hint = _start_hint(_character_at(text, mark.line, mark.column))
        if context and what.startswith("but "):  # "expected X, but found Y"
            what = f"{context}, {what}"
        elif context and not hint and error.context_mark and error.context_mark is not mark:
            began = error.context_mark
            hint = f"{context} that starts at line {began.line + 1}, column {began.column + 1}"
        return Problem(shown, line, column, f"YAML syntax error: {what}", hint)
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        # the Python reader counts characters of a str ("unicode"), libyaml bytes of UTF-8
        before = (text[:error.position] if error.encoding == "unicode" else
                  text.encode("utf-8")[:error.position].decode("utf-8", "replace"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        return Problem(shown, line, column, f"YAML syntax error: {error.reason} "
                       f"(U+{error.character:04X})", "remove the character")
    return Problem(shown, 0, 0, f"YAML syntax error: {error}")


def _aliases(text: str, shown: str,
             loader: type[yaml.SafeLoader | yaml.CSafeLoader] = _Loader) -> list[Problem]:
    """Every alias (*name) in the text: packs write each value out in full.

    Refusing them before composing means no walk can ever multiply a node
    ("billion laughs"); the events carry each alias's own position.
    """
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text, Loader=loader):
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            mark = event.start_mark
            assert mark is not None  # the parser places every event it makes
            what = "an alias" if isinstance(event, yaml.AliasEvent) else "an anchor"
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            problems.append(Problem(
                shown, mark.line + 1, mark.column + 1,
                f"'{sign}{anchor}' is {what}, and anchors and aliases are not allowed "
                "in packs", "write the value out in full"))
    except yaml.YAMLError as error:
        if isinstance(error, yaml.MarkedYAMLError) and _refused_as_too_deep(error):
            # Events have no nesting limit in Python, but its parser takes seconds a
            # megabyte: a large file is left to `compose`, which says it is too deep.
            if len(text) <= _PURE_PYTHON_LIMIT:
                return _aliases(text, shown, _PureLoader)
            return problems
        if problems:  # otherwise composing reports the error on its own
            problems.append(_problem_of(error, text, shown))
    return problems


def where(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1
