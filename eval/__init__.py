"""The evaluation harness: a bilingual question set, metrics, ablations and reports."""

from eval.dataset import Question, check_against_document, load_questions
from eval.errors import DatasetError, EvalError, UnknownSystemError
from eval.gate import THRESHOLDS, Thresholds, check
from eval.harness import run_eval
from eval.report import format_table, to_json, to_markdown
from eval.results import EvalReport

__all__ = [
    "THRESHOLDS",
    "DatasetError",
    "EvalError",
    "EvalReport",
    "Question",
    "Thresholds",
    "UnknownSystemError",
    "check",
    "check_against_document",
    "format_table",
    "load_questions",
    "run_eval",
    "to_json",
    "to_markdown",
]
