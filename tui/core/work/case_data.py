"""A `Case` as plain JSON data (format version 1) and back, checking every field.

`from_data` raises `DamagedCase` for anything it cannot read with certainty, so
the caller can keep the file aside rather than half-read it and save over it.
"""

from __future__ import annotations

import json
import math
from typing import Any

from tui.core.work.case import MARKS, ArgumentList, Case, CaseEntry, DrillRecord, Expected, Item

FORMAT_VERSION = 1
MOST_ATTEMPTS = 10**9  # more is a damaged file, not practice


class DamagedCase(ValueError):
    """The data is not a case this version can read; the message says why."""


def to_data(case: Case, pack: dict[str, str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "pack": pack or {},  # for a person reading the file; not read back
        "side": {"position": case.side, "updated": case.side_updated},
        "case": {
            "order_updated": case.entries.order_updated,
            "entries": [{"argument": e.argument, "quotes": list(e.quotes),
                         "quotes_updated": e.quotes_updated, "notes": e.notes,
                         "notes_updated": e.notes_updated} for e in case.entries],
            "removed": dict(case.entries.removed),
        },
        "expected": {
            "order_updated": case.expected.order_updated,
            "entries": [{"argument": x.argument, "rebuttal": x.rebuttal, "updated": x.updated}
                        for x in case.expected],
            "removed": dict(case.expected.removed),
        },
        "drill": {r.argument: {"mark": r.mark, "attempts": r.attempts, "practised": r.practised}
                  for r in case.drill.values()},
    }
    if case.drafts:  # only then: a case without drafts is written as it always was
        data["drafts"] = dict(case.drafts)
    return data


def parse(raw: bytes) -> Case:
    """A case from the bytes of its file; DamagedCase for anything else, however odd
    (not UTF-8, not JSON, nested too deeply, numbers too long, a key given twice)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DamagedCase("it is not UTF-8 text") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as error:
        raise DamagedCase(f"it is not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise DamagedCase("it is nested too deeply to be a case") from None
    except ValueError as error:  # a number of thousands of digits, or a key given twice
        raise DamagedCase(str(error) if isinstance(error, DamagedCase)
                          else "it holds a number too long to read") from None
    return from_data(data)


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise DamagedCase(f"{key!r} is given twice in one object")
        data[key] = value
    return data


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
        entries=ArgumentList(
            _unique([CaseEntry(_str(e, "argument"), _strs(e, "quotes"), _str(e, "notes"),
                               _num(e, "quotes_updated"), _num(e, "notes_updated"))
                     for e in _dicts(case_part, "entries")], "case"),
            _num(case_part, "order_updated"), _stamps(case_part, "removed")),
        expected=ArgumentList(
            _unique([Expected(_str(x, "argument"), _str(x, "rebuttal"), _num(x, "updated"))
                     for x in _dicts(expected_part, "entries")], "expected"),
            _num(expected_part, "order_updated"), _stamps(expected_part, "removed")),
        drill={argument: _drill(argument, record)
               for argument, record in _dict(data, "drill").items()},
        drafts={argument: _str(_dict(data, "drafts"), argument)
                for argument in _dict(data, "drafts")},
    )


def _drill(argument: str, record: Any) -> DrillRecord:
    if not isinstance(record, dict):
        raise DamagedCase(f"drill record for {argument!r} is not an object")
    mark = _str(record, "mark")
    if mark not in MARKS:
        raise DamagedCase(f"drill record for {argument!r} has an unknown mark {mark!r}")
    attempts = record.get("attempts")
    if (not isinstance(attempts, int) or isinstance(attempts, bool)
            or not 0 <= attempts < MOST_ATTEMPTS):
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
    try:
        stamp = float(value)
    except OverflowError:  # an integer of hundreds of digits
        raise DamagedCase(f"{key!r} is not a time stamp (too large)") from None
    if not math.isfinite(stamp):
        raise DamagedCase(f"{key!r} is not a time stamp (not a finite number)")
    return stamp


def _unique(items: list[Item], where: str) -> list[Item]:
    """Two entries for one argument would be edited as one and saved as two."""
    seen: set[str] = set()
    for item in items:
        if item.argument in seen:
            raise DamagedCase(f"{item.argument!r} is listed twice in {where!r}")
        seen.add(item.argument)
    return items


def _stamps(data: dict[str, Any], key: str) -> dict[str, float]:
    value = _dict(data, key)
    return {k: _num(value, k) for k in value}
