"""The speech timer: the format's speeches in order, the time left in the one being given,
when points of information may be offered, and beside it the student's own case in
speaking order with the evidence they ticked. The clock is `tui.core.work.speech`;
each boundary it passes rings the bell and changes the words under the clock.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Footer, Static
from textual.widgets.option_list import Option

from tui.core.controls import visible
from tui.core.work.casebook import CaseBook
from tui.core.work.settings import Remembered
from tui.core.work.speech import Clock, Phase, SpeechTimer, describe
from tui.core.work.speech_format import Formats, SpeechFormat, clock

from ..text import data_text, quote_card
from ..widgets.lists import KeyList
from .base import ExplorerScreen
from .case_dialogs import ListDialog

TICK = 0.2  # seconds between looks at the clock: a second shown late by at most this
FLASH = 5.0  # seconds the words stay reversed after a boundary


class SpeechList(KeyList):
    """The format's speeches; Enter goes to the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Go to this speech", show=False)]


class TimerScreen(ExplorerScreen):
    CSS_PATH = "timer.tcss"
    OVER_EXPLORER = True
    # Below 100 columns the case gets half the width and the list drops its durations
    # (the clock shows the current one): the case is what the speaker reads from.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("space", "start_pause", "Start/pause", key_display="space"),
        Binding("n,right", "step(1)", "Next speech"),
        Binding("p,left", "step(-1)", "Previous", show=False),
        Binding("r", "reset", "Reset"),
        Binding("s", "choose_speech", "My speech"),
        Binding("F", "choose_format", "Format", key_display="F"),
        Binding("P", "prep", "Prep time", key_display="P"),
        Binding("escape,backspace", "close", "Back"),
    ]

    def __init__(self, casebook: CaseBook, formats: Formats, remembered: Remembered,
                 now: Clock | None = None) -> None:
        super().__init__()
        self.casebook = casebook
        self.debate = casebook.debate
        self.formats = formats
        self.remembered = remembered
        self._now = now
        settings = remembered.settings
        chosen = formats.get(settings.timer_format)
        # the student's speech; one past the format's end (its file lost speeches since)
        # is not chosen, rather than a crash on opening
        self.mine = (settings.timer_speech
                     if chosen and settings.timer_speech < len(chosen.speeches) else None)
        self.timer = self._timer_for(chosen or formats.formats[0], self.mine or 0)
        self._chosen = chosen is not None
        self._flash = 0.0  # seconds the changed words stay reversed

    def _timer_for(self, speech_format: SpeechFormat, index: int) -> SpeechTimer:
        return (SpeechTimer(speech_format, self._now, index) if self._now
                else SpeechTimer(speech_format, index=index))

    def compose(self) -> ComposeResult:
        yield Static(id="timer-head")
        with Horizontal(id="timer-body"):
            with Vertical(id="timer-left"):
                yield SpeechList(id="speech-order")
                yield Static(id="timer-now")
                yield Digits(id="timer-clock")
                yield Static(id="timer-state")
                yield Static(id="timer-points")
                yield Static(id="timer-prep")
            with VerticalScroll(id="timer-case"):
                yield Static(id="timer-case-text")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show_order()
        self._show_case()
        self._show_clock()
        self.query_one("#speech-order", KeyList).focus()
        self.set_interval(TICK, self._tick)
        if self.formats.problems:
            self.notify("Some timer formats could not be read:\n" + "\n".join(
                str(p) for p in self.formats.problems[:3]), severity="warning", timeout=15)
        if not self._chosen:
            self.action_choose_format()

    # -- showing ------------------------------------------------------------------

    def _show_order(self) -> None:
        speech_format = self.timer.format
        self.query_one("#timer-head", Static).update(Text.assemble(
            ("Speech timer · ", "bold"), data_text(speech_format.name, "bold"),
            data_text(f" · your speech: {speech_format.speeches[self.mine].name}"
                      if self.mine is not None else " · your speech: not chosen (s)")))
        order = self.query_one("#speech-order", KeyList)
        order.clear_options()
        for number, speech in enumerate(speech_format.speeches):
            current = number == self.timer.index
            row = Text("▶ " if current else "  ", style="bold")
            narrow = self.app.size.width < 100
            row.append(f"{number + 1:>2}. " if narrow
                       else f"{number + 1:>2}. {clock(speech.seconds):>5}  ")
            row.append(data_text(speech.name, "bold" if current else ""))
            if number == self.mine:
                row.append("  ← you", style="bold")
            order.add_option(Option(row, id=str(number)))
        order.highlighted = self.timer.index

    def _show_clock(self) -> None:
        timer, speech = self.timer, self.timer.speech
        left = timer.left
        shown = clock(int(-left)) if left < 0 else clock(int(left + 0.999))
        side = f" ({speech.side})" if speech.side else ""
        now = Text.assemble(("Now: ", "bold"), data_text(f"{speech.name}{side}"))
        what = "Over time" if left < 0 else "Time left"
        state = (f"{what} · running (space pauses)" if timer.running
                 else f"{what} · paused (space goes on)" if timer.elapsed
                 else "Ready: space starts the clock")
        self.query_one("#timer-state", Static).update(state)
        self.query_one("#timer-now", Static).update(now)
        self.query_one("#timer-clock", Digits).update(("+" if left < 0 else "") + shown)
        self.query_one("#timer-points", Static).update(self._points_line())
        self.query_one("#timer-prep", Static).update(self._prep_line())

    def _points_line(self) -> Text:
        """What the room may do now; bold and reversed for a while after it changed, as
        the bell rings, so the change is seen without colour."""
        timer = self.timer
        line = Text(describe(timer.speech, timer.elapsed),
                    style="bold reverse" if self._flash > 0 else "bold")
        if timer.phase is Phase.TIME_UP:
            line.append(f" Over by {clock(int(-timer.left))}: finish your sentence.")
        return line

    def _prep_line(self) -> Text:
        if not self.timer.prep:
            return Text("")
        line = Text("Prep left: ", style="bold")
        running = self.timer.prep_running
        for number, (team, countdown) in enumerate(self.timer.prep.items()):
            if number:
                line.append(" · ")
            left = int(countdown.left + 0.999)
            line.append(visible(f"{team} {clock(left)}" if left > 0 else f"{team}: none left"),
                        style="bold reverse" if left <= 0 and team == running else "")
            if team == running:
                line.append(" (running)", style="bold")
        return line.append("  P: prep", style="dim")

    def _show_case(self) -> None:
        case, debate = self.casebook.case, self.debate
        parts: list[Text | Padding] = [Text("Your case, in speaking order",
                                            style="bold underline")]
        if not case.entries:
            parts.append(Text("\nNothing in your case yet. Press C to build it, then come "
                              "back (T): your arguments and their evidence will be here."))
        for number, entry in enumerate(case.entries, 1):
            argument = debate.arguments.get(entry.argument)
            claim = argument.claim if argument else f"(no longer in the pack: {entry.argument})"
            parts.append(Padding(Text.assemble(f"{number}. ", data_text(claim)),
                                 (1, 0, 0, 0), style="bold"))
            parts += [Padding(quote_card(debate, debate.quotes[q]), (0, 0, 0, 3))
                      for q in entry.quotes if q in debate.quotes]
            if entry.notes.strip():
                parts.append(Padding(data_text(f"Notes: {entry.notes.strip()}", "dim"),
                                     (0, 0, 0, 3)))
        self.query_one("#timer-case-text", Static).update(Group(*parts))

    def on_resize(self) -> None:
        self._show_order()

    def on_screen_resume(self) -> None:
        self._show_case()  # back from the case (C), with what the student changed there

    # -- the clock --------------------------------------------------------------------

    def _tick(self) -> None:
        if self.timer.signals():
            self._flash = FLASH
            self.app.bell()  # heard without looking; the words change with it
        else:
            self._flash -= TICK
        self._show_clock()

    # -- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "prep":
            return bool(self.timer.prep)
        return True

    def action_start_pause(self) -> None:
        self.timer.toggle()
        self._show_clock()

    def action_reset(self) -> None:
        self.timer.reset()
        self._flash = 0.0
        self._show_clock()

    def action_step(self, step: int) -> None:
        self._go(self.timer.index + step)

    def _go(self, index: int) -> None:
        self.timer.go_to(index)
        self._flash = 0.0
        self._show_order()
        self._show_clock()

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self._go(int(event.option_id))

    def action_prep(self) -> None:
        team = self.timer.prep_team()
        if team is not None:
            self.timer.toggle_prep(team)
            self._show_clock()

    def action_choose_format(self) -> None:
        options = [Option(Text.assemble(data_text(f.name, "bold"), "\n",
                                        data_text(f.about, "dim")), id=f.id)
                   for f in self.formats.formats]
        self.app.push_screen(ListDialog("Which format is the debate? (Enter chooses, "
                                        "Escape cancels)", options), self._format_chosen)

    def _format_chosen(self, format_id: str | None) -> None:
        speech_format = self.formats.get(format_id or "")
        if speech_format is None:
            return
        self.timer = self._timer_for(speech_format, 0)
        self.mine = None
        self.remembered.change(timer_format=speech_format.id)
        self._flash = 0.0
        self._show_order()
        self._show_clock()
        self.action_choose_speech()

    def action_choose_speech(self) -> None:
        options = [Option(data_text(f"{n + 1}. {s.name}" + (f" ({s.side})" if s.side else "")
                                    + f"  {clock(s.seconds)}"), id=str(n))
                   for n, s in enumerate(self.timer.format.speeches)]
        self.app.push_screen(ListDialog("Which speech is yours? (Enter chooses)", options),
                             self._speech_chosen)

    def _speech_chosen(self, index: str | None) -> None:
        if index is None:
            return
        self.mine = int(index)
        self.remembered.change(timer_format=self.timer.format.id, timer_speech=self.mine)
        self._go(self.mine)

    def action_close(self) -> None:
        self.dismiss()
