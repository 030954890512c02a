"""Starting a pack from articles: a folder that validates, with what the teacher has
still to write marked as placeholders the validator reports as warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.core.authoring.operations import new_id
from tui.core.authoring.yamltext import dump
from tui.core.files import write_atomically
from tui.core.pack.packfiles import read_text, shown_path
from tui.core.pack.schema import PLACEHOLDER

_HEADER = (f"# Made by `debate-explorer new`. '{PLACEHOLDER}' marks what is still to write: "
           "`debate-explorer validate`\n# lists each as a warning. Add quotes, arguments and "
           "facts with `debate-explorer edit`.\n")


_MODE = 0o644  # a teacher's files, as an editor would make them (a temporary file is 0600)


def todo(what: str) -> str:
    return f"{PLACEHOLDER}: {what}"


def new_pack(folder: Path, articles: list[Path], *, title: str = "", motion: str = "",
             positions: list[str] = ()) -> list[Path]:  # type: ignore[assignment]
    """Make the pack; the files written. Refuses (ValueError, in the teacher's words) a
    folder that holds files already, or an article that is not UTF-8 text."""
    if not articles:
        raise ValueError("give at least one article: --article FILE")
    if folder.exists() and any(folder.iterdir()):
        raise ValueError(f"{shown_path(folder)} is not empty; give a new folder")
    names = list(positions) or [todo("the first side"), todo("the second side")]
    if len(names) < 2:  # before a byte is written: a refused pack leaves no folder behind
        raise ValueError("a debate needs at least two positions: give --position twice")
    texts: list[tuple[Path, str]] = []
    for article in articles:
        text, problem = read_text(article, shown_path(article), 64_000_000,
                                  "an article may not be larger")
        if problem is not None:
            raise ValueError(str(problem))
        texts.append((article, text or ""))
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sources: list[str] = []
    taken_names: set[str] = set()
    taken_ids: set[str] = set()
    for article, text in texts:
        name = _free_name(article.name, taken_names)
        shutil.copyfile(article, folder / name)  # unchanged, byte for byte
        written.append(folder / name)
        source_id = new_id(Path(name).stem, taken_ids, 4)
        taken_ids.add(source_id)
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        record = {"id": source_id, "file": name, "original_file": article.name,
                  "outlet": todo("who published it"),
                  "headline": todo(f"a headline in your words (it starts '{first_line[:50]}')"),
                  "approximate_date": todo("when it was published"),
                  "date_reason": todo("what in the text dates it (or give date: YYYY-MM-DD)")}
        words = len(text.split())
        sources.append(f"  # {article.name}: {len(text.splitlines())} lines, {words} words, "
                       f"{len(text)} characters\n  " + dump([record], 2) + "\n")
    write_atomically(folder / "sources.yaml", _HEADER + "sources:\n" + "\n".join(sources),
                     mode=_MODE)
    written.append(folder / "sources.yaml")
    made: list[dict[str, object]] = []
    ids: set[str] = set()
    for number, name in enumerate(names):
        position_id = new_id(name.removeprefix(f"{PLACEHOLDER}:"), ids, 3)
        ids.add(position_id)
        made.append({"id": position_id, "name": name,
                     "label": name if len(name) <= 20 else " ".join(name.split()[:2]),
                     "side": "for" if number % 2 == 0 else "against",
                     "stance": todo("the side's stance in a sentence"), "members": [name]})
    pack = {"title": title or todo("the pack's title"),
            "motion": motion or todo("the motion being debated"),
            "summary": todo("a short, neutral summary of the dispute, in your words")}
    write_atomically(folder / "pack.yaml", _HEADER + "pack:\n  " + dump(pack, 2) + "\n\n"
                     "positions:\n  " + dump(made, 2) + "\n", mode=_MODE)
    written.append(folder / "pack.yaml")
    return written


def _free_name(name: str, taken: set[str]) -> str:
    """The article's own name, or with -2, -3 ... when two articles share it."""
    stem, suffix = Path(name).stem, Path(name).suffix
    if suffix in (".yaml", ".yml", ""):  # an article must not be read as a pack file
        suffix = ".txt"
    candidate, number = f"{stem}{suffix}", 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    taken.add(candidate)
    return candidate
