"""The printable handout of a student's case, from the core and from the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.pack.loader import load_pack
from tui.core.work.case import Case, CaseEntry, Expected, Kind
from tui.core.work.handout import to_handout
from tui.core.work.storage import Storage

PACK = Path(__file__).parent / "packs" / "good"
GOLDEN = Path(__file__).parent / "golden" / "handout.md"


@pytest.fixture(scope="module")
def debate():
    return load_pack(PACK).debate


def student_case(debate) -> Case:
    case = Case()
    case.choose_side("council")
    case.add(debate, "room-saves-lives")
    case.entries.set_text("room-saves-lives", "Open with the 2019 figure.\n\n- about 120 deaths\n"
                   "- the ministry's own figure for 2018 is 95")
    case.attach(debate, "room-saves-lives", "deaths-120")
    case.attach(debate, "room-saves-lives", "save-lives")
    case.entries[0].quotes.append("a-quote-since-deleted")  # gone from the edited pack
    # The teacher removed this argument from the pack after the student wrote about it.
    case.entries.append(CaseEntry("needles-argument", notes="Needles in the park: ask the "
                                  "caretaker."))
    case.add(debate, "evidence-mixed", Kind.EXPECTED)
    case.expected.set_text("evidence-mixed", "Mixed is not none: which studies, and where?")
    case.expected.append(Expected("a-removed-objection", "Still answer it if it comes up."))
    return case


def test_the_handout_matches_the_golden_file(debate):
    text = to_handout(debate, student_case(debate))
    if os.environ.get("UPDATE_GOLDEN"):  # then review the diff before committing
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_an_empty_case_says_what_is_missing(debate):
    text = to_handout(debate, Case())
    for line in ("**My side:** not chosen yet.", "*No arguments in the case yet.*",
                 "*No opposing arguments listed yet.*",
                 "*No evidence chosen yet, so no sources.*"):
        assert line in text


def test_gaps_in_an_entry_are_shown_not_hidden(debate):
    case = Case()
    case.choose_side("council")
    case.add(debate, "room-saves-lives")
    case.add(debate, "evidence-mixed", Kind.EXPECTED)
    text = to_handout(debate, case)
    assert "*No notes yet.*" in text and "*No evidence chosen yet.*" in text
    assert "*No rebuttal planned yet.*" in text


def test_export_case_prints_the_saved_handout(debate, tmp_path, capsys):
    Storage(PACK, tmp_path / "data").save(student_case(debate))
    assert main(["export", str(PACK), "--case", "--data-dir", str(tmp_path / "data")]) == 0
    out, err = capsys.readouterr()
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert err == ""


def test_export_case_reads_the_folder_from_the_environment(debate, tmp_path, capsys):
    Storage(PACK).save(student_case(debate))
    output = tmp_path / "handout.md"
    assert main(["export", str(PACK), "--case", "-o", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")


def test_export_case_without_a_saved_case_says_so(tmp_path, capsys):
    assert main(["export", str(PACK), "--case", "--data-dir", str(tmp_path / "data")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("No case saved for this pack yet (looked for ")
    assert err.rstrip().endswith("Build one in the explorer first.")


def test_export_case_with_a_damaged_file_keeps_it_and_says_so(tmp_path, capsys):
    store = Storage(PACK, tmp_path / "data")
    store.folder.mkdir(parents=True)
    store.path.write_text("{broken", encoding="utf-8")
    assert main(["export", str(PACK), "--case", "--data-dir", str(tmp_path / "data")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Your saved case could not be used: it is not valid JSON" in err
    assert [p.read_text(encoding="utf-8") for p in store.folder.glob("*.damaged-*")] == [
        "{broken"]


def test_export_case_with_a_file_nested_too_deeply_keeps_it_and_says_so(tmp_path, capsys):
    """Issue 16: this crashed `export --case` with a RecursionError on every try."""
    store = Storage(PACK, tmp_path / "data")
    store.folder.mkdir(parents=True)
    deep = b'{"format_version": 1, "pack": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    store.path.write_bytes(deep)
    assert main(["export", str(PACK), "--case", "--data-dir", str(tmp_path / "data")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Your saved case could not be used: it is nested too deeply to be a case" in err
    assert [p.read_bytes() for p in store.folder.glob("*.damaged-*")] == [deep]


def test_a_reply_an_article_records_is_told_apart_from_a_pairing(pack_copy):
    # The minister's answer to the council leader, recorded by the article, cites the
    # words of both; the council's answer to the minister is the pack's own pairing.
    pack_copy.edit("debate.yaml", "    rebuts: [room-saves-lives]\n",
                   "    rebuts: [room-saves-lives]\n    exchanges:\n      - answers: "
                   "room-saves-lives\n        quotes: [save-lives, mixed]\n")
    debate = load_pack(pack_copy.path).debate
    case = Case()
    case.choose_side("council")
    case.add(debate, "room-saves-lives")
    case.add(debate, "evidence-mixed", Kind.EXPECTED)
    handout = to_handout(debate, case)
    mine = handout.split("## What the other side will say")[0]
    assert ("**How the other side may reply:**\n\n- The evidence for rooms is mixed. (Ministry) "
            "*Recorded in Test Gazette, about 2020: The minister answers Ann Example.*\n"
            "  - Ann Example: “It will save lives,”\n"
            "  - The minister: The minister said the evidence was \"mixed\" and that it would "
            "take years.\n") in mine
    theirs = handout.split("## What the other side will say")[1]
    assert ("**Replies from my side in the pack:**\n\n- A supervised room saves lives. (Council) "
            "*Paired by the pack: no article records this reply.*\n") in theirs
