"""Finding and reading a pack's source articles, never outside the allowed folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.files import kind_of
from tui.core.pack.packfiles import MAX_ARTICLE_BYTES, YAML_SUFFIXES, read_text
from tui.core.pack.problems import did_you_mean

# A "did you mean" looks at this many names at most: a seeds/ folder that is a
# whole disk must not stop the validator.
_MAX_NAMES = 20_000


def allowed_folders(pack_folder: Path) -> list[Path]:
    """The pack's folder, then the `seeds/` folder beside the `content/` that holds it.

    Both resolved; seeds/ only if, links followed, it is still beside content/
    (a seeds/ that links to / would let `file: etc/passwd` through).
    """
    folders = [pack_folder]
    if pack_folder.parent.name == "content":
        checkout = pack_folder.parent.parent
        try:
            seeds = (checkout / "seeds").resolve()
            if seeds.is_dir() and seeds.parent == checkout.resolve():
                folders.append(seeds)
        except (OSError, RuntimeError):
            pass
    return folders


def find_source(name: str, pack_folder: Path) -> tuple[Path | None, str, str]:
    """The resolved path of a source file, or None, why it cannot be used and a hint."""
    folders = allowed_folders(pack_folder)
    if "\0" in name:
        return None, "the file name contains a NUL character", ""
    if Path(name).is_absolute():
        return None, "absolute paths are not allowed", "name the file relative to the pack"
    escaped = False
    for folder in folders:
        try:
            candidate = (folder / name).resolve()
            if not candidate.is_relative_to(folder):
                escaped = True  # by '..' or by a symbolic link
                continue
            info = candidate.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except (OSError, RuntimeError) as error:  # a symlink loop, a name too long
            return None, f"cannot follow '{name}': {getattr(error, 'strerror', None) or error}", ""
        if stat.S_ISDIR(info.st_mode):
            return None, f"'{name}' is a folder, not a text file", ""
        if not stat.S_ISREG(info.st_mode):
            return None, f"'{name}' is {kind_of(info.st_mode)}, not a regular file", (
                "an article must be an ordinary text file")
        return candidate, "", ""
    if escaped:
        return None, f"'{name}' points outside the pack's folder", (
            "sources must be inside the pack's folder or the seeds/ folder beside content/")
    places = "the pack's folder" + (" or seeds/" if len(folders) > 1 else "")
    return None, f"there is no file '{name}' in {places}", did_you_mean(name, _files_in(folders))


def _files_in(folders: list[Path]) -> list[str]:
    """The names a source could have been meant to give, for a 'did you mean'.

    Folders that cannot be entered are passed over, links to folders are not
    followed, and the look stops after _MAX_NAMES names.
    """
    names: list[str] = []
    for folder in folders:
        for where, _folders, files in os.walk(folder):  # errors: that folder is passed over
            for file in files:
                if os.path.splitext(file)[1] in YAML_SUFFIXES:
                    continue
                names.append(Path(where, file).relative_to(folder).as_posix())
                if len(names) >= _MAX_NAMES:
                    return names
    return names


def read_source(path: Path, shown: str) -> tuple[str | None, str, str]:
    """The article's text, or None, why it cannot be read and a hint."""
    text, problem = read_text(path, shown, MAX_ARTICLE_BYTES, "an article may not be larger")
    if problem is not None:
        where = f" (line {problem.line}, column {problem.column})" if problem.line else ""
        return None, f"{problem.message}{where}", problem.hint
    return text, "", ""
