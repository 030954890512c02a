"""What textual-serve starts for each browser tab: a tiny process (the standard library
only, run with `python -I -S`) that hands its standard input and output to a warm
explorer forked for it (`tui.serve.warm`), then waits for that explorer to end.

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
            # The explorer holds the streams now: ours would keep the pipes open after it ends.
            for stream in (0, 1, 2):
                os.close(stream)
            status = warm.recv(1)  # its exit status, or nothing if it died
            os._exit(status[0] if status else 1)
    except OSError:
        os.execv(cold[0], cold)


if __name__ == "__main__":
    main()
