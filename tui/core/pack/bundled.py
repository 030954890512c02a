"""Where packs live: the bundled `content/` folder and the packs in it.

A quick look at a pack without loading it is `tui.core.pack.summary`'s job.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]  # the `tui` package
DEFAULT_PACK = "glasgow"


def content_folder() -> Path:
    """The bundled `content/`: inside an installed wheel, or the checkout's top level."""
    bundled = _PACKAGE / "_bundled" / "content"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "content"


def bundled_packs() -> list[Path]:
    """Every pack folder under `content/`, by name."""
    folder = content_folder()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def default_pack() -> Path:
    return content_folder() / DEFAULT_PACK
