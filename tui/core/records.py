"""Turning YAML nodes into plain values, checked against the schema.

Every mistake is reported through a `Reporter` with the node it concerns, and
reading carries on, so one run of the validator lists them all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, Severity
from .schema import Field, Section
from .yamlfile import PLAIN_TAGS, where

_T = "tag:yaml.org,2002:"
_TEXT_TAGS = frozenset(_T + t for t in ("str", "int", "float", "timestamp"))
_NUMBER_TAGS = frozenset((_T + "int", _T + "float"))
_PATTERN_MESSAGES = {
    "id": "is not a valid id: use letters, digits, '-', '_' or '.', starting with a letter or digit",
    "date": "is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (or use approximate_date)",
}
_COMPILED: dict[str, re.Pattern[str]] = {}


def nearest(word: str, choices: Any) -> str:
    """A 'did you mean' hint, or an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""


@dataclass
class Reporter:
    """Collects problems for one file."""

    shown: str  # the file's name as the user should see it
    problems: list[Problem] = field(default_factory=list)
    _seen: set[int] = field(default_factory=set)

    def at(self, node: yaml.Node, message: str, hint: str = "",
           severity: Severity = "error") -> None:
        line, column = where(node)
        self.problems.append(Problem(self.shown, line, column, message, hint, severity))

    def first_visit(self, node: yaml.Node) -> bool:
        """False when an alias brings a node back: walking it again could explode."""
        if id(node) in self._seen:
            self.at(node, "anchors and aliases (&name, *name) are not supported in packs",
                    "write the value out in full")
            return False
        self._seen.add(id(node))
        return True


@dataclass(slots=True)
class Record:
    """One checked mapping: its values and the nodes they came from."""

    section: Section
    node: yaml.MappingNode
    reporter: Reporter
    values: dict[str, Any]
    nodes: dict[str, yaml.Node]

    @property
    def id(self) -> str | None:
        return self.values.get("id")

    def name(self) -> str:
        what = self.section.singular or self.section.name
        return f"{what} '{self.id}'" if self.id else f"this {what}"


def _kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _T + "null":
        return "empty"
    if node.tag == _T + "bool":
        return f"true/false ({node.value})"
    if node.tag in _NUMBER_TAGS:
        return f"a number ({node.value})"
    return f"text ('{node.value}')"


def read_mapping(node: yaml.Node, section: Section, reporter: Reporter,
                 what: str) -> Record | None:
    """Check a mapping against a section's fields; None if it is not a mapping."""
    if not isinstance(node, yaml.MappingNode):
        reporter.at(node, f"{what} should be a mapping of keys to values, not {_kind_of(node)}")
        return None
    if not reporter.first_visit(node):
        return None
    record = Record(section, node, reporter, {}, {})
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _TEXT_TAGS:
            reporter.at(key_node, f"a key of {what} should be a word, not {_kind_of(key_node)}")
            continue
        key = key_node.value
        spec = section.keys.get(key)
        if spec is None:
            hint = nearest(key, section.keys) or "expected one of: " + ", ".join(section.keys)
            reporter.at(key_node, f"unknown key '{key}' in {what}", hint)
            continue
        if key in record.nodes:
            line, _ = where(record.nodes[key])
            reporter.at(key_node, f"key '{key}' appears twice in {what} (also on line {line})",
                        "YAML would silently keep only the last one; remove one of them")
            continue
        record.nodes[key] = value_node
        value = read_value(value_node, spec, reporter, f"'{key}'")
        if value is not None:
            record.values[key] = value
    for spec in section.fields:
        if spec.required and spec.name not in record.nodes:
            reporter.at(node, f"{record.name() if record.id else what} has no '{spec.name}'",
                        spec.description)
    return record


def read_value(node: yaml.Node, spec: Field, reporter: Reporter, what: str) -> Any:
    """The value of one field, or None after reporting why it is unusable."""
    if node.tag not in PLAIN_TAGS:
        reporter.at(node, f"{what} has the tag {node.tag}, and tags are not allowed in packs")
        return None
    kind = spec.kind
    if kind in ("text", "ref", "choice"):
        text = _text(node, reporter, what)
        if text is None:
            return None
        if kind == "choice" and text not in spec.choices:
            hint = nearest(text, spec.choices) or "choose " + " or ".join(spec.choices)
            reporter.at(node, f"{what} is '{text}', which is not one of: "
                        + ", ".join(spec.choices), hint)
            return None
        if spec.pattern and not _matches(spec.pattern, text):
            label = "id" if spec.name == "id" else "date"
            reporter.at(node, f"{what} '{text}' {_PATTERN_MESSAGES[label]}")
            return None
        return text
    if kind == "number":
        if isinstance(node, yaml.ScalarNode) and node.tag in _NUMBER_TAGS:
            return _number(node.value)
        hint = "write 4300, not 4,300" if "," in str(node.value) else ""
        reporter.at(node, f"{what} should be a number, not {_kind_of(node)}", hint)
        return None
    if not isinstance(node, yaml.SequenceNode):
        reporter.at(node, f"{what} should be a list, not {_kind_of(node)}",
                    "write it as [a, b] or as lines starting with '- '")
        return None
    if not node.value:
        reporter.at(node, f"{what} is an empty list", "remove the key or fill the list")
        return None
    if not reporter.first_visit(node):
        return None
    if kind == "records":
        assert spec.record is not None
        records = [read_mapping(item, spec.record, reporter, f"an item of {what}")
                   for item in node.value]
        return [r for r in records if r is not None]
    items: list[tuple[str, yaml.Node]] = []
    for item in node.value:
        text = _text(item, reporter, f"an item of {what}")
        if text is None:
            continue
        if any(text == seen for seen, _ in items):
            reporter.at(item, f"'{text}' is listed twice in {what}")
            continue
        items.append((text, item))
    return items


def _text(node: yaml.Node, reporter: Reporter, what: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
        if isinstance(node, yaml.ScalarNode) and node.tag == _T + "null":
            reporter.at(node, f"{what} is empty", "give it a value or remove the key")
        else:
            hint = "put it in quotes if you mean the word" if node.tag == _T + "bool" else ""
            reporter.at(node, f"{what} should be text, not {_kind_of(node)}", hint)
        return None
    text = node.value.strip()
    if not text:
        reporter.at(node, f"{what} is empty", "give it a value or remove the key")
        return None
    return text


def _matches(pattern: str, text: str) -> bool:
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern)
    return compiled.match(text) is not None


def _number(text: str) -> int | float:
    cleaned = text.replace("_", "")
    try:
        return int(cleaned, 0)
    except ValueError:
        return float(cleaned)
