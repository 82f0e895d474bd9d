"""The ``reviewqa`` command: thin subcommands over the library, readable errors, exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_USAGE = 2


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_corpus(args: argparse.Namespace) -> int:
    """Print the clean review as Markdown, or its passages as JSON."""
    from corpus import load_review
    from corpus.render import to_json_dict, to_markdown

    doc = load_review(args.review, max_passage_chars=args.max_passage_chars)
    if args.json:
        _print_json(to_json_dict(doc))
    else:
        sys.stdout.write(to_markdown(doc))
    return 0


def _add_corpus(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("corpus", help="print the clean review (Markdown) or its passages (--json)")
    p.add_argument("--review", type=Path, default=None, help="review file (default: bundled)")
    p.add_argument("--json", action="store_true", help="print passages and sentences as JSON")
    p.add_argument("--max-passage-chars", type=int, default=300, help="passage size budget")
    p.set_defaults(func=cmd_corpus)


REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [_add_corpus]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; each subcommand registers itself."""
    parser = argparse.ArgumentParser(
        prog="reviewqa",
        description="Cited questions and answers over a medical review, in Chinese or English.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run one subcommand; domain errors become one line and exit status 2."""
    from corpus import CorpusError, CorrectionError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CommandError, CorpusError, CorrectionError, ValueError) as err:
        print(f"reviewqa: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
