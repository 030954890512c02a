"""What the app remembers between runs (theme, drill order, filter, card and timer, the
speech timer's format, the name on a handout): one small file in the data folder,
written atomically; a damaged file is set aside with a message, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import casebook, screen_text

from tui.core.work.settings import DrillPlace, Remembered, Settings, SettingsFile
from tui.ui.app import ExplorerApp


def test_no_file_is_the_defaults_and_what_is_saved_comes_back(tmp_path: Path):
    settings, messages = SettingsFile(tmp_path).load()
    assert settings == Settings() and messages == []
    remembered = Remembered(tmp_path, print)
    remembered.change(theme="textual-light", timer_format="world-schools", timer_speech=6)
    remembered.change_drill("pack-1", DrillPlace("shuffled", 7, True, "too-costly", 60))
    again, messages = SettingsFile(tmp_path).load()
    assert messages == []
    assert (again.theme, again.timer_format, again.timer_speech) == ("textual-light",
                                                                     "world-schools", 6)
    assert again.drill == {"pack-1": DrillPlace("shuffled", 7, True, "too-costly", 60)}
    assert not [p for p in tmp_path.iterdir() if p.name != "settings.json"]  # no temp left


def test_two_holders_of_the_file_keep_each_others_changes(tmp_path: Path):
    first, second = Remembered(tmp_path, print), Remembered(tmp_path, print)
    assert first.settings.theme == second.settings.theme == ""
    first.change(theme="textual-light")
    second.change(student_name="Sam")  # read before the theme was changed
    saved, _ = SettingsFile(tmp_path).load()
    assert (saved.theme, saved.student_name) == ("textual-light", "Sam")


def test_a_damaged_file_is_set_aside_with_a_message(tmp_path: Path):
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    told: list[str] = []
    remembered = Remembered(tmp_path, told.append)
    assert remembered.settings == Settings()
    aside = list(tmp_path.glob("settings.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    assert told == [f"Your settings file was damaged; it was moved to {aside[0]} and the "
                    "defaults are used."]
    remembered.change(theme="textual-light")
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "textual-light"


def test_values_of_the_wrong_kind_are_left_at_their_defaults(tmp_path: Path):
    (tmp_path / "settings.json").write_text(json.dumps({
        "theme": 3, "timer_speech": -1, "student_name": "Sam",
        "drill": {"p": {"order": "shuffled", "seed": "x", "card": None}, "q": []}}))
    settings, messages = SettingsFile(tmp_path).load()
    assert messages == [] and settings.theme == "" and settings.timer_speech == 0
    assert settings.student_name == "Sam"
    assert settings.drill == {"p": DrillPlace(order="shuffled")}


def test_a_folder_that_cannot_be_written_is_said_once(tmp_path: Path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    told: list[str] = []
    remembered = Remembered(blocked, told.append)
    remembered.change(theme="textual-light", timer_format="classroom")
    remembered.change(theme="textual-dark")
    saving = [message for message in told if message.startswith("Your settings could not be "
                                                                 "saved to ")]
    assert len(saving) == 1, told
    # still used for this session
    assert (remembered.settings.theme, remembered.settings.timer_format) == ("textual-dark",
                                                                             "classroom")


async def test_the_theme_is_remembered_between_runs(tmp_path: Path):
    book = casebook(tmp_path)
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("t")
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_a_damaged_settings_file_is_a_message_not_a_crash(tmp_path: Path):
    book = casebook(tmp_path)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "settings.json").write_bytes(b"\xff\x00garbage")
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Your settings file was damaged" in text and "Motion:" in text
    assert list((tmp_path / "data").glob("settings.damaged-*.json"))


async def test_the_drill_resumes_where_it_stopped_in_its_order_and_filter(tmp_path: Path):
    book = casebook(tmp_path, side="council")
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data", side="council")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("o", "t", "n")  # shuffled, 30 s a card, the second card
        await pilot.pause()
        text = screen_text(app)
        assert "Drill · shuffled · all cards · 30 s a card · Card 2 of 2" in text
        second = next(line.strip() for line in text.splitlines()
                      if line.strip() in ("The room costs too much.",
                                          "The evidence for rooms is mixed."))
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data", side="council")
    async with app.run_test(size=(120, 40)) as pilot:  # the next lesson
        await pilot.press("D")
        await pilot.pause()
        text = screen_text(app)
        assert "Drill · shuffled · all cards · 30 s a card · Card 2 of 2" in text
        assert second in text
        await pilot.press("f")  # only what needs work: a new round, from its start
        await pilot.pause()
    app = ExplorerApp(book.debate, data_dir=tmp_path / "data", side="council")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert "Drill · shuffled · needing work only · 30 s a card · Card 1 of 2" in \
            screen_text(app)
