"""Generated Kialo exports, as large as real ones, import whole: every claim and
`-> See` line used, every excerpt a quote, the pack valid with no warnings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.pack.loader import load_pack

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_kialo import export_text, generate


@pytest.mark.parametrize(("claims", "theses"), [(1_000, 1), (2_000, 30)])
def test_a_generated_export_imports_with_every_line_used(tmp_path, capsys, claims, theses):
    export = generate(tmp_path / "export.txt", claims, theses)
    assert main(["import", "kialo", str(export), "-o", str(tmp_path / "pack")]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"  claims: {claims} (" in out
    assert "  lines not used, or used with a change: 0" in out
    assert "OK: no errors, 0 warnings." in out
    debate = load_pack(tmp_path / "pack").debate
    assert debate is not None
    assert len(debate.arguments) == claims - theses - (theses > 1)
    assert len(debate.positions) == (2 if theses == 1 else theses + 1)


def test_a_thousand_claims_are_as_large_as_kialos_large_exports():
    text = export_text(1_000)
    assert 200_000 <= len(text.encode("utf-8")) <= 300_000
    assert text.count("-> See") > 100
    assert export_text(1_000) == text  # the same seed, the same bytes
