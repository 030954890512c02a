"""A pack's files and the result of loading them: what a cache hit needs without
importing the YAML parser and the validator."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.controls import one_line
from tui.core.files import NotReadable, TooLarge, megabytes, read_regular_file
from tui.core.pack.problems import Problem
from tui.core.wording import plural

if TYPE_CHECKING:
    from tui.core.pack.model import Debate

YAML_SUFFIXES = (".yaml", ".yml")  # the one list: what makes a file a pack file
# The 10,000-argument benchmark pack is 7.9 MB in all, its largest file 3 MB; a
# pack file many times that is a mistake, and composing it would take minutes
# and gigabytes of memory.
MAX_YAML_BYTES = 16_000_000
MAX_ARTICLE_BYTES = 64_000_000


@dataclass
class LoadResult:
    debate: Debate | None  # None when there are errors
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def report(self, pack: Path) -> list[str]:
        """What the user is told, line by line: every problem, then whether it loaded."""
        lines = [str(problem) for problem in self.problems]
        if self.debate is None:
            lines.append(f"{one_line(str(pack))}: {plural(len(self.errors), 'error')}; the pack "
                         "was not loaded.")
        return lines


def shown_path(path: Path) -> str:
    """A path as the user should read it: relative to where they are if inside it,
    else in full (never a climb of '../..')."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


@dataclass
class PackFiles:
    """The YAML files of a pack, and what stopped some of them being found."""

    files: list[Path]
    problems: list[Problem]


def scan_pack(path: Path) -> PackFiles:
    """The YAML files of a pack folder (searched recursively, in a stable order),
    or of the one file given.

    A folder that cannot be read, and a file that is a symbolic link to
    something outside the pack's folder, are problems, never silently skipped:
    the first would hide records, the second reads what the pack does not hold.
    """
    if not os.path.isdir(path):  # False for a name too long, too
        return PackFiles([path], [])
    root = path.resolve()
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else path
        problems.append(Problem(shown_path(where), 0, 0, "cannot read the folder: "
                                f"{error.strerror or error}",
                                "the pack files in it would not be checked"))

    for folder, _folders, names in os.walk(path, onerror=unreadable):
        for name in names:
            if os.path.splitext(name)[1] not in YAML_SUFFIXES:
                continue
            file = Path(folder, name)
            if os.path.islink(file):
                try:
                    target = file.resolve(strict=True)
                except (OSError, RuntimeError):  # a link to nothing holds nothing to read
                    continue  # (an editor's lock file, such as Emacs's .#debate.yaml, is one)
                if not target.is_relative_to(root):
                    problems.append(Problem(
                        shown_path(file), 0, 0, "the file is a symbolic link to "
                        f"'{target}', outside the pack's folder",
                        "copy the file into the pack's folder instead"))
                    continue
            files.append(file)
    files.sort()
    return PackFiles(files, problems)


def pack_files(path: Path) -> list[Path]:
    """The YAML files of a pack folder that can be read, in a stable order."""
    return scan_pack(path).files


def read_text(path: Path, shown: str, limit: int = MAX_YAML_BYTES,
              too_large: str = "split it into several files") -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be read as UTF-8 (a FIFO,
    a file larger than `limit`, with `too_large` as the hint)."""
    try:
        data = read_regular_file(path, limit)
    except TooLarge as error:
        return None, Problem(shown, 0, 0, f"the file is {megabytes(error.size)}, more than "
                             f"the {megabytes(limit)} allowed", too_large)
    except NotReadable as error:
        return None, Problem(shown, 0, 0, str(error), "give an ordinary text file")
    except OSError as error:
        return None, Problem(shown, 0, 0, f"cannot read the file: {error.strerror or error}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(shown, line, column, "the file is not UTF-8 text",
                             "save it with UTF-8 encoding")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a pack is read or rebuilt.

    Loading makes hundreds of thousands of objects that all stay alive, and the
    collector rescans them again and again as they pile up: at 10,000 arguments
    it made loading about three times slower. What loading builds forms no
    reference cycles; the few objects that do (a caught error's traceback) are
    collected once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
