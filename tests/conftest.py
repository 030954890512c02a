"""Fixtures shared by the test files: the small valid pack, a copy of it to break, a
home of the test's own, and the explorer built for a pack."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import GOOD_PACK, make_app

PACKS = Path(__file__).parent / "packs"


@pytest.fixture(autouse=True)
def no_real_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's own case files or model cache."""
    monkeypatch.setenv("DEBATE_EXPLORER_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.setenv("DEBATE_EXPLORER_CACHE_DIR", str(tmp_path / "env-cache"))


class PackCopy:
    """A copy of tests/packs/good in a temporary folder, to change one thing in."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def edit(self, file: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` in a file of the pack."""
        target = self.path / file
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} should occur once in {file}"
        target.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def good_pack() -> Path:
    return PACKS / "good"


@pytest.fixture
def pack_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PackCopy:
    """The good pack copied to `tmp_path/pack`, run from `tmp_path`, so that
    problems read as they would for a user: `pack/debate.yaml:3:5: ...`."""
    shutil.copytree(PACKS / "good", tmp_path / "pack")
    monkeypatch.chdir(tmp_path)
    return PackCopy(tmp_path / "pack")


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
