"""The checked pack as Argdown (see docs/export-argdown.md): each position a section,
each argument an Argdown argument tagged with its themes, its quotes and sources in
its data, and every rebuttal and support an attack or support relation."""

from __future__ import annotations

import json
import re
from typing import Any

from tui.core.pack.model import Argument, Debate

LINKS_HEADING = "Links between arguments"
# Characters Argdown reads as syntax inside a line of text: references and links
# ([ ] < >), tags (#), mentions (@), emphasis (* _), data ({ }), comments (//, /*)
# and the escape itself. Each is written with a backslash, which Argdown removes.
_SYNTAX = re.compile(r"([\\\[\]<>#@*_{}/`~])")
# Inside data, Argdown ends the data at the first closing brace, wherever it is:
# braces in strings are written as JSON escapes, which read as the same text.
_STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def _text(text: str) -> str:
    """Text on one line, every character Argdown would read as syntax escaped."""
    return _SYNTAX.sub(r"\\\1", " ".join(text.split()))


def _tag(name: str) -> str:
    # A bracketed tag may hold spaces and punctuation, but ends at its first ')'.
    words = " ".join(name.replace("(", " ").replace(")", " ").split())
    return f"#({words})"


def _data(value: Any) -> str:
    return _STRING.sub(lambda m: m.group().replace("{", "\\u007b").replace("}", "\\u007d"),
                       json.dumps(value, ensure_ascii=False))


def _argument_data(debate: Debate, argument: Argument) -> dict[str, Any]:
    quotes, sources = [], {}
    for quote_id in argument.quotes:
        quote = debate.quotes[quote_id]
        speaker, source = debate.speakers[quote.speaker], debate.sources[quote.source]
        quotes.append({"id": quote.id, "text": quote.text, "kind": quote.kind,
                       "speaker": speaker.name, "role": speaker.role,
                       "organisation": speaker.organisation, "source": source.id})
        sources[source.id] = {"id": source.id, "headline": source.headline,
                              "outlet": source.outlet, "date": source.when,
                              "file": source.file, "url": source.url}
    data: dict[str, Any] = {"id": argument.id, "position": argument.position,
                            "summary": argument.summary, "quotes": quotes,
                            "sources": list(sources.values())}
    if argument.exchanges:
        data["exchanges"] = [{"answers": e.answers, "quotes": list(e.quotes)}
                             for e in argument.exchanges]
    return data


def to_argdown(debate: Debate) -> str:
    info = debate.info
    front = {
        "title": info.title, "motion": info.motion, "summary": info.summary,
        "background": info.background, "imported_from": info.imported_from,
        "positions": [{"id": p.id, "name": p.name, "label": p.label, "side": p.side,
                       "stance": p.stance, "members": list(p.members)}
                      for p in debate.positions.values()],
        "themes": [{"id": t.id, "name": t.name, "description": t.description}
                   for t in debate.themes.values()],
    }
    # The front matter is YAML between '===' lines; JSON is YAML, one key a line.
    lines = ["===", *json.dumps(front, ensure_ascii=False, indent=1).splitlines(), "===", ""]
    for position in debate.positions.values():
        lines += [f"# {_text(position.name)}", ""]
        for argument in debate.arguments_of(position.id):
            tags = " ".join(_tag(debate.themes[t].name) for t in argument.themes)
            lines += [f"<{argument.id}>: {_text(argument.claim)} {tags} "
                      f"{_data(_argument_data(debate, argument))}", ""]
    # Relations come after every definition, so each argument's section is its position's.
    linked = [a for a in debate.arguments.values() if a.rebuts or a.supports]
    if linked:
        lines += [f"# {LINKS_HEADING}", ""]
        for argument in linked:
            lines.append(f"<{argument.id}>")
            lines += [f"    -> <{target}>" for target in argument.rebuts]
            lines += [f"    +> <{target}>" for target in argument.supports]
            lines.append("")
    return "\n".join(lines)
