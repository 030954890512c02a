"""The class server's door and the students' folders: the class code, the wait after
wrong codes, the limit on app processes, and where each name's work is kept."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from serve_processes import children

from tui.cli import main
from tui.core.work.classroom import (
    UnusableName,
    clean_name,
    enrol,
    folder_name,
    student_folder,
    students,
)
from tui.serve import gate
from tui.serve.command import address_to_give
from tui.serve.gate import Doorkeeper, Seats, new_code, typed_code

# -- names and folders ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../etc", "/etc/passwd", "..", "a/../../b", "C:\\x",
                                  "nul\x00byte", "😀😀", "...", "~root", "-rf"])
def test_no_name_reaches_outside_the_class_folder(tmp_path: Path, name: str) -> None:
    folder = enrol(tmp_path, name)
    assert folder.resolve().parent == (tmp_path / "students").resolve()
    assert folder.name.replace("-", "").isalnum() and folder.name.isascii()


def test_different_names_never_share_a_folder_and_one_name_typed_twice_does() -> None:
    names = ["Ann Lee", "Ann-Lee", "Ann  Lee!", "Ánn Lee", "Ann Le", "ann lee ", "李安", "安李"]
    folders = {folder_name(name) for name in names}
    # "ann lee " is "Ann Lee" typed again: every other name has its own folder.
    assert len(folders) == len(names) - 1
    assert folder_name("Ann Lee") == folder_name("  ann   LEE")
    assert folder_name("Ann Lee").startswith("ann-lee-")


def test_a_name_is_kept_as_first_typed_and_listed_for_the_teacher(tmp_path: Path) -> None:
    enrol(tmp_path, "Ann Lee")
    enrol(tmp_path, "ann lee")
    enrol(tmp_path, "Bo \x1b[31mRed")
    listed = students(tmp_path)
    assert [s.name for s in listed] == ["Ann Lee", "Bo ␛[31mRed"]
    assert listed[0].folder == student_folder(tmp_path, "ANN LEE")


@pytest.mark.parametrize(("typed", "problem"), [("   ", "Type your name"),
                                                ("x" * 61, "under 60 characters")])
def test_a_name_that_cannot_be_used_is_explained(typed: str, problem: str) -> None:
    with pytest.raises(UnusableName, match=problem):
        clean_name(typed)


# -- the code ----------------------------------------------------------------------


def test_a_made_up_code_is_easy_to_read_and_typed_loosely() -> None:
    code = new_code()
    assert len(code) == 9 and code[4] == "-"
    assert not set(code.replace("-", "")) & set("0O1IL")
    assert typed_code(" abcd-efgh ") == typed_code("ABCDEFGH")


def test_wrong_codes_wait_longer_each_time_for_that_client_only(monkeypatch) -> None:
    monkeypatch.setattr(gate, "FIRST_WAIT", 0.2)
    door = Doorkeeper("GOOD-CODE")

    async def tries() -> None:
        assert not await door.try_code("10.0.0.9", "bad")
        assert 0.1 < door.wait_for("10.0.0.9") <= 0.2
        started = time.monotonic()
        assert not await door.try_code("10.0.0.9", "worse")  # waits out the first penalty
        assert time.monotonic() - started >= 0.15
        assert 0.3 < door.wait_for("10.0.0.9") <= 0.4  # doubled
        assert door.wait_for("10.0.0.8") == 0  # another student is not slowed
        started = time.monotonic()
        assert await door.try_code("10.0.0.8", "good code")
        assert time.monotonic() - started < 0.1
        # The right code after wrong ones still waits, then clears the slate.
        assert await door.try_code("10.0.0.9", "good-code")
        assert door.wait_for("10.0.0.9") == 0

    asyncio.run(tries())


def test_the_wait_has_a_ceiling(monkeypatch) -> None:
    monkeypatch.setattr(gate, "FIRST_WAIT", 0.0001)
    monkeypatch.setattr(gate, "LONGEST_WAIT", 0.002)
    door = Doorkeeper("GOOD")

    async def tries() -> None:
        for _ in range(20):
            await door.try_code("x", "bad")
        assert door.wait_for("x") <= 0.002

    asyncio.run(tries())


def test_an_admitted_browser_is_known_by_its_pass_only() -> None:
    door = Doorkeeper("GOOD")
    assert door.admitted(door.pass_token)
    assert not door.admitted(None) and not door.admitted("guess")
    assert Doorkeeper(None).admitted(None)  # localhost: no code asked


def test_seats_run_out_and_come_back() -> None:
    seats = Seats(2)
    assert seats.take() and seats.take() and not seats.take()
    seats.give_back()
    assert seats.take()


def test_the_address_to_give_students_is_never_the_any_address() -> None:
    assert address_to_give("0.0.0.0") != "0.0.0.0"
    assert address_to_give("192.168.1.5") == "192.168.1.5"
    assert address_to_give("::1") == "[::1]"


# -- the server, as browsers and scripts meet it ----------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(args: list[str], tmp_path: Path) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--port", str(port),
                                "--data", str(tmp_path / "class"), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"http://127.0.0.1:{port}/"
        time.sleep(0.1)
    process.kill()
    raise AssertionError(process.communicate()[0])


def _browser() -> aiohttp.ClientSession:
    """A client that keeps cookies as a browser does, from an IP address too."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


