"""The case screen, driven by keys: choosing a side, building and ordering a case,
evidence and notes, what to expect from the other side, and the handout."""

from __future__ import annotations

from helpers import ScreenApp, casebook, screen_text
from textual.widgets import Input, TextArea

from tui.core.work.case import CaseEntry, now
from tui.core.work.handout import to_handout
from tui.core.work.storage import Storage, pack_key
from tui.ui.screens import case as case_screen
from tui.ui.screens.case import CaseScreen
from tui.ui.screens.case_dialogs import AddDialog, SideDialog

SIZE = (160, 40)


def saved(book):
    """The case as a fresh copy of the app would load it from disk."""
    return Storage(book.debate.folder, book.storage.folder.parent).load()[0]


def claims(case):
    return [e.argument for e in case.entries]


async def test_a_student_without_a_side_chooses_one_first(tmp_path):
    book = casebook(tmp_path)
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SideDialog)
        assert "Which side will you argue?" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "you argue The ministry (against the motion)" in screen_text(app)
    assert saved(book).side == "ministry"


async def test_a_side_assigned_by_the_teacher_cannot_be_changed(tmp_path):
    book = casebook(tmp_path, side="Council")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "you argue Town council (for the motion) · set by your teacher" in (
            screen_text(app))
        await pilot.press("s")
        assert not isinstance(app.screen, SideDialog)
        assert app.told[-1] == ("Your teacher has assigned you Town council.", "information")


async def test_building_and_reordering_a_case_by_keyboard(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Your arguments, in speaking order — press a to add one" in screen_text(app)
        for _ in range(3):  # the first argument not yet in the case, three times
            await pilot.press("a")
            assert isinstance(app.screen, AddDialog)
            await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "1. A supervised room saves lives." in text
        assert "3. The room costs less than the harm it prevents." in text
        assert app.told[-1][0] == "Added to your case."
        await pilot.press("K", "K")  # the last added is highlighted: move it to the top
        await pilot.pause()
        assert "1. The room costs less than the harm it prevents." in screen_text(app)
        await pilot.press("J")
    assert claims(saved(book)) == ["room-saves-lives", "cheaper-than-harm", "fewer-needles"]


async def test_notes_are_saved_when_typing_pauses(tmp_path, monkeypatch):
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 0.01)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # write notes on the highlighted argument
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Lead with it")
        await pilot.pause(0.2)
        assert saved(book).entries.find("room-saves-lives").notes == "Lead with it"
        assert "no evidence yet · notes" in screen_text(app)


async def test_notes_still_waiting_to_be_saved_are_saved_on_leaving(tmp_path, monkeypatch):
    # The pause-then-save timer must not be what saves them here, however slow the machine.
    monkeypatch.setattr("tui.ui.screens.case.SAVE_DELAY", 60)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    book.collect("fewer-needles")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"first", "escape", "down")  # another argument: saved
        assert saved(book).entries.find("room-saves-lives").notes == "first"
        await pilot.press("n", *"second", "escape", "escape")  # and closing: saved
        assert app.base_is_showing()
    assert saved(book).entries.find("fewer-needles").notes == "second"


async def test_evidence_is_attached_and_detached_with_enter(tmp_path):
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[ ] “It will save lives,”" in screen_text(app)
        await pilot.press("e", "enter")
        await pilot.pause()
        assert "[x] “It will save lives,”" in screen_text(app)
        assert "1 quote · no notes yet" in screen_text(app)
        assert saved(book).entries.find("room-saves-lives").quotes == ["save-lives"]
        await pilot.press("enter")
        await pilot.pause()
        assert saved(book).entries.find("room-saves-lives").quotes == []


async def test_removing_can_be_undone_with_the_notes(tmp_path):
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    book.case.entries.set_text("room-saves-lives", "precious")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "1. A supervised room saves lives." not in screen_text(app)
        assert app.told[-1][0] == "Removed from your case, with its notes. Press u to undo."
        assert list(saved(book).entries) == []
        await pilot.press("u")
        await pilot.pause()
        assert "1. A supervised room saves lives." in screen_text(app)
    assert saved(book).entries.find("room-saves-lives").notes == "precious"


