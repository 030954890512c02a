"""Authoring without the UI: edits change only the records they touch, every change is
checked by the validator first, and can be undone."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from tui.core.authoring import operations as op
from tui.core.authoring.newpack import new_pack
from tui.core.authoring.selection import Selection, figures
from tui.core.authoring.session import Refused, Session
from tui.core.authoring.yamltext import YamlText
from tui.core.pack.loader import load_pack

ARTICLES = Path(__file__).parent / "authoring"
GLASGOW = Path(__file__).parent.parent / "content" / "glasgow"
TEACHER_FILE = """\
# My notes: keep these!
quotes:
- id: one
  speaker: lind     # she chairs it
  text: "Children can't concentrate"
  kind: direct

- id: two
  speaker: lind
  text: A survey found that 64% of parents back a ban.
  kind:   reported
arguments:
    -   id: a
        themes: [learning,
                 safety]
        quotes: [ one, two ]
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_adding_a_record_changes_no_line_of_the_teachers_file():
    before = TEACHER_FILE
    after = YamlText(before).append_record("quotes", {
        "id": "three", "speaker": "okafor", "kind": "reported",
        "text": 'a ban would "punish everyone"'})
    assert after.startswith(before[:before.index("arguments:")])
    assert changed_lines(before, after) == [
        "+- id: three", "+  speaker: okafor", "+  kind: reported",
        "+  text: a ban would \"punish everyone\""]


def test_setting_a_key_changes_only_that_key():
    after = YamlText(TEACHER_FILE).set_field("arguments", "a", "quotes", ["one", "two", "x"])
    assert changed_lines(TEACHER_FILE, after) == ["-        quotes: [ one, two ]",
                                                  "+        quotes: [one, two, x]"]
    added = YamlText(after).set_field("arguments", "a", "rebuts", ["b"])
    assert changed_lines(after, added) == ["+        rebuts: [b]"]


def test_removing_a_record_removes_its_lines_and_no_others():
    after = YamlText(TEACHER_FILE).remove_record("quotes", "two")
    assert changed_lines(TEACHER_FILE, after) == [
        "-- id: two", "-  speaker: lind", "-  text: A survey found that 64% of parents back a ban.",
        "-  kind:   reported"]
    assert "# My notes: keep these!" in after and "# she chairs it" in after


@pytest.fixture
def glasgow(tmp_path: Path) -> Path:
    shutil.copytree(GLASGOW, tmp_path / "content" / "glasgow")
    shutil.copytree(GLASGOW.parent.parent / "seeds", tmp_path / "seeds")
    return tmp_path / "content" / "glasgow"


def test_citing_a_quote_in_the_glasgow_pack_changes_one_line_of_one_file(glasgow):
    before = {p.name: p.read_bytes() for p in glasgow.glob("*.yaml")}
    session = Session(glasgow)
    argument = next(a for a in session.debate.arguments.values() if a.quotes)
    quote = next(q for q in session.debate.quotes if q not in argument.quotes)
    op.attach_quote(session, argument.id, quote)
    after = {p.name: p.read_bytes() for p in glasgow.glob("*.yaml")}
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["arguments.yaml"]
    diff = changed_lines(before["arguments.yaml"].decode(), after["arguments.yaml"].decode())
    assert diff == [f"+      - {quote}"]
    assert session.debate.arguments[argument.id].quotes[-1] == quote
    assert session.undo() == f"cite '{quote}' in '{argument.id}'"
    assert {p.name: p.read_bytes() for p in glasgow.glob("*.yaml")} == before


def test_a_change_the_validator_rejects_is_refused_with_its_message_and_nothing_is_written(
        glasgow):
    before = {p.name: p.read_bytes() for p in glasgow.glob("*.yaml")}
    session = Session(glasgow)
    own = next(iter(session.debate.arguments.values()))
    with pytest.raises(Refused) as refused:
        op.link(session, own.id, own.id, "rebuts")
    assert str(refused.value).endswith(f"argument '{own.id}' rebuts itself")
    assert "arguments.yaml:" in str(refused.value)
    assert {p.name: p.read_bytes() for p in glasgow.glob("*.yaml")} == before


def test_removing_a_quote_also_removes_it_from_the_arguments_citing_it(glasgow):
    session = Session(glasgow)
    quote = next(q for q in session.debate.quotes.values()
                 if session.debate.citing(q.id) and not session.debate.facts_from(q.id))
    op.remove(session, "quotes", quote.id)
    assert quote.id not in session.debate.quotes
    assert all(quote.id not in a.quotes for a in session.debate.arguments.values())


