"""Reading a Kialo discussion export: the claim tree, its sources and every line it
could not use, in either of the two formats Kialo has written (docs/import-kialo.md).

The old format: `Discussion Title: ...`, then one claim a line (`1.1. Pro: text`),
sources as inline Markdown links, brackets escaped (`\\(`). The current format:
`Discussion Name:` with the title on the next line, a `1.1. Pro:` header with the
text on the lines after it, indented two spaces a level, `[n]` citations and a
closing `Sources:` list of `[n] address`, each perhaps followed by a quoted excerpt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["old", "current"]
Kind = Literal["thesis", "question", "pro", "con"]

_OLD_TITLE = re.compile(r"Discussion Title:[ \t]*(.*)$")
_CURRENT_TITLE = re.compile(r"Discussion Name:[ \t]*(.*)$")
_OLD_CLAIM = re.compile(r"((?:\d+\.)+) (?:(Pro|Con|Thesis|Question): ?)?(.*)$")
_HEADER = re.compile(r"[ \t]*((?:\d+\.)+) (Pro|Con|Thesis|Question):[ \t]*(.*)$")
# A header with a label Kialo does not write ("1.2. Maybe:"): not the claim's text.
_ODD_HEADER = re.compile(r"[ \t]*((?:\d+\.){2,}) (\w+):[ \t]*$")
_SOURCE = re.compile(r"\[(\d+)\][ \t]+(\S.*?)[ \t]*$")
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)*\d+)\.?[ \t]*$")
# [text](address): the address may hold escaped characters and one level of brackets.
_LINK = re.compile(r"\[([^\]\n]*)\]\(((?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)\)")
_CITATION = re.compile(r"(?<!\\)\[(\d+)\](?!\()")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|\"'~])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_KINDS: dict[str, Kind] = {"Pro": "pro", "Con": "con", "Thesis": "thesis",
                           "Question": "question"}


class NotKialo(ValueError):
    """The file is not a Kialo export: where and why, for a `file:line:` message."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__(why)
        self.line, self.why = line, why


@dataclass
class Claim:
    """One numbered entry of the tree: a claim, or a `-> See` line linking one."""

    number: str  # "1.2.3"
    kind: Kind | None  # None: the old format's unlabelled first claim
    line: int
    text: str = ""
    see: str | None = None  # the number a `-> See` line names
    links: list[tuple[str, str]] = field(default_factory=list)  # Markdown (text, address)
    citations: list[int] = field(default_factory=list)  # the [n] it gives

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]


@dataclass
class SourceEntry:
    """One `[n] address` of the closing Sources list, with the excerpt quoted under it."""

    number: int
    url: str
    line: int
    excerpt: str = ""


@dataclass
class Unusable:
    line: int
    why: str


@dataclass
class Discussion:
    title: str
    format: Format
    line_count: int
    claims: dict[str, Claim]  # by number, in file order; only those the tree can use
    sources: dict[int, SourceEntry]
    unusable: list[Unusable]

    @property
    def root(self) -> Claim:
        return self.claims["1"]

    def children(self) -> dict[str, list[Claim]]:
        found: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            if claim.number != "1":
                found.setdefault(claim.parent, []).append(claim)
        return found


