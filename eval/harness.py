"""Run the question set through each system: retrieval for all, cited answers for the main one."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eval import metrics
from eval.dataset import Question
from eval.errors import EvalError
from eval.results import (
    AskRecord,
    CitedSentence,
    EvalReport,
    RetrievalRecord,
    SystemResult,
    answer_scores,
    by_group,
    latency,
    retrieval_scores,
)
from eval.systems import DEFAULT_SYSTEMS, MAIN_SYSTEM, QA, build_system

if TYPE_CHECKING:
    from assistant.types import Answer

T = TypeVar("T")


def _progress(items: Sequence[T], desc: str, enabled: bool) -> Iterable[T]:
    from tqdm import tqdm

    bar: Iterable[T] = tqdm(items, desc=desc, file=sys.stderr, disable=not enabled, leave=False)
    return bar


def _warm_up(system: QA, questions: Sequence[Question], ask: bool) -> None:
    """One untimed call per language: the first call loads the model, jieba and caches
    (seconds), which would otherwise land in the p95 of whichever question came first."""
    for lang in ("zh", "en"):
        sample = next((q for q in questions if q.lang == lang), None)
        if sample is not None and ask:
            system.ask(sample.question)
        elif sample is not None:
            system.retrieve(sample.question, k=1)


def retrieval_record(system: QA, question: Question, k: int) -> RetrievalRecord:
    """Retrieve the top ``k`` for one question, timed, and judge each hit's relevance."""
    started = time.perf_counter()
    hits = system.retrieve(question.question, k=k)
    elapsed = time.perf_counter() - started
    evidence = question.evidence
    return RetrievalRecord(
        id=question.id,
        lang=question.lang,
        answerable=question.answerable,
        retrieved=tuple(h.passage_id for h in hits),
        relevance=tuple(metrics.is_relevant(h.text, evidence) for h in hits),
        n_relevant=sum(metrics.is_relevant(p.text, evidence) for p in system.doc.passages),
        coverage_at_5=metrics.evidence_coverage((h.text for h in hits[:5]), evidence),
        latency_s=elapsed,
    )


def ask_record(
    answer: Answer, question: Question, ranks: tuple[int, ...], latency_s: float
) -> AskRecord:
    """Score one answer against the question's facts and evidence (pure)."""
    cited = tuple(
        CitedSentence(
            c.marker,
            c.passage_id,
            c.sentence_id,
            c.text,
            metrics.cites_evidence(c.text, question.evidence),
        )
        for c in answer.citations
    )
    text = answer.answer if answer.answered else ""
    return AskRecord(
        id=question.id,
        lang=question.lang,
        question=question.question,
        answerable=question.answerable,
        evidence=question.evidence,
        facts=question.facts,
        answered=answer.answered,
        answer=answer.answer,
        citations=cited,
        fact_score=metrics.fact_accuracy(text, question.facts),
        facts_correct=answer.answered and metrics.facts_correct(text, question.facts),
        missing_facts=tuple(f for f in question.facts if not metrics.fact_present(text, f)),
        citation_precision=metrics.citation_precision([c.text for c in cited], question.evidence),
        relevant_ranks=ranks,
        latency_s=latency_s,
        note=answer.note,
    )


def evaluate_system(
    name: str, system: QA, questions: Sequence[Question], *, k: int = 10, progress: bool = True
) -> SystemResult:
    """Retrieval records and scores of one system over every question."""
    _warm_up(system, questions, ask=False)
    records = tuple(
        retrieval_record(system, q, k) for q in _progress(questions, f"retrieve {name}", progress)
    )
    return SystemResult(
        name=name,
        retrieval=by_group(records, retrieval_scores),
        latency=latency([r.latency_s for r in records]),
        records=records,
    )


def ask_all(
    system: QA, questions: Sequence[Question], ranks: dict[str, tuple[int, ...]], progress: bool
) -> tuple[AskRecord, ...]:
    """Ask every question, timed; ``ranks`` are the relevant ranks from the same system."""
    _warm_up(system, questions, ask=True)
    out = []
    for q in _progress(questions, f"ask {MAIN_SYSTEM}", progress):
        started = time.perf_counter()
        answer = system.ask(q.question)
        out.append(ask_record(answer, q, ranks.get(q.id, ()), time.perf_counter() - started))
    return tuple(out)


def run_eval(
    qa: QA,
    questions: Sequence[Question],
    *,
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    progress: bool = True,
    k: int = 10,
    raw_path: str | Path | None = None,
    label: str = "",
) -> EvalReport:
    """Evaluate ``qa`` (the main system, as loaded) and the named ablations on ``questions``.

    Every system retrieves the top ``k`` for every question; the main system also answers
    every question. ``raw_path`` is the raw extraction the naive baseline windows (default:
    the bundled review's).
    """
    if not questions:
        raise EvalError("no questions to evaluate; check --set and --split")
    results = []
    for name in systems:
        system = build_system(qa, name, raw_path)
        results.append(evaluate_system(name, system, questions, k=k, progress=progress))
    main = next((r for r in results if r.name == MAIN_SYSTEM), None)
    if main is None:
        return EvalReport(MAIN_SYSTEM, tuple(results), n_questions=len(questions), label=label)
    ranks = {r.id: r.relevant_ranks for r in main.records}
    asks = ask_all(qa, questions, ranks, progress)
    return EvalReport(
        main=MAIN_SYSTEM,
        systems=tuple(results),
        answers=by_group(asks, answer_scores),
        ask_latency=latency([r.latency_s for r in asks]),
        asks=asks,
        n_questions=len(questions),
        label=label,
    )
