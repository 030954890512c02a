"""What the validator tells a teacher, mistake by mistake: the exact lines.

Each folder under tests/packs/broken/ is tests/packs/good with one mistake
made (see its README). Mistakes a committed folder cannot hold well (bad
bytes, symbolic links, unreadable files) are made in a temporary copy.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import YamlSyntaxError

from tui.cli import main
from tui.core.pack.loader import load_pack
from tui.core.pack.schema import SECTIONS, json_schema
from tui.core.pack.textmatch import locate
from tui.core.pack.yamlfile import compose

PACKS = Path(__file__).parent / "packs"
BROKEN = PACKS / "broken"


def problems(pack: Path | str) -> list[str]:
    return [str(p) for p in load_pack(pack).problems]


# -- one committed pack per kind of mistake ---------------------------------

BROKEN_PACKS = [
    ("yaml-syntax", [
        YamlSyntaxError("yaml-syntax/debate.yaml:4:9", "that starts at line 3, column 11)"),
    ]),
    ("unknown-key", [
        "unknown-key/debate.yaml:23:5: unknown key 'speeker' in quote 'save-lives' (did you "
        "mean 'speaker'?)",
    ]),
    ("missing-field", [
        "missing-field/debate.yaml:27:5: quote 'mixed' has no 'kind' (add kind: direct or "
        "reported)",
    ]),
    ("wrong-type", [
        "wrong-type/pack.yaml:18:14: 'members' of position 'council' should be a list, not "
        "text ('Town council') (write it as [a, b] or as lines starting with '- ')",
    ]),
    ("empty-value", [
        "empty-value/debate.yaml:53:11: 'claim' of argument 'evidence-mixed' is empty (give it "
        "a value or remove the key)",
    ]),
    ("duplicate-id", [
        "duplicate-id/debate.yaml:12:9: duplicate id: speaker 'ann' is already defined at "
        "duplicate-id/debate.yaml:2 (give each speaker its own id)",
    ]),
    ("duplicate-key", [
        "duplicate-key/debate.yaml:27:5: key 'text' appears twice in quote 'save-lives' (also "
        "on line 25) (YAML would silently keep only the last one; remove one of them)",
    ]),
    ("unknown-reference", [
        "unknown-reference/debate.yaml:49:14: 'quotes' of argument 'room-saves-lives' refers "
        "to quote 'save-live', which does not exist (did you mean 'save-lives'?)",
    ]),
    ("rebuttal-own-side", [
        "rebuttal-own-side/debate.yaml:64:14: argument 'rooms-elsewhere' rebuts "
        "'room-saves-lives', an argument of its own position 'council' (a rebuttal answers "
        "another position; use 'supports' within a side)",
    ]),
    ("quote-not-in-source", [
        "quote-not-in-source/debate.yaml:25:11: the words of quote 'save-lives' are not in "
        "source 'report' (the source has 'It will save' but not what follows)",
    ]),
    ("source-missing", [
        "source-missing/debate.yaml:15:11: source 'report': there is no file 'reprot.txt' in "
        "the pack's folder (did you mean 'report.txt'?)",
    ]),
    ("source-escapes", [
        "source-escapes/debate.yaml:15:11: source 'report': '../good/report.txt' points "
        "outside the pack's folder (sources must be inside the pack's folder or the seeds/ "
        "folder beside content/)",
    ]),
    ("no-positions-or-arguments", [
        "no-positions-or-arguments: a debate needs at least one position; this pack has none",
        "no-positions-or-arguments: warning: this pack has no arguments yet (add them in the "
        "app: debate-explorer edit FOLDER)",
    ]),
    ("python-tag", [
        "python-tag/debate.yaml:16:13: 'outlet' of source 'report' has the tag "
        "!!python/object/apply:os.getcwd, and tags are not allowed in packs (remove the tag: a "
        "pack holds only text, numbers and lists)",
    ]),
    ("alias", [
        "alias/debate.yaml:5:19: '&council' is an anchor, and anchors and aliases are not "
        "allowed in packs (write the value out in full)",
        "alias/debate.yaml:10:19: '*council' is an alias, and anchors and aliases are not "
        "allowed in packs (write the value out in full)",
    ]),
    ("bool-for-text", [
        "bool-for-text/pack.yaml:15:12: 'label' of position 'council' should be text, not "
        "true/false (yes) (put it in quotes if you mean the word)",
    ]),
    ("comma-in-number", [
        "comma-in-number/debate.yaml:62:12: 'value' of fact 'deaths-2019' should be a number, "
        "not '1,200' (write 1200, without commas)",
    ]),
    ("both-dates", [
        "both-dates/debate.yaml:19:23: source 'report' has both 'date' and 'approximate_date' "
        "(keep the one the text supports)",
    ]),
    ("neither-date", [
        "neither-date/debate.yaml:14:5: source 'report' has no 'date' or 'approximate_date' "
        "(if the text does not date it, give approximate_date and date_reason)",
    ]),
    ("approximate-date-without-reason", [
        "approximate-date-without-reason/debate.yaml:18:23: source 'report' has an approximate "
        "date but no 'date_reason' (say what in the text dates it)",
    ]),
    ("supports-other-side", [
        "supports-other-side/debate.yaml:51:16: argument 'room-saves-lives' supports "
        "'evidence-mixed', an argument of another position 'ministry' ('supports' links "
        "arguments of one side; use 'rebuts' to answer)",
    ]),
    ("conflicts-with-itself", [
        "conflicts-with-itself/debate.yaml:69:15: fact 'deaths-2019' conflicts with itself",
    ]),
    ("pack-given-twice", [
        "pack-given-twice/pack.yaml:2:3: 'pack' is given again; it was already given at "
        "pack-given-twice/more.yaml:2 (give it in one file only)",
    ]),
]


@pytest.mark.parametrize(("kind", "expected"), BROKEN_PACKS, ids=[k for k, _ in BROKEN_PACKS])
def test_a_broken_pack_reports_exactly_its_mistake(kind, expected, monkeypatch):
    monkeypatch.chdir(BROKEN)
    result = load_pack(kind)
    assert [str(p) for p in result.problems] == expected
    assert result.debate is None


def test_every_broken_pack_has_its_expected_report():
    folders = {p.name for p in BROKEN.iterdir() if p.is_dir()}
    assert folders == {kind for kind, _ in BROKEN_PACKS}


def test_the_good_pack_has_no_problems_at_all(good_pack):
    result = load_pack(good_pack)
    assert result.problems == []
    assert result.debate is not None


# -- mistakes made in a temporary copy -------------------------------------

TAG = "tags are not allowed in packs (remove the tag: a pack holds only text, numbers and lists)"


def test_a_python_tag_constructs_nothing(pack_copy, tmp_path):
    pack_copy.edit("debate.yaml", "outlet: Test Gazette",
                   "outlet: !!python/object/apply:os.mkdir [made-by-yaml]")
    assert problems("pack") == [
        "pack/debate.yaml:16:13: 'outlet' of source 'report' has the tag "
        f"!!python/object/apply:os.mkdir, and {TAG}",
    ]
    assert not (tmp_path / "made-by-yaml").exists()


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("debate.yaml", "    role: Council leader", "    !!python/str role: Council leader",
     f"pack/debate.yaml:4:5: a key of speaker 'ann' has the tag !!python/str, and {TAG}"),
    ("debate.yaml", "  - id: report\n", "  - !!python/object:os.Foo\n    id: report\n",
     f"pack/debate.yaml:14:5: an item of 'sources' has the tag !!python/object:os.Foo, and {TAG}"),
    ("debate.yaml", "speakers:\n", "--- !!python/dict\nspeakers:\n",
     f"pack/debate.yaml:1:5: the file has the tag !!python/dict, and {TAG}"),
    ("pack.yaml", "members: [Town council]", "members: [!!binary dGVzdA==]",
     "pack/pack.yaml:18:15: an item of 'members' of position 'council' has the tag !!binary, "
     f"and {TAG}"),
    ("debate.yaml", "outlet: Test Gazette", "outlet: !gazette Test Gazette",
     f"pack/debate.yaml:16:13: 'outlet' of source 'report' has the tag !gazette, and {TAG}"),
], ids=["on a key", "on a record", "on the file", "on a list item", "a local tag"])
def test_a_tag_anywhere_is_reported(pack_copy, file, old, new, expected):
    pack_copy.edit(file, old, new)
    assert problems("pack")[0] == expected


def test_a_tag_on_a_section_is_reported(pack_copy):
    pack_copy.edit("debate.yaml", "facts:\n", "facts: !!python/tuple\n")
    assert problems("pack") == [
        f"pack/debate.yaml:59:1: 'facts' has the tag !!python/tuple, and {TAG}",
    ]


def test_the_plain_str_tag_is_allowed(pack_copy):
    pack_copy.edit("debate.yaml", "approximate_date: 2020", "approximate_date: !!str 2020")
    assert problems("pack") == []


def test_the_lean_tag_resolver_gives_the_stock_tags():
    text = ("values: [yes, No, ~, null, '', 12, 1_000, 0x1F, 1:30, 1.5, .inf, 2020-01-01, =, <<,"
            " text, '12', \"yes\", !!str 7]\n")
    ours, found = compose(text, "x.yaml")
    assert found == []
    stock = yaml.compose(text, Loader=yaml.SafeLoader)
    assert [n.tag for n in ours.value[0][1].value] == [n.tag for n in stock.value[0][1].value]


def test_text_that_yaml_would_read_as_something_else_is_still_text(pack_copy):
    # YAML 1.1 gives "=" and "<<" tags of their own, and 2019 is a number
    pack_copy.edit("debate.yaml", "unit: deaths\n    year: 2019", "unit: =\n    year: 2019")
    pack_copy.edit("pack.yaml", "label: Council", "label: <<")
    debate = load_pack("pack").debate
    assert debate.facts["deaths-2019"].unit == "="
    assert debate.facts["deaths-2019"].year == "2019"
    assert debate.positions["council"].label == "<<"


def test_a_billion_laughs_is_refused_at_once(pack_copy):
    laughs = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    pack_copy.edit("debate.yaml", "\nfacts:", "\n" + "\n".join(laughs) + "\nfacts:")
    found = problems("pack")
    assert len(found) == 12 + 110  # one per anchor and alias written, never one per expansion
    assert ("pack/debate.yaml:60:12: '*a0' is an alias, and anchors and aliases are not allowed "
            "in packs (write the value out in full)") in found
    assert all("is an alias" in line or "is an anchor" in line for line in found)


TOO_DEEP = "lists or mappings are nested more than 100 levels deep (a pack needs only a few levels)"


@pytest.mark.parametrize(("nesting", "where"), [
    # Below libyaml's own limit (1,000 levels since PyYAML 6.0.4): only ours stops these.
    ("deep: " + "[" * 101 + "]" * 101, "1:105"),
    ("deep: " + "[" * 500 + "]" * 500, "1:105"),
    ("[\n" * 500 + "]\n" * 500, "100:1"),
    # Beyond it: a new libyaml stops first, an old one overflows the C stack (30,000).
    ("deep: " + "[" * 3_000 + "]" * 3_000, "1:105"),
    ("deep: " + "{a: " * 3_000 + "}" * 3_000, "1:399"),
    ("- " * 3_000 + "x", "1:199"),
    ("".join("  " * level + "- \n" for level in range(1_500)), "100:199"),
    ("deep: " + "[" * 30_000 + "]" * 30_000, "1:105"),
    ("deep: " + "[" * 200_000 + "]" * 200_000, "1:105"),
], ids=["101 flow", "500 flow", "500 flow lines", "3,000 flow", "3,000 flow mappings",
        "3,000 compact block", "1,500 indented block", "30,000 flow", "200,000 flow"])
def test_nesting_too_deep_is_refused_in_our_words_whatever_libyaml_allows(tmp_path, nesting,
                                                                          where):
    # Run in a child process, so that a regression that overflows the stack kills the
    # child, not the test run.
    (tmp_path / "deep.yaml").write_text(nesting + "\n")
    run = subprocess.run([sys.executable, "-m", "tui", "validate", "deep.yaml"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.splitlines() == [
        f"deep.yaml:{where}: {TOO_DEEP}",
        "deep.yaml: 1 error; the pack was not loaded.",
    ]


def test_nesting_a_pack_could_use_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deep.yaml").write_text("deep: " + "[" * 99 + "]" * 99 + "\n")
    assert problems("deep.yaml")[-1] == (
        "deep.yaml:1:1: unknown section 'deep' (sections are: " + ", ".join(SECTIONS) + ")")


def test_an_alias_in_a_file_nested_too_deep_is_reported_whatever_libyaml_allows(tmp_path,
                                                                                 monkeypatch):
    # Aliases are looked for before composing, by a parse a new libyaml stops at 1,000.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deep.yaml").write_text("a: &x 1\nb: *x\nc: " + "[" * 3_000 + "]" * 3_000 + "\n")
    assert problems("deep.yaml") == [
        "deep.yaml:1:4: '&x' is an anchor, and anchors and aliases are not allowed in packs "
        "(write the value out in full)",
        "deep.yaml:2:4: '*x' is an alias, and anchors and aliases are not allowed in packs "
        "(write the value out in full)",
    ]


def test_a_deeply_nested_key_is_reported_not_printed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deep.yaml").write_text("? " + "[" * 90 + "]" * 90 + "\n: x\n")
    assert problems("deep.yaml")[-1] == (
        "deep.yaml:1:3: a section name should be a word such as 'quotes'")


@pytest.mark.parametrize(("written", "expected"), [
    ("1,200", "not '1,200' (write 1200, without commas)"),
    ("12%", "not '12%' (write 12 and give '%' as the unit)"),
    ("about 120", "not 'about 120' (give only the figure here; words such as 'about' go in "
     "'qualifier')"),
    (".nan", "not '.nan' (write it with digits only, like 4300 or 12.5)"),
    ("0x1F", "not '0x1F' (write it with digits only, like 4300 or 12.5)"),
    ("1:30", "not '1:30' (write it with digits only, like 4300 or 12.5)"),
    ("yes", "not true/false (yes)"),
    ("[120]", "not a list"),
])
def test_a_figure_must_be_a_plain_number(pack_copy, written, expected):
    pack_copy.edit("debate.yaml", "value: 120", f"value: {written}")
    assert problems("pack") == [
        f"pack/debate.yaml:62:12: 'value' of fact 'deaths-2019' should be a number, {expected}",
    ]


@pytest.mark.parametrize(("written", "value"), [("4_300", 4300), ("12.5", 12.5), ("-3", -3)])
def test_a_plain_number_is_read_as_written(pack_copy, written, value):
    pack_copy.edit("debate.yaml", "value: 120", f"value: {written}")
    assert load_pack("pack").debate.facts["deaths-2019"].value == value


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("debate.yaml", "  - id: ann\n    name: Ann Example", "  - name: Ann Example",
     "pack/debate.yaml:2:5: an item of 'speakers' has no 'id' (add id: a short unique name for "
     "this speaker, used to refer to it)"),
    ("debate.yaml", "  - id: ann\n", "  - id: Ann Example\n",
     "pack/debate.yaml:2:9: 'id' of an item of 'speakers' is 'Ann Example', which is not a "
     "valid id (use letters, digits, '-', '_' or '.', starting with a letter or digit)"),
    ("debate.yaml", "    approximate_date: 2020\n    date_reason: The latest figures are for "
     "2019.\n", "    date: 14/02/2020\n",
     "pack/debate.yaml:18:11: 'date' of source 'report' is '14/02/2020', which is not a date "
     "(write YYYY-MM-DD, YYYY-MM or YYYY, or give approximate_date instead)"),
    ("pack.yaml", "side: for", "side: four",
     "pack/pack.yaml:16:11: 'side' of position 'council' is 'four', which is not one of: for, "
     "against (did you mean 'for'?)"),
    ("debate.yaml", "kind: direct", "kind: quoted",
     "pack/debate.yaml:26:11: 'kind' of quote 'save-lives' is 'quoted', which is not one of: "
     "direct, reported (choose direct or reported)"),
    ("pack.yaml", "  - id: evidence\n    name: Evidence\n", "  - id: evidence\n    name: Evidence\n"
     "\nthemes:\n  - id: law\n    name: Law\n",
     "pack/pack.yaml:12:1: section 'themes' appears twice in this file (also on line 6) (YAML "
     "would silently keep only the last one; merge them)"),
    ("debate.yaml", "themes: [health]", "themes: [health, health]",
     "pack/debate.yaml:48:22: 'health' is listed twice in 'themes' of argument "
     "'room-saves-lives'"),
    ("debate.yaml", "rebuts: [evidence-mixed]", "rebuts: [room-saves-lives]",
     "pack/debate.yaml:50:14: argument 'room-saves-lives' rebuts itself"),
    ("debate.yaml", "      - fact: deaths-2018", "      - fact: deaths-2017",
     "pack/debate.yaml:69:15: 'fact' of an item of 'conflicts_with' of fact 'deaths-2019' "
     "refers to fact 'deaths-2017', which does not exist (did you mean 'deaths-2019'?)"),
    ("debate.yaml", "    organisation: The ministry\n", "    organisation: The ministry\n"
     "    described_as:\n"
     "      - source: reprt\n        role: Home Office minister\n",
     "pack/debate.yaml:12:17: 'source' of an item of 'described_as' of speaker 'minister' "
     "refers to source 'reprt', which does not exist (did you mean 'report'?)"),
    ("debate.yaml", "file: report.txt", "file: /etc/passwd",
     "pack/debate.yaml:15:11: source 'report': absolute paths are not allowed (name the file "
     "relative to the pack)"),
    ("debate.yaml", "file: report.txt", "file: .",
     "pack/debate.yaml:15:11: source 'report': '.' is a folder, not a text file"),
    ("debate.yaml", "file: report.txt", 'file: "report\\0.txt"',
     "pack/debate.yaml:15:11: source 'report': the file name contains a NUL character"),
    ("debate.yaml", "    name: Ann Example", "    name: Ann \x07Example",
     YamlSyntaxError("pack/debate.yaml:3:15", " (U+0007) (remove the character)")),
    ("debate.yaml", "    name: Ann Example", "\tname: Ann Example",
     YamlSyntaxError("pack/debate.yaml:3:1", " (indent with spaces, not tabs)")),
    ("debate.yaml", "claim: A supervised room saves lives.",
     "claim: The council: rooms save lives.",
     YamlSyntaxError("pack/debate.yaml:46:23", " (put text containing ': ' in quotes)")),
    ("pack.yaml", "themes:", "theme:",
     "pack/debate.yaml:48:14: 'themes' of argument 'room-saves-lives' refers to theme 'health', "
     "which does not exist (this pack defines no themes)"),
], ids=["no id", "invalid id", "invalid date", "misspelt choice", "unknown choice", "section twice",
        "listed twice", "rebuts itself", "missing fact", "missing source in a sub-record",
        "absolute source path", "source is a folder", "NUL in a file name", "control character",
        "tab", "colon in plain text", "misspelt section"])
def test_more_mistakes(pack_copy, file, old, new, expected):
    pack_copy.edit(file, old, new)
    assert problems("pack")[0] == expected


def test_a_misspelt_section_is_named_with_its_likely_meaning(pack_copy):
    pack_copy.edit("pack.yaml", "themes:", "theme:")
    assert problems("pack")[-1] == ("pack/pack.yaml:6:1: unknown section 'theme' (did you mean "
                                    "'themes'?)")


def test_a_syntax_error_hides_the_checks_across_files(pack_copy):
    # The other file's records are unseen, so "unknown id" or "unused" would be false.
    pack_copy.edit("pack.yaml", "    name: Public health", "    name: [Public health")
    assert problems("pack") == [
        YamlSyntaxError("pack/pack.yaml:9:7", "that starts at line 8, column 11)"),
    ]


def test_a_source_reached_through_a_symbolic_link_outside_the_pack_is_refused(pack_copy,
                                                                              tmp_path):
    (tmp_path / "outside.txt").write_text((pack_copy.path / "report.txt").read_text())
    (pack_copy.path / "report.txt").unlink()
    try:
        (pack_copy.path / "report.txt").symlink_to(tmp_path / "outside.txt")
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert problems("pack") == [
        "pack/debate.yaml:15:11: source 'report': 'report.txt' points outside the pack's folder "
        "(sources must be inside the pack's folder or the seeds/ folder beside content/)",
    ]


def test_a_source_that_is_not_utf8_is_refused_with_its_place(pack_copy):
    article = pack_copy.path / "report.txt"
    article.write_bytes(article.read_bytes().replace(b"minister said", b"minist\xe9r said"))
    assert problems("pack") == [
        "pack/debate.yaml:15:11: source 'report': cannot use 'report.txt': the file is not "
        "UTF-8 text (line 2, column 11) (save it with UTF-8 encoding)",
    ]


def test_a_pack_file_that_is_not_utf8_is_refused_with_its_place(pack_copy):
    target = pack_copy.path / "debate.yaml"
    target.write_bytes(target.read_bytes().replace(b"Ann Example", b"Ann Ex\xe0mple"))
    assert problems("pack") == [
        "pack/debate.yaml:3:17: the file is not UTF-8 text (save it with UTF-8 encoding)",
    ]


def test_an_unreadable_source_is_refused(pack_copy, monkeypatch):
    article = pack_copy.path / "report.txt"
    article.chmod(0)
    if os.access(article, os.R_OK):  # running as root: make the refusal happen anyway
        real_open = os.open

        def refuse(path, flags, *args, **options):
            if os.fspath(path).endswith("report.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **options)

        monkeypatch.setattr(os, "open", refuse)
    try:
        [problem] = problems("pack")
    finally:
        article.chmod(0o644)
    # Then the system's reason, in its words and language.
    ours = ("pack/debate.yaml:15:11: source 'report': cannot use 'report.txt': cannot read the "
            "file: ")
    assert problem.startswith(ours) and problem[len(ours):].strip()


def test_a_missing_article_with_no_near_name_has_no_hint(pack_copy):
    pack_copy.edit("debate.yaml", "\nquotes:", "  - id: other\n    file: other.txt\n"
                   "    outlet: Other\n    headline: Other\n    date: 2020\n\nquotes:")
    assert problems("pack") == [
        "pack/debate.yaml:20:9: warning: source 'other' is never quoted",
        "pack/debate.yaml:21:11: source 'other': there is no file 'other.txt' in the pack's "
        "folder",
    ]


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: None, "pack: no such pack: there is no folder or file at this path"),
    (lambda p: p.mkdir(),
     "pack: no YAML files (*.yaml, *.yml) in this folder, so it is not a pack"),
], ids=["nonexistent", "no YAML files"])
def test_a_folder_that_is_not_a_pack(tmp_path, monkeypatch, make, expected):
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "pack")
    assert problems("pack") == [expected]


def test_a_text_file_is_not_a_pack(pack_copy):
    assert problems("pack/report.txt") == [
        "pack/report.txt: not a pack: give a pack's folder, or one of its .yaml files",
    ]


def test_an_empty_file_is_only_a_warning(pack_copy):
    (pack_copy.path / "notes.yaml").write_text("# to do\n")
    result = load_pack("pack")
    assert [str(p) for p in result.problems] == ["pack/notes.yaml: warning: the file is empty"]
    assert result.debate is not None


def test_what_nothing_uses_is_a_warning(pack_copy):
    pack_copy.edit("debate.yaml", "\nsources:", "  - id: nobody\n    name: No One\n"
                   "    role: Bystander\n    organisation: None\n\nsources:")
    result = load_pack("pack")
    assert [str(p) for p in result.problems] == [
        "pack/debate.yaml:12:9: warning: speaker 'nobody' has no quotes",
    ]
    assert result.debate is not None


def test_a_misspelt_key_is_one_problem_not_two(pack_copy):
    pack_copy.edit("debate.yaml", "    role: Minister", "    rol: Minister")
    assert problems("pack") == [
        "pack/debate.yaml:9:5: unknown key 'rol' in speaker 'minister' (did you mean 'role'?)",
    ]


def test_problems_come_sorted_by_file_line_and_column(pack_copy):
    pack_copy.edit("pack.yaml", "label: Council", "label: yes")
    pack_copy.edit("debate.yaml", "value: 95", "value: 9,5")
    pack_copy.edit("debate.yaml", "kind: direct", "kind: quoted")
    found = load_pack("pack").problems
    assert [(p.file, p.line) for p in found] == [
        ("pack/debate.yaml", 26), ("pack/debate.yaml", 73), ("pack/pack.yaml", 15)]
    assert [str(p) for p in found] == [str(p) for p in load_pack("pack").problems]


# -- quotes found despite typography ------------------------------------------

def test_typographic_differences_are_tolerated_and_the_offsets_are_the_articles():
    debate = load_pack(PACKS / "typographic").debate
    assert debate is not None
    quote = debate.quotes["mixed"]
    assert debate.sources[quote.source].text[quote.start:quote.end] == (
        "The minister said the evidence was \u201cmixed\u201d and that it would take\n"
        "years\u2014and that the council\u2019s figures were \u00a0 out of date.")


@pytest.mark.parametrize(("quote", "passage"), [
    ('said "no"', "said \u201cno\u201d"),
    ("it's", "it\u2019s"),
    ("years - and", "years\u2014and"),
    ("years-and", "years \u2013 and"),
    ("two words", "two\n   words"),
])
def test_a_tolerated_difference(quote, passage):
    text = f"Before. {passage} After."
    assert locate(quote, text) == (8, 8 + len(passage))


@pytest.mark.parametrize("quote", ["said no", "its", "two word", "wo words", "years and",
                                   'Said "no"'])
def test_anything_else_is_a_different_quote(quote):
    assert locate(quote, "said \u201cno\u201d, it\u2019s two words, years\u2014and") is None


# -- the documentation a teacher reads ----------------------------------------

DOCS = Path(__file__).parent.parent / "docs"
GUIDE = (DOCS / "content-format.md").read_text(encoding="utf-8")


def fenced_blocks(markdown: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced block."""
    return re.findall(r"^```([^\n]*)\n(.*?)^```$", markdown, flags=re.M | re.S)


