"""Child process: import a Kialo export, next to a bare read of the same file.

    python benchmarks/probe_import.py RESULT_FILE EXPORT RUNS

Each run, in turn: `read` = the file's bytes decoded and split into lines (the
floor: what any reader of the export must do); `import` = `import_kialo`, the
whole command but its check: reading the tree, making the pack, writing its
files into a new folder; `validate` = `load_pack` of the pack just written
(what `debate-explorer import` runs after it, and what opening the pack costs
without the model cache).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tui.core.interop.kialo_import import import_kialo
from tui.core.pack.loader import load_pack


def main() -> None:
    result_file, export, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    times: dict[str, list[float]] = {"read": [], "import": [], "validate": []}
    counts: dict[str, int] = {}
    for _ in range(runs):
        start = time.perf_counter()
        export.read_bytes().decode("utf-8-sig").split("\n")
        times["read"].append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as folder:
            pack = Path(folder) / "pack"
            start = time.perf_counter()
            outcome = import_kialo(export, pack)
            times["import"].append(time.perf_counter() - start)
            if outcome.status or outcome.plan is None:
                sys.exit(f"{export} does not import: {outcome.problems[:3]}")
            start = time.perf_counter()
            result = load_pack(pack)
            times["validate"].append(time.perf_counter() - start)
            if result.debate is None:
                sys.exit(f"the pack made from {export} does not load: {result.errors[:3]}")
            made = outcome.plan.counts
            counts = {"claims": made.claims, "links": made.links, "see": made.see_read,
                      "excerpts": made.excerpts, "unused_lines": len(outcome.plan.unusable)}
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump({"median_s": {k: statistics.median(v) for k, v in times.items()},
                   "runs_s": times, "bytes": export.stat().st_size, **counts}, file)


if __name__ == "__main__":
    main()
