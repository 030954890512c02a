"""What a screen can ask of the app, as typed messages that one place handles.

A screen posts one (`self.post_message(OpenQuote(quote_id))`); it bubbles up to
the app, which hands it to the navigator (places) or the case book (collecting).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.message import Message


@dataclass
class OpenPlace(Message):
    """Go to a view of one record, as a browser follows a link (kinds: views.py)."""

    kind: str
    record_id: str = ""
    state: dict[str, Any] = field(default_factory=dict)  # where the view puts its cursor


@dataclass
class OpenQuote(Message):
    """Show a quote where it was said: at its passage, in its source's article."""

    quote_id: str


@dataclass
class CollectArgument(Message):
    """Add an argument to the student's case, or to the other side's they must answer."""

    argument_id: str


@dataclass
class PackChosen(Message):
    """The pack the student picked, to load and explore."""

    pack: Path


def open_record(kind: str, record_id: str) -> OpenPlace | OpenQuote:
    """The request that opens a record met in a list of links or among search results."""
    if kind == "quote":
        return OpenQuote(record_id)
    if kind == "fact":
        return OpenPlace("facts", state={"fact": record_id})
    return OpenPlace(kind, record_id)
