"""The pack format, defined once.

The loader validates against these definitions, `json_schema()` publishes them
for editors, and the documentation describes them; nothing else lists a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "number", "texts", "ref", "refs", "choice", "records"]

# How a new pack marks text the teacher has still to write; the validator warns of it.
PLACEHOLDER = "TODO"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
# A month 01-12 and a day 01-31; whether the day exists in that month the loader checks.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


@dataclass(frozen=True)
class Field:
    """One key of a record: its kind, whether it is required, what it means."""

    name: str
    kind: Kind
    description: str
    required: bool = False
    target: str | None = None  # the section a ref/refs points into
    choices: tuple[str, ...] = ()
    record: Section | None = None  # the shape of each item of a `records` field
    pattern: str | None = None


@dataclass(frozen=True)
class Section:
    """A top-level key of a pack file: one mapping, or a list of records with ids."""

    name: str
    description: str
    fields: tuple[Field, ...]
    is_list: bool = True
    singular: str = ""
    keys: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", {f.name: f for f in self.fields})


def _id(what: str) -> Field:
    return Field("id", "text", f"A short unique name for this {what}, used to refer to it.",
                 required=True, pattern=ID_PATTERN)


PACK = Section(
    "pack",
    "The debate itself. Exactly one file of the pack gives it.",
    (
        Field("title", "text", "The pack's title.", required=True),
        Field("motion", "text", "The motion or question being debated.", required=True),
        Field("summary", "text", "A short, neutral summary of the dispute, in the pack's own "
              "words.", required=True),
        Field("background", "text", "Longer background in the pack's own words: why the dispute "
              "exists and who decides it."),
        Field("imported_from", "text", "For a pack made from another tool's export (`debate-"
              "explorer import`): the export it was made from. Its arguments are that "
              "discussion's claims, carried by what they cite rather than by quotes."),
    ),
    is_list=False,
)

THEMES = Section(
    "themes",
    "The themes arguments are grouped by (public health, law and devolution, cost ...).",
    (
        _id("theme"),
        Field("name", "text", "The theme as shown to students.", required=True),
        Field("description", "text", "What belongs under this theme."),
    ),
    singular="theme",
)

POSITIONS = Section(
    "positions",
    "The positions taken in the debate: two sides, or any number of answers to a question.",
    (
        _id("position"),
        Field("name", "text", "The position's full name.", required=True),
        Field("label", "text", "A short label for narrow screens (a word or two).", required=True),
        Field("side", "choice", "Whether this position is for or against the motion. Leave it "
              "out when the motion is a question and the positions are answers to it.",
              choices=("for", "against")),
        Field("stance", "text", "The position's stance on the motion, in a sentence.",
              required=True),
        Field("members", "texts", "Who belongs to this position.", required=True),
    ),
    singular="position",
)

ROLE_IN_SOURCE = Section(
    "described_as",
    "How one source describes the speaker, where it differs from `role`.",
    (
        Field("source", "ref", "The source giving this description.", required=True,
              target="sources"),
        Field("role", "text", "The role as that source gives it.", required=True),
    ),
)

SPEAKERS = Section(
    "speakers",
    "Everyone quoted or reported: people, organisations and groups.",
    (
        _id("speaker"),
        Field("name", "text", "The speaker's name as the sources give it.", required=True),
        Field("role", "text", "Their role at the time, as the sources give it.", required=True),
        Field("organisation", "text", "Their organisation at the time.", required=True),
        Field("position", "ref", "The position they speak for. Leave it out for a voice that "
              "takes neither side.", target="positions"),
        Field("stance_note", "text", "For a voice that takes neither side: what it says about "
              "the dispute, in the pack's own words."),
        Field("described_as", "records", "Other descriptions of the speaker's role, source by "
              "source, where sources differ.", record=ROLE_IN_SOURCE),
    ),
    singular="speaker",
)

SOURCES = Section(
    "sources",
    "The articles every quote comes from, and the pages arguments cite.",
    (
        _id("source"),
        Field("file", "text", "The article's text file, looked up in the pack's folder and then "
              "in the `seeds/` folder beside `content/`. It may not point outside them. A "
              "source needs a `file`, a `url` or both; only a source with a file can be quoted."),
        Field("url", "text", "The page's address on the web, as the pack was given it (never "
              "fetched). A source with a `url` may leave out its date."),
        Field("original_file", "text", "The file's original name, if it was renamed."),
        Field("outlet", "text", "Who published it.", required=True),
        Field("outlet_evidence", "text", "What in the text shows the outlet."),
        Field("headline", "text", "A headline in the pack's own words.", required=True),
        Field("date", "text", "The publication date when it is known: YYYY-MM-DD, YYYY-MM or "
              "YYYY.", pattern=DATE_PATTERN),
        Field("approximate_date", "text", "When the date is not known: the approximate date "
              "(\"early 2020\"). Needs `date_reason`."),
        Field("date_reason", "text", "What in the text dates it."),
        Field("artefacts", "texts", "Oddities in the text that must be kept, not fixed "
              "(mangled characters, stray lines)."),
        Field("notes", "text", "Anything else a reader should know about this source."),
    ),
    singular="source",
)

QUOTES = Section(
    "quotes",
    "Words from a source. The text must appear in the source (white space, typographic "
    "quotes, apostrophes and dashes may differ).",
    (
        _id("quote"),
        Field("speaker", "ref", "Who said it.", required=True, target="speakers"),
        Field("source", "ref", "The article it comes from.", required=True, target="sources"),
        Field("text", "text", "The exact words of the article.", required=True),
        Field("kind", "choice", "`direct` for quotation, `reported` for reported speech.",
              required=True, choices=("direct", "reported")),
        Field("note", "text", "Context a reader needs, in the pack's own words."),
    ),
    singular="quote",
)

EXCHANGE = Section(
    "exchanges",
    "A rebuttal the sources themselves record: one side answering the other, in words both "
    "sides said. A rebuttal without one is the pack's own pairing.",
    (
        Field("answers", "ref", "The argument answered; it must be one of this argument's "
              "'rebuts'.", required=True, target="arguments"),
        Field("quotes", "refs", "The quotes that show the exchange: at least one of each side "
              "(the article's own reporting may be cited too), from one article where you can.",
              required=True, target="quotes"),
    ),
)

ARGUMENTS = Section(
    "arguments",
    "What each position argues.",
    (
        _id("argument"),
        Field("position", "ref", "The position making this argument.", required=True,
              target="positions"),
        Field("claim", "text", "The argument in one sentence.", required=True),
        Field("summary", "text", "A summary in the pack's own words.", required=True),
        Field("themes", "refs", "The themes it belongs to.", required=True, target="themes"),
        Field("quotes", "refs", "The quotes that carry it.", target="quotes"),
        Field("rebuts", "refs", "Arguments of another position that this one answers.",
              target="arguments"),
        Field("supports", "refs", "Arguments of the same position that this one backs up.",
              target="arguments"),
        Field("exchanges", "records", "Which of its rebuttals the sources record as an exchange, "
              "with the quotes that show it; the others are the pack's pairings.",
              record=EXCHANGE),
    ),
    singular="argument",
)

CONFLICT = Section(
    "conflicts_with",
    "A fact that gives a different figure for the same thing.",
    (
        Field("fact", "ref", "The other fact.", required=True, target="facts"),
        Field("difference", "text", "What differs between the two (year, definition, outlet).",
              required=True),
    ),
)

FACTS = Section(
    "facts",
    "Figures from the sources, each tied to the quote that gives it.",
    (
        _id("fact"),
        Field("what", "text", "What is counted or measured.", required=True),
        Field("value", "number", "The figure.", required=True),
        Field("qualifier", "text", "How the source qualifies it: \"almost\", \"more than\"."),
        Field("unit", "text", "The unit (deaths, %, GBP).", required=True),
        Field("year", "text", "The year or period it refers to, as the source gives it."),
        Field("place", "text", "Where it applies."),
        Field("quote", "ref", "The quote giving the figure.", required=True, target="quotes"),
        Field("conflicts_with", "records", "Facts that give a different figure for the same "
              "thing; the link is shown from both sides.", record=CONFLICT),
    ),
    singular="fact",
)

SECTIONS: dict[str, Section] = {
    s.name: s for s in (PACK, THEMES, POSITIONS, SPEAKERS, SOURCES, QUOTES, ARGUMENTS, FACTS)
}


def _field_schema(f: Field) -> dict[str, Any]:
    # YAML reads `year: 2019` or `id: 2020` as a number; the loader takes it as text.
    text: dict[str, Any] = {"type": ["string", "number"], "minLength": 1}
    if f.pattern:
        text["pattern"] = f.pattern
    schema: dict[str, Any]
    if f.kind in ("text", "ref"):
        schema = text
    elif f.kind == "number":
        schema = {"type": "number"}
    elif f.kind == "choice":
        schema = {"enum": list(f.choices)}
    elif f.kind in ("texts", "refs"):
        schema = {"type": "array", "minItems": 1, "uniqueItems": True, "items": text}
    else:
        assert f.record is not None
        schema = {"type": "array", "minItems": 1, "items": _record_schema(f.record)}
    schema["description"] = f.description
    return schema


def _record_schema(section: Section) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in section.fields if f.required],
        "properties": {f.name: _field_schema(f) for f in section.fields},
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema for one pack file, for editors' YAML support.

    Draft 7, the newest that every YAML editor plugin reads; nothing here needs more.
    """
    properties: dict[str, Any] = {}
    for section in SECTIONS.values():
        record = _record_schema(section)
        record["description"] = section.description
        if section.is_list:
            properties[section.name] = {
                "type": "array", "minItems": 1, "items": record,
                "description": section.description,
            }
        else:
            properties[section.name] = record
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "debate-explorer-pack.schema.json",
        "title": "Debate Explorer pack file",
        "description": "One YAML file of a debate pack. A pack is a folder of such files; "
        "each section may be split across files, and `pack` is given exactly once.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }


if __name__ == "__main__":  # python -m tui.core.pack.schema > docs/pack.schema.json
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
