"""The classroom features reached from the explorer: keys, the palette and --side."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from helpers import GOOD_PACK, make_app, screen_text

import tui.ui.app
from tui.core.pack.loader import load_pack
from tui.core.work.storage import Storage
from tui.ui.app import ExplorerApp
from tui.ui.screens.case import CaseScreen
from tui.ui.screens.drill import DrillScreen


async def test_a_adds_the_open_argument_and_C_shows_it_in_the_case(isolated_home):
    app = make_app()
    app.assigned_side = "council"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the council's first argument
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        text = screen_text(app)
        assert "1. A supervised room saves lives." in text
    # ... and it was saved for the next session.
    case, _ = Storage(app.debate.folder).load()
    assert [entry.argument for entry in case.entries] == ["room-saves-lives"]


async def test_a_on_an_opposing_argument_puts_it_on_the_list_to_answer(isolated_home):
    app = make_app()
    app.assigned_side = "council"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "a")  # the ministry's argument, from the debate screen
        await pilot.pause()
        case = app.casebook.case
        assert [e.argument for e in case.expected] == ["evidence-mixed"]
        assert list(case.entries) == []


async def test_D_opens_the_drill_on_the_other_sides_arguments(isolated_home):
    app = make_app()
    app.assigned_side = "ministry"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert "A supervised room saves lives." in screen_text(app)


async def test_the_case_and_drill_are_in_the_command_palette(isolated_home):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"Rebuttal dr")
        await pilot.pause(0.3)
        assert "Rebuttal drill" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"My case")
        await pilot.pause(0.3)
        assert "My case" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        # With no side chosen yet, the case first asks which side the student argues.
        assert "council" in screen_text(app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.casebook.case.side == "council"


def test_a_side_the_pack_does_not_have_exits_2_before_the_app_starts(isolated_home, capsys):
    from tui.ui.launch import run

    status = run(GOOD_PACK, Namespace(pack=str(GOOD_PACK), side="government", data_dir=None))
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("debate-explorer: --side: ")
    assert "council" in err and "ministry" in err


class RecordingExplorer(ExplorerApp):
    """The explorer, remembering every notification as (message, severity)."""

    # A CSS_PATH is read relative to the file of the class that sets it: this one's.
    CSS_PATH = str(Path(tui.ui.app.__file__).with_name("app.tcss"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.told: list[tuple[str, str]] = []

    def notify(self, message, *, severity="information", **kwargs) -> None:
        self.told.append((str(message), severity))
        super().notify(message, severity=severity, **kwargs)


def recording_app(side: str) -> RecordingExplorer:
    return RecordingExplorer(load_pack(GOOD_PACK).debate, side=side)


async def test_a_damaged_case_file_is_announced_even_when_the_drill_is_opened_first(
        isolated_home):
    app = recording_app("council")
    store = Storage(app.debate.folder)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        warnings = [m for m, severity in app.told if severity == "warning"]
        assert any("damaged" in m for m in warnings), app.told


async def test_a_save_that_fails_is_told_and_kept_for_the_launcher(isolated_home, monkeypatch):
    from tui.core.work import storage

    def full_disk(self, case):
        raise storage.StorageError("Could not save your case: the disk is full.")

    monkeypatch.setattr(storage.Storage, "save", full_disk)
    app = recording_app("council")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert ("Could not save your case: the disk is full.", "error") in app.told
        assert app.unsaved == "Could not save your case: the disk is full."


def test_a_save_that_failed_at_quit_makes_the_exit_status_non_zero(isolated_home, monkeypatch,
                                                                   capsys):
    """Issue 16: the app exited 0 though the student's last changes were not saved."""
    from tui.ui import launch

    monkeypatch.setattr(launch.gc, "freeze", lambda: None)
    monkeypatch.setattr(ExplorerApp, "run", lambda self, *args, **kwargs: None)
    monkeypatch.setattr(ExplorerApp, "unsaved", "the disk is full")
    status = launch.run(GOOD_PACK, Namespace(pack=str(GOOD_PACK), side=None, data_dir=None))
    assert status == 1
    assert "your last changes were not saved: the disk is full" in capsys.readouterr().err
