"""A student's explorer as the class server runs it: the name first, nothing of a case
before it, their own folder after it, and back where they were after a reload."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tui.core.pack.bundled import default_pack
from tui.core.pack.loader import load_pack
from tui.core.work.classroom import last_place, student_folder
from tui.serve.name_screen import NameScreen
from tui.serve.student import ClassroomApp

SIZE = (100, 30)


def _debate():
    debate = load_pack(default_pack()).debate
    assert debate is not None
    return debate


async def test_the_explorer_opens_on_the_students_own_folder_once_named(tmp_path: Path) -> None:
    app = ClassroomApp(_debate(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, NameScreen)
        await pilot.press("space", "enter")  # no name yet
        assert "Type your name to start." in str(
            app.screen.query_one("#welcome-problem").render())
        assert not (tmp_path / "students").exists()
        await pilot.press(*"Ann Lee", "enter")  # the explorer's keys are letters here
        await pilot.pause()
        assert not isinstance(app.screen, NameScreen)
        assert app.data_dir == student_folder(tmp_path, "Ann Lee")
        assert app.casebook.storage.path.is_relative_to(student_folder(tmp_path, "Ann Lee"))


async def test_before_the_name_no_action_reaches_a_case(tmp_path: Path) -> None:
    app = ClassroomApp(_debate(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(Input).blur()  # keys now go to the app's bindings
        await pilot.press("C", "D", "slash", "f")
        assert isinstance(app.screen, NameScreen)
        assert app._casebook is None  # no case was read or written anywhere
        assert not (tmp_path / "students").exists()


async def test_a_reload_goes_back_to_the_place_the_student_had_open(tmp_path: Path) -> None:
    debate = _debate()
    argument = next(iter(debate.arguments))
    app = ClassroomApp(debate, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ann Lee", "enter")
        await pilot.pause()
        app.open_view("argument", argument)
        await pilot.pause(1.3)  # the place is kept each second
    folder = student_folder(tmp_path, "Ann Lee")
    assert last_place(folder) == ("argument", argument)

    again = ClassroomApp(debate, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press(*"ann lee", "enter")
        await pilot.pause()
        current = again.navigator.history.current
        assert current is not None and current.place.key == ("argument", argument)
        await pilot.press("backspace")  # the debate is one step back
        current = again.navigator.history.current
        assert current is not None and current.place.kind == "debate"


async def test_a_remembered_place_the_pack_no_longer_has_opens_the_debate(tmp_path: Path) -> None:
    from tui.core.work.classroom import enrol, remember_place

    remember_place(enrol(tmp_path, "Bo"), "argument", "no-such-argument")
    app = ClassroomApp(_debate(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B", "o", "enter")
        await pilot.pause()
        current = app.navigator.history.current
        assert current is not None and current.place.kind == "debate"
