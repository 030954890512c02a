"""How the case screen shows its parts: rows of the case list, the detail heading,
evidence and suggestion options, and the words for what an edit did. Pure
rendering; the screen decides what to show."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets.option_list import Option

from tui.core.pack.model import Debate
from tui.core.wording import plural, side_word, the_others
from tui.core.work import drill
from tui.core.work.case import Case, CaseEntry, Collected, Expected, ItemKey, Kind
from tui.core.work.marks import CaseMarks

from ..text import argument_row, data_text, quote_card


def _claim(debate: Debate, argument_id: str) -> Text:
    argument = debate.arguments.get(argument_id)
    if argument is None:
        return Text.assemble(("No longer in the pack: ", "bold"), data_text(argument_id, "italic"))
    return data_text(argument.claim)


def entry_row(debate: Debate, number: int, entry: CaseEntry) -> Text:
    """ "2. Fewer needles on the streets." then "1 quote · notes" """
    row = Text.assemble((f"{number}. ", "bold"), _claim(debate, entry.argument))
    quotes = len(entry.quotes)
    evidence = plural(quotes, "quote") if quotes else "no evidence yet"
    row.append(f"\n{evidence} · {'notes' if entry.notes.strip() else 'no notes yet'}",
               style="dim")
    return row


def expected_row(debate: Debate, case: Case, expected: Expected) -> Text:
    """ "Ministry: It is too expensive." then "rebuttal planned · drill: shaky" """
    argument = debate.arguments.get(expected.argument)
    row = Text()
    if argument is not None and argument.position in debate.positions:
        row.append(data_text(f"{debate.positions[argument.position].label}: ", "bold"))
    row += _claim(debate, expected.argument)
    planned = "rebuttal planned" if expected.rebuttal.strip() else "no rebuttal yet"
    row.append(f"\n{planned} · drill: {drill.status(case, expected.argument)}", style="dim")
    return row


def empty_case(side: str | None, positions: int = 2) -> Text:
    """What the detail panel says before the case has anything in it."""
    text = Text.assemble(("Your case is empty.", "bold"), "\n\n")
    own, others = side_word(positions), the_others(positions)
    if side is None:
        return text.append(f"First choose the {own} you will argue: press s.")
    text.append(f"Press a to add an argument. Your own {own}'s go into your case, in the "
                f"order you will speak, with evidence and notes; {the_others(positions, True)}"
                " go on the list of what to expect, with your rebuttal for each.\n\n"
                f"E expects every argument of {others}. In the explorer, a adds "
                "the argument you are reading.")
    return text


def detail_head(debate: Debate, argument_id: str, opposing: bool) -> Text:
    """The claim being worked on (its summary scrolls with the list below it)."""
    argument = debate.arguments.get(argument_id)
    if argument is None:
        return Text.assemble(("This argument is no longer in the pack.", "bold"),
                             "\nYour words for it are kept below.")
    head = Text()
    if opposing:
        head.append(data_text(f"{debate.positions[argument.position].name} will say:\n", "dim"))
    head.append(data_text(argument.claim, "bold"))
    return head


def _summary(debate: Debate, argument_id: str) -> list[Option | None]:
    """The pack's summary, last in the list: it scrolls there instead of pushing the
    evidence off a small screen, and what the student acts on comes first."""
    argument = debate.arguments.get(argument_id)
    if argument is None:
        return []
    return [None, Option(Text.assemble(("Summary (the pack's): ", "italic"),
                                       data_text(argument.summary)),
                         disabled=True)]


def evidence_options(debate: Debate, entry: CaseEntry) -> list[Option | None]:
    """The argument's own quotes, then any other quote the student attached (a tick
    marks the chosen ones), then the summary."""
    argument = debate.arguments.get(entry.argument)
    offered = list(argument.quotes if argument else ())
    offered += [q for q in entry.quotes if q not in offered]
    options: list[Option | None] = []
    for quote_id in offered:
        mark = Text.assemble(("[x] " if quote_id in entry.quotes else "[ ] ", "bold"))
        quote = debate.quotes.get(quote_id)
        body = (quote_card(debate, quote) if quote
                else data_text(f"A quote no longer in the pack: {quote_id}", "italic"))
        if options:
            options.append(None)  # a rule between cards, to read them apart
        options.append(Option(mark + body, id=quote_id))
    if not offered:
        options.append(Option("The pack gives this argument no quotes.", disabled=True))
    return options + _summary(debate, entry.argument)


def suggestion_options(debate: Debate, case: Case, opposing_id: str) -> list[Option | None]:
    """The pack's answers from the student's side, to read (never copied into their
    rebuttal), then the summary of what the other side says."""
    answers = case.suggestions(debate, opposing_id)
    marks = CaseMarks.of_case(case)
    mine = side_word(len(debate.positions))
    options = ([Option(argument_row(debate, a, mark=marks.of(a.id)), id=a.id) for a in answers]
               if answers
               else [Option(f"The pack gives no answer from your {mine}: this one is yours "
                            "to find.", disabled=True)])
    return options + _summary(debate, opposing_id)


# What the explorer's collect key did, in the student's words.
COLLECTED = {
    Collected.ADDED: "Added to your case.",
    Collected.ALREADY: "Already in your case.",
    Collected.EXPECTED: "Added to what you expect from {others}.",
    Collected.ALREADY_EXPECTED: "Already on your list to answer.",
}


def collected(debate: Debate, outcome: Collected) -> str:
    return COLLECTED[outcome].format(others=the_others(len(debate.positions)))


@dataclass(frozen=True)
class Words:
    """How the screen names one list's parts."""

    heading: str
    empty: str  # after the heading while the list is empty
    offered: str  # the box above the student's text
    text: str  # the box of the student's text
    removed: str  # after removing an item


WORDS = {
    Kind.MINE: Words("Your arguments, in speaking order", "press a to add one",
                     "Evidence (Enter ticks a quote)", "Your notes",
                     "Removed from your case, with its notes. Press u to undo."),
    Kind.EXPECTED: Words("Expect from {others}", "press a to add one, E for all",
                         "Answers from your {own} (the pack's)", "Your rebuttal",
                         "Removed from what you expect, with your rebuttal. Press u to undo."),
}


def words(debate: Debate, kind: Kind) -> Words:
    """How the screen names one list's parts in this debate ("the other side", or
    "the other positions" when there are more than two)."""
    count = len(debate.positions)
    kept = WORDS[kind]
    return Words(*(text.format(others=the_others(count), own=side_word(count))
                   for text in (kept.heading, kept.empty, kept.offered, kept.text,
                                kept.removed)))


def item_row(debate: Debate, case: Case, number: int, item: CaseEntry | Expected) -> Text:
    """The case list's row for an item at its place (from 1) in its list."""
    if isinstance(item, CaseEntry):
        return entry_row(debate, number, item)
    return expected_row(debate, case, item)


def row(debate: Debate, case: Case, key: ItemKey) -> Text:
    """The case list's row for an item, whichever list it is on."""
    if key.kind is Kind.MINE:
        return entry_row(debate, case.entries.index(key.argument) + 1,
                         case.entries.get(key.argument))
    return expected_row(debate, case, case.expected.get(key.argument))


def offered_options(debate: Debate, case: Case, key: ItemKey) -> list[Option | None]:
    """Beside the student's text: the quotes to tick, or the pack's answers to read."""
    if key.kind is Kind.MINE:
        return evidence_options(debate, case.entries.get(key.argument))
    return suggestion_options(debate, case, key.argument)
