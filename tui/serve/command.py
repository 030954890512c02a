"""`debate-explorer serve` and `debate-explorer report`: their options, and what the
teacher is told. The web server is imported only when `serve` runs."""

from __future__ import annotations

import argparse
import socket
import sys
import time
from pathlib import Path
from typing import Any

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
DEFAULT_PORT = 8000
DEFAULT_SEATS = 40  # a large class, with a few spare for a student who opens a second tab

SERVE_HELP = """\
Serve the explorer to the browsers of a classroom: each student types their name
and works in their own folder under --data; their case and drill are saved as they
go, so a reload or a lost connection loses nothing. On this machine only (the
default, localhost) no code is asked; on any other address students need the class
code (--code, or one is made up and printed).

This is for a classroom network. The class code keeps out a passer-by, not an
attacker: there is no TLS and no real login. To reach students over the internet,
put a reverse proxy with TLS and a proper login in front (see docs/serving.md)."""

REPORT_HELP = """\
Gather the cases of a class (the --data folder of `serve`) into one Markdown report:
who argued what, with which evidence, what they expect from the other side and how
they answer it. --csv also writes one row per argument, for a spreadsheet."""


def add_commands(commands: Any, serve: Any, report: Any) -> None:
    """The `serve` and `report` subcommands, run by the given functions."""
    parser = commands.add_parser(
        "serve", help="serve the explorer to a classroom's browsers",
        description=SERVE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pack", nargs="?", help="a pack folder or bundled pack name")
    parser.add_argument("--host", default="localhost",
                        help="the address to listen on (default localhost: this machine "
                        "only; 0.0.0.0 for every network this machine is on)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"the port (default {DEFAULT_PORT})")
    parser.add_argument("--code", help="the class code students type (default: none on "
                        "localhost, a new one printed at start on any other address)")
    parser.add_argument("--max-sessions", type=int, default=DEFAULT_SEATS, metavar="N",
                        help="at most this many students at once; the next is told the "
                        f"class is full (default {DEFAULT_SEATS})")
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="the class folder: one folder per student inside it "
                        "(default: 'class' in your data folder)")
    parser.add_argument("--side", help="the side every student argues, by id or label")
    parser.set_defaults(run=serve)

    gather = commands.add_parser(
        "report", help="gather a class's cases into one Markdown (and CSV) report",
        description=REPORT_HELP)
    gather.add_argument("data", type=Path, metavar="DATA_DIR",
                        help="the class folder given to `serve --data`")
    gather.add_argument("pack", nargs="?", help="the pack the class worked on "
                        "(default: the bundled pack)")
    gather.add_argument("-o", "--output", help="write the Markdown to this file instead "
                        "of standard output")
    gather.add_argument("--csv", metavar="FILE", help="also write one row per argument "
                        "to this CSV file")
    gather.set_defaults(run=report)


def class_folder(given: Path | None) -> Path:
    from tui.core.work.storage import data_folder

    return (given.expanduser() if given else data_folder() / "class").resolve()


def address_to_give(host: str) -> str:
    """The address students type: this machine's own on its network when the server
    listens on every address (0.0.0.0, ::), else the address given."""
    if host in ("", "0.0.0.0", "::"):
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this picks the route
            host = str(probe.getsockname()[0])
        except OSError:
            host = socket.gethostname()
        finally:
            probe.close()
    return f"[{host}]" if ":" in host else host


def serve(pack: Path, args: argparse.Namespace) -> int:
    from tui.ui.launch import load_or_report

    debate = load_or_report(pack)
    if debate is None:
        return 1
    if args.side:
        from tui.core.work.case import CaseError, resolve_side

        try:
            resolve_side(debate, args.side)
        except CaseError as error:
            print(f"debate-explorer serve: --side: {error}", file=sys.stderr)
            return 2
    if args.max_sessions < 1:
        print("debate-explorer serve: --max-sessions must be 1 or more", file=sys.stderr)
        return 2
    from .gate import Doorkeeper, Seats, new_code, typed_code

    code = args.code
    if code is not None and not typed_code(code):
        print("debate-explorer serve: --code must have letters or digits", file=sys.stderr)
        return 2
    if code is None and args.host not in LOCAL_HOSTS:
        code = new_code()
    folder = class_folder(args.data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"debate-explorer serve: cannot make {folder}: {error.strerror}", file=sys.stderr)
        return 1
    base = f"http://{address_to_give(args.host)}:{args.port}/"
    announce = [f"Debate Explorer: serving “{debate.info.title}” to browsers."]
    if code is None:
        announce.append(f"Open {base} in a browser on this machine (no class code on "
                        "localhost).")
    else:
        announce += [f"Give students this address: {base}?code={code}",
                     f"  or open {base} and type the class code {code}"]
    announce += [f"At most {args.max_sessions} students at once. Their work is kept in "
                 f"{folder}",
                 "For a classroom network only: anything wider needs TLS and a real login "
                 "in front (docs/serving.md).",
                 "Press Ctrl+C to stop."]
    import shutil
    import tempfile

    from .server import ClassServer, start_warm, student_command

    private = Path(tempfile.mkdtemp(prefix="debate-explorer-serve-"))  # this user's only
    warm_socket = private / "warm.sock"
    warm = start_warm(debate.folder, folder, args.side, warm_socket)
    # Students are told the address once the warm explorers are ready (a second or
    # two); should that process fail, each tab's explorer starts cold instead.
    waited = 0.0
    while not warm_socket.exists() and warm.poll() is None and waited < 30:
        time.sleep(0.05)
        waited += 0.05
    server = ClassServer(student_command(debate.folder, folder, args.side, warm_socket),
                         host=args.host, port=args.port, doorkeeper=Doorkeeper(code),
                         seats=Seats(args.max_sessions), announce=announce)
    try:
        server.serve()
    except OSError as error:
        print(f"debate-explorer serve: cannot listen on {args.host}:{args.port}: "
              f"{error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        warm.terminate()
        warm.wait(10)
        shutil.rmtree(private, ignore_errors=True)
    return 0


def report(pack: Path, args: argparse.Namespace) -> int:
    from tui.core.files import write_atomically
    from tui.core.work.report import read_class, to_csv, to_report
    from tui.ui.launch import load_or_report

    debate = load_or_report(pack)
    if debate is None:
        return 1
    folder = args.data.expanduser()
    if not folder.is_dir():
        print(f"debate-explorer report: {folder} is not a folder (give the folder "
              "`serve --data` used)", file=sys.stderr)
        return 1
    class_cases = read_class(folder, debate)
    try:
        if args.csv:
            write_atomically(Path(args.csv), to_csv(debate, class_cases))
        if args.output:
            write_atomically(Path(args.output), to_report(debate, class_cases))
        else:
            sys.stdout.write(to_report(debate, class_cases))
    except OSError as error:
        print(f"debate-explorer report: cannot write {error.filename}: {error.strerror}",
              file=sys.stderr)
        return 1
    print(f"{len(class_cases)} students' cases gathered.", file=sys.stderr)
    return 0
