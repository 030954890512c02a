"""A student's case as a printable Markdown handout: their side, their arguments in
speaking order with their notes and evidence, what they expect from the other
side (or every other position) with their planned rebuttals, and the sources they
rely on. Every reply the pack lists says whether an article records it or the pack
paired it."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.export.as_markdown import attribution, replies_list
from tui.core.export.markdown_text import md, md_code, md_line, md_notes, quote_block
from tui.core.pack.model import Debate, Source
from tui.core.pack.rebuttals import replies_to
from tui.core.wording import side_word, the_others
from tui.core.work.case import Case, CaseEntry, Expected


def to_handout(debate: Debate, case: Case) -> str:
    info = debate.info
    count = len(debate.positions)
    mine = f"**My {side_word(count)}:**"
    lines = [f"# My case: {md_line(info.title)}", "", f"**Motion:** {md(info.motion)}", ""]
    if case.side in debate.positions:
        position = debate.positions[case.side]
        on_motion = f" ({position.on_motion})" if position.on_motion else ""
        lines += [f"{mine} {md(position.name)}{on_motion}. {md(position.stance)}", ""]
    else:
        lines += [f"{mine} not chosen yet.", ""]
    lines += ["## My arguments, in speaking order", ""]
    if not case.entries:
        lines += ["*No arguments in the case yet.*", ""]
    for number, entry in enumerate(case.entries, 1):
        lines += _entry(debate, entry, number)
        if entry.argument in debate.arguments:
            lines += replies_list(debate, f"How {the_others(count)} may reply",
                                  replies_to(debate, entry.argument), "answer")
    lines += [f"## What {the_others(count)} will say", ""]
    if not case.expected:
        lines += ["*No opposing arguments listed yet.*", ""]
    for number, expected in enumerate(case.expected, 1):
        lines += _expected(debate, expected, number)
        if expected.argument in debate.arguments:
            lines += replies_list(debate, f"Replies from my {side_word(count)} in the pack", [
                r for r in replies_to(debate, expected.argument)
                if r.answer.position == case.side or not case.side], "answer")
    lines += _sources(debate, case)
    return "\n".join(lines).rstrip() + "\n"


def _entry(debate: Debate, entry: CaseEntry, number: int) -> list[str]:
    argument = debate.arguments.get(entry.argument)
    if argument is None:
        lines = [f"### {number}. (no longer in the pack: {md_code(entry.argument)})", ""]
    else:
        lines = [f"### {number}. {md_line(argument.claim)}", ""]
    lines += ["**My notes:**", "", md_notes(entry.notes.strip()) or "*No notes yet.*", ""]
    lines += ["**Evidence:**", ""]
    if not entry.quotes:
        lines += ["*No evidence chosen yet.*", ""]
    for quote_id in entry.quotes:
        quote = debate.quotes.get(quote_id)
        if quote is None:
            lines += [f"*A quote that is no longer in the pack: {md_code(quote_id)}.*", ""]
            continue
        lines += quote_block(quote.text, attribution(debate, quote))
    return lines


def _expected(debate: Debate, expected: Expected, number: int) -> list[str]:
    argument = debate.arguments.get(expected.argument)
    if argument is None:
        lines = [f"### {number}. (no longer in the pack: {md_code(expected.argument)})", ""]
    else:
        side = debate.positions[argument.position].label
        lines = [f"### {number}. {md_line(f'{argument.claim} ({side})')}", ""]
    return [*lines, "**My rebuttal:**", "",
            md_notes(expected.rebuttal.strip()) or "*No rebuttal planned yet.*", ""]


def sources_used(debate: Debate, case: Case) -> list[Source]:
    """The sources of the evidence in the case, each once, in the order first used:
    what both handouts (Markdown and HTML) list."""
    used: dict[str, Source] = {}
    for entry in case.entries:
        for quote_id in entry.quotes:
            quote = debate.quotes.get(quote_id)
            if quote is not None and quote.source in debate.sources:
                used.setdefault(quote.source, debate.sources[quote.source])
    return list(used.values())


def _sources(debate: Debate, case: Case) -> list[str]:
    used = sources_used(debate, case)
    lines = ["## Sources", ""]
    if not used:
        return [*lines, "*No evidence chosen yet, so no sources.*", ""]
    for source in used:
        lines.append(f"- **{md_line(source.headline)}** — "
                     f"{md_line(f'{source.outlet}, {source.when}')}.")
    return [*lines, ""]


def handout_path(debate: Debate, data_dir: str | os.PathLike[str] | None,
                 suffix: str) -> Path:
    """Where a handout is written unless the student says otherwise: the data folder's
    `handouts/`, not wherever the app was started from."""
    from tui.core.work.storage import data_folder, pack_key

    return data_folder(data_dir) / "handouts" / f"my-case-{pack_key(debate.folder)}{suffix}"


def saved_handout(debate: Debate, data_dir: str | None = None, *, html: bool = False,
                  student: str = "") -> tuple[str | None, list[str]]:
    """The handout of the case saved for this pack (None if there is none), and
    messages for the user. For `debate-explorer export --case`."""
    from tui.core.work.handout_html import to_html
    from tui.core.work.storage import Storage, StorageError

    storage = Storage(debate.folder, data_dir)
    if not storage.exists():
        return None, [f"No case saved for this pack yet (looked for {storage.path}). "
                      "Build one in the explorer first."]
    try:
        case, outcome = storage.load()
    except StorageError as error:
        return None, [str(error)]
    if case.is_empty():  # the file was damaged and moved aside
        return None, outcome.messages
    return (to_html(debate, case, student) if html else to_handout(debate, case),
            outcome.messages)


def write_html_handout(debate: Debate, data_dir: str | None, output: str | None,
                       student: str | None) -> tuple[bool, list[str]]:
    """`debate-explorer export --format html`: the saved case as a page to print, written
    to `output` or to the data folder's handouts; whether it was written, and messages."""
    from tui.core.files import write_atomically
    from tui.core.work.settings import SettingsFile
    from tui.core.work.storage import data_folder

    settings, messages = SettingsFile(data_folder(data_dir)).load()
    page, more = saved_handout(debate, data_dir, html=True,
                               student=settings.student_name if student is None else student)
    messages += more
    if page is None:
        return False, messages
    path = Path(output) if output else handout_path(debate, data_dir, ".html")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, page)
    except OSError as error:
        return False, [*messages, f"cannot write {path}: {error.strerror or error}"]
    return True, [*messages, f"Handout written to {path}. Open it in a browser to print it."]
