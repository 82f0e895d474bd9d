"""Pure formatting of answers for the chat window: bubbles, sources panel, copy text, About."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.types import MAX_QUESTION_CHARS, Answer, Citation, Hit
from corpus import Document
from ui.escape import escape_html, escape_markdown
from ui.labels import (
    EMPTY_SOURCES_TEXT,
    NEAREST_HEADING,
    REFUSAL_NOTE,
    RETRIEVED_HEADING,
    SOURCES_HEADING,
    section_label,
)

#: Example questions in both languages: mechanism, trial results, a side effect.
EXAMPLES: list[str] = [
    "塞利尼索的作用机制是什么？",
    "What was the overall response rate in the STORM trial?",
    "How is selinexor-induced nausea managed?",
    "BOSTON试验中XVd组和Vd组的中位随访时间分别是多少？",
    "塞利尼索最常见的血液学不良反应有哪些？",
    "Which combinations of selinexor were studied in the STOMP trial?",
]

#: What the sources panel shows before the first answer.
EMPTY_SOURCES = f'<div class="rq-sources rq-empty"><p>{escape_html(EMPTY_SOURCES_TEXT)}</p></div>'

# A question longer than the limit is refused; its bubble shows only the start of it.
_SHOWN_WHEN_TOO_LONG = 200


def format_question(question: str) -> str:
    """The user's bubble: the question exactly as typed, shown as text."""
    if len(question) > MAX_QUESTION_CHARS:
        question = question[:_SHOWN_WHEN_TOO_LONG] + "…"
    return escape_markdown(question)


def format_answer(answer: Answer) -> str:
    """The assistant's bubble: answer text with its [n] markers, or a clearly marked refusal."""
    lang = "zh" if answer.language == "zh" else "en"
    if not answer.answered:
        return f"**{escape_markdown(answer.answer)}**\n\n*{escape_markdown(REFUSAL_NOTE[lang])}*"
    text = escape_markdown(answer.answer)
    if answer.note:
        text += f"\n\n*{escape_markdown(answer.note)}*"
    return text


def highlight(passage_text: str, sentence: str) -> str:
    """The passage as HTML with the cited sentence wrapped in ``<mark>``, all text escaped.

    The sentence is located by its text because passage text has the reference marks removed,
    so document offsets do not carry over. If it cannot be found the passage is followed by the
    sentence, still marked, so the citation is never silently lost.
    """
    at = passage_text.find(sentence) if sentence else -1
    if at < 0:
        marked = f"<mark>{escape_html(sentence)}</mark>" if sentence else ""
        return escape_html(passage_text) + (f"<br>… {marked}" if marked else "")
    before, after = passage_text[:at], passage_text[at + len(sentence) :]
    return f"{escape_html(before)}<mark>{escape_html(sentence)}</mark>{escape_html(after)}"


def _titles(doc: Document, number: str, title: str, title_en: str) -> str:
    """The section label, filling a missing English title from the document."""
    if not title_en:
        try:
            title_en = doc.section(number).title_en
        except KeyError:
            title_en = ""
    return section_label(number, title, title_en)


def _passage_text(doc: Document, citation: Citation) -> str:
    if citation.passage_text:
        return citation.passage_text
    try:
        return doc.passage(citation.passage_id).text
    except KeyError:
        return ""


def _card(head: str, body: str, passage_id: str, css: str = "rq-source") -> str:
    return (
        f'<div class="{css}"><div class="rq-head">{head}</div>'
        f'<p class="rq-passage">{body}</p>'
        f'<div class="rq-id">{escape_html(passage_id)}</div></div>'
    )


def _citation_card(citation: Citation, doc: Document) -> str:
    label = _titles(doc, citation.section, citation.section_title, citation.section_title_en)
    head = f'<span class="rq-marker">[{citation.marker}]</span> {escape_html(label)}'
    body = highlight(_passage_text(doc, citation), citation.text)
    return _card(head, body, citation.passage_id)


def _hit_cards(hits: Iterable[Hit], doc: Document, css: str) -> str:
    cards = []
    for hit in hits:
        label = _titles(doc, hit.section, hit.section_title, hit.section_title_en)
        head = f'<span class="rq-rank">#{hit.rank}</span> {escape_html(label)}'
        head += f' <span class="rq-score">{hit.score:.3f}</span>'
        cards.append(_card(head, escape_html(hit.text), hit.passage_id, css))
    return "".join(cards)


def format_sources(answer: Answer, doc: Document) -> str:
    """The sources panel: each citation with its cited sentence highlighted in its passage.

    For a refusal the nearest passages are listed under a heading that says they are not
    citations, and none of them is highlighted.
    """
    if not answer.answered:
        note = escape_html(REFUSAL_NOTE["zh" if answer.language == "zh" else "en"])
        return (
            f'<div class="rq-sources rq-refusal"><h3>{escape_html(NEAREST_HEADING)}</h3>'
            f'<p class="rq-note">{note}</p>'
            f"{_hit_cards(answer.nearest, doc, 'rq-nearest')}</div>"
        )
    if not answer.citations:
        return EMPTY_SOURCES
    cards = "".join(_citation_card(c, doc) for c in answer.citations)
    return f'<div class="rq-sources"><h3>{escape_html(SOURCES_HEADING)}</h3>{cards}</div>'


def format_retrieved(hits: Sequence[Hit], doc: Document) -> str:
    """The passages retrieval returned, with rank and fused score, for readers who check."""
    heading = f"{RETRIEVED_HEADING} (k={len(hits)})"
    return (
        f'<div class="rq-sources rq-retrieved"><h3>{escape_html(heading)}</h3>'
        f"{_hit_cards(hits, doc, 'rq-hit')}</div>"
    )


def format_copy_text(answer: Answer) -> str:
    """Plain text to paste elsewhere: the answer, then each marker's section and sentence."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", "Sources · 来源:"]
        for c in answer.citations:
            label = section_label(c.section, c.section_title, c.section_title_en)
            lines.append(f"[{c.marker}] {label}: {c.text}")
    elif not answer.answered and answer.nearest:
        lines += ["", "Nearest passages (not citations) · 最接近的段落（非引用）:"]
        lines += [
            f"- {section_label(h.section, h.section_title, h.section_title_en)}"
            for h in answer.nearest
        ]
    return "\n".join(lines)


def _section_text(doc: Document, number: str) -> str:
    return "\n\n".join(escape_markdown(p.text) for p in doc.passages if p.section == number)


def about_markdown(doc: Document) -> str:
    """The About panel: title, both abstracts, and the numbered, bilingual section list."""
    parts = [f"### {escape_markdown(doc.title)}"]
    for number, heading in (("abstract-zh", "摘要"), ("abstract-en", "Abstract")):
        text = _section_text(doc, number)
        if text:
            parts.append(f"**{heading}**\n\n{text}")
    outline = []
    for s in doc.sections:
        indent = "  " * max(s.level - 1, 0)
        outline.append(f"{indent}- {escape_markdown(section_label(s.number, s.title, s.title_en))}")
    parts.append("**Sections · 章节**\n\n" + "\n".join(outline))
    parts.append(
        "*Answers quote sentences of this review only, each with a marker [n] that points to "
        "its source; a question the review does not cover is declined. For information, not "
        "medical advice. 答案仅引用本综述中的句子，并以 [n] 标注出处；综述未涉及的问题不予回答。"
        "仅供参考，不构成医疗建议。*"
    )
    return "\n\n".join(parts)
