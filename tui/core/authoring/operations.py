"""The edits a teacher makes, each one change that the session checks, writes and can undo.

Every function drafts its change, commits it (or the session refuses it with the
validator's message) and returns the id of what it made where it made something.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tui.core.authoring.session import Draft, Refused, Session
from tui.core.pack.model import Argument

LINKS = ("rebuts", "supports")
_WORD = re.compile(r"[A-Za-z0-9]+")


def new_id(text: str, taken: set[str], words: int = 4) -> str:
    """A readable id from the first words of a text, unique among `taken`."""
    base = "-".join(w.lower() for w in _WORD.findall(text)[:words]) or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def quote_text(passage: str) -> str:
    """A passage as a quote's text: its line breaks and runs of spaces made one space
    (the validator matches either way)."""
    return " ".join(passage.split())


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "", [], ())}


def add_theme(session: Session, name: str) -> str:
    draft = session.draft()
    theme_id = new_id(name, draft.ids("themes"), 3)
    draft.append("themes", {"id": theme_id, "name": name.strip()})
    session.commit(draft, f"add theme '{name.strip()}'")
    return theme_id


def add_speaker(session: Session, name: str, role: str, organisation: str,
                position: str | None) -> str:
    draft = session.draft()
    speaker_id = new_id(name, draft.ids("speakers"), 3)
    draft.append("speakers", _clean({"id": speaker_id, "name": name.strip(), "role": role.strip(),
                                     "organisation": organisation.strip(),
                                     "position": position}))
    session.commit(draft, f"add speaker '{name.strip()}'")
    return speaker_id


def add_quote(session: Session, source_id: str, start: int, end: int, speaker: str,
              kind: str, note: str = "") -> str:
    """A quote of the passage [start, end) of a source, by a speaker, direct or reported."""
    source = session.debate.sources[source_id]
    text = quote_text(source.text[start:end])
    if not text:
        raise Refused("the selection holds no words")
    draft = session.draft()
    quote_id = new_id(text, draft.ids("quotes") | {q for q in session.debate.quotes}, 5)
    home = _home_of_quotes(session, draft, source_id)
    draft.append("quotes", _clean({"id": quote_id, "speaker": speaker, "source": source_id,
                                   "kind": kind, "text": text, "note": note}), home)
    session.commit(draft, f"quote '{quote_id}'")
    return quote_id


def _home_of_quotes(session: Session, draft: Draft, source_id: str) -> Path | None:
    """The file holding this source's quotes, so a pack kept one file per article stays so."""
    for quote in session.debate.quotes_in(source_id):
        try:
            return draft.file_of("quotes", quote.id)
        except Refused:
            continue
    return None


def add_argument(session: Session, position: str, claim: str, summary: str,
                 themes: list[str], quotes: list[str] = ()) -> str:  # type: ignore[assignment]
    draft = session.draft()
    argument_id = new_id(claim, draft.ids("arguments"), 5)
    draft.append("arguments", _clean({
        "id": argument_id, "position": position, "claim": claim.strip(),
        "summary": summary.strip(), "themes": list(themes), "quotes": list(quotes)}))
    session.commit(draft, f"add argument '{argument_id}'")
    return argument_id


def attach_quote(session: Session, argument_id: str, quote_id: str) -> None:
    argument = session.debate.arguments[argument_id]
    if quote_id in argument.quotes:
        raise Refused(f"argument '{argument_id}' already cites quote '{quote_id}'")
    draft = session.draft()
    draft.set("arguments", argument_id, "quotes", [*argument.quotes, quote_id])
    session.commit(draft, f"cite '{quote_id}' in '{argument_id}'")


def detach_quote(session: Session, argument_id: str, quote_id: str) -> None:
    argument = session.debate.arguments[argument_id]
    draft = session.draft()
    draft.set("arguments", argument_id, "quotes", [q for q in argument.quotes if q != quote_id])
    session.commit(draft, f"stop citing '{quote_id}' in '{argument_id}'")


