"""The teacher's commands: `new` (a pack from articles), `edit` (author it in the app) and
what `validate --watch` adds (check again on every save)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

NEW_EXAMPLE = """\
example:
  debate-explorer new content/mill-street \\
      --article ~/Downloads/harbour-gazette.txt --article ~/Downloads/valley-radio.txt \\
      --title "Close Mill Street to cars?" \\
      --motion "Mill Street should be closed to through traffic." \\
      --position "Town council" --position "Mill Street traders"

The articles are copied in unchanged, one source each; what you did not give
is left as 'TODO: ...', which `debate-explorer validate` lists as warnings.
Then add quotes, arguments, links and facts by keyboard:

  debate-explorer edit content/mill-street
"""


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = commands.add_parser(
        "new", help="start a pack from articles", epilog=NEW_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Start a pack in a new folder from one or more articles (UTF-8 text).")
    new.add_argument("folder", type=Path, help="the new pack's folder (new or empty)")
    new.add_argument("--article", type=Path, action="append", required=True, metavar="FILE",
                     help="an article the quotes will come from; give it once per article")
    new.add_argument("--title", default="", help="the pack's title")
    new.add_argument("--motion", default="", help="the motion or question debated")
    new.add_argument("--position", action="append", default=[], metavar="NAME",
                     help="a side of the debate; give it once per side (at least two)")
    new.set_defaults(run=new_command)
    edit = commands.add_parser(
        "edit", help="author a pack by keyboard: quotes, arguments, links, facts",
        description="Open a pack to change its files: select passages in its articles and "
        "make them quotes, add and link arguments, add facts. Every change is checked "
        "by the validator before it is written; u undoes.")
    edit.add_argument("pack", type=Path, help="the pack's folder")
    edit.set_defaults(run=edit_command)


def new_command(args: argparse.Namespace) -> int:
    from tui.core.authoring.newpack import new_pack

    try:
        written = new_pack(args.folder, args.article, title=args.title, motion=args.motion,
                           positions=args.position)
    except (ValueError, OSError) as error:
        print(f"debate-explorer new: {getattr(error, 'strerror', None) or error}",
              file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"Next: debate-explorer validate {args.folder}   (the TODOs are warnings)\n"
          f"      debate-explorer edit {args.folder}")
    return 0


def edit_command(args: argparse.Namespace) -> int:
    from tui.ui.editor_launch import run_editor

    return run_editor(args.pack)


def watch(pack: Path, check: Callable[[], int], stop: threading.Event | None = None) -> int:
    """Check the pack, then again after every change to a file in its folder, until
    Ctrl+C (or `stop`, for tests)."""
    import watchfiles

    check()
    print("Watching for changes (Ctrl+C to stop) ...", flush=True)
    try:
        for _changes in watchfiles.watch(pack, stop_event=stop, debounce=300,
                                         watch_filter=_pack_file, raise_interrupt=False):
            print(f"\n--- {time.strftime('%H:%M:%S')}: a file changed; checking again ---",
                  flush=True)
            check()
            sys.stdout.flush()
            sys.stderr.flush()
    except KeyboardInterrupt:  # pragma: no cover - raise_interrupt=False catches it first
        pass
    return 0


def _pack_file(_change: object, path: str) -> bool:
    """Pack files and articles; not an editor's swap, backup or our own temporary file."""
    name = Path(path).name
    return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")))
