"""A Kialo discussion as a debate pack: its theses as positions, its claims as
arguments linked as its tree links them (the mapping is explained in docs/import-kialo.md).

Pro and Con are relative to the parent claim, so a claim's stance towards its thesis
is the parity of the Cons on its path: an even number argues for the thesis, an odd
number against it. A Con answers its parent from the other side (`rebuts`), a Pro
backs its parent up from the same side (`supports`): exactly the pack's rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tui.core.interop.kialo import Claim, Discussion, Unusable

SPEAKER = "author-not-named"
OBJECTIONS = "objections"


@dataclass
class Counts:
    claims: int = 0  # every claim of the tree, thesis and question included
    theses: int = 0
    arguments: int = 0
    links: int = 0  # every claim's link to its parent, `-> See` lines included
    to_question: int = 0  # theses under the question
    to_thesis: int = 0
    rebuts: int = 0
    supports: int = 0
    see_read: int = 0
    see_made: int = 0  # `-> See` links made into rebuts or supports, or given by position
    sources: int = 0  # source records made (entries with the same address and excerpt merged)
    source_entries: int = 0  # `[n]` entries of the Sources list, or Markdown links
    excerpts: int = 0
    per_position: dict[str, int] = field(default_factory=dict)  # by position name


@dataclass
class PackPlan:
    """What to write: YAML documents by file name, excerpt files by path, and the counts."""

    files: dict[str, dict[str, Any]]
    excerpts: dict[str, str]
    counts: Counts
    unusable: list[Unusable]


def shorten(text: str, most: int) -> str:
    if len(text) <= most:
        return text
    cut = text[: most - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _argument_id(number: str) -> str:
    return "c" + number


class _Planner:
    def __init__(self, discussion: Discussion, file_name: str) -> None:
        self.d = discussion
        self.file_name = file_name
        self.counts = Counts()
        self.unusable = list(discussion.unusable)
        self.children = discussion.children()
        root = discussion.root
        self.theses = ([root] if root.kind == "thesis" else
                       [c for c in self.children.get("1", []) if c.kind == "thesis"])
        self.single = len(self.theses) == 1
        self.position: dict[str, str] = {}  # argument number -> position id
        self.theme: dict[str, str] = {}
        self.arguments: dict[str, dict[str, Any]] = {}

    # -- positions and stances ------------------------------------------------

    def positions(self) -> list[dict[str, Any]]:
        if self.single:
            thesis = self.theses[0].text
            return [
                {"id": "for", "name": "For the thesis", "label": "For", "side": "for",
                 "stance": thesis, "members": ["Kialo contributors arguing for the thesis"]},
                {"id": "against", "name": "Against the thesis", "label": "Against",
                 "side": "against", "stance": f"Against the thesis: {thesis}",
                 "members": ["Kialo contributors arguing against the thesis"]},
            ]
        # Answers to a question take no side of a motion: no `side` (see content-format.md).
        made = [{"id": f"thesis-{t.number}", "name": t.text, "label": f"Thesis {t.number}",
                 "stance": t.text,
                 "members": [f"Kialo contributors arguing for thesis {t.number}"]}
                for t in self.theses]
        made.append({"id": OBJECTIONS, "name": "Objections to the theses",
                     "label": "Objections",
                     "stance": "Each of these arguments argues against one of the theses.",
                     "members": ["Kialo contributors arguing against a thesis"]})
        return made

    def place(self) -> None:
        """Each claim's position, from its thesis and the Cons on its path."""
        against: dict[str, bool] = {t.number: False for t in self.theses}
        thesis_of = {t.number: t.number for t in self.theses}
        for claim in self.d.claims.values():
            if claim.kind not in ("pro", "con") or claim.see is not None:
                continue
            parent = claim.parent
            against[claim.number] = against[parent] ^ (claim.kind == "con")
            thesis_of[claim.number] = thesis_of[parent]
            if self.single:
                self.position[claim.number] = "against" if against[claim.number] else "for"
            else:
                self.position[claim.number] = (OBJECTIONS if against[claim.number] else
                                               f"thesis-{thesis_of[claim.number]}")
            self.theme[claim.number] = (f"branch-{claim.number}" if parent in thesis_of
                                        and thesis_of[parent] == parent else
                                        self.theme[parent])

    # -- arguments -------------------------------------------------------------

    def make_arguments(self, cites: dict[int, tuple[str, str | None]]) -> None:
        for claim in self.d.claims.values():
            if claim.number not in self.position:
                continue
            parent = self.d.claims[claim.parent]
            side = "Pro" if claim.kind == "pro" else "Con"
            of = (f"claim {parent.number}" if parent.kind != "thesis" else
                  "the thesis" if self.single else f"thesis {parent.number}")
            summary = [f"Claim {claim.number} of the Kialo discussion: a {side} of {of}."]
            record: dict[str, Any] = {
                "id": _argument_id(claim.number), "position": self.position[claim.number],
                "claim": claim.text, "summary": "", "themes": [self.theme[claim.number]]}
            quotes = []
            for n in dict.fromkeys(claim.citations):
                if n not in cites:
                    self.unusable.append(Unusable(claim.line, f"claim {claim.number} cites "
                                                  f"[{n}], which the Sources list does not give"))
                    continue
                _source, quote_id = cites[n]
                url = self.d.sources[n].url
                summary.append(f"It cites [{n}] {url}.")
                if quote_id is not None and quote_id not in quotes:
                    quotes.append(quote_id)
            for words, url in claim.links:
                summary.append(f"It links “{words}” to {url}." if words else
                               f"It links to {url}.")
            if quotes:
                record["quotes"] = quotes
            if parent.kind == "thesis":
                self.counts.to_thesis += 1
            elif claim.kind == "con":
                record["rebuts"] = [_argument_id(parent.number)]
                self.counts.rebuts += 1
            else:
                record["supports"] = [_argument_id(parent.number)]
                self.counts.supports += 1
            record["summary"] = " ".join(summary)
            self.arguments[claim.number] = record

    def link_see(self) -> None:
        """Each `-> See` line links the claim it names to its parent, as a second link."""
        for line in self.d.claims.values():
            if line.see is None:
                continue
            self.counts.see_read += 1
            why = self._see(line)
            if why:
                self.unusable.append(Unusable(line.line, f"'-> See {line.see}' under "
                                              f"{line.parent} not linked: {why}"))
            else:
                self.counts.see_made += 1

    def _see(self, line: Claim) -> str:
        target, parent = self.d.claims.get(line.see or ""), self.d.claims[line.parent]
        if target is None or target.see is not None:
            return f"there is no claim {line.see} in the file" if target is None else \
                f"{line.see} is itself a '-> See' line"
        if target.number not in self.position:
            return f"{line.see} is a {target.kind}, not an argument"
        if target.number == parent.number:
            return "it names its own parent"
        theirs = self.position[target.number]
        side = "a Pro" if line.kind == "pro" else "a Con"
        if parent.number not in self.position:  # a link to a thesis: the position says it
            wanted = self._stance_under_thesis(parent, line.kind == "con")
            if theirs != wanted:
                return (f"it makes {line.see} {side} of thesis {parent.number}, but "
                        f"{line.see} argues for position '{theirs}'")
            self.counts.to_thesis += 1
            return ""
        ours = self.position[parent.number]
        record = self.arguments[target.number]
        key = "supports" if line.kind == "pro" else "rebuts"
        if key == "supports" and theirs != ours:
            return (f"it makes {line.see} a Pro of {parent.number}, but {line.see} argues for "
                    f"position '{theirs}' and {parent.number} for '{ours}'; a pack supports "
                    "only within a position")
        if key == "rebuts" and theirs == ours:
            return (f"it makes {line.see} a Con of {parent.number}, but both argue for "
                    f"position '{ours}'; a pack rebuts only across positions")
        parent_id = _argument_id(parent.number)
        if parent_id in record.get(key, []):
            return f"{line.see} already {key} {parent.number}"
        record.setdefault(key, []).append(parent_id)
        record["summary"] += (f" Kialo also links it under claim {parent.number} as {side} "
                              f"(line {line.line}).")
        self.counts.rebuts += key == "rebuts"
        self.counts.supports += key == "supports"
        return ""

    def _stance_under_thesis(self, thesis: Claim, against: bool) -> str:
        if self.single:
            return "against" if against else "for"
        return OBJECTIONS if against else f"thesis-{thesis.number}"

    # -- sources -----------------------------------------------------------------

    def sources(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str],
                               dict[int, tuple[str, str | None]]]:
        """Source records, quotes, excerpt files, and what each [n] points at."""
        records: dict[tuple[str, str], dict[str, Any]] = {}
        quotes: list[dict[str, Any]] = []
        files: dict[str, str] = {}
        cites: dict[int, tuple[str, str | None]] = {}
        cited = Counter(n for c in self.d.claims.values() for n in c.citations)
        for n, entry in self.d.sources.items():
            key = (entry.url, entry.excerpt)
            record = records.get(key)
            if record is None:
                record = {"id": f"source-{n}", "url": entry.url, "outlet": _host(entry.url),
                          "headline": f"Source [{n}] of the Kialo discussion"}
                if entry.excerpt:
                    path = f"excerpts/source-{n}.txt"
                    files[path] = entry.excerpt + "\n"
                    record["file"] = path
                    record["notes"] = ("The file holds only the words the Kialo export quotes "
                                       "from this page, exactly as it gives them; the page "
                                       "itself was not fetched.")
                    record["quote"] = f"excerpt-{n}"
                    quotes.append({"id": f"excerpt-{n}", "speaker": SPEAKER,
                                   "source": record["id"], "text": entry.excerpt,
                                   "kind": "direct"})
                    self.counts.excerpts += 1
                else:
                    record["notes"] = "The Kialo export gives this address; the page was not " \
                                      "fetched."
                records[key] = record
            else:
                record["headline"] = record["headline"].replace("Source [", "Sources [", 1) \
                    .replace(" of the Kialo", f", [{n}] of the Kialo", 1)
            cites[n] = (record["id"], record.get("quote"))
            if n not in cited:
                self.unusable.append(Unusable(entry.line, f"source [{n}] is cited by no "
                                              "claim; kept as a source"))
        links: dict[str, dict[str, Any]] = {}
        for claim in self.d.claims.values():
            for words, url in claim.links:
                if url not in links:
                    links[url] = {"id": f"link-{len(links) + 1}", "url": url,
                                  "outlet": _host(url),
                                  "headline": f"Linked as “{words}” from claim {claim.number}"
                                  if words else f"Linked from claim {claim.number}",
                                  "notes": "The Kialo export links this address; the page "
                                           "was not fetched."}
        self.counts.source_entries = len(self.d.sources) + sum(
            len(c.links) for c in self.d.claims.values())
        for record in records.values():
            record.pop("quote", None)  # the planner's own note, not a key of the format
        made = [*records.values(), *links.values()]
        self.counts.sources = len(made)
        return made, quotes, files, cites

    # -- the whole pack ------------------------------------------------------------

    def plan(self) -> PackPlan:
        self.place()
        sources, quotes, excerpt_files, cites = self.sources()
        self.make_arguments(cites)
        self.link_see()
        positions = self.positions()
        counts = self.counts
        counts.claims = sum(c.see is None for c in self.d.claims.values())
        counts.theses = len(self.theses)
        counts.to_question = len(self.theses) if self.d.root.kind == "question" else 0
        counts.arguments = len(self.arguments)
        counts.links = counts.claims - 1 + counts.see_read
        names = {p["id"]: p["name"] if self.single else p["label"] for p in positions}
        tally = Counter(self.position.values())
        counts.per_position = {names[p["id"]]: tally[p["id"]] for p in positions}
        if not self.single and not tally[OBJECTIONS]:
            positions.pop()  # no claim argues against a thesis
            del counts.per_position[names[OBJECTIONS]]
        pack: dict[str, Any] = {"pack": self.info(), "themes": self.themes(),
                                "positions": positions}
        if quotes:
            pack["speakers"] = [{
                "id": SPEAKER, "name": "Author not named",
                "role": "Writer of the quoted page (the Kialo export names no authors)",
                "organisation": "Not named in the Kialo export",
                "stance_note": "The export gives each page's address and the words quoted, "
                               "not who wrote them.",
            }]
        files: dict[str, dict[str, Any]] = {"pack.yaml": pack}
        if sources:
            files["sources.yaml"] = {"sources": sources, **({"quotes": quotes} if quotes
                                                             else {})}
        files["arguments.yaml"] = {"arguments": list(self.arguments.values())}
        self.unusable.sort(key=lambda u: u.line)
        return PackPlan(files, excerpt_files, counts, self.unusable)

    def info(self) -> dict[str, Any]:
        root = self.d.root
        sides = ("for and against its thesis" if self.single else
                 f"{len(self.theses)} theses answering its question")
        return {
            "title": self.d.title or root.text,
            "motion": root.text,
            "summary": f"A Kialo discussion brought in from its export: "
                       f"{self.counts.claims} claims, {sides}. Kialo names no authors, and "
                       "the links between arguments are the discussion's own tree, not "
                       "exchanges an article records.",
            "background": "Every argument is a claim of the Kialo discussion, numbered as "
                          "Kialo numbers it. A Con answers the claim above it (rebuts), a "
                          "Pro backs it up (supports); an argument's position follows from "
                          "the Cons between it and its thesis. A '-> See' line links a claim "
                          "a second time, under another parent. Sources keep the addresses "
                          "the export gives; a quote is only ever the words the export "
                          "itself quotes from a page.",
            "imported_from": f"Kialo discussion export '{self.file_name}' "
                             f"({self.d.format} format)",
        }

    def themes(self) -> list[dict[str, Any]]:
        made = []
        for number in dict.fromkeys(self.theme.values()):
            claim = self.d.claims[number.removeprefix("branch-")]
            made.append({"id": number, "name": f"Branch {claim.number}: "
                                                + shorten(claim.text, 40),
                         "description": f"Claim {claim.number} of the Kialo discussion and "
                                        "the claims under it."})
        return made


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return host.removeprefix("www.") if host else url


def plan_pack(discussion: Discussion, file_name: str) -> PackPlan:
    """The pack files for a discussion, with what was made and what could not be used."""
    return _Planner(discussion, file_name).plan()
