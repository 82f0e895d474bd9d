"""Metrics on hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eval import metrics

T, F = True, False
LOG3 = 1 / math.log2(3)  # discount of rank 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第 2位 的肿瘤", "第2位的肿瘤"),
        ("July  3,\n2019", "july3,2019"),
        ("\u3000ＯＲＲ ", "ｏｒｒ"),
    ],
)
def test_squash_drops_every_whitespace_and_case(text: str, expected: str) -> None:
    assert metrics.squash(text) == expected


@pytest.mark.parametrize(
    ("passage", "evidence", "expected"),
    [
        ("是血液系统发病率居第2位的肿瘤", ["血液系统发病率居第 2位的肿瘤"], T),
        ("是血液系统发病率居第2位的肿瘤", ["不在这里", "第 2位"], T),  # any fragment is enough
        ("是血液系统发病率居第2位的肿瘤", ["第3位"], F),
        ("anything", [], F),
        ("The disease remains INCURABLE.", ["the disease remains incurable"], T),
    ],
)
def test_is_relevant(passage: str, evidence: list[str], expected: bool) -> None:
    assert metrics.is_relevant(passage, evidence) is expected


@pytest.mark.parametrize(
    ("ranked", "k", "expected"),
    [([F, T, F], 1, 0.0), ([F, T, F], 2, 1.0), ([F, F, F], 10, 0.0), ([], 5, 0.0), ([T], 1, 1.0)],
)
def test_recall_at_k_is_a_hit_rate(ranked: list[bool], k: int, expected: float) -> None:
    assert metrics.recall_at_k(ranked, k) == expected


@pytest.mark.parametrize(
    ("ranked", "k", "expected"),
    [([T], 10, 1.0), ([F, F, T], 10, 1 / 3), ([F, T, T], 10, 0.5), ([F] * 10 + [T], 10, 0.0)],
)
def test_reciprocal_rank(ranked: list[bool], k: int, expected: float) -> None:
    assert metrics.reciprocal_rank(ranked, k) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("ranked", "k", "n_relevant", "expected"),
    [
        ([T, F], 10, None, 1.0),
        ([F, T], 10, None, LOG3),
        ([F, T], 10, 2, LOG3 / (1 + LOG3)),  # a second relevant passage was never retrieved
        ([F, T, T], 3, None, (LOG3 + 0.5) / (1 + LOG3)),
        ([T, T], 1, None, 1.0),  # the ideal list is cut at k too
        ([F, T], 1, None, 0.0),
        ([F, F], 10, None, 0.0),
    ],
)
def test_ndcg_at_k(ranked: list[bool], k: int, n_relevant: int | None, expected: float) -> None:
    assert metrics.ndcg_at_k(ranked, k, n_relevant) == pytest.approx(expected)


def test_evidence_coverage_counts_fragments_found_anywhere() -> None:
    assert metrics.evidence_coverage(["ab c", "def"], ["bc", "E", "z"]) == pytest.approx(2 / 3)
    assert metrics.evidence_coverage([], []) == 1.0


FACTS = [["26%"], ["4.4个月", "4.4 months"]]


@pytest.mark.parametrize(
    ("answer", "facts", "accuracy", "correct"),
    [
        ("客观缓解率（ORR）达26%[1]。", FACTS, 0.5, F),
        ("ORR 26 %; DOR 4.4 Months [1]", FACTS, 1.0, T),  # whitespace and case ignored
        ("于2019年7月3[1]日获批", [["2019年 7月 3日"]], 1.0, T),  # markers are not content
        ("nothing", FACTS, 0.0, F),
        ("anything", [], 1.0, T),
    ],
)
def test_fact_accuracy_and_correctness(
    answer: str, facts: list[list[str]], accuracy: float, correct: bool
) -> None:
    assert metrics.fact_accuracy(answer, facts) == pytest.approx(accuracy)
    assert metrics.facts_correct(answer, facts) is correct


PN = "发生率极低。每周给予 1次塞利尼索"  # crosses a sentence boundary in the review


@pytest.mark.parametrize(
    ("sentence", "fragment", "expected"),
    [
        ("给药后3~4 h，血药浓度达到峰值。", "给药后3~4 h，血药浓度达到", T),  # contains it
        ("血药浓度达到峰值。", "给药后3~4 h，血药浓度达到峰值。重复给药", T),  # lies inside it
        ("值得庆幸的是，周围神经病变发生率极低。", PN, T),  # the fragment's head ends it
        ("每周给予1次塞利尼索+硼替佐米+地塞米松的治疗方案。", PN, T),  # its tail starts it
        ("某某发生率极低。", "极低。每周", F),  # a 3-character boundary overlap is chance
        ("结果中位PFS达到了。", "中位PFS达 9.0个月", F),  # a shared phrase is not evidence
        ("zzABCDEFGHIJKLyy", "ABCDEFGHIJKLMNO", T),  # 12 shared, 80% of the fragment
        ("zzABCDEFGHIJKLyy", "ABCDEFGHIJKL" + "x" * 18, F),  # 12 shared, only 40%
        ("完全无关的句子。", "给药后3~4 h", F),
        ("", "x", F),
    ],
)
def test_supports(sentence: str, fragment: str, expected: bool) -> None:
    assert metrics.supports(sentence, fragment) is expected


GOOD = "结果显示，客观缓解率（ORR）达26%。"
BAD = "综上所述，口服塞利尼索是一种有前景的MM药物。"
EVIDENCE = ["率（ORR）达 26%"]


def test_citation_precision() -> None:
    assert metrics.citation_precision([GOOD, BAD], EVIDENCE) == 0.5
    assert metrics.citation_precision([GOOD], EVIDENCE) == 1.0
    assert metrics.citation_precision([], EVIDENCE) == 0.0  # an uncited answer supports nothing


def test_citation_recall_counts_questions_with_a_supporting_citation() -> None:
    cited = [[BAD, GOOD], [BAD], []]
    assert metrics.citation_recall(cited, [EVIDENCE] * 3) == pytest.approx(1 / 3)
    assert math.isnan(metrics.citation_recall([], []))
    with pytest.raises(ValueError):
        metrics.citation_recall([[GOOD]], [])


def test_refusal_metrics() -> None:
    refused = [T, F, T, F]
    answerable = [F, F, T, T]
    assert metrics.refusal_precision(refused, answerable) == 0.5  # 1 of 2 refusals was right
    assert metrics.refusal_recall(refused, answerable) == 0.5  # 1 of 2 unanswerable refused
    assert metrics.false_refusal_rate(refused, answerable) == 0.5  # 1 of 2 answerable refused


def test_refusal_metrics_are_nan_without_a_denominator() -> None:
    assert math.isnan(metrics.refusal_precision([F, F], [T, F]))
    assert math.isnan(metrics.refusal_recall([F], [T]))
    assert math.isnan(metrics.false_refusal_rate([T], [F]))


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([1, 2, 3, 4], 50, 2.5),
        ([1, 2, 3, 4], 95, 3.85),
        ([4, 1, 3, 2], 0, 1.0),
        ([4, 1, 3, 2], 100, 4.0),
        ([5], 95, 5.0),
    ],
)
def test_percentile(values: list[float], p: float, expected: float) -> None:
    assert metrics.percentile(values, p) == pytest.approx(expected)
    assert metrics.percentile(values, p) == pytest.approx(np.percentile(values, p))


def test_percentile_edge_cases() -> None:
    assert math.isnan(metrics.percentile([], 50))
    with pytest.raises(ValueError):
        metrics.percentile([1.0], 101)
