"""The class's web server: textual-serve's, with a door in front. A browser that has
not given the class code gets a form, never an app process; one that has gets a
cookie; at most `Seats.limit` app processes run, and the next browser is told the
class is full. Each process is started by a command line this server writes."""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from . import pages
from .gate import Doorkeeper, Seats

PASS_COOKIE = "debate_explorer_class"
NOT_ADMITTED = "Open the class page and give the class code first."
LARGEST_TERMINAL = (400, 200)  # columns, rows: a browser asking for more is refused


def student_command(pack: Path, class_folder: Path, side: str | None = None,
                    warm: Path | None = None) -> str:
    """The shell command for one student's process (textual-serve runs it with a
    shell: `exec` leaves no shell process behind). With `warm`, the socket of
    `tui.serve.warm`, the tab's explorer is forked from there, and started cold only
    when that fails."""
    cold = [sys.executable, "-m", "tui.serve.student", "--class-dir", str(class_folder)]
    if side:
        cold += ["--side", side]
    cold.append(str(pack))
    if warm is None:
        return "exec " + shlex.join(cold)
    attach = Path(__file__).with_name("attach.py")
    return "exec " + shlex.join([sys.executable, "-I", "-S", str(attach), str(warm), "--",
                                 *cold])


def start_warm(pack: Path, class_folder: Path, side: str | None,
               socket_path: Path) -> subprocess.Popen[bytes]:
    """The warm explorer process (`tui.serve.warm`), in the environment textual-serve
    gives an app process: Textual reads it once, at import, before any fork."""
    environment = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
                       TEXTUAL_FPS="60", TEXTUAL_COLOR_SYSTEM="truecolor",
                       TERM_PROGRAM="textual", TERM_PROGRAM_VERSION=version("textual-serve"))
    command = [sys.executable, "-m", "tui.serve.warm", "--socket", str(socket_path),
               "--class-dir", str(class_folder)]
    if side:
        command += ["--side", side]
    return subprocess.Popen([*command, str(pack)], env=environment, stdin=subprocess.DEVNULL)


class ClassServer(Server):
    """textual-serve's `Server` whose public handlers ask the doorkeeper first."""

    def __init__(self, command: str, *, host: str, port: int, doorkeeper: Doorkeeper,
                 seats: Seats, announce: list[str]) -> None:
        super().__init__(command, host=host, port=port, title="Debate Explorer")
        self.doorkeeper = doorkeeper
        self.seats = seats
        self.announce = announce  # what the teacher is told at start

    def initialize_logging(self) -> None:
        # Warnings and errors only, plainly: not a line per request in the teacher's terminal.
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

    def _admitted(self, request: web.Request) -> bool:
        return self.doorkeeper.admitted(request.cookies.get(PASS_COOKIE))

    async def handle_index(self, request: web.Request) -> web.Response:
        attempt = request.query.get("code")
        if not self._admitted(request):
            if attempt is None:
                return _html(pages.code_form())
            client = request.remote or "unknown"
            if not await self.doorkeeper.try_code(client, attempt):
                return _html(pages.code_form("That is not the class code. Check it and "
                                             "try again."), status=403)
            admitted = web.HTTPSeeOther(location="./")
            admitted.set_cookie(PASS_COOKIE, self.doorkeeper.pass_token, httponly=True,
                                samesite="Strict", path="/")
            raise admitted
        if attempt is not None:  # the code out of the address bar, so a reload is plain
            raise web.HTTPSeeOther(location="./")
        if self.seats.taken >= self.seats.limit:
            return _html(pages.class_full(self.seats.limit), status=503)
        return _html(pages.app_page(_font_size(request)))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._admitted(request) or not _same_origin(request):
            raise web.HTTPForbidden(text=NOT_ADMITTED)
        width, height = (_int(request.query.get(k, "80")) for k in ("width", "height"))
        if not (0 < width <= LARGEST_TERMINAL[0] and 0 < height <= LARGEST_TERMINAL[1]):
            raise web.HTTPBadRequest(text="That terminal size is not possible.")
        if not self.seats.take():
            raise web.HTTPServiceUnavailable(text="The class is full.")
        try:
            return await super().handle_websocket(request)
        finally:
            self.seats.give_back()

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if not self._admitted(request):
            raise web.HTTPForbidden(text=NOT_ADMITTED)
        return await super().handle_download(request)

    async def on_startup(self, app: web.Application) -> None:
        for line in self.announce:
            print(line, flush=True)


def _html(text: str, status: int = 200) -> web.Response:
    response = web.Response(text=text, status=status, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _same_origin(request: web.Request) -> bool:
    """A browser's websocket must come from a page of this server (another site's
    page cannot drive a student's app); clients with no Origin are not browsers."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    host = request.headers.get("Host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


def _font_size(request: web.Request) -> int:
    size = _int(request.query.get("fontsize", "16"))
    return size if 8 <= size <= 40 else 16


