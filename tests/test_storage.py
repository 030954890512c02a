"""Keeping the student's case: where, how safely, and with two copies of the app open."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tui.core.pack.bundled import content_folder
from tui.core.work import case as case_module
from tui.core.work import storage as storage_module
from tui.core.work.case import Case, CaseEntry, ItemKey, Kind, now
from tui.core.work.case_merge import BOTH_KEPT
from tui.core.work.storage import ENV_VAR, Storage, StorageError, data_folder, pack_key

PACK = Path(__file__).parent / "packs" / "good"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def store(tmp_path) -> Storage:
    return Storage(PACK, tmp_path / "data", pack_title="A small test debate")


def entry(argument: str, notes: str = "") -> CaseEntry:
    stamp = now()
    return CaseEntry(argument, notes=notes, quotes_updated=stamp, notes_updated=stamp)


def saved_case(store: Storage, *arguments: str) -> Case:
    case = Case()
    case.choose_side("council")
    for argument in arguments:
        case.entries.append(entry(argument, f"notes on {argument}"))
    store.save(case)
    return case


@contextmanager
def clock_ahead(seconds: float) -> Iterator[None]:
    """Stamps made inside come from a copy on a machine whose clock runs fast."""
    real, before = time.time, case_module._last_stamp
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: real() + seconds)
        yield
    case_module._last_stamp = before  # this copy's own stamps follow its own clock


def notes(case: Case) -> dict[str, str]:
    return {e.argument: e.notes for e in case.entries}


# -- where ------------------------------------------------------------------------------

def test_the_option_wins_over_the_environment_which_wins_over_the_user_folder(
        tmp_path, monkeypatch):
    assert data_folder(tmp_path / "opt") == tmp_path / "opt"
    assert data_folder() == tmp_path / "env-data"
    monkeypatch.delenv(ENV_VAR)
    assert data_folder().name == "debate-explorer"


def test_each_pack_has_its_own_file_named_after_it(tmp_path):
    one, two = tmp_path / "one" / "glasgow", tmp_path / "two" / "glasgow"
    assert pack_key(one).startswith("glasgow-") and pack_key(one) != pack_key(two)
    assert pack_key(tmp_path / "my pack!").startswith("my-pack-")
    assert pack_key(content_folder() / "glasgow") == "glasgow-bundled"


# -- saving and loading -----------------------------------------------------------------

def test_a_saved_case_loads_back_the_same(store, tmp_path):
    case = saved_case(store, "room-saves-lives")
    case.entries[0].quotes.append("save-lives")
    store.save(case)
    loaded, outcome = Storage(PACK, tmp_path / "data").load()
    assert outcome.messages == []
    assert loaded == case
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert data["pack"]["title"] == "A small test debate"
    assert store.path.parent == tmp_path / "data" / "cases"


def test_a_file_written_without_time_stamps_keeps_everything_when_saved_again(store):
    """Stamps are optional in the file (a teacher may write one by hand); missing ones
    read as 0, and the merge at the next save must not take 0 for 'removed'."""
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps({
        "format_version": 1,
        "case": {"entries": [{"argument": "room-saves-lives", "notes": "my notes"}]},
        "expected": {"entries": [{"argument": "evidence-mixed", "rebuttal": "my rebuttal"}]},
    }), encoding="utf-8")
    case, outcome = store.load()
    assert outcome.messages == []
    store.save(case)
    again, _ = store.load()
    assert [e.notes for e in again.entries] == ["my notes"]
    assert [x.rebuttal for x in again.expected] == ["my rebuttal"]


def test_no_saved_case_is_an_empty_case_and_creates_nothing(store):
    case, outcome = store.load()
    assert case.is_empty() and outcome.messages == []
    assert not store.path.exists()


def test_the_environment_variable_chooses_the_folder(tmp_path):
    saved_case(Storage(PACK), "room-saves-lives")
    assert list((tmp_path / "env-data" / "cases").glob("*.json"))


# -- interrupted writes ------------------------------------------------------------------

def test_a_write_that_fails_before_the_replace_leaves_the_old_file_whole(store, monkeypatch):
    saved_case(store, "room-saves-lives")
    before = store.path.read_bytes()
    case, _ = store.load()
    case.entries.set_text("room-saves-lives", "x" * 1_000_000)

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StorageError) as error:
        store.save(case)
    monkeypatch.undo()
    assert "could not be saved" in str(error.value)
    assert "What was saved before is unchanged." in str(error.value)
    assert store.path.read_bytes() == before
    assert list(store.folder.glob("*.tmp")) == []
    assert notes(store.load()[0]) == {"room-saves-lives": "notes on room-saves-lives"}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_mid_save_leaves_the_old_file_whole(store, tmp_path):
    saved_case(store, "room-saves-lives")
    before = store.path.read_bytes()
    # A real kill, at the worst moment: the new file is written and synced, not yet in place.
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from tui.core.work.storage import Storage
        store = Storage(Path({str(PACK)!r}), {str(tmp_path / "data")!r})
        case, _ = store.load()
        case.entries.set_text("room-saves-lives", "y" * 20_000_000)
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        store.save(case)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert store.path.read_bytes() == before
    leftovers = list(store.folder.glob(".*.tmp"))
    assert len(leftovers) == 1 and leftovers[0].stat().st_size > 20_000_000
    case, outcome = store.load()
    assert outcome.messages == []
    assert notes(case) == {"room-saves-lives": "notes on room-saves-lives"}
    store.save(case)  # the next save tidies what the killed one left
    assert list(store.folder.glob(".*.tmp")) == []


# -- damaged files -----------------------------------------------------------------------

@pytest.mark.parametrize("content, why", [
    (b"{\"format_version\": 1, \"case\": ", "it is not valid JSON"),
    (b"", "it is not valid JSON"),
    (b"\xff\xfe not text", "it is not UTF-8 text"),
    (b"{\"format_version\": 99}", "format version 99 is not one this app reads"),
    (b"[1, 2]", "the file does not hold a JSON object"),
    (b"{\"format_version\": 1, \"case\": {\"entries\": \"oops\"}}",
     "'entries' is not a list of objects"),
    (b"{\"format_version\": 1, \"drill\": {\"a\": {\"mark\": \"great\"}}}",
     "drill record for 'a' has an unknown mark 'great'"),
])
def test_a_damaged_file_is_kept_aside_and_the_student_is_told(store, content, why):
    store.folder.mkdir(parents=True)
    store.path.write_bytes(content)
    case, outcome = store.load()
    assert case.is_empty()
    [aside] = store.folder.glob("*.damaged-*.json")
    assert aside.read_bytes() == content
    assert len(outcome.messages) == 1
    message = outcome.messages[0]
    assert message.startswith(f"Your saved case could not be used: {why}")
    assert f"It was kept as {aside} and a new case was started." in message
    saved_case(store, "room-saves-lives")
    assert aside.read_bytes() == content  # never overwritten
    assert notes(store.load()[0]) == {"room-saves-lives": "notes on room-saves-lives"}

# Issue 16: each of these crashed `C` and `export --case` on every try.
ODD_FILES = {
    "nested-deeply": (b"{\"format_version\": 1, \"pack\": " + b"[" * 100_000
                      + b"]" * 100_000 + b"}", "it is nested too deeply to be a case"),
    "5000-digits": (b"{\"format_version\": 1, \"side\": {\"updated\": 1" + b"0" * 5000
                    + b"}}", "it holds a number too long to read"),
    "309-digits": (b"{\"format_version\": 1, \"side\": {\"updated\": 1" + b"0" * 309 + b"}}",
                   "'updated' is not a time stamp (too large)"),
    "infinite": (b"{\"format_version\": 1, \"side\": {\"updated\": 1e999}}",
                 "'updated' is not a time stamp (not a finite number)"),
    "huge-attempts": (b"{\"format_version\": 1, \"drill\": {\"a\": {\"mark\": \"good\", "
                      b"\"attempts\": 1" + b"0" * 40 + b"}}}",
                      "drill record for 'a' has a bad attempts count"),
    "entry-twice": (b"{\"format_version\": 1, \"case\": {\"entries\": [{\"argument\": \"one\"}, "
                    b"{\"argument\": \"one\"}]}}", "'one' is listed twice in 'case'"),
    "key-twice": (b"{\"format_version\": 1, \"side\": {}, \"side\": {}}",
                  "'side' is given twice in one object"),
}


@pytest.mark.parametrize("name", list(ODD_FILES))
def test_a_case_file_too_odd_to_read_is_kept_aside_and_the_student_is_told(store, name):
    content, why = ODD_FILES[name]
    store.folder.mkdir(parents=True)
    store.path.write_bytes(content)
    case, outcome = store.load()
    assert case.is_empty()
    [aside] = store.folder.glob("*.damaged-*.json")
    assert aside.read_bytes() == content
    assert outcome.messages[0].startswith(f"Your saved case could not be used: {why}")



@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_case_file_is_set_aside_without_waiting(store):
    """Issue 16: reading a pipe waited for ever for a writer."""
    store.folder.mkdir(parents=True)
    os.mkfifo(store.path)
    done: list[tuple[Case, list[str]]] = []
    reader = threading.Thread(target=lambda: done.append(
        (lambda r: (r[0], r[1].messages))(store.load())), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if not done:  # unblock the stuck reader so the test run can end
        with open(store.path, "wb"):
            pass
    assert done, "reading the case waited on a pipe"
    case, messages = done[0]
    assert case.is_empty()
    assert messages[0].startswith("Your saved case could not be used: it is not a regular file")


def test_a_file_damaged_while_the_app_runs_is_kept_aside_at_the_next_save(store):
    case = saved_case(store, "room-saves-lives")
    store.path.write_text("garbage", encoding="utf-8")
    outcome = store.save(case)
    assert "could not be used: it is not valid JSON" in outcome.messages[0]
    [aside] = store.folder.glob("*.damaged-*.json")
    assert aside.read_text(encoding="utf-8") == "garbage"
    assert notes(store.load()[0]) == {"room-saves-lives": "notes on room-saves-lives"}


def test_two_damaged_files_in_the_same_second_are_both_kept(store):
    store.folder.mkdir(parents=True)
    for content in ("first", "second"):
        store.path.write_text(content, encoding="utf-8")
        store.load()
    kept = sorted(p.read_text(encoding="utf-8") for p in store.folder.glob("*.damaged-*"))
    assert kept == ["first", "second"]


def test_an_unreadable_file_that_cannot_be_moved_is_never_saved_over(store, monkeypatch):
    saved_case(store, "room-saves-lives")
    before = store.path.read_bytes()

    def denied(*args, **kwargs):
        raise PermissionError(13, "refused by this test")  # the system's reason, passed on

    monkeypatch.setattr(storage_module, "read_regular_file", denied)  # how the case is read
    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(StorageError) as error:
        store.save(Case())
    monkeypatch.undo()
    assert "could not be read (refused by this test)" in str(error.value)
    assert "nothing will be saved over it" in str(error.value)
    assert store.path.read_bytes() == before


# -- notes whose argument left the pack ---------------------------------------------------

def test_entries_for_arguments_no_longer_in_the_pack_survive_load_and_save(store):
    saved_case(store, "room-saves-lives", "argument-the-teacher-deleted")
    case, _ = store.load()
    store.save(case)
    assert notes(store.load()[0])["argument-the-teacher-deleted"] == (
        "notes on argument-the-teacher-deleted")


# -- two copies of the app on one pack ----------------------------------------------------

def test_two_copies_adding_different_arguments_keep_both(store, tmp_path):
    first, second = store, Storage(PACK, tmp_path / "data")
    a, _ = first.load()
    b, _ = second.load()
    a.entries.append(entry("one", "from A"))
    first.save(a)
    b.entries.append(entry("two", "from B"))
    second.save(b)
    assert notes(b) == {"one": "from A", "two": "from B"}  # B now shows A's work
    assert notes(first.load()[0]) == {"one": "from A", "two": "from B"}


def test_interleaved_edits_of_notes_and_evidence_on_one_argument_keep_both(store, tmp_path):
    saved_case(store, "one")
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    a.entries.set_text("one", "newer notes from A")
    b.entries[0].quotes.append("save-lives")
    b.entries[0].quotes_updated = now()
    store.save(a)
    second.save(b)
    [merged] = store.load()[0].entries
    assert (merged.notes, merged.quotes) == ("newer notes from A", ["save-lives"])


def test_one_note_changed_in_two_copies_keeps_both_versions_whichever_saves_last(
        store, tmp_path):
    """Issue 16: the newer stamp used to win and the other copy's words were lost."""
    saved_case(store, "one")
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    b.entries.set_text("one", "older, from B")
    a.entries.set_text("one", "newer, from A")
    store.save(a)
    outcome = second.save(b)
    assert notes(store.load()[0]) == {"one": f"older, from B\n\n{BOTH_KEPT}\nnewer, from A"}
    assert outcome.conflicts == [ItemKey(Kind.MINE, "one")]


