"""What the student takes away, from the debate screen through the command palette
(issue 14, bug 6): the handout to print, the debate exported, and the speech timer,
each found by the word a student would type."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import screen_text
from textual.widgets import Input


async def test_the_palette_on_the_debate_screen_offers_handout_export_print_and_timer(
        explorer):
    app = explorer()
    async with app.run_test(size=(100, 30)):
        titles = [command.title.lower() for command in app.get_system_commands(app.screen)]
        for word in ("handout", "export", "print", "timer"):
            assert any(word in title for title in titles), (word, titles)


async def test_print_from_the_palette_writes_the_page_in_the_data_folder(explorer,
                                                                         isolated_home):
    app = explorer()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a")  # add the first argument, choosing the side first
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+p", *"print")
        await pilot.pause(0.3)
        assert "Handout: print my case" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        path = app.screen.query_one("#file-path", Input).value
        assert path.startswith(str(isolated_home / "data" / "debate-explorer" / "handouts"))
        await pilot.press(*"Sam", "enter", "enter")
        await pilot.pause(0.5)
        assert "Handout written to" in screen_text(app)
        assert path.endswith(".html")
    page = Path(path).read_text(encoding="utf-8")
    assert "Sam · " in page and "My arguments, in speaking order" in page


async def test_export_from_the_palette_writes_markdown_or_json(explorer, isolated_home,
                                                               tmp_path):
    app = explorer()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"export")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        markdown = app.screen.query_one("#file-path", Input).value
        assert markdown.endswith(".md") and "/exports/" in markdown
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("X", "ctrl+u", *str(tmp_path / "debate.json"), "enter")
        await pilot.pause()
    assert Path(markdown).read_text(encoding="utf-8").startswith("# ")
    assert json.loads((tmp_path / "debate.json").read_text(encoding="utf-8"))
