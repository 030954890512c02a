"""Reading and writing files the way user data needs: whole or not at all, and
never stuck on something that is not a file.

`write_atomically` is the one atomic write (the case file, the model cache, an
export): a temporary file beside the target, flushed and synced, `os.replace`,
then the folder synced, so a crash leaves the old content or the new, never
half of either. `read_regular_file` is how pack files, articles and cache
entries are read: a FIFO, a device or a socket is refused instead of blocking
the app forever, and so is a file larger than the caller allows.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path


class NotReadable(OSError):
    """The path is not a regular file we may read; `str()` says why, for the user."""


class TooLarge(NotReadable):
    """The file is larger than the caller reads."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file is {megabytes(size)}; at most {megabytes(limit)} is read")
        self.size, self.limit = size, limit


def read_regular_file(path: Path, limit: int | None = None, *, follow_links: bool = True,
                      owner_only: bool = False) -> bytes:
    """The bytes of a regular file, or OSError (NotReadable with our words) saying why not.

    Opened without blocking, so a FIFO with no writer is refused, not waited on.
    With `follow_links=False` a symbolic link is refused; with `owner_only` a file
    owned by someone else, or that others can write, is refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"'{path.name}' is {kind_of(info.st_mode)}, not a regular file")
        if owner_only and not owned_by_user(info):
            raise NotReadable(f"'{path.name}' can be changed by other users")
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as file:
            if limit is None:
                return file.read()
            data = file.read(info.st_size + 1)  # one more: did it grow since fstat?
            if len(data) > info.st_size:
                data += file.read(limit + 1 - len(data))
        if len(data) > limit:  # it grew while we read it
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(fd)


def owned_by_user(info: os.stat_result) -> bool:
    """True unless the file or folder belongs to someone else or others may write to it.

    Where there are no user ids (Windows) only the write bits are checked.
    """
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words: "a named pipe (FIFO)"."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def write_atomically(path: Path, data: str | bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` (text is written as UTF-8 with '\\n' line ends) so that
    a crash at any point leaves the old content or the new, whole.

    The temporary file is removed if writing fails. `mode` sets the permissions of
    the new file (mkstemp's are 0600).
    """
    import tempfile  # only when writing: start-up should not pay for the import

    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in the folder durable. Not possible on Windows, where it is not needed."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
