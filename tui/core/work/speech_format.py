"""Debate formats for the speech timer: the order of speeches, how long each is, when
points of information may be offered, and each team's preparation time.

A format is data: the shipped ones are YAML files in `formats/` beside this module,
and a teacher adds one by putting a file of the same shape in the data folder's
`formats/` folder (docs/speech-formats.md). Every file is checked the way a pack is:
a mistake is a `Problem` with its file, line and column, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.files import read_regular_file
from tui.core.pack.problems import Problem, did_you_mean
from tui.core.pack.yamlfile import compose, where

SHIPPED = Path(__file__).with_name("formats")
# The shipped formats in the order the timer offers them; a teacher's come after.
SHIPPED_ORDER = ("british-parliamentary", "world-schools", "lincoln-douglas", "public-forum",
                 "classroom")
MAX_FILE = 64_000  # bytes: a format is a few dozen lines
MAX_SECONDS = 60 * 60


@dataclass(frozen=True)
class Window:
    """When points of information may be offered, in seconds from the speech's start."""

    start: int
    end: int


@dataclass(frozen=True)
class Speech:
    name: str
    seconds: int
    side: str = ""  # the team that speaks ("" for both, as in a crossfire)
    points: Window | None = None  # None: no points of information in this speech


@dataclass(frozen=True)
class SpeechFormat:
    id: str  # the file's name without .yaml: what the settings remember
    name: str
    speeches: tuple[Speech, ...]
    about: str = ""
    prep: tuple[tuple[str, int], ...] = ()  # (team, seconds), in the file's order


@dataclass
class Formats:
    """Every format found, shipped ones first, and the problems of files that were not."""

    formats: list[SpeechFormat]
    problems: list[Problem]

    def get(self, format_id: str) -> SpeechFormat | None:
        return next((f for f in self.formats if f.id == format_id), None)


_TIME = re.compile(r"^(\d{1,3})(?::([0-5]\d))?$")
_FORMAT_KEYS = ("name", "about", "points_of_information", "prep", "speeches")
_SPEECH_KEYS = ("name", "time", "side", "points_of_information")


def clock(seconds: int) -> str:
    """Seconds as a speech clock shows them: 7:00, 0:05."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def load_formats(data_folder: Path | None) -> Formats:
    """The shipped formats, then the teacher's from `data_folder/formats/*.yaml`."""
    found = Formats([], [])
    folders = [SHIPPED] + ([data_folder / "formats"] if data_folder is not None else [])
    for folder in folders:
        try:
            files = sorted(folder.glob("*.yaml"), key=_shipped_first)
        except OSError:
            continue
        for path in files:
            shown = str(path) if folder is not SHIPPED else f"formats/{path.name}"
            speech_format, problems = read_format(path, shown)
            found.problems += problems
            if speech_format is not None and found.get(speech_format.id) is None:
                found.formats.append(speech_format)
            elif speech_format is not None:
                found.problems.append(Problem(shown, 0, 0, f"a format called "
                                              f"'{speech_format.id}' is already shipped",
                                              "give the file another name"))
    return found


def _shipped_first(path: Path) -> tuple[int, str]:
    rank = SHIPPED_ORDER.index(path.stem) if path.stem in SHIPPED_ORDER else len(SHIPPED_ORDER)
    return rank, path.name


def read_format(path: Path, shown: str) -> tuple[SpeechFormat | None, list[Problem]]:
    """One format file, or None and what is wrong with it."""
    try:
        text = read_regular_file(path, MAX_FILE).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return None, [Problem(shown, 0, 0, f"cannot read the file: {why}")]
    return parse_format(text, path.stem, shown)


def parse_format(text: str, format_id: str, shown: str) -> tuple[SpeechFormat | None,
                                                                list[Problem]]:
    root, problems = compose(text, shown)
    if problems:
        return None, problems
    reader = _Reader(shown)
    speech_format = reader.format(root, format_id)
    return (speech_format if not reader.problems else None), reader.problems


