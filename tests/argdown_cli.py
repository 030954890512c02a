"""The real Argdown parser (`@argdown/cli` from npm), installed into the checkout's
own .tools/npm (gitignored): `python tests/argdown_cli.py` installs it when missing
(.ci/run does), and the export tests run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "@argdown/cli@1.7.5"
FOLDER = Path(__file__).resolve().parent.parent / ".tools" / "npm"
ARGDOWN = FOLDER / "node_modules" / ".bin" / "argdown"


def argdown() -> Path | None:
    """The parser's command, installed if it is missing; None only when npm is absent."""
    if ARGDOWN.exists():
        return ARGDOWN
    npm = shutil.which("npm")
    if npm is None:
        return None
    FOLDER.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(FOLDER), "--no-audit", "--no-fund",
                    PACKAGE], check=True, capture_output=True, timeout=600)
    return ARGDOWN


if __name__ == "__main__":
    found = argdown()
    print(found or "npm is not installed: the Argdown tests will be skipped")
    sys.exit(0)
