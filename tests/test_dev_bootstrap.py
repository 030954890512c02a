"""`python3 -m tui.dev`: the README's commands recover from a half-made environment."""

from __future__ import annotations

import subprocess
import venv

import pytest

from tui import dev


@pytest.fixture
def fresh_venv_path(tmp_path, monkeypatch):
    folder = tmp_path / "venv"
    monkeypatch.setattr(dev, "VENV", folder)
    monkeypatch.setattr(dev, "STAMP", folder / ".installed-from")
    return folder


def test_an_environment_left_without_pip_is_made_again(fresh_venv_path, monkeypatch):
    venv.EnvBuilder(with_pip=False).create(fresh_venv_path)  # as an interrupted creation
    assert not dev._pip_works()
    made, installs = [], []

    class Builder:
        def __init__(self, **options):
            made.append(options)

        def create(self, folder):
            assert folder == fresh_venv_path

    monkeypatch.setattr(dev.venv, "EnvBuilder", Builder)
    monkeypatch.setattr(dev.subprocess, "run",
                        lambda command, **kw: installs.append(command)
                        or subprocess.CompletedProcess(command, 1 if "--version" in command
                                                       else 0))
    dev.ensure_environment()
    assert made == [{"with_pip": True, "clear": True}]
    assert any("install" in command for command in installs)
    assert dev.STAMP.read_text() == dev._wanted_stamp()


def test_a_failed_install_says_so_and_is_retried_next_time(fresh_venv_path, monkeypatch):
    fresh_venv_path.mkdir()
    dev.STAMP.write_text("an older pyproject")

    def run(command, **kwargs):
        if "install" in command:
            raise subprocess.CalledProcessError(1, command)
        return subprocess.CompletedProcess(command, 0)  # pip is there

    monkeypatch.setattr(dev.subprocess, "run", run)
    with pytest.raises(SystemExit) as stop:
        dev.ensure_environment()
    assert "pip exited with 1" in str(stop.value)
    assert not dev.STAMP.exists()  # not taken as current next time


def test_a_current_stamp_without_an_interpreter_is_not_trusted(fresh_venv_path, monkeypatch):
    fresh_venv_path.mkdir()
    dev.STAMP.write_text(dev._wanted_stamp())
    calls = []
    monkeypatch.setattr(dev.venv, "EnvBuilder",
                        lambda **options: type("B", (), {"create": lambda self, f: calls.append(f)})())
    real_run = subprocess.run
    monkeypatch.setattr(dev.subprocess, "run", lambda command, **kw: (
        subprocess.CompletedProcess(command, 0) if "install" in command
        else real_run(command, **kw)))  # the pip check runs for real: no interpreter
    dev.ensure_environment()
    assert calls == [fresh_venv_path]  # the interpreter is gone: the environment is made again
