"""Starting the explorer from the command line (placeholder until the app lands)."""

from __future__ import annotations

from pathlib import Path


def run(pack: Path, args) -> int:
    print("The explorer is not built yet. Meanwhile:\n"
          f"  debate-explorer validate {pack}\n"
          f"  debate-explorer export {pack} --format markdown")
    return 0