class _Reader:
    """Walks a format's nodes, noting every problem with its place."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []

    def problem(self, node: Node | None, message: str, hint: str = "") -> None:
        line, column = where(node) if node is not None else (0, 0)
        self.problems.append(Problem(self.shown, line, column, message, hint))

    def mapping(self, node: Node | None, keys: tuple[str, ...], what: str) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} should be a mapping of {', '.join(keys)}")
            return {}
        found: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name not in keys:
                self.problem(key, f"unknown field '{name}' in {what}",
                             did_you_mean(name, keys) or f"the fields are {', '.join(keys)}")
            elif name in found:
                self.problem(key, f"'{name}' is given twice in {what}")
            else:
                found[name] = value
        return found

    def text(self, node: Node | None, what: str) -> str:
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            self.problem(node, f"{what} should be some text")
            return ""
        return " ".join(str(node.value).split())

    def seconds(self, node: Node | None, what: str) -> int:
        match = _TIME.match(str(node.value).strip()) if isinstance(node, ScalarNode) else None
        seconds = int(match[1]) * 60 + int(match[2] or 0) if match else 0
        if not match or not 0 < seconds <= MAX_SECONDS:
            self.problem(node, f"{what} should be minutes and seconds such as 7:00 or 4",
                         "at most 60 minutes")
            return 0
        return seconds

    def window(self, node: Node | None, what: str) -> Window | None:
        if isinstance(node, ScalarNode) and str(node.value).strip().lower() in ("none", "no"):
            return None
        start, _, end = (str(node.value) if isinstance(node, ScalarNode) else "").partition("-")
        times = [_TIME.match(part.strip()) for part in (start, end)]
        if not all(times):
            self.problem(node, f"{what} should be a range such as 1:00-6:00, or none")
            return None
        first, last = (int(t[1]) * 60 + int(t[2] or 0) for t in times if t)
        if first >= last:
            self.problem(node, f"{what} should end after it starts")
            return None
        return Window(first, last)

    def format(self, root: Node | None, format_id: str) -> SpeechFormat | None:
        fields = self.mapping(root, _FORMAT_KEYS, "a format")
        if root is None or not fields:
            return None
        for required in ("name", "speeches"):
            if required not in fields:
                self.problem(root, f"a format needs '{required}'")
        name = self.text(fields.get("name"), "'name'") if "name" in fields else ""
        about = self.text(fields["about"], "'about'") if "about" in fields else ""
        default = (self.window(fields["points_of_information"], "'points_of_information'")
                   if "points_of_information" in fields else None)
        prep = self.prep(fields["prep"]) if "prep" in fields else ()
        speeches = self.speeches(fields.get("speeches"), default) if "speeches" in fields else ()
        return SpeechFormat(format_id, name, speeches, about, prep)

    def prep(self, node: Node) -> tuple[tuple[str, int], ...]:
        if not isinstance(node, MappingNode):
            self.problem(node, "'prep' should map each team to its preparation time",
                         "for example  Affirmative: 4:00")
            return ()
        return tuple((self.text(team, "a team's name"), self.seconds(time, "prep time"))
                     for team, time in node.value)

    def speeches(self, node: Node | None, default: Window | None) -> tuple[Speech, ...]:
        if not isinstance(node, SequenceNode) or not node.value:
            self.problem(node, "'speeches' should be a list of speeches, in speaking order")
            return ()
        speeches = []
        for item in node.value:
            fields = self.mapping(item, _SPEECH_KEYS, "a speech")
            if not fields:
                continue
            for required in ("name", "time"):
                if required not in fields:
                    self.problem(item, f"a speech needs '{required}'")
            seconds = self.seconds(fields["time"], "'time'") if "time" in fields else 0
            points = default
            if "points_of_information" in fields:
                points = self.window(fields["points_of_information"], "'points_of_information'")
            if points is not None and seconds and points.end > seconds:
                self.problem(fields.get("points_of_information", item),
                             f"points of information end at {clock(points.end)}, after the "
                             f"speech's {clock(seconds)}",
                             "give this speech its own range, or none")
            speeches.append(Speech(
                self.text(fields.get("name"), "'name'") if "name" in fields else "",
                seconds, self.text(fields["side"], "'side'") if "side" in fields else "",
                points))
        return tuple(speeches)


def format_report(data_dir: str | None) -> tuple[list[str], list[str]]:
    """`debate-explorer formats`: a line for each format found (shown) and each problem
    with its file and line (for stderr)."""
    from tui.core.work.storage import data_folder

    folder = data_folder(data_dir)
    found = load_formats(folder)
    lines = [f"{f.name} ({f.id}): {len(f.speeches)} speeches"
             + (f", prep {', '.join(f'{t} {clock(s)}' for t, s in f.prep)}" if f.prep else "")
             for f in found.formats]
    lines.append(f"Your own formats go in {folder / 'formats'} (see docs/speech-formats.md).")
    return lines, [str(p) for p in sorted(found.problems, key=lambda p: p.sort_key)]