@pytest.fixture
def one_seat(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process, url = _start(["--host", "127.0.0.1", "--code", "SEAT-2345",
                           "--max-sessions", "1"], tmp_path)
    yield process, url
    process.terminate()
    process.wait(10)


def test_the_server_lets_in_only_with_the_code_and_only_as_many_as_it_seats(one_seat) -> None:
    _process, url = one_seat

    async def visit() -> None:
        async with aiohttp.ClientSession() as outsider:
            page = await outsider.get(url)
            assert "Type the class code" in await page.text()
            refused = await outsider.get(url + "ws?width=80&height=24")
            assert refused.status == 403  # no code, no app process
            download = await outsider.get(url + "download/anything")
            assert download.status == 403
        async with _browser() as student, _browser() as late:
            page = await student.get(url + "?code=seat2345")  # as typed, lower case
            assert page.status == 200 and 'id="terminal"' in await page.text()
            assert "code=" not in str(page.url)  # the code left the address bar
            socket_ = await student.ws_connect(url + "ws?width=80&height=24")
            await socket_.receive(timeout=20)  # the app process is up and drawing
            await late.get(url + "?code=SEAT-2345")
            full = await late.get(url)
            assert full.status == 503 and "The class is full" in await full.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused_ws:
                await late.ws_connect(url + "ws?width=80&height=24")
            assert refused_ws.value.status == 503
            await socket_.close()
            for _ in range(100):  # the seat comes back once the process has ended
                again = await late.get(url)
                if again.status == 200:
                    break
                await asyncio.sleep(0.1)
            assert again.status == 200

    asyncio.run(visit())


def test_a_browser_from_another_site_gets_no_app_process(one_seat) -> None:
    _, url = one_seat

    async def visit() -> None:
        async with _browser() as student:
            await student.get(url + "?code=SEAT-2345")
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await student.ws_connect(url + "ws?width=80&height=24",
                                         headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403

    asyncio.run(visit())


def test_a_terminal_size_that_is_not_possible_gets_no_app_process(one_seat) -> None:
    _, url = one_seat

    async def visit() -> None:
        async with _browser() as student:
            await student.get(url + "?code=SEAT-2345")
            for size in ("width=0&height=24", "width=80&height=9999", "width=x&height=24"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await student.ws_connect(url + "ws?" + size)
                assert refused.value.status == 400
            socket_ = await student.ws_connect(url + "ws?width=80&height=24")
            await socket_.receive(timeout=20)  # the one seat was never taken
            await socket_.close()

    asyncio.run(visit())


def test_serve_help_says_it_is_for_a_classroom_network(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "This is for a classroom network" in shown
    assert "TLS and a proper login" in shown


def test_serve_on_a_network_address_makes_up_a_code_and_prints_it(tmp_path: Path) -> None:
    process, _url = _start(["--host", "0.0.0.0"], tmp_path)
    try:
        process.terminate()
        told = process.communicate(timeout=10)[0]
    finally:
        process.kill()
    code = told.split("class code ", 1)[1].split()[0]
    assert len(code) == 9 and f"/?code={code}" in told
    assert "http://0.0.0.0" not in told
    assert "TLS" in told


def test_serve_refuses_a_pack_with_errors(tmp_path: Path, capsys) -> None:
    assert main(["serve", str(tmp_path / "no-such-pack"), "--data", str(tmp_path)]) == 1


@pytest.mark.parametrize(("option", "said"), [
    (["--side", "no-such-side"], "--side: "),
    (["--max-sessions", "0"], "--max-sessions must be 1 or more"),
    (["--code", " - "], "--code must have letters or digits"),
])
def test_serve_refuses_a_bad_option_before_listening(tmp_path: Path, capsys, option: list[str],
                                                     said: str) -> None:
    assert main(["serve", "--data", str(tmp_path / "class"), *option]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "class").exists()  # refused before anything was made


def test_the_student_app_gets_its_folder_from_the_servers_command_line() -> None:
    from tui.serve.server import student_command

    cold = student_command(Path("/packs/glasgow"), Path("/srv/class 1"))
    assert cold.startswith("exec ") and cold.endswith("--class-dir '/srv/class 1' /packs/glasgow")
    warm = student_command(Path("/packs/glasgow"), Path("/srv/class 1"), warm=Path("/run/w.sock"))
    assert "attach.py /run/w.sock -- " in warm and warm.endswith(cold.removeprefix("exec "))


def test_a_tab_whose_warm_process_is_gone_starts_its_explorer_cold(tmp_path: Path) -> None:
    attach = Path(__file__).resolve().parent.parent / "tui" / "serve" / "attach.py"
    done = subprocess.run([sys.executable, "-I", "-S", str(attach), str(tmp_path / "gone.sock"),
                           "--", sys.executable, "-c", "print('started cold')"],
                          capture_output=True, text=True, timeout=30)
    assert done.stdout == "started cold\n"


async def _until_asked_a_name(student: aiohttp.ClientSession,
                              url: str) -> aiohttp.ClientWebSocketResponse:
    """Open a tab's connection and read it until the name screen is drawn."""
    socket_ = await student.ws_connect(url + "ws?width=80&height=24")
    shown = b""
    while b"Your name" not in shown:
        message = await socket_.receive(timeout=30)
        if message.type == aiohttp.WSMsgType.BINARY:
            shown += message.data
    return socket_


def test_each_tab_gets_an_explorer_forked_from_the_warm_process(tmp_path: Path) -> None:
    process, url = _start(["--host", "127.0.0.1"], tmp_path)  # on localhost: no code

    async def visit() -> None:
        async with _browser() as student:
            socket_ = await _until_asked_a_name(student, url)
            warm = [pid for pid in children(process.pid)
                    if b"tui.serve.warm" in Path(f"/proc/{pid}/cmdline").read_bytes()]
            assert len(warm) == 1 and len(children(warm[0])) == 1
            await socket_.close()

    try:
        asyncio.run(visit())
    finally:
        process.terminate()
        process.wait(10)


def test_nothing_is_left_running_when_the_server_is_killed(tmp_path: Path) -> None:
    process, url = _start(["--host", "127.0.0.1"], tmp_path)

    def descendants(pid: int) -> list[int]:
        found = children(pid)
        return found + [d for child in found for d in descendants(child)]

    async def open_one() -> list[int]:
        async with _browser() as student:
            _open_tab = await _until_asked_a_name(student, url)
            left = descendants(process.pid)
            process.kill()  # no clean shutdown: the server is simply gone
            process.wait(10)
            return left

    running = asyncio.run(open_one())
    assert len(running) >= 2  # the warm process and the student's explorer at least
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in running):
        time.sleep(0.2)
    assert [pid for pid in running if Path(f"/proc/{pid}/stat").exists()
            and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"] == []