def test_a_removal_is_not_undone_by_a_copy_that_still_has_the_entry(store, tmp_path):
    saved_case(store, "one", "two")
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    a.entries.remove("one")
    store.save(a)
    second.save(b)  # B never touched "one"
    assert notes(store.load()[0]) == {"two": "notes on two"}


def test_notes_written_after_a_removal_in_another_copy_bring_the_entry_back(store, tmp_path):
    saved_case(store, "one")
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    a.entries.remove("one")
    store.save(a)
    b.entries.set_text("one", "still writing this")
    second.save(b)
    assert notes(store.load()[0]) == {"one": "still writing this"}


def test_a_clock_running_fast_does_not_overwrite_a_later_edit(store, tmp_path):
    """Issue 16: the newer stamp won, so a copy whose clock ran ten minutes fast
    overwrote notes written after it, by a copy that had read its save."""
    saved_case(store, "one")
    fast = Storage(PACK, tmp_path / "data")
    b, _ = fast.load()
    with clock_ahead(600):
        b.entries.set_text("one", "from the fast clock")
        fast.save(b)
    a, _ = store.load()  # A reads B's save, then writes after it
    a.entries.set_text("one", "written later, on a true clock")
    store.save(a)
    fast.save(b)  # B saves again without touching the notes
    assert notes(store.load()[0]) == {"one": "written later, on a true clock"}


