"""Fixtures for the explorer's UI tests: an isolated home and an app built for a pack."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.core.pack.loader import load_pack

TESTS = Path(__file__).parent
GOOD_PACK = TESTS / "packs" / "good"


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data and cache folders under tmp_path, never the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("DEBATE_EXPLORER_DATA_DIR", str(home / "data" / "debate-explorer"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


def make_app(pack: Path = GOOD_PACK):
    from tui.ui.app import ExplorerApp

    result = load_pack(pack)
    assert result.debate is not None, [str(p) for p in result.problems]
    return ExplorerApp(result.debate)


@pytest.fixture
def explorer(isolated_home: Path) -> Callable[..., object]:
    """Build the explorer app for a pack (the small test pack unless told)."""
    return make_app


@pytest.fixture
def broken_pack(tmp_path: Path) -> Path:
    """The good pack with an argument rebutting an id that does not exist."""
    pack = tmp_path / "broken"
    shutil.copytree(GOOD_PACK, pack)
    debate = pack / "debate.yaml"
    debate.write_text(debate.read_text().replace("rebuts: [evidence-mixed]",
                                                 "rebuts: [evidence-mixd]"))
    return pack


def screen_text(app) -> str:
    """Every character on the terminal right now, as the student sees it (no styles)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system=None, legacy_windows=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()
