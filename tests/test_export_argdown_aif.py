"""`export --format argdown` read back by the real Argdown parser, and `--format aif`
read back by arguebuf: every argument and every link arrives, in the right section,
with its themes as tags and its quotes and sources in its data."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from argdown_cli import argdown

from tui.cli import main
from tui.core.pack.bundled import content_folder
from tui.core.pack.loader import load_pack

FIXTURES = Path(__file__).parent / "kialo"


@pytest.fixture(scope="module")
def parser() -> Path:
    command = argdown()
    if command is None:
        pytest.skip("npm is not installed, so the Argdown parser cannot be")
    return command


def packs(tmp_path: Path) -> dict[str, Path]:
    """The Glasgow pack and an imported Kialo discussion (a question with three theses)."""
    imported = tmp_path / "phones"
    assert main(["import", "kialo", str(FIXTURES / "current-question.txt"), "-o",
                 str(imported)]) == 0
    return {"glasgow": content_folder() / "glasgow", "phones": imported}


def parsed(parser: Path, document: Path, out: Path) -> dict:
    run = subprocess.run([str(parser), "json", str(document), str(out)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), (
        run.stdout + run.stderr)
    return json.loads((out / (document.stem + ".json")).read_text(encoding="utf-8"))


def test_argdown_parses_with_every_argument_and_link(parser, tmp_path, capsys):
    for name, pack in packs(tmp_path).items():
        debate = load_pack(pack).debate
        assert debate is not None
        document = tmp_path / f"{name}.argdown"
        assert main(["export", str(pack), "--format", "argdown", "-o", str(document)]) == 0
        data = parsed(parser, document, tmp_path / "out")
        links = sum(len(a.rebuts) + len(a.supports) for a in debate.arguments.values())
        assert len(data["arguments"]) + len(data["statements"]) == len(debate.arguments)
        assert len(data["relations"]) == links
        kinds = sorted(r["relationType"] for r in data["relations"])
        assert kinds.count("attack") == sum(len(a.rebuts) for a in debate.arguments.values())
        assert kinds.count("support") == sum(len(a.supports) for a in debate.arguments.values())
        sections = {s["id"]: s["title"] for s in data["sections"]}
        for argument in debate.arguments.values():
            read = data["arguments"][argument.id]
            # Each argument in its position's section, its themes its tags.
            assert sections[read["section"]] == debate.positions[argument.position].name
            assert read["tags"] == [debate.themes[t].name for t in argument.themes]
            description = next(m["text"] for m in read["members"] if not m.get("isReference"))
            assert " ".join(argument.claim.split()) in description
            assert read["data"]["summary"] == argument.summary
            assert [q["text"] for q in read["data"]["quotes"]] == [
                debate.quotes[q].text for q in argument.quotes]
        capsys.readouterr()


def test_argdown_keeps_quotes_speakers_and_source_addresses(parser, tmp_path):
    pack = packs(tmp_path)["phones"]
    document = tmp_path / "phones.argdown"
    assert main(["export", str(pack), "--format", "argdown", "-o", str(document)]) == 0
    data = parsed(parser, document, tmp_path / "out")
    read = data["arguments"]["c1.1.1"]["data"]
    assert read["quotes"][0]["speaker"] == "Author not named"
    assert read["quotes"][0]["text"].startswith("Pupils with phones on their desks")
    assert read["sources"][0]["url"] == "https://example.org/phones-study"
    description = data["arguments"]["c1.1.1"]["members"][0]["text"]
    assert description.startswith("Phones distract pupils in class [1].")  # no link made


def test_text_that_looks_like_argdown_stays_text(parser, tmp_path, pack_copy):
    pack_copy.edit("debate.yaml", "claim: A supervised room saves lives.",
                   "claim: \"A room <saves> [lives] #now @all {x: 1} // see https://a.b/c *!*\"")
    document = tmp_path / "odd.argdown"
    assert main(["export", str(pack_copy.path), "--format", "argdown", "-o",
                 str(document)]) == 0
    data = parsed(parser, document, tmp_path / "out")
    description = data["arguments"]["room-saves-lives"]["members"][0]["text"]
    assert description.startswith("A room <saves> [lives] #now @all {x: 1} // see "
                                  "https://a.b/c *!*")
    assert data["arguments"]["room-saves-lives"]["tags"] == ["Public health"]


def test_aif_loads_in_arguebuf_with_every_claim_support_and_rebuttal(tmp_path, capsys):
    arguebuf = pytest.importorskip("arguebuf")
    for name, pack in packs(tmp_path).items():
        debate = load_pack(pack).debate
        assert debate is not None
        out = tmp_path / f"{name}.json"
        assert main(["export", str(pack), "--format", "aif", "-o", str(out)]) == 0
        graph = arguebuf.load.file(out)
        assert len(graph.atom_nodes) == len(debate.arguments)
        schemes = [type(s.scheme).__name__ for s in graph.scheme_nodes.values()]
        assert schemes.count("Support") == sum(len(a.supports) for a in debate.arguments.values())
        assert schemes.count("Attack") == sum(len(a.rebuts) for a in debate.arguments.values())
        assert len(graph.edges) == 2 * len(schemes)
        # arguebuf sets dialogue aside; the file itself has a locution for every quote.
        data = json.loads(out.read_text(encoding="utf-8"))
        locutions = [n for n in data["nodes"] if n["type"] == "L"]
        assert len(locutions) == len(debate.quotes) == len(data["locutions"])
        names = {p["participantID"]: p["firstname"] for p in data["participants"]}
        for node, locution in zip(locutions, data["locutions"], strict=True):
            quote = debate.quotes[node["nodeID"].removeprefix("L:")]
            speaker = debate.speakers[quote.speaker].name
            assert node["text"] == f"{speaker} : {quote.text}"
            assert names[int(locution["personID"])] == speaker
        carried = [n for n in data["nodes"] if n["type"] == "YA"]
        assert len(carried) == sum(len(a.quotes) for a in debate.arguments.values())
    capsys.readouterr()
