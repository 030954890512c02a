"""ArgumentList against an OptionList of wrapped prompts, at 10,000 arguments.

    python benchmarks/probe_argument_list.py [--rows 10000] [--runs 5] [--presses 60]

Prints three figures, each taken in fresh processes (`child.py`, so every
figure has its own peak memory):

- wrapping: building `RowLayout` (every row's wrapped height and the running
  sums) at the widths the debate screen uses; the first build also decides,
  once per row, whether its text is all one-cell characters. Median of 7.
- first frame: a Textual app whose only widget is the list, started headless
  at 100x30 (`App.run(headless=True)`); the time from `run()` to the first
  frame turned into terminal output (`App._display` hooked as in
  probe_start.py), checked to show the first claim. `minimal` is the same app
  with a `Static`, the floor. The rows (plain strings) exist before `run()`;
  building `Option`s and Rich `Text` for the OptionList happens in `compose`,
  as the debate screen does it. Runs of the variants are interleaved.
- key press to frame: under `App.run_test(size=(100, 30))`, a key posted as a
  terminal driver posts it, timed to the end of the next frame (`FrameClock`
  from probe_keys.py): Down through the list, PageDown, and End/Home in turn.
  `minimal` is the floor: the same keys change the text of its one Static.

The rows: realistic claims of 10-25 words (seeded), a meta line such as
"3 quotes · 2 rebuttals · Public health, Cost", a rule between rows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZE = (100, 30)
VARIANTS = ("minimal", "option_list", "argument_list")
THEMES = ["Public health", "Law and devolution", "Cost", "Evidence", "Community safety",
          "Housing", "Policing", "Treatment and recovery",
          "Scale of the crisis and of the response"]
PROSE = (
    "the council's plan would cut waiting times in Govan and the pilot would reduce overdose "
    "deaths across Glasgow's East End while supervised consumption rooms remain unlawful "
    "under the Misuse of Drugs Act according to the Home Office which says prevention "
    "treatment education and enforcement come first; campaigners argue that a public-health "
    "emergency demands an immediate, evidence-based response from ministers — “a necessary "
    "part, not the whole” — of tackling problem drug use, homelessness and HIV outbreaks"
)
WORDS = PROSE.split()


def sample_rows(count: int, seed: int = 1) -> list[tuple[str, str, str]]:
    """(id, claim, meta) for `count` arguments: claims of 10-25 words, one in three non-ASCII."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        claim = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 25)))
        themes = ", ".join(rng.sample(THEMES, rng.choice((1, 1, 2))))
        quotes, rebuttals = rng.randint(1, 6), rng.randint(0, 4)
        meta = (f"{quotes} quote{'s' * (quotes != 1)} · {rebuttals} "
                f"rebuttal{'s' * (rebuttals != 1)} · {themes}")
        rows.append((f"a{n:05d}", claim[0].upper() + claim[1:] + ".", meta))
    return rows


# -- the apps measured ----------------------------------------------------------------

def make_app(variant: str, rows: list[tuple[str, str, str]]):
    from rich.text import Text
    from textual.app import App
    from textual.widgets import OptionList, Static
    from textual.widgets.option_list import Option

    from tui.ui.widgets.argument_list import ArgumentList, ArgumentRow

    class ListApp(App):
        # The look of KeyList in the explorer (app.tcss), for a like-for-like OptionList.
        CSS = "OptionList { height: 1fr; border: none; padding: 0 1; scrollbar-gutter: stable; }"
        # The floor for a key press: any of the keys measured changes one Static.
        BINDINGS = [(key, "bump", "") for key in ("down", "pagedown", "end", "home")]
        presses = 0

        def action_bump(self) -> None:
            if variant == "minimal":
                self.presses += 1
                self.query_one(Static).update(f"Debate Explorer {self.presses}")

        def compose(self):
            if variant == "minimal":
                yield Static("Debate Explorer")
            elif variant == "option_list":  # as the debate screen builds it today
                options: list = []
                for row_id, claim, meta in rows:
                    prompt = Text(claim)
                    prompt.append("\n")
                    prompt.append(meta, style="dim")
                    options += [Option(prompt, id=row_id), None]
                yield OptionList(*options[:-1])
            else:
                yield ArgumentList([ArgumentRow(*row) for row in rows])

    return ListApp()


def first_frame(result_file: str, variant: str, count: int) -> None:
    """Child: seconds from `run()` to the first frame; whether it shows the first claim."""
    import textual.app

    rows = sample_rows(count)
    app = make_app(variant, rows)
    expected = "Debate Explorer" if variant == "minimal" else " ".join(rows[0][1].split()[:3])
    original = textual.app.App._display

    def _display(self, screen, renderable) -> None:
        original(self, screen, renderable)
        if renderable is None:
            return
        output = renderable.render_segments(self.console)  # what a terminal driver writes
        now = time.perf_counter()
        with open(result_file, "w", encoding="utf-8") as file:
            json.dump({"seconds": now - started, "drawn": expected in output}, file)
        os._exit(0)

    textual.app.App._display = _display
    started = time.perf_counter()
    app.run(headless=True, size=SIZE)
    sys.exit("the first frame was never drawn")


