"""`debate-explorer import kialo`: both of Kialo's export formats become packs that
validate and open, with every count printed and every line not used named; checked
against arguebuf, an independent reader of the old format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import screen_text

from tui.cli import main
from tui.core.interop.kialo import read_discussion
from tui.core.pack.loader import load_pack
from tui.core.pack.rebuttals import how_known, rebuttal

FIXTURES = Path(__file__).parent / "kialo"
# The real exports, beside the checkout as CI has them; never copied into the project.
SHARED = Path(__file__).resolve().parents[2] / "shared" / "interop" / "kialo"
OLD_SHARED = SHARED / "old-format-should-hate-speech-be-illegal-6148.txt"
CURRENT_SHARED = (SHARED / "current-format-should-students-be-allowed-to-use-generative-ai-"
                  "for-assignments-63741.txt")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/interop is not beside "
                                  "this checkout")


def run_import(export: Path, target: Path, capsys) -> tuple[int, str, str]:
    status = main(["import", "kialo", str(export), "-o", str(target)])
    out, err = capsys.readouterr()
    return status, out, err


@needs_shared
def test_the_old_format_export_imports_validates_and_says_what_it_made(tmp_path, capsys):
    status, out, err = run_import(OLD_SHARED, tmp_path / "hate-speech", capsys)
    assert status == 0, err
    assert "a Kialo export in the old format, 108 lines: Should hate speech be illegal?" in out
    assert "  claims: 105 (1 thesis, 104 arguments)" in out
    assert ("  links: 105 (13 to a thesis, given by the argument's position; 56 rebuts; "
            "36 supports; 0 not usable)") in out
    assert "  '-> See' links: 1 read, 1 made, 0 not usable" in out
    assert "  sources: 7 sources from 7 addresses; 0 excerpts made into quotes" in out
    assert "  arguments per position: For the thesis: 41; Against the thesis: 63" in out
    assert "  lines not used, or used with a change: 0" in out
    assert "OK: no errors, 0 warnings." in out
    assert err == ""
    debate = load_pack(tmp_path / "hate-speech").debate
    assert debate is not None
    # 1.6.4 is '-> See 1.2.2.': the claim is linked a second time, never copied.
    assert debate.arguments["c1.2.2"].supports == ("c1.2", "c1.6")
    assert "c1.6.4" not in debate.arguments
    # Escaped brackets read as brackets; a Markdown link keeps its words and its address.
    assert "\\(" not in debate.arguments["c1.1.10"].claim
    assert "bad actors (\"Trolls\")" in debate.arguments["c1.1.10"].claim
    assert debate.arguments["c1.3.3"].claim.endswith("hate speech legislation is a disaster.")
    assert {s.url for s in debate.sources.values()} >= {
        "https://www.independent.co.uk/news/uk/arrests-for-offensive-facebook-and-twitter-"
        "posts-soar-in-london-a7064246.html"}


@needs_shared
def test_the_current_format_export_imports_and_validates(tmp_path, capsys):
    status, out, err = run_import(CURRENT_SHARED, tmp_path / "gen-ai", capsys)
    assert status == 0, err
    assert "a Kialo export in the current format" in out
    assert "  claims: 31 (1 thesis, 30 arguments)" in out
    assert ("  links: 30 (13 to a thesis, given by the argument's position; 9 rebuts; "
            "8 supports; 0 not usable)") in out
    assert "  sources: 5 sources from 7 addresses; 0 excerpts made into quotes" in out
    assert "  arguments per position: For the thesis: 19; Against the thesis: 11" in out
    assert "OK: no errors, 0 warnings." in out
    debate = load_pack(tmp_path / "gen-ai").debate
    assert debate is not None
    # [1], [2] and [3] give one address: one source, cited by three claims.
    source = debate.sources["source-1"]
    assert source.headline == "Sources [1], [2], [3] of the Kialo discussion"
    assert source.path is None and source.when == "date not given"
    # An escaped bracket in an address is the bracket itself.
    assert debate.sources["source-6"].url == (
        "https://en.wikipedia.org/wiki/Hallucination_(artificial_intelligence)")
    assert "It cites [5] https://apnews.com/" in debate.arguments["c1.10"].summary
    # Stance follows the Cons on the path: a Con of a Con argues for the thesis.
    assert debate.arguments["c1.3.1"].position == "for"
    assert debate.arguments["c1.3.1"].rebuts == ("c1.3",)
    assert debate.arguments["c1.3.1.1"].position == "against"


def test_a_question_with_several_theses_gives_one_position_per_thesis(tmp_path, capsys):
    status, out, err = run_import(FIXTURES / "current-question.txt", tmp_path / "phones",
                                  capsys)
    assert status == 0, err
    assert "  claims: 13 (3 theses, 9 arguments)" in out
    assert ("  links: 14 (3 theses under the question; 6 to a thesis, given by the argument's "
            "position; 4 rebuts; 0 supports; 1 not usable)") in out
    assert ("  arguments per position: Thesis 1.1: 2; Thesis 1.2: 2; Thesis 1.3: 1; "
            "Objections: 4") in out
    assert "  sources: 3 sources from 3 addresses; 2 excerpts made into quotes" in out
    debate = load_pack(tmp_path / "phones").debate
    assert debate is not None
    assert [p.id for p in debate.positions.values()] == [
        "thesis-1.1", "thesis-1.2", "thesis-1.3", "objections"]
    # Answers to a question are not sides of a motion: none is said to be "for" it.
    assert {p.side for p in debate.positions.values()} == {None}
    assert debate.arguments["c1.1.1.1"].position == "objections"  # one Con: against 1.1
    assert debate.arguments["c1.1.1.1.1"].position == "thesis-1.1"  # two Cons: for it again
    # A '-> See' in the current format links 1.2.1 under 1.2.2, as a Con.
    assert debate.arguments["c1.2.1"].rebuts == ("c1.2.2",)
    # The link is the discussion's, not a pairing made by the pack's author.
    link = rebuttal(debate, "c1.2.1", "c1.2.2")
    assert how_known(debate, link).startswith("Linked in the discussion this pack was imported")
    assert main(["export", str(tmp_path / "phones"), "--format", "markdown"]) == 0
    exported = capsys.readouterr().out
    assert "*(linked in the discussion)*" in exported and "paired by the pack)*" not in exported
    # A claim in two paragraphs keeps both, and the break between them.
    assert debate.arguments["c1.3.1"].claim == (
        "Rules that differ from class to class confuse pupils.\n\nThey also make the rule "
        "hard to enforce.")
    assert "(citation needed)" in debate.arguments["c1.1.1.1"].claim


def test_an_excerpt_becomes_a_quote_from_a_file_of_exactly_its_words(tmp_path, capsys):
    status, _out, err = run_import(FIXTURES / "current-question.txt", tmp_path / "phones",
                                   capsys)
    assert status == 0, err
    debate = load_pack(tmp_path / "phones").debate
    assert debate is not None
    words = ("Pupils with phones on their desks scored lower.\n\nThose whose phones were in "
             "their bags scored as well as pupils without phones.")
    assert (tmp_path / "phones" / "excerpts" / "source-1.txt").read_text() == words + "\n"
    quote = debate.quotes["excerpt-1"]
    assert quote.text == words
    assert debate.sources[quote.source].url == "https://example.org/phones-study"
    assert [a.id for a in debate.citing("excerpt-1")] == ["c1.1.1"]
    speaker = debate.speakers[quote.speaker]
    assert speaker.name == "Author not named" and "names no authors" in speaker.role
    # A citation of a source with no excerpt keeps its address in the argument, no quote.
    argument = debate.arguments["c1.1.1.1.1"]
    assert argument.quotes == ()
    assert "It cites [2] https://example.org/attention-economy." in argument.summary


def test_every_line_not_used_is_named_with_its_line_and_why(tmp_path, capsys):
    export = FIXTURES / "old-unusable-crlf.txt"
    status, out, err = run_import(export, tmp_path / "uniforms", capsys)
    assert status == 0
    assert err.splitlines() == [
        f"{export}:3: text before the first claim, not part of any claim",
        f"{export}:6: claim 1.1 is numbered again (first on line 5)",
        f"{export}:7: claim 1.3.1 is under 1.3, which is not in the file",
        f"{export}:9: '-> See 1.1' under 1.2 not linked: it makes 1.1 a Pro of 1.2, but 1.1 "
        "argues for position 'for' and 1.2 for 'against'; a pack supports only within a "
        "position",
        f"{export}:10: claim 1.2.2 says neither Pro nor Con",
        f"{export}:11: '-> See 9.9' under 1.2 not linked: there is no claim 9.9 in the file",
        f"{export}:12: a second top claim '2.' (the discussion's top claim is '1.')",
        f"{export}:13: claim 1.4 has no text",
        f"{export}:14: control character U+0007 removed from the text",
    ]
    assert "  lines not used, or used with a change: 9" in out
    assert "OK: no errors, 0 warnings." in out
    debate = load_pack(tmp_path / "uniforms").debate
    assert debate is not None
    assert debate.arguments["c1.5"].claim == "A bell rings when the rule is broken."


def test_the_current_format_names_its_unusable_lines_too(tmp_path, capsys):
    export = tmp_path / "odd.txt"
    export.write_text("Discussion Name:\nUniforms?\n\n1. Thesis:\nUniforms should be worn.\n\n"
                      "  1.1. Maybe:\n  Nobody knows.\n\n    1.1.1. Pro:\n    Under it.\n\n"
                      "  1.2. Con:\n  They cost money [4].\n\nSources:\nnot a source line\n"
                      "[1] https://example.org/a\n[1] https://example.org/b\n", encoding="utf-8")
    status, out, err = run_import(export, tmp_path / "pack", capsys)
    assert status == 0
    assert [line for line in err.splitlines() if line.startswith(str(export))] == [
        f"{export}:7: claim 1.1 is marked 'Maybe', not Pro, Con, Thesis or Question",
        f"{export}:8: text of claim 1.1, which is not used",
        f"{export}:10: claim 1.1.1 is under 1.1, which could not be used",
        f"{export}:13: claim 1.2 cites [4], which the Sources list does not give",
        f"{export}:17: in the Sources list but not a '[n] address' line",
        f"{export}:18: source [1] is cited by no claim; kept as a source",
        f"{export}:19: source [1] is listed again (first on line 18)",
    ]
    assert "  claims: 2 (1 thesis, 1 argument)" in out


def test_a_file_that_is_not_a_kialo_export_fails_with_file_and_line(tmp_path, capsys):
    export = FIXTURES / "not-kialo.txt"
    status, out, err = run_import(export, tmp_path / "nothing", capsys)
    assert status == 1
    assert err == (f"{export}:1: not a Kialo export: its first line should be 'Discussion "
                   "Title: ...' (the old format) or 'Discussion Name:' (the current one)\n")
    assert out == ""
    assert not (tmp_path / "nothing").exists()


def test_an_export_with_no_first_claim_or_not_utf8_fails_with_its_line(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("Discussion Name:\nA title\n\nno claims here\n", encoding="utf-8")
    status, _out, err = run_import(empty, tmp_path / "a", capsys)
    assert status == 1
    assert err == (f"{empty}:4: not a Kialo export: no first claim numbered '1.' (the "
                   "thesis or question)\n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Discussion Title: Caf\xe9s\n\n1. Caf\xe9s should close early.\n")
    status, _out, err = run_import(latin, tmp_path / "b", capsys)
    assert (status, err) == (1, f"{latin}:1: not UTF-8 text, so not a Kialo export (Kialo "
                                "writes UTF-8)\n")


def test_an_import_never_writes_over_an_existing_folder(tmp_path, capsys):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("my own notes", encoding="utf-8")
    status, _out, err = run_import(FIXTURES / "old-lf-bom.txt", target, capsys)
    assert status == 1
    assert "already exists and is not an empty folder; an import never writes over it" in err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no temporary folder left


def test_line_ends_and_a_byte_order_mark_do_not_change_the_pack(tmp_path, capsys):
    lf = FIXTURES / "old-lf-bom.txt"
    text = lf.read_text(encoding="utf-8-sig")
    crlf = tmp_path / "old-lf-bom.txt"  # the same name: the pack records it
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    for export, name in ((lf, "a"), (crlf, "b")):
        status, _out, err = run_import(export, tmp_path / "out" / name, capsys)
        assert status == 0, err
    for file in ("pack.yaml", "arguments.yaml", "sources.yaml"):
        assert ((tmp_path / "out" / "a" / file).read_text() ==
                (tmp_path / "out" / "b" / file).read_text())
    debate = load_pack(tmp_path / "out" / "a").debate
    assert debate is not None
    assert debate.info.title == "Should homework be banned?"  # no byte-order mark in it
    assert debate.arguments["c1.1"].claim == (
        "Practice at home fixes what was learnt in class (see the guidance).")
    assert debate.sources["link-1"].url == "https://example.org/guidance_(2020)"
    # A claim over two lines is one claim.
    assert debate.arguments["c1.1.1"].claim.endswith("as they happen, and pupils without "
                                                     "help at home fall further behind.")


def old_format_exports() -> list[Path]:
    found = [FIXTURES / "old-lf-bom.txt", FIXTURES / "old-question.txt"]
    if SHARED.is_dir():
        found += sorted(p for p in SHARED.glob("*.txt")
                        if p.read_bytes().startswith(b"Discussion Title:"))
    return found


@pytest.mark.parametrize("export", old_format_exports(), ids=lambda p: p.name)
def test_arguebuf_counts_the_same_claims_and_links(export, tmp_path):
    arguebuf = pytest.importorskip("arguebuf")
    from tui.core.interop.kialo_pack import plan_pack

    graph = arguebuf.load.file(export)
    counts = plan_pack(read_discussion(export.read_bytes()), export.name).counts
    assert counts.claims == len(graph.atom_nodes)
    assert counts.links == len(graph.scheme_nodes)
    supports = sum(1 for s in graph.scheme_nodes.values()
                   if type(s.scheme).__name__ == "Support")
    attacks = sum(1 for s in graph.scheme_nodes.values() if type(s.scheme).__name__ == "Attack")
    assert (supports, attacks) == (
        sum(c.kind == "pro" for c in read_discussion(export.read_bytes()).claims.values()),
        sum(c.kind == "con" for c in read_discussion(export.read_bytes()).claims.values()))


async def test_an_imported_pack_opens_in_the_explorer_the_case_and_the_drill(tmp_path,
                                                                           isolated_home):
    from tui.ui.app import ExplorerApp
    from tui.ui.screens.case import CaseScreen
    from tui.ui.screens.drill import DrillScreen

    pack = tmp_path / "phones"
    assert main(["import", "kialo", str(FIXTURES / "current-question.txt"), "-o",
                 str(pack)]) == 0
    debate = load_pack(pack).debate
    assert debate is not None
    app = ExplorerApp(debate, side="objections")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Motion: What should the school do about phones?" in text
        # Four positions need 200 columns side by side: at 120, a tab for each thesis and
        # one for the objections (the layout is the debate screen's, tests/test_ui_positions).
        assert "Thesis 1.1 (2)    Thesis 1.2 (2)    Thesis 1.3 (1)    Objections" in text
        assert "Objections to the theses" in text  # it opens on the student's side
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "you argue Objections to the theses" in screen_text(app)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        text = screen_text(app)
        assert "Card 1 of 5" in text  # the five arguments for the three theses
        await pilot.press("space")
        await pilot.pause()
        assert "The pack's answers from your position:" in screen_text(app)  # one of four


def test_the_old_format_top_claim_is_a_question_when_theses_stand_under_it(tmp_path, capsys):
    status, out, err = run_import(FIXTURES / "old-question.txt", tmp_path / "late", capsys)
    assert status == 0, err
    assert "  claims: 6 (2 theses, 3 arguments)" in out
    assert "  arguments per position: Thesis 1.1: 1; Thesis 1.2: 0; Objections: 2" in out
    # '-> See 1.1.1.1' as a Pro of thesis 1.2: 1.1.1.1 objects to thesis 1.1, not for 1.2.
    assert ("'-> See 1.1.1.1' under 1.2 not linked: it makes 1.1.1.1 a Pro of thesis 1.2, but "
            "1.1.1.1 argues for position 'objections'") in err
    debate = load_pack(tmp_path / "late").debate
    assert debate is not None
    assert debate.info.motion == "What should the school do about lateness?"


def test_an_imported_pack_loads_the_same_from_the_model_cache(tmp_path, capsys):
    from tui.core.pack.cache import load_pack_cached

    status, _out, err = run_import(FIXTURES / "current-question.txt", tmp_path / "phones",
                                   capsys)
    assert status == 0, err
    first = load_pack_cached(tmp_path / "phones", tmp_path / "cache").debate
    again = load_pack_cached(tmp_path / "phones", tmp_path / "cache").debate
    assert first is not None and again is not None
    assert again.sources == first.sources and again.quotes == first.quotes
    assert again.sources["source-2"].path is None
    assert again.sources["source-1"].text.startswith("Pupils with phones")


def test_the_imported_pack_is_independent_of_the_export(tmp_path, capsys):
    export = tmp_path / "export.txt"
    shutil.copy(FIXTURES / "current-question.txt", export)
    status, _out, err = run_import(export, tmp_path / "phones", capsys)
    assert status == 0, err
    export.unlink()
    assert load_pack(tmp_path / "phones").debate is not None
