"""The ``reviewqa eval`` subcommand: run the question set, print the table, write reports, gate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from eval.systems import DEFAULT_SYSTEMS

if TYPE_CHECKING:
    from eval.systems import QA

REPORTS_DIR = Path(__file__).parent / "reports"
EXIT_GATE_FAILED = 1


def default_report_path(split: str) -> Path:
    """``eval/reports/<split>.md`` (git-ignored), beside the bundled question set."""
    return REPORTS_DIR / f"{split}.md"


def _load_assistant() -> QA:
    from assistant import Assistant

    qa: QA = Assistant.load()
    return qa


def cmd_eval(args: argparse.Namespace) -> int:
    """Evaluate, print the summary, write the Markdown (and JSON) report, apply the gate."""
    from eval.dataset import load_questions
    from eval.gate import THRESHOLDS, check
    from eval.harness import run_eval
    from eval.report import format_table, to_json, to_markdown
    from eval.systems import parse_systems

    systems = parse_systems(args.systems)
    questions = load_questions(args.set, split=args.split)
    report = run_eval(_load_assistant(), questions, systems=systems, label=args.split)
    sys.stdout.write(format_table(report))
    out = args.report or default_report_path(args.split)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_markdown(report), encoding="utf-8")
    print(f"\nReport written to {out}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"JSON written to {args.json}")
    if args.no_gate:
        return 0
    failures = check(report, THRESHOLDS)
    for failure in failures:
        print(f"gate: FAIL {failure}", file=sys.stderr)
    if not failures:
        print("gate: pass")
    return EXIT_GATE_FAILED if failures else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``eval`` to the ``reviewqa`` subcommands."""
    p = sub.add_parser("eval", help="measure retrieval and answers on the question set; gate")
    p.add_argument(
        "--set",
        type=Path,
        default=None,
        metavar="FILE",
        help="question set, JSON Lines (default: the bundled set)",
    )
    p.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="test",
        help="which questions to ask (default: test)",
    )
    p.add_argument(
        "--json",
        type=Path,
        default=None,
        metavar="OUT",
        help="also write the full report, records included, as JSON",
    )
    p.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="OUT.md",
        help="Markdown report path (default: eval/reports/<split>.md)",
    )
    p.add_argument(
        "--systems",
        default=",".join(DEFAULT_SYSTEMS),
        help=f"comma-separated systems (default: {','.join(DEFAULT_SYSTEMS)})",
    )
    p.add_argument(
        "--no-gate",
        action="store_true",
        help="always exit 0, even when a quality threshold is missed",
    )
    p.set_defaults(func=cmd_eval)
