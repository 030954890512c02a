"""A quick look at a pack for the picker: title, motion and counts, without loading it.

Reads the pack's YAML files (found and read as the loader finds and reads
them) as lines: the `pack:` section's title and motion, and one `- id:` per
record in each section. Good enough to choose a pack; the loader checks
everything once the student has chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tui.core.controls import one_line
from tui.core.pack.packfiles import read_text, scan_pack

_SECTION = re.compile(r"^([A-Za-z_]+):\s*$")
_FIELD = re.compile(r"^\s+(title|motion):\s*(.*)$")
_RECORD = re.compile(r"^\s*-\s+id:")


@dataclass(slots=True)
class PackSummary:
    path: Path
    title: str = ""
    motion: str = ""
    counts: Counter[str] = field(default_factory=Counter)

    def counts_line(self) -> str:
        shown = ("positions", "arguments", "quotes", "sources", "speakers", "facts")
        return " · ".join(f"{self.counts[s]} {s if self.counts[s] != 1 else s[:-1]}"
                          for s in shown if self.counts[s])


_LONGEST = 2000  # characters of a title or motion worth unquoting properly


def _scalar(value: str, following: list[str]) -> str:
    value = value.strip()
    if value in ("", ">", "|", ">-", "|-"):
        return " ".join(line.strip() for line in following)[:_LONGEST]
    if value[0] in "'\"":
        if len(value) > _LONGEST:  # PyYAML's own parser is slow: only a short one
            return value[:_LONGEST].strip("'\"")
        try:
            return str(yaml.safe_load(value))
        except yaml.YAMLError:
            return value.strip("'\"")
    return value[:_LONGEST]


def summarise(folder: Path) -> PackSummary:
    summary = PackSummary(folder)
    for file in scan_pack(folder).files:
        text, _problem = read_text(file, file.name)
        if text is None:  # the loader will say why, once the pack is chosen
            continue
        lines = text.splitlines()
        section = ""
        for number, line in enumerate(lines):
            if match := _SECTION.match(line):
                section = match.group(1)
            elif section == "pack" and (match := _FIELD.match(line)):
                indent = len(line) - len(line.lstrip())
                following = []
                for later in lines[number + 1:]:
                    if later.strip() and len(later) - len(later.lstrip()) <= indent:
                        break
                    following.append(later)
                # text from the pack, shown before anything checked it: no control characters
                setattr(summary, match.group(1), one_line(_scalar(match.group(2), following)))
            elif _RECORD.match(line):
                summary.counts[section] += 1
    if not summary.title:
        summary.title = folder.name
    return summary
