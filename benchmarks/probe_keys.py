"""Child process: time from a key press to the next drawn frame, screen by screen.

    python benchmarks/probe_keys.py RESULT_FILE PACK PRESSES

The explorer runs in this process under `App.run_test` (the headless driver,
a 120x40 terminal). A key is sent exactly as a terminal driver sends one
(`driver.send_message(events.Key(...))`), without `pilot.press`, which waits
for idle and costs ~60 ms. The frame is the next call of `App._display`, to
which the hook adds what the headless driver skips: turning the update into
terminal output (`render_segments`). The time from sending to the end of that
is one press. Between presses the app is left to go idle, as between a
person's key presses. Keys: on the debate screen Down through the first
position's list (it scrolls); on the argument screen (the most answered
argument) Down and Up in turn; on the source screen (the first source) `n`
and `N` in turn (next and previous passage); on the map of the most answered
argument Right (unfold a level) and Down (into it) in turn, deeper each time; on
the whole debate's map Down; `m` from the debate screen to the whole debate's
map's first frame (`map_opening`, not a target: the first builds every row,
the next show the kept screen); on the search screen the
letters of words from claims (each followed by a space, then erased with
Backspace), one result list per key, the very first key reported apart.
The presses start once the search index (built in a thread after start-up)
is ready.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import sys
import time
from pathlib import Path

from textual import events

from tui.core.pack.cache import load_pack_cached
from tui.ui.app import ExplorerApp

SIZE = (120, 40)
FRAME_TIMEOUT = 2.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class FrameClock:
    """Wraps `app._display`: records when each frame is complete."""

    def __init__(self, app) -> None:
        self.app = app
        self.drawn = asyncio.Event()
        self.at = 0.0
        self.cpu_at = 0.0
        # The process's CPU seconds per press: on a busy machine other processes'
        # work inflates the wall-clock figures, not this one.
        self.cpus: list[float] = []
        original = app._display

        def _display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is None or screen is not app.screen:
                return
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            self.at = time.perf_counter()
            self.cpu_at = time.process_time()
            self.drawn.set()

        app._display = _display

    async def press(self, key: str, screen_kind: str = "") -> float | None:
        """Seconds from sending the key to the next frame (of a screen of `screen_kind`,
        when given: the key opens it); None if none came."""
        self.drawn.clear()
        # What a terminal sends: the printable character too, or none for other keys.
        character = {"space": " "}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, character)
        event.set_sender(self.app)
        sent = time.perf_counter()
        cpu_sent = time.process_time()
        self.app._driver.send_message(event)
        try:
            await asyncio.wait_for(self.drawn.wait(), FRAME_TIMEOUT)
            while screen_kind and getattr(self.app.screen, "KIND", "") != screen_kind:
                self.drawn.clear()
                await asyncio.wait_for(self.drawn.wait(), FRAME_TIMEOUT)
        except TimeoutError:
            return None
        self.cpus.append(self.cpu_at - cpu_sent)
        return self.at - sent


async def _settle(pilot) -> None:
    await pilot.pause()
    await asyncio.sleep(0.05)  # let follow-up refreshes (cursor restore, scroll) finish
    await pilot.pause()


async def measure(pack: Path, presses: int) -> dict:
    debate = load_pack_cached(pack).debate
    if debate is None:
        sys.exit(f"{pack} does not load")
    answered = max(debate.arguments, key=lambda a: len(debate.rebutted_by(a)))
    plan = [
        ("debate", "", ["down"]),
        ("argument", answered, ["down", "up"]),
        ("source", next(iter(debate.sources)), ["n", "N"]),
        # The map of the most answered argument: unfold a level, step into it, again.
        ("map", answered, ["right", "down"]),
        ("exchanges", "", ["down"]),  # the whole debate's map: every argument
    ]
    # As the launcher (tui/ui/launch.py) runs it: what start-up made is frozen, and
    # so is the search index once it is built.
    gc.freeze()
    app = ExplorerApp(debate)
    app.freeze_what_lasts = True
    results: dict[str, dict] = {}
    async with app.run_test(size=SIZE) as pilot:
        clock = FrameClock(app)
        await _settle(pilot)
        # The app builds its search index in a thread after the first frame; let it
        # finish, so that it does not share the interpreter with the presses timed.
        getattr(app, "search_index", None)
        await _settle(pilot)
        for kind, record_id, keys in plan:
            if kind != "debate":
                app.open_view(kind, record_id)
            await _settle(pilot)
            times, missed = [], 0
            clock.cpus.clear()
            for n in range(presses):
                elapsed = await clock.press(keys[n % len(keys)])
                if elapsed is None:
                    missed += 1
                else:
                    times.append(elapsed)
                await _settle(pilot)
            results[kind] = _summary(times, missed, getattr(app.screen, "KIND", ""), clock.cpus)
        results["map_opening"] = await _opening_the_map(app, pilot, clock, presses)
        results["search"] = await _typing(app, pilot, clock, debate, presses)
    return results


async def _opening_the_map(app, pilot, clock: FrameClock, presses: int) -> dict:
    """`m` on the debate screen to the first frame of the whole debate's map (built
    afresh each time: every argument's row), then back; a tenth as many presses."""
    times, missed = [], 0
    clock.cpus.clear()
    for _ in range(max(presses // 10, 3)):
        app.open_view("debate")
        await _settle(pilot)
        elapsed = await clock.press("m", screen_kind="exchanges")
        missed += elapsed is None
        if elapsed is not None:
            times.append(elapsed)
        await _settle(pilot)
    return _summary(times, missed, "exchanges", clock.cpus)


async def _typing(app, pilot, clock: FrameClock, debate, presses: int) -> dict:
    app.action_search()
    await _settle(pilot)
    words = [w.strip(".,").lower() for a in list(debate.arguments.values())[:50]
             for w in a.claim.split() if len(w) > 4]
    # The first letter is timed apart: it may pay for work done once per screen.
    first = await clock.press(words[0][0])
    await _settle(pilot)
    times, missed = [], 0
    clock.cpus.clear()
    letters = iter(letter for word in words for letter in word[1:] + " " + "\b" * len(word))
    while len(times) + missed < presses:
        letter = next(letters)
        key = {" ": "space", "\b": "backspace"}.get(letter, letter)
        elapsed = await clock.press(key)
        missed += elapsed is None
        if elapsed is not None:
            times.append(elapsed)
        await _settle(pilot)
    summary = _summary(times, missed, type(app.screen).__name__, clock.cpus)
    summary["first_key_ms"] = first * 1000 if first is not None else None
    return summary


def _summary(times: list[float], missed: int, screen: str, cpus: list[float]) -> dict:
    return {
        "cpu_median_ms": statistics.median(cpus) * 1000 if cpus else None,
        "cpu_p95_ms": percentile(cpus, 0.95) * 1000 if cpus else None,
        "screen": screen,
        "presses": len(times) + missed,
        "no_frame": missed,
        "median_ms": statistics.median(times) * 1000 if times else None,
        "p95_ms": percentile(times, 0.95) * 1000 if times else None,
        "max_ms": max(times) * 1000 if times else None,
    }


def main() -> None:
    result_file, pack, presses = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    results = asyncio.run(measure(pack, presses))
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump(results, file)


if __name__ == "__main__":
    main()
