"""Run the app, the tests or the checks from a fresh checkout with nothing but python3.

`python3 -m tui.dev app [ARGS]`, `python3 -m tui.dev test [PYTEST ARGS]` and
`python3 -m tui.dev check` sync `.venv/` exactly to the committed `uv.lock`
(the same versions for every developer and for CI), then hand over to it.
`uv` is used from PATH when it is there; otherwise it is brought from PyPI
into a small tools environment (`.tools/`) once. Standard library only: this
runs before any dependency is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("DEBATE_EXPLORER_VENV", ROOT / ".venv"))
TOOLS = ROOT / ".tools"
# The uv that the lock was written with; a newer one reads it too.
UV_REQUIREMENT = "uv>=0.13,<1"
USAGE = "usage: python3 -m tui.dev {app|test|check} [ARGS...]"

# What `check` runs before the tests: lint, types and the layering contracts.
CHECKS: list[list[str]] = [
    ["ruff", "check", "tui", "tests", "benchmarks"],
    ["mypy", "--strict", "tui"],
    ["lint-imports"],
]


def _bin(folder: Path, name: str) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return folder / scripts / f"{name}{suffix}"


def _fail(message: str) -> None:
    print(f"tui.dev: {message}", file=sys.stderr)
    sys.exit(1)


def find_uv() -> str:
    """uv from PATH, else from the tools environment, which is made on first use."""
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    uv = _bin(TOOLS, "uv")
    if uv.exists():
        return str(uv)
    print(f"Bringing uv from PyPI into {TOOLS} (once) ...", file=sys.stderr)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(TOOLS)
    except Exception as error:  # ensurepip is missing on some Debian pythons
        _fail(f"could not create {TOOLS}: {error}\n"
              "On Debian or Ubuntu, install python3-venv and try again.")
    pip = [str(_bin(TOOLS, "python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    if subprocess.run([*pip, "install", UV_REQUIREMENT]).returncode != 0 or not uv.exists():
        shutil.rmtree(TOOLS, ignore_errors=True)  # never leave a half-made tools folder
        _fail("installing uv failed; pip's messages above say why. "
              "Run the same command again to retry.")
    return str(uv)


def sync(*, test_tools: bool) -> None:
    """Make `.venv` hold exactly what `uv.lock` says (a no-op when it already does)."""
    command = [find_uv(), "sync", "--locked", "--quiet", "--python", sys.executable]
    if test_tools:
        command += ["--extra", "test"]
    else:
        # Running the app keeps test tools already installed rather than removing them.
        command += ["--inexact"]
    environment = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV),
                       UV_PYTHON_DOWNLOADS="never")
    status = subprocess.run(command, cwd=ROOT, env=environment).returncode
    if status != 0:
        _fail(f"`uv sync` exited with {status}; its messages above say why. If "
              "pyproject.toml changed, run `uv lock` and commit uv.lock with it.")


def run_checks() -> int:
    """Each check in turn, all of them even after one fails; 1 if any failed."""
    failed = []
    for check in CHECKS:
        print(f"$ {' '.join(check)}", file=sys.stderr, flush=True)
        if subprocess.call([str(_bin(VENV, check[0])), *check[1:]], cwd=ROOT) != 0:
            failed.append(check[0])
    if failed:
        print(f"tui.dev: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"app", "test", "check"}:
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    sync(test_tools=command != "app")
    if command == "check":
        return run_checks()
    if command == "app":
        program = [str(_bin(VENV, "debate-explorer")), *rest]
    else:
        program = [str(_bin(VENV, "python")), "-m", "pytest", *rest]
    os.chdir(ROOT)
    if os.name == "nt":
        return subprocess.call(program)
    os.execv(program[0], program)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
