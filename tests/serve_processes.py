"""The process tree of a running `debate-explorer serve`, read from /proc: shared by
the serve tests and `benchmarks/serve_load.py`."""

from __future__ import annotations

import os
from pathlib import Path


def parent(pid: int) -> int:
    """The parent of `pid`, or -1 once it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()
            and parent(int(entry)) == pid]


def command_of(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []


def processes(server: int) -> tuple[list[int], list[int], list[int]]:
    """The students' explorers (forked by the warm process, or started cold), the
    small attach process textual-serve started for each tab, and the warm process."""
    explorers: list[int] = []
    attached: list[int] = []
    warm: list[int] = []
    for pid in children(server):
        command = command_of(pid)
        if b"tui.serve.warm" in command:
            warm.append(pid)
            explorers += children(pid)
        elif any(word.endswith(b"attach.py") for word in command):
            attached.append(pid)
        elif b"tui.serve.student" in command:
            explorers.append(pid)  # started cold
    return explorers, attached, warm
