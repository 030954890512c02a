"""Snapshots of the speech timer at 80x24 and 120x40, on the case fixtures' pack with a
case built, on a fake clock: a British Parliamentary speech with points of information
open, and a Lincoln-Douglas speech with a team's prep time running.

A changed snapshot is reviewed, never updated blindly (see tests/test_snapshots.py).
"""

from __future__ import annotations

import pytest
from test_snapshots import SIZES, built_case

from tui.core.work.settings import Remembered
from tui.core.work.speech_format import load_formats
from tui.ui.screens.timer import TimerScreen


class FrozenClock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def timer_at(format_id: str, speech: int, keys: list[str], seconds: float):
    async def run_before(pilot) -> None:
        app = pilot.app
        clock = FrozenClock()
        remembered = Remembered(app.casebook.storage.folder.parent, lambda text: None)
        remembered.change(timer_format=format_id, timer_speech=speech)
        app.push_screen(TimerScreen(app.casebook, load_formats(None), remembered, clock))
        await pilot.pause()
        await pilot.press(*keys)
        clock.now += seconds
        await pilot.pause(0.3)  # one look at the clock, which rings and says so

    return run_before


MOMENTS = {
    "points_open": timer_at("british-parliamentary", 4, ["space"], 75),
    "prep_running": timer_at("lincoln-douglas", 1, ["P"], 50),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_timer(snap_compare, isolated_home, tmp_path, moment, size):
    assert snap_compare(built_case(tmp_path), terminal_size=size, run_before=MOMENTS[moment])


def test_timer_without_colour(snap_compare, isolated_home, tmp_path, monkeypatch):
    """With NO_COLOR the current speech and the changed words still stand out."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(built_case(tmp_path), terminal_size=(80, 24),
                        run_before=MOMENTS["points_open"])
