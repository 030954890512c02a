"""Turning YAML nodes into plain values, checked against the schema.

Every mistake is reported through a `Reporter` with the node it concerns, and
reading carries on, so one run of the validator lists them all.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tui.core.pack.problems import Problem, Severity, did_you_mean, nearest
from tui.core.pack.schema import DATE_PATTERN, ID_PATTERN, Field, Section
from tui.core.pack.yamlfile import PLAIN_TAGS, where

_T = "tag:yaml.org,2002:"
_STR, _MAP, _NULL, _BOOL = _T + "str", _T + "map", _T + "null", _T + "bool"
_TEXT_TAGS = frozenset(_T + t for t in ("str", "int", "float", "timestamp", "value", "merge"))
_NUMBER_TAGS = frozenset((_T + "int", _T + "float"))
# Figures are written as plain decimals; YAML 1.1 would also read 0x1F, 1:30
# (ninety) and .nan as numbers, which a teacher never means.
_DECIMAL = re.compile(r"[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?\Z")
_WORDS, _DIGIT = re.compile("[A-Za-z]{2}"), re.compile("[0-9]")
# The largest figure a pack may give: every integer up to it is exact as a
# float, so no reader of the model or of its JSON export changes or overflows it.
_LARGEST_FIGURE = 2**53
_MOST_DIGITS = 40  # written, before any conversion: int() refuses 4,300 digits


class _CalendarDate:
    """DATE_PATTERN, and a day that exists in its month (no 2021-02-29)."""

    _shape = re.compile(DATE_PATTERN)

    def match(self, text: str) -> bool:
        if self._shape.match(text) is None:
            return False
        if len(text) == 10:
            try:
                datetime.date.fromisoformat(text)
            except ValueError:
                return False
        return True


_PATTERNS: dict[str, tuple[Any, str, str]] = {
    # pattern: (its matcher, what a value that does not match is not, the fix)
    ID_PATTERN: (re.compile(ID_PATTERN), "a valid id",
                 "use letters, digits, '-', '_' or '.', starting with a letter or digit"),
    DATE_PATTERN: (_CalendarDate(), "a date",
                   "write YYYY-MM-DD, YYYY-MM or YYYY, or give approximate_date instead"),
}
_VALID_ID = _PATTERNS[ID_PATTERN][0]
_SCALAR_KINDS = frozenset(("text", "ref", "choice"))
_LIST_KINDS = frozenset(("texts", "refs"))




@dataclass
class Reporter:
    """Collects problems for one file."""

    shown: str  # the file's name as the user should see it
    problems: list[Problem] = field(default_factory=list)

    def at(self, node: yaml.Node, message: str, hint: str = "",
           severity: Severity = "error") -> None:
        line, column = where(node)
        self.problems.append(Problem(self.shown, line, column, message, hint, severity))

    def untagged(self, node: yaml.Node, what: str, at: yaml.Node | None = None) -> bool:
        """False, after saying so (at the node, or where `at` says), when the node
        carries a tag such as !!python/object."""
        if node.tag in PLAIN_TAGS:
            return True
        tag = "!!" + node.tag[len(_T):] if node.tag.startswith(_T) else node.tag
        self.at(at or node, f"{what} has the tag {tag}, and tags are not allowed in packs",
                "remove the tag: a pack holds only text, numbers and lists")
        return False


@dataclass(slots=True)
class Record:
    """One checked mapping: its values, the nodes they came from, and how to name it."""

    section: Section
    node: yaml.MappingNode
    reporter: Reporter
    values: dict[str, Any]
    nodes: dict[str, yaml.Node]
    label: str  # "argument 'x'", or "an item of 'conflicts_with' of fact 'y'"

    @property
    def id(self) -> str | None:
        return self.values.get("id")

    @property
    def checked_id(self) -> str:
        """The id of a record in a pack without errors, where every listed record has one."""
        identifier = self.id
        assert identifier is not None, f"{self.label} has no id"
        return identifier


def _kind_of(node: yaml.Node) -> str:
    """What the author wrote, in their terms: "a list", "true/false (yes)"."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "empty"
    if node.tag == _BOOL:
        return f"true/false ({node.value})"
    if node.tag in _NUMBER_TAGS:
        return f"a number ({node.value})"
    return f"text ('{node.value}')"


