"""Measure the explorer's speed and memory, side by side with their floors, in one run.

    python benchmarks/run.py [--quick] [--runs N]

See benchmarks/README.md for what each figure means. Every measurement runs in
a fresh process (peak memory is that process's own); start-ups of the
explorer and of the minimal Textual app are interleaved so that a busy
moment of the machine burdens both alike; medians are reported and every
ratio is computed from figures of this same run. The last line printed is
one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from child import HEADLESS, ROOT, run_child  # noqa: E402
from generate import generate  # noqa: E402
from generate_kialo import generate as generate_kialo  # noqa: E402
from report import print_report, targets  # noqa: E402

SIZES = (100, 1_000, 10_000)
KIALO_SIZES = (1_000, 10_000)  # claims of the generated Kialo exports
LARGE = SIZES[-1]
OUT = HERE / "out"


def pack_of(arguments: int, seed: int = 1) -> Path:
    """A generated pack, reused while the generator is unchanged."""
    folder = OUT / "packs" / f"arguments-{arguments}-seed-{seed}"
    stamp = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()
    if (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    generate(folder, arguments, seed)
    (folder / ".stamp").write_text(stamp)
    return folder


def kialo_export_of(claims: int, seed: int = 1) -> Path:
    """A generated Kialo export, reused while its generator is unchanged."""
    stamp = hashlib.sha256((HERE / "generate_kialo.py").read_bytes()).hexdigest()[:12]
    export = OUT / "kialo" / f"claims-{claims}-seed-{seed}-{stamp}.txt"
    if not export.is_file():
        for stale in export.parent.glob(f"claims-{claims}-seed-{seed}-*"):  # older generator
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        generate_kialo(export, claims, seed=seed)
    return export


def kialo_pack_of(export: Path) -> Path:
    """The pack imported from a generated export (remade when the export is)."""
    folder = export.with_suffix("")
    if not folder.is_dir():
        from tui.core.interop.kialo_import import import_kialo

        outcome = import_kialo(export, folder)
        assert outcome.status == 0, outcome.problems[:3]
    return folder


def startups(runs: int, cold_runs: int, large: Path, cache: Path,
             kialo: dict[int, Path]) -> dict:
    """Time to first frame: minimal app, bundled pack, large pack; first and second start.

    A first start finds the model cache empty (and fills it); a second start
    finds the entry the previous start wrote.
    """
    from tui.core.pack.bundled import default_pack

    plan = {  # name: (arguments, cache folder, whether the cache starts empty)
        "minimal": (("minimal",), None, False),
        "bundled_first": (("app", str(default_pack())), cache / "bundled", True),
        "bundled_second": (("app", str(default_pack())), cache / "bundled", False),
        "large_first": (("app", str(large)), cache / "large", True),
        "large_second": (("app", str(large)), cache / "large", False),
        "kialo_1000_first": (("app", str(kialo[1_000])), cache / "kialo", True),
        "kialo_1000_second": (("app", str(kialo[1_000])), cache / "kialo", False),
        "kialo_10000_first": (("app", str(kialo[10_000])), cache / "kialo-large", True),
    }
    cold = ("large_first", "kialo_10000_first")

    def start(name: str) -> tuple[float, float]:
        args, folder, empty = plan[name]
        env = dict(HEADLESS)
        if folder is not None:
            env["DEBATE_EXPLORER_CACHE_DIR"] = str(folder)
            if empty:
                shutil.rmtree(folder, ignore_errors=True)
        outcome = run_child("probe_start.py", *args, env=env)
        return outcome.result["first_frame"] - outcome.started, outcome.peak_mb

    for name in ("minimal", "bundled_second", "large_second"):  # warm the disk and bytecode
        start(name)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in plan}
    for run in range(runs):
        for name in plan:
            if name not in cold or run < cold_runs:
                samples[name].append(start(name))
    return {name: {"median_s": statistics.median(s for s, _ in values),
                   "runs_s": [round(s, 4) for s, _ in values],
                   "peak_mb": max(m for _, m in values)}
            for name, values in samples.items()}


def imports(runs: int, exports: dict[int, Path]) -> dict:
    out = {}
    for claims, export in exports.items():
        outcome = run_child("probe_import.py", str(export), str(runs))
        out[str(claims)] = {**outcome.result, "peak_mb": outcome.peak_mb}
    return out


def loads(runs: dict[int, int], packs: dict[int, Path]) -> dict:
    out = {}
    for size, pack in packs.items():
        outcome = run_child("probe_load.py", str(pack), str(runs[size]))
        out[str(size)] = {**outcome.result, "peak_mb": outcome.peak_mb}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: under a minute")
    parser.add_argument("--runs", type=int, help="runs of each start-up (default 7, quick 3)")
    args = parser.parse_args(argv)
    quick = args.quick
    runs = args.runs or (3 if quick else 7)
    began = time.monotonic()
    packs = {size: pack_of(size) for size in SIZES}
    print(f"packs: {', '.join(str(p.relative_to(ROOT)) for p in packs.values())}", flush=True)
    exports = {claims: kialo_export_of(claims) for claims in KIALO_SIZES}
    kialo = {claims: kialo_pack_of(export) for claims, export in exports.items()}

    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        figures: dict = {
            "quick": quick,
            "machine": {"python": platform.python_version(), "cpus": _cpus(),
                        "platform": platform.platform(terse=True), "textual": _textual()},
            "startup": startups(runs, 1 if quick else 3, packs[LARGE], Path(cache) / "starts",
                                kialo),
        }
        print(f"start-ups measured ({time.monotonic() - began:.0f} s)", flush=True)
        figures["load"] = loads({100: 3, 1_000: 3, LARGE: 1 if quick else 3}, packs)
        print(f"loads measured ({time.monotonic() - began:.0f} s)", flush=True)
        figures["import"] = imports(3 if quick else 5, exports)
        print(f"imports measured ({time.monotonic() - began:.0f} s)", flush=True)
        # The start-ups left the large pack's model cached: the probes' peak memory is
        # then their own (searching, pressing keys), not that of a first load.
        env = {"DEBATE_EXPLORER_CACHE_DIR": str(Path(cache) / "starts" / "large")}
        search = run_child("probe_search.py", str(packs[LARGE]), "1" if quick else "3",
                           "200" if quick else "600", env=env)
        figures["search"] = {**search.result, "peak_mb": search.peak_mb}
        print(f"search measured ({time.monotonic() - began:.0f} s)", flush=True)
        keys = run_child("probe_keys.py", str(packs[LARGE]), "12" if quick else "60", env=env)
        figures["keys"] = {**keys.result, "peak_mb": keys.peak_mb}
    figures["targets"] = targets(figures)
    figures["seconds"] = round(time.monotonic() - began, 1)
    print_report(figures)
    print(json.dumps(figures, separators=(",", ":")))
    return 0


def _cpus() -> int | None:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _textual() -> str:
    from importlib.metadata import version

    return version("textual")


if __name__ == "__main__":
    sys.exit(main())
