"""The whole checked model as JSON, in a stable order (see docs/export-json.md)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from tui.core.pack.model import Argument, Debate, Fact, Source
from tui.core.pack.rebuttals import how_known, rebuttal, where_recorded
from tui.core.pack.sections import RECORD_SECTIONS

FORMAT_VERSION = 1
# json escapes C0 controls itself; with ensure_ascii=False it writes DEL, the C1
# controls (which some terminals obey) and the line separators raw. Only ever
# inside strings, so escaping them keeps the same JSON.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def to_data(debate: Debate) -> dict[str, Any]:
    """Plain data for `json.dumps`: records in pack order, keys in a fixed order."""
    def source(s: Source) -> dict[str, Any]:
        data = asdict(s)
        del data["text"], data["path"]
        data["file"] = ("" if s.path is None else
                        os.path.relpath(s.path, debate.folder).replace(os.sep, "/"))
        data["characters"] = len(s.text)
        return data

    def argument(a: Argument) -> dict[str, Any]:
        data = asdict(a)
        data["rebuttals"] = [reply(a, target) for target in a.rebuts]
        data["rebutted_by"] = [r.id for r in debate.rebutted_by(a.id)]
        return data

    def reply(a: Argument, target: str) -> dict[str, Any]:
        """One rebuttal whole: what it answers, whether an article records it, and how a
        student is told so."""
        link = rebuttal(debate, a.id, target)
        return {"answers": target, "recorded": link.recorded,
                "sources": [s.id for s in where_recorded(debate, link)],
                "quotes": list(link.exchange.quotes) if link.exchange else [],
                "how": how_known(debate, link)}

    def fact(f: Fact) -> dict[str, Any]:
        data = asdict(f)
        data["conflicts_with"] = [asdict(c) for c in debate.conflicts_of(f.id)]
        return data

    shaped: dict[str, Callable[[Any], dict[str, Any]]] = {
        "sources": source, "arguments": argument, "facts": fact}
    return {
        "format_version": FORMAT_VERSION,
        "pack": asdict(debate.info),
        **{name: [shaped.get(name, asdict)(r) for r in getattr(debate, name).values()]
           for name in RECORD_SECTIONS},
    }


def escape_controls(json_text: str) -> str:
    """JSON with DEL, the C1 controls and the line separators escaped (only ever in strings)."""
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def to_json(debate: Debate) -> str:
    return escape_controls(json.dumps(to_data(debate), ensure_ascii=False, indent=2)) + "\n"
