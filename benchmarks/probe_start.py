"""Child process: start an app headless and report when its first frame is drawn.

    python benchmarks/probe_start.py RESULT_FILE minimal
    python benchmarks/probe_start.py RESULT_FILE app PACK

`minimal` is the floor: a Textual app with one Static widget. `app` is the
explorer started through its real command line. Both are started the same
way (this script, the headless driver from TEXTUAL_DRIVER) and both have the
same hook: when the screen that matters (the default screen for the minimal
app, the debate screen for the explorer) first reaches `App._display`, the
frame is turned into terminal output as a real terminal driver would (the
headless driver skips that step), the monotonic time is written to
RESULT_FILE and the process ends at once. The parent measured the time just
before it started this process, and reads this process's peak memory.
"""

from __future__ import annotations

import json
import os
import sys
import time

import textual.app
from textual.widgets import Static


def _hook_first_frame(result_file: str, screen_name: str) -> None:
    original = textual.app.App._display

    def _display(self, screen, renderable) -> None:
        original(self, screen, renderable)
        if renderable is None or type(screen).__name__ != screen_name:
            return
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(self.console)
        now = time.monotonic()
        with open(result_file, "w", encoding="utf-8") as file:
            json.dump({"first_frame": now, "screen": screen_name}, file)
        os._exit(0)

    textual.app.App._display = _display


class Minimal(textual.app.App):
    def compose(self):
        yield Static("Debate Explorer")


def main() -> None:
    result_file, what, *rest = sys.argv[1:]
    if what == "minimal":
        _hook_first_frame(result_file, "Screen")
        Minimal().run()
    else:
        _hook_first_frame(result_file, "DebateScreen")
        from tui.cli import main as explorer

        explorer(rest)
    sys.exit("the first frame was never drawn")


if __name__ == "__main__":
    main()
