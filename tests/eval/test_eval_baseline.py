"""The naive baseline: consecutive windows of the raw extraction, shaped like a Document."""

from __future__ import annotations

import math

import pytest

from corpus import DEFAULT_REVIEW
from eval.baseline import flatten_raw, naive_windows_document


def test_windows_cover_the_flattened_text_in_order() -> None:
    raw = "第一行\n第二行 line\r\n" + "x" * 20
    doc = naive_windows_document(raw, size=7, source="mem")
    text = flatten_raw(raw)
    assert doc.text == text and "\n" not in text
    assert [p.id for p in doc.passages] == ["w1", "w2", "w3", "w4", "w5"]
    assert "".join(p.text for p in doc.passages) == text
    assert [len(p.text) for p in doc.passages] == [7, 7, 7, 7, 3]
    assert all(doc.text[p.start : p.end] == p.text for p in doc.passages)
    assert doc.source == "mem" and doc.sha256


def test_each_window_is_one_sentence_in_section_raw() -> None:
    doc = naive_windows_document("多发性骨髓瘤" * 10 + "multiple myeloma " * 10, size=40)
    assert [s.number for s in doc.sections] == ["raw"]
    for p in doc.passages:
        (sentence,) = p.sentences
        assert (sentence.id, sentence.passage_id, sentence.text) == (f"{p.id}.s1", p.id, p.text)
        assert (sentence.start, sentence.end) == (p.start, p.end)
        assert p.section == sentence.section == "raw"
    assert doc.passages[0].lang == "zh" and doc.passages[-1].lang == "en"
    assert len(doc.sentences) == len(doc.passages)


def test_the_real_raw_review_keeps_its_damage() -> None:
    raw = DEFAULT_REVIEW.read_text(encoding="utf-8")
    doc = naive_windows_document(raw)
    assert len(doc.passages) == math.ceil(len(flatten_raw(raw)) / 300)
    assert all(len(p.text) == 300 for p in doc.passages[:-1])
    assert "［1］" in doc.text  # reference marks are not removed
    # the two columns stay interleaved: a left-column line runs into a right-column line
    assert "据估计我国MM发病率 监视功能下降" in doc.text


def test_rejects_an_empty_window_size() -> None:
    with pytest.raises(ValueError, match="window size"):
        naive_windows_document("abc", size=0)
