"""How long the debate screen takes to open, and to turn to the next position, in a
pack of many positions (40 by default, each with many arguments).

    python benchmarks/positions.py [--positions 40] [--arguments 10000] [--runs 5]

Each run is a fresh process (`probe_positions.py`) at 80x24 and at 120x40; medians
are printed, then one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from child import HEADLESS, Outcome, run_child  # noqa: E402
from generate import generate  # noqa: E402

SIZES = ((80, 24), (120, 40))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=40)
    parser.add_argument("--arguments", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args(argv)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-positions-") as folder:
        pack = generate(Path(folder) / "pack", args.arguments, 1, args.positions)
        env = {**HEADLESS, "DEBATE_EXPLORER_CACHE_DIR": str(Path(folder) / "cache")}
        def run(width: int, height: int, number: int) -> Outcome:
            # A case folder of each run's own: it starts with no side chosen, and
            # nothing is written to the user's own.
            data = {"DEBATE_EXPLORER_DATA_DIR": str(Path(folder) / f"data-{width}-{number}")}
            return run_child("probe_positions.py", str(pack), str(width), str(height),
                             str(args.presses), env={**env, **data})

        run(80, 24, -1)  # fills the model cache
        for width, height in SIZES:
            runs = [run(width, height, n) for n in range(args.runs)]
            results = [r.result for r in runs]
            figures[f"{width}x{height}"] = {
                "open_ms": statistics.median(r["open_ms"] for r in results),
                "next_position_ms": statistics.median(r["next_position_median_ms"]
                                                      for r in results),
                "next_position_p95_ms": max(r["next_position_p95_ms"] for r in results),
                "expect_all_ms": statistics.median(r["expect_all_ms"] for r in results),
                "peak_mb": max(r.peak_mb for r in runs),
            }
    print(f"Debate screen, {args.positions} positions, {args.arguments:,} arguments "
          f"(median of {args.runs} fresh processes; pack loaded from the cache, not timed)")
    for size, figure in figures.items():
        print(f"  {size:>7}  open {figure['open_ms']:7.0f} ms   next position "
              f"{figure['next_position_ms']:6.1f} ms (p95 {figure['next_position_p95_ms']:.1f})"
              f"   expect all {figure['expect_all_ms']:.0f} ms   peak {figure['peak_mb']:.0f} MB")
    print(json.dumps({"positions": args.positions, "arguments": args.arguments, **figures},
                     separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
