"""Editing one pack file as text: only the lines of the records an edit touches change.

The file is composed with PyYAML, whose nodes know where they start and end;
an edit splices new text into that span and leaves every other byte alone, so
the teacher's comments, order, quoting and layout survive. (A round-trip
library re-emits the whole file: measured on a teacher-style file, ruamel.yaml
changed 9 of 16 lines that no edit touched; see docs/authoring.md.)
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from tui.core.pack.yamlfile import compose


class EditRefused(Exception):
    """The edit cannot be made as text; `str()` says why, for the teacher."""


class _Dumper(yaml.SafeDumper):
    """Records as a teacher writes them: keys one a line, a list of ids as [a, b]."""

    def represent_list(self, data: Any) -> yaml.SequenceNode:
        flat = all(not isinstance(item, (dict, list)) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # a list inside a record is indented too


_Dumper.add_representer(list, _Dumper.represent_list)


def dump(data: Any, indent: int) -> str:
    """YAML for a mapping or a list of them, every line but the first indented by
    `indent` spaces (the first goes where it is spliced)."""
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88,
                     default_flow_style=False)
    lines = text.rstrip("\n").split("\n")
    return "\n".join([lines[0], *(" " * indent + line if line else line for line in lines[1:])])


class YamlText:
    """One pack file's text, composed, with edits that return the new text."""

    def __init__(self, text: str, shown: str = "the file") -> None:
        self.text = text
        self.shown = shown
        self.newline = "\r\n" if "\r\n" in text else "\n"
        root, problems = compose(text, shown)
        if problems:
            raise EditRefused(str(problems[0]))
        if root is not None and not isinstance(root, yaml.MappingNode):
            raise EditRefused(f"{shown} is not a mapping of sections")
        self.root: yaml.MappingNode | None = root

    # -- finding ---------------------------------------------------------------

    def _entry(self, name: str) -> tuple[yaml.Node, yaml.Node] | None:
        """The section's (key, value) nodes in the file, or None."""
        for key, value in self.root.value if self.root else ():
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key, value
        return None

    def section(self, name: str) -> yaml.Node | None:
        entry = self._entry(name)
        return entry[1] if entry else None

    def section_key(self, name: str) -> yaml.Node | None:
        entry = self._entry(name)
        return entry[0] if entry else None

    def records(self, name: str) -> list[yaml.MappingNode]:
        node = self.section(name)
        if not isinstance(node, yaml.SequenceNode):
            return []
        return [item for item in node.value if isinstance(item, yaml.MappingNode)]

    def ids(self, name: str) -> list[str]:
        return [i for i in (_id_of(record) for record in self.records(name)) if i]

    def record(self, section: str, record_id: str) -> yaml.MappingNode | None:
        if section == "pack":
            node = self.section("pack")
            return node if isinstance(node, yaml.MappingNode) else None
        for record in self.records(section):
            if _id_of(record) == record_id:
                return record
        return None

    # -- spans -----------------------------------------------------------------

    def _content_end(self, node: yaml.Node) -> int:
        """Where the node's own text ends: not the blank lines and comments after it."""
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style:
            last = node.value[-1] if node.value else None
            if last is not None:
                return self._content_end(last[1] if isinstance(last, tuple) else last)
        start, end = node.start_mark.index, node.end_mark.index
        return start + len(self.text[start:end].rstrip())

    def _line_end(self, index: int) -> int:
        """The index just past the end of the line holding `index` (its comment too)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _dash(self, item: yaml.Node) -> int:
        """The index of the '- ' that starts a block list's item."""
        at = item.start_mark.index - 1
        while at >= 0 and self.text[at] in " \t":
            at -= 1
        if at < 0 or self.text[at] != "-":
            raise EditRefused(f"a record in {self.shown} is not written as '- ' and its keys")
        return at

    def _splice(self, start: int, end: int, new: str) -> str:
        if self.newline != "\n":
            new = new.replace("\n", self.newline)
        return self.text[:start] + new + self.text[end:]

    def _needed(self, section: str, record_id: str) -> yaml.MappingNode:
        record = self.record(section, record_id)
        if record is None:
            raise EditRefused(f"{self.shown} holds no {section} record '{record_id}'")
        if record.flow_style:
            raise EditRefused(f"'{record_id}' in {self.shown} is written on one line in "
                              "braces; change it in a text editor")
        return record

    # -- edits (each returns the new text) --------------------------------------

    def append_record(self, section: str, values: dict[str, Any]) -> str:
        """The text with a record added at the end of a section (made if missing)."""
        node = self.section(section)
        if node is None:
            body = dump([values], 2)
            ending = "" if not self.text or self.text.endswith("\n") else "\n"
            gap = "\n" if self.text.strip() else ""
            return self._splice(len(self.text), len(self.text),
                                f"{ending}{gap}{section}:\n  {body}\n")
        if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
            raise EditRefused(f"'{section}' in {self.shown} is not a list written with '- '; "
                              "change it in a text editor")
        dash = self._dash(node.value[0])
        column = dash - self._line_start(dash)
        at = self._line_end(self._content_end(node))
        prefix = "" if self.text[at - 1:at] == "\n" else "\n"
        return self._splice(at, at, prefix + " " * column + dump([values], column) + "\n")

    def set_field(self, section: str, record_id: str, key: str, value: Any) -> str:
        """The text with one key of a record set to `value`, or removed when it is None."""
        record = self._needed(section, record_id)
        pairs = record.value
        found = next(((k, v) for k, v in pairs if getattr(k, "value", None) == key), None)
        if found is None:
            if value is None:
                return self.text
            column = pairs[0][0].start_mark.column
            at = self._line_end(self._content_end(record))
            prefix = "" if self.text[at - 1:at] == "\n" else "\n"
            return self._splice(at, at, prefix + " " * column + dump({key: value}, column) + "\n")
        key_node, value_node = found
        if value is None:
            start = self._line_start(key_node.start_mark.index)
            if self.text[start:key_node.start_mark.index].strip():
                raise EditRefused(f"'{key}' is the first key of '{record_id}' in {self.shown}")
            return self._splice(start, self._line_end(self._content_end(value_node)), "")
        if (isinstance(value, list) and isinstance(value_node, yaml.SequenceNode)
                and not value_node.flow_style and value_node.value):
            # A list written one item a line stays so: one line added or removed.
            dash = self._dash(value_node.value[0])
            start = self._line_start(dash)
            indent = self.text[start:dash]
            if all(isinstance(item, (str, int, float)) for item in value):
                items = yaml.safe_dump(value, allow_unicode=True, width=88,
                                       default_flow_style=False).rstrip("\n").split("\n")
                lines = "\n".join(indent + line for line in items)
            else:  # records (exchanges): each as a record is written
                lines = indent + dump(value, len(indent))
            return self._splice(start, self._content_end(value_node), lines)
        column = key_node.start_mark.column
        if (isinstance(value_node, yaml.ScalarNode) and value_node.style == ">"
                and isinstance(value, str) and value == " ".join(value.split())):
            # Folded text (`>-`) stays folded, wrapped as the teacher's is.
            wrapped = textwrap.wrap(value, max(88 - column - 2, 20), break_long_words=False,
                                    break_on_hyphens=False)
            body = "".join(f"\n{' ' * (column + 2)}{line}" for line in wrapped)
            return self._splice(key_node.start_mark.index, self._content_end(value_node),
                                f"{key}: >-{body}")
        return self._splice(key_node.start_mark.index, self._content_end(value_node),
                            dump({key: value}, column))

    def remove_record(self, section: str, record_id: str) -> str:
        """The text without the record; without the section too if it was its only one."""
        record = self._needed(section, record_id)
        node = self.section(section)
        assert isinstance(node, yaml.SequenceNode)
        if len(node.value) == 1:
            key = self.section_key(section)
            assert key is not None
            start = self._line_start(key.start_mark.index)
            end = self._line_end(self._content_end(record))
        else:
            start = self._line_start(self._dash(record))
            end = self._line_end(self._content_end(record))
            if record is node.value[0]:  # the gap after it would follow the section's name
                while self.text[end:end + 1] in ("\n", "\r") and end < len(self.text):
                    end = self._line_end(end)
        return self._splice(start, end, "")


def _id_of(record: yaml.MappingNode) -> str | None:
    for key, value in record.value:
        if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
            return str(value.value).strip()
    return None
