"""`python3 -m tui.dev`: the README's commands on a machine with only python3."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tui import dev


@pytest.fixture
def no_uv_on_path(tmp_path, monkeypatch):
    """A machine where uv is not installed: the tools folder is a fresh one."""
    monkeypatch.setattr(dev.shutil, "which", lambda name: None)
    monkeypatch.setattr(dev, "TOOLS", tmp_path / "tools")
    return tmp_path / "tools"


def test_uv_on_path_is_used_as_it_is(monkeypatch):
    monkeypatch.setattr(dev.shutil, "which", lambda name: "/somewhere/bin/uv")
    assert dev.find_uv() == "/somewhere/bin/uv"


def test_without_uv_it_is_brought_into_the_tools_folder_once(no_uv_on_path, monkeypatch):
    made, installs = [], []

    class Builder:
        def __init__(self, **options):
            made.append(options)

        def create(self, folder):
            assert folder == no_uv_on_path

    def pip(command, **kwargs):
        installs.append(command)
        uv = dev._bin(no_uv_on_path, "uv")
        uv.parent.mkdir(parents=True, exist_ok=True)
        uv.write_text("")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(dev.venv, "EnvBuilder", Builder)
    monkeypatch.setattr(dev.subprocess, "run", pip)
    assert dev.find_uv() == str(dev._bin(no_uv_on_path, "uv"))
    assert installs[0][-1] == dev.UV_REQUIREMENT
    assert dev.find_uv() == str(dev._bin(no_uv_on_path, "uv"))  # the second time: as it is
    assert len(made) == len(installs) == 1


def test_a_failed_uv_install_says_so_and_leaves_nothing_half_made(no_uv_on_path, monkeypatch,
                                                                  capsys):
    monkeypatch.setattr(dev.venv, "EnvBuilder",
                        lambda **options: type("B", (), {"create": lambda s, f: f.mkdir()})())
    monkeypatch.setattr(dev.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 1))
    with pytest.raises(SystemExit) as stop:
        dev.find_uv()
    assert stop.value.code == 1
    assert "installing uv failed" in capsys.readouterr().err
    assert not no_uv_on_path.exists()  # tried again from scratch next time


def test_sync_runs_exactly_the_lock_with_the_test_extra(monkeypatch):
    commands = []
    monkeypatch.setattr(dev, "find_uv", lambda: "uv")
    monkeypatch.setattr(dev.subprocess, "run", lambda command, **kw: commands.append(
        (command, kw["env"]["UV_PROJECT_ENVIRONMENT"])) or subprocess.CompletedProcess(command, 0))
    dev.sync(test_tools=True)
    command, environment = commands[0]
    assert command[:3] == ["uv", "sync", "--locked"]
    assert "--extra" in command and "test" in command and "--inexact" not in command
    assert environment == str(dev.VENV)


def test_a_lock_that_does_not_match_pyproject_is_told_not_ignored(monkeypatch, capsys):
    monkeypatch.setattr(dev, "find_uv", lambda: "uv")
    monkeypatch.setattr(dev.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 2))
    with pytest.raises(SystemExit):
        dev.sync(test_tools=False)
    assert "run `uv lock` and commit uv.lock" in capsys.readouterr().err


def test_the_lock_is_committed_beside_pyproject():
    root = Path(dev.__file__).resolve().parent.parent
    assert (root / "uv.lock").is_file()
    assert 'name = "debate-explorer"' in (root / "uv.lock").read_text()


def test_an_unknown_command_prints_the_usage(capsys):
    assert dev.main(["lint"]) == 2
    assert capsys.readouterr().err.strip() == dev.USAGE
