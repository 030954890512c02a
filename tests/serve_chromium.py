"""A headless Debian Chromium driven through its DevTools protocol, for the browser
journey of `debate-explorer serve`: open a page, press keys as a student does, read
the terminal's text from xterm's own buffer, take screenshots, catch downloads."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=1280,800"]

# The page keeps its xterm Terminal in a closure; catch it as it is assigned to the
# page's terminal object (`this.terminal = new Terminal(...)`), before any script runs.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer && value.onData && !window.__terminal) window.__terminal = value;
    Object.defineProperty(this, "terminal",
      {value, writable: true, configurable: true, enumerable: true});
  },
});
"""

SCREEN_TEXT = """(() => {
  const term = window.__terminal;
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let row = 0; row < term.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()"""

# key name -> (key, code, virtual key code, text)
SPECIAL = {
    "enter": ("Enter", "Enter", 13, "\r"),
    "escape": ("Escape", "Escape", 27, ""),
    "tab": ("Tab", "Tab", 9, "\t"),
    "down": ("ArrowDown", "ArrowDown", 40, ""),
    "up": ("ArrowUp", "ArrowUp", 38, ""),
    "backspace": ("Backspace", "Backspace", 8, ""),
}


class Chromium:
    """One browser with one page. Use as `async with Chromium() as browser`."""

    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="serve-chromium-"))
        self.downloads = self.profile / "downloads"
        self.downloads.mkdir()
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[Any]] = {}
        self.session_id = ""

    async def __aenter__(self) -> Chromium:
        self.process = await asyncio.create_subprocess_exec(
            CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        assert self.process.stderr is not None
        address = ""
        while not address:
            line = (await asyncio.wait_for(self.process.stderr.readline(), 30)).decode()
            if not line:
                raise RuntimeError("Chromium exited before it listened")
            if "DevTools listening on " in line:
                address = line.split("DevTools listening on ", 1)[1].strip()
        self._drain = asyncio.create_task(self._read_stderr())
        self.http = aiohttp.ClientSession()
        self.socket = await self.http.ws_connect(address, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        await self.call("Browser.setDownloadBehavior", behavior="allow",
                        downloadPath=str(self.downloads), eventsEnabled=True)
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call("Target.attachToTarget", targetId=target["targetId"],
                                   flatten=True)
        self.session_id = attached["sessionId"]
        await self.page("Page.enable")
        await self.page("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        return self

    async def __aexit__(self, *_: object) -> None:
        self._reader.cancel()
        await self.socket.close()
        await self.http.close()
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except asyncio.TimeoutError:
                self.process.kill()
                await self.process.wait()
        self._drain.cancel()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        with contextlib.suppress(Exception):
            while await self.process.stderr.readline():
                pass

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            waiting = self._waiting.pop(data.get("id", -1), None)
            if waiting is not None and not waiting.done():
                if "error" in data:
                    waiting.set_exception(RuntimeError(str(data["error"])))
                else:
                    waiting.set_result(data.get("result", {}))

    async def call(self, method: str, session: str = "", **params: Any) -> Any:
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        answer = asyncio.get_running_loop().create_future()
        self._waiting[number] = answer
        await self.socket.send_str(json.dumps(message))
        return await asyncio.wait_for(answer, 30)

    async def page(self, method: str, **params: Any) -> Any:
        return await self.call(method, self.session_id, **params)

    # -- what a student does -------------------------------------------------------

    async def open(self, url: str) -> None:
        await self.page("Page.navigate", url=url)
        await self.wait_for_js("document.readyState === 'complete'")

    async def reload(self) -> None:
        await self.page("Page.reload", ignoreCache=True)
        await asyncio.sleep(0.3)
        await self.wait_for_js("document.readyState === 'complete'")

    async def js(self, expression: str) -> Any:
        result = await self.page("Runtime.evaluate", expression=expression,
                                 returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    async def wait_for_js(self, expression: str, timeout: float = 20) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            value = await self.js(expression)
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"the page never had {expression}")
            await asyncio.sleep(0.1)

    async def page_text(self) -> str:
        return str(await self.js("document.body ? document.body.innerText : ''") or "")

    async def screen(self) -> str:
        """What the terminal shows now, row by row (xterm's buffer, not pixels)."""
        return str(await self.js(SCREEN_TEXT) or "")

    async def wait_for_screen(self, words: str, timeout: float = 20) -> str:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            shown = await self.screen()
            if words in shown:
                return shown
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"the screen never showed {words!r}; it shows:\n{shown}")
            await asyncio.sleep(0.1)

    async def focus_terminal(self) -> None:
        await self.wait_for_js("!!document.querySelector('.xterm-helper-textarea')")
        await self.js("document.querySelector('.xterm-helper-textarea').focus()")

    async def press(self, *keys: str) -> None:
        """Keys as a keyboard sends them: a named key ("enter", "down") or one character."""
        for key in keys:
            if key in SPECIAL:
                name, code, virtual, text = SPECIAL[key]
            else:
                name, text = key, key
                code = f"Key{key.upper()}" if key.isalpha() else ""
                virtual = ord(key.upper()) if key.isalnum() else 0
            down = {"type": "keyDown" if text else "rawKeyDown", "key": name, "code": code,
                    "windowsVirtualKeyCode": virtual, "text": text, "unmodifiedText": text}
            await self.page("Input.dispatchKeyEvent", **down)
            await self.page("Input.dispatchKeyEvent", type="keyUp", key=name, code=code,
                            windowsVirtualKeyCode=virtual)
            await asyncio.sleep(0.05)

    async def type(self, text: str) -> None:
        await self.press(*text)

    async def screenshot(self, path: Path) -> None:
        shot = await self.page("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
