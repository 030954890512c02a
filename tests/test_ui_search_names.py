"""Searching a person's name shows the person first, then what mentions them."""

from __future__ import annotations

from pathlib import Path

from helpers import make_app, screen_text

from tui.core.pack.bundled import default_pack


async def test_kit_malthouse_shows_the_person_first(isolated_home):
    app = make_app(Path(default_pack()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"Kit Malthouse")
        await pilot.pause()
        # The dialog's lines, without the debate showing either side of it.
        lines = [line.split("│")[1].strip() for line in screen_text(app).splitlines()
                 if line.count("│") >= 2]
        first = next(n for n, line in enumerate(lines) if line.startswith("Speakers ("))
        assert lines[first + 1].startswith("Kit Malthouse")
        # What mentions him comes after, still there.
        assert any(line.startswith(("Arguments (", "Quotes (")) for line in lines[first:])
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.KIND == "speaker"
