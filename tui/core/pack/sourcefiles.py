"""Finding and reading a pack's source articles, never outside the allowed folders."""

from __future__ import annotations

from pathlib import Path

from tui.core.pack.packfiles import read_text
from tui.core.pack.problems import did_you_mean


def allowed_folders(pack_folder: Path) -> list[Path]:
    """The pack's folder, then the `seeds/` folder beside the `content/` that holds it."""
    folders = [pack_folder]
    if pack_folder.parent.name == "content":
        seeds = pack_folder.parent.parent / "seeds"
        if seeds.is_dir():
            folders.append(seeds.resolve())
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
        except (OSError, RuntimeError) as error:  # a symlink loop, a name too long
            return None, f"cannot follow '{name}': {getattr(error, 'strerror', None) or error}", ""
        if not candidate.is_relative_to(folder):
            escaped = True  # by '..' or by a symbolic link
            continue
        if candidate.exists():
            if not candidate.is_file():
                return None, f"'{name}' is a folder, not a text file", ""
            return candidate, "", ""
    if escaped:
        return None, f"'{name}' points outside the pack's folder", (
            "sources must be inside the pack's folder or the seeds/ folder beside content/")
    places = "the pack's folder" + (" or seeds/" if len(folders) > 1 else "")
    return None, f"there is no file '{name}' in {places}", did_you_mean(name, _files_in(folders))


def _files_in(folders: list[Path]) -> list[str]:
    """The names a source could have been meant to give, for a 'did you mean'."""
    names = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix not in (".yaml", ".yml"):
                names.append(path.relative_to(folder).as_posix())
    return names


def read_source(path: Path, shown: str) -> tuple[str | None, str, str]:
    """The article's text, or None, why it cannot be read and a hint."""
    text, problem = read_text(path, shown)
    if problem is not None:
        where = f" (line {problem.line}, column {problem.column})" if problem.line else ""
        return None, f"{problem.message}{where}", problem.hint
    return text, "", ""
