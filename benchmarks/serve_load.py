"""A class at once: N students (30 by default) open `debate-explorer serve` together.

Each is a websocket client speaking textual-serve's protocol as the page does
(["stdin", keys] out, terminal bytes in). All are opened at the same moment; each
types its name, adds an argument of its own to its case and opens the case; then 5
type into the search box (a key every 150 ms) while the rest move through the
debate (a key a second). Measured: every session's first frame, key-to-frame over
the websocket for the typists (median, p95), the memory of the app processes
(RSS and PSS each, RSS in all), and that no session ever saw another's name or case.

    .venv/bin/python benchmarks/serve_load.py [--sessions 30] [--typists 5] [--seconds 20]

Prints a table, the goals (met or MISSED), and last a JSON line of every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.pack.bundled import default_pack  # noqa: E402
from tui.core.pack.loader import load_pack  # noqa: E402
from tui.core.work.classroom import student_folder  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from serve_processes import processes  # noqa: E402

CODE = "LOAD-TEST"
WIDTH, HEIGHT = 120, 36
PHRASE = "public health approach "  # what the typists type into the search box

GOALS = {"first frame, slowest (s)": 15.0, "key to frame p95 (ms)": 100.0,
         "per session RSS (MB)": 60.0}


@dataclass
class Session:
    number: int
    name: str
    socket: aiohttp.ClientWebSocketResponse | None = None
    received: bytearray = field(default_factory=bytearray)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    first_frame: float | None = None
    case_view: bytes = b""  # what its case screen showed
    latencies: list[float] = field(default_factory=list)
    closed: bool = False
    reader: asyncio.Task[None] | None = None

    async def read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += message.data
                self.arrived.set()
        self.closed = True

    async def send(self, keys: str) -> None:
        assert self.socket is not None
        await self.socket.send_str(json.dumps(["stdin", keys]))

    async def wait_for(self, text: str, since: int = 0, timeout: float = 60) -> None:
        wanted = text.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.received[since:]:
            self.arrived.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                Path(f"/tmp/serve-load-session-{self.number}.bin").write_bytes(self.received)
                tail = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b" ", bytes(self.received[-4000:]))
                raise TimeoutError(f"session {self.number} never showed {text!r}; last shown: "
                                   f"{' '.join(tail.decode(errors='replace').split())[-1500:]}")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)

    async def key_to_frame(self, key: str, shown: str) -> None:
        """Send a key; the time until a frame arrives that shows `shown`."""
        start = len(self.received)
        sent = time.perf_counter()
        await self.send(key)
        await self.wait_for(shown, since=start, timeout=10)
        self.latencies.append((time.perf_counter() - sent) * 1000)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory(pid: int) -> tuple[float, float]:
    """RSS and PSS of a process, in MB (PSS shares shared pages out among their users)."""
    rss = pss = 0.0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def open_session(session: Session, url: str, http: aiohttp.ClientSession,
                       started: float) -> None:
    session.socket = await http.ws_connect(f"{url}ws?width={WIDTH}&height={HEIGHT}",
                                           max_msg_size=0, heartbeat=None)
    session.reader = asyncio.create_task(session.read())
    await session.wait_for("Your name")
    session.first_frame = time.monotonic() - started


async def build_case(session: Session, moves: int, folder: Path) -> None:
    """Name, then the `moves`-th argument of the first column into the case."""
    await session.send(session.name + "\r")
    await session.wait_for("Motion:")
    await asyncio.sleep(0.5)
    for _ in range(moves):
        await session.send("\x1b[B")  # down
        await asyncio.sleep(0.05)
    mark = len(session.received)
    await session.send("a")
    await session.wait_for("Which side", since=mark)
    await asyncio.sleep(0.3)
    await session.send("\r")
    # Saved at once; the screen says so in a toast that a starved process may draw too
    # late to be seen, so the file is what is waited for.
    cases = student_folder(folder, session.name) / "cases"
    deadline = time.monotonic() + 60
    while not any(cases.glob("*.json")):
        if time.monotonic() > deadline:
            raise TimeoutError(f"session {session.number}'s case was never saved")
        await asyncio.sleep(0.2)


async def type_in_search(session: Session, until: float) -> None:
    mark = len(session.received)
    await session.send("/")
    await session.wait_for("speakers, sources", since=mark)  # the search box's placeholder
    await asyncio.sleep(0.5)
    typed = ""
    while time.monotonic() < until:
        for char in PHRASE:
            typed += char
            await session.key_to_frame(char, typed[-3:] if char != " " else typed[-4:-1])
            await asyncio.sleep(0.15)
            if time.monotonic() >= until:
                break
        for _ in range(len(PHRASE)):  # clear the box for the next round
            await session.send("\x7f")
            await asyncio.sleep(0.01)
        typed = ""
        await asyncio.sleep(0.3)


async def type_notes(session: Session, until: float) -> None:
    """Writing notes for the argument in the case (saved as they type)."""
    mark = len(session.received)
    await session.send("C")
    await session.wait_for("speaking order", since=mark)
    await asyncio.sleep(2)  # a starved process may draw the screen before it takes keys
    await session.send("\r")  # write: into the notes
    await asyncio.sleep(2)
    typed = ""
    while time.monotonic() < until:
        for char in PHRASE.strip() + ".":
            typed += char
            await session.key_to_frame(char, typed[-3:] if char != " " else typed[-4:-1])
            await asyncio.sleep(0.15)
            if time.monotonic() >= until:
                break
        await session.send("\r")  # a new line for the next sentence
        typed = ""
        await asyncio.sleep(0.3)


async def browse(session: Session, until: float) -> None:
    step = 0
    while time.monotonic() < until:
        await session.send("\x1b[B" if step % 8 < 4 else "\x1b[A")
        step += 1
        await asyncio.sleep(1.0)


async def run(args: argparse.Namespace) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="serve-load-"))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--code", CODE, "--max-sessions", str(args.sessions), "--data", str(folder)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            await asyncio.sleep(0.1)
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            await http.get(url + f"?code={CODE}")
            sessions = [Session(n, f"Student {n:02d} zq{n:02d}x") for n in range(args.sessions)]
            started = time.monotonic()
            await asyncio.gather(*(open_session(s, url, http, started) for s in sessions))
            apps = processes(server.pid)[0]
            firsts = sorted(s.first_frame or 0.0 for s in sessions)
            print(f"{len(sessions)} sessions drew their first frame (median "
                  f"{statistics.median(firsts):.1f} s, slowest {firsts[-1]:.1f} s); "
                  f"{len(apps)} app processes", file=sys.stderr)
            await asyncio.gather(*(build_case(s, s.number % 16, folder) for s in sessions))
            await asyncio.sleep(4)  # toasts gone: what repaints under them is not the case
            for s in sessions:
                mark = len(s.received)
                await s.send("C")
                await s.wait_for("speaking order", since=mark)
                await asyncio.sleep(0.3)
                s.case_view = bytes(s.received[mark:])
                mark = len(s.received)
                await s.send("\x1b")  # back to the debate
                await s.wait_for("Motion:", since=mark)
            print("every case built; now typing", file=sys.stderr)
            until = time.monotonic() + args.seconds
            typists, others = sessions[:args.typists], sessions[args.typists:]
            everyone = [server.pid, *(p for group in processes(server.pid) for p in group)]
            cpu_before, wall_before = sum(cpu_seconds(p) for p in everyone), time.monotonic()
            client_before = time.process_time()
            typing = type_notes if args.typing == "notes" else type_in_search
            await asyncio.gather(*(typing(s, until) for s in typists),
                                 *(browse(s, until) for s in others))
            window = time.monotonic() - wall_before
            cores_used = (sum(cpu_seconds(p) for p in everyone) - cpu_before) / window
            client_cores = (time.process_time() - client_before) / window
            held = sum(1 for s in sessions if not s.closed)
            apps, attached, warm = processes(server.pid)
            sizes = [memory(pid) for pid in apps]
            attach_sizes = [memory(pid) for pid in attached] or [(0.0, 0.0)]
            server_rss = memory(server.pid)[0]
            warm_rss = memory(warm[0])[0] if warm else 0.0
            for s in sessions:
                assert s.socket is not None
                await s.socket.close()
    finally:
        server.terminate()
        server.wait(30)
    kept_apart = check_apart(sessions, folder)
    latencies = sorted(x for s in typists for x in s.latencies)
    firsts = sorted(s.first_frame or float("inf") for s in sessions)
    attach_rss = statistics.median(r for r, _ in attach_sizes)
    attach_pss = statistics.median(p for _, p in attach_sizes)
    rss = [r + attach_rss for r, _ in sizes]  # a session: its explorer and its attach process
    pss = [p + attach_pss for _, p in sizes]
    return {
        "sessions": len(sessions), "held": held, "app processes": len(apps),
        "first frame, median (s)": round(statistics.median(firsts), 2),
        "first frame, slowest (s)": round(firsts[-1], 2),
        "typists": len(typists), "typing into": args.typing, "keys measured": len(latencies),
        "key to frame median (ms)": round(statistics.median(latencies), 1),
        "key to frame p95 (ms)": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "key to frame max (ms)": round(latencies[-1], 1),
        "per session RSS (MB)": round(statistics.median(rss), 1),
        "per session RSS, largest (MB)": round(max(rss), 1),
        "per session PSS (MB)": round(statistics.median(pss), 1),
        "all sessions RSS (MB)": round(sum(rss)),
        "all sessions PSS (MB)": round(sum(pss)),
        "of which the attach process RSS (MB)": round(attach_rss, 1),
        "server RSS (MB)": round(server_rss, 1),
        "warm process RSS (MB)": round(warm_rss, 1),
        "kept apart": kept_apart,
        "cores used by the server and sessions while typing": round(cores_used, 2),
        "cores used by this benchmark's clients": round(client_cores, 2),
        "cores": os.cpu_count(), "load average before": LOAD_BEFORE,
        "load average after": round(os.getloadavg()[0], 2),
    }


def check_apart(sessions: list[Session], folder: Path) -> bool:
    """No session's screen ever showed another's name; each student's folder holds one
    case with the one argument that student added, and that student's case screen
    showed it and no argument another student added."""
    debate = load_pack(default_pack()).debate
    assert debate is not None
    added: dict[int, str] = {}
    apart = True
    for s in sessions:
        for other in sessions:
            if other is not s and other.name.encode() in s.received:
                print(f"session {s.number} saw {other.name!r}", file=sys.stderr)
                apart = False
        cases = list((student_folder(folder, s.name) / "cases").glob("*.json"))
        saved = json.loads(cases[0].read_text()) if len(cases) == 1 else {}
        ids = [entry["argument"] for part in ("case", "expected")
               for entry in saved.get(part, {}).get("entries", [])]
        if len(ids) != 1:
            print(f"session {s.number}: its folder holds {ids}", file=sys.stderr)
            apart = False
            continue
        added[s.number] = ids[0]
    for s in sessions:
        for number, argument in added.items():
            claim = debate.arguments[argument].claim[:40].encode()  # 20 are shared by two
            mine = argument == added.get(s.number)
            if (claim in s.case_view) != mine:
                print(f"session {s.number}'s case screen {'lacks' if mine else 'shows'} "
                      f"{argument} (session {number}'s)", file=sys.stderr)
                apart = False
    return apart


LOAD_BEFORE = os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--typists", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--typing", choices=("search", "notes"), default="search",
                        help="what the typists type into: the search box (each key "
                        "searches again) or their notes on an argument of their case")
    figures = asyncio.run(run(parser.parse_args()))
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    print()
    met = figures["held"] == figures["sessions"] and figures["kept apart"] is True
    print(f"all sessions held and kept apart: {'met' if met else 'MISSED'}")
    for key, goal in GOALS.items():
        value = figures[key]
        assert isinstance(value, float)
        print(f"{key} under {goal:g}: {'met' if value < goal else 'MISSED'} ({value})")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