def read_mapping(node: yaml.Node, section: Section, reporter: Reporter,
                 what: str) -> Record | None:
    """Check a mapping against a section's fields; None if it is not a mapping."""
    if not reporter.untagged(node, what):
        return None
    if not isinstance(node, yaml.MappingNode):
        reporter.at(node, f"{what} should be a mapping of keys to values, not {_kind_of(node)}")
        return None
    record = Record(section, node, reporter, {}, {}, _label(node, section, what))
    label = record.label
    keys = section.keys
    misspelt: set[str] = set()  # fields an unknown key probably meant: not "missing" too
    for key_node, value_node in node.value:
        if key_node.tag not in _TEXT_TAGS or not isinstance(key_node, yaml.ScalarNode):
            if isinstance(key_node, yaml.ScalarNode):  # reported here, so not "missing" too
                misspelt.add(key_node.value)
            if reporter.untagged(key_node, f"a key of {label}"):
                reporter.at(key_node, f"a key of {label} should be a word, not "
                            f"{_kind_of(key_node)}")
            continue
        key = key_node.value
        spec = keys.get(key)
        if spec is None:
            meant = nearest(key, keys)
            misspelt.add(meant)
            hint = f"did you mean '{meant}'?" if meant else "expected one of: " + ", ".join(keys)
            reporter.at(key_node, f"unknown key '{key}' in {label}", hint)
            continue
        if key in record.nodes:
            line, _ = where(record.nodes[key])
            reporter.at(key_node, f"key '{key}' appears twice in {label} (also on line {line})",
                        "YAML would silently keep only the last one; remove one of them")
            continue
        record.nodes[key] = value_node
        value = read_value(value_node, spec, reporter, label)
        if value is not None:
            record.values[key] = value
    for spec in section.fields:
        if spec.required and spec.name not in record.nodes and spec.name not in misspelt:
            reporter.at(node, f"{label} has no '{spec.name}'", _how_to_give(spec))
    return record


def _label(node: yaml.MappingNode, section: Section, what: str) -> str:
    """How messages name a record: by its id when it has one, wherever the id is written."""
    if "id" in section.keys:
        for key_node, value_node in node.value:
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
                identifier = str(value_node.value).strip()
                if _VALID_ID.match(identifier):
                    return f"{section.singular} '{identifier}'"
    return what


def _how_to_give(spec: Field) -> str:
    """'add kind: direct or reported', 'add role: their role at the time ...'."""
    if spec.choices:
        return f"add {spec.name}: " + " or ".join(spec.choices)
    what = spec.description.replace("`", "").split(". ")[0].rstrip(".")
    return f"add {spec.name}: {what[0].lower()}{what[1:]}"


def read_value(node: yaml.Node, spec: Field, reporter: Reporter, label: str) -> Any:
    """The value of one field of the record `label` names, or None after reporting
    why it is unusable."""
    # Most values are plain, well-formed text or lists of it: accept those at
    # once. Anything else takes the careful path, which says what is wrong.
    if node.__class__ is yaml.ScalarNode:
        if node.tag == _STR and spec.kind in _SCALAR_KINDS:
            text = node.value.strip()
            if text and (not spec.choices or text in spec.choices) and (
                    spec.pattern is None or _PATTERNS[spec.pattern][0].match(text)):
                return text
    elif node.__class__ is yaml.SequenceNode and spec.kind in _LIST_KINDS and node.value:
        items = [(item.value.strip(), item) for item in node.value
                 if item.tag == _STR and item.__class__ is yaml.ScalarNode]
        if len(items) == len(node.value) and all(text for text, _ in items) and (
                len({text for text, _ in items}) == len(items)):
            return items
    return _careful_value(node, spec, reporter, f"'{spec.name}' of {label}")


