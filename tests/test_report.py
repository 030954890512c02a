"""The teacher's report: every student's case of a class folder in one Markdown
document and one CSV, read without changing any student's file."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.pack.bundled import default_pack
from tui.core.pack.loader import load_pack
from tui.core.pack.model import Debate
from tui.core.work.case import Case, Kind, opposing_arguments
from tui.core.work.classroom import enrol
from tui.core.work.report import read_class, to_csv, to_report
from tui.core.work.storage import Storage


@pytest.fixture(scope="module")
def debate() -> Debate:
    loaded = load_pack(default_pack()).debate
    assert loaded is not None
    return loaded


def _student(debate: Debate, folder: Path, name: str, side_index: int, notes: str,
             rebuttal: str) -> tuple[str, str, str]:
    """A student's saved case: one argument with a quote and notes, one expected
    argument with a rebuttal; returns (side name, own claim, expected claim)."""
    position = list(debate.positions.values())[side_index]
    case = Case()
    case.choose_side(position.id)
    own = debate.arguments_of(position.id)[0]
    case.add(debate, own.id)
    case.attach(debate, own.id, own.quotes[0])
    case.entries.set_text(own.id, notes)
    other = opposing_arguments(debate, position.id)[0]
    case.add(debate, other.id, Kind.EXPECTED)
    case.expected.set_text(other.id, rebuttal)
    Storage(debate.folder, enrol(folder, name)).save(case)
    return position.name, own.claim, other.claim


def test_the_report_says_who_argued_what_with_which_evidence(debate, tmp_path: Path) -> None:
    ann = _student(debate, tmp_path, "Ann Lee", 0, "Open with the figures.",
                   "The numbers say otherwise.")
    bo = _student(debate, tmp_path, "Bo Chen", 1, "=HYPERLINK(\"x\")", "")
    enrol(tmp_path, "Cy Dean")  # gave a name, saved nothing yet
    out, table = tmp_path / "report.md", tmp_path / "report.csv"
    assert main(["report", str(tmp_path), "-o", str(out), "--csv", str(table)]) == 0
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Class report: Glasgow")
    assert report.index("## Ann Lee") < report.index("## Bo Chen") < report.index("## Cy Dean")
    ann_part = report.split("## Ann Lee", 1)[1].split("## Bo Chen", 1)[0]
    assert f"**Side:** {ann[0]}" in ann_part
    assert "Notes: Open with the figures." in ann_part
    assert "> —" in ann_part  # the quote, attributed
    assert "Answer: The numbers say otherwise." in ann_part
    bo_part = report.split("## Bo Chen", 1)[1]
    assert "*not answered yet*" in bo_part
    assert "No case saved yet." in report.split("## Cy Dean", 1)[1]
    assert "| Ann Lee |" in report and "| 1 | 1 | 1 | 1 |" in report

    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [(r["student"], r["list"]) for r in rows] == [
        ("Ann Lee", "argues"), ("Ann Lee", "expects"), ("Bo Chen", "argues"),
        ("Bo Chen", "expects")]
    assert rows[0]["claim"] == ann[1] and rows[1]["claim"] == ann[2]
    assert rows[0]["evidence"] and rows[1]["notes or rebuttal"] == "The numbers say otherwise."
    # A student's text never becomes a spreadsheet formula.
    assert rows[2]["notes or rebuttal"] == "'=HYPERLINK(\"x\")"
    assert bo[0] == rows[2]["side"]


def test_a_damaged_case_is_reported_and_left_where_it_is(debate, tmp_path: Path) -> None:
    folder = enrol(tmp_path, "Dee")
    storage = Storage(debate.folder, folder)
    storage.folder.mkdir(parents=True)
    storage.path.write_text("{not json", encoding="utf-8")
    report = to_report(debate, read_class(tmp_path, debate))
    assert "The saved case could not be read" in report
    assert storage.path.read_text(encoding="utf-8") == "{not json"  # untouched
    assert list(storage.folder.iterdir()) == [storage.path]


def test_a_name_is_data_in_the_report(debate, tmp_path: Path) -> None:
    enrol(tmp_path, "<img src=x> [link](http://x) # not a heading")
    report = to_report(debate, read_class(tmp_path, debate))
    # Shown as typed, escaped: no HTML, no link, no heading of its own.
    assert not re.search(r"(?<!\\)<img", report) and not re.search(r"(?<!\\)\]\(", report)
    assert "## \\<img src=x\\>" in report
    assert to_csv(debate, read_class(tmp_path, debate)).count("\n") == 1  # the header only


def test_an_empty_class_and_a_missing_folder(debate, tmp_path: Path, capsys) -> None:
    assert "No student has started yet." in to_report(debate, read_class(tmp_path, debate))
    assert main(["report", str(tmp_path / "nowhere")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_an_argument_the_pack_no_longer_has_and_a_side_not_chosen(debate, tmp_path: Path) -> None:
    _student(debate, tmp_path, "Eve", 0, "notes", "")
    storage = Storage(debate.folder, enrol(tmp_path, "Eve"))
    side = next(iter(debate.positions))
    own = debate.arguments_of(side)[0].id
    saved = json.loads(storage.path.read_text(encoding="utf-8"))
    text = json.dumps(saved).replace(f'"{own}"', '"gone-from-the-pack"')
    text = text.replace(f'"{side}"', "null")
    storage.path.write_text(text, encoding="utf-8")
    class_cases = read_class(tmp_path, debate)
    assert class_cases[0].problem == ""
    report = to_report(debate, class_cases)
    assert "(no longer in the pack: gone-from-the-pack)" in report
    assert "**Side:** not chosen" in report
    rows = list(csv.DictReader(io.StringIO(to_csv(debate, class_cases))))
    assert rows[0]["claim"] == "(no longer in the pack: gone-from-the-pack)"
    assert rows[0]["side"] == "not chosen"
