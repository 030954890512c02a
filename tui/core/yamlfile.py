"""Reading one YAML file safely into position-carrying nodes.

Only composition is done: no tag ever constructs a Python object, and every
node keeps the line and column an error message needs.
"""

from __future__ import annotations

from pathlib import Path

import yaml

try:  # libyaml's C parser, shipped in PyYAML's wheels, is about five times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only on builds without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .problems import Problem

_CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp",
                                          "map", "seq"))


def read_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be read as UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(shown, 0, 0, f"cannot read the file: {error.strerror or error}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(shown, line, column, "the file is not UTF-8 text",
                             "save it with UTF-8 encoding")


def compose(text: str, shown: str) -> tuple[yaml.Node | None, Problem | None]:
    """The document's root node (None for an empty file), or a syntax problem."""
    try:
        return yaml.compose(text, Loader=_Loader), None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            what = f"{error.context}, {error.problem}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, Problem(shown, line, column, f"YAML syntax error: {what}")
    except yaml.YAMLError as error:
        return None, Problem(shown, 0, 0, f"YAML syntax error: {error}")


def where(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1
