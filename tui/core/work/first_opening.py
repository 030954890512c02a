"""What the app offers once per pack, on its first opening (the pack's background), and
remembers having offered: a small file per pack in the student's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.files import write_atomically
from tui.core.work.storage import data_folder, pack_key


class FirstOpening:
    """Whether this pack's background has been offered to the student yet."""

    def __init__(self, pack_folder: Path, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.path = data_folder(data_dir) / "offered" / f"{pack_key(pack_folder)}.background"

    @property
    def background_offered(self) -> bool:
        return self.path.exists()

    def remember_background_offered(self) -> None:
        """Never offer it unasked again. A folder that cannot be written is no error:
        the offer comes once more next time, which is all it costs."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, "offered\n")
        except OSError:
            pass
