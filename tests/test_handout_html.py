"""The HTML handout a student prints: their name and the date, nothing empty, the pack's
answers under rebuttals not written yet, every text escaped, saved in the data folder,
and the page as Chromium prints it (to PDF, read back with pdftotext)."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_handout import PACK, student_case

from tui.cli import main
from tui.core.pack.loader import load_pack
from tui.core.work.case import Case, Kind
from tui.core.work.handout_html import to_html
from tui.core.work.settings import Remembered
from tui.core.work.storage import Storage

MARKUP = Path(__file__).parent / "packs" / "markup"
DAY = datetime.date(2026, 12, 4)


@pytest.fixture(scope="module")
def debate():
    return load_pack(PACK).debate


class Page(HTMLParser):
    """The words a browser shows, and every tag it would build."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.words: list[str] = []
        self.tags: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"

    def handle_endtag(self, tag) -> None:
        self._in_style = False

    def handle_data(self, data) -> None:
        if not self._in_style:
            self.words.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())


def unwritten_case(debate) -> Case:
    """An argument with nothing but its claim, and an objection with no rebuttal yet."""
    case = Case()
    case.choose_side("council")
    case.add(debate, "room-saves-lives")
    case.add(debate, "evidence-mixed", Kind.EXPECTED)
    return case


def test_the_page_has_the_name_and_date_and_the_students_work(debate):
    page = Page(to_html(debate, student_case(debate), "Sam Student", DAY))
    assert "Sam Student · 4 December 2026" in page.text
    assert "My side: Town council (for the motion)." in page.text
    assert "Open with the 2019 figure." in page.text
    assert "My rebuttal: Mixed is not none: which studies, and where?" in page.text
    assert "(no longer in the pack: needles-argument)" in page.text


def test_nothing_empty_is_printed_and_the_packs_answers_stand_in(debate):
    html = to_html(debate, unwritten_case(debate), "", DAY)
    page = Page(html)
    for placeholder in ("No notes yet", "No evidence chosen yet", "No rebuttal planned",
                        "Sources", "Name:", "·"):
        assert placeholder not in page.text
    assert page.text.count("4 December 2026") == 1  # the date, without a name before it
    assert ("My rebuttal is not written yet. The pack's answers from my side: "
            "A supervised room saves lives. (Paired by the pack: no article records this "
            "reply.)") in page.text
    assert "@media print" in html


def test_pack_and_case_text_is_escaped_never_markup(tmp_path):
    pack = tmp_path / "markup"
    shutil.copytree(MARKUP, pack)
    debate_file = pack / "debate.yaml"
    debate_file.write_text(debate_file.read_text(encoding="utf-8").replace(
        'claim: "A supervised room [/b] saves lives [UK]"',
        'claim: "A supervised room <b>saves</b> lives & <script>alert(1)</script>"'),
        encoding="utf-8")
    debate = load_pack(pack).debate
    assert debate is not None
    case = unwritten_case(debate)
    case.entries.set_text("room-saves-lives", 'Say "<img src=x onerror=alert(1)>" & stop')
    html = to_html(debate, case, "<Sam> & co", DAY)
    page = Page(html)
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "header", "h1",
                              "p", "strong", "section", "h2", "ol", "li", "h3", "ul",
                              "blockquote", "footer", "span"}
    assert "A supervised room <b>saves</b> lives & <script>alert(1)</script>" in page.text
    assert 'Say "<img src=x onerror=alert(1)>" & stop' in page.text
    assert "<Sam> & co · 4 December 2026" in page.text
    assert "[@click=app.quit]The room[/] should [UK] open." in page.text  # Rich markup: text


def test_export_html_saves_in_the_data_folder_and_says_where(debate, tmp_path, capsys,
                                                             monkeypatch):
    data = tmp_path / "data"
    Storage(PACK, data).save(student_case(debate))
    Remembered(data, print).change(student_name="Sam Student")
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(PACK), "--format", "html", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    written = list((data / "handouts").glob("*.html"))
    assert len(written) == 1 and f"Handout written to {written[0]}." in out
    assert "Sam Student" in Page(written[0].read_text(encoding="utf-8")).text
    assert not list(tmp_path.glob("*.html"))  # not where the command was run


def test_export_html_without_a_case_says_so(tmp_path, capsys):
    assert main(["export", str(PACK), "--format", "html", "--data-dir",
                 str(tmp_path / "data")]) == 1
    assert "No case saved for this pack yet" in capsys.readouterr().err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdftotext") is None,
                    reason="needs chromium and poppler-utils (.ci/run installs them)")
def test_the_printed_page_shows_what_a_student_needs(debate, tmp_path):
    page = tmp_path / "handout.html"
    case = student_case(debate)
    case.add(debate, "evidence-mixed", Kind.EXPECTED)
    case.expected.set_text("evidence-mixed", "")  # not written yet: the pack's answers print
    page.write_text(to_html(debate, case, "Sam Student", DAY), encoding="utf-8")
    pdf = tmp_path / "handout.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                             capture_output=True, text=True).stdout
    words = " ".join(printed.split())
    for seen in ("My case: A small test debate", "Sam Student · 4 December 2026",
                 "My arguments, in speaking order", "A supervised room saves lives.",
                 "“It will save lives,” — Ann Example, Council leader",
                 "What the other side will say, and my answers",
                 "My rebuttal is not written yet. The pack's answers from my side:",
                 "Sources"):
        assert seen in words, seen
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    assert "Pages:           1" in info  # this small case on one sheet, no page left blank