async def test_undo_brings_back_the_last_removal_even_from_the_list_to_answer(tmp_path):
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    book.collect("too-costly")  # the other side's: onto the list to answer
    book.case.expected.set_text("too-costly", "Deaths cost more")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "end", "x")  # the case entry, then the expected argument
        await pilot.pause()
        assert app.told[-1][0] == ("Removed from what you expect, with your rebuttal. "
                                   "Press u to undo.")
        await pilot.press("u")
        await pilot.pause()
    final = saved(book)
    assert [(x.argument, x.rebuttal) for x in final.expected] == [("too-costly",
                                                                   "Deaths cost more")]
    assert list(final.entries) == []  # undo brought back the last removal, not an older one


async def test_the_other_sides_arguments_come_with_suggestions_never_filled_in(tmp_path):
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        assert app.told[-1][0] == "Added 2 of the other side's 2 arguments."
        text = screen_text(app)
        assert "Ministry: The evidence for rooms is mixed." in text
        assert "no rebuttal yet · drill: not yet" in text
        await pilot.press("down")  # The room costs too much.
        await pilot.pause()
        text = screen_text(app)
        assert "Answers from your side (the pack's)" in text
        assert "The room costs less than the harm it prevents." in text
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text == "" and notes.border_title == "Your rebuttal"
        await pilot.press("enter", *"Deaths cost more", "escape")
        await pilot.press("escape")
    assert saved(book).expected.find("too-costly").rebuttal == "Deaths cost more"


async def test_notes_on_an_argument_gone_from_the_pack_are_shown_and_kept(tmp_path):
    book = casebook(tmp_path, side="council")
    stamp = now()
    book.case.entries.append(CaseEntry("deleted-argument", [], "my old notes", stamp, stamp))
    book.save()
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "1. No longer in the pack: deleted-argument" in text
        assert "This argument is no longer in the pack." in text
        assert app.screen.query_one("#notes", TextArea).text == "my old notes"
        assert any(message.startswith("1 item of your case no longer in the pack")
                   for message, _severity in app.told), app.told
    assert saved(book).entries.find("deleted-argument").notes == "my old notes"


async def test_a_damaged_saved_case_is_reported_when_the_case_opens(tmp_path):
    book = casebook(tmp_path, side="council")
    book.storage.folder.mkdir(parents=True)
    book.storage.path.write_text("{oops", encoding="utf-8")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        message, severity = app.told[0]
        assert severity == "warning"
        assert message.startswith("Your saved case could not be used: it is not valid JSON")
        assert "a new case was started" in message
    assert [p.read_text() for p in book.storage.folder.glob("*.damaged-*")] == ["{oops"]


