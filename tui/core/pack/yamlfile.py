"""Reading one YAML file safely into position-carrying nodes.

Only composition is done: no tag ever constructs a Python object, aliases are
refused before anything walks the nodes, and every node keeps the line and
column an error message needs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

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

# libyaml's composer recurses in C, once per level of nesting, and a file of
# 40,000 '[' overflows an 8 MB stack: the process dies with no message. So it
# runs in a thread whose stack fits the deepest nesting the file could hold
# (measured: about 350 bytes a level; this allows three times that). A file
# that could need more goes to the pure-Python composer, which raises
# RecursionError instead; but only a small file: that composer takes about six
# seconds a megabyte (a 50 MB one-line list took 297 s, then all memory).
_STACK_PER_LEVEL = 1024
_MIN_STACK = 4 << 20
_MAX_STACK = 256 << 20
_PURE_PYTHON_LIMIT = 256_000  # characters


class _Loader(_Base):
    """The safe loader with a leaner tag resolver (the same tags; the stock one
    is the largest Python cost of composing a big pack)."""

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass  # no path resolvers

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: str | None,
                implicit: tuple[bool, bool] | bool) -> str:
        # A scalar comes with its text and (plain, quoted) flags; a collection with None
        # and one flag. So the tuple is the scalar test, as `kind is ScalarNode` would be.
        if isinstance(implicit, tuple) and implicit[0] and value is not None:
            # a plain scalar: true, 12, 2020-01-01 ...
            for tag, regexp in _IMPLICIT.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return _DEFAULT_TAGS[kind]



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
        return _compose_safely(text), []
    except (yaml.YAMLError, RecursionError) as error:
        return None, [_problem_of(error, text, shown)]


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
    if isinstance(error, RecursionError):
        return Problem(shown, 0, 0, "lists or mappings are nested too deeply to read",
                       "a pack needs no more than four levels")
    return Problem(shown, 0, 0, f"YAML syntax error: {error}")


def _aliases(text: str, shown: str) -> list[Problem]:
    """Every alias (*name) in the text: packs write each value out in full.

    Refusing them before composing means no walk can ever multiply a node
    ("billion laughs"); the events carry each alias's own position.
    """
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
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
        if problems:  # otherwise composing reports the error on its own
            problems.append(_problem_of(error, text, shown))
    return problems


def _deepest_possible(text: str) -> int:
    """An upper bound on the file's nesting: each level needs a '[' or '{', or two
    more columns on a line (block lists and mappings are indented, or '- - x')."""
    lines = text.split("\n")
    brackets = text.count("[") + text.count("{")
    longest = max(map(len, lines), default=0)
    if _STACK_PER_LEVEL * (brackets + 2 * longest + 2) <= _MAX_STACK:
        return brackets + 2 * longest + 2
    # A long line (a one-line list) nests only by its indent and its block
    # indicators ("- - x"): count those, not its length.
    deepest_line = max((len(line) - len(line.lstrip(" ")) + 2 * len(_INDICATOR.findall(line))
                        for line in lines), default=0)
    return brackets + 2 * deepest_line + 2


_INDICATOR = re.compile(r"[-?:](?=[ \t]|$)")


def _compose_safely(text: str) -> yaml.Node | None:
    stack = max(_MIN_STACK, _STACK_PER_LEVEL * _deepest_possible(text))
    stack = -(-stack // _MiB) * _MiB  # whole MiB, a multiple of any page size
    composed: list[yaml.Node | None] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            composed.append(yaml.compose(text, Loader=_Loader))
        except BaseException as error:  # handed back to the caller's thread
            failed.append(error)

    worker = _started_with_stack(run, stack) if stack <= _MAX_STACK else None
    if worker is None:  # slower, but too deep a nesting raises RecursionError
        if len(text) > _PURE_PYTHON_LIMIT:
            raise RecursionError("too large to read with the Python composer")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    worker.join()
    if failed:
        raise failed[0]
    return composed[0]


def _started_with_stack(run: Callable[[], None], size: int) -> threading.Thread | None:
    """A thread running `run` on a stack of `size` bytes, or None if the platform refuses."""
    with _STACK_LOCK:  # threading.stack_size is process-wide
        try:
            previous = threading.stack_size(size)
        except (ValueError, RuntimeError):
            return None
        try:
            worker = threading.Thread(target=run, name="compose-yaml")
            worker.start()
            return worker
        except RuntimeError:  # no memory for it
            return None
        finally:
            threading.stack_size(previous)


_MiB = 1 << 20
_STACK_LOCK = threading.Lock()


def where(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1
