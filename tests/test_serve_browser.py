"""`debate-explorer serve` used as a class uses it: a real (headless) Debian Chromium
opens the class page, gives the code and a name, works on a case, downloads the
handout and reloads; a wrong code starts no app process.

Skipped where /usr/bin/chromium is missing (`.ci/run` installs it). Screenshots of
each step are kept in the test's folder (`--basetemp` to look at them)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_processes import children, processes

from tui.core.pack.bundled import default_pack
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.work.classroom import student_folder

pytestmark = pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"),
                                reason="needs Debian's chromium (.ci/run installs it)")

CODE = "TEST-2345"


def _debate() -> Debate:
    debate = load_pack(default_pack()).debate
    assert debate is not None
    return debate


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def explorers(server: int) -> list[int]:
    """The students' explorer processes of a server: forked by its warm process
    (`tui.serve.warm`), or started cold."""
    return processes(server)[0]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    port = free_port()
    data = tmp_path / "class"
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--code", CODE, "--data", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    told = [process.stdout.readline() for _ in range(3)]
    assert f"http://127.0.0.1:{port}/?code={CODE}" in "".join(told)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield process, f"http://127.0.0.1:{port}/", data
    process.terminate()
    process.wait(10)


def test_wrong_code_gets_a_form_and_no_app_process(server, tmp_path: Path) -> None:
    from serve_chromium import Chromium

    process, url, _ = server

    async def journey() -> None:
        async with Chromium() as browser:
            await browser.open(url + "?code=WRONG-CODE")
            text = await browser.page_text()
            assert "That is not the class code" in text
            await browser.screenshot(tmp_path / "wrong-code.png")
            # The page has no terminal, and the server started nothing.
            assert await browser.js("!!document.querySelector('.xterm')") is False
            await asyncio.sleep(1)
            assert explorers(process.pid) == []
            assert len(children(process.pid)) == 1  # the warm process, waiting

    asyncio.run(journey())


def test_a_student_builds_a_case_downloads_it_and_finds_it_after_a_reload(
        server, tmp_path: Path) -> None:
    from serve_chromium import Chromium

    process, url, data = server
    shots = tmp_path

    async def journey() -> None:
        async with Chromium() as browser:
            await browser.open(url + f"?code={CODE.lower()}")
            await browser.wait_for_screen("Your name")
            assert len(explorers(process.pid)) == 1  # one student, one app process
            await browser.screenshot(shots / "1-name.png")
            await browser.focus_terminal()
            await browser.type("Ann Lee")
            await browser.press("enter")
            await browser.wait_for_screen("Motion:")
            await browser.press("enter")  # open the first argument
            argument = await browser.wait_for_screen("In source")  # the argument view's footer
            await browser.press("r")  # to the other side's answers
            await browser.screenshot(shots / "2-argument.png")
            await browser.press("a")  # add to the case: the side is asked first
            await browser.wait_for_screen("Which side will you argue?")
            await browser.press("enter")
            added = await browser.wait_for_screen("Added to your case.")
            await browser.screenshot(shots / "3-added.png")
            await browser.press("C")
            case_screen = await browser.wait_for_screen("Handout")
            await browser.screenshot(shots / "4-case.png")
            await browser.press("h")
            handout = browser.downloads / "my-case-glasgow.md"
            for _ in range(100):
                if handout.exists():
                    break
                await asyncio.sleep(0.1)
            assert handout.exists(), "the handout was not downloaded"
            text = handout.read_text(encoding="utf-8")
            assert text.startswith("# My case:")
            first_side = next(iter(_debate().positions.values())).name  # the first offered
            assert f"**My side:** {first_side}" in text

            # What was saved, in Ann's own folder of the class folder.
            folder = student_folder(data, "Ann Lee")
            saved = json.loads(next((folder / "cases").glob("*.json")).read_text())
            claim = text.split("### 1. ", 1)[1].split("\n", 1)[0]

            await browser.reload()
            await browser.wait_for_screen("Your name")
            await browser.focus_terminal()
            await browser.type("ann lee")  # typed another way: the same student
            await browser.press("enter")
            # Back where Ann was: the argument she had open, her case behind `C`.
            back = await browser.wait_for_screen("In source")
            assert argument.splitlines()[2].strip() in back
            await browser.press("C")
            again = await browser.wait_for_screen("Handout")
            await browser.screenshot(shots / "5-after-reload.png")
            assert claim[:40] in again.replace("\n", " ") or claim[:30] in again
            assert saved["case"], saved
            # The handout's first argument is the one opened and added, and the case showed it.
            assert claim[:30] in " ".join(argument.split())
            assert claim[:30] in " ".join(case_screen.split()) and added

    asyncio.run(journey())
