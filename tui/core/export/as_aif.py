"""The checked pack as AIF JSON, the Argument Interchange Format as AIFdb and OVA
write it (see docs/export-aif.md): arguments as I-nodes, quotes as L-nodes with
their speakers, supports as RA-nodes and rebuttals as CA-nodes, joined by edges."""

from __future__ import annotations

import json
from typing import Any

from tui.core.export.as_json import escape_controls
from tui.core.pack.model import Debate

SUPPORT_SCHEME = "Default Inference"
ATTACK_SCHEME = "Default Conflict"
SAYING_SCHEME = "Default Illocuting"  # a quote's words carry the argument


def to_aif_data(debate: Debate) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def node(node_id: str, text: str, kind: str, scheme: str = "") -> None:
        made = {"nodeID": node_id, "text": text, "type": kind}
        if scheme:
            made["scheme"] = scheme
        nodes.append(made)

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target,
                      "formEdgeID": None})

    for argument in debate.arguments.values():
        node(f"I:{argument.id}", argument.claim, "I")
    for argument in debate.arguments.values():
        for kind, scheme, targets in (("CA", ATTACK_SCHEME, argument.rebuts),
                                      ("RA", SUPPORT_SCHEME, argument.supports)):
            for target in targets:
                middle = f"{kind}:{argument.id}:{target}"
                node(middle, scheme, kind, scheme)
                edge(f"I:{argument.id}", middle)
                edge(middle, f"I:{target}")
    speakers = {s: n for n, s in enumerate(dict.fromkeys(q.speaker for q in
                                                          debate.quotes.values()), start=1)}
    locutions = []
    for quote in debate.quotes.values():
        speaker = debate.speakers[quote.speaker]
        source = debate.sources[quote.source]
        node(f"L:{quote.id}", f"{speaker.name} : {quote.text}", "L")
        locutions.append({"nodeID": f"L:{quote.id}", "personID": str(speakers[quote.speaker]),
                          "source": source.url or source.file, "start": quote.start,
                          "end": quote.end})
        for argument in debate.citing(quote.id):
            middle = f"YA:{quote.id}:{argument.id}"
            node(middle, SAYING_SCHEME, "YA", SAYING_SCHEME)
            edge(f"L:{quote.id}", middle)
            edge(middle, f"I:{argument.id}")
    participants = [{"participantID": number, "firstname": debate.speakers[s].name,
                     "surname": "", "description": debate.speakers[s].role}
                    for s, number in speakers.items()]
    return {"nodes": nodes, "edges": edges, "locutions": locutions,
            "participants": participants}


def to_aif(debate: Debate) -> str:
    return escape_controls(json.dumps(to_aif_data(debate), ensure_ascii=False, indent=1)) + "\n"
