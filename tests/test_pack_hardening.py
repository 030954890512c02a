"""Hostile packs: what the validator says about input that once crashed it, hung it,
read outside the pack or let text drive the terminal (issue 16).

Each test starts from a copy of tests/packs/good (`pack_copy`, run from its
parent folder, so problems read `pack/debate.yaml:15:11: ...`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from time_limit import within

from tui.core.pack.loader import load_pack
from tui.core.pack.textmatch import locate


def problems(pack: Path | str) -> list[str]:
    return [str(p) for p in load_pack(pack).problems]


def fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    os.mkfifo(path)


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# -- control characters --------------------------------------------------------

CONTROL = "remove it; in double quotes, escapes such as \\e and \\x1b make control characters"


@pytest.mark.parametrize(("written", "column", "shown"), [
    ('"Public \\e[2J health"', 19, "\\x1b"),  # ESC: clears the screen
    ('"Public \\x9b2J health"', 19, "\\x9b"),  # CSI, the one-character C1 form of ESC [
    ('"\\e]2;owned\\a health"', 12, "\\x1b"),  # OSC 2: renames the terminal
    ('"Public\\rFAKE: all good"', 18, "\\r"),  # a carriage return overprints the line
    ('"Public \\u0000 health"', 19, "\\x00"),
    ('"Public \\x7f health"', 19, "\\x7f"),
], ids=["ESC", "CSI", "OSC", "CR", "NUL", "DEL"])
def test_a_control_character_in_a_pack_string_is_refused_at_its_escape(pack_copy, written,
                                                                       column, shown):
    pack_copy.edit("pack.yaml", "    name: Public health", f"    name: {written}")
    assert problems("pack") == [
        f"pack/pack.yaml:8:{column}: the text holds the control character {shown} ({CONTROL})",
    ]


def test_a_control_character_in_a_key_or_a_section_name_is_refused_and_never_echoed(pack_copy):
    pack_copy.edit("debate.yaml", "    role: Council leader", '    "ro\\ele": Council leader')
    pack_copy.edit("debate.yaml", "\nfacts:", '\n"\\e[2Jfacts": []\nfacts:')
    found = problems("pack")
    assert f"pack/debate.yaml:4:8: the text holds the control character \\x1b ({CONTROL})" in found
    assert f"pack/debate.yaml:59:2: the text holds the control character \\x1b ({CONTROL})" in found
    assert "pack/debate.yaml:59:1: unknown section '\\x1b[2Jfacts' (did you mean 'facts'?)" in found
    assert not any("\x1b" in line for line in found)


def test_newlines_and_tabs_in_text_are_text(pack_copy):
    pack_copy.edit("pack.yaml", "  summary: The council wants a room; the minister refuses.",
                   '  summary: "The council wants a room;\\tthe minister\\nrefuses."')
    result = load_pack("pack")
    assert result.problems == []
    assert result.debate.info.summary == "The council wants a room;\tthe minister\nrefuses."


def test_an_article_may_hold_control_characters_they_are_its_data(pack_copy):
    article = pack_copy.path / "report.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\x1b]52;c;b3duZWQ=\x07\n",
                       encoding="utf-8")
    result = load_pack("pack")
    assert result.problems == []
    assert "\x1b]52" in result.debate.sources["report"].text


def test_a_file_name_holding_escape_sequences_is_shown_escaped(pack_copy):
    (pack_copy.path / "\x1b[2J\x1b]0;owned\x07.yaml").write_text("speeches: []\n")
    assert problems("pack") == [
        "pack/\\x1b[2J\\x1b]0;owned\\x07.yaml:1:1: unknown section 'speeches' (did you mean "
        "'speakers'?)",
    ]


# -- values that crashed the loader ---------------------------------------------

def test_a_file_name_too_long_for_the_system_is_a_problem_not_a_traceback(pack_copy):
    name = "a" * 256 + ".txt"
    pack_copy.edit("debate.yaml", "file: report.txt", f"file: {name}")
    assert problems("pack") == [
        f"pack/debate.yaml:15:11: source 'report': cannot follow '{name}': File name too long",
    ]


TOO_LARGE = ("a number too long or too large for a figure (a figure has at most 15 digits; give "
             "it in a larger unit (4.3 with unit 'billion GBP'))")


@pytest.mark.parametrize(("written", "shown"), [
    ("1" * 309, "1" * 17 + "..."),  # larger than any float
    ("9" * 5000, "9" * 17 + "..."),  # more digits than int() converts
    ("1e400", "1e400"),
    ("12345678901234567", "12345678901234567"),  # more than a float holds exactly
], ids=["309 digits", "5000 digits", "1e400", "17 digits"])
def test_a_figure_too_large_is_refused_in_our_words(pack_copy, written, shown):
    pack_copy.edit("debate.yaml", "value: 120", f"value: {written}")
    assert problems("pack") == [
        f"pack/debate.yaml:62:12: 'value' of fact 'deaths-2019' is '{shown}', {TOO_LARGE}",
    ]


@pytest.mark.parametrize("date", ["2020-99-99", "2020-13", "2021-02-29", "2020-04-31",
                                  "2020-00"])
def test_a_date_that_is_not_in_the_calendar_is_refused(pack_copy, date):
    pack_copy.edit("debate.yaml", "    approximate_date: 2020\n    date_reason: The latest "
                   "figures are for 2019.\n", f"    date: {date}\n")
    assert problems("pack") == [
        f"pack/debate.yaml:18:11: 'date' of source 'report' is '{date}', which is not a date "
        "(write YYYY-MM-DD, YYYY-MM or YYYY, or give approximate_date instead)",
    ]


@pytest.mark.parametrize("date", ["2020-02-29", "2019-12", "2019"])
def test_a_real_date_is_accepted(pack_copy, date):
    pack_copy.edit("debate.yaml", "    approximate_date: 2020\n    date_reason: The latest "
                   "figures are for 2019.\n", f"    date: {date}\n")
    assert problems("pack") == []


def test_an_anchor_is_refused_even_with_no_alias(pack_copy):
    pack_copy.edit("debate.yaml", "outlet: Test Gazette", "outlet: &paper Test Gazette")
    assert problems("pack") == [
        "pack/debate.yaml:16:13: '&paper' is an anchor, and anchors and aliases are not allowed "
        "in packs (write the value out in full)",
    ]


def test_an_ampersand_in_text_is_not_an_anchor(pack_copy):
    pack_copy.edit("debate.yaml", "outlet: Test Gazette", "outlet: R&D & Test Gazette")
    assert problems("pack") == []


def test_a_tab_that_indents_a_key_is_named_as_a_tab(pack_copy):
    # libyaml says only that the character "cannot start any token"; it was
    # followed by the hint for '@' and '`', which sent the author looking for quotes.
    pack_copy.edit("pack.yaml", "  title: A small", "\ttitle: A small")
    assert problems("pack") == [
        "pack/pack.yaml:2:1: YAML syntax error: found character that cannot start any token "
        "(indent with spaces, not tabs)",
    ]


# -- things that are not files, and files outside the pack ------------------------

def test_an_article_that_is_a_fifo_is_named_for_what_it_is_and_never_opened(pack_copy):
    (pack_copy.path / "report.txt").unlink()
    fifo(pack_copy.path / "report.txt")
    with within(10):
        found = problems("pack")
    assert found == [
        "pack/debate.yaml:15:11: source 'report': 'report.txt' is a named pipe (FIFO), not a "
        "regular file (an article must be an ordinary text file)",
    ]


def test_a_yaml_file_that_is_a_fifo_is_refused_not_waited_on(pack_copy):
    fifo(pack_copy.path / "more.yaml")
    with within(10):
        found = problems("pack")
    assert found == [
        "pack/more.yaml: 'more.yaml' is a named pipe (FIFO), not a regular file (give an "
        "ordinary text file)",
    ]


def test_a_yaml_file_linked_from_outside_the_pack_is_not_read(pack_copy, tmp_path):
    (tmp_path / "elsewhere.yaml").write_text("themes:\n  - id: secret\n    name: Secret\n")
    try:
        (pack_copy.path / "more.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    except OSError:
        pytest.skip("symbolic links are not available here")
    result = load_pack("pack")
    assert [str(p) for p in result.problems] == [
        f"pack/more.yaml: the file is a symbolic link to '{tmp_path / 'elsewhere.yaml'}', "
        "outside the pack's folder (copy the file into the pack's folder instead)",
    ]
    assert result.debate is None


def test_a_yaml_file_linked_from_inside_the_pack_is_read(pack_copy):
    (pack_copy.path / "parts").mkdir()
    (pack_copy.path / "debate.yaml").rename(pack_copy.path / "parts" / "debate.text")
    try:
        (pack_copy.path / "debate.yaml").symlink_to(pack_copy.path / "parts" / "debate.text")
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert problems("pack") == []


def _seeds_pack(tmp_path: Path, pack_copy, seeds_target: Path) -> Path:
    """content/p (the pack) and seeds/ beside content/, linked to `seeds_target`."""
    content = tmp_path / "checkout" / "content"
    content.mkdir(parents=True)
    pack_copy.path.rename(content / "p")
    try:
        (tmp_path / "checkout" / "seeds").symlink_to(seeds_target)
    except OSError:
        pytest.skip("symbolic links are not available here")
    return content / "p"


def test_a_seeds_folder_linked_to_the_root_lets_nothing_outside_load(pack_copy, tmp_path):
    pack = _seeds_pack(tmp_path, pack_copy, Path("/"))
    text = (pack / "debate.yaml").read_text(encoding="utf-8")
    (pack / "debate.yaml").write_text(text.replace("file: report.txt", "file: etc/passwd"),
                                      encoding="utf-8")
    with within(20):  # and the "did you mean" never walks the whole disk (/proc)
        found = problems(pack)
    assert found[0].endswith(
        "debate.yaml:15:11: source 'report': there is no file 'etc/passwd' in the pack's folder")


def test_a_seeds_folder_beside_content_is_still_used(pack_copy, tmp_path):
    seeds = tmp_path / "checkout" / "seeds"
    content = tmp_path / "checkout" / "content"
    seeds.mkdir(parents=True)
    content.mkdir()
    pack_copy.path.rename(content / "p")
    (content / "p" / "report.txt").rename(seeds / "report.txt")
    assert problems(content / "p") == []


def test_a_folder_that_cannot_be_entered_during_did_you_mean_is_passed_over(pack_copy,
                                                                          monkeypatch):
    locked = pack_copy.path / "locked"
    locked.mkdir()
    (locked / "notes.txt").write_text("x")
    pack_copy.edit("debate.yaml", "file: report.txt", "file: reprot.txt")
    locked.chmod(0o600)  # listed, but not entered: stat of what is in it fails
    if as_root():  # root enters anything: refuse as the kernel would for anyone else
        real_stat = os.stat

        def refuse(path, *args, **options):
            if f"{os.sep}locked{os.sep}" in os.fspath(path):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_stat(path, *args, **options)

        monkeypatch.setattr(os, "stat", refuse)
    try:
        found = problems("pack")
    finally:
        locked.chmod(0o755)
    assert found == [
        "pack/debate.yaml:15:11: source 'report': there is no file 'reprot.txt' in the pack's "
        "folder (did you mean 'report.txt'?)",
    ]


def test_a_yaml_folder_that_cannot_be_read_is_an_error_not_skipped(pack_copy, monkeypatch):
    hidden = pack_copy.path / "more"
    hidden.mkdir()
    (hidden / "themes.yaml").write_text("themes:\n  - id: law\n    name: Law\n")
    hidden.chmod(0)
    if as_root():
        real_scandir = os.scandir

        def refuse(path=".", *args, **options):
            if os.fspath(path).endswith(f"{os.sep}more"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path, *args, **options)

        monkeypatch.setattr(os, "scandir", refuse)
    try:
        result = load_pack("pack")
    finally:
        hidden.chmod(0o755)
    assert [str(p) for p in result.problems] == [
        "pack/more: cannot read the folder: Permission denied (the pack files in it would not "
        "be checked)",
    ]
    assert result.debate is None


# -- input that hung the loader ------------------------------------------------------

def test_a_pack_file_too_large_is_refused_with_its_size(pack_copy):
    with open(pack_copy.path / "huge.yaml", "wb") as file:
        file.truncate(17_000_000)  # sparse: costs no disk
    assert problems("pack") == [
        "pack/huge.yaml: the file is 17.0 MB, more than the 16.0 MB allowed (split it into "
        "several files)",
    ]


def test_a_long_one_line_list_is_never_read_by_the_pure_python_parser(pack_copy, monkeypatch):
    # That parser takes about six seconds a megabyte; a 50 MB line took 297 s.
    def slow(*args: object, **options: object) -> None:
        raise AssertionError("the pure-Python YAML parser was used")

    monkeypatch.setattr(yaml.SafeLoader, "__init__", slow)
    ids = ", ".join(f"theme-{n}" for n in range(40_000))  # about 500 kB on one line
    (pack_copy.path / "more.yaml").write_text(f"themes: [{ids}]\n")
    found = problems("pack")
    assert found[0] == ("pack/more.yaml:1:10: an item of 'themes' should be a mapping of keys to "
                        "values, not text ('theme-0')")


QUOTE_MATCH = """
import sys
from tui.core.pack.textmatch import locate
print(locate(sys.argv[1], sys.argv[2]))
"""


def test_a_quote_of_dashes_against_a_line_of_dashes_is_matched_at_once():
    # The old pattern backtracked: 14 dashes took 170 s. In a child process, so
    # that a regression is killed by the timeout instead of holding the run.
    line = "-" + "    -" * 22  # 23 dashes: the pattern tried every split of every gap
    run = subprocess.run([sys.executable, "-c", QUOTE_MATCH, "-" * 24, line],
                         capture_output=True, text=True, timeout=20)
    assert run.stdout.strip() == "None"
    run = subprocess.run([sys.executable, "-c", QUOTE_MATCH, "-" * 24, line + "  - x"],
                         capture_output=True, text=True, timeout=20)
    assert run.stdout.strip() == "(0, 114)"


@pytest.mark.parametrize(("quote", "passage"), [
    ("years - and more", "years—and more"),
    ("years—and", "years -  and"),
    ("said no", "said\n   no"),
    ("- and then", "- and then"),
    ("as ‘mixed’ – and", "as 'mixed'- and"),
])
def test_spacing_around_dashes_and_between_words_still_differs_freely(quote, passage):
    text = f"It was {passage}, he said."
    start, end = locate(quote, text)
    assert text[start:end] == passage


def test_a_quote_must_still_be_whole_words_at_both_ends():
    assert locate("said  no", "he said  nothing") is None
    assert locate("id  no", "he said  no") is None
    assert locate("said  no,", "he said no, then") == (3, 11)


# -- the picker's quick look --------------------------------------------------------

def test_the_pickers_quick_look_shows_a_title_without_its_control_characters(pack_copy):
    from tui.core.pack.summary import summarise

    pack_copy.edit("pack.yaml", "title: A small test debate", 'title: "A small\\e[2J debate"')
    assert summarise(pack_copy.path).title == "A small\\x1b[2J debate"


def test_the_pickers_quick_look_reads_no_file_linked_from_outside(pack_copy, tmp_path):
    from tui.core.pack.summary import summarise

    (tmp_path / "elsewhere.yaml").write_text("pack:\n  title: Not this pack\n")
    (pack_copy.path / "pack.yaml").rename(pack_copy.path / "pack.yaml.bak")
    try:
        (pack_copy.path / "pack.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert summarise(pack_copy.path).title == "pack"  # the folder's name: no title found


def test_an_editors_lock_link_beside_a_pack_file_is_no_problem(pack_copy):
    try:  # Emacs marks a file it is editing with a link to nowhere
        (pack_copy.path / ".#debate.yaml").symlink_to("teacher@laptop.4242:1700000000")
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert problems("pack") == []
