"""Snapshots of the editor (issue 13): its list of the pack's records, and a source with
a passage selected, at 80x24, on a pack made from the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.authoring import operations as op
from tui.core.authoring.newpack import new_pack
from tui.core.authoring.session import Session
from tui.ui.editor_app import EditorApp

ARTICLES = Path(__file__).parent / "authoring"


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.chdir(tmp_path)  # the editor names the folder as given: "mill"
    new_pack(Path("mill"), [ARTICLES / "harbour-gazette.txt"],
             title="Close Mill Street to cars?", positions=["Town council", "Traders"])
    session = Session(Path("mill"))
    text = session.debate.sources["harbour-gazette"].text
    nair = op.add_speaker(session, "Priya Nair", "Councillor", "Town council", "town-council")
    start = text.index('"safe')
    quote = op.add_quote(session, "harbour-gazette", start,
                         text.index('generation."') + len('generation."'), nair, "direct")
    theme = op.add_theme(session, "Safety")
    op.add_argument(session, "town-council", "Children could walk to school safely.",
                    "A closed street is safe to walk.", [theme], [quote])
    return session


def test_editor_home(snap_compare, isolated_home, session):
    assert snap_compare(EditorApp(session), terminal_size=(80, 24))


def test_editor_source_with_a_selection(snap_compare, isolated_home, session):
    # To the source, to the survey's sentence, select it and grow it by two words.
    keys = ["j", "j", "j", "enter", ")", ")", ")", ")", "v", ")", "right", "right"]
    assert snap_compare(EditorApp(session), terminal_size=(80, 24), press=keys)
