"""What textual-serve starts for each browser tab: a tiny process (the standard library
only, run with `python -I -S`) that hands its standard input and output to a warm
explorer forked for it (`tui.serve.warm`), and ends. textual-serve talks to the tab's
process through those pipes alone (it reads until the output closes, and asks the
app to quit through the input), so the explorer holding them is all it needs.

A class opening at once then costs a fork each, not a Python start with Textual's
imports and the pack's loading (about a second of a core each). If the warm process
is not there, the tab's explorer starts cold: the command after `--` is run instead.

    python -I -S attach.py SOCKET -- COMMAND...
"""

from __future__ import annotations

import json
import os
import socket
import sys


def main() -> None:
    path, cold = sys.argv[1], sys.argv[3:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as warm:
            warm.connect(path)
            size = {key: os.environ[key] for key in ("COLUMNS", "ROWS") if key in os.environ}
            socket.send_fds(warm, [json.dumps(size).encode()], [0, 1, 2])
            if warm.recv(1) != b"+":  # the forked explorer has taken our streams
                raise ConnectionError("the warm process did not start an explorer")
    except OSError:
        os.execv(cold[0], cold)
    os._exit(0)  # a process less per student: the explorer holds the pipes now


if __name__ == "__main__":
    main()
