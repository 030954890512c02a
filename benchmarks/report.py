"""The issue's targets checked against one run's figures, and the figures as a table."""

from __future__ import annotations

LARGE = "10000"


def targets(f: dict) -> dict:
    """Each target: the measured value, its limit, and whether it is met."""
    start, load, search, keys = f["startup"], f["load"], f["search"], f["keys"]
    minimal = start["minimal"]["median_s"]

    def check(value: float | None, limit: float) -> dict:
        return {"value": None if value is None else round(value, 3), "limit": limit,
                "met": value is not None and value <= limit}

    out = {
        "bundled_start_vs_minimal": check(start["bundled_first"]["median_s"] / minimal, 1.3),
        "bundled_second_start_vs_minimal": check(
            start["bundled_second"]["median_s"] / minimal, 1.3),
        "large_load_vs_bare_parse": check(
            load[LARGE]["median_s"]["load_pack"] / load[LARGE]["median_s"]["compose"], 1.5),
        "large_second_start_vs_minimal": check(start["large_second"]["median_s"] / minimal, 1.5),
        "search_median_ms": check(search["median_ms"], 10),
        "search_p95_ms": check(search["p95_ms"], 20),
    }
    for screen in ("debate", "argument", "source", "map", "exchanges"):
        out[f"key_to_frame_p95_ms_{screen}"] = check(keys[screen]["p95_ms"], 16)
    peaks = [start["large_first"]["peak_mb"], start["large_second"]["peak_mb"],
             search["peak_mb"], keys["peak_mb"]]
    out["large_peak_memory_mb"] = check(max(peaks), 300)
    out["kialo_1000_import_s"] = check(f["import"]["1000"]["median_s"]["import"], 1.0)
    # An imported pack opens within the explorer's start-up targets (those of a pack
    # of its size: the bundled pack's 1.3x, the large pack's 1.5x when cached).
    out["kialo_1000_start_vs_minimal"] = check(start["kialo_1000_first"]["median_s"] / minimal,
                                               1.3)
    out["kialo_1000_second_start_vs_minimal"] = check(
        start["kialo_1000_second"]["median_s"] / minimal, 1.3)
    return out


def print_report(f: dict) -> None:
    start, load, search, keys = f["startup"], f["load"], f["search"], f["keys"]
    minimal = start["minimal"]["median_s"]
    print(f"\nStart-up to first frame (median of {len(start['minimal']['runs_s'])}; "
          "ratio to the minimal Textual app; peak memory)")
    for name, row in start.items():
        print(f"  {name:16s} {row['median_s'] * 1000:8.0f} ms  {row['median_s'] / minimal:5.2f}x"
              f"  {row['peak_mb']:6.0f} MB")
    print("\nLoad and validation (median; ratio to the bare libyaml parse)")
    print(f"  {'arguments':>9s} {'YAML MB':>8s} {'compose':>9s} {'yaml.load':>9s} "
          f"{'load_pack':>9s} {'ratio':>6s} {'cache miss':>10s} {'cache hit':>9s}")
    for size, row in load.items():
        m = row["median_s"]
        print(f"  {int(size):9,d} {row['yaml_bytes'] / 1e6:8.2f} {m['compose']:8.3f}s "
              f"{m['yaml_load']:8.3f}s {m['load_pack']:8.3f}s "
              f"{m['load_pack'] / m['compose']:5.2f}x {m['cached_miss']:9.3f}s "
              f"{m['cached_hit']:8.3f}s")
    print("\nKialo import (median; the floor is a bare read of the export)")
    print(f"  {'claims':>7s} {'KB':>6s} {'read':>8s} {'import':>8s} {'validate':>9s} "
          f"{'-> See':>6s} {'excerpts':>8s} {'unused':>6s} {'peak':>6s}")
    for claims, row in f["import"].items():
        m = row["median_s"]
        print(f"  {int(claims):7,d} {row['bytes'] / 1e3:6.0f} {m['read']:7.3f}s "
              f"{m['import']:7.3f}s {m['validate']:8.3f}s {row['see']:6d} {row['excerpts']:8d} "
              f"{row['unused_lines']:6d} {row['peak_mb']:4.0f} MB")
    print(f"\nSearch over {LARGE} arguments: {search['queries']} queries, index built in "
          f"{search['index_build_s']:.2f} s; median {search['median_ms']:.1f} ms, "
          f"p95 {search['p95_ms']:.1f} ms; typo queries finding the intended best hit: "
          f"{search['typo_found_share']:.0%}; peak {search['peak_mb']:.0f} MB")
    for kind, row in search["by_kind"].items():
        print(f"  {kind:10s} {row['count']:4d} queries  median {row['median_ms']:6.1f} ms  "
              f"p95 {row['p95_ms']:6.1f} ms")
    print(f"\nKey press to next frame, {LARGE} arguments (peak {keys['peak_mb']:.0f} MB)")
    for screen in ("debate", "argument", "source", "map", "exchanges", "map_opening",
                   "search"):
        if screen not in keys:
            continue
        row = keys[screen]
        extra = (f"  (first key: {row['first_key_ms']:.0f} ms)"
                 if row.get("first_key_ms") else "")
        no_frame = f"  no frame: {row['no_frame']:d}" if row["no_frame"] else ""
        print(f"  {screen:9s} {row['presses']:3d} keys  median {row['median_ms']:6.1f} ms  "
              f"p95 {row['p95_ms']:6.1f} ms  max {row['max_ms']:6.1f} ms"
              f"  (CPU p95 {row.get('cpu_p95_ms') or 0:5.1f} ms){no_frame}{extra}")
    print("\nTargets")
    for name, row in f["targets"].items():
        print(f"  {'met   ' if row['met'] else 'MISSED'} {name:34s} {row['value']} "
              f"(at most {row['limit']})")
    print(f"\n({f['seconds']} s)")
