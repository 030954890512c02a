"""The editor's conversations: the questions a change needs, asked one dialog at a time,
and the change made through the authoring core (which checks it with the validator).

A refused change is told to the teacher in the validator's own words; nothing is
written then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.screen import ModalScreen, Screen

from tui.core.authoring import operations as op
from tui.core.authoring.selection import figures
from tui.core.authoring.session import Refused, Session
from tui.core.pack.model import Argument

from ..text import shorten
from .editor_dialogs import ChoiceDialog, FormDialog, choice

Result = TypeVar("Result")
NEW = "+new"
NONE = "-"

# What the teacher may change of each kind of record, as (key, label).
EDITABLE: dict[str, list[tuple[str, str]]] = {
    "pack": [("title", "Title"), ("motion", "Motion"), ("summary", "Summary, in your words"),
             ("background", "Background (optional)")],
    "positions": [("name", "Name"), ("label", "Label (a word or two)"),
                  ("stance", "Stance, in a sentence")],
    "sources": [("outlet", "Outlet: who published it"), ("headline", "Headline, in your words"),
                ("date", "Date (YYYY-MM-DD), if known"),
                ("approximate_date", "Or an approximate date"),
                ("date_reason", "What in the text dates it (with an approximate date)")],
    "speakers": [("name", "Name"), ("role", "Role at the time"),
                 ("organisation", "Organisation at the time")],
    "quotes": [("kind", "Kind: direct or reported"), ("note", "Note, in your words")],
    "arguments": [("claim", "Claim, in one sentence"), ("summary", "Summary, in your words")],
    "facts": [("what", "What is counted"), ("value", "The figure (digits only)"),
              ("unit", "Unit"), ("qualifier", "Qualifier (about, more than)"),
              ("year", "Year or period"), ("place", "Place")],
    "themes": [("name", "Name"), ("description", "Description")],
}


def number(text: str) -> int | float | None:
    written = text.replace(",", "").strip()
    try:
        return int(written)
    except ValueError:
        try:
            return float(written)
        except ValueError:
            return None


class Flows:
    """Asks, then changes the pack; every method answers what it made, or None."""

    def __init__(self, screen: Screen[Any], session: Session) -> None:
        self.screen = screen
        self.session = session

    @property
    def debate(self):  # type: ignore[no-untyped-def]
        return self.session.debate

    async def ask(self, dialog: ModalScreen[Result | None]) -> Result | None:
        return await self.screen.app.push_screen_wait(dialog)

    def attempt(self, change: Callable[..., Result], *args: Any) -> Result | None:
        """Make the change, or tell the teacher why it was refused."""
        try:
            result = change(self.session, *args)
        except Refused as refused:
            self.screen.app.bell()
            self.screen.notify(f"Not changed: {refused}", severity="error", timeout=15)
            return None
        self.screen.notify(f"Saved: {self.session.steps[-1].what}" if self.session.steps
                           else "Saved.", timeout=3)
        return result if result is not None else True  # type: ignore[return-value]

    # -- quotes ---------------------------------------------------------------------

    async def make_quote(self, source_id: str, start: int, end: int, passage: str) -> str | None:
        speaker = await self.pick_speaker()
        if speaker is None:
            return None
        direct = any(mark in passage for mark in "\"“”")
        kind = await self.ask(ChoiceDialog(
            "Are these the speaker's own words?",
            [choice("Direct: their own words, as quoted", "direct"),
             choice("Reported: the article's account of what they said", "reported")],
            highlight="direct" if direct else "reported"))
        if kind is None:
            return None
        quote_id = self.attempt(op.add_quote, source_id, start, end, speaker, kind)
        if quote_id is None:
            return None
        position = self.debate.speakers[speaker].position
        await self.attach(str(quote_id), position)
        return str(quote_id)

    async def pick_speaker(self) -> str | None:
        options = [choice("+ Add a speaker", NEW)]
        options += [choice(s.name, s.id, f"{s.role}, {s.organisation}")
                    for s in self.debate.speakers.values()]
        answer = await self.ask(ChoiceDialog("Who says this?", options))
        if answer == NEW:
            return await self.new_speaker()
        return answer

    async def new_speaker(self) -> str | None:
        form = await self.ask(FormDialog("A new speaker, as the article names them", [
            ("name", "Name", ""), ("role", "Role at the time", ""),
            ("organisation", "Organisation at the time", "")]))
        if not form or not form["name"]:
            return None
        options = [choice(p.name, p.id) for p in self.debate.positions.values()]
        options.append(choice("Neither side", NONE))
        position = await self.ask(ChoiceDialog(f"Which side does {form['name']} speak for?",
                                               options))
        if position is None:
            return None
        made = self.attempt(op.add_speaker, form["name"], form["role"], form["organisation"],
                            None if position == NONE else position)
        return str(made) if made else None

    async def attach(self, quote_id: str, position: str | None) -> None:
        """Attach a quote to an argument (a new one, or one of the pack's); choosing an
        argument that already cites it stops it citing it."""
        arguments = sorted(self.debate.arguments.values(), key=lambda a: a.position != position)
        citing = {a.id for a in self.debate.citing(quote_id)}
        options = [choice("+ Add an argument carried by this quote", NEW),
                   choice("Leave it as it is", NONE)]
        options += [self._argument_option(a, "✓ cites it; choose to stop " if a.id in citing
                                          else "") for a in arguments]
        # The speaker's side's first argument not citing it yet; else a new one, never
        # the other side's by default.
        first = next((a.id for a in arguments
                      if a.id not in citing and a.position == position), NEW)
        answer = await self.ask(ChoiceDialog("Which argument does this quote carry?", options,
                                             highlight=first))
        if answer == NEW:
            await self.new_argument([quote_id], position)
        elif answer in citing:
            self.attempt(op.detach_quote, answer, quote_id)
        elif answer not in (None, NONE):
            self.attempt(op.attach_quote, answer, quote_id)

    def _argument_option(self, argument: Argument, mark: str = "") -> Any:
        position = self.debate.positions[argument.position]
        return choice(f"{mark}{position.label}: {argument.claim}", argument.id)

    # -- arguments --------------------------------------------------------------------

    async def new_argument(self, quotes: list[str], position: str | None = None) -> str | None:
        side = await self.ask(ChoiceDialog(
            "Which side makes this argument?",
            [choice(p.name, p.id) for p in self.debate.positions.values()],
            highlight=position or ""))
        if side is None:
            return None
        known = ", ".join(t.name for t in self.debate.themes.values()) or "none yet"
        form = await self.ask(FormDialog("A new argument", [
            ("claim", "Claim: the argument in one sentence", ""),
            ("summary", "Summary, in your own words", ""),
            ("themes", f"Themes, separated by commas; new ones are added (now: {known})", "")]))
        if not form:
            return None
        themes = self._themes(form["themes"])
        if themes is None:
            return None
        made = self.attempt(op.add_argument, side, form["claim"], form["summary"], themes,
                            quotes)
        return str(made) if made else None

    def _themes(self, written: str) -> list[str] | None:
        """Theme ids for names written by the teacher, adding the new ones."""
        ids: list[str] = []
        by_name = {t.name.casefold(): t.id for t in self.debate.themes.values()}
        for name in (n.strip() for n in written.split(",")):
            if not name:
                continue
            known = by_name.get(name.casefold()) or (name if name in self.debate.themes else None)
            if known is None:
                made = self.attempt(op.add_theme, name)
                if made is None:
                    return None
                known = str(made)
                by_name[name.casefold()] = known
            if known not in ids:
                ids.append(known)
        return ids

    async def link(self, argument_id: str) -> None:
        argument = self.debate.arguments[argument_id]
        others = sorted((a for a in self.debate.arguments.values() if a.id != argument_id),
                        key=lambda a: a.position == argument.position)
        if not others:
            self.screen.notify("There is no other argument to link to yet.", severity="warning")
            return
        target = await self.ask(ChoiceDialog(
            f"Link '{shorten(argument.claim, 60)}' to which argument?",
            [self._argument_option(a) for a in others]))
        if target is None:
            return
        same_side = self.debate.arguments[target].position == argument.position
        kinds = [choice("Supports it (the same side backs it up)", "supports")] if same_side else [
            choice("Rebuts it: the pack's pairing (you judge that it answers it)", "rebuts"),
            choice("Rebuts it: recorded in the sources (one side answers the other; choose "
                   "a quote of each side that shows it)", "recorded")]
        if target in argument.rebuts or target in argument.supports:
            kinds.append(choice("Remove the link", "unlink"))
        kind = await self.ask(ChoiceDialog("How are they linked?", kinds))
        if kind == "unlink":
            self.attempt(op.unlink, argument_id, target)
        elif kind == "recorded":
            quotes = await self.exchange_quotes(argument, self.debate.arguments[target])
            if quotes:
                self.attempt(op.link, argument_id, target, "rebuts", quotes)
        elif kind is not None:
            self.attempt(op.link, argument_id, target, kind)

    async def exchange_quotes(self, answer: Argument, answered: Argument) -> list[str] | None:
        """A quote of each side that shows the exchange: the answer's own quotes first."""
        chosen: list[str] = []
        for argument, question in ((answer, "Which words of {side} give the answer?"),
                                   (answered, "Which words of {side} does it answer?")):
            speakers = {s.id for s in self.debate.speakers.values()
                        if s.position == argument.position}
            quotes = sorted((q for q in self.debate.quotes.values() if q.speaker in speakers),
                            key=lambda q: q.id not in argument.quotes)
            if not quotes:
                self.screen.notify("No quote of that side yet: make one first.",
                                   severity="warning")
                return None
            side = self.debate.positions[argument.position].name
            picked = await self.ask(ChoiceDialog(question.format(side=side), [
                choice(shorten(q.text, 90), q.id, self.debate.speakers[q.speaker].name)
                for q in quotes]))
            if picked is None:
                return None
            chosen.append(picked)
        return chosen

    # -- facts ------------------------------------------------------------------------

    async def fact(self, quote_id: str, passage: str) -> None:
        found = sorted(figures(passage), key=lambda figure: not figure[1])  # a % first
        value, unit = (str(found[0][0]), found[0][1]) if found else ("", "")
        form = await self.ask(FormDialog("A fact from this figure", [
            ("what", "What is counted or measured", ""), ("value", "The figure (digits only)",
                                                          value),
            ("unit", "Unit (%, people, GBP ...)", unit),
            ("qualifier", "Qualifier (about, more than), if any", ""),
            ("year", "Year or period, if the source gives one", ""), ("place", "Place", "")]))
        if not form:
            return
        figure = number(form["value"])
        if figure is None:
            self.screen.notify(f"Not changed: the figure '{form['value']}' is not a number "
                               "(write digits only, like 4300 or 12.5)", severity="error")
            return
        self.attempt(op.add_fact, quote_id, form["what"], figure, form["unit"], form["year"],
                     form["place"], form["qualifier"])

    # -- any record -------------------------------------------------------------------

    async def remove(self, section: str, record_id: str, label: str) -> None:
        answer = await self.ask(ChoiceDialog(
            f"Remove {label}? (u undoes it)",
            [choice("Keep it", "keep"), choice("Remove it", "remove")]))
        if answer == "remove":
            self.attempt(op.remove, section, record_id)

    async def edit(self, section: str, record_id: str, label: str) -> None:
        record: Any = (self.debate.info if section == "pack"
                       else getattr(self.debate, section)[record_id])
        fields = EDITABLE[section]
        current = {key: "" if getattr(record, key, "") is None else str(getattr(record, key, ""))
                   for key, _label in fields}
        form = await self.ask(FormDialog(f"Edit {label} (an empty field is removed)",
                                         [(k, lab, current[k]) for k, lab in fields]))
        if not form:
            return
        changes: dict[str, Any] = {k: v for k, v in form.items() if v != current[k]}
        if "value" in changes:
            changes["value"] = number(changes["value"])
            if changes["value"] is None:
                self.screen.notify("Not changed: the figure is not a number", severity="error")
                return
        if changes:
            self.attempt(op.edit, section, record_id, changes)
