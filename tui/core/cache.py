"""Loading a pack through a cache of the checked model (placeholder: loads directly)."""

from __future__ import annotations

from pathlib import Path

from .loader import LoadResult, load_pack


def load_pack_cached(path: Path | str, cache_dir: Path | None = None) -> LoadResult:
    """Like `load_pack`, but reuses a checked model when no file of the pack changed."""
    return load_pack(path)
