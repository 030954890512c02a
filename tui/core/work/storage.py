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

import hashlib
import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path

from tui.core.files import write_atomically as write_atomically  # also for the UI
from tui.core.pack.bundled import content_folder
from tui.core.work.case import Case
from tui.core.work.case_data import DamagedCase, from_data, to_data
from tui.core.work.case_merge import merge

APP_NAME = "debate-explorer"
ENV_VAR = "DEBATE_EXPLORER_DATA_DIR"
LOCK_WAIT = 5.0  # seconds; a save holds the lock for milliseconds


class StorageError(OSError):
    """The case could not be read or saved; the message is for the student."""


def data_folder(option: str | os.PathLike | None = None) -> Path:
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


class Storage:
    """The saved case of one pack."""

    def __init__(self, pack_folder: Path, data_dir: str | os.PathLike | None = None,
                 pack_title: str = "") -> None:
        self.folder = data_folder(data_dir) / "cases"
        key = pack_key(pack_folder)
        self.path = self.folder / f"{key}.json"
        self.lock_path = self.folder / f"{key}.lock"
        self._pack = {"folder": str(pack_folder.resolve()), "title": pack_title}

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> tuple[Case, Outcome]:
        """The saved case (a new one if none), and any message for the student."""
        outcome = Outcome()
        if not self.path.exists():
            return Case(), outcome
        with self._locked():
            return self._read(outcome) or Case(), outcome

    def save(self, case: Case) -> Outcome:
        """Merge `case` with what is on disk, write the result, and update `case`
        in place to the merged result (so it shows the other copy's work too)."""
        outcome = Outcome()
        with self._locked():  # which makes the folder
            on_disk = self._read(outcome)
            merged = merge(case, on_disk) if on_disk else case
            text = json.dumps(to_data(merged, self._pack), ensure_ascii=False, indent=1)
            try:
                write_atomically(self.path, text + "\n")
            except OSError as error:
                raise StorageError(f"Your case could not be saved to {self.path}: "
                                   f"{error.strerror or error}. What was saved before "
                                   "is unchanged.") from error
            self._remove_leftovers()
        for f in fields(Case):
            setattr(case, f.name, getattr(merged, f.name))
        return outcome

    def _read(self, outcome: Outcome) -> Case | None:
        """The case on disk; None if there is none or it had to be moved aside."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._set_aside(outcome, f"it could not be read ({error.strerror})")
        try:
            return from_data(json.loads(raw.decode("utf-8")))
        except UnicodeDecodeError:
            return self._set_aside(outcome, "it is not UTF-8 text")
        except json.JSONDecodeError as error:
            return self._set_aside(outcome, f"it is not valid JSON ({error.msg}, "
                                            f"line {error.lineno})")
        except DamagedCase as error:
            return self._set_aside(outcome, str(error))

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
    def _locked(self) -> Iterator[None]:
        self._make_folder()
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StorageError(f"Could not open {self.lock_path}: {error.strerror}.") from error
        try:
            _lock(fd, self.lock_path)
            yield
        finally:
            _unlock(fd)
            os.close(fd)


try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _lock(fd: int, where: Path) -> None:
    """An exclusive advisory lock, waiting up to LOCK_WAIT seconds."""
    deadline = time.monotonic() + LOCK_WAIT
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
            time.sleep(0.02)


def _unlock(fd: int) -> None:
    """fcntl locks go with the descriptor; msvcrt asks for an explicit unlock."""
    if fcntl is not None:
        return
    with suppress(ImportError, OSError):
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
