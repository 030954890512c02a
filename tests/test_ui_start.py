"""Starting the explorer: the pack picker, the bundled Glasgow pack, and broken packs."""

from __future__ import annotations

import shutil
from argparse import Namespace
from pathlib import Path

from helpers import GOOD_PACK, screen_text

from tui.core.pack.bundled import default_pack
from tui.core.pack.summary import summarise
from tui.ui.app import ExplorerApp
from tui.ui.picker_app import PickerApp


def two_packs(tmp_path: Path, broken: Path) -> list[Path]:
    good = tmp_path / "a-good"
    shutil.copytree(GOOD_PACK, good)
    return [good, broken]


def test_the_quick_summary_reads_title_motion_and_counts_without_loading():
    summary = summarise(GOOD_PACK)
    assert summary.title == "A small test debate"
    assert summary.motion == "The town should open a supervised consumption room."
    assert summary.counts_line() == ("2 positions · 2 arguments · 4 quotes · 1 source · "
                                     "2 speakers · 2 facts")


async def test_the_picker_lists_packs_and_opens_the_chosen_one(tmp_path, broken_pack,
                                                               isolated_home):
    picker = PickerApp(two_packs(tmp_path, broken_pack))
    async with picker.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(picker)
        assert "Choose a debate" in text
        assert text.count("A small test debate") == 2  # the broken one is a copy
        assert "2 arguments · 4 quotes" in text
        await pilot.press("enter")
        await pilot.pause()
    # The launcher opens the explorer on the debate the picker ends with.
    app = ExplorerApp(picker.return_value)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.KIND == "debate"
        assert "The town should open a supervised consumption room." in screen_text(app)


async def test_a_broken_pack_chosen_in_the_picker_ends_the_app_with_status_1(
        tmp_path, broken_pack, isolated_home):
    app = PickerApp(two_packs(tmp_path, broken_pack))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
    assert app.return_code == 1 and app.return_value is None
    assert "'evidence-mixd', which does not exist" in app.exit_message
    assert app.exit_message.endswith("1 error; the pack was not loaded.")


def test_a_missing_pack_exits_1_and_says_why(tmp_path, capsys):
    from tui.ui.launch import run

    missing = tmp_path / "nowhere"
    assert run(missing, Namespace(pack=str(missing))) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith(f"{missing}: 1 error; the pack was not loaded.")


async def test_glasgow_a_typo_finds_the_minister_and_his_quote_opens_in_the_article(explorer):
    app = explorer(default_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"Malthose")
        results = app.screen.query_one("#results")
        ids = [option.id for option in results.options if option.id]
        assert "speaker:kit-malthouse" in ids
        results.focus()
        results.highlight_id(next(i for i in ids if i.startswith("quote:")))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.KIND == "source"
        quote = screen.current
        assert "Malthouse" in app.debate.speakers[quote.speaker].name
        assert "Passage" in screen_text(app)


def test_a_broken_pack_picked_at_launch_prints_its_problems_and_exits_1(
        tmp_path, broken_pack, isolated_home, monkeypatch, capsys):
    from tui.ui import launch

    monkeypatch.setattr(launch, "bundled_packs", lambda: two_packs(tmp_path, broken_pack))
    run_picker = PickerApp.run

    async def pick_the_second(pilot) -> None:
        await pilot.press("j", "enter")

    monkeypatch.setattr(PickerApp, "run", lambda self: run_picker(
        self, headless=True, size=(80, 24), auto_pilot=pick_the_second))
    assert launch.run(GOOD_PACK, Namespace(pack=None)) == 1
    err = capsys.readouterr().err
    assert "'evidence-mixd', which does not exist" in err
    assert err.rstrip().endswith("1 error; the pack was not loaded.")
