"""A source in the editor: move a caret through the article, select a passage by words
and sentences, and make it a quote (or a fact from a figure in it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from tui.core.authoring.session import Session
from tui.core.controls import visible

from ..text import plural, shorten
from ..widgets.passage_picker import PassagePicker
from .editor import EditorView


class PassageScreen(EditorView):
    CSS_PATH = "editor.tcss"
    BINDINGS = [
        Binding("v,space", "start", "Select"),
        Binding("right,l", "word(1)", "Next word, or grow by a word", show=False),
        Binding("left,h", "word(-1)", "Previous word, or shrink by a word", show=False),
        Binding("right_parenthesis,full_stop", "sentence(1)",
                "Next sentence, or grow to the sentence's end", key_display=")", show=False),
        Binding("left_parenthesis", "sentence(-1)",
                "Previous sentence, or shrink by a sentence", key_display="(", show=False),
        Binding("down,j", "line(1)", "Line down", show=False),
        Binding("up,k", "line(-1)", "Line up", show=False),
        Binding("n", "next_quote(1)", "Next quote", show=False),
        Binding("N", "next_quote(-1)", "Previous quote", key_display="N", show=False),
        Binding("enter", "quote", "Make quote"),
        Binding("f", "fact", "Fact"),
        Binding("escape", "cancel", "Cancel / back"),
    ]

    def __init__(self, session: Session, source_id: str) -> None:
        super().__init__(session)
        self.source_id = source_id

    def compose(self) -> ComposeResult:
        source = self.session.debate.sources[self.source_id]
        yield Static(Text.assemble((visible(source.headline), "bold"), "\n",
                                   (visible(f"{source.outlet} · {source.file}"), "dim")),
                     id="editor-source-head")
        yield PassagePicker(source.text, self._quoted(), id="picker")
        yield Static(id="selection-info")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(PassagePicker).focus()
        self._show()

    def _quoted(self) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.session.debate.quotes_in(self.source_id)]

    @property
    def picker(self) -> PassagePicker:
        return self.query_one(PassagePicker)

    def pack_changed(self) -> None:
        if self.source_id not in self.session.debate.sources:
            self.dismiss()
            return
        self.picker.set_quoted(self._quoted())
        self._show()

    def _show(self) -> None:
        self.picker.changed()
        selection = self.picker.selection
        info = self.query_one("#selection-info", Static)
        if selection.active:
            words = selection.word_count()
            info.update(Text.assemble(
                ("┃ Selected ", "bold"), (f"{plural(words, 'word')}: ", "bold"),
                visible(shorten(" ".join(selection.selected.split()),
                                max(self.app.size.width - 26, 20))),
                ("\nEnter: quote · f: fact · ) →: grow · ( ←: shrink · Escape: cancel", "dim")))
        else:
            caret = selection.caret_span
            word = selection.text[caret[0]:caret[1]] if caret else ""
            info.update(Text.assemble(
                ("▶ ", "bold"), (visible(shorten(word, 20)), "bold reverse"), "  ",
                "Move with ← → (words), ( ) (sentences), ↑ ↓ (lines); ",
                ("v", "bold"), " or ", ("space", "bold"), " starts a selection at the caret.",
                ("\nUnderlined: passages already quoted (n jumps to the next).", "dim")))

    # -- moving and selecting ------------------------------------------------------------

    def action_start(self) -> None:
        self.picker.selection.start()
        self._show()

    def action_word(self, step: int) -> None:
        selection = self.picker.selection
        if not selection.active:
            selection.move_words(step)
        elif step > 0:
            selection.extend_word()
        else:
            selection.shrink_word()
        self._show()

    def action_sentence(self, step: int) -> None:
        selection = self.picker.selection
        if not selection.active:
            selection.move_sentences(step)
        elif step > 0:
            selection.extend_sentence()
        else:
            selection.shrink_sentence()
        self._show()

    def action_line(self, step: int) -> None:
        selection = self.picker.selection
        anchor = selection.anchor
        selection.move_to(self.picker.line_offsets(step))
        if anchor is not None:  # a selection grows to the line's first word, never before
            selection.caret = max(selection.caret, anchor)
        self._show()

    def action_next_quote(self, step: int) -> None:
        caret = self.picker.selection.caret_span
        starts = sorted(start for start, _end in self._quoted())
        if not starts or caret is None:
            self.notify("No passage of this source is quoted yet.", severity="warning")
            return
        ahead = [s for s in starts if (s > caret[0] if step > 0 else s < caret[0])]
        target = (ahead[0] if step > 0 else ahead[-1]) if ahead else starts[0 if step > 0 else -1]
        self.picker.selection.cancel()
        self.picker.selection.move_to(target)
        self._show()

    def action_cancel(self) -> None:
        if self.picker.selection.active:
            self.picker.selection.cancel()
            self._show()
        else:
            self.dismiss()

    # -- making quotes and facts -----------------------------------------------------------

    def _span(self) -> tuple[int, int] | None:
        span = self.picker.selection.span
        if span is None:
            self.notify("Select a passage first: v (or space) starts a selection at the caret.",
                        severity="warning")
        return span

    def action_quote(self) -> None:
        span = self._span()
        if span is None:
            return
        passage = self.picker.selection.selected

        async def flow() -> None:
            if await self.flows.make_quote(self.source_id, *span, passage):
                self.picker.selection.cancel()

        self.start_flow(flow)

    def action_fact(self) -> None:
        span = self._span()
        if span is None:
            return
        passage = self.picker.selection.selected

        async def flow() -> None:
            within = next((q.id for q in self.session.debate.quotes_in(self.source_id)
                           if q.start <= span[0] and span[1] <= q.end), None)
            if within is None:  # a fact cites a quote: make the passage one first
                within = await self.flows.make_quote(self.source_id, *span, passage)
            if within is not None:
                await self.flows.fact(within, passage)
                self.picker.selection.cancel()

        self.start_flow(flow)
