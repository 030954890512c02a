"""Facts kept in one place (issue 10): the pack format and the model it becomes,
and the one way user data is written and pack files are read."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from tui.core import files
from tui.core.pack import cache
from tui.core.pack.schema import SECTIONS, Section
from tui.core.pack.sections import DERIVED_FIELDS, MODEL_OF
from tui.core.work.case import Case
from tui.core.work.storage import Storage, StorageError

GOOD = Path(__file__).parent / "packs" / "good"


def _every_section() -> dict[str, Section]:
    found: dict[str, Section] = {}
    pending = list(SECTIONS.values())
    while pending:
        section = pending.pop()
        found[section.name] = section
        pending.extend(f.record for f in section.fields if f.record is not None)
    return found


def test_every_section_of_the_format_has_a_model_class():
    assert set(MODEL_OF) == set(_every_section())


@pytest.mark.parametrize("section", list(_every_section().values()), ids=lambda s: s.name)
def test_a_sections_keys_are_its_model_class_fields(section):
    cls = MODEL_OF[section.name]
    fields = {f.name for f in dataclasses.fields(cls)} - set(DERIVED_FIELDS.get(cls, ()))
    assert {f.name for f in section.fields} == fields


# -- one atomic write -------------------------------------------------------------

def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "case.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        files.write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_the_case_file_the_model_cache_and_an_export_are_written_by_one_function():
    import tui.core.work.storage as storage

    assert storage.write_atomically is files.write_atomically
    assert cache.write_atomically is files.write_atomically


def test_a_case_that_cannot_be_written_says_so_and_keeps_the_old_file(tmp_path, monkeypatch):
    store = Storage(GOOD, tmp_path / "data")
    store.save(Case())
    before = store.path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StorageError, match="No space left on device"):
        store.save(Case())
    assert store.path.read_bytes() == before


# -- one careful read ---------------------------------------------------------------

def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(files.NotReadable, match=r"'pipe' is a named pipe \(FIFO\), not a "
                       "regular file"):
        files.read_regular_file(tmp_path / "pipe")


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path):
    with open(tmp_path / "big", "wb") as file:
        file.truncate(2_000_000)
    with pytest.raises(files.TooLarge, match=r"the file is 2.0 MB; at most 1.0 MB is read"):
        files.read_regular_file(tmp_path / "big", 1_000_000)
    assert len(files.read_regular_file(tmp_path / "big", 2_000_000)) == 2_000_000