def test_undo_is_refused_when_the_file_changed_since(glasgow):
    session = Session(glasgow)
    theme = op.add_theme(session, "Cost to the taxpayer")
    assert theme == "cost-to-the"
    themes_file = glasgow / "pack.yaml"
    themes_file.write_text(themes_file.read_text() + "# a teacher's note\n")
    with pytest.raises(Refused, match="has changed since 'add theme 'Cost to the taxpayer''"):
        session.undo()
    assert "# a teacher's note" in themes_file.read_text()


def test_a_new_pack_validates_with_its_placeholders_as_warnings(tmp_path):
    pack = tmp_path / "mill-street"
    new_pack(pack, [ARTICLES / "harbour-gazette.txt", ARTICLES / "valley-radio.txt"],
             title="Close Mill Street?", positions=["Town council", "Traders"])
    assert (pack / "valley-radio.txt").read_bytes() == (ARTICLES / "valley-radio.txt").read_bytes()
    result = load_pack(pack)
    assert result.debate is not None and not result.errors
    messages = [p.message for p in result.warnings]
    assert "'motion' of 'pack' is still a placeholder" in messages
    assert "'outlet' of source 'harbour-gazette' is still a placeholder" in messages
    assert list(result.debate.positions) == ["town-council", "traders"]
    with pytest.raises(ValueError, match="is not empty"):
        new_pack(pack, [ARTICLES / "valley-radio.txt"])


def test_a_new_pack_with_one_position_is_refused_before_anything_is_written(tmp_path):
    pack = tmp_path / "one-side"
    with pytest.raises(ValueError, match="at least two positions"):
        new_pack(pack, [ARTICLES / "harbour-gazette.txt"], positions=["Council"])
    assert not pack.exists()


def test_a_quote_missing_its_quotation_mark_is_told_which_mark(tmp_path):
    pack = tmp_path / "p"
    new_pack(pack, [ARTICLES / "harbour-gazette.txt"], positions=["A", "B"])
    session = Session(pack)
    speaker = op.add_speaker(session, "Tom Reilly", "Hardware shop owner", "Traders", "b")
    quote = op.add_quote(session, "harbour-gazette", 0, 15, speaker, "reported")
    quotes = pack / "quotes.yaml"
    quotes.write_text(quotes.read_text().replace(
        "text: Harbour Gazette", "text: warned that every delivery van"))
    problem = load_pack(pack).errors[0]
    assert problem.message == f"the words of quote '{quote}' are not in source 'harbour-gazette'"
    assert problem.hint == ("the source has 'warned that' and then the quotation mark \" before "
                            "'every': copy the mark too, or end the quote before it")


def test_a_selection_grows_and_shrinks_by_words_and_sentences():
    text = (ARTICLES / "harbour-gazette.txt").read_text()
    selection = Selection(text)
    selection.move_to(text.index("She told"))
    selection.start()
    assert selection.selected == "She"
    selection.extend_word()
    assert selection.selected == "She told"
    selection.extend_sentence()
    assert selection.selected.endswith("if the street were closed.")
    selection.extend_sentence()
    assert selection.selected.endswith("Traders were less sure.")
    selection.shrink_sentence()
    assert selection.selected.endswith("closed.")
    selection.shrink_word()
    assert selection.selected.endswith("street were")
    selection.cancel()
    assert selection.span is None and selection.selected == ""
    assert figures(text[text.index("a survey"):text.index("would let")]) == [(400, ""), (71, "%")]


def small_debate(tmp_path: Path) -> tuple[Session, str, str, str, str]:
    """A new pack with one argument a side, each carried by one quote."""
    pack = tmp_path / "p"
    new_pack(pack, [ARTICLES / "harbour-gazette.txt"], positions=["Council", "Traders"])
    session = Session(pack)
    text = session.debate.sources["harbour-gazette"].text
    nair = op.add_speaker(session, "Priya Nair", "Councillor", "Council", "council")
    reilly = op.add_speaker(session, "Tom Reilly", "Shopkeeper", "Traders", "traders")
    start = text.index("\"every")
    lost = op.add_quote(session, "harbour-gazette", start, text.index("lost.\"") + 6, reilly,
                        "direct")
    start = text.index("\"Streets")
    shops = op.add_quote(session, "harbour-gazette", start, text.index("shops,\"") + 7, nair,
                         "direct")
    theme = op.add_theme(session, "Trade")
    loss = op.add_argument(session, "traders", "Shops lose trade.", "Vans.", [theme], [lost])
    good = op.add_argument(session, "council", "Good for shops.", "Walking.", [theme], [shops])
    return session, good, loss, shops, lost