def link(session: Session, argument_id: str, target_id: str, kind: str,
         recorded: list[str] | None = None) -> None:
    """`argument_id` rebuts or supports `target_id`. A rebuttal is the pack's pairing,
    or, with `recorded` (quotes of both sides that show it), an exchange the sources
    record."""
    if kind not in LINKS:
        raise Refused(f"a link is one of: {', '.join(LINKS)}")
    argument = session.debate.arguments[argument_id]
    present: tuple[str, ...] = getattr(argument, kind)
    draft = session.draft()
    if target_id in present and not (recorded and argument.exchange_with(target_id) is None):
        raise Refused(f"'{argument_id}' already {kind} '{target_id}'")
    if target_id not in present:
        draft.set("arguments", argument_id, kind, [*present, target_id])
    how = "the pack's pairing"
    if recorded:
        exchanges = [*_exchanges(argument), {"answers": target_id, "quotes": list(recorded)}]
        draft.set("arguments", argument_id, "exchanges", exchanges)
        how = "recorded in the sources"
    session.commit(draft, f"'{argument_id}' {kind} '{target_id}'"
                   + (f" ({how})" if kind == "rebuts" else ""))


def _exchanges(argument: Argument, without: str = "",
               quote: str = "") -> list[dict[str, Any]]:
    """The argument's exchanges as records, less the one answering `without` and less
    `quote` in each."""
    return [{"answers": e.answers, "quotes": [q for q in e.quotes if q != quote]}
            for e in argument.exchanges if e.answers != without]


def unlink(session: Session, argument_id: str, target_id: str) -> None:
    argument = session.debate.arguments[argument_id]
    draft = session.draft()
    for kind in LINKS:
        present: tuple[str, ...] = getattr(argument, kind)
        if target_id in present:
            draft.set("arguments", argument_id, kind, [t for t in present if t != target_id])
    if argument.exchange_with(target_id) is not None:
        draft.set("arguments", argument_id, "exchanges", _exchanges(argument, without=target_id))
    session.commit(draft, f"unlink '{argument_id}' from '{target_id}'")


def add_fact(session: Session, quote_id: str, what: str, value: int | float, unit: str,
             year: str = "", place: str = "", qualifier: str = "") -> str:
    draft = session.draft()
    fact_id = new_id(what, draft.ids("facts"), 4)
    draft.append("facts", _clean({"id": fact_id, "what": what.strip(), "value": value,
                                  "qualifier": qualifier.strip(), "unit": unit.strip(),
                                  "year": year.strip(), "place": place.strip(),
                                  "quote": quote_id}))
    session.commit(draft, f"add fact '{fact_id}'")
    return fact_id


def edit(session: Session, section: str, record_id: str, changes: dict[str, Any]) -> None:
    """Set keys of one record; a value of None or "" removes the key."""
    draft = session.draft()
    for key, value in changes.items():
        draft.set(section, record_id, key, value if value != "" else None)
    session.commit(draft, f"edit {section[:-1]} '{record_id}'")


def remove(session: Session, section: str, record_id: str) -> None:
    """Remove a record, and the links to it from arguments (a quote they cite, an
    argument they answer or back up); any other use is for the validator to refuse."""
    draft = session.draft()
    draft.remove(section, record_id)
    debate = session.debate
    keys = {"quotes": ("quotes",), "arguments": LINKS}.get(section, ())
    for argument in debate.arguments.values():
        if argument.id == record_id:
            continue
        for key in keys:
            present: tuple[str, ...] = getattr(argument, key)
            if record_id in present:
                draft.set("arguments", argument.id, key, [t for t in present if t != record_id])
        if section == "arguments" and argument.exchange_with(record_id) is not None:
            draft.set("arguments", argument.id, "exchanges",
                      _exchanges(argument, without=record_id))
        elif section == "quotes" and any(record_id in e.quotes for e in argument.exchanges):
            # what is left may no longer show both sides: the validator says so
            draft.set("arguments", argument.id, "exchanges",
                      _exchanges(argument, quote=record_id))
    session.commit(draft, f"remove {section[:-1]} '{record_id}'")
