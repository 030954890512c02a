"""`debate-explorer import kialo FILE -o FOLDER`: read the export, write the pack,
check it, and say what was read, what was made and every line that was not used."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.controls import one_line
from tui.core.files import read_regular_file
from tui.core.interop.kialo import NotKialo, read_discussion
from tui.core.interop.kialo_pack import PackPlan, plan_pack
from tui.core.interop.packwriter import FolderTaken, dump, write_pack
from tui.core.wording import plural

MAX_EXPORT_BYTES = 64_000_000  # Kialo's largest discussions are a few MB


@dataclass
class Outcome:
    """What the command prints (`said` on stdout, `problems` on stderr) and its status."""

    status: int = 0
    said: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    plan: PackPlan | None = None


def import_kialo(export: Path, target: Path) -> Outcome:
    outcome = Outcome()
    shown = one_line(str(export))
    started = time.perf_counter()
    try:
        data = read_regular_file(export, MAX_EXPORT_BYTES)
    except OSError as error:
        outcome.problems.append(f"{shown}: cannot read it: {error.strerror or error}")
        outcome.status = 1
        return outcome
    try:
        discussion = read_discussion(data)
    except NotKialo as error:
        outcome.problems.append(f"{shown}:{error.line}: {error.why}")
        outcome.status = 1
        return outcome
    plan = plan_pack(discussion, export.name)
    outcome.plan = plan
    files = {name: dump(document) for name, document in plan.files.items()}
    files.update(plan.excerpts)
    try:
        write_pack(target, files)
    except (FolderTaken, OSError) as error:
        why = str(error) if isinstance(error, FolderTaken) else error.strerror or str(error)
        outcome.problems.append(f"cannot write the pack: {one_line(why)}")
        outcome.status = 1
        return outcome
    elapsed = time.perf_counter() - started
    counts = plan.counts
    question = f"{counts.to_question} theses under the question; " if counts.to_question else ""
    outcome.said += [
        f"Read {shown}: a Kialo export in the {discussion.format} format, "
        f"{plural(discussion.line_count, 'line')}: {one_line(discussion.title)}",
        f"  claims: {counts.claims} ({plural(counts.theses, 'thesis', 'theses')}, "
        f"{plural(counts.arguments, 'argument')})",
        f"  links: {counts.links} ({question}{counts.to_thesis} to a thesis, given by the "
        f"argument's position; {counts.rebuts} rebuts; {counts.supports} supports; "
        f"{counts.see_read - counts.see_made} not usable)",
        f"  '-> See' links: {counts.see_read} read, {counts.see_made} made, "
        f"{counts.see_read - counts.see_made} not usable",
        f"  sources: {plural(counts.sources, 'source')} from "
        f"{plural(counts.source_entries, 'address', 'addresses')}; "
        f"{plural(counts.excerpts, 'excerpt')} made into quotes",
        "  arguments per position: " + "; ".join(
            f"{one_line(name)}: {n}" for name, n in counts.per_position.items()),
        f"  lines not used, or used with a change: {len(plan.unusable)}",
        f"Wrote {one_line(str(target))}: {plural(len(plan.files), 'pack file')}, "
        f"{plural(len(plan.excerpts), 'excerpt file')}, in {elapsed:.2f} s",
    ]
    outcome.problems += [f"{shown}:{u.line}: {u.why}" for u in plan.unusable]
    return outcome
