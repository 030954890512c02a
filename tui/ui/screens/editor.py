"""The editor's home: everything in the pack, to open, add to, link, edit or remove.

Every change goes through the authoring core, which checks it with the validator
before writing the pack's files; `u` undoes the last one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from tui.core.authoring.session import Session
from tui.core.controls import visible
from tui.core.pack.model import Argument, Debate

from ..text import argument_counts, data_text, plural, shorten, speaker_line
from ..widgets.lists import KeyList, heading
from .editor_flows import Flows

SINGULAR = {"pack": "the pack", "positions": "position", "sources": "source",
            "arguments": "argument", "quotes": "quote", "speakers": "speaker",
            "facts": "fact", "themes": "theme"}


def links(argument: Argument) -> str:
    """ " · rebuts x (recorded), y · supports z" """
    parts = []
    if argument.rebuts:
        parts.append("rebuts " + ", ".join(
            f"{t} (recorded)" if argument.exchange_with(t) else t for t in argument.rebuts))
    if argument.supports:
        parts.append("supports " + ", ".join(argument.supports))
    return "".join(f" · {visible(part)}" for part in parts)


class EditorView(Screen[None]):
    """A screen of the editor: it shows the pack again after a change or an undo."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.flows = Flows(self, session)
        self.busy = False

    def pack_changed(self) -> None:
        """The pack's files changed (an edit or an undo): show them as they are now."""

    def start_flow(self, flow: Callable[[], Awaitable[None]]) -> None:
        """Run one conversation at a time: a key pressed again before its first dialog
        is up (a fast typist) must not start a second one."""
        if self.busy:
            return
        self.busy = True

        async def run() -> None:
            try:
                await flow()
            finally:
                self.busy = False
                self.pack_changed()

        self.run_worker(run(), exit_on_error=False)


class EditorScreen(EditorView):
    """The pack's records, grouped; Enter on a source opens it to select passages."""

    CSS_PATH = "editor.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open / edit"),
        Binding("a", "add_argument", "Add argument"),
        Binding("l", "link", "Link / attach"),
        Binding("e", "edit", "Edit"),
        Binding("x,delete", "remove", "Remove"),
    ]

    _shown: Debate | None = None  # the debate the list shows (each change makes a new one)

    def compose(self) -> ComposeResult:
        yield Static(id="editor-head")
        yield KeyList(id="records")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.pack_changed()
        self.query_one(KeyList).focus()

    def on_screen_resume(self) -> None:
        self.pack_changed()

    def pack_changed(self) -> None:
        debate = self.session.debate
        if debate is self._shown:  # a dialog closed, or a flow cancelled: nothing to redraw
            return
        self._shown = debate
        head = Text.assemble(("Editing ", "bold"), (visible(str(self.session.folder)), "bold"),
                             " · every change is checked, then written to the pack's files",
                             style="")
        self.query_one("#editor-head", Static).update(head)
        records = self.query_one(KeyList)
        keep = records.highlighted_id()
        options: list[Option] = [heading("The pack", 1, ""),
                                 Option(data_text(debate.info.title), id="pack:")]
        options.append(heading("Positions", len(debate.positions), "none"))
        options += [Option(data_text(f"{p.name}{f' ({p.side})' if p.side else ''} — "
                                     f"{p.stance}"),
                           id=f"positions:{p.id}") for p in debate.positions.values()]
        options.append(heading("Sources: Enter to select passages", len(debate.sources),
                               "none"))
        options += [Option(Text.assemble(visible(f"{s.outlet}: {s.headline}"), (
            f"\n  {plural(len(debate.quotes_in(s.id)), 'quote')} · {visible(s.file)}", "dim")),
            id=f"sources:{s.id}") for s in debate.sources.values()]
        for position in debate.positions.values():
            arguments = debate.arguments_of(position.id)
            options.append(heading(f"Arguments of {visible(position.label)}", len(arguments),
                                   "none yet (a to add)"))
            options += [Option(Text.assemble(visible(a.claim), (
                f"\n  {argument_counts(debate, a)}{links(a)}", "dim")), id=f"arguments:{a.id}")
                for a in arguments]
        options.append(heading("Quotes", len(debate.quotes), "none yet: open a source"))
        options += [Option(Text.assemble((speaker_line(debate, q.speaker), "bold"), ": ",
                                         visible(shorten(q.text, 120)), (
            f" ({q.kind}, cited by {len(debate.citing(q.id))})", "dim")), id=f"quotes:{q.id}")
            for q in debate.quotes.values()]
        options.append(heading("Speakers", len(debate.speakers), "none yet"))
        options += [Option(Text(speaker_line(debate, s.id)), id=f"speakers:{s.id}")
                    for s in debate.speakers.values()]
        options.append(heading("Facts", len(debate.facts), "none yet: select a figure, f"))
        options += [Option(data_text(f"{f.what}: {f.figure}"), id=f"facts:{f.id}")
                    for f in debate.facts.values()]
        options.append(heading("Themes", len(debate.themes), "none yet"))
        options += [Option(data_text(t.name), id=f"themes:{t.id}")
                    for t in debate.themes.values()]
        records.set_options(options)
        if not (keep and records.highlight_id(keep)):
            records.highlight_id("pack:")  # the first record, not the heading above it

    def _current(self) -> tuple[str, str]:
        option = self.query_one(KeyList).highlighted_id() or ":"
        section, _, record_id = option.partition(":")
        return section, record_id

    def _label(self, section: str, record_id: str) -> str:
        return f"{SINGULAR.get(section, section)} '{record_id}'" if record_id else "the pack"

    @on(KeyList.OptionSelected)
    def _selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        section, record_id = self._current()
        if section == "sources":
            from .editor_source import PassageScreen

            if not self.session.debate.sources[record_id].text.strip():
                self.notify("This source has no article file in the pack (only its address), "
                            "so there is no passage to select.", severity="warning")
                return
            self.app.push_screen(PassageScreen(self.session, record_id))
        elif section:
            self.action_edit()

    def action_add_argument(self) -> None:
        section, record_id = self._current()
        position = record_id if section == "positions" else None

        async def flow() -> None:
            await self.flows.new_argument([], position)

        self.start_flow(flow)

    def action_link(self) -> None:
        """An argument: link it to another. A quote: attach it to an argument (or stop)."""
        section, record_id = self._current()
        if section == "quotes":
            speaker = self.session.debate.speakers[self.session.debate.quotes[record_id].speaker]
            self.start_flow(lambda: self.flows.attach(record_id, speaker.position))
        elif section == "arguments":
            self.start_flow(lambda: self.flows.link(record_id))
        else:
            self.notify("Highlight an argument (to link it to another) or a quote (to attach "
                        "it to an argument), then press l.", severity="warning")

    def action_edit(self) -> None:
        section, record_id = self._current()
        if section:
            self.start_flow(lambda: self.flows.edit(section, record_id,
                                                    self._label(section, record_id)))

    def action_remove(self) -> None:
        section, record_id = self._current()
        if section not in ("", "pack"):
            self.start_flow(lambda: self.flows.remove(section, record_id,
                                                      self._label(section, record_id)))
