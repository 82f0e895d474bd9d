"""What an evaluation produces: per-question records and the scores aggregated from them.

Records keep everything a report needs to explain a failure; scores are pure functions of
records, so a report can be recomputed (or regrouped) without asking the assistant again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from eval import metrics

#: The groups every score is reported for: each language, then all questions.
GROUPS = ("zh", "en", "all")

R = TypeVar("R", "RetrievalRecord", "AskRecord")
S = TypeVar("S")


@dataclass(frozen=True)
class RetrievalRecord:
    """One question's retrieval by one system: what came back and which of it was relevant."""

    id: str
    lang: str
    answerable: bool
    retrieved: tuple[str, ...]  # passage ids, best first
    relevance: tuple[bool, ...]  # per retrieved passage: contains an evidence fragment
    n_relevant: int  # relevant passages in the system's whole document
    coverage_at_5: float  # share of evidence fragments found in the top 5
    latency_s: float

    @property
    def relevant_ranks(self) -> tuple[int, ...]:
        """1-based ranks of the relevant passages among those retrieved."""
        return tuple(rank for rank, rel in enumerate(self.relevance, start=1) if rel)


@dataclass(frozen=True)
class CitedSentence:
    """One citation of an answer, and whether its sentence supports the evidence."""

    marker: int
    passage_id: str
    sentence_id: str
    text: str
    supports: bool


@dataclass(frozen=True)
class AskRecord:
    """One question asked of the main system: the answer and how it scored."""

    id: str
    lang: str
    question: str
    answerable: bool
    evidence: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]
    answered: bool
    answer: str
    citations: tuple[CitedSentence, ...]
    fact_score: float  # share of the expected facts present
    facts_correct: bool  # every expected fact present
    missing_facts: tuple[tuple[str, ...], ...]
    citation_precision: float
    relevant_ranks: tuple[int, ...]  # from the main system's retrieval of the same question
    latency_s: float
    note: str = ""


@dataclass(frozen=True)
class RetrievalScores:
    """Retrieval quality over the answerable questions of one group (NaN when it is empty)."""

    n: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr_at_10: float
    ndcg_at_10: float
    coverage_at_5: float


@dataclass(frozen=True)
class AnswerScores:
    """Answer quality of one group; each rate names its denominator."""

    n_answerable: int
    n_answered: int  # answerable questions that were answered
    n_unanswerable: int
    fact_accuracy: float  # answered answerable questions with every fact present
    fact_coverage: float  # mean share of facts present, same questions
    citation_precision: float  # mean per answered answerable question
    citation_recall: float  # answerable questions with a supporting citation
    refusal_precision: float  # refusals that were on unanswerable questions
    refusal_recall: float  # unanswerable questions refused
    false_refusal_rate: float  # answerable questions refused


@dataclass(frozen=True)
class Latency:
    """Wall-clock latency percentiles of one kind of call, in milliseconds."""

    n: int
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class SystemResult:
    """One retrieval system's scores per group (``GROUPS``), latency and records."""

    name: str
    retrieval: dict[str, RetrievalScores]
    latency: Latency
    records: tuple[RetrievalRecord, ...]


@dataclass(frozen=True)
class EvalReport:
    """The whole evaluation: every system's retrieval, and the main system's answers."""

    main: str
    systems: tuple[SystemResult, ...]
    answers: dict[str, AnswerScores] = field(default_factory=dict)  # empty if main not run
    ask_latency: Latency | None = None
    asks: tuple[AskRecord, ...] = ()
    n_questions: int = 0
    label: str = ""  # e.g. the split, for headings

    def system(self, name: str) -> SystemResult | None:
        """The result of the named system, or None if it was not evaluated."""
        return next((s for s in self.systems if s.name == name), None)


def by_group(records: Sequence[R], score: Callable[[Sequence[R]], S]) -> dict[str, S]:
    """``score`` applied to each language's records and to all of them."""
    out = {lang: score([r for r in records if r.lang == lang]) for lang in GROUPS[:-1]}
    out["all"] = score(records)
    return out


def retrieval_scores(records: Sequence[RetrievalRecord]) -> RetrievalScores:
    """Mean retrieval metrics over the answerable questions among ``records``."""
    answerable = [r for r in records if r.answerable]

    def avg(fn: Callable[[RetrievalRecord], float]) -> float:
        return metrics.mean(fn(r) for r in answerable)

    return RetrievalScores(
        n=len(answerable),
        recall_at_1=avg(lambda r: metrics.recall_at_k(r.relevance, 1)),
        recall_at_5=avg(lambda r: metrics.recall_at_k(r.relevance, 5)),
        recall_at_10=avg(lambda r: metrics.recall_at_k(r.relevance, 10)),
        mrr_at_10=avg(lambda r: metrics.reciprocal_rank(r.relevance, 10)),
        ndcg_at_10=avg(lambda r: metrics.ndcg_at_k(r.relevance, 10, r.n_relevant)),
        coverage_at_5=avg(lambda r: r.coverage_at_5),
    )


def answer_scores(records: Sequence[AskRecord]) -> AnswerScores:
    """Fact, citation and refusal metrics over ``records`` (one group of questions)."""
    answerable = [r for r in records if r.answerable]
    answered = [r for r in answerable if r.answered]
    refused = [not r.answered for r in records]
    flags = [r.answerable for r in records]
    return AnswerScores(
        n_answerable=len(answerable),
        n_answered=len(answered),
        n_unanswerable=len(records) - len(answerable),
        fact_accuracy=metrics.mean(float(r.facts_correct) for r in answered),
        fact_coverage=metrics.mean(r.fact_score for r in answered),
        citation_precision=metrics.mean(r.citation_precision for r in answered),
        citation_recall=metrics.citation_recall(
            [[c.text for c in r.citations] for r in answerable], [r.evidence for r in answerable]
        ),
        refusal_precision=metrics.refusal_precision(refused, flags),
        refusal_recall=metrics.refusal_recall(refused, flags),
        false_refusal_rate=metrics.false_refusal_rate(refused, flags),
    )


def latency(seconds: Sequence[float]) -> Latency:
    """p50 and p95 of call durations given in seconds."""
    p50, p95 = metrics.percentile(seconds, 50), metrics.percentile(seconds, 95)
    return Latency(len(seconds), p50 * 1000, p95 * 1000)


def is_missing(value: float | None) -> bool:
    """True for a score that could not be measured (no questions in its denominator)."""
    return value is None or math.isnan(value)
