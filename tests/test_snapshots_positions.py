"""Snapshots of a debate of three positions and one of twelve, at 80x24 and 120x40.

Three positions are tabs at both sizes (three columns need 150 cells); twelve are a
list of positions beside the current one. The packs are generated (tests/helpers.py,
seed 1), so the same every run. A changed snapshot is looked at before it is updated.
"""

from __future__ import annotations

import pytest
from helpers import make_app, positions_pack

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# What to press from the debate screen; each with the number of positions it needs.
MOMENTS = {
    "debate-3": (3, []),
    "long_name-3": (3, ["tab", "tab"]),  # a name and a stance of many words, cut to two lines
    "debate-12": (12, []),
    "list_chosen-12": (12, ["left", "down", "down", "down", "down", "down"]),
    "argument-12": (12, ["left", "down", "down", "right", "enter"]),
    "search_position_filter-12": (12, ["slash", *"zone", "tab", "tab", "tab", "enter"]),
    "side_picker-12": (12, ["C"]),
    "drill-12": (12, ["C", "down", "down", "enter", "D"]),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_positions(snap_compare, isolated_home, tmp_path, moment, size):
    count, press = MOMENTS[moment]
    app = make_app(positions_pack(tmp_path / "pack", count))
    assert snap_compare(app, terminal_size=size, press=press)
