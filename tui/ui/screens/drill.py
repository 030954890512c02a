"""Rebuttal drill: the other side's arguments one card at a time. The student
answers (in writing or in their head), reveals the pack's answers and marks how
they did; the marks are saved with the case, so progress carries over."""

from __future__ import annotations

import random

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from tui.core.controls import visible
from tui.core.pack.model import Argument
from tui.core.wording import plural, side_word
from tui.core.work import drill
from tui.core.work.case import CaseError, Kind
from tui.core.work.casebook import CaseBook, notify_through
from tui.core.work.settings import DrillPlace, Remembered
from tui.core.work.storage import pack_key

from ..text import data_text, quote_card
from .base import ExplorerScreen
from .case_background import TypingSaver, in_background
from .case_dialogs import SideDialog

SAVE_DELAY = 0.5  # seconds after the last key press in the draft
TIMERS = (0, 30, 60, 90, 120)  # seconds a card; 0 is no timer
MARK_KEYS = {"good": "1", "shaky": "2", "missed": "3"}


class DraftArea(TextArea):
    """The student's rebuttal; while they write, the footer offers to keep it."""

    BINDINGS = [Binding("ctrl+s", "screen.keep", "Keep as my rebuttal")]


class DrillScreen(ExplorerScreen):
    CSS_PATH = "drill.tcss"
    OVER_EXPLORER = True  # opening a place in the explorer closes it
    # The footer holds what fits at 80 columns; every key is in `?` and the palette.
    BINDINGS = [
        Binding("space", "reveal", "Reveal", key_display="space"),
        Binding("1", "mark('good')", "Got it"),
        Binding("2", "mark('shaky')", "Shaky"),
        Binding("3", "mark('missed')", "Missed"),
        Binding("w", "write", "Write"),
        Binding("t", "cycle_timer", "Timer"),
        Binding("r", "restart", "Practise again"),
        Binding("escape,backspace", "close", "Back"),
        Binding("ctrl+s", "keep", "Keep as my rebuttal", show=False),
        Binding("n,right", "step(1)", "Skip to the next card", show=False),
        Binding("p,left", "step(-1)", "Back to the previous card", show=False),
        Binding("o", "toggle_order", "Shuffle, or back in order", show=False),
        Binding("f", "toggle_needing", "Only cards that need work, or all", show=False),
        Binding("slash", "app.search", "Search", key_display="/", show=False),
    ]

    def __init__(self, casebook: CaseBook, order: str = "in order", seed: int | None = None,
                 seconds: int = 0, only_needing_work: bool = False,
                 remembered: Remembered | None = None, second: float = 1.0) -> None:
        super().__init__()
        self.casebook = casebook
        self.debate = casebook.debate
        self.order, self.seed, self.seconds = order, seed, seconds
        self.only_needing_work = only_needing_work
        # Where the last drill on this pack stopped: its order, filter, timer and card.
        self.remembered = remembered
        self._pack = pack_key(casebook.debate.folder) if remembered else ""
        self._resume_at = ""
        place = remembered.drill_place(self._pack) if remembered else None
        if place is not None and place.order in drill.ORDERS:
            self.order, self.only_needing_work = place.order, place.only_needing_work
            self.seconds = place.seconds if place.seconds in TIMERS else 0
            self.seed = place.seed if place.order == "shuffled" else seed
            self._resume_at = place.card
        self._dealt_seed = 0
        self.cards: list[Argument] = []
        self.index = 0
        self.revealed = False
        self.remaining = 0
        self.second = second  # how long a second of the countdown lasts (tests slow it)
        self._ticker: Timer | None = None
        self._message = ""  # on the status line, beside the countdown
        self._message_timer: Timer | None = None
        self.typing = TypingSaver(self, casebook, lambda: SAVE_DELAY)  # the draft

    def compose(self) -> ComposeResult:
        yield Static(id="drill-head")
        yield Static(id="drill-progress")
        with VerticalScroll(id="drill-card"):
            yield Static(id="card-text")
            yield Static(id="answers")
        # The drill's own messages are a line of the screen, beside the countdown: a
        # notification in the corner covered the draft box and its hint (issue 14, bug 7).
        with Horizontal(id="drill-status"):
            yield Static(id="drill-message")
            yield Static(id="countdown")
        yield DraftArea(id="draft", soft_wrap=True, tab_behavior="focus",
                       placeholder="Your rebuttal: press w to write it here, or think it "
                                   "through. ctrl+s keeps what you wrote as your plan.")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if not self.casebook.connected:  # shown on its own (tests): tell through this app
            self.casebook.connect(notify_through(self.app))
        in_background(self.app, self.casebook)
        if self.casebook.case.side is None:
            self.app.push_screen(SideDialog(self.debate), self._side_chosen)
        else:
            self._deal()

    def _side_chosen(self, position_id: str | None) -> None:
        if position_id is None:
            self.dismiss()
            return
        self.casebook.choose_side(position_id)
        self._deal()

    # -- the deck -------------------------------------------------------------------

    def _deal(self) -> None:
        """A fresh round with the current settings."""
        seed = self.seed if self.seed is not None else random.randrange(2**32)
        self._dealt_seed = seed
        try:
            self.cards = drill.deck(self.debate, self.casebook.case, self.order, seed,
                                    self.only_needing_work)
        except CaseError as error:
            self.notify(str(error), severity="warning")
            self.cards = []
        ids = [card.id for card in self.cards]
        self.index = ids.index(self._resume_at) if self._resume_at in ids else 0
        if self._resume_at:  # resumed once; a new round after this starts afresh
            self._resume_at = ""
            self.seed = None if self.remembered else self.seed
        self._show_card()

    def _remember_place(self) -> None:
        if self.remembered is not None:
            card = self.card
            self.remembered.change_drill(self._pack, DrillPlace(
                self.order, self._dealt_seed, self.only_needing_work,
                card.id if card else "", self.seconds))

    @property
    def card(self) -> Argument | None:
        return self.cards[self.index] if self.index < len(self.cards) else None

    def _show_card(self) -> None:
        self._remember_place()
        self._stop_timer()
        if self._message_timer is None and self._message:  # a message for the last card
            self._clear_message()
        self.typing.flush()
        self.revealed = False
        self.refresh_bindings()
        self.query_one("#answers", Static).update("")
        card = self.card
        draft = self.query_one("#draft", TextArea)
        # What the student wrote on this card before is back: drafts are theirs.
        draft.load_text(visible(self.casebook.case.drafts.get(card.id, "")) if card else "")
        self._show_head()
        if card is None:
            draft.display = False
            self.query_one("#card-text", Static).update(self._round_summary())
            self.query_one("#countdown", Static).update("")
            return
        draft.display = True
        position = self.debate.positions[card.position]
        # No verb: "says" would not agree with every position's name.
        on_motion = f" ({position.on_motion})" if position.on_motion else ""
        text = Text.assemble(data_text(f"{position.name}{on_motion}", "dim"), "\n")
        text.append(data_text(card.claim, "bold"))
        text.append(data_text(f"\n\n{card.summary}"))
        for quote_id in card.quotes:
            if quote_id in self.debate.quotes:
                text.append("\n\n")
                text.append(quote_card(self.debate, self.debate.quotes[quote_id]))
        self.query_one("#card-text", Static).update(text)
        # Every card starts at its claim, wherever the last one was scrolled to.
        self.query_one("#drill-card", VerticalScroll).scroll_home(animate=False)
        if self.seconds:
            self.remaining = self.seconds
            self._ticker = self.set_interval(self.second, self.tick)
        self._show_countdown()

    def _show_head(self) -> None:
        settings = [self.order, "needing work only" if self.only_needing_work else "all cards",
                    f"{self.seconds} s a card" if self.seconds else "no timer"]
        where = (f"Card {self.index + 1} of {len(self.cards)}" if self.card
                 else f"{plural(len(self.cards), 'card')} done")
        self.query_one("#drill-head", Static).update(
            f"Drill · {' · '.join(settings)} · {where}")
        counts = drill.progress(self.debate, self.casebook.case).counts
        self.query_one("#drill-progress", Static).update(
            f"So far: {counts['good']} got it · {counts['shaky']} shaky · "
            f"{counts['missed']} missed · {counts['not yet']} not practised")

    def _round_summary(self) -> Text:
        progress = drill.progress(self.debate, self.casebook.case)
        if not self.cards:
            text = Text.assemble(("No cards to practise", "bold"))
            text.append(": every opposing argument is marked “got it”. Press f to practise "
                        "them all." if self.only_needing_work else ".")
            return text
        text = Text.assemble(("Round done.", "bold"))
        if not progress.needing_work:
            return text.append(" Every opposing argument is marked “got it”. Press r to go "
                               "through them all again, Escape to go back.")
        text.append("\n\nStill needs work:\n")
        for argument in progress.needing_work:
            text.append(data_text(f"• {argument.claim} "))
            text.append(f"({drill.status(self.casebook.case, argument.id)})\n", style="dim")
        return text.append("\nPress r to practise these again, Escape to go back.")

    # -- the draft, saved as typed ---------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        card = self.card
        case = self.casebook.case
        if card is None or case.drafts.get(card.id, "") == event.text_area.text:
            return  # the draft was only loaded
        case.set_draft(card.id, event.text_area.text)
        self.typing.typed()

    def on_unmount(self) -> None:
        self.typing.leave()  # leaving (or quitting) mid-sentence: the draft is saved

    # -- the countdown --------------------------------------------------------------

    def tick(self) -> None:
        """One second of the countdown; at zero the answers are revealed."""
        self.remaining = max(self.remaining - 1, 0)
        self._show_countdown()
        if self.remaining == 0:
            self.say("Time's up.")  # until the next card: it explains the revealed answers
            self.action_reveal()

    def _show_countdown(self) -> None:
        shown = (f"⏱ {self.remaining // 60}:{self.remaining % 60:02d}"
                 if self.seconds and self.card is not None and not self.revealed else "")
        self.query_one("#countdown", Static).update(shown)
        self._show_status()

    def _show_status(self) -> None:
        # No blank line when there is neither a timer nor a message.
        self.query_one("#drill-status").display = self.seconds > 0 or bool(self._message)

    def say(self, text: str, seconds: float | None = None) -> None:
        """A short message on the status line, for `seconds`, or (None) until the next
        message or card."""
        self._message = text
        self.query_one("#drill-message", Static).update(text)
        self._show_status()
        if self._message_timer is not None:
            self._message_timer.stop()
            self._message_timer = None
        if seconds is not None:
            self._message_timer = self.set_timer(seconds, self._clear_message)

    def _clear_message(self) -> None:
        self._message = ""
        self.query_one("#drill-message", Static).update("")
        self._show_status()

    def _stop_timer(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    # -- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that mean nothing at this moment leave the footer."""
        if action == "reveal":
            return self.card is not None and not self.revealed
        if action in ("mark", "write", "keep", "step"):
            return self.card is not None
        if action == "restart":
            return self.card is None and bool(self.cards)
        return True

    def action_reveal(self) -> None:
        card = self.card
        if card is None or self.revealed:
            return
        self._stop_timer()
        self.revealed = True
        case = self.casebook.case
        parts: list[Text | Padding] = []
        expected = case.expected.find(card.id)
        if expected and expected.rebuttal.strip():
            parts += [Text("Your planned rebuttal:", style="bold underline"),
                      data_text(expected.rebuttal.strip() + "\n")]
        answers = case.suggestions(self.debate, card.id)
        parts.append(Text(f"The pack's answers from your {side_word(len(self.debate.positions))}:",
                          style="bold underline"))
        if not answers:
            parts.append(Text("None in the pack: this one is yours to find."))
        for answer in answers:
            parts.append(data_text(f"\n• {answer.claim}", "bold"))
            parts += [Padding(quote_card(self.debate, self.debate.quotes[q]), (0, 0, 0, 4))
                      for q in answer.quotes if q in self.debate.quotes]
        parts.append(Text("\nHow did you do?  1 got it · 2 shaky · 3 missed", style="bold"))
        answers_panel = self.query_one("#answers", Static)
        answers_panel.update(Group(*parts))
        self._show_countdown()
        self.refresh_bindings()
        card_panel = self.query_one("#drill-card", VerticalScroll)
        if not isinstance(self.focused, TextArea):
            # Time's up while the student writes: their next keys still go to the
            # draft, never to the screen's keys (q would quit).
            card_panel.focus()
        # The answers start below the card; bring them into view once laid out.
        self.call_after_refresh(card_panel.scroll_to_widget, answers_panel, animate=False,
                                top=True)

    def action_mark(self, how: str) -> None:
        card = self.card
        if card is None:
            return
        if not self.revealed:
            self.say("Reveal the pack's answers first (space).", 3)
            return
        drill.mark(self.casebook.case, card.id, how)
        self.casebook.save()
        self.index += 1
        self._show_card()

    def action_step(self, step: int) -> None:
        if self.cards:
            kept = self.card is not None and self.card.id in self.casebook.case.drafts
            self.index = min(max(self.index + step, 0), len(self.cards))
            self._show_card()
            if kept:
                self.say("Your draft stays with the last card: it is there when you go "
                         "back. ctrl+s keeps it as your rebuttal.", 4)

    def action_write(self) -> None:
        if self.card is not None:
            self.query_one("#draft", TextArea).focus()

    def action_keep(self) -> None:
        """Keep the draft as the planned rebuttal: the student's own choice, never automatic."""
        card, text = self.card, self.query_one("#draft", TextArea).text.strip()
        if card is None or not text:
            self.say("Write a rebuttal first (w).", 3)
            return
        case = self.casebook.case
        case.add(self.debate, card.id, Kind.EXPECTED)
        case.expected.set_text(card.id, text)
        case.set_draft(card.id, "")  # kept: it is the rebuttal now, not a draft
        self.typing.forget()
        self.casebook.save()
        self.say("Kept as your planned rebuttal.", 3)

    def action_toggle_order(self) -> None:
        self.order = "shuffled" if self.order == "in order" else "in order"
        self._deal()

    def action_toggle_needing(self) -> None:
        self.only_needing_work = not self.only_needing_work
        self._deal()

    def action_cycle_timer(self) -> None:
        self.seconds = TIMERS[(TIMERS.index(self.seconds) + 1) % len(TIMERS)
                              if self.seconds in TIMERS else 0]
        self.say(f"Timer: {self.seconds} s a card." if self.seconds else "Timer off.", 2)
        self._remember_place()
        # The countdown starts again on this card; what the student wrote stays.
        self._stop_timer()
        self._show_head()
        if self.seconds and self.card is not None and not self.revealed:
            self.remaining = self.seconds
            self._ticker = self.set_interval(self.second, self.tick)
        self._show_countdown()

    def action_restart(self) -> None:
        """What still needs work, or every card once nothing does."""
        self.only_needing_work = bool(drill.progress(self.debate,
                                                     self.casebook.case).needing_work)
        self._deal()

    def action_close(self) -> None:
        if isinstance(self.focused, TextArea):
            self.query_one("#drill-card", VerticalScroll).focus()
            return
        self._stop_timer()
        self.dismiss()
