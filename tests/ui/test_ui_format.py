"""Formatting of answers: bubbles, the sources panel, the copy text and the About panel."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from assistant.types import Answer, Citation, Hit
from corpus import Document, Passage
from ui.escape import escape_markdown
from ui.format import (
    EMPTY_SOURCES,
    EXAMPLES,
    about_markdown,
    format_answer,
    format_copy_text,
    format_question,
    format_retrieved,
    format_sources,
    highlight,
)
from ui.labels import is_chinese, section_label

XSS = "<img src=x onerror=alert(1)>"


def cite(doc: Document, marker: int, passage_id: str, index: int, **changes: object) -> Citation:
    """A citation of sentence ``index`` of a real passage, as the assistant would make it."""
    passage = doc.passage(passage_id)
    s = passage.sentences[index]
    return replace(Citation.of(marker, passage, s, 0.9), **changes)  # type: ignore[arg-type]


def hit(passage: Passage, rank: int) -> Hit:
    return Hit.of(passage, 0.5 / rank, rank)


@pytest.fixture
def storm_answer(doc: Document) -> Answer:
    c1 = cite(doc, 1, "3.1#p1", 0)
    c2 = cite(doc, 2, "3.1#p2", 0)
    text = f"{c1.text}[1]{c2.text}[2]"
    return Answer("STORM试验的客观缓解率是多少？", text, True, "zh", citations=(c1, c2))


@pytest.fixture
def refusal(doc: Document) -> Answer:
    nearest = tuple(hit(p, r) for r, p in enumerate(doc.passages[8:11], start=1))
    return Answer(XSS, "The review does not address this.", False, "en", nearest=nearest)


def marked(html_text: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", html_text, re.S)]


# --- chat bubbles ---------------------------------------------------------------------------


def test_question_bubble_escapes_html() -> None:
    out = format_question(XSS)
    assert out == "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"


def test_overlong_question_bubble_is_shortened() -> None:
    out = format_question("骨" * 5000)
    assert len(out) < 300 and out.endswith("…")


def test_answer_keeps_markers_and_text(storm_answer: Answer) -> None:
    out = format_answer(storm_answer)
    assert "\\[1\\]" in out and "\\[2\\]" in out
    assert "STORM试验（临床编号NCT02336815）" in out
    assert "<" not in out


def test_answer_escapes_review_and_note_text() -> None:
    answer = Answer("q", f"Dose {XSS} 1~2.5 mg ~ 3 [1]", True, "en", note=XSS)
    out = format_answer(answer)
    assert "<img" not in out and "&lt;img" in out
    assert "1\\~2\\.5" in out  # a lone "~" pair must not strike through


def test_refusal_bubble_says_it_is_not_an_answer(refusal: Answer) -> None:
    out = format_answer(refusal)
    assert out.startswith("**The review does not address this\\.**")
    assert "not citations" in out


def test_chinese_refusal_is_in_chinese() -> None:
    out = format_answer(Answer("问", "综述中没有涉及这个问题。", False, "zh"))
    assert "综述中没有涉及这个问题。" in out and "并非引用" in out


# --- sources panel --------------------------------------------------------------------------


def test_sources_label_each_citation_bilingually(storm_answer: Answer, doc: Document) -> None:
    out = format_sources(storm_answer, doc)
    assert '<span class="rq-marker">[1]</span> §3.1 STORM试验 · STORM trial' in out
    assert '<span class="rq-marker">[2]</span> §3.1 STORM试验 · STORM trial' in out


def test_highlight_wraps_exactly_the_cited_sentence(storm_answer: Answer, doc: Document) -> None:
    out = format_sources(storm_answer, doc)
    assert marked(out) == [c.text for c in storm_answer.citations]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_highlight_middle_and_last_sentences(doc: Document, index: int) -> None:
    passage = doc.passage("intro#p1")
    sentence = passage.sentences[index].text
    out = highlight(passage.text, sentence)
    assert marked(out) == [sentence]
    assert html.unescape(out.replace("<mark>", "").replace("</mark>", "")) == passage.text


def test_highlight_escapes_passage_and_sentence() -> None:
    out = highlight(f"before {XSS} after. {XSS} cited.", f"{XSS} cited.")
    assert "<img" not in out
    assert marked(out) == [f"{XSS} cited."]


def test_highlight_keeps_a_sentence_missing_from_the_passage() -> None:
    out = highlight("A passage.", "Another sentence.")
    assert marked(out) == ["Another sentence."] and "A passage." in out


def test_sources_fill_missing_passage_text_and_english_title(doc: Document) -> None:
    c = cite(doc, 1, "4.3#p1", 0, passage_text="", section_title_en="")
    out = format_sources(Answer("q", "a [1]", True, "en", citations=(c,)), doc)
    assert "§4.3 胃肠道反应 · Gastrointestinal reactions" in out
    assert marked(out) == [c.text]


def test_sources_escape_review_text(doc: Document) -> None:
    c = cite(doc, 1, "3.1#p1", 0, text=XSS, passage_text=f"x {XSS} y", section_title=XSS)
    out = format_sources(Answer("q", "a [1]", True, "en", citations=(c,)), doc)
    assert "<img" not in out and out.count("&lt;img src=x onerror=alert(1)&gt;") == 2


def test_refusal_sources_list_nearest_passages_as_not_citations(
    refusal: Answer, doc: Document
) -> None:
    out = format_sources(refusal, doc)
    assert "Nearest passages (not citations)" in out
    assert "<mark>" not in out and "rq-marker" not in out
    for h in refusal.nearest:
        assert html.escape(h.text) in out
    assert out.count('class="rq-nearest"') == len(refusal.nearest)


def test_answer_without_citations_shows_the_empty_panel(doc: Document) -> None:
    assert format_sources(Answer("q", "a", True, "en"), doc) == EMPTY_SOURCES


def test_retrieved_panel_lists_ranks_and_sections(doc: Document) -> None:
    hits = [hit(p, r) for r, p in enumerate(doc.passages[11:14], start=1)]
    out = format_retrieved(hits, doc)
    assert "(k=3)" in out and "#1" in out and "#3" in out and "§3.1 STORM试验" in out


# --- copy text ------------------------------------------------------------------------------


def test_copy_text_has_answer_then_every_marker_section_and_sentence(
    storm_answer: Answer,
) -> None:
    out = format_copy_text(storm_answer)
    assert out.startswith(storm_answer.answer)
    for c in storm_answer.citations:
        assert f"[{c.marker}] §3.1 STORM试验 · STORM trial: {c.text}" in out


def test_copy_text_is_plain(storm_answer: Answer) -> None:
    out = format_copy_text(storm_answer)
    assert "\\" not in out and "<" not in out and "&lt;" not in out


def test_copy_text_of_a_refusal_marks_nearest_as_not_citations(refusal: Answer) -> None:
    out = format_copy_text(refusal)
    assert out.startswith("The review does not address this.")
    assert "not citations" in out and "[1]" not in out


# --- About, examples, labels ----------------------------------------------------------------


def test_about_has_title_both_abstracts_and_all_sections(doc: Document) -> None:
    out = about_markdown(doc)
    assert "塞利尼索治疗复发难治性多发性骨髓瘤" in out
    assert "多发性骨髓瘤（MM）为单克隆浆细胞恶性增殖性疾病" in out
    assert "Multiple myeloma is a malignant proliferative disease" in out
    for s in doc.sections:
        assert escape_markdown(s.title) in out
    assert "  - §3\\.1 STORM试验 · STORM trial" in out
    assert "    - §3\\.2\\.1 塞利尼索\\+硼替佐米\\+地塞米松" in out


def test_examples_cover_both_languages() -> None:
    assert any(is_chinese(q) for q in EXAMPLES) and any(not is_chinese(q) for q in EXAMPLES)
    assert "塞利尼索的作用机制是什么？" in EXAMPLES


@pytest.mark.parametrize(
    ("number", "title", "title_en", "expected"),
    [
        ("3.1", "STORM试验", "STORM trial", "§3.1 STORM试验 · STORM trial"),
        ("abstract-zh", "摘要", "Abstract (Chinese)", "摘要 · Abstract (Chinese)"),
        ("abstract-en", "Abstract", "", "Abstract"),
        ("5", "总结与展望", "", "§5 总结与展望"),
    ],
)
def test_section_label(number: str, title: str, title_en: str, expected: str) -> None:
    assert section_label(number, title, title_en) == expected
