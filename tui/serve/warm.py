"""A warm explorer for every student: one process that has imported Textual and loaded
the pack waits on a Unix socket; for each browser tab (`tui.serve.attach`) it forks a
child that takes the tab's standard input and output and runs the student's explorer.

Forked children share the parent's imported code and pack until they change it, and
start in a fraction of the time a new Python process takes. The class folder comes
from this process's command line, set by the server, as for a cold start.

    python -m tui.serve.warm --socket PATH --class-dir DIR [--side SIDE] PACK
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import random
import signal
import socket
import sys
import traceback
from pathlib import Path
from typing import NoReturn

from tui.core.pack.model import Debate

from .student import ClassroomApp, parse_and_load

SIZE_KEYS = ("COLUMNS", "ROWS")


def _prepare() -> None:
    """Import now what every student's first screens import, so children share it."""
    import tui.ui.screens.debate
    import tui.ui.widgets.argument_list  # noqa: F401

    from . import name_screen  # noqa: F401


def _student(debate: Debate, class_folder: Path, side: str | None, handed: socket.socket,
             streams: list[int], size: bytes) -> NoReturn:
    """In the forked child: take the tab's streams and run its explorer."""
    status = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for target, stream in enumerate(streams):
            os.dup2(stream, target)
            if stream > 2:
                os.close(stream)
        asked = json.loads(size.decode() or "{}")
        for key in SIZE_KEYS:
            if str(asked.get(key, "")).isdigit():
                os.environ[key] = str(asked[key])
        random.seed()  # children of one parent would otherwise shuffle alike
        handed.sendall(b"+")
        app = ClassroomApp(debate, class_folder, side)
        status = app.run() or app.return_code or 0
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(status)


def serve_forks(debate: Debate, class_folder: Path, side: str | None, path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(128)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    gc.freeze()  # what is loaded now is shared with every child: keep the collector off it
    server = os.getppid()
    listener.settimeout(2.0)
    while os.getppid() == server:  # a server killed outright leaves no warm process behind
        try:
            handed, _ = listener.accept()
        except TimeoutError:
            continue
        handed.settimeout(None)
        try:
            size, streams, _, _ = socket.recv_fds(handed, 4096, 3)
        except OSError:
            handed.close()
            continue
        if len(streams) != 3:
            for stream in streams:
                os.close(stream)
            handed.close()
            continue
        if os.fork() == 0:
            listener.close()
            _student(debate, class_folder, side, handed, streams, size)
        for stream in streams:
            os.close(stream)
        handed.close()


def main(argv: list[str] | None = None) -> int:
    loaded = parse_and_load("debate-explorer serve (warm explorers)", argv, "--socket")
    if loaded is None:
        return 1
    args, debate = loaded
    _prepare()
    with contextlib.suppress(KeyboardInterrupt):
        serve_forks(debate, args.class_dir, args.side, args.socket)
    return 0


if __name__ == "__main__":
    sys.exit(main())
