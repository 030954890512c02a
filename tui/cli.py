"""The `debate-explorer` command: open the explorer, validate a pack, export it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.packs import content_folder, default_pack

SUBCOMMANDS = ("validate", "export")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def resolve_pack(name: str | None) -> Path:
    """A pack path from the command line: a path, or the name of a bundled pack."""
    if name is None:
        return default_pack()
    path = Path(name)
    if not path.exists() and len(path.parts) == 1 and (content_folder() / name).is_dir():
        return content_folder() / name
    return path


def _load_or_report(pack: Path):
    """The checked debate, or None after printing every problem to stderr."""
    from .core.loader import load_pack

    result = load_pack(pack)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.debate is None:
        print(f"{pack}: {plural(len(result.errors), 'error')}; the pack was not loaded.",
              file=sys.stderr)
    return result


def validate(args: argparse.Namespace) -> int:
    pack = resolve_pack(args.pack)
    result = _load_or_report(pack)
    debate = result.debate
    if debate is None:
        return 1
    print(f"{pack}: {debate.info.title}")
    for position in debate.positions.values():
        print(f"  {position.name}: {plural(len(debate.arguments_of(position.id)), 'argument')}")
    print(f"  {len(debate.sources)} sources, {len(debate.speakers)} speakers, "
          f"{len(debate.quotes)} quotes, {len(debate.facts)} facts, {len(debate.themes)} themes")
    print(f"OK: no errors, {plural(len(result.warnings), 'warning')}.")
    return 0


def export(args: argparse.Namespace) -> int:
    pack = resolve_pack(args.pack)
    debate = _load_or_report(pack).debate
    if debate is None:
        return 1
    if args.case:
        from .core.handout import saved_handout

        text, messages = saved_handout(debate, args.data_dir)
        for message in messages:
            print(message, file=sys.stderr)
        if text is None:
            return 1
    elif args.format == "json":
        from .core.export_json import to_json
        text = to_json(debate)
    else:
        from .core.export_markdown import to_markdown
        text = to_markdown(debate)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="debate-explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a pack and report every problem")
    check.add_argument("pack", nargs="?", help="a pack folder or bundled pack name")
    check.set_defaults(run=validate)
    out = commands.add_parser("export", help="export a checked pack as JSON or Markdown")
    out.add_argument("pack", nargs="?", help="a pack folder or bundled pack name")
    out.add_argument("--format", choices=("json", "markdown"), default="markdown")
    out.add_argument("-o", "--output", help="write to this file instead of standard output")
    out.add_argument("--case", action="store_true",
                     help="export your saved case for this pack as a Markdown handout")
    out.add_argument("--data-dir", help="the folder of saved cases (default: "
                     "$DEBATE_EXPLORER_DATA_DIR, else your user data folder)")
    out.set_defaults(run=export)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debate-explorer",
        description="Explore a debate pack by keyboard. Subcommands: validate, export "
        "(debate-explorer validate --help).",
    )
    parser.add_argument("pack", nargs="?", help="a pack folder or bundled pack name "
                        "(default: the bundled Glasgow pack)")
    return parser


def run_app(args: argparse.Namespace) -> int:
    from .ui.launch import run  # Textual is imported only when the explorer starts

    return run(resolve_pack(args.pack), args)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        args = _subcommand_parser().parse_args(argv)
        return args.run(args)
    return run_app(_app_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
