"""Tokens, BM25 against a reference formula, FAISS against NumPy brute force."""

from __future__ import annotations

import math

import numpy as np
import pytest

from index.bm25 import BM25Index
from index.segment import tokenize, words
from index.vectors import VectorIndex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("客观缓解率（ORR）达 26%", ["客观缓解率", "orr", "26%"]),
        ("P=0.001 2", ["0.0012"]),  # Chinese digit grouping undone
        ("终末半衰期约为 6 h", ["终末半衰期", "6"]),
        ("硼替佐米（1.3 mg/m2，1次/周）", ["硼替佐米", "1.3", "mg/m2"]),
        ("NCT02336815 与 XPO-1、CAR-T", ["nct02336815", "xpo-1", "car-t"]),
        ("塞利尼索联合达雷妥尤单抗", ["塞利尼索", "达雷妥尤单抗"]),
        ("What were the responses?", ["response"]),
    ],
)
def test_tokens_keep_domain_terms_and_numbers(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    for token in expected:
        assert token in tokens, (token, tokens)


def test_stop_words_and_punctuation_are_dropped() -> None:
    tokens = tokenize("塞利尼索的半衰期是多少？What is the half-life?")
    assert "的" not in tokens and "？" not in tokens and "the" not in tokens and "is" not in tokens


def test_remembered_tokens_are_a_fresh_list_each_time() -> None:
    """``tokenize`` remembers texts it has seen; a caller changing its list must not change
    what the next caller gets."""
    first = tokenize("塞利尼索的终末半衰期")
    first.append("changed")
    first.remove("塞利尼索")
    again = tokenize("塞利尼索的终末半衰期")
    assert "塞利尼索" in again and "changed" not in again
    assert again is not tokenize("塞利尼索的终末半衰期")


def reference_bm25(docs: list[list[str]], query: list[str], k1: float, b: float) -> list[float]:
    """Lucene's BM25: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), and no (k1 + 1) factor in
    the numerator (Lucene drops that constant; it does not change any ranking)."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    out = []
    for d in docs:
        score = 0.0
        for term in set(query):
            df = sum(1 for x in docs if term in x)
            if not df:
                continue
            tf = d.count(term)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * tf / (tf + k1 * (1 - b + b * len(d) / avgdl))
        out.append(score)
    return out


def test_bm25_scores_equal_the_reference_formula() -> None:
    texts = [
        "塞利尼索的终末半衰期约为6 h",
        "STORM试验客观缓解率达26%",
        "selinexor half-life 6 h",
        "客观缓解率 ORR 与半衰期",
    ]
    index = BM25Index(k1=1.2, b=0.75).fit(texts)
    for query in ["半衰期", "客观缓解率 ORR", "selinexor 6 h"]:
        want = reference_bm25([tokenize(t) for t in texts], tokenize(query), 1.2, 0.75)
        np.testing.assert_allclose(index.scores(query), want, rtol=1e-5, atol=1e-6)
    assert not index.scores("完全无关").any()


def test_flat_faiss_top_k_equals_numpy_brute_force() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(200, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = rng.normal(size=(5, 32)).astype(np.float32)
    index = VectorIndex(32).fit(vectors)
    scores, ids = index.search(queries, 10)
    brute = queries @ vectors.T
    want = np.argsort(-brute, axis=1)[:, :10]
    np.testing.assert_array_equal(ids, want)
    np.testing.assert_allclose(scores, np.take_along_axis(brute, want, axis=1), rtol=1e-5)
    np.testing.assert_allclose(index.all_scores(queries[0]), brute[0], rtol=1e-5, atol=1e-6)


def test_hnsw_finds_the_exact_neighbour_on_a_small_set() -> None:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(300, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(16, kind="hnsw").fit(vectors)
    _, ids = index.search(vectors[:20], 1)
    assert (ids[:, 0] == np.arange(20)).mean() >= 0.95


def test_vector_index_rejects_wrong_shapes() -> None:
    with pytest.raises(ValueError, match="shape"):
        VectorIndex(8).fit(np.zeros((3, 4), dtype=np.float32))
    with pytest.raises(ValueError, match="flat"):
        VectorIndex(8, kind="ivf")


def test_words_are_jiebas_precise_segmentation() -> None:
    """Whole words, not search mode's pieces: 非难治 is no 非难 (whose gloss is "blame")."""
    said = words("双重难治病人与非难治组")
    assert "非难" not in said and "非难" in tokenize("双重难治病人与非难治组")
