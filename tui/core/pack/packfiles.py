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

from tui.core.pack.problems import Problem
from tui.core.wording import plural

if TYPE_CHECKING:
    from tui.core.pack.model import Debate

YAML_SUFFIXES = (".yaml", ".yml")


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
            lines.append(f"{pack}: {plural(len(self.errors), 'error')}; the pack was not loaded.")
        return lines


def shown_path(path: Path) -> str:
    """A path as the user should read it: relative to where they are if inside it,
    else in full (never a climb of '../..')."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


def pack_files(path: Path) -> list[Path]:
    """The YAML files of a pack folder (searched recursively), in a stable order."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def read_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be read as UTF-8."""
    try:
        data = path.read_bytes()
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
