"""The speech timer screen, driven by keys on a fake clock: choosing the format and
the speech, the time left, protected time, the bell and the words at each boundary,
the student's case beside it, and the ways to reach it."""

from __future__ import annotations

from pathlib import Path

from helpers import GOOD_PACK, ScreenApp, casebook, make_app, screen_text

from tui.core.work.settings import Remembered, SettingsFile
from tui.core.work.speech_format import load_formats
from tui.ui.screens.timer import TimerScreen


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


class BellApp(ScreenApp):
    def __init__(self, make_screen) -> None:
        super().__init__(make_screen)
        self.bells = 0

    def bell(self) -> None:
        self.bells += 1


def timer_app(tmp_path: Path, clock: FakeClock, *, with_case: bool = True,
                remembered: Remembered | None = None) -> BellApp:
    """The timer on the council's casebook, with `remembered` (fresh settings if None)."""
    book = casebook(tmp_path, side="council")
    if with_case:
        case = book.case
        case.add(book.debate, "room-saves-lives")
        case.attach(book.debate, "room-saves-lives", "save-lives")
        book.save()
    if remembered is None:
        remembered = Remembered(tmp_path / "data", lambda text: None)
    settings = remembered
    return BellApp(lambda: TimerScreen(book, load_formats(tmp_path / "data"), settings,
                                       clock))


async def test_the_student_chooses_format_and_speech_then_times_it(tmp_path):
    clock = FakeClock()
    app = timer_app(tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Which format is the debate?" in screen_text(app)
        await pilot.press("enter")  # British Parliamentary, the first offered
        await pilot.pause()
        assert "Which speech is yours?" in screen_text(app)
        await pilot.press("down", "down", "down", "down", "enter")  # Member of the Government
        await pilot.pause()
        text = screen_text(app)
        assert "Speech timer · British Parliamentary · your speech: Member of the Government" \
            in text
        assert "▶  5.  7:00  Member of the Government  ← you" in text
        assert "1.  7:00  Prime Minister" in text and "8.  7:00  Opposition Whip" in text
        assert "Now: Member of the Government (Closing Government)" in text
        assert "Ready: space starts the clock" in text
        assert "Protected time: points of information from 1:00." in text
        # beside it, the case in speaking order with the evidence ticked
        assert "Your case, in speaking order" in text
        assert "1. A supervised room saves lives." in text
        assert "“It will save lives,”" in text
        await pilot.press("space")
        clock.now += 61
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Points of information open, until 6:00." in text
        assert "Time left · running" in text and app.bells == 1
        clock.now += 300
        await pilot.pause(0.3)
        assert "Protected time: no more points of information." in screen_text(app)
        assert app.bells == 2
        clock.now += 65
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Time's up: 7:00 gone." in text
        assert "Over by 0:06: finish your sentence." in text
        assert app.bells == 3
        await pilot.press("space")  # pause
        await pilot.pause()
        assert "Over time · paused" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "Now: Member of the Opposition (Closing Opposition)" in text
        assert "Time's up" not in text
    saved, _ = SettingsFile(tmp_path / "data").load()
    assert (saved.timer_format, saved.timer_speech) == ("british-parliamentary", 4)


async def test_the_format_and_speech_are_remembered_and_reset_starts_again(tmp_path):
    clock = FakeClock()
    remembered = Remembered(tmp_path / "data", lambda text: None)
    remembered.change(timer_format="lincoln-douglas", timer_speech=2)
    app = timer_app(tmp_path, clock, with_case=False, remembered=remembered)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Which format" not in text
        assert "Now: Negative Constructive (NC) (Negative)" in text
        assert "No points of information in this speech." in text
        assert "Prep left: Affirmative 4:00 · Negative 4:00" in text
        assert "Nothing in your case yet." in text
        await pilot.press("space")
        clock.now += 20
        await pilot.press("r")
        await pilot.pause()
        assert "Ready: space starts the clock" in screen_text(app)
        await pilot.press("P")  # prep for the next team with prep time, the negative
        clock.now += 30
        await pilot.pause(0.3)
        assert "Negative 3:30 (running)" in screen_text(app)


async def test_reached_from_the_debate_the_case_and_the_palette(isolated_home):
    app = make_app(GOOD_PACK)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await pilot.pause()
        assert "Which format is the debate?" in screen_text(app)
        await pilot.press("escape")  # no format chosen: the first is shown
        await pilot.pause()
        assert "Speech timer · British Parliamentary" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("escape")  # the side dialog
        await pilot.press("T")
        await pilot.pause()
        assert "Speech timer · British Parliamentary" in screen_text(app)
        await pilot.press("escape")  # back to the case
        await pilot.pause()
        assert "Your case" in screen_text(app)

        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"speech timer")
        await pilot.pause(0.3)
        assert "Speech timer" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Speech timer · British Parliamentary" in screen_text(app)


async def test_a_teachers_broken_format_is_named_with_its_line_and_the_rest_work(tmp_path):
    folder = tmp_path / "data" / "formats"
    folder.mkdir(parents=True)
    (folder / "year-9.yaml").write_text("name: Year 9\nspeeches:\n  - {name: A, time: 99}\n",
                                        encoding="utf-8")
    clock = FakeClock()
    app = timer_app(tmp_path, clock, with_case=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.told[0] == ("Some timer formats could not be read:\n"
                               f"{folder / 'year-9.yaml'}:3:21: 'time' should be minutes and "
                               "seconds such as 7:00 or 4 (at most 60 minutes)", "warning")
        assert "Which format is the debate?" in screen_text(app)
        assert "Year 9" not in screen_text(app) and "World Schools" in screen_text(app)


async def test_at_80x24_the_case_has_half_the_width_and_the_keys_still_work(tmp_path):
    clock = FakeClock()
    app = timer_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter", "enter")  # World Schools, the first speech
        await pilot.pause()
        text = screen_text(app)
        assert "▶  1. First Proposition  ← you" in text  # no durations below 100 columns
        assert "│ 1. A supervised room saves lives." in text
        assert "“It will save lives,”" in text
        await pilot.press("p")  # nothing before the first speech: it stays
        await pilot.press("end", "enter")  # the list: the last speech, a reply
        await pilot.pause()
        text = screen_text(app)
        assert "▶  8. Proposition Reply" in text
        assert "No points of information in this" in text  # wrapped at 40 columns
        await pilot.press("space")
        clock.now += 250
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Over time · running (space pauses)" in text
        assert "Time's up: 4:00 gone." in text and app.bells == 1


async def test_the_case_beside_the_timer_follows_changes_made_in_the_case(isolated_home):
    app = make_app(GOOD_PACK)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")  # the side first
        await pilot.pause()
        await pilot.press("enter")  # the council; its first argument is added
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("escape")  # no format chosen: the first
        await pilot.pause()
        assert "1. A supervised room saves lives." in screen_text(app)
        await pilot.press("C")  # the case, over the timer
        await pilot.pause()
        await pilot.press("x")  # removed
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Speech timer" in text and "Nothing in your case yet." in text
        assert "A supervised room saves lives." not in text


async def test_a_remembered_speech_past_the_formats_end_is_not_chosen(tmp_path):
    """The format's file lost speeches since it was remembered: the timer still opens."""
    remembered = Remembered(tmp_path / "data", lambda text: None)
    remembered.change(timer_format="lincoln-douglas", timer_speech=99)
    app = timer_app(tmp_path, FakeClock(), with_case=False, remembered=remembered)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "your speech: not chosen (s)" in text
        assert "← you" not in text
