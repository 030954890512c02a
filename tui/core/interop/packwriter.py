"""Writing a new pack folder whole or not at all: its files go to a temporary folder
beside the target, which is renamed into place only when every file is written."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tui.core.files import sync_folder

HEADER = "# yaml-language-server: $schema=../../docs/pack.schema.json\n"
# JSON strings are YAML double-quoted scalars; these three YAML would read as line
# breaks, so they are written as escapes too.
_BREAKS = str.maketrans({"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})


class FolderTaken(OSError):
    """The target already holds something; an import never writes over it."""


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).translate(_BREAKS)


def _value(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_text(item) for item in value) + "]"
    return _text(value)


def dump(document: dict[str, Any]) -> str:
    """A pack file: sections of records whose values are text or lists of text.

    Written directly, every value double-quoted: PyYAML's own dumper represents
    objects in pure Python and took 3 s for a 10,000-claim discussion.
    """
    out = [HEADER]
    for section, value in document.items():
        out.append(f"\n{section}:\n")
        if isinstance(value, dict):
            out += [f"  {key}: {_value(item)}\n" for key, item in value.items()]
            continue
        for record in value:
            lead = "  - "
            for key, item in record.items():
                out.append(f"{lead}{key}: {_value(item)}\n")
                lead = "    "
    return "".join(out)


def write_pack(target: Path, files: dict[str, str]) -> None:
    """Write the files (path relative to the pack: text) as the new folder `target`."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FolderTaken(f"{target} already exists and is not an empty folder; an import "
                          "never writes over it (choose another name, or remove it first)")
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".importing", dir=parent))
    try:
        for name, text in files.items():
            path = scratch / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
        os.chmod(scratch, 0o755)
        os.rename(scratch, target)  # an empty target folder is replaced, a full one refused
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    sync_folder(parent)