def test_a_removal_stamped_in_the_future_does_not_erase_an_argument_added_again(
        store, tmp_path):
    saved_case(store, "one")
    fast = Storage(PACK, tmp_path / "data")
    b, _ = fast.load()
    with clock_ahead(600):
        b.entries.remove("one")
        fast.save(b)
    a, _ = store.load()
    a.entries.append(entry("one", "added again, with new notes"))
    store.save(a)
    fast.save(b)
    assert notes(store.load()[0]) == {"one": "added again, with new notes"}


def test_a_reorder_in_one_copy_keeps_an_addition_from_the_other(store, tmp_path):
    saved_case(store, "one", "two", "three")
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    a.entries.move("three", -2)
    b.entries.append(entry("four"))
    second.save(b)
    store.save(a)
    assert [e.argument for e in store.load()[0].entries] == ["three", "one", "two", "four"]


def test_drill_progress_from_two_copies_keeps_the_latest_attempt_per_argument(store, tmp_path):
    from tui.core.work import drill

    saved_case(store)
    second = Storage(PACK, tmp_path / "data")
    a, _ = store.load()
    b, _ = second.load()
    drill.mark(b, "evidence-mixed", "missed")
    drill.mark(a, "evidence-mixed", "good")
    drill.mark(b, "other", "shaky")
    store.save(a)
    second.save(b)
    final = store.load()[0].drill
    assert {k: r.mark for k, r in final.items()} == {"evidence-mixed": "good", "other": "shaky"}


