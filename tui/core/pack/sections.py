"""Which model class each section of the pack format is read into: the one table
the loader, the model cache and the JSON export share."""

from __future__ import annotations

from tui.core.pack import model

# Keyed by the section's name in tui/core/pack/schema.py, nested records too.
MODEL_OF: dict[str, type] = {
    "pack": model.PackInfo,
    "themes": model.Theme,
    "positions": model.Position,
    "speakers": model.Speaker,
    "sources": model.Source,
    "quotes": model.Quote,
    "arguments": model.Argument,
    "facts": model.Fact,
    "described_as": model.RoleInSource,
    "conflicts_with": model.Conflict,
    "exchanges": model.Exchange,
}

# The sections a `Debate` holds as dicts of records by id, in the pack's order.
RECORD_SECTIONS = ("themes", "positions", "speakers", "sources", "quotes", "arguments", "facts")

# What the loader adds to a record beyond the keys a pack gives: where an article
# was found and its text, where a quote's passage is in it.
DERIVED_FIELDS: dict[type, tuple[str, ...]] = {
    model.Source: ("path", "text"),
    model.Quote: ("start", "end"),
}