def read_discussion(data: bytes) -> Discussion:
    """The discussion in an export's bytes; NotKialo when they are not an export."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NotKialo(line, "not UTF-8 text, so not a Kialo export (Kialo writes UTF-8)") \
            from None
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    first = lines[0] if lines else ""
    if _OLD_TITLE.match(first):
        reader: _Reader = _OldReader(lines)
    elif _CURRENT_TITLE.match(first):
        reader = _CurrentReader(lines)
    else:
        raise NotKialo(1, "not a Kialo export: its first line should be 'Discussion Title: "
                       "...' (the old format) or 'Discussion Name:' (the current one)")
    return reader.read()


class _Reader:
    format: Format

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.title = ""
        self.entries: list[Claim] = []
        self.sources: dict[int, SourceEntry] = {}
        self.unusable: list[Unusable] = []
        self.unread: set[str] = set()  # numbers of claims skipped while reading

    def skip(self, line: int, why: str) -> None:
        self.unusable.append(Unusable(line, why))

    def clean(self, text: str, line: int) -> str:
        """The text without control characters, each removal reported."""
        if _CONTROL.search(text) is None:
            return text
        for found in sorted(set(_CONTROL.findall(text))):
            self.skip(line, f"control character U+{ord(found):04X} removed from the text")
        return _CONTROL.sub("", text)

    def scan(self) -> None:
        raise NotImplementedError

    def read(self) -> Discussion:
        self.scan()
        for entry in self.entries:
            self._finish_text(entry)
        claims = self._tree()
        if "1" not in claims:
            raise NotKialo(self._first_tree_line(), "not a Kialo export: no first claim "
                           "numbered '1.' (the thesis or question)")
        self.unusable.sort(key=lambda u: u.line)
        return Discussion(self.title, self.format, len(self.lines), claims, self.sources,
                          self.unusable)

    def _first_tree_line(self) -> int:
        return min((e.line for e in self.entries), default=len(self.lines) or 1)

    def _finish_text(self, claim: Claim) -> None:
        raw = self.clean(claim.text.strip(), claim.line)
        see = _SEE.match(raw)
        if see:
            claim.see = see.group(1)
        claim.citations = [int(n) for n in _CITATION.findall(raw)]

        def link(match: re.Match[str]) -> str:
            words, address = _unescape(match.group(1)), _unescape(match.group(2))
            claim.links.append((words, address))
            return words

        claim.text = _unescape(_LINK.sub(link, raw))

    def _tree(self) -> dict[str, Claim]:
        """The entries that fit the tree, in file order; a reason for each that does not."""
        claims: dict[str, Claim] = {}
        lines_of: dict[str, int] = {}
        for entry in self.entries:
            number, kind = entry.number, entry.kind
            why = ""
            parent = claims.get(entry.parent) if "." in number else None
            if number in lines_of:
                why = f"claim {number} is numbered again (first on line {lines_of[number]})"
            elif "." not in number:
                if number != "1":
                    why = f"a second top claim '{number}.' (the discussion's top claim is '1.')"
                elif kind in ("pro", "con"):
                    why = "the top claim is marked Pro or Con; it should be the thesis or question"
            elif parent is None:
                why = (f"claim {number} is under {entry.parent}, which is not in the file"
                       if entry.parent not in lines_of and entry.parent not in self.unread else
                       f"claim {number} is under {entry.parent}, which could not be used")
            elif parent.see is not None:
                why = f"claim {number} is under a '-> See' line, which links a claim, not one"
            elif kind == "question":
                why = f"claim {number} is a Question below the top; only the top claim can be one"
            elif kind == "thesis" and parent.kind != "question":
                why = f"claim {number} is a Thesis under a claim that is not a question"
            elif kind != "thesis" and parent.kind == "question":
                why = (f"claim {number} is a {'Pro or Con' if kind else 'claim'} directly "
                       "under the question; Kialo puts those under one of its theses")
            elif kind is None:
                why = f"claim {number} says neither Pro nor Con"
            if not why and not entry.text:
                why = f"claim {number} has no text"
            if not why and entry.see is not None and kind not in ("pro", "con"):
                why = f"'-> See' line {number} says neither Pro nor Con"
            lines_of.setdefault(number, entry.line)
            if why:
                self.skip(entry.line, why)
                continue
            claims[number] = entry
        return claims


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


class _OldReader(_Reader):
    format: Format = "old"

    def scan(self) -> None:
        match = _OLD_TITLE.match(self.lines[0])
        assert match is not None
        self.title = self.clean(match.group(1).strip(), 1)
        current: Claim | None = None
        for number, line in enumerate(self.lines[1:], start=2):
            claim = _OLD_CLAIM.match(line)
            if claim:
                kind = _KINDS.get(claim.group(2) or "")
                current = Claim(claim.group(1).rstrip("."), kind, number, claim.group(3))
                self.entries.append(current)
            elif current is not None:  # a claim's text may run over several lines
                if line.strip():
                    current.text += " " + line.strip()
            elif line.strip():
                self.skip(number, "text before the first claim, not part of any claim")
        # The old format labels no top claim: a question when theses stand under it.
        for entry in self.entries:
            if entry.kind is None and entry.number == "1":
                theses = any(e.kind == "thesis" and e.parent == "1" for e in self.entries)
                entry.kind = "question" if theses else "thesis"


class _CurrentReader(_Reader):
    format: Format = "current"

    def scan(self) -> None:
        match = _CURRENT_TITLE.match(self.lines[0])
        assert match is not None
        self.title = match.group(1).strip()
        start = 1
        if not self.title:  # the title is on the next line that has text
            while start < len(self.lines) and not self.lines[start].strip():
                start += 1
            if start < len(self.lines) and not _HEADER.match(self.lines[start]):
                self.title = self.lines[start].strip()
                start += 1
        self.title = self.clean(self.title, start)
        current: Claim | None = None
        unused = ""
        gap = False
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if line.rstrip() == "Sources:":
                self._sources(number)
                return
            header = _HEADER.match(line)
            if header:
                current = Claim(header.group(1).rstrip("."), _KINDS[header.group(2)], number,
                                header.group(3))
                self.entries.append(current)
                unused = ""
                gap = False
            elif (odd := _ODD_HEADER.match(line)) is not None:
                unused = odd.group(1).rstrip(".")
                self.skip(number, f"claim {unused} is marked '{odd.group(2)}', not Pro, Con, "
                          "Thesis or Question")
                self.unread.add(unused)
                current = None
            elif not line.strip():
                gap = current is not None and bool(current.text)
            elif current is not None:  # the claim's text, perhaps in several paragraphs
                current.text += ("\n\n" if gap else " ") + line.strip() if current.text \
                    else line.strip()
                gap = False
            elif unused:
                self.skip(number, f"text of claim {unused}, which is not used")
            else:
                self.skip(number, "text before the first claim, not part of any claim")

    def _sources(self, heading: int) -> None:
        entry: SourceEntry | None = None
        excerpt: list[str] = []

        def close() -> None:
            if entry is not None:
                entry.excerpt = _excerpt(excerpt, entry.line, self)

        for number, line in enumerate(self.lines[heading:], start=heading + 1):
            found = _SOURCE.match(line)
            if found:
                close()
                excerpt = []
                entry = SourceEntry(int(found.group(1)), _unescape(found.group(2)), number)
                if entry.number in self.sources:
                    first = self.sources[entry.number].line
                    self.skip(number, f"source [{entry.number}] is listed again (first on "
                              f"line {first})")
                    entry = None
                    continue
                self.sources[entry.number] = entry
            elif entry is not None:
                excerpt.append(line)
            elif line.strip():
                self.skip(number, "in the Sources list but not a '[n] address' line")
        close()


def _excerpt(lines: list[str], line: int, reader: _Reader) -> str:
    """The words quoted under a source, without the quotation marks around them; blank
    lines inside are kept."""
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    text = reader.clean("\n".join(lines), line + 1)
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    return text.strip()
