"""Snapshots of the map of the exchanges at 80x24 and 120x40: one argument's tree (a level
unfolded, the cycle's repeat marked) and the whole debate, with a case to mark.

A changed snapshot is reviewed (open the report pytest writes), never updated blindly.
"""

from __future__ import annotations

import pytest
from helpers import answered_case_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

VIEWS = {
    # The council's first argument: its map, the ministry's answer unfolded (the repeat).
    "argument": ["enter", "m", "right", "down"],
    "debate": ["m"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_map(snap_compare, isolated_home, tmp_path, view, size):
    assert snap_compare(answered_case_app(tmp_path), terminal_size=size, press=VIEWS[view])


def test_map_without_colour(snap_compare, isolated_home, tmp_path, monkeypatch):
    """With NO_COLOR the tree's cursor still stands out, and the marks are words."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(answered_case_app(tmp_path), terminal_size=(80, 24),
                        press=VIEWS["argument"])
