"""A `Case` as plain JSON data (format version 1) and back, checking every field.

`from_data` raises `DamagedCase` for anything it cannot read with certainty, so
the caller can keep the file aside rather than half-read it and save over it.
"""

from __future__ import annotations

from typing import Any

from tui.core.work.case import MARKS, Case, CaseEntry, DrillRecord, Expected

FORMAT_VERSION = 1


class DamagedCase(ValueError):
    """The data is not a case this version can read; the message says why."""


def to_data(case: Case, pack: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "pack": pack or {},  # for a person reading the file; not read back
        "side": {"position": case.side, "updated": case.side_updated},
        "case": {
            "order_updated": case.entries_order_updated,
            "entries": [{"argument": e.argument, "quotes": list(e.quotes),
                         "quotes_updated": e.quotes_updated, "notes": e.notes,
                         "notes_updated": e.notes_updated} for e in case.entries],
            "removed": dict(case.removed_entries),
        },
        "expected": {
            "order_updated": case.expected_order_updated,
            "entries": [{"argument": x.argument, "rebuttal": x.rebuttal, "updated": x.updated}
                        for x in case.expected],
            "removed": dict(case.removed_expected),
        },
        "drill": {r.argument: {"mark": r.mark, "attempts": r.attempts, "practised": r.practised}
                  for r in case.drill.values()},
    }


def from_data(data: Any) -> Case:
    if not isinstance(data, dict):
        raise DamagedCase("the file does not hold a JSON object")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise DamagedCase(f"format version {version!r} is not one this app reads "
                          f"(it reads {FORMAT_VERSION})")
    side = _dict(data, "side")
    case_part, expected_part = _dict(data, "case"), _dict(data, "expected")
    return Case(
        side=_opt_str(side, "position"),
        side_updated=_num(side, "updated"),
        entries=[CaseEntry(_str(e, "argument"), _strs(e, "quotes"), _str(e, "notes"),
                           _num(e, "quotes_updated"), _num(e, "notes_updated"))
                 for e in _dicts(case_part, "entries")],
        entries_order_updated=_num(case_part, "order_updated"),
        removed_entries=_stamps(case_part, "removed"),
        expected=[Expected(_str(x, "argument"), _str(x, "rebuttal"), _num(x, "updated"))
                  for x in _dicts(expected_part, "entries")],
        expected_order_updated=_num(expected_part, "order_updated"),
        removed_expected=_stamps(expected_part, "removed"),
        drill={argument: _drill(argument, record)
               for argument, record in _dict(data, "drill").items()},
    )


def _drill(argument: str, record: Any) -> DrillRecord:
    if not isinstance(record, dict):
        raise DamagedCase(f"drill record for {argument!r} is not an object")
    mark = _str(record, "mark")
    if mark not in MARKS:
        raise DamagedCase(f"drill record for {argument!r} has an unknown mark {mark!r}")
    attempts = record.get("attempts")
    if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 0:
        raise DamagedCase(f"drill record for {argument!r} has a bad attempts count")
    return DrillRecord(argument, mark, attempts, _num(record, "practised"))


def _dict(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise DamagedCase(f"{key!r} is not an object")
    return value


def _dicts(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DamagedCase(f"{key!r} is not a list of objects")
    return value


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise DamagedCase(f"{key!r} is not text")
    return value


def _opt_str(data: dict[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _str(data, key)


def _strs(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DamagedCase(f"{key!r} is not a list of ids")
    return list(value)


def _num(data: dict[str, Any], key: str) -> float:
    value = data.get(key, 0.0)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise DamagedCase(f"{key!r} is not a time stamp")
    return float(value)


def _stamps(data: dict[str, Any], key: str) -> dict[str, float]:
    value = _dict(data, key)
    return {k: _num(value, k) for k in value}