def _careful_value(node: yaml.Node, spec: Field, reporter: Reporter, what: str) -> Any:
    kind = spec.kind
    if kind in _SCALAR_KINDS:
        text = _text(node, reporter, what)
        if text is None:
            return None
        if kind == "choice" and text not in spec.choices:
            hint = did_you_mean(text, spec.choices) or "choose " + " or ".join(spec.choices)
            reporter.at(node, f"{what} is '{text}', which is not one of: "
                        + ", ".join(spec.choices), hint)
            return None
        if spec.pattern:
            pattern, expected, hint = _PATTERNS[spec.pattern]
            if not pattern.match(text):
                reporter.at(node, f"{what} is '{text}', which is not {expected}", hint)
                return None
        return text
    if not reporter.untagged(node, what):
        return None
    if kind == "number":
        return _number(node, reporter, what)
    if not isinstance(node, yaml.SequenceNode):
        reporter.at(node, f"{what} should be a list, not {_kind_of(node)}",
                    "write it as [a, b] or as lines starting with '- '")
        return None
    if not node.value:
        reporter.at(node, f"{what} is an empty list", "remove the key or fill the list")
        return None
    if kind == "records":
        assert spec.record is not None
        records = [read_mapping(item, spec.record, reporter, f"an item of {what}")
                   for item in node.value]
        return [r for r in records if r is not None]
    items: list[tuple[str, yaml.Node]] = []
    seen: set[str] = set()
    for item in node.value:
        text = _text(item, reporter, f"an item of {what}")
        if text is None:
            continue
        if text in seen:
            reporter.at(item, f"'{text}' is listed twice in {what}")
            continue
        seen.add(text)
        items.append((text, item))
    return items


def _text(node: yaml.Node, reporter: Reporter, what: str) -> str | None:
    if not reporter.untagged(node, what):
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
        if node.tag == _NULL:
            reporter.at(node, f"{what} is empty", "give it a value or remove the key")
        else:
            hint = "put it in quotes if you mean the word" if node.tag == _BOOL else ""
            reporter.at(node, f"{what} should be text, not {_kind_of(node)}", hint)
        return None
    text: str = node.value.strip()
    if not text:
        reporter.at(node, f"{what} is empty", "give it a value or remove the key")
        return None
    return text


def _number(node: yaml.Node, reporter: Reporter, what: str) -> int | float | None:
    if isinstance(node, yaml.ScalarNode) and node.tag in _TEXT_TAGS:
        written = node.value.strip()
        if _DECIMAL.match(written):
            digits = written.replace("_", "")
            value: int | float = math.inf
            if len(digits) <= _MOST_DIGITS:
                value = float(digits) if any(c in digits for c in ".eE") else int(digits)
            if math.isfinite(value) and abs(value) <= _LARGEST_FIGURE:
                return value
            shown = written if len(written) <= 20 else written[:17] + "..."
            reporter.at(node, f"{what} is '{shown}', a number too long or too large for a "
                        "figure",
                        "a figure has at most 15 digits; give it in a larger unit (4.3 with "
                        "unit 'billion GBP')")
            return None
        hint = "write it with digits only, like 4300 or 12.5"
        if "," in written:
            hint = f"write {written.replace(',', '')}, without commas"
        elif _WORDS.search(written) and _DIGIT.search(written):
            hint = "give only the figure here; words such as 'about' go in 'qualifier'"
        elif written.endswith("%"):
            hint = f"write {written[:-1].strip()} and give '%' as the unit"
        reporter.at(node, f"{what} should be a number, not '{written}'", hint)
        return None
    if node.tag == _NULL:
        reporter.at(node, f"{what} is empty", "give it a value or remove the key")
    else:
        reporter.at(node, f"{what} should be a number, not {_kind_of(node)}")
    return None
