"""The quality gate on the held-out test split, with the real model, index and assistant."""

from __future__ import annotations

import pytest

from eval.cli import default_report_path
from eval.dataset import load_questions
from eval.gate import THRESHOLDS, check
from eval.harness import run_eval
from eval.report import format_table, to_markdown


@pytest.mark.slow
def test_quality_gate_on_test_split() -> None:
    from assistant import Assistant

    questions = load_questions(split="test")
    report = run_eval(
        Assistant.load(),
        questions,
        systems=("hybrid+glossary", "naive"),
        progress=False,
        label="test",
    )
    print(format_table(report))
    path = default_report_path("test")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_markdown(report), encoding="utf-8")
    failures = check(report, THRESHOLDS)
    assert failures == [], "quality gate failed:\n  " + "\n  ".join(failures) + f"\nsee {path}"
