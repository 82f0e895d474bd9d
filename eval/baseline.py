"""The naive baseline from before the project: fixed windows over the raw PDF extraction."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus import Document

NAIVE_SECTION = "raw"


def flatten_raw(raw_text: str) -> str:
    """The raw extraction with its newlines removed, as the first prototype indexed it.

    Nothing else is repaired: the two columns stay interleaved line by line and the
    reference marks stay in, which is exactly the damage the corpus package undoes.
    """
    return raw_text.replace("\r", "").replace("\n", "")


def naive_windows_document(raw_text: str, size: int = 300, source: str = "") -> Document:
    """Consecutive ``size``-character windows of the flattened raw text, one passage each.

    Each window is a :class:`~corpus.Passage` (id ``w{n}``, section "raw") holding a single
    :class:`~corpus.Sentence`, so ``Assistant.from_document`` can index it like the review.
    """
    from corpus import Document, Passage, Section, Sentence
    from corpus.text import language_of

    if size < 1:
        raise ValueError(f"window size must be positive, got {size}")
    text = flatten_raw(raw_text)
    passages = []
    for n, start in enumerate(range(0, len(text), size), start=1):
        window = text[start : start + size]
        if not window.strip():
            continue
        pid, lang, end = f"w{n}", language_of(window), start + len(window)
        sentence = Sentence(f"{pid}.s1", pid, NAIVE_SECTION, lang, window, start, end)
        passages.append(
            Passage(pid, NAIVE_SECTION, "原文", "Raw text", lang, window, start, end, (sentence,))
        )
    section = Section(NAIVE_SECTION, "原文", "Raw text", 1, None, 0, len(text))
    digest = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()
    return Document("naive windows", text, (section,), tuple(passages), source, digest)
