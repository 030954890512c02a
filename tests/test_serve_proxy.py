"""The reverse proxy of docs/serving.md, as written there: Debian's nginx with TLS and
a password in front of `debate-explorer serve` on localhost. Without the password
nothing gets through; with it, the page loads and its websocket starts the explorer."""

from __future__ import annotations

import asyncio
import base64
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists() or not shutil.which("openssl"),
                                reason="needs Debian's nginx and openssl (.ci/run installs them)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


def documented_config() -> str:
    text = (ROOT / "docs" / "serving.md").read_text(encoding="utf-8")
    return re.findall(r"```nginx\n(.*?)```", text, re.S)[0]


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[str]:
    serve_port, proxy_port = _free_port(), _free_port()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    hashed = subprocess.run(["openssl", "passwd", "-apr1", "s3cret"], check=True,
                            capture_output=True, text=True).stdout.strip()
    (tmp_path / "htpasswd").write_text(f"teacher:{hashed}\n")
    config = documented_config()
    for documented, here in [
        ("listen 443 ssl;", f"listen 127.0.0.1:{proxy_port} ssl;"),
        ("/etc/ssl/debate/fullchain.pem", str(tmp_path / "cert.pem")),
        ("/etc/ssl/debate/privkey.pem", str(tmp_path / "key.pem")),
        ("/etc/nginx/debate.htpasswd", str(tmp_path / "htpasswd")),
        ("http://127.0.0.1:8000", f"http://127.0.0.1:{serve_port}"),
    ]:
        assert documented in config
        config = config.replace(documented, here)
    # Where a non-packaged nginx keeps its own files: all in the test's folder.
    config = (("user root;\n" if os.geteuid() == 0 else "")  # workers read the test's files
              + f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n" + config
              ).replace("http {", f"http {{\n    access_log off;\n"
                        f"    client_body_temp_path {tmp_path}/body;\n"
                        f"    proxy_temp_path {tmp_path}/proxy;\n", 1)
    (tmp_path / "nginx.conf").write_text(config)
    server = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--host", "localhost",
                               "--port", str(serve_port), "--data", str(tmp_path / "class")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                              "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(serve_port)
        _wait_for(proxy_port)
        yield f"https://127.0.0.1:{proxy_port}/"
    finally:
        nginx.terminate()
        server.terminate()
        nginx.wait(10)
        server.wait(10)


def test_the_documented_proxy_asks_for_the_login_then_serves_the_explorer(proxy: str) -> None:
    trust = ssl.create_default_context()
    trust.check_hostname = False
    trust.verify_mode = ssl.CERT_NONE  # the test's own certificate

    async def visit() -> None:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trust)) as http:
            refused = await http.get(proxy)
            assert refused.status == 401
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await http.ws_connect(proxy.replace("https", "wss") + "ws")
        login = {"Authorization": "Basic " + base64.b64encode(b"teacher:s3cret").decode()}
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trust),
                                         headers=login) as http:
            page = await http.get(proxy)
            assert page.status == 200 and 'id="terminal"' in await page.text()
            socket_ = await http.ws_connect(proxy.replace("https", "wss") +
                                            "ws?width=80&height=24",
                                            headers={"Origin": proxy.rstrip("/")})
            shown = b""
            deadline = time.monotonic() + 30
            while b"Your name" not in shown and time.monotonic() < deadline:
                message = await socket_.receive(timeout=30)
                if message.type == aiohttp.WSMsgType.BINARY:
                    shown += message.data
            assert b"Your name" in shown
            await socket_.close()

    asyncio.run(visit())
