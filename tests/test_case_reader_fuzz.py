"""The case reader against random and damaged bytes (issue 16): every input is a
case or a `DamagedCase` with a reason, quickly; never a traceback, never a hang."""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.work.case_data import DamagedCase, parse, to_data
from tui.core.work.case_merge import merge

VALID = json.dumps({
    "format_version": 1,
    "side": {"position": "council", "updated": 1.5},
    "case": {"order_updated": 2.0,
             "entries": [{"argument": "room", "quotes": ["q1"], "quotes_updated": 3,
                          "notes": "Open with it.", "notes_updated": 3}],
             "removed": {"old": 1.0}},
    "expected": {"order_updated": 0,
                 "entries": [{"argument": "costly", "rebuttal": "No.", "updated": 4}],
                 "removed": {}},
    "drill": {"costly": {"mark": "shaky", "attempts": 2, "practised": 5.0}},
    "drafts": {"costly": "Which studies?"},
}).encode()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=30)


def read(raw: bytes) -> None:
    try:
        case = parse(raw)
    except DamagedCase as error:
        assert str(error)  # a reason the student is shown
        return
    # What was read is saved and read back the same, and merges with itself.
    assert parse(json.dumps(to_data(case)).encode()) == case
    assert merge(case, case, case).case == case


@settings(max_examples=300, deadline=timedelta(seconds=2))
@given(st.binary(max_size=400))
def test_random_bytes_are_a_case_or_damaged(raw):
    read(raw)


@settings(max_examples=300, deadline=timedelta(seconds=2))
@given(st.data())
def test_a_valid_file_mutated_is_a_case_or_damaged(data):
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at:at + data.draw(st.integers(1, 20))]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=10))
        if not raw:
            raw = bytearray(b"{")
    read(bytes(raw))


@settings(max_examples=300, deadline=timedelta(seconds=2))
@given(st.dictionaries(st.sampled_from(["side", "case", "expected", "drill", "drafts", "pack"]),
                       json_values, max_size=6))
def test_any_json_shape_is_a_case_or_damaged(parts):
    read(json.dumps({"format_version": 1, **parts}).encode())
