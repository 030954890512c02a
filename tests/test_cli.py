"""The `debate-explorer validate` and `export` commands: what they print, where,
and the exit status (0 done, 1 the pack or the output has problems, 2 misuse)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import YamlSyntaxError

from tui.cli import main

PACKS = Path(__file__).parent / "packs"
GOOD_SUMMARY = """\
good: A small test debate
  Town council: 1 argument
  The ministry: 1 argument
  1 source, 2 speakers, 4 quotes, 2 facts, 2 themes
OK: no errors, 0 warnings.
"""


@pytest.fixture
def in_packs(monkeypatch):
    monkeypatch.chdir(PACKS)


def run_module(*args: str, cwd: Path = PACKS, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", **options)


def test_validate_prints_a_summary_and_exits_0(in_packs, capsys):
    assert main(["validate", "good"]) == 0
    out, err = capsys.readouterr()
    assert out == GOOD_SUMMARY
    assert err == ""


def test_validate_lists_every_problem_on_stderr_and_exits_1(in_packs, capsys):
    assert main(["validate", "broken/no-positions-or-arguments"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "broken/no-positions-or-arguments: a debate needs at least one position; this pack "
        "has none\n"
        "broken/no-positions-or-arguments: warning: this pack has no arguments yet (add them "
        "in the app: debate-explorer edit FOLDER)\n"
        "broken/no-positions-or-arguments: 1 error; the pack was not loaded.\n"
    )


def test_warnings_do_not_fail_validation(pack_copy, capsys):
    pack_copy.edit("debate.yaml", "\nsources:", "  - id: nobody\n    name: No One\n"
                   "    role: Bystander\n    organisation: None\n\nsources:")
    assert main(["validate", "pack"]) == 0
    out, err = capsys.readouterr()
    assert err == "pack/debate.yaml:12:9: warning: speaker 'nobody' has no quotes\n"
    assert out.endswith("OK: no errors, 1 warning.\n")


def test_a_pack_that_does_not_exist(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "nowhere"]) == 1
    assert capsys.readouterr().err == (
        "nowhere: no such pack: there is no folder or file at this path\n"
        "nowhere: 1 error; the pack was not loaded.\n")


@pytest.mark.parametrize("argv", [
    ["validate", "--strict"],
    ["validate", "good", "other"],
    ["export", "good", "--format", "xml"],
    ["export", "--output"],
])
def test_misuse_exits_2_with_usage(in_packs, capsys, argv):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    usage, *complaint = capsys.readouterr().err.splitlines()  # argparse's words around ours
    assert "debate-explorer" in usage and complaint


def test_export_json_goes_to_stdout(in_packs, capsys):
    assert main(["export", "good", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["pack"]["title"] == "A small test debate"
    assert err == ""


def test_export_markdown_is_the_default(in_packs, capsys):
    assert main(["export", "good"]) == 0
    assert capsys.readouterr().out.startswith("# A small test debate\n")


def test_export_writes_the_named_file_and_nothing_else(in_packs, tmp_path, capsys):
    target = tmp_path / "debate.json"
    assert main(["export", "good", "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    assert json.loads(target.read_text(encoding="utf-8"))["positions"][0]["id"] == "council"


def test_export_to_a_folder_that_does_not_exist_exits_1(in_packs, tmp_path, capsys):
    target = tmp_path / "missing" / "debate.md"
    assert main(["export", "good", "-o", str(target)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    ours = f"cannot write {target}: "  # then the system's reason, in its words and language
    assert line.startswith(ours) and line[len(ours):].strip()


def test_export_of_a_broken_pack_prints_the_problems_and_no_export(in_packs, capsys):
    assert main(["export", "broken/unknown-key", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "broken/unknown-key/debate.yaml:23:5: unknown key 'speeker' in quote 'save-lives' (did "
        "you mean 'speaker'?)",
        "broken/unknown-key: 1 error; the pack was not loaded.",
    ]


# -- as a real process: the exit status and stderr a shell sees ---------------

def test_a_broken_pack_in_a_real_process_exits_1_without_a_traceback():
    run = run_module("validate", "broken/yaml-syntax")
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        YamlSyntaxError("broken/yaml-syntax/debate.yaml:4:9", "that starts at line 3, column 11)"),
        "broken/yaml-syntax: 1 error; the pack was not loaded.",
    ]


def test_export_in_a_real_process_writes_utf8_json_whatever_the_locale():
    run = subprocess.run([sys.executable, "-m", "tui", "export", "typographic", "--format",
                          "json"], cwd=PACKS, capture_output=True,
                         env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert run.returncode == 0, run.stderr
    quotes = {q["id"]: q for q in json.loads(run.stdout.decode("utf-8"))["quotes"]}
    assert quotes["save-lives"]["text"] == "It will save lives,"


def test_a_closed_pipe_ends_quietly():
    reader, writer = os.pipe()
    os.close(reader)  # like `debate-explorer export | head` once head has quit
    try:
        run = subprocess.run([sys.executable, "-m", "tui", "export", "good"], cwd=PACKS,
                             stdout=writer, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(writer)
    assert run.returncode == 1
    assert run.stderr == ""


def test_usage_in_a_real_process_exits_2():
    run = run_module("export", "good", "--format", "pdf")
    assert run.returncode == 2
    # argparse words the complaint; the user must see the value refused and the choices
    assert "'pdf'" in run.stderr and "markdown" in run.stderr and "json" in run.stderr
    assert "Traceback" not in run.stderr


# -- nothing printed can drive the terminal; no locale makes it crash ----------

def test_a_file_name_holding_escape_sequences_is_printed_escaped(pack_copy, capsys):
    (pack_copy.path / "\x1b[2J\x1b]0;owned\x07.yaml").write_text("speeches: []\n")
    assert main(["validate", "pack"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines()[0] == ("pack/\\x1b[2J\\x1b]0;owned\\x07.yaml:1:1: unknown section "
                                   "'speeches' (did you mean 'speakers'?)")
    assert "\x1b" not in err + out and "\x07" not in err + out


def test_an_output_name_holding_escape_sequences_is_printed_escaped(in_packs, tmp_path, capsys):
    target = tmp_path / "\x1b[2J" / "debate.md"
    assert main(["export", "good", "-o", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"cannot write {tmp_path}/\\x1b[2J/debate.md: No such file or directory\n")


def test_a_misused_argument_holding_escape_sequences_is_printed_escaped(in_packs, capsys):
    with pytest.raises(SystemExit):
        main(["validate", "good", "\x1b]52;c;b3duZWQ=\x07"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: \\x1b]52;c;b3duZWQ=\\x07" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_validate_in_a_terminal_that_cannot_show_a_dash_shows_it_escaped(pack_copy, tmp_path,
                                                                         encoding):
    pack_copy.edit("pack.yaml", "title: A small test debate", "title: A small debate — for now")
    run = subprocess.run([sys.executable, "-m", "tui", "validate", "pack"], cwd=tmp_path,
                         capture_output=True,
                         env={**os.environ, "PYTHONIOENCODING": encoding, "LC_ALL": "C"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode(encoding).splitlines()[0] == "pack: A small debate \\u2014 for now"


def test_a_crash_in_the_app_exits_1_not_0(monkeypatch, capsys):
    # Textual catches the exception, shows the traceback and ends run(); a script
    # calling the app must still see that it failed.
    from tui.ui.app import ExplorerApp

    def crash(self: ExplorerApp) -> None:
        raise RuntimeError("a bug")

    run = ExplorerApp.run
    monkeypatch.setattr(ExplorerApp, "on_mount", crash)
    monkeypatch.setattr(ExplorerApp, "run", lambda self: run(self, headless=True))
    assert main([str(PACKS / "good")]) == 1
    assert "a bug" in capsys.readouterr().err


def test_a_pack_name_too_long_for_the_system_is_a_problem_not_a_traceback(tmp_path,
                                                                         monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "a" * 300
    assert main(["validate", name]) == 1
    assert capsys.readouterr().err == (f"{name}: cannot open the pack: File name too long\n"
                                       f"{name}: 1 error; the pack was not loaded.\n")


COMMANDS = ("validate", "export", "import", "new", "edit", "formats", "serve", "report")


def test_the_apps_help_names_every_command_and_each_explains_itself(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for command in COMMANDS:
        assert command in shown
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0, command
        assert capsys.readouterr().out.startswith(f"usage: debate-explorer {command}"), command
