"""Run the app or the tests from a fresh checkout with nothing but python3.

`python3 -m tui.dev app [ARGS]` and `python3 -m tui.dev test [PYTEST ARGS]`
create `.venv/` beside `pyproject.toml` on first use, install the project
into it (again only when `pyproject.toml` changes), then hand over to it.
Standard library only: it must run before any dependency is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("DEBATE_EXPLORER_VENV", ROOT / ".venv"))
STAMP = VENV / ".installed-from"
USAGE = "usage: python3 -m tui.dev {app|test} [ARGS...]"


def _bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def _wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _pip_works() -> bool:
    """True when the environment's own interpreter runs and has pip: a creation
    cut short (or one made without ensurepip) leaves an interpreter with no pip."""
    try:
        return subprocess.run([str(_bin("python")), "-m", "pip", "--version"],
                              capture_output=True).returncode == 0
    except OSError:  # no interpreter at all, or a link to one that is gone
        return False


def ensure_environment() -> None:
    """Create and fill the virtual environment unless it is already current."""
    if (STAMP.exists() and STAMP.read_text().strip() == _wanted_stamp()
            and _bin("python").exists()):
        return
    if not _pip_works():
        print(f"Creating a virtual environment in {VENV} ...", file=sys.stderr)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as error:  # ensurepip missing on some Debian pythons
            sys.exit(
                f"Could not create {VENV}: {error}\n"
                "On Debian or Ubuntu, install python3-venv and try again."
            )
    print("Installing Debate Explorer and its test tools ...", file=sys.stderr)
    STAMP.unlink(missing_ok=True)  # only a finished install is current
    pip = [str(_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    try:
        subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    except subprocess.CalledProcessError as error:
        sys.exit(f"Installing into {VENV} failed (pip exited with {error.returncode}); "
                 "pip's messages above say why. Run the same command again to retry.")
    STAMP.write_text(_wanted_stamp())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"app", "test"}:
        print(USAGE, file=sys.stderr)
        return 2
    ensure_environment()
    command, rest = args[0], args[1:]
    if command == "app":
        program = [str(_bin("debate-explorer")), *rest]
    else:
        program = [str(_bin("python")), "-m", "pytest", *rest]
    os.chdir(ROOT)
    if os.name == "nt":
        return subprocess.call(program)
    os.execv(program[0], program)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
