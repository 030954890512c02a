"""Snapshots of the argument screen where the Glasgow articles record the other side's
reply: the recorded reply, where and who, and the words that show it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_app

from tui.core.pack.bundled import default_pack

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_replies_recorded_in_the_articles(snap_compare, isolated_home, size):
    # The first argument for the room, then r: the first of the UK side's replies, which
    # a Glasgow newspaper records (Victoria Atkins answers Alison Thewliss).
    assert snap_compare(make_app(Path(default_pack())), terminal_size=size,
                        press=["enter", "r"])
