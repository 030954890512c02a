"""Where a student's case is kept between sessions, and how it is saved safely.

One JSON file per pack in the user's data folder. Every save is atomic (a
temporary file beside it, flushed and synced, then `os.replace`), so a crash
leaves the old file or the new one, never half of either. A file this version
cannot read is moved aside, never overwritten, and the caller gets a message
for the student. Saves hold a lock and merge with what is on disk
(`tui.core.work.case_merge`), so two copies of the app on one pack keep each
other's work.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path

from tui.core.files import NotReadable, read_regular_file
from tui.core.files import write_atomically as write_atomically  # also for the UI
from tui.core.pack.bundled import content_folder
from tui.core.work.case import Case, ItemKey
from tui.core.work.case_data import DamagedCase, parse, to_data
from tui.core.work.case_merge import merge

APP_NAME = "debate-explorer"
ENV_VAR = "DEBATE_EXPLORER_DATA_DIR"
LOCK_WAIT = 5.0  # seconds; a save holds the lock for milliseconds


class StorageError(OSError):
    """The case could not be read or saved; the message is for the student."""


class LockHeld(StorageError):
    """Another copy of the app holds the case file's lock (see `Storage.at_once`)."""


def _give_up() -> None:
    raise LockHeld("Another copy of the app is saving the case.")


def data_folder(option: str | os.PathLike[str] | None = None) -> Path:
    """The `--data-dir` option, else $DEBATE_EXPLORER_DATA_DIR, else the user's data folder."""
    chosen = option or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when no folder is given, which tests never do

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def pack_key(pack_folder: Path) -> str:
    """A file name for a pack's case: its folder name and a hash of where it is.

    A bundled pack is keyed by name alone, so reinstalling or upgrading the app
    (which moves the package) does not lose the student's work.
    """
    folder = pack_folder.resolve()
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", folder.name).strip("-")[:40] or "pack"
    if folder.parent == content_folder().resolve():
        return f"{name}-bundled"
    return f"{name}-{hashlib.sha256(str(folder).encode()).hexdigest()[:10]}"


@dataclass
class Outcome:
    """What happened, for the student: empty when all went quietly."""

    messages: list[str] = field(default_factory=list)
    conflicts: list[ItemKey] = field(default_factory=list)  # texts two copies changed
    merged_in: bool = False  # another copy's saved work came into the case


# The file as this copy last saw it: to notice another copy's save cheaply.
FileMark = tuple[int, int, int]  # (inode, size, modification time in ns)


