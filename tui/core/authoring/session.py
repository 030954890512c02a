"""An authoring session: every change is checked by the validator before a byte is
written, written atomically, and can be undone.

A change is drafted against the pack's files as they are on disk now (a teacher
may have an editor open on them too), checked with the loader reading the
drafted texts instead of the files, and only then written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.authoring.yamltext import EditRefused, YamlText
from tui.core.files import write_atomically
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.pack.packfiles import read_text, scan_pack, shown_path
from tui.core.wording import plural


class Refused(Exception):
    """A change that was not made; `str()` is what the teacher is told (the validator's
    own message when it is the validator that refuses)."""


@dataclass
class Step:
    """One change made: what it was, and each file's text before and after (None: none)."""

    what: str
    before: dict[Path, str | None]
    after: dict[Path, str | None]


class Draft:
    """The pack's YAML files with a change being made to them, not yet written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = scan_pack(folder).files
        self._disk: dict[Path, str | None] = {}
        self.new: dict[Path, str | None] = {}
        self._docs: dict[Path, YamlText] = {}

    def on_disk(self, path: Path) -> str | None:
        if path not in self._disk:
            if not path.exists():
                self._disk[path] = None
            else:
                text, problem = read_text(path, shown_path(path))
                if problem is not None:
                    raise Refused(str(problem))
                self._disk[path] = text
        return self._disk[path]

    def text(self, path: Path) -> str:
        return (self.new[path] if path in self.new else self.on_disk(path)) or ""

    def doc(self, path: Path) -> YamlText:
        if path not in self._docs:
            self._docs[path] = YamlText(self.text(path), shown_path(path))
        return self._docs[path]

    def _set(self, path: Path, text: str) -> None:
        self.new[path] = text
        self._docs.pop(path, None)
        if path not in self.files:
            self.files.append(path)

    # -- where records are --------------------------------------------------------

    def holding(self, section: str) -> list[Path]:
        """The files that give the section, in the loader's order."""
        return [p for p in sorted(self.files) if self.doc(p).section(section) is not None]

    def file_of(self, section: str, record_id: str) -> Path:
        for path in self.holding(section):
            if self.doc(path).record(section, record_id) is not None:
                return path
        raise Refused(f"the pack has no {section} record '{record_id}'")

    def ids(self, section: str) -> set[str]:
        return {i for path in self.holding(section) for i in self.doc(path).ids(section)}

    # -- edits ----------------------------------------------------------------------

    def append(self, section: str, values: dict[str, Any], home: Path | None = None) -> None:
        """Add a record: to `home`, else the last file giving the section, else a new
        file named after the section."""
        if home is None:
            held = self.holding(section)
            home = held[-1] if held else self.folder / f"{section}.yaml"
        self._edit(home, lambda doc: doc.append_record(section, values))

    def set(self, section: str, record_id: str, key: str, value: Any) -> None:
        """Set one key of a record (None removes it; an empty list too)."""
        if isinstance(value, (list, tuple)):
            value = list(value) or None
        path = self.file_of(section, record_id)
        self._edit(path, lambda doc: doc.set_field(section, record_id, key, value))

    def remove(self, section: str, record_id: str) -> None:
        path = self.file_of(section, record_id)
        self._edit(path, lambda doc: doc.remove_record(section, record_id))

    def _edit(self, path: Path, edit: Callable[[YamlText], str]) -> None:
        try:
            self._set(path, edit(self.doc(path)))
        except EditRefused as error:
            raise Refused(str(error)) from None


class Session:
    """A pack open for authoring: its checked debate, and the changes that can be undone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        result = load_pack(folder)
        if result.debate is None:
            raise Refused(str(result.errors[0]))
        self.debate: Debate = result.debate
        self.steps: list[Step] = []

    def draft(self) -> Draft:
        return Draft(self.folder)

    def commit(self, draft: Draft, what: str) -> Debate:
        """Check the drafted change with the validator and write it, or refuse it."""
        if not draft.new:
            return self.debate
        self._write(draft.new)
        self.steps.append(Step(what, {p: draft.on_disk(p) for p in draft.new}, dict(draft.new)))
        return self.debate

    def undo(self) -> str:
        """Undo the last change; what it was, for the teacher. Refused when a file has
        changed since (undoing would lose that edit) or nothing is left to undo."""
        if not self.steps:
            raise Refused("nothing to undo")
        step = self.steps[-1]
        draft = self.draft()
        for path, text in step.after.items():
            if draft.on_disk(path) != text:
                raise Refused(f"{shown_path(path)} has changed since '{step.what}'; undoing "
                              "would lose that change")
        self._write(step.before)
        self.steps.pop()
        return step.what

    def _write(self, texts: dict[Path, str | None]) -> None:
        result = load_pack(self.folder, overlay=texts)
        if result.debate is None:
            errors = result.errors
            more = f" (and {plural(len(errors) - 1, 'more problem')})" if len(errors) > 1 else ""
            raise Refused(str(errors[0]) + more)
        for path, text in texts.items():
            if text is None:
                path.unlink(missing_ok=True)
                continue
            try:
                mode = os.stat(path).st_mode & 0o777
            except FileNotFoundError:
                mode = 0o644
            write_atomically(path, text, mode=mode)
        self.debate = result.debate
