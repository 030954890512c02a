"""The benchmark's synthetic packs are real packs: valid, warning-free, deterministic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.core.pack.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "benchmarks" / "generate.py"


def _generate(folder: Path, arguments: int, seed: int = 1) -> None:
    subprocess.run([sys.executable, str(GENERATE), str(folder), "--arguments", str(arguments),
                    "--seed", str(seed)], check=True, capture_output=True, text=True)


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_generated_pack_passes_the_validator_with_no_warnings(tmp_path):
    _generate(tmp_path / "pack", 60)
    result = subprocess.run([sys.executable, "-m", "tui.cli", "validate", str(tmp_path / "pack")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "OK: no errors, 0 warnings." in result.stdout
    assert "30 arguments" in result.stdout  # per position


def test_a_generated_pack_has_what_the_benchmark_needs(tmp_path):
    _generate(tmp_path / "pack", 60)
    debate = load_pack(tmp_path / "pack").debate
    assert debate is not None
    assert len(debate.arguments) == 60
    assert all(len(a.quotes) == 2 for a in debate.arguments.values())
    assert len(debate.positions) == 2
    assert len(debate.sources) == 3  # one article per twenty arguments, inside the pack
    assert all(s.path.is_relative_to((tmp_path / "pack").resolve())
               for s in debate.sources.values())
    assert any(a.rebuts for a in debate.arguments.values())
    assert any(a.supports for a in debate.arguments.values())
    assert any(f.conflicts_with for f in debate.facts.values())
    assert any(s.position is None for s in debate.speakers.values())
    # Some quotes are found only through the tolerant match (typographic quotes in the article).
    tolerant = [q for q in debate.quotes.values()
                if debate.sources[q.source].text[q.start:q.end] != q.text]
    assert tolerant and "\u201c" in debate.sources[tolerant[0].source].text[
        tolerant[0].start:tolerant[0].end]
    assert len(list((tmp_path / "pack").rglob("*.yaml"))) >= 5  # split like a real pack


def test_the_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    _generate(tmp_path / "a", 40, seed=7)
    _generate(tmp_path / "b", 40, seed=7)
    _generate(tmp_path / "c", 40, seed=8)
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")


def test_the_generator_refuses_to_write_into_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "notes.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run([sys.executable, str(GENERATE), str(tmp_path / "pack"),
                             "--arguments", "10"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "is not empty" in result.stderr
    assert (tmp_path / "pack" / "notes.txt").read_text(encoding="utf-8") == "mine"
