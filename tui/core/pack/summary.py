"""A quick look at a pack for the picker: title, motion and counts, without loading it.

Reads the YAML files as lines: the `pack:` section's title and motion, and one
`- id:` per record in each section. Good enough to choose a pack; the loader
checks everything once the student has chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_SECTION = re.compile(r"^([A-Za-z_]+):\s*$")
_FIELD = re.compile(r"^\s+(title|motion):\s*(.*)$")
_RECORD = re.compile(r"^\s*-\s+id:")
_YAML = (".yaml", ".yml")


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


def _scalar(value: str, following: list[str]) -> str:
    value = value.strip()
    if value in ("", ">", "|", ">-", "|-"):
        return " ".join(line.strip() for line in following)
    if value[0] in "'\"":
        try:
            return str(yaml.safe_load(value))
        except yaml.YAMLError:
            return value.strip("'\"")
    return value


def summarise(folder: Path) -> PackSummary:
    summary = PackSummary(folder)
    files = [folder] if folder.is_file() else sorted(
        p for p in folder.rglob("*") if p.suffix in _YAML and p.is_file())
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
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
                setattr(summary, match.group(1), _scalar(match.group(2), following))
            elif _RECORD.match(line):
                summary.counts[section] += 1
    if not summary.title:
        summary.title = folder.name
    return summary
