"""Child process: open the debate screen of a many-position pack and time its first frame.

    python benchmarks/probe_positions.py RESULT_FILE PACK WIDTH HEIGHT PRESSES

The pack is loaded first (not timed: loading is `probe_load.py`'s figure). The
explorer then runs in this process under `App.run_test` at WIDTH x HEIGHT; the
figure `open_ms` is from just before the app starts to the end of the first
frame of the debate screen (`App._display` plus `render_segments`, which the
headless driver skips). Then `tab` (the next position) is sent PRESSES times as a
terminal driver sends it, each timed to its next frame (`next_position_*`).
Last, the case: `C`, the first position chosen, then `E` (expect every argument
of the 39 other positions); `expect_all_ms` is from sending `E` until the app is
idle again with the case list redrawn (`pilot.press` and a pause).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from probe_keys import FrameClock, _settle, percentile

from tui.core.pack.cache import load_pack_cached
from tui.ui.app import ExplorerApp


async def measure(pack: Path, size: tuple[int, int], presses: int) -> dict:
    debate = load_pack_cached(pack).debate
    if debate is None:
        sys.exit(f"{pack} does not load")
    app = ExplorerApp(debate)
    clock = FrameClock(app)
    opened: list[float] = []
    original = app._display

    def first_debate_frame(screen, renderable) -> None:
        original(screen, renderable)
        if renderable is not None and not opened and type(screen).__name__ == "DebateScreen":
            opened.append(time.perf_counter())

    app._display = first_debate_frame
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        times = []
        for _ in range(presses):
            elapsed = await clock.press("tab")
            if elapsed is not None:
                times.append(elapsed)
            await _settle(pilot)
        await pilot.press("C")
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        sent = time.perf_counter()
        await pilot.press("E")
        await pilot.pause()
        expect_all = time.perf_counter() - sent
    return {
        "positions": len(debate.positions), "arguments": len(debate.arguments),
        "size": f"{size[0]}x{size[1]}",
        "open_ms": (opened[0] - started) * 1000 if opened else None,
        "next_position_median_ms": statistics.median(times) * 1000 if times else None,
        "next_position_p95_ms": percentile(times, 0.95) * 1000 if times else None,
        "expect_all_ms": expect_all * 1000,
    }


def main() -> None:
    result_file, pack, width, height, presses = sys.argv[1:]
    result = asyncio.run(measure(Path(pack), (int(width), int(height)), int(presses)))
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump(result, file)


if __name__ == "__main__":
    main()
