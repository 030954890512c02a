"""Child process: load and validate a pack, next to a bare libyaml parse of the same files.

    python benchmarks/probe_load.py RESULT_FILE PACK RUNS

Each run, in turn: `yaml.compose` of every YAML file with libyaml's C loader
(the bare parse: the physical limit of reading the files), `yaml.load` with
the same loader (plain Python objects), then the explorer's `load_pack`
(parse, validation, quote matching, the model). All with Python's defaults,
garbage collector included. The app path is measured too: `load_pack_cached`
with an empty cache (a load plus writing the entry), then with the entry.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tui.core.pack.cache import load_pack_cached
from tui.core.pack.loader import load_pack
from tui.core.pack.packfiles import pack_files


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    result_file, pack, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    files = pack_files(pack)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def bare_compose() -> None:
        for file in files:
            yaml.compose(file.read_text(encoding="utf-8"), Loader=loader)

    def bare_load() -> None:
        for file in files:
            yaml.load(file.read_text(encoding="utf-8"), Loader=loader)

    def validate() -> None:
        result = load_pack(pack)
        if result.debate is None:
            sys.exit(f"{pack} does not load: {result.errors[:3]}")

    times: dict[str, list[float]] = {"compose": [], "yaml_load": [], "load_pack": [],
                                     "cached_miss": [], "cached_hit": []}
    for _ in range(runs):
        times["compose"].append(_timed(bare_compose))
        times["yaml_load"].append(_timed(bare_load))
        times["load_pack"].append(_timed(validate))
        with tempfile.TemporaryDirectory() as cache:
            times["cached_miss"].append(_timed(lambda: load_pack_cached(pack, Path(cache))))
            times["cached_hit"].append(_timed(lambda: load_pack_cached(pack, Path(cache))))
    median = {name: statistics.median(values) for name, values in times.items()}
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump({"median_s": median, "runs_s": times,
                   "yaml_bytes": sum(f.stat().st_size for f in files)}, file)


if __name__ == "__main__":
    main()
