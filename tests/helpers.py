"""Plain helpers the test files share (fixtures live in conftest.py): packs and apps
to test against, what the terminal shows, and reported lines part-written by a library."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from textual.app import App
from textual.screen import Screen

from tui.core.pack.loader import load_pack
from tui.core.work.casebook import CaseBook

TESTS = Path(__file__).parent
GOOD_PACK = TESTS / "packs" / "good"


# -- the explorer and its screens ----------------------------------------------------

def make_app(pack: Path = GOOD_PACK):
    from tui.ui.app import ExplorerApp

    result = load_pack(pack)
    assert result.debate is not None, [str(p) for p in result.problems]
    return ExplorerApp(result.debate)


# One run of text in Textual's SVG screenshot: its column (x), its length in cells
# times the cell width (textLength), its row (the clip path) and the text itself.
_SVG_TEXT = re.compile(r'<text [^>]*\bx="([0-9.]+)"[^>]*\btextLength="([0-9.]+)"'
                       r'[^>]*\bclip-path="url\(#[^)]*-line-([0-9]+)\)"[^>]*>(.*?)</text>')


def screen_text(app: App) -> str:
    """Every character on the terminal right now, as the student sees it (no styles),
    one line a row, read from the app's public SVG screenshot."""
    rows: dict[int, str] = {}
    for x, length, row, escaped in _SVG_TEXT.findall(app.export_screenshot()):
        text = html.unescape(escaped.replace("&#160;", " "))
        column = round(float(x) / (float(length) / len(text)))  # x is column * cell width
        line = rows.get(int(row), "")
        rows[int(row)] = line + " " * (column - cell_len(line)) + text
    return "\n".join(rows.get(row, "") for row in range(app.size.height))


# -- the case and drill screens, alone -----------------------------------------------

MORE_ARGUMENTS = """\
arguments:
  - id: fewer-needles
    position: council
    claim: Fewer needles are left on the streets.
    summary: The council says used needles would be collected.
    themes: [health]
  - id: cheaper-than-harm
    position: council
    claim: The room costs less than the harm it prevents.
    summary: The council compares the cost with the cost of deaths.
    themes: [health]
    rebuts: [too-costly]
  - id: too-costly
    position: ministry
    claim: The room costs too much.
    summary: The ministry says the money is better spent elsewhere.
    themes: [evidence]
"""


def case_pack(folder: Path) -> Path:
    """The good test pack plus three arguments: three for the council, two against."""
    shutil.copytree(GOOD_PACK, folder)
    (folder / "more.yaml").write_text(MORE_ARGUMENTS, encoding="utf-8")
    return folder


def casebook(tmp_path: Path, side: str | None = None) -> CaseBook:
    pack = tmp_path / "pack"
    if not pack.exists():
        case_pack(pack)
    return CaseBook(load_pack(pack).debate, tmp_path / "data", assigned_side=side)


def answered_case_app(tmp_path: Path):
    """The council's side: one argument in the case, two of the ministry's to answer,
    one of them (too-costly) with the student's rebuttal written."""
    from tui.ui.app import ExplorerApp

    book = casebook(tmp_path)
    book.choose_side("council")
    for argument in ("room-saves-lives", "too-costly", "evidence-mixed"):
        book.collect(argument)
    book.case.expected.set_text("too-costly", "It costs less than the harm it prevents.")
    book.save()
    return ExplorerApp(book.debate, data_dir=tmp_path / "data")


class ScreenApp(App):
    """Pushes one screen over a blank one, so closing it has somewhere to go."""

    def __init__(self, make_screen: Callable[[], Screen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.told: list[tuple[str, str]] = []  # every notification, as the student saw it

    def notify(self, message, *, severity="information", **kwargs) -> None:
        self.told.append((str(message), severity))
        super().notify(message, severity=severity, **kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())

    def base_is_showing(self) -> bool:
        return type(self.screen) is Screen


# -- lines the YAML library writes part of -------------------------------------------

class YamlSyntaxError:
    """A reported YAML syntax error, compared by what the project writes: the place,
    our label, and how the line ends (our hint, or where the unclosed part began).
    The middle is libyaml's own description, which a new libyaml may word otherwise.
    Compares equal to such a line, so it can stand in a list of expected lines."""

    def __init__(self, place: str, ending: str) -> None:
        self.start = f"{place}: YAML syntax error: "
        self.ending = ending

    def __eq__(self, line: object) -> bool:
        return (isinstance(line, str) and line.startswith(self.start)
                and line.endswith(self.ending)
                and len(line) > len(self.start) + len(self.ending))  # says what is wrong

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(f"{self.start}...{self.ending}")


# -- packs of many positions ---------------------------------------------------------

def positions_pack(folder: Path, positions: int, arguments: int | None = None) -> Path:
    """A pack of `positions` positions, written by the benchmarks' generator (seed 1):
    the first two for and against the motion, the rest answers of their own, some
    with long names and one with a long label; five arguments each unless told."""
    import importlib.util
    import sys

    generator = sys.modules.get("benchmark_generate")
    if generator is None:
        spec = importlib.util.spec_from_file_location(
            "benchmark_generate", TESTS.parent / "benchmarks" / "generate.py")
        assert spec is not None and spec.loader is not None
        generator = sys.modules["benchmark_generate"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(generator)
    return generator.generate(folder, arguments or 5 * positions, 1, positions)