def key_presses(result_file: str, variant: str, count: int, presses: int) -> None:
    """Child: key press to frame for Down, PageDown and End/Home."""
    from probe_keys import FrameClock, _settle, _summary

    async def measure() -> dict:
        app = make_app(variant, sample_rows(count))
        results = {}
        async with app.run_test(size=SIZE) as pilot:
            clock = FrameClock(app)
            await _settle(pilot)
            for name, keys, number in (("down", ["down"], presses),
                                       ("pagedown", ["pagedown"], presses // 2),
                                       ("end_home", ["end", "home"], presses // 2)):
                times, missed = [], 0
                for n in range(number):
                    elapsed = await clock.press(keys[n % len(keys)])
                    missed += elapsed is None
                    if elapsed is not None:
                        times.append(elapsed)
                    await _settle(pilot)
                results[name] = _summary(times, missed, variant)
        return results

    with open(result_file, "w", encoding="utf-8") as file:
        json.dump(asyncio.run(measure()), file)


def wrapping(result_file: str, count: int) -> None:
    """Child: milliseconds to lay out every row at a width (first build, then a new width)."""
    from tui.core.layout.rows import ArgumentRow, RowLayout, narrowness

    rows = [ArgumentRow(*row) for row in sample_rows(count)]
    firsts, rewraps = [], {46: [], 96: [], 36: []}
    for _ in range(7):
        started = time.perf_counter()
        narrow = narrowness(rows)
        RowLayout(rows, narrow, 46)
        firsts.append(time.perf_counter() - started)
        for width, times in rewraps.items():
            started = time.perf_counter()
            RowLayout(rows, narrow, width)
            times.append(time.perf_counter() - started)
    result = {"first_46_ms": statistics.median(firsts) * 1000,
              "lines_at_46": RowLayout(rows, narrow, 46).height}
    result.update({f"rewrap_{w}_ms": statistics.median(t) * 1000 for w, t in rewraps.items()})
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump(result, file)


# -- the parent: run the children, print the figures ------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=60)
    options = parser.parse_args()
    from child import run_child

    rows = str(options.rows)
    layout = run_child("probe_argument_list.py", "wrap", rows)
    print(f"Wrapping {options.rows:,} rows (median of 7; peak {layout.peak_mb:.0f} MB)")
    print(f"  first layout at 46 columns (with the one-cell check) "
          f"{layout.result['first_46_ms']:6.1f} ms  ({layout.result['lines_at_46']:,} lines)")
    for width in (36, 46, 96):
        print(f"  new width {width:3d}                                    "
              f"{layout.result[f'rewrap_{width}_ms']:6.1f} ms")

    frames: dict[str, list] = {variant: [] for variant in VARIANTS}
    for _ in range(options.runs):
        for variant in VARIANTS:
            outcome = run_child("probe_argument_list.py", "frame", variant, rows)
            if not outcome.result["drawn"]:
                sys.exit(f"{variant}: the first frame did not show the first row")
            frames[variant].append((outcome.result["seconds"], outcome.peak_mb))
    print(f"\nFirst frame, {options.rows:,} rows at {SIZE[0]}x{SIZE[1]} "
          f"(median of {options.runs}; peak memory)")
    floor = statistics.median(s for s, _ in frames["minimal"])
    summary: dict = {"wrap": layout.result}
    for variant, runs in frames.items():
        seconds = statistics.median(s for s, _ in runs)
        peak = max(p for _, p in runs)
        summary[variant] = {"first_frame_ms": seconds * 1000, "peak_mb": peak}
        print(f"  {variant:14s} {seconds * 1000:7.0f} ms  (+{(seconds - floor) * 1000:5.0f} ms "
              f"over minimal)  {peak:4.0f} MB")

    print(f"\nKey press to next frame, {options.rows:,} rows")
    for variant in VARIANTS:
        outcome = run_child("probe_argument_list.py", "keys", variant, rows, str(options.presses))
        summary[variant]["keys"] = outcome.result
        for name, figures in outcome.result.items():
            print(f"  {variant:14s} {name:9s} {figures['presses']:3d} keys  median "
                  f"{figures['median_ms']:6.1f} ms  p95 {figures['p95_ms']:6.1f} ms  "
                  f"max {figures['max_ms']:6.1f} ms  (peak {outcome.peak_mb:.0f} MB)")
    print(json.dumps(summary))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] in ("frame", "keys", "wrap"):
        result, mode, *args = sys.argv[1:]
        if mode == "frame":
            first_frame(result, args[0], int(args[1]))
        elif mode == "keys":
            key_presses(result, args[0], int(args[1]), int(args[2]))
        else:
            wrapping(result, int(args[0]))
    else:
        main()
