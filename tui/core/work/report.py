"""A teacher's report of a whole class: each student's side, their arguments in
speaking order with their evidence and notes, what they expect from the other side
and how they answer it, as one Markdown document and as CSV rows.

It only reads: a damaged case is reported, never moved aside or repaired (that is
the student's app's job, with the student told).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from tui.core.export.as_markdown import attribution
from tui.core.export.markdown_text import md, md_line, md_notes, quote_block
from tui.core.files import read_regular_file
from tui.core.pack.model import Debate
from tui.core.wording import the_others
from tui.core.work.case import MARKS, Case
from tui.core.work.case_data import DamagedCase, parse
from tui.core.work.classroom import Student, students
from tui.core.work.storage import Storage

CSV_COLUMNS = ("student", "side", "list", "order", "argument", "claim", "evidence",
               "notes or rebuttal", "drill")
# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class StudentCase:
    student: Student
    case: Case | None  # None: nothing saved yet, or `problem` says why it is unread
    problem: str = ""


def read_class(class_folder: Path, debate: Debate) -> list[StudentCase]:
    """Every student's case for this debate's pack, by name, read without changing it."""
    found = []
    for student in students(class_folder):
        path = Storage(debate.folder, student.folder).path
        try:
            found.append(StudentCase(student, parse(read_regular_file(path))))
        except FileNotFoundError:
            found.append(StudentCase(student, None))
        except (OSError, DamagedCase) as error:
            found.append(StudentCase(student, None, f"the saved case could not be read "
                                                    f"({getattr(error, 'strerror', '') or error})"))
    return found


def _side(debate: Debate, case: Case | None) -> str:
    if case is None or case.side not in debate.positions:
        return "not chosen"
    return debate.positions[case.side].name


def _claim(debate: Debate, argument_id: str) -> str:
    argument = debate.arguments.get(argument_id)
    return argument.claim if argument else f"(no longer in the pack: {argument_id})"


def to_report(debate: Debate, class_cases: list[StudentCase]) -> str:
    info = debate.info
    lines = [f"# Class report: {md_line(info.title)}", "", f"**Motion:** {md(info.motion)}", ""]
    if not class_cases:
        return "\n".join([*lines, "*No student has started yet.*", ""])
    lines += ["| Student | Side | Arguments | With evidence | Expected | Answered |",
              "|---|---|---|---|---|---|"]
    for one in class_cases:
        case = one.case or Case()
        evidenced = sum(1 for entry in case.entries if entry.quotes)
        answered = sum(1 for expected in case.expected if expected.rebuttal.strip())
        lines.append(f"| {md_line(one.student.name)} | {md_line(_side(debate, one.case))} | "
                     f"{len(case.entries)} | {evidenced} | {len(case.expected)} | {answered} |")
    lines.append("")
    for one in class_cases:
        lines += _student(debate, one)
    return "\n".join(lines).rstrip() + "\n"


def _student(debate: Debate, one: StudentCase) -> list[str]:
    lines = [f"## {md_line(one.student.name)}", ""]
    if one.case is None:
        why = one.problem or "no case saved yet"
        return [*lines, f"*{md_line(why[0].upper() + why[1:])}.*", ""]
    case = one.case
    lines += [f"**Side:** {md_line(_side(debate, case))}", "",
              "### Arguments, in speaking order", ""]
    if not case.entries:
        lines += ["*None yet.*", ""]
    for number, entry in enumerate(case.entries, 1):
        lines += [f"{number}. **{md_line(_claim(debate, entry.argument))}**", ""]
        if entry.notes.strip():
            lines += [f"   Notes: {md_notes(' '.join(entry.notes.split()))}", ""]
        quotes = [debate.quotes[q] for q in entry.quotes if q in debate.quotes]
        if not quotes:
            lines += ["   *No evidence chosen.*", ""]
        for quote in quotes:
            lines += ["   " + line if line else "" for line in
                      quote_block(quote.text, attribution(debate, quote))]
    lines += [f"### Expected from {the_others(len(debate.positions))}", ""]
    if not case.expected:
        lines += ["*None yet.*", ""]
    for number, expected in enumerate(case.expected, 1):
        answer = (md_notes(" ".join(expected.rebuttal.split())) if expected.rebuttal.strip()
                  else "*not answered yet*")
        lines += [f"{number}. **{md_line(_claim(debate, expected.argument))}**", "",
                  f"   Answer: {answer}", ""]
    if case.drill:
        marks = [sum(1 for r in case.drill.values() if r.mark == mark) for mark in MARKS]
        done = ", ".join(f"{n} {mark}" for n, mark in zip(marks, MARKS, strict=True))
        lines += [f"**Drill:** {done}", ""]
    return lines


def _cell(text: str) -> str:
    """Student text as a CSV cell a spreadsheet shows, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA) else text


def _evidence(debate: Debate, quote_id: str) -> str:
    quote = debate.quotes[quote_id]
    return f"{quote.text} ({debate.speakers[quote.speaker].name})"


def to_csv(debate: Debate, class_cases: list[StudentCase]) -> str:
    """One row per argument of each student (their own, then those they expect)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for one in class_cases:
        if one.case is None:
            continue
        side = _side(debate, one.case)
        drill = one.case.drill
        for number, entry in enumerate(one.case.entries, 1):
            evidence = " | ".join(_evidence(debate, q) for q in entry.quotes
                                  if q in debate.quotes)
            row = [one.student.name, side, "argues", str(number), entry.argument,
                   _claim(debate, entry.argument), evidence, entry.notes, ""]
            writer.writerow([_cell(cell) for cell in row])
        for number, expected in enumerate(one.case.expected, 1):
            record = drill.get(expected.argument)
            row = [one.student.name, side, "expects", str(number), expected.argument,
                   _claim(debate, expected.argument), "", expected.rebuttal,
                   record.mark if record else ""]
            writer.writerow([_cell(cell) for cell in row])
    return out.getvalue()
