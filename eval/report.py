"""Render an evaluation: a plain-text table for the terminal, Markdown with failures, JSON."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from eval.results import GROUPS, AnswerScores, AskRecord, EvalReport, RetrievalScores

#: Longest answer quoted in the Markdown report; the JSON keeps every answer whole.
MAX_QUOTED_ANSWER = 600

RETRIEVAL_ROWS: tuple[tuple[str, Callable[[RetrievalScores], float]], ...] = (
    ("recall@1", lambda s: s.recall_at_1),
    ("recall@5", lambda s: s.recall_at_5),
    ("recall@10", lambda s: s.recall_at_10),
    ("MRR@10", lambda s: s.mrr_at_10),
    ("nDCG@10", lambda s: s.ndcg_at_10),
    ("evidence coverage@5", lambda s: s.coverage_at_5),
)
ANSWER_ROWS: tuple[tuple[str, Callable[[AnswerScores], float]], ...] = (
    ("fact accuracy (all facts)", lambda s: s.fact_accuracy),
    ("fact coverage (mean)", lambda s: s.fact_coverage),
    ("citation precision", lambda s: s.citation_precision),
    ("citation recall", lambda s: s.citation_recall),
    ("refusal precision", lambda s: s.refusal_precision),
    ("refusal recall", lambda s: s.refusal_recall),
    ("false refusal rate", lambda s: s.false_refusal_rate),
)


def _num(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.3f}"


def _ms(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.0f}"


def main_rows(report: EvalReport) -> list[list[str]]:
    """Rows of the main system's table: metric, then zh / en / all."""
    rows: list[list[str]] = []
    main = report.system(report.main)
    if main is not None:
        rows.append(["retrieval, answerable (n)", *(str(main.retrieval[g].n) for g in GROUPS)])
        rows += [
            [name, *(_num(get(main.retrieval[g])) for g in GROUPS)] for name, get in RETRIEVAL_ROWS
        ]
    if report.answers:
        answers = report.answers
        rows.append(
            [
                "answered / answerable",
                *(f"{answers[g].n_answered}/{answers[g].n_answerable}" for g in GROUPS),
            ]
        )
        rows.append(["unanswerable (n)", *(str(answers[g].n_unanswerable) for g in GROUPS)])
        rows += [[name, *(_num(get(answers[g])) for g in GROUPS)] for name, get in ANSWER_ROWS]
    return rows


def latency_rows(report: EvalReport) -> list[list[str]]:
    """Rows of call latency (all questions, warm): kind, p50 ms, p95 ms."""
    rows = [
        [f"retrieve ({s.name})", _ms(s.latency.p50_ms), _ms(s.latency.p95_ms)]
        for s in report.systems
    ]
    if report.ask_latency is not None:
        lat = report.ask_latency
        rows.append([f"ask ({report.main})", _ms(lat.p50_ms), _ms(lat.p95_ms)])
    return rows


def ablation_rows(report: EvalReport) -> list[list[str]]:
    """One row per system: recall@5 zh, recall@5 en, MRR@10 all, retrieve p50 ms."""
    return [
        [
            s.name,
            _num(s.retrieval["zh"].recall_at_5),
            _num(s.retrieval["en"].recall_at_5),
            _num(s.retrieval["all"].mrr_at_10),
            _ms(s.latency.p50_ms),
        ]
        for s in report.systems
    ]


