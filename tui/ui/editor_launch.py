"""Starting the editor: the pack must load first (a pack with errors is for a text
editor and `validate --watch`), then the app owns the terminal."""

from __future__ import annotations

import sys
from pathlib import Path


def run_editor(pack: Path) -> int:
    from tui.core.authoring.session import Refused, Session
    from tui.core.pack.loader import load_pack

    if not pack.is_dir():
        print(f"debate-explorer edit: {pack} is not a pack's folder", file=sys.stderr)
        return 1
    try:
        session = Session(pack)
    except Refused:
        for line in load_pack(pack).report(pack):
            print(line, file=sys.stderr)
        print("debate-explorer edit: fix these first (debate-explorer validate --watch "
              f"{pack} re-checks on every save)", file=sys.stderr)
        return 1
    from .editor_app import EditorApp

    app = EditorApp(session)
    status = app.run()
    return status or app.return_code or 0
