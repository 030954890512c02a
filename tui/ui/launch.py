"""Starting the explorer: load and check the pack first, then hand it to the app.

A broken pack never reaches the explorer: its problems go to stderr and the
command exits 1, with the terminal left as it was. When several packs are
bundled and none is named, the student picks one in an app of its own first.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from tui.core.pack.bundled import bundled_packs
from tui.core.pack.cache import load_pack_cached
from tui.core.pack.model import Debate


def load_or_report(pack: Path) -> Debate | None:
    """The checked debate, or None after printing every problem to stderr."""
    result = load_pack_cached(pack)
    if result.debate is None:  # warnings are for `validate`: a pack that loads opens
        for line in result.report(pack):
            print(line, file=sys.stderr)
    return result.debate


def run(pack: Path, args: argparse.Namespace) -> int:
    # With no pack named and several bundled, the student picks; otherwise open `pack`.
    packs = bundled_packs() if getattr(args, "pack", None) is None else []
    side = getattr(args, "side", None)
    if len(packs) > 1:
        picked = pick(packs)
        if isinstance(picked, int):
            return picked
        debate = picked
    else:
        loaded = load_or_report(pack)
        if loaded is None:
            return 1
        debate = loaded
        if side is not None:  # a teacher's launch command with a wrong side fails at once
            from tui.core.work.case import CaseError, resolve_side

            try:
                resolve_side(debate, side)
            except CaseError as error:
                print(f"debate-explorer: --side: {error}", file=sys.stderr)
                return 2
    from .app import ExplorerApp  # Textual is imported only once the pack is good

    gc.freeze()  # what start-up made stays all session: the collector need not walk it

    while True:
        app = ExplorerApp(debate, data_dir=getattr(args, "data_dir", None), side=side)
        app.freeze_what_lasts = True
        status = app.run()
        if not app.wants_editor or app.unsaved:
            break
        from .editor_launch import run_editor  # E: edit the pack, then explore it again

        run_editor(debate.folder)
        reloaded = load_or_report(debate.folder)
        if reloaded is None:
            return 1
        debate = reloaded
    if app.unsaved:  # a notification while quitting is never seen: say it here too
        print(f"debate-explorer: your last changes were not saved: {app.unsaved}",
              file=sys.stderr)
    # A crash (an exception in the app) is 1, and so is work the student did not get saved.
    return status or app.return_code or (1 if app.unsaved else 0)


def pick(packs: list[Path]) -> Debate | int:
    """The debate the student picks among the bundled packs, or the status to exit with
    (0 when they quit, 1 after printing the problems of a pack that does not load)."""
    from .picker_app import PickerApp

    picker = PickerApp(packs)
    debate = picker.run()
    if picker.exit_message:
        print(picker.exit_message, file=sys.stderr)
    return debate if debate is not None else picker.return_code or 0