class Storage:
    """The saved case of one pack, and the version of it this copy last read, which
    every save merges against (`tui.core.work.case_merge`). Safe to call from one
    worker thread at a time besides the caller's: operations take turns."""

    def __init__(self, pack_folder: Path, data_dir: str | os.PathLike[str] | None = None,
                 pack_title: str = "") -> None:
        self.folder = data_folder(data_dir) / "cases"
        key = pack_key(pack_folder)
        self.path = self.folder / f"{key}.json"
        self.lock_path = self.folder / f"{key}.lock"
        self._pack = {"folder": str(pack_folder.resolve()), "title": pack_title}
        self._base: Case | None = None  # the case as last read or written here
        self._seen: FileMark | None = None
        self._turn = threading.Lock()
        self._at_once = False  # give up at once, with LockHeld, if the lock is held

    @contextmanager
    def at_once(self) -> Iterator[None]:
        """Within this, an operation that would wait for another copy's lock raises
        `LockHeld` instead, so the caller can wait elsewhere (not on its screen)."""
        self._at_once = True
        try:
            yield
        finally:
            self._at_once = False

    def exists(self) -> bool:
        return self.path.exists()

    def load(self, on_wait: Callable[[], None] | None = None) -> tuple[Case, Outcome]:
        """The saved case (a new one if none), and any message for the student."""
        outcome = Outcome()
        if not self.path.exists():
            return Case(), outcome
        with self._turn, self._locked(on_wait):
            case = self._read(outcome) or Case()
            self._base, self._seen = copy.deepcopy(case), self._mark()
        return case, outcome

    def changed_on_disk(self) -> bool:
        """Whether the file changed since this copy last read or wrote it (a stat)."""
        return self._mark() != self._seen

    def save(self, case: Case) -> Outcome:
        """Merge `case` with what is on disk, write the result, and update `case`
        in place to the merged result (so it shows the other copy's work too)."""
        merged, outcome = self.write(case)
        for f in fields(Case):
            setattr(case, f.name, getattr(merged, f.name))
        return outcome

    def write(self, case: Case, on_wait: Callable[[], None] | None = None
              ) -> tuple[Case, Outcome]:
        """Merge `case` (not changed) with the file and write the result; the
        result and what the student should hear. `on_wait` is called once if
        another copy holds the lock, before waiting for it."""
        outcome = Outcome()
        with self._turn, self._locked(on_wait):  # which makes the folder
            on_disk = self._read(outcome)
            merged = case
            if on_disk is not None:
                both = merge(self._base, case, on_disk)
                merged, outcome.conflicts = both.case, both.conflicts
                outcome.merged_in = merged != case
            text = json.dumps(to_data(merged, self._pack), ensure_ascii=False, indent=1)
            try:
                write_atomically(self.path, text + "\n")
            except OSError as error:
                raise StorageError(f"Your case could not be saved to {self.path}: "
                                   f"{error.strerror or error}. What was saved before "
                                   "is unchanged.") from error
            self._remove_leftovers()
            self._base, self._seen = copy.deepcopy(merged), self._mark()
        return merged, outcome

    def refresh(self, case: Case, on_wait: Callable[[], None] | None = None
                ) -> tuple[Case, Outcome] | None:
        """Another copy's saved changes merged into `case` (not changed), writing
        nothing; None when the file is as this copy last saw it."""
        outcome = Outcome()
        with self._turn, self._locked(on_wait):
            if not self.changed_on_disk():
                return None
            on_disk = self._read(outcome)
            self._seen = self._mark()
            if on_disk is None:
                return (case, outcome) if outcome.messages else None
            both = merge(self._base, case, on_disk)
            self._base = on_disk
        outcome.conflicts = both.conflicts
        return both.case, outcome

    def _mark(self) -> FileMark | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return (status.st_ino, status.st_size, status.st_mtime_ns)

    def _read(self, outcome: Outcome) -> Case | None:
        """The case on disk; None if there is none or it had to be moved aside."""
        try:
            return parse(read_regular_file(self.path))
        except FileNotFoundError:
            return None
        except NotReadable:  # a folder, a pipe or a device where the file should be
            why = "it is not a regular file"
        except OSError as error:
            why = f"it could not be read ({error.strerror})"
        except DamagedCase as error:
            why = str(error)
        self._set_aside(outcome, why)
        return None

    def _set_aside(self, outcome: Outcome, why: str) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}.json")
        count = 1
        while aside.exists():
            count += 1
            aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{count}.json")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            raise StorageError(f"Your saved case {self.path} could not be used: {why}. "
                               f"It could not be moved aside either ({error.strerror}), "
                               "so nothing will be saved over it. Move it away and "
                               "restart.") from error
        outcome.messages.append(f"Your saved case could not be used: {why}. It was kept "
                                f"as {aside} and a new case was started.")

    def _make_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(f"The folder for saved cases, {self.folder}, could not be "
                               f"created: {error.strerror}.") from error

    def _remove_leftovers(self) -> None:
        """Temporary files of saves that were killed. Safe under the lock: no other
        save of this pack is writing one now."""
        for leftover in self.folder.glob(f".{self.path.name}.*.tmp"):
            with suppress(OSError):
                leftover.unlink()

    @contextmanager
    def _locked(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        self._make_folder()
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StorageError(f"Could not open {self.lock_path}: {error.strerror}.") from error
        try:
            _lock(fd, self.lock_path, _give_up if self._at_once else on_wait)
            yield
        finally:
            _unlock(fd)
            os.close(fd)


try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _lock(fd: int, where: Path, on_wait: Callable[[], None] | None = None) -> None:
    """An exclusive advisory lock, waiting up to LOCK_WAIT seconds; `on_wait` is
    told once when the lock is not free at the first try."""
    deadline = time.monotonic() + LOCK_WAIT
    told = False
    while True:
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                import msvcrt  # Windows: lock the first byte

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return
        except ImportError:
            return  # neither is available: save without a lock rather than not at all
        except OSError as error:
            if time.monotonic() > deadline:
                raise StorageError(f"Another copy of the app is holding {where}; "
                                   "try again in a moment.") from error
            if on_wait is not None and not told:
                told = True
                on_wait()
            time.sleep(0.02)


def _unlock(fd: int) -> None:
    """fcntl locks go with the descriptor; msvcrt asks for an explicit unlock."""
    if fcntl is not None:
        return
    with suppress(ImportError, OSError):
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
