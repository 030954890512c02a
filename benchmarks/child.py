"""Running one measurement in its own process: its result and its own peak memory.

Every figure comes from a fresh interpreter, so one measurement's imports,
caches and memory never flatter or burden the next.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEADLESS = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}


@dataclass
class Outcome:
    result: dict  # what the child wrote to its result file
    started: float  # time.monotonic() just before the child was started
    peak_mb: float  # the child's peak resident memory


def run_child(script: str, *args: str, env: dict[str, str] | None = None,
              timeout: float = 600) -> Outcome:
    """Run `benchmarks/<script>` with a result file as its first argument."""
    handle, result_file = tempfile.mkstemp(prefix="bench-", suffix=".json")
    os.close(handle)
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT),
                                                              environment.get("PYTHONPATH")]))
    # A file, not a pipe: a chatty child cannot block.
    with tempfile.TemporaryFile() as errors:
        try:
            started = time.monotonic()
            process = subprocess.Popen([sys.executable, str(HERE / script), result_file, *args],
                                       env=environment, cwd=ROOT, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=errors)
            deadline = started + timeout
            while True:  # wait4 gives this child's own rusage; poll so a hang cannot block us
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    raise RuntimeError(f"{script} {' '.join(args)} took over {timeout:.0f} s")
                time.sleep(0.002)
            process.returncode = os.waitstatus_to_exitcode(status)
            errors.seek(0)
            stderr = errors.read().decode("utf-8", "replace")
            text = Path(result_file).read_text(encoding="utf-8")
            if process.returncode != 0 or not text:
                raise RuntimeError(f"{script} {' '.join(args)} failed ({process.returncode}):\n"
                                   f"{stderr[-3000:]}")
            # ru_maxrss is in kilobytes on Linux (bytes on macOS)
            scale = 1 if sys.platform == "darwin" else 1024
            return Outcome(json.loads(text), started, usage.ru_maxrss * scale / 1e6)
        finally:
            os.unlink(result_file)
