"""Writing what the student takes away, from any screen: their case as a page to print
(or Markdown, by the file's ending) and the whole debate exported. Files go to the data
folder unless the student names another place, and the path is always shown."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual.app import App

from tui.core.pack.model import Debate
from tui.core.work.casebook import CaseBook
from tui.core.work.handout import handout_path, to_handout
from tui.core.work.handout_html import to_html
from tui.core.work.settings import Remembered
from tui.core.work.storage import data_folder, write_atomically

from .screens.handout_dialog import FileDialog

MARKDOWN = (".md", ".markdown", ".txt")


def ask_for_handout(app: App[Any], casebook: CaseBook,
                    remembered: Remembered | None = None) -> None:
    """The case handout: HTML to print, or Markdown when the file ends in .md. In a
    browser (`debate-explorer serve`) the Markdown handout is downloaded instead: the
    server's folders are not the student's."""
    if app.is_web:
        name = f"my-case-{casebook.debate.folder.name}.md"
        app.deliver_text(io.StringIO(to_handout(casebook.debate, casebook.case)),
                         save_filename=name, mime_type="text/markdown")
        app.notify(f"Handout downloaded as {name}.", timeout=8, markup=False)
        return
    folder = casebook.storage.folder.parent  # the data folder the case is kept in
    default = handout_path(casebook.debate, folder, ".html")
    if remembered is None:  # a case screen shown on its own (tests)
        remembered = Remembered(folder, lambda text: app.notify(text, severity="warning"))
    settings = remembered

    def write(answer: tuple[str, Path] | None) -> None:
        if answer is None:
            return
        name, path = answer
        if name != settings.settings.student_name:
            settings.change(student_name=name)
        case = casebook.case
        markdown = path.suffix.lower() in MARKDOWN
        page = to_handout(casebook.debate, case) if markdown else to_html(casebook.debate,
                                                                           case, name)
        _write(app, path, page, default.parent, "Handout",
               "" if markdown else " Open it in a browser to print it.")

    app.push_screen(FileDialog("Your case as a handout: a page to print (.html), or Markdown "
                               "(.md). Enter moves on and writes; Escape cancels.", default,
                               settings.settings.student_name), write)


def ask_for_export(app: App[Any], debate: Debate, data_dir: Path | None) -> None:
    """Both sides of the debate in full: Markdown, or JSON when the file ends in .json."""
    from tui.core.work.storage import pack_key

    default = data_folder(data_dir) / "exports" / f"{pack_key(debate.folder)}.md"

    def write(answer: tuple[str, Path] | None) -> None:
        if answer is None:
            return
        _, path = answer
        if path.suffix.lower() == ".json":
            from tui.core.export.as_json import to_json

            text = to_json(debate)
        else:
            from tui.core.export.as_markdown import to_markdown

            text = to_markdown(debate)
        _write(app, path, text, default.parent, "Export", "")

    app.push_screen(FileDialog("The whole debate, both sides: Markdown (.md) or JSON (.json). "
                               "Enter writes; Escape cancels.", default), write)


def _write(app: App[Any], path: Path, text: str, own_folder: Path, what: str,
           after: str) -> None:
    try:
        if path.parent == own_folder:  # the app's own folder is made; another is not
            path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError as error:
        app.notify(f"The {what.lower()} could not be written to {path}: {error.strerror or error}.",
                   severity="error", timeout=10, markup=False)
        return
    app.notify(f"{what} written to {path}.{after}", timeout=10, markup=False)
