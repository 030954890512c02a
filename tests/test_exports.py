"""The JSON and Markdown exports: the shape other programs rely on, the same
bytes every time, and every quote in the handout with who said it and where."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tui.core.export.as_json import to_data, to_json
from tui.core.export.as_markdown import to_markdown
from tui.core.pack.loader import load_pack

PACKS = Path(__file__).parent / "packs"
DOC = Path(__file__).parent.parent / "docs" / "export-json.md"
TOP_LEVEL = ["format_version", "pack", "themes", "positions", "speakers", "sources", "quotes",
             "arguments", "facts"]


def export(pack: Path) -> dict:
    result = load_pack(pack)
    assert result.debate is not None, result.problems
    return json.loads(to_json(result.debate))


def same_words(a: str, b: str) -> str:
    """Text with only the differences a quote may have taken away."""
    def plain(text: str) -> str:
        text = re.sub("[\u2018\u2019\u201a\u201b\u2032`\u00b4]", "'", text)
        text = re.sub("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]", '"', text)
        text = re.sub(r"\s*[\u2010-\u2015\u2212-]\s*", "-", text)
        return " ".join(text.split())
    return plain(a) == plain(b)


@pytest.mark.parametrize("pack", ["good", "typographic"])
def test_json_has_the_documented_top_level(pack):
    assert list(export(PACKS / pack)) == TOP_LEVEL


@pytest.mark.parametrize("pack", ["good", "typographic"])
def test_each_quote_points_at_its_words_in_the_source_file(pack):
    data = export(PACKS / pack)
    files = {s["id"]: PACKS / pack / s["file"] for s in data["sources"]}
    for quote in data["quotes"]:
        assert {"id", "speaker", "source", "text", "kind", "start", "end"} <= quote.keys()
        text = files[quote["source"]].read_text(encoding="utf-8-sig")
        assert same_words(text[quote["start"]:quote["end"]], quote["text"]), quote["id"]


def test_the_offsets_survive_typography_exactly():
    quote = {q["id"]: q for q in export(PACKS / "typographic")["quotes"]}["mixed"]
    text = (PACKS / "typographic" / "report.txt").read_text(encoding="utf-8")
    assert text[quote["start"]:quote["end"]].endswith("figures were \u00a0 out of date.")
    assert text[quote["start"]:quote["end"]].startswith("The minister said")


def test_records_carry_their_links():
    data = export(PACKS / "good")
    argument = data["arguments"][0]
    assert argument == {
        "id": "room-saves-lives", "position": "council",
        "claim": "A supervised room saves lives.",
        "summary": "The council leader says the room will save lives.",
        "themes": ["health"], "quotes": ["save-lives", "deaths-120"],
        "rebuts": ["evidence-mixed"], "supports": [], "exchanges": [],
        "rebuttals": [{"answers": "evidence-mixed", "recorded": False, "sources": [],
                       "quotes": [], "how": "Paired by the pack: no article records this reply"}],
        "rebutted_by": ["evidence-mixed"],
    }
    source = data["sources"][0]
    assert source["file"] == "report.txt"
    assert source["characters"] == len((PACKS / "good" / "report.txt").read_text("utf-8"))
    facts = {f["id"]: f for f in data["facts"]}
    # declared on one side, shown from both
    assert facts["deaths-2018"]["conflicts_with"] == [{
        "fact": "deaths-2019",
        "difference": "Different years and counts (council estimate against official figures).",
    }]
    assert facts["deaths-2019"]["value"] == 120


def test_two_exports_are_byte_identical_wherever_they_run(monkeypatch, tmp_path):
    first = to_json(load_pack(PACKS / "good").debate)
    monkeypatch.chdir(tmp_path)
    assert to_json(load_pack(PACKS / "good").debate) == first
    assert to_markdown(load_pack(PACKS / "good").debate) == to_markdown(
        load_pack(PACKS / "good").debate)


def _keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, found)
    return found


def test_every_key_of_the_export_is_documented():
    data = to_data(load_pack(PACKS / "good").debate)
    documented = set(re.findall(r"`([a-z_]+)`", DOC.read_text(encoding="utf-8")))
    assert _keys(data, set()) - documented == set()


def test_the_handout_quotes_everything_with_speaker_and_source():
    debate = load_pack(PACKS / "good").debate
    assert not debate.citing("deaths-95")  # only a fact cites it: it must be there all the same
    handout = to_markdown(debate)
    blocks = handout.split("\n\n")
    for quote in debate.quotes.values():
        speaker = debate.speakers[quote.speaker]
        source = debate.sources[quote.source]
        attributed = [b for b in blocks if b.startswith(f"> {' '.join(quote.text.split())}\n")]
        assert attributed, quote.id
        for block in attributed:
            assert block.endswith(f"> — {speaker.name}, {speaker.role}"
                                  f"{' (reported speech)' if quote.kind == 'reported' else ''}"
                                  f" — {source.outlet}, {source.when}"), quote.id


def test_the_handout_sets_the_sides_out_in_sections():
    handout = to_markdown(load_pack(PACKS / "good").debate)
    headings = [line for line in handout.splitlines() if line.startswith("## ")]
    assert headings == ["## The positions", "## Town council: the arguments",
                        "## The ministry: the arguments", "## Head to head",
                        "## Other quotes", "## Facts and figures", "## Who speaks", "## Sources"]


def test_an_article_shared_from_seeds_is_exported_with_its_path_from_the_pack(tmp_path):
    pack = tmp_path / "content" / "town"
    (tmp_path / "seeds").mkdir()
    shutil.copytree(PACKS / "good", pack)
    (pack / "report.txt").rename(tmp_path / "seeds" / "report.txt")
    source = export(pack)["sources"][0]
    assert source["file"] == "../../seeds/report.txt"
    assert (pack / source["file"]).is_file()


def test_a_pack_without_figures_exports_without_a_facts_section(pack_copy):
    debate_file = pack_copy.path / "debate.yaml"
    text = debate_file.read_text(encoding="utf-8")
    debate_file.write_text(text[:text.index("facts:")], encoding="utf-8")
    debate = load_pack(pack_copy.path).debate
    assert debate is not None and not debate.facts
    handout = to_markdown(debate)
    assert "## Facts and figures" not in handout
    assert "## Sources" in handout
    assert to_data(debate)["facts"] == []
