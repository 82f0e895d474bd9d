"""The ``reviewqa`` command: thin subcommands over the library, readable errors, exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.synthesis import SynthesisConfig

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


def add_llm_flags(p: argparse.ArgumentParser) -> None:
    """The optional LLM synthesis flags, shared by ``ask`` and ``chat``."""
    g = p.add_argument_group("LLM synthesis (optional; off unless a base URL is given)")
    g.add_argument(
        "--llm-base-url",
        metavar="URL",
        help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 "
        "(default: $REVIEWQA_LLM_BASE_URL; synthesis is off when unset)",
    )
    g.add_argument("--llm-model", metavar="NAME", help="model name (default: $REVIEWQA_LLM_MODEL)")
    g.add_argument("--llm-api-key", metavar="KEY", help="API key (default: $REVIEWQA_LLM_API_KEY)")
    g.add_argument(
        "--llm-timeout",
        type=float,
        metavar="S",
        help="seconds to wait for the LLM before showing the extractive answer "
        "(default: $REVIEWQA_LLM_TIMEOUT or 30)",
    )


def llm_config(args: argparse.Namespace) -> SynthesisConfig | None:
    """The synthesis settings from the flags, falling back to ``REVIEWQA_LLM_*``; None if off."""
    from assistant.synthesis import SynthesisConfig

    if not hasattr(args, "llm_base_url"):
        return None  # a subcommand without the flags never synthesises
    try:
        config = SynthesisConfig.resolve(
            args.llm_base_url, args.llm_model, args.llm_api_key, args.llm_timeout
        )
    except ValueError as err:
        raise CommandError(str(err)) from err
    if config is not None:
        import importlib.util

        from assistant.synthesis import INSTALL_HINT

        if importlib.util.find_spec("llama_index.llms.openai_like") is None:
            raise CommandError(INSTALL_HINT)
    return config


def _assistant(args: argparse.Namespace):
    from assistant import Assistant

    llm = llm_config(args)  # bad flags fail here, before any model is loaded
    return Assistant.load(args.index_dir, progress=not getattr(args, "quiet", False), llm=llm)


def cmd_build(args: argparse.Namespace) -> int:
    """Build (or verify) the index; ``--force`` rebuilds it."""
    from assistant import Assistant

    qa = Assistant.load(args.index_dir, force=args.force)
    manifest = qa.index.manifest
    print(
        f"index ready: {manifest.get('n_passages')} passages, {manifest.get('n_sentences')} "
        f"sentences, built {manifest.get('built_at')}"
    )
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question with citations."""
    from dataclasses import asdict

    from assistant.core import clean_question

    clean_question(args.question)  # bad input fails fast, before any model is loaded
    answer = _assistant(args).ask(args.question)
    if args.json:
        _print_json(asdict(answer))
        return 0
    print(answer.answer)
    for c in answer.citations:
        print(f"[{c.marker}] §{c.section} {c.section_title} ({c.passage_id}): {c.text}")
    for h in answer.nearest:
        print(f"nearest passage: §{h.section} {h.section_title} ({h.passage_id}): {h.text[:80]}…")
    if answer.note:
        print(answer.note)
    return 0


def cmd_retrieve(args: argparse.Namespace) -> int:
    """Print the top passages for a question."""
    from dataclasses import asdict

    from assistant.core import clean_question

    clean_question(args.question)
    hits = _assistant(args).retrieve(args.question, k=args.k)
    if args.json:
        _print_json([asdict(h) for h in hits])
        return 0
    for h in hits:
        print(f"{h.rank}. [{h.score:.4f}] §{h.section} {h.section_title} ({h.passage_id})")
        print(f"   {h.text}")
    return 0


def _add_index_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--index-dir",
        type=Path,
        default=None,
        help="index folder (default: $REVIEWQA_INDEX_DIR or ~/.local/share/reviewqa)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress messages")


def _add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="build the index (model, BM25, FAISS) if missing or stale")
    _add_index_dir(p)
    p.add_argument("--force", action="store_true", help="rebuild even if the index is current")
    p.set_defaults(func=cmd_build)


def _add_ask(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="answer a question with citations [n]")
    p.add_argument("question", help="the question, in Chinese or English")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    _add_index_dir(p)
    add_llm_flags(p)
    p.set_defaults(func=cmd_ask)


def _add_retrieve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("retrieve", help="print the passages that best match a question")
    p.add_argument("question", help="the question, in Chinese or English")
    p.add_argument("-k", type=int, default=5, help="how many passages (default 5)")
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    _add_index_dir(p)
    p.set_defaults(func=cmd_retrieve)


def _optional(module: str) -> Callable[[argparse._SubParsersAction], None]:
    """Register a subcommand that lives in another package (ui, eval) when it exists."""

    def register(sub: argparse._SubParsersAction) -> None:
        import importlib

        try:
            found = importlib.import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise  # a real import error inside the module must not be hidden
            return
        found.register(sub)

    return register


REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_corpus,
    _add_build,
    _add_ask,
    _add_retrieve,
    _optional("ui.server"),
    _optional("eval.cli"),
    _optional("eval.bench"),
]


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
