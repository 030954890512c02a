"""The `debate-explorer` command: open the explorer, validate a pack, export it."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.core.pack.bundled import content_folder, default_pack

from .core.controls import escaped_text
from .core.wording import plural

if TYPE_CHECKING:  # the model is imported when a pack is loaded, not at start-up
    from tui.core.pack.model import Debate
    from tui.core.pack.packfiles import LoadResult

if TYPE_CHECKING:  # the model is imported when a pack is loaded, not at start-up
    from tui.core.pack.model import Debate
    from tui.core.pack.packfiles import LoadResult

SUBCOMMANDS = ("validate", "export", "import", "new", "edit", "formats", "serve", "report")


def resolve_pack(name: str | None) -> Path:
    """A pack path from the command line: a path, or the name of a bundled pack."""
    if name is None:
        return default_pack()
    path = Path(name)
    try:
        if not path.exists() and len(path.parts) == 1 and (content_folder() / name).is_dir():
            return content_folder() / name
    except (OSError, ValueError):  # a name too long, a NUL: the loader says what is wrong
        pass
    return path


def _load_or_report(pack: Path) -> LoadResult:
    """The pack loaded (its debate None if it has errors), every problem printed to stderr."""
    from tui.core.pack.loader import load_pack

    result = load_pack(pack)
    for line in result.report(pack):
        print(line, file=sys.stderr)
    return result


def validate(args: argparse.Namespace) -> int:
    pack = resolve_pack(args.pack)
    if getattr(args, "watch", False):  # issue 13: check again on every save
        from .cli_authoring import watch

        return watch(pack, lambda: _validate(pack))
    return _validate(pack)


def _validate(pack: Path) -> int:
    result = _load_or_report(pack)
    debate = result.debate
    if debate is None:
        return 1
    print(f"{pack}: {debate.info.title}")
    for position in debate.positions.values():
        print(f"  {position.name}: {plural(len(debate.arguments_of(position.id)), 'argument')}")
    counts = ((debate.sources, "source"), (debate.speakers, "speaker"),
              (debate.quotes, "quote"), (debate.facts, "fact"), (debate.themes, "theme"))
    print("  " + ", ".join(plural(len(records), noun) for records, noun in counts))
    print(f"OK: no errors, {plural(len(result.warnings), 'warning')}.")
    return 0


def export(args: argparse.Namespace) -> int:
    pack = resolve_pack(args.pack)
    debate = _load_or_report(pack).debate
    if debate is None:
        return 1
    if args.format == "html":  # the case as a page to print, kept in the data folder
        from tui.core.work.handout import write_html_handout

        written, messages = write_html_handout(debate, args.data_dir, args.output, args.name)
        print("\n".join(messages), file=sys.stderr if not written else sys.stdout)
        return 0 if written else 1
    text = _render(args, debate)
    if text is None:
        return 1
    return _write(text, args.output)


def formats(args: argparse.Namespace) -> int:
    """List the speech timer's formats and every problem in a teacher's format file."""
    from tui.core.work.speech_format import format_report

    lines, problems = format_report(args.data_dir)
    print("\n".join(lines))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _render(args: argparse.Namespace, debate: Debate) -> str | None:
    """The text to export, or None after saying on stderr why there is none."""
    if args.case:
        from tui.core.work.handout import saved_handout

        text, messages = saved_handout(debate, args.data_dir)
        for message in messages:
            print(message, file=sys.stderr)
        return text
    if args.format == "json":
        from tui.core.export.as_json import to_json

        return to_json(debate)
    if args.format == "argdown":
        from tui.core.export.as_argdown import to_argdown

        return to_argdown(debate)
    if args.format == "aif":
        from tui.core.export.as_aif import to_aif

        return to_aif(debate)
    from tui.core.export.as_markdown import to_markdown

    return to_markdown(debate)


def _write(text: str, output: str | None) -> int:
    """Write to the named file (whole or not at all) or to standard output, as UTF-8."""
    if output:
        from tui.core.files import write_atomically

        try:
            write_atomically(Path(output), text)
        except OSError as error:
            print(f"cannot write {output}: {error.strerror or error}", file=sys.stderr)
            return 1
        return 0
    stdout = getattr(sys.stdout, "buffer", None)
    if stdout is None:  # an IDE's console without a byte layer
        sys.stdout.write(text)
        return 0
    sys.stdout.flush()
    # UTF-8 whatever the terminal's locale (JSON must be), and no control character
    # an export did not escape reaches the terminal
    stdout.write(escaped_text(text).encode("utf-8", "backslashreplace"))
    stdout.flush()
    return 0


class _Shown(io.TextIOBase):
    """A text stream that writes every control character it is given as its escape
    (ESC as '\\x1b'): nothing the command prints can drive the terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escaped_text(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()

    @property
    def buffer(self) -> object:  # for _write's bytes; None when the stream has none
        return getattr(self._stream, "buffer", None)


@contextmanager
def _safe_output() -> Iterator[None]:
    """The one place the command's output is made safe, for every line it prints
    (problems, messages, file names, argparse's own errors): control characters
    escaped, and a character the terminal's encoding lacks (an ASCII or Latin-1
    locale, a '—' in a pack) written as an escape instead of a traceback."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    sys.stdout, sys.stderr = _Shown(saved[0]), _Shown(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def import_pack(args: argparse.Namespace) -> int:
    """Bring a debate in from another tool, then check the pack it wrote."""
    from tui.core.interop.kialo_import import import_kialo

    outcome = import_kialo(Path(args.file), Path(args.output))
    for line in outcome.said:
        print(line)
    for line in outcome.problems:
        print(line, file=sys.stderr)
    if outcome.status:
        return outcome.status
    return validate(argparse.Namespace(pack=args.output))


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="debate-explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a pack and report every problem")
    check.add_argument("pack", nargs="?", help="a pack folder or bundled pack name")
    check.add_argument("--watch", action="store_true",
                       help="check again every time a file of the pack is saved")
    check.set_defaults(run=validate)
    out = commands.add_parser("export", help="export a checked pack as JSON, Markdown, Argdown "
                              "or AIF")
    out.add_argument("pack", nargs="?", help="a pack folder or bundled pack name")
    out.add_argument("--format", choices=("json", "markdown", "argdown", "aif", "html"),
                     default="markdown", help="html: your saved case as a page to print "
                     "(written to your data folder unless -o is given)")
    out.add_argument("--name", help="the student's name on the html handout (default: the "
                     "name last used in the app)")
    out.add_argument("-o", "--output", help="write to this file instead of standard output")
    out.add_argument("--case", action="store_true",
                     help="export your saved case for this pack as a Markdown handout")
    _data_dir_option(out)
    out.set_defaults(run=export)
    bring = commands.add_parser("import", help="make a pack from another tool's export")
    bring.add_argument("tool", choices=("kialo",), help="the tool that wrote the export")
    bring.add_argument("file", help="the export: a Kialo discussion's .txt file")
    bring.add_argument("-o", "--output", required=True,
                       help="the new pack's folder, such as content/my-debate")
    bring.set_defaults(run=import_pack)
    timer = commands.add_parser("formats", help="list the speech timer's formats and check "
                                "your own (DATA/formats/*.yaml)")
    _data_dir_option(timer)
    timer.set_defaults(run=formats)
    from .serve.command import add_commands  # classroom: `serve` and the teacher's `report`

    add_commands(commands, lambda a: _class_command("serve", a),
                 lambda a: _class_command("report", a))
    from .cli_authoring import add_parsers  # new, edit

    add_parsers(commands)
    return parser


def _class_command(name: str, args: argparse.Namespace) -> int:
    from .serve import command

    run: Callable[[Path, argparse.Namespace], int] = getattr(command, name)
    return run(resolve_pack(args.pack), args)


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debate-explorer",
        description="Explore a debate pack by keyboard. Other commands: "
        f"{', '.join(SUBCOMMANDS)} (each has --help, such as debate-explorer new --help).",
    )
    parser.add_argument("pack", nargs="?", help="a pack folder or bundled pack name "
                        "(default: the bundled Glasgow pack)")
    parser.add_argument("--side", help="the side the student argues, by id or label; a "
                        "teacher's launch command can assign it")
    _data_dir_option(parser)
    return parser


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    """One --data-dir for every command that reads or writes the student's work."""
    parser.add_argument("--data-dir", type=Path, help="where the student's case, notes, "
                        "settings and handouts are kept (default: $DEBATE_EXPLORER_DATA_DIR, "
                        "else your user data folder)")


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_app(args: argparse.Namespace) -> int:
    from .ui.launch import run  # Textual is imported only when the explorer starts

    return run(resolve_pack(args.pack), args)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        with _safe_output():
            args = _subcommand_parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run  # validate, export, new, edit
        if args.command == "edit":  # an app, on the real terminal, as for run_app
            return run(args)
        with _safe_output():
            try:
                return run(args)
            except BrokenPipeError:  # `debate-explorer export | head` stopped reading early
                _silence_stdout()
                return 1
    with _safe_output():  # the app's own parser and the problems printed before it starts
        args = _app_parser().parse_args(argv)
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
