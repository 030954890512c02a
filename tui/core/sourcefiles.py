"""Finding and reading a pack's source articles, never outside the allowed folders."""

from __future__ import annotations

from pathlib import Path

from .yamlfile import read_text


def allowed_folders(pack_folder: Path) -> list[Path]:
    """The pack's folder, then the `seeds/` folder beside the `content/` that holds it."""
    folders = [pack_folder]
    if pack_folder.parent.name == "content":
        seeds = pack_folder.parent.parent / "seeds"
        if seeds.is_dir():
            folders.append(seeds.resolve())
    return folders


def find_source(name: str, pack_folder: Path) -> tuple[Path | None, str]:
    """The resolved path of a source file, or None and why it cannot be used."""
    folders = allowed_folders(pack_folder)
    if "\0" in name:
        return None, "the file name contains a NUL character"
    if Path(name).is_absolute():
        return None, "source files are named relative to the pack; absolute paths are not allowed"
    escaped = False
    for folder in folders:
        try:
            candidate = (folder / name).resolve()
        except (OSError, RuntimeError) as error:  # a symlink loop, a name too long
            return None, f"cannot follow '{name}': {getattr(error, 'strerror', None) or error}"
        if not candidate.is_relative_to(folder):
            escaped = True
            continue
        if candidate.exists():
            if not candidate.is_file():
                return None, f"'{name}' is a folder, not a text file"
            return candidate, ""
    if escaped:
        return None, f"'{name}' points outside the pack and seeds folders, which is not allowed"
    places = " or ".join(str(f) for f in folders)
    return None, f"no file '{name}' in {places}"


def read_source(path: Path, shown: str) -> tuple[str | None, str]:
    """The article's text, or None and why it cannot be read."""
    text, problem = read_text(path, shown)
    if problem is not None:
        where = f" (line {problem.line}, column {problem.column})" if problem.line else ""
        return None, f"{problem.message}{where}"
    return text, ""
