"""One student's app process, started by the server for each browser tab: the
explorer, opened once the student has said who they are, on their own folder.

The class folder comes from the command line the server wrote; the browser only
ever gives the name typed on the first screen (see `tui.core.work.classroom`).
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import os
import sys
from collections.abc import Collection
from pathlib import Path

from textual import events, on

from tui.core.pack.model import Debate
from tui.core.work.classroom import enrol, last_place, remember_place
from tui.ui.app import ExplorerApp
from tui.ui.launch import load_or_report
from tui.ui.shell import AppShell

from .name_screen import NameScreen

# What a student may do before saying who they are: nothing that reads or writes a case.
BEFORE_NAMED = frozenset({"quit", "help", "toggle_theme", "command_palette"})


class ClassroomApp(ExplorerApp):
    """The explorer with a name screen in front; the student's folder is chosen from
    the name, never from anything else the browser sends."""

    # The explorer's styles, where they are (a relative CSS_PATH is read beside this file).
    CSS_PATH = str(Path(inspect.getfile(AppShell)).with_name(str(AppShell.CSS_PATH)))

    def __init__(self, debate: Debate, class_folder: Path, side: str | None = None) -> None:
        super().__init__(debate, data_dir=None, side=side)
        self.class_folder = class_folder
        self.student = ""
        self._place: tuple[str, str] = ("debate", "")

    @on(events.Mount)
    def _ask_name(self, event: events.Mount) -> None:
        event.prevent_default()  # the explorer's own on_mount runs once the student is named
        self.push_screen(NameScreen(self.debate.info.title), self._named)
        self._server_pid = os.getppid()
        self.set_interval(2.0, self._end_with_the_server)

    def _end_with_the_server(self) -> None:
        """A server that stopped (or was killed) cannot reach this process again: end
        it, rather than leave it running with no browser (the work is saved)."""
        if os.getppid() != self._server_pid:
            self.exit()

    def _named(self, name: str | None) -> None:
        if not name:
            return
        try:
            self.data_dir = enrol(self.class_folder, name)
        except OSError as error:
            self.notify(f"Your folder could not be made ({error.strerror or error}). "
                        "Tell your teacher.", severity="error", timeout=30)
            self.push_screen(NameScreen(self.debate.info.title), self._named)
            return
        self.student = name
        self.sub_title = name
        ExplorerApp.on_mount(self)
        self._go_back_to_where_they_were()
        self.set_interval(1.0, self._remember_place)

    def _go_back_to_where_they_were(self) -> None:
        """After a reload or a lost connection, the place the student had open (the
        debate stays one step back)."""
        place = last_place(self.data_dir) if self.data_dir else None
        if place is None or place[0] == "debate":
            return
        kind, record_id = place
        records: dict[str, Collection[str]] = {
            "argument": self.debate.arguments, "source": self.debate.sources,
            "speaker": self.debate.speakers, "facts": ("",)}
        if record_id not in records.get(kind, ()):  # a pack edited since, or a damaged file
            return
        # Once the debate is drawn: the navigator keeps the cursor of the view it leaves.
        self.call_after_refresh(self.navigator.open, kind, record_id)
        self._place = place

    def _remember_place(self) -> None:
        current = self.navigator.history.current
        if current is None or self.data_dir is None or current.place.key == self._place:
            return
        self._place = current.place.key
        with contextlib.suppress(OSError):  # only a convenience: the case is saved apart
            remember_place(self.data_dir, *self._place)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.student and action not in BEFORE_NAMED:
            return False
        return super().check_action(action, parameters)


def parse_and_load(prog: str, argv: list[str] | None,
                   *extra: str) -> tuple[argparse.Namespace, Debate] | None:
    """The command line the server writes for a student's explorer (`--class-dir`,
    `--side`, the pack, and any `extra` required path options), the class folder made
    absolute, and the pack loaded; None once a pack that cannot load is reported."""
    parser = argparse.ArgumentParser(prog=prog)
    for option in extra:
        parser.add_argument(option, type=Path, required=True)
    parser.add_argument("--class-dir", type=Path, required=True)
    parser.add_argument("--side")
    parser.add_argument("pack", type=Path)
    args = parser.parse_args(argv)
    debate = load_or_report(args.pack)
    if debate is None:
        return None
    args.class_dir = args.class_dir.resolve()
    return args, debate


def main(argv: list[str] | None = None) -> int:
    loaded = parse_and_load("debate-explorer serve (one student)", argv)
    if loaded is None:
        return 1
    args, debate = loaded
    app = ClassroomApp(debate, args.class_dir, args.side)
    status = app.run()
    return status or app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