def test_saves_from_two_processes_at_once_lose_nothing(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from tui.core.work.case import Case, CaseEntry, now
        from tui.core.work.storage import Storage
        store = Storage(Path({str(PACK)!r}), {str(tmp_path / "data")!r})
        case, _ = store.load()
        for i in range(25):
            stamp = now()
            case.entries.append(CaseEntry(f"{{sys.argv[1]}}-{{i}}", notes="n",
                                          quotes_updated=stamp, notes_updated=stamp))
            store.save(case)
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script, name], cwd=ROOT)
            for name in ("a", "b", "c")]
    assert [run.wait() for run in runs] == [0, 0, 0]
    case, outcome = Storage(PACK, tmp_path / "data").load()
    assert outcome.messages == []
    assert len(case.entries) == 75


def test_a_lock_held_too_long_is_reported(store, monkeypatch):
    if storage_module.fcntl is None:
        pytest.skip("needs fcntl")
    saved_case(store, "one")
    monkeypatch.setattr(storage_module, "LOCK_WAIT", 0.1)
    holder = os.open(store.lock_path, os.O_RDWR)
    storage_module.fcntl.flock(holder, storage_module.fcntl.LOCK_EX)
    try:
        with pytest.raises(StorageError, match="Another copy of the app is holding"):
            store.save(Case())
    finally:
        os.close(holder)
    assert notes(store.load()[0]) == {"one": "notes on one"}


def test_a_case_without_drafts_is_written_exactly_as_before(store):
    """Format version 1 is unchanged: the same case makes the same file."""
    case = saved_case(store, "one")
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert sorted(data) == ["case", "drill", "expected", "format_version", "pack", "side"]
    assert sorted(data["case"]) == ["entries", "order_updated", "removed"]
    assert sorted(data["case"]["entries"][0]) == ["argument", "notes", "notes_updated",
                                                  "quotes", "quotes_updated"]
    case.set_draft("evidence-mixed", "Which studies?")
    store.save(case)
    assert store.load()[0].drafts == {"evidence-mixed": "Which studies?"}
