"""Turn paragraphs and headings into the section tree, passages, sentences and clean Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Document, Passage, Section, Sentence
from corpus.sentences import sentence_spans
from corpus.text import REF_MARK, language_of, ref_numbers, strip_ref_marks

#: Unnumbered sections a review has, by their label: (number, title, English title).
LABELS: dict[str, tuple[str, str, str]] = {
    "摘要": ("abstract-zh", "摘要", "Abstract (Chinese)"),
    "关键词": ("keywords-zh", "关键词", "Keywords (Chinese)"),
    "abstract": ("abstract-en", "Abstract", ""),
    "keywords": ("keywords-en", "Key words", ""),
    "引言": ("intro", "引言", "Introduction"),
    "introduction": ("intro", "引言", "Introduction"),
}
LABEL_PREFIX = re.compile(r"^\s*(摘\s*要|关键词|Abstract|Key\s*words)\s*[：:]\s*", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(\d+(?:\.\d+)*)[\u3000 ]+(.+)$", re.DOTALL)


@dataclass
class Draft:
    """A section being assembled: its heading and its paragraphs, before offsets exist."""

    number: str
    title: str
    title_en: str = ""
    paragraphs: list[str] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.number.count(".") + 1 if self.number[:1].isdigit() else 1


def label_key(label: str) -> str:
    """Normalise a label (摘 要, Key words, KEYWORDS) to a LABELS key."""
    return re.sub(r"\s+", "", label).lower()


def draft_for_label(label: str) -> Draft:
    number, title, title_en = LABELS[label_key(label)]
    return Draft(number, title, title_en)


def drafts_from_paragraphs(paragraphs: list[str]) -> list[Draft]:
    """Sections from extracted paragraphs: labels (摘要：…), numbered headings, body text.

    A run-in heading (``3.1　STORM试验　STORM试验（…``) ends at the next ideographic space;
    what follows is the section's first paragraph.
    """
    drafts: list[Draft] = []
    for para in paragraphs:
        label = LABEL_PREFIX.match(para)
        heading = re.match(r"^(\d+(?:\.\d+)*)\u3000(.*)$", para, re.DOTALL)
        if label:
            drafts.append(draft_for_label(label.group(1)))
            drafts[-1].paragraphs.append(para[label.end() :].strip())
        elif heading:
            title, _, body = heading.group(2).partition("\u3000")
            drafts.append(Draft(heading.group(1), title.strip()))
            if body.strip():
                drafts[-1].paragraphs.append(body.strip())
        else:
            if not drafts or (not drafts[-1].number[:1].isdigit() and drafts[-1].number != "intro"):
                drafts.append(draft_for_label("引言"))
            drafts[-1].paragraphs.append(para)
    return drafts


def heading_line(draft: Draft) -> str:
    """``## 3.1 STORM试验 · STORM trial``: number, title, and the English title if known."""
    head = f"{draft.number} {draft.title}" if draft.number[:1].isdigit() else draft.title
    if draft.title_en and draft.title_en != draft.title:
        head += f" · {draft.title_en}"
    return "#" * (draft.level + 1) + " " + head


def passage_cost(text: str) -> float:
    """Length in Chinese-character equivalents: an English sentence carries about a third as
    much per character, so English passages may be about three times as long."""
    return len(text) if language_of(text) == "zh" else len(text) / 3


def group_sentences(spans: list[tuple[int, int]], text: str, max_chars: int) -> list[list[int]]:
    """Indices of sentences per passage: whole sentences, at most ``max_chars`` when possible."""
    groups: list[list[int]] = [[]]
    size = 0
    for i, (start, end) in enumerate(spans):
        length = passage_cost(strip_ref_marks(text[start:end]))
        if groups[-1] and size + length > max_chars:
            groups.append([])
            size = 0
        groups[-1].append(i)
        size += length
    return [g for g in groups if g]


def build_document(
    drafts: list[Draft], *, title: str = "", max_passage_chars: int = 300
) -> Document:
    """Render drafts to Markdown and cut passages and sentences with offsets into it."""
    parts: list[str] = [f"# {title}\n\n"] if title else []
    offset = sum(len(p) for p in parts)
    sections: list[Section] = []
    passages: list[Passage] = []
    for draft in drafts:
        start = offset
        chunk = heading_line(draft) + "\n\n"
        parts.append(chunk)
        offset += len(chunk)
        count = 0
        for para in draft.paragraphs:
            for group in _passages_of(para, draft, offset, count, max_passage_chars):
                passages.append(group)
                count += 1
            chunk = para + "\n\n"
            parts.append(chunk)
            offset += len(chunk)
        parent = draft.number.rsplit(".", 1)[0] if "." in draft.number else None
        sections.append(
            Section(draft.number, draft.title, draft.title_en, draft.level, parent, start, offset)
        )
    return Document(title, "".join(parts), tuple(sections), tuple(passages))


def _passages_of(para: str, draft: Draft, base: int, count: int, max_chars: int) -> list[Passage]:
    # a keyword list is one item, cited whole: its ；separates keywords, not sentences
    keywords = draft.number.startswith("keywords")
    spans = [(0, len(para.rstrip()))] if keywords else sentence_spans(para)
    out: list[Passage] = []
    for k, group in enumerate(group_sentences(spans, para, max_chars), start=count + 1):
        pid = f"{draft.number}#p{k}"
        sentences = tuple(
            _sentence(para, spans[i], base, pid, draft.number, n)
            for n, i in enumerate(group, start=1)
        )
        start, end = spans[group[0]][0], spans[group[-1]][1]
        text = strip_ref_marks(para[start:end]).strip()
        refs = tuple(sorted({r for s in sentences for r in s.refs}))
        out.append(
            Passage(
                pid,
                draft.number,
                draft.title,
                draft.title_en,
                language_of(text),
                text,
                base + start,
                base + end,
                sentences,
                refs,
            )
        )
    return out


def _sentence(
    para: str, span: tuple[int, int], base: int, pid: str, section: str, n: int
) -> Sentence:
    raw = para[span[0] : span[1]]
    refs = tuple(r for mark in REF_MARK.findall(raw) for r in ref_numbers(mark))
    text = strip_ref_marks(raw).strip()
    return Sentence(
        f"{pid}.s{n}", pid, section, language_of(text), text, base + span[0], base + span[1], refs
    )