def test_the_guides_example_is_a_valid_pack_with_the_summary_it_shows(tmp_path, monkeypatch,
                                                                       capsys):
    pack = tmp_path / "content" / "my-debate"
    pack.mkdir(parents=True)
    for info, body in fenced_blocks(GUIDE):
        language, _, name = info.partition(" ")
        if language in ("yaml", "text") and name.endswith((".yaml", ".txt")):
            (pack / name).write_text(body, encoding="utf-8")
    assert sorted(p.name for p in pack.iterdir()) == ["debate.yaml", "pack.yaml",
                                                      "school-paper.txt"]
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "content/my-debate"]) == 0
    console = next(body for info, body in fenced_blocks(GUIDE) if info == "console")
    assert console == "$ debate-explorer validate content/my-debate\n" + capsys.readouterr().out


def _documented_rows(section_name: str) -> dict[str, bool]:
    """The key table under the guide's heading for a section: key -> required."""
    heading = re.search(rf"^#+ `{section_name}`.*$", GUIDE, flags=re.M)
    assert heading, f"the guide has no heading for '{section_name}'"
    body = GUIDE[heading.end():]
    body = body[:re.search(r"^#", body, flags=re.M).start()]
    rows = re.findall(r"^\| `([a-z_]+)` \| (yes)? *\|", body, flags=re.M)
    return {key: required == "yes" for key, required in rows}


