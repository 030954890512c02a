"""Loading a pack folder into a checked `Debate`, or every reason it cannot be.

`load_pack` never raises for a bad pack: it returns the model (when there are
no errors) and the list of problems, each naming file, line and column.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from tui.core.pack import model
from tui.core.pack.controls import control_characters
from tui.core.pack.packfiles import (
    YAML_SUFFIXES,
    LoadResult,
    collector_paused,
    read_text,
    scan_pack,
    shown_path,
)
from tui.core.pack.problems import Problem, Severity, did_you_mean
from tui.core.pack.records import Record, Reporter, read_mapping
from tui.core.pack.schema import PLACEHOLDER, SECTIONS, Field, Section
from tui.core.pack.sections import MODEL_OF
from tui.core.pack.sourcefiles import find_source, read_source
from tui.core.pack.textmatch import Article, closest_passage, missing_mark
from tui.core.pack.yamlfile import compose, where


def load_pack(path: Path | str, overlay: Mapping[Path, str | None] | None = None) -> LoadResult:
    """The checked debate in a folder (or one YAML file), and every problem found.

    `overlay` gives YAML files' texts as they would be after an edit (None: the
    file removed), so an edit is checked before anything is written.
    """
    with collector_paused():
        return _PackLoader(Path(path), overlay).load()




def _target(spec: Field) -> str:
    """The section a reference field points into."""
    assert spec.target is not None, f"the schema gives '{spec.name}' no target section"
    return spec.target


class _PackLoader:
    def __init__(self, path: Path, overlay: Mapping[Path, str | None] | None = None) -> None:
        self.path = path
        self.overlay = {os.path.abspath(p): text for p, text in (overlay or {}).items()}
        self.folder = (path if os.path.isdir(path) else path.parent).resolve()
        self.problems: list[Problem] = []
        self.records: dict[str, list[Record]] = defaultdict(list)
        self.by_id: dict[str, dict[str, Record]] = defaultdict(dict)

    # -- reporting -------------------------------------------------------

    def at(self, record: Record, key: str | None, message: str, hint: str = "",
           severity: Severity = "error") -> None:
        node = record.nodes.get(key, record.node) if key else record.node
        record.reporter.at(node, message, hint, severity)

    def whole(self, message: str, hint: str = "", severity: Severity = "error") -> None:
        self.problems.append(Problem(shown_path(self.path), 0, 0, message, hint, severity))

    # -- the steps -------------------------------------------------------

    def load(self) -> LoadResult:
        try:
            os.stat(self.path)
        except FileNotFoundError:
            self.whole("no such pack: there is no folder or file at this path")
            return self._result(None)
        except (OSError, ValueError) as error:  # a name too long, a NUL, no permission
            self.whole(f"cannot open the pack: {getattr(error, 'strerror', None) or error}")
            return self._result(None)
        if not os.path.isdir(self.path) and self.path.suffix not in YAML_SUFFIXES:
            self.whole("not a pack: give a pack's folder, or one of its .yaml files")
            return self._result(None)
        found = scan_pack(self.path)
        self.problems.extend(found.problems)
        files = found.files
        if self.overlay:
            known = {os.path.abspath(f) for f in files}
            kept = [f for f in files if self.overlay.get(os.path.abspath(f), "") is not None]
            files = sorted(kept + [Path(p) for p, t in self.overlay.items()
                                   if p not in known and t])
        if not files:
            if not found.problems:
                self.whole("no YAML files (*.yaml, *.yml) in this folder, so it is not a pack")
            return self._result(None)
        reporters = []
        every_file_read = not found.problems
        for file in files:
            reporter, was_read = self._read_file(file)
            reporters.append(reporter)
            every_file_read &= was_read
        # A file that cannot be read hides its records: checks across files would
        # then report ids as missing and things as unused that are only unseen.
        if every_file_read:
            self._check_pack_shape()
            self._check_references()
        self._check_arguments()
        self._check_facts()
        self._check_dates()
        texts = self._read_sources()
        offsets = self._locate_quotes(texts)
        if every_file_read:
            self._check_unused()
        self._check_placeholders()
        for reporter in reporters:
            self.problems.extend(reporter.problems)
        if any(p.severity == "error" for p in self.problems):
            return self._result(None)
        return self._result(self._build(texts, offsets))

    def _result(self, debate: model.Debate | None) -> LoadResult:
        self.problems.sort(key=lambda p: p.sort_key)
        return LoadResult(debate, self.problems)

    def _read_file(self, path: Path) -> tuple[Reporter, bool]:
        """Read one file's sections; False when the file itself cannot be read."""
        reporter = Reporter(shown_path(path))
        text, problem = self.overlay.get(os.path.abspath(path)), None
        if text is None:
            text, problem = read_text(path, reporter.shown)
        if problem is not None:
            reporter.problems.append(problem)
            return reporter, False
        root, problems = compose(text or "", reporter.shown)
        if problems:
            reporter.problems.extend(problems)
            return reporter, False
        if root is None:
            reporter.problems.append(Problem(reporter.shown, 0, 0, "the file is empty", "",
                                             "warning"))
            return reporter, True
        reporter.problems.extend(control_characters(root, text or "", reporter.shown))
        if not reporter.untagged(root, "the file"):
            return reporter, False
        if not isinstance(root, yaml.MappingNode):
            reporter.at(root, "a pack file should be a mapping of sections (pack, positions, "
                        "arguments ...)", "start each section at the left margin: 'quotes:'")
            return reporter, False
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in root.value:
            if not reporter.untagged(key_node, "a section name"):
                continue
            if not isinstance(key_node, yaml.ScalarNode):  # never str() it: it may be deep
                reporter.at(key_node, "a section name should be a word such as 'quotes'")
                continue
            name = key_node.value
            section = SECTIONS.get(name)
            if section is None:
                hint = did_you_mean(name, SECTIONS) or "sections are: " + ", ".join(SECTIONS)
                reporter.at(key_node, f"unknown section '{name}'", hint)
                continue
            if name in seen:
                reporter.at(key_node, f"section '{name}' appears twice in this file (also on "
                            f"line {where(seen[name])[0]})",
                            "YAML would silently keep only the last one; merge them")
                continue
            seen[name] = key_node
            self._read_section(key_node, value_node, section, reporter)
        return reporter, True

    def _read_section(self, key: yaml.Node, node: yaml.Node, section: Section,
                      reporter: Reporter) -> None:
        if not section.is_list:
            record = read_mapping(node, section, reporter, f"'{section.name}'")
            if record is not None:
                self.records[section.name].append(record)
            return
        if not reporter.untagged(node, f"'{section.name}'", at=key):
            return
        if not isinstance(node, yaml.SequenceNode):
            reporter.at(node, f"'{section.name}' should be a list of {section.name}, each item "
                        "starting with '- '")
            return
        if not node.value:
            reporter.at(node, f"'{section.name}' is an empty list",
                        "remove the section or fill it")
            return
        ids = self.by_id[section.name]
        for item in node.value:
            record = read_mapping(item, section, reporter, f"an item of '{section.name}'")
            if record is None:
                continue
            identifier = record.id
            if identifier is not None:
                first = ids.get(identifier)
                if first is not None:
                    line, _ = where(first.nodes["id"])
                    self.at(record, "id", f"duplicate id: {section.singular} '{identifier}' is "
                            f"already defined at {first.reporter.shown}:{line}",
                            f"give each {section.singular} its own id")
                    continue
                ids[identifier] = record
            self.records[section.name].append(record)

    def _check_pack_shape(self) -> None:
        packs = self.records["pack"]
        if not packs:
            self.whole("no file gives the 'pack' section (title, motion, summary)")
        for extra in packs[1:]:
            first = packs[0]
            self.at(extra, None, f"'pack' is given again; it was already given at "
                    f"{first.reporter.shown}:{where(first.node)[0]}", "give it in one file only")
        positions = len(self.records["positions"])
        if not positions:
            self.whole("a debate needs at least one position; this pack has none")
        elif positions == 1:
            self.whole("this pack has one position, so there is no other to answer: the "
                       "drill and the arguments to expect stay empty", severity="warning")
        if not self.records["arguments"]:  # a new pack: a warning, so it opens to be written
            self.whole("this pack has no arguments yet", "add them in the app: debate-explorer "
                       "edit FOLDER", "warning")

    def _references(self) -> Iterator[tuple[Record, str, str, str, yaml.Node]]:
        """Every reference of every record: (record, key, target section, id, node)."""
        for name, records in self.records.items():
            section = SECTIONS[name]
            ref_fields = [f for f in section.fields if f.kind in ("ref", "refs", "records")]
            if not ref_fields:
                continue
            for record in records:
                for spec in ref_fields:
                    value = record.values.get(spec.name)
                    if value is None:
                        continue
                    if spec.kind == "ref":
                        yield record, spec.name, _target(spec), value, record.nodes[spec.name]
                    elif spec.kind == "refs":
                        for target_id, node in value:
                            yield record, spec.name, _target(spec), target_id, node
                    else:
                        for sub in value:
                            for sub_spec in sub.section.fields:
                                if sub_spec.name not in sub.values:
                                    continue
                                if sub_spec.kind == "ref":
                                    yield (sub, sub_spec.name, _target(sub_spec),
                                           sub.values[sub_spec.name], sub.nodes[sub_spec.name])
                                elif sub_spec.kind == "refs":
                                    for target_id, node in sub.values[sub_spec.name]:
                                        yield sub, sub_spec.name, _target(sub_spec), target_id, node

    def _check_references(self) -> None:
        for record, key, target, target_id, node in self._references():
            if target_id not in self.by_id[target]:
                singular = SECTIONS[target].singular
                hint = did_you_mean(target_id, self.by_id[target]) or (
                    f"no {singular} has that id" if self.by_id[target] else
                    f"this pack defines no {target}")
                record.reporter.at(node, f"'{key}' of {record.label} refers to {singular} "
                                   f"'{target_id}', which does not exist", hint)

    def _position_of(self, argument_id: str) -> str | None:
        target = self.by_id["arguments"].get(argument_id)
        return target.values.get("position") if target else None

    def _check_arguments(self) -> None:
        for record in self.records["arguments"]:
            own = record.values.get("position")
            for target_id, node in record.values.get("rebuts", []):
                theirs = self._position_of(target_id)
                if target_id == record.id:
                    record.reporter.at(node, f"argument '{record.id}' rebuts itself")
                elif own and theirs == own:
                    record.reporter.at(
                        node, f"argument '{record.id}' rebuts '{target_id}', an argument of its "
                        f"own position '{own}'",
                        "a rebuttal answers another position; use 'supports' within a side")
            self._check_exchanges(record)
            for target_id, node in record.values.get("supports", []):
                theirs = self._position_of(target_id)
                if target_id == record.id:
                    record.reporter.at(node, f"argument '{record.id}' supports itself")
                elif own and theirs and theirs != own:
                    record.reporter.at(
                        node, f"argument '{record.id}' supports '{target_id}', an argument of "
                        f"another position '{theirs}'",
                        "'supports' links arguments of one side; use 'rebuts' to answer")

    def _check_exchanges(self, record: Record) -> None:
        """A recorded exchange answers one of the argument's rebuttals, once, and cites
        words of both sides."""
        rebuts = {target_id for target_id, _node in record.values.get("rebuts", [])}
        seen: set[str] = set()
        for exchange in record.values.get("exchanges", []):
            answered = exchange.values.get("answers")
            if answered is None:
                continue
            if answered not in rebuts:
                self.at(exchange, "answers", f"argument '{record.id}' records an exchange with "
                        f"'{answered}', which is not one of its 'rebuts'",
                        f"add '{answered}' to 'rebuts', or remove the exchange")
            elif answered in seen:
                self.at(exchange, "answers", f"argument '{record.id}' records its exchange with "
                        f"'{answered}' twice", "give each rebuttal one exchange")
            seen.add(answered)
            sides = {record.values.get("position"): False, self._position_of(answered): False}
            quote_ids = [quote_id for quote_id, _node in exchange.values.get("quotes", [])]
            if answered not in rebuts or any(q not in self.by_id["quotes"] for q in quote_ids):
                continue  # reported already
            for quote_id in quote_ids:
                side = self._side_of_quote(quote_id)
                if side in sides:
                    sides[side] = True
            for side, cited in sides.items():
                if side and not cited:
                    self.at(exchange, "quotes", f"the exchange of argument '{record.id}' with "
                            f"'{answered}' cites no quote by a speaker of position '{side}'",
                            "cite the words of each side that show one answering the other; "
                            "a pairing the sources do not record needs no exchange")

    def _side_of_quote(self, quote_id: str) -> str | None:
        quote = self.by_id["quotes"].get(quote_id)
        speaker = self.by_id["speakers"].get(quote.values.get("speaker", "")) if quote else None
        return speaker.values.get("position") if speaker else None

    def _check_facts(self) -> None:
        for record in self.records["facts"]:
            for conflict in record.values.get("conflicts_with", []):
                if conflict.values.get("fact") == record.id:
                    self.at(conflict, "fact", f"fact '{record.id}' conflicts with itself")

    def _check_dates(self) -> None:
        for record in self.records["sources"]:
            values = record.values
            if "file" not in record.nodes and "url" not in record.nodes:
                self.at(record, None, f"{record.label} has no 'file' or 'url'",
                        "give the article's text file, the page's address, or both")
            if "date" in record.nodes and "approximate_date" in record.nodes:
                self.at(record, "approximate_date", f"{record.label} has both 'date' and "
                        "'approximate_date'", "keep the one the text supports")
            elif ("date" not in record.nodes and "approximate_date" not in record.nodes
                  and "url" not in record.nodes):
                self.at(record, None, f"{record.label} has no 'date' or 'approximate_date'",
                        "if the text does not date it, give approximate_date and date_reason")
            if "approximate_date" in values and "date_reason" not in record.nodes:
                self.at(record, "approximate_date", f"{record.label} has an approximate date "
                        "but no 'date_reason'", "say what in the text dates it")

    def _read_sources(self) -> dict[str, tuple[Path, str]]:
        texts: dict[str, tuple[Path, str]] = {}
        cache: dict[Path, tuple[str | None, str, str]] = {}
        for record in self.records["sources"]:
            name = record.values.get("file")
            if name is None or record.id is None:
                continue
            path, why, hint = find_source(name, self.folder)
            if path is None:
                self.at(record, "file", f"{record.label}: {why}", hint)
                continue
            if path not in cache:
                cache[path] = read_source(path, shown_path(path))
            text, why, hint = cache[path]
            if text is None:
                self.at(record, "file", f"{record.label}: cannot use '{name}': {why}", hint)
                continue
            texts[record.id] = (path, text)
        return texts

    def _locate_quotes(self, texts: dict[str, tuple[Path, str]]) -> dict[str, tuple[int, int]]:
        offsets: dict[str, tuple[int, int]] = {}
        articles = {source_id: Article(text) for source_id, (_path, text) in texts.items()}
        for record in self.records["quotes"]:
            quote_text = record.values.get("text")
            source_id = record.values.get("source", "")
            article = articles.get(source_id)
            source = self.by_id["sources"].get(source_id)
            if article is None and source is not None and "file" not in source.nodes:
                self.at(record, "source", f"quote '{record.id}' is from source '{source_id}', "
                        "which has no file to quote from",
                        "give the source a 'file' holding the words, or cite it another way")
            if quote_text is None or article is None or record.id is None:
                continue
            found = article.locate(quote_text)
            if found is None:
                start = closest_passage(quote_text, article.text)
                hint = (missing_mark(quote_text, start, article) or
                        f"the source has '{start}' but not what follows" if start else
                        "not even its first word is in the source")
                self.at(record, "text", f"the words of quote '{record.id}' are not in source "
                        f"'{record.values['source']}'", hint)
                continue
            offsets[record.id] = found
        return offsets

    def _check_unused(self) -> None:
        """Warnings for what nothing uses: usually a forgotten link, never fatal."""
        arguments, quotes = self.records["arguments"], self.records["quotes"]
        imported = any("imported_from" in r.values for r in self.records["pack"])
        users = (*arguments, *self.records["speakers"])
        used = {
            "speakers": ({r.values.get("speaker") for r in quotes}, "has no quotes"),
            "sources": ({r.values.get("source") for r in quotes}, "is never quoted"),
            "themes": ({t for r in arguments for t, _node in r.values.get("themes", ())},
                       "is used by no argument"),
            "positions": ({r.values.get("position") for r in users},
                          "has no arguments or speakers"),
        }
        for section, (ids, complaint) in used.items():
            for record in self.records[section]:
                if section == "sources" and "file" not in record.nodes:
                    continue  # a page known by its address: there is nothing in it to quote
                if record.id is not None and record.id not in ids:
                    self.at(record, "id", f"{record.label} {complaint}", "", "warning")
        for record in [] if imported else arguments:  # an import's claims cite, not quote
            if record.id is not None and "quotes" not in record.nodes:
                self.at(record, "id", f"{record.label} has no quotes to carry it",
                        "add the quotes that make this argument", "warning")

    def _check_placeholders(self) -> None:
        """Warnings for text a new pack left for the teacher to write ("TODO: the motion")."""
        for records in self.records.values():
            for record in records:
                for key, value in record.values.items():
                    texts = [value] if isinstance(value, str) else [
                        v[0] for v in value if isinstance(v, tuple)] if isinstance(
                        value, list) else []
                    if any(text.startswith(PLACEHOLDER) for text in texts):
                        self.at(record, key, f"'{key}' of {record.label} is still a placeholder",
                                f"write it in place of '{PLACEHOLDER}...'", "warning")

    # -- building the model ------------------------------------------------

    def _build(self, texts: dict[str, tuple[Path, str]],
               offsets: dict[str, tuple[int, int]]) -> model.Debate:
        def build(section: str, **extra: Callable[[Record], object]) -> dict[str, Any]:
            cls = MODEL_OF[section]
            lists = [f.name for f in SECTIONS[section].fields if f.kind in ("refs", "texts")]
            built: dict[str, Any] = {}
            for record in self.records[section]:
                values = dict(record.values)
                for key in lists:  # (text, node) pairs: the model keeps the text
                    if key in values:
                        values[key] = tuple(text for text, _node in values[key])
                for key, make in extra.items():
                    values[key] = make(record)
                built[record.checked_id] = cls(**values)
            return built

        def nested(record: Record, key: str) -> tuple[Any, ...]:
            cls = MODEL_OF[key]
            made = []
            for item in record.values.get(key, ()):
                values = {name: tuple(text for text, _node in value) if isinstance(value, list)
                          else value for name, value in item.values.items()}
                made.append(cls(**values))
            return tuple(made)

        made = {
            "positions": build("positions", side=lambda r: r.values.get("side")),
            "speakers": build("speakers", position=lambda r: r.values.get("position"),
                              described_as=lambda r: nested(r, "described_as")),
            "sources": build("sources", file=lambda r: r.values.get("file", ""),
                             path=lambda r: texts[r.checked_id][0] if "file" in r.values
                             else None,
                             text=lambda r: texts[r.checked_id][1] if "file" in r.values
                             else ""),
            "quotes": build("quotes", start=lambda r: offsets[r.checked_id][0],
                            end=lambda r: offsets[r.checked_id][1]),
            "facts": build("facts", conflicts_with=lambda r: nested(r, "conflicts_with")),
            "arguments": build("arguments", exchanges=lambda r: nested(r, "exchanges")),
        }
        def section(name: str) -> dict[str, Any]:
            return made[name] if name in made else build(name)

        return model.Debate(
            folder=self.folder, info=MODEL_OF["pack"](**self.records["pack"][0].values),
            themes=section("themes"), positions=section("positions"),
            speakers=section("speakers"), sources=section("sources"), quotes=section("quotes"),
            arguments=section("arguments"), facts=section("facts"))
