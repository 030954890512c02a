"""Writing a new pack folder whole or not at all: its files go to a temporary folder
beside the target, which is renamed into place only when every file is written."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tui.core.files import sync_folder

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HEADER = "# yaml-language-server: $schema=../../docs/pack.schema.json\n"


class FolderTaken(OSError):
    """The target already holds something; an import never writes over it."""


def dump(document: dict[str, Any]) -> str:
    return HEADER + yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              default_flow_style=False, width=100)


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