def test_a_rebuttal_recorded_in_the_sources_cites_a_quote_of_each_side(tmp_path):
    session, good, loss, shops, lost = small_debate(tmp_path)
    op.link(session, good, loss, "rebuts", [shops, lost])
    answer = session.debate.arguments[good]
    assert answer.rebuts == (loss,)
    assert answer.exchange_with(loss) is not None
    assert answer.exchange_with(loss).quotes == (shops, lost)
    assert session.steps[-1].what == f"'{good}' rebuts '{loss}' (recorded in the sources)"
    op.unlink(session, good, loss)
    assert session.debate.arguments[good].rebuts == ()
    assert session.debate.arguments[good].exchanges == ()


def test_a_recorded_rebuttal_with_the_quotes_of_one_side_only_is_refused(tmp_path):
    session, good, loss, shops, _lost = small_debate(tmp_path)
    with pytest.raises(Refused, match="exchange"):
        op.link(session, good, loss, "rebuts", [shops])
    assert session.debate.arguments[good].rebuts == ()


def test_removing_an_argument_removes_the_links_and_exchanges_that_answer_it(tmp_path):
    session, good, loss, shops, lost = small_debate(tmp_path)
    op.link(session, good, loss, "rebuts", [shops, lost])
    op.remove(session, "arguments", loss)
    assert loss not in session.debate.arguments
    assert session.debate.arguments[good].rebuts == ()
    assert session.debate.arguments[good].exchanges == ()
    session.undo()
    assert session.debate.arguments[good].exchange_with(loss) is not None


def test_new_shows_a_whole_example_in_its_help(capsys):
    from tui.cli import main

    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = capsys.readouterr().out
    assert "debate-explorer new content/mill-street" in out
    assert "--article ~/Downloads/harbour-gazette.txt --article" in out
    assert "debate-explorer edit content/mill-street" in out


def test_new_makes_the_pack_and_refuses_a_folder_in_use(tmp_path, capsys):
    from tui.cli import main

    pack = tmp_path / "mill"
    assert main(["new", str(pack), "--article", str(ARTICLES / "valley-radio.txt"),
                 "--title", "Close Mill Street?"]) == 0
    assert "Next: debate-explorer validate" in capsys.readouterr().out
    assert main(["validate", str(pack)]) == 0
    assert main(["new", str(pack), "--article", str(ARTICLES / "valley-radio.txt")]) == 1
    assert "is not empty; give a new folder" in capsys.readouterr().err


def test_validate_watch_checks_again_when_a_file_is_saved(tmp_path, capsys):
    import threading
    import time

    from tui.cli_authoring import watch

    pack = tmp_path / "p"
    new_pack(pack, [ARTICLES / "valley-radio.txt"], positions=["A", "B"])
    checks: list[float] = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(pack, lambda: checks.append(1) or 0, stop))
    watcher.start()
    try:
        deadline = time.monotonic() + 20
        while not checks and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # the watcher is set up once it has checked and said so
        (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text() + "# saved\n")
        while len(checks) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        watcher.join(10)
    assert len(checks) >= 2
    assert "a file changed; checking again" in capsys.readouterr().out


def test_editing_folded_text_keeps_it_folded_and_reads_back_the_same():
    before = "arguments:\n  - id: a\n    claim: >-\n      An old claim\n      over two lines.\n" \
             "    summary: Short.  # mine\n"
    claim = "A new claim: long enough to wrap, " * 4 + "and # is no comment in it."
    claim = " ".join(claim.split())
    after = YamlText(before).set_field("arguments", "a", "claim", claim)
    assert after.startswith("arguments:\n  - id: a\n    claim: >-\n      A new claim:")
    assert after.endswith("    summary: Short.  # mine\n")
    assert yaml.safe_load(after)["arguments"][0]["claim"] == claim


def test_a_new_packs_files_can_be_read_by_others_as_an_editors_would(tmp_path):
    pack = tmp_path / "p"
    new_pack(pack, [ARTICLES / "valley-radio.txt"], positions=["A", "B"])
    assert {(p.name, p.stat().st_mode & 0o777) for p in pack.glob("*.yaml")} == {
        ("pack.yaml", 0o644), ("sources.yaml", 0o644)}


def test_a_figure_is_read_as_written_and_words_are_not_a_figure():
    from tui.ui.screens.editor_flows import number

    assert number("4,300") == 4300
    assert number(" 12.5 ") == 12.5
    assert number("about 40") is None
    assert number("") is None