def _plain(header: Sequence[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [list(header), *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [list(header), *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _markdown(header: Sequence[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


MAIN_HEADER = ("metric", "zh", "en", "all")
LATENCY_HEADER = ("latency (warm)", "p50 ms", "p95 ms")
ABLATION_HEADER = ("system", "recall@5 zh", "recall@5 en", "MRR@10 all", "retrieve p50 ms")


def _title(report: EvalReport) -> str:
    what = f"{report.label} set" if report.label else "question set"
    return f"Review QA evaluation — {what}, {report.n_questions} questions, main: {report.main}"


def format_table(report: EvalReport) -> str:
    """The terminal summary: the main system by language, latency, then the ablations."""
    parts = [_title(report), ""]
    if report.system(report.main) is not None:
        parts += [_plain(MAIN_HEADER, main_rows(report)), ""]
    parts += [_plain(LATENCY_HEADER, latency_rows(report)), ""]
    parts += ["Ablations (retrieval only)", _plain(ABLATION_HEADER, ablation_rows(report))]
    return "\n".join(parts) + "\n"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTED_ANSWER else text[:MAX_QUOTED_ANSWER] + " …"


def _item(record: AskRecord, extra: str = "") -> str:
    lines = [f"- **{record.id}** ({record.lang}): {record.question}"]
    if record.evidence:
        lines.append(f"  - expected evidence: {' · '.join(f'`{e}`' for e in record.evidence)}")
    if extra:
        lines.append(f"  - {extra}")
    note = f" ({record.note})" if record.note else ""
    lines.append(f"  - answer: {_quote(record.answer)}{note}")
    for c in record.citations:
        mark = "supports" if c.supports else "does not support"
        lines.append(f"  - [{c.marker}] {c.sentence_id} ({mark}): {_quote(c.text)}")
    return "\n".join(lines)


def failing_sections(report: EvalReport) -> list[tuple[str, list[str]]]:
    """The failing questions, by kind of failure, each item a Markdown bullet."""
    main = report.system(report.main)
    top = {r.id: r.retrieved[:5] for r in main.records} if main else {}
    asks = report.asks
    missed = [r for r in asks if r.answerable and not any(rank <= 5 for rank in r.relevant_ranks)]
    wrong = [r for r in asks if r.answerable and r.answered and not r.facts_correct]
    unsupported = [r for r in asks if r.answerable and r.answered and r.citation_precision < 1]
    return [
        (
            "Missed retrieval (no relevant passage in the top 5)",
            [_item(r, f"top 5: {', '.join(top.get(r.id, ()))}") for r in missed],
        ),
        (
            "Wrong facts (answered, not every expected fact present)",
            [
                _item(r, "missing facts: " + "; ".join(" / ".join(f) for f in r.missing_facts))
                for r in wrong
            ],
        ),
        (
            "Unsupported citations (a cited sentence carries no evidence)",
            [_item(r) for r in unsupported],
        ),
        (
            "False refusals (answerable, refused)",
            [
                _item(r, f"relevant ranks: {list(r.relevant_ranks)}")
                for r in asks
                if r.answerable and not r.answered
            ],
        ),
        (
            "Missed refusals (unanswerable, answered)",
            [_item(r) for r in asks if not r.answerable and r.answered],
        ),
    ]


def to_markdown(report: EvalReport) -> str:
    """The report file: the tables of :func:`format_table`, then every failing question."""
    parts = [f"# {_title(report)}", ""]
    if report.system(report.main) is not None:
        parts += ["## Main system", "", _markdown(MAIN_HEADER, main_rows(report)), ""]
    parts += ["## Latency", "", _markdown(LATENCY_HEADER, latency_rows(report)), ""]
    ablations = _markdown(ABLATION_HEADER, ablation_rows(report))
    parts += ["## Ablations (retrieval only)", "", ablations, ""]
    if report.asks:
        parts += ["## Failing questions", ""]
        for heading, items in failing_sections(report):
            parts += [f"### {heading} — {len(items)}", "", *(items or ["None."]), ""]
    return "\n".join(parts)


def _finite(value: Any) -> Any:
    """NaN (an unmeasured score) becomes None, since JSON has no NaN."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def to_json(report: EvalReport) -> dict[str, Any]:
    """The whole report as plain JSON-ready data (records included; NaN as null)."""
    data: dict[str, Any] = _finite(asdict(report))
    return data
