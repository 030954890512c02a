"""Fixtures shared by the test files: the small valid pack, and a copy of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
