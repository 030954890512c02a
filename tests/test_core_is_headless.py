"""The core (and the validate/export command line) never imports Textual, so a
script, a test or another front end can use it without a terminal UI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def test_no_core_module_imports_textual():
    modules = sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))
    assert "tui.core.pack.loader" in modules
    program = (
        "import importlib, sys\n"
        f"for name in {[*modules, 'tui.cli']!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "[]\n"


def test_validating_and_exporting_import_no_textual(tmp_path):
    program = (
        "import sys\n"
        "from tui.cli import main\n"
        "codes = [main(['validate', 'tests/packs/good']),\n"
        f"         main(['export', 'tests/packs/good', '-o', {str(tmp_path / 'x.json')!r},\n"
        "               '--format', 'json'])]\n"
        "print(codes, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                         cwd=tui.core.__path__[0] + "/../..")
    assert run.stderr.splitlines()[-1] == "[0, 0] False"
