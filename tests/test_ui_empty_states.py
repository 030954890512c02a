"""A pack with gaps: no figures, a source nobody is quoted from, a speaker never quoted.

The loader accepts these (with warnings); the screens must say so and never crash.
"""

from __future__ import annotations

from helpers import screen_text

from tui.core.pack.loader import load_pack
from tui.ui.app import ExplorerApp


def gappy_pack(pack_copy):
    """The good pack without its facts, plus an unquoted source and an unquoted speaker."""
    text = (pack_copy.path / "debate.yaml").read_text(encoding="utf-8")
    text = text[:text.index("facts:")]
    text = text.replace("speakers:\n", "speakers:\n  - id: silent\n    name: Sam Silent\n"
                        "    role: Observer\n    organisation: Nobody\n", 1)
    text = text.replace("sources:\n", "sources:\n  - id: unused\n    file: report.txt\n"
                        "    outlet: Unused Times\n    headline: Nobody quotes this\n"
                        "    approximate_date: 2020\n    date_reason: Same figures.\n", 1)
    (pack_copy.path / "debate.yaml").write_text(text, encoding="utf-8")
    result = load_pack(pack_copy.path)
    assert result.debate is not None, result.report(pack_copy.path)
    return result.debate


async def test_the_facts_screen_of_a_pack_without_figures_says_so_and_keys_are_safe(
        pack_copy, isolated_home):
    app = ExplorerApp(gappy_pack(pack_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "k", "up", "pagedown", "j")
        assert app.screen.KIND == "facts"
        assert "This pack records no figures yet." in screen_text(app)


async def test_a_source_with_no_quoted_passage_says_so_for_n_and_w(pack_copy, isolated_home):
    app = ExplorerApp(gappy_pack(pack_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_view("source", "unused")
        await pilot.pause()
        assert "No quoted passage in this source." in screen_text(app)
        told: list[str] = []
        notify = app.screen.notify
        app.screen.notify = lambda message, **kw: (told.append(message), notify(message, **kw))
        await pilot.press("n", "w")
        await pilot.pause()
        assert app.screen.KIND == "source"
        assert told == ["No quoted passage in this source.",
                        "No quoted passage in this source, so no one to show."]


async def test_a_speaker_never_quoted_says_so(pack_copy, isolated_home):
    app = ExplorerApp(gappy_pack(pack_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_view("speaker", "silent")
        await pilot.pause()
        text = screen_text(app)
        assert "Sam Silent" in text and "takes neither side" in text
        assert "Quotes — none" in text and "Arguments they carry — none" in text
        await pilot.press("s")  # nothing to open: it stays, with a warning
        await pilot.pause()
        assert app.screen.KIND == "speaker"


async def test_screens_survive_a_tiny_terminal(isolated_home):
    from helpers import make_app

    app = make_app()
    async with app.run_test(size=(20, 5)) as pilot:
        for keys in (("enter",), ("s",), ("f",), ("d", "question_mark"), ("escape", "slash")):
            await pilot.press(*keys)
            await pilot.pause()
        assert app.is_running