def _every_section():
    for section in SECTIONS.values():
        yield section
        yield from (f.record for f in section.fields if f.record is not None)


@pytest.mark.parametrize("section", list(_every_section()), ids=lambda s: s.name)
def test_the_guide_documents_every_key_as_the_schema_defines_it(section):
    assert _documented_rows(section.name) == {f.name: f.required for f in section.fields}


def test_the_guides_sample_messages_are_what_the_validator_prints(monkeypatch):
    monkeypatch.chdir(BROKEN)
    printed = {str(p) for kind, _ in BROKEN_PACKS for p in load_pack(kind).problems}
    samples = next(body for info, body in fenced_blocks(GUIDE) if info == "text validator-messages")
    assert samples.splitlines()
    assert set(samples.splitlines()) - printed == set()


def test_the_published_json_schema_is_current():
    expected = json.dumps(json_schema(), indent=2) + "\n"
    assert (DOCS / "pack.schema.json").read_text(encoding="utf-8") == expected, (
        "regenerate it: python -m tui.core.pack.schema > docs/pack.schema.json")


@pytest.mark.parametrize("pack", ["good", "typographic"])
def test_valid_pack_files_pass_the_json_schema(pack):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json_schema())
    for file in sorted((PACKS / pack).glob("*.yaml")):
        # as an editor reads it: YAML 1.2 has no dates, so 2020-02-14 is text
        data = json.loads(json.dumps(yaml.safe_load(file.read_text("utf-8")), default=str))
        assert [e.message for e in validator.iter_errors(data)] == [], file.name
