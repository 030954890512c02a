"""Shared by the case and drill screen tests: a pack with enough arguments to
order and drill, a case book on a temporary data folder, and an app that shows
one screen over an empty base, as the explorer will."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from tui.core.pack.loader import load_pack
from tui.core.work.casebook import CaseBook

GOOD = Path(__file__).parent / "packs" / "good"

MORE_ARGUMENTS = """\
arguments:
  - id: fewer-needles
    position: council
    claim: Fewer needles are left on the streets.
    summary: The council says used needles would be collected.
    themes: [health]
  - id: cheaper-than-harm
    position: council
    claim: The room costs less than the harm it prevents.
    summary: The council compares the cost with the cost of deaths.
    themes: [health]
    rebuts: [too-costly]
  - id: too-costly
    position: ministry
    claim: The room costs too much.
    summary: The ministry says the money is better spent elsewhere.
    themes: [evidence]
"""


def case_pack(folder: Path) -> Path:
    """The good test pack plus three arguments: three for the council, two against."""
    shutil.copytree(GOOD, folder)
    (folder / "more.yaml").write_text(MORE_ARGUMENTS, encoding="utf-8")
    return folder


def casebook(tmp_path: Path, side: str | None = None) -> CaseBook:
    pack = tmp_path / "pack"
    if not pack.exists():
        case_pack(pack)
    return CaseBook(load_pack(pack).debate, tmp_path / "data", assigned_side=side)


class ScreenApp(App):
    """Pushes one screen over a blank one, so closing it has somewhere to go."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.told: list[tuple[str, str]] = []  # every notification, as the student saw it

    def notify(self, message, *, severity="information", **kwargs) -> None:
        self.told.append((str(message), severity))
        super().notify(message, severity=severity, **kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())

    def base_is_showing(self) -> bool:
        return type(self.screen) is Screen


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)