async def test_the_handout_is_written_in_the_data_folder_unless_told(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    book.collect("too-costly")
    app = ScreenApp(lambda: CaseScreen(book))
    page = tmp_path / "data" / "handouts" / f"my-case-{pack_key(book.debate.folder)}.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        # the data folder, not where it was started
        assert app.screen.query_one("#file-path", Input).value == str(page)
        await pilot.press(*"Sam", "enter", "enter")
        await pilot.pause()
        assert app.told[-1][0] == (f"Handout written to {page}. Open it in a browser to "
                                   "print it.")
        await pilot.press("h")  # the name is remembered; a .md file is Markdown
        await pilot.pause()
        assert app.screen.query_one("#student-name", Input).value == "Sam"
        await pilot.press("enter", "ctrl+u", *str(tmp_path / "my-case.md"), "enter")
        await pilot.pause()
    assert "Sam · " in page.read_text(encoding="utf-8")
    assert "The room costs too much." in page.read_text(encoding="utf-8")
    written = (tmp_path / "my-case.md").read_text(encoding="utf-8")
    assert written == to_handout(book.debate, book.case)
    assert "### 1. The room costs too much. (Ministry)" in written
    assert not list(tmp_path.glob("*.html"))


async def test_a_handout_that_cannot_be_written_says_why(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    book = casebook(tmp_path, side="council")
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        target = tmp_path / "no-such-folder" / "x.md"
        await pilot.press("h", "enter", "ctrl+u", *str(target), "enter")
        await pilot.pause()
        message, severity = app.told[-1]
    assert severity == "error"
    ours = f"The handout could not be written to {target}: "  # then the system's reason
    assert message.startswith(ours) and message.endswith(".") and message[len(ours):-1].strip()


async def test_work_saved_by_another_copy_of_the_app_appears_at_the_next_save(
        tmp_path, monkeypatch):
    monkeypatch.setattr(case_screen, "SAVE_DELAY", 0.01)
    book = casebook(tmp_path, side="council")
    book.collect("room-saves-lives")
    other = casebook(tmp_path, side="council")  # a second copy, on the same pack and folder
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other.collect("fewer-needles")
        other.case.entries.set_text("fewer-needles", "written in the other window")
        other.save()
        await pilot.press("n", *"mine")
        await pilot.pause(0.2)
        assert "2. Fewer needles are left on the streets." in screen_text(app)
        assert app.focused.id == "notes"  # still writing
    final = saved(book)
    assert claims(final) == ["room-saves-lives", "fewer-needles"]
    assert final.entries.find("room-saves-lives").notes == "mine"
    assert final.entries.find("fewer-needles").notes == "written in the other window"


async def test_the_explorers_add_key_asks_for_a_side_then_adds(tmp_path):
    from textual.screen import Screen

    from tui.ui.screens.case import collect_argument

    book = casebook(tmp_path)
    app = ScreenApp(Screen)
    async with app.run_test(size=SIZE) as pilot:
        collect_argument(app, book, "too-costly")
        await pilot.pause()
        assert isinstance(app.screen, SideDialog)
        await pilot.press("enter")  # the council
        await pilot.pause()
        assert app.told[-1][0] == "Added to what you expect from the other side."
        collect_argument(app, book, "fewer-needles")
        assert app.told[-1][0] == "Added to your case."
    final = saved(book)
    assert (final.side, claims(final)) == ("council", ["fewer-needles"])
    assert [x.argument for x in final.expected] == ["too-costly"]


async def test_tab_into_the_packs_answers_lands_on_one_and_enter_opens_it(tmp_path):
    from tui.ui.messages import OpenPlace

    book = casebook(tmp_path, side="council")
    asked: list[OpenPlace] = []
    app = ScreenApp(lambda: CaseScreen(book))
    async with app.run_test(size=SIZE, message_hook=lambda m: asked.append(m)
                            if isinstance(m, OpenPlace) else None) as pilot:
        await pilot.pause()
        await pilot.press("E", "down")  # The room costs too much: the other side's
        await pilot.pause()
        await pilot.press("tab")  # into "Answers from your side (the pack's)"
        await pilot.pause()
        offered = app.screen.query_one("#evidence")
        assert app.focused is offered and offered.highlighted_id() == "cheaper-than-harm"
        keys = {active.binding.description for active in app.screen.active_bindings.values()}
        assert "Open this answer" in keys and "Tick/untick" not in keys
        await pilot.press("enter")
        await pilot.pause()
    # (the hook sees the one request at each node it bubbles through)
    assert {(m.kind, m.record_id) for m in asked} == {("argument", "cheaper-than-harm")}


async def test_the_add_dialogs_last_argument_is_shown_whole_at_80x24(tmp_path):
    from helpers import make_app

    from tui.core.pack.bundled import default_pack
    from tui.ui.text import argument_counts

    app = make_app(default_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        app.casebook.choose_side("uk-gov")
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        last = app.debate.arguments[app.screen.query_one("KeyList").highlighted_id()]
        lines = screen_text(app).splitlines()
        bottom = next(n for n, line in enumerate(lines) if "▄▄▄▄" in line)  # the box's edge
        # The highlighted argument's last line (counts and themes, which may wrap) ends
        # just inside the box, not below its edge.
        inside = " ".join(" ".join(line.strip(" █").split()) for line in lines[bottom - 3:bottom])
        assert " ".join(argument_counts(app.debate, last).split()) in inside
