"""Hybrid cross-lingual retrieval: BM25 and dense rankings fused, glossary-expanded queries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.types import Hit

if TYPE_CHECKING:
    import numpy as np

    from assistant.glossary import Expansion, Glossary
    from index.embedder import Embedder
    from index.store import ReviewIndex

MODES = ("hybrid", "bm25", "dense")
FUSIONS = ("rrf", "zscore")
#: A question about the keyword lists themselves ("中文关键词里列了哪些词？"): only they answer it.
ASKS_KEYWORDS = re.compile(r"关键词|关键字|\bkey ?words?\b", re.IGNORECASE)
#: A part of the review named in one language or the other ("英文摘要里是怎么表述的？",
#: "does the English abstract back that up?"): what it says is asked, whatever the question's
#: own language.
_NAMED_PART = re.compile(
    r"(英文|中文|english|chinese)\s*(摘要|关键词|关键字|abstract|summary|key ?words?|index terms?)",
    re.IGNORECASE,
)


#: A section named by its number ("what does section 1 say", "综述第4.4节", "第1部分").
_NUMBERED_SECTION = re.compile(
    r"\bsection\s+(\d(?:\.\d){0,2})(?![\d.]*\d)|第\s*(\d(?:\.\d){0,2})\s*(?:节|部分|章)",
    re.IGNORECASE,
)


#: Sections named by what they are ("the introduction lists…", "综述的结语部分说…"): the
#: introduction, and the closing section (总结与展望). Not "the summary", which readers say of
#: the abstract as often ("reading the English summary").
_TITLED_SECTIONS = (
    ("intro", re.compile(r"\bthe (?:introduction|intro)\b|引言|前言部分", re.IGNORECASE)),
    (
        "5",
        re.compile(
            r"\b(?:closing|concluding|final|last) (?:section|part|paragraph)\b|\bthe conclusions?\b"
            r"|\boutlook section\b|总结与展望|结语|结论部分|最后(?:一|那)?(?:段|部分|节)"
            r"|^\W*结论(?:说|里|中|提到)|综述的?结论",
            re.IGNORECASE,
        ),
    ),
)


def asked_parts(question: str, lang: str | None) -> list[str]:
    """The sections (abstract-en, keywords-zh, 1, 4.4 …) the question asks about by name, first
    first: a keyword list asked about is its language's (the one named, or the question's)."""
    numbered = [a or b for a, b in _NUMBERED_SECTION.findall(question)]
    named = []
    for language, part in _NAMED_PART.findall(question):
        code = "en" if language.lower() in ("英文", "english") else "zh"
        if part.lower() == "summary" and code == "zh":
            continue  # "the Chinese summary" may be its 总结与展望 as well as its abstract
        kind = "abstract" if part.lower() in ("摘要", "abstract", "summary") else "keywords"
        named.append((kind, code))
    if ASKS_KEYWORDS.search(question):
        codes = [code for _, code in named] or [lang or "zh"]
        named = [("keywords", code) for code in codes] + named
    titled = [part for part, pattern in _TITLED_SECTIONS if pattern.search(question)]
    return list(dict.fromkeys([f"{kind}-{code}" for kind, code in named] + numbered + titled))


@dataclass(frozen=True)
class RetrievalConfig:
    """How passages are found; the evaluation's ablations flip ``mode`` and ``use_glossary``."""

    mode: str = "hybrid"  # "hybrid", "bm25" or "dense"
    use_glossary: bool = True
    # e5 is multilingual: the question as asked embeds better (and faster) than one padded
    # with glossary terms, which help BM25 instead.
    expand_dense: bool = False
    k: int = 5
    rrf_k: int = 60  # reciprocal rank fusion's damping constant
    bm25_weight: float = 1.0
    dense_weight: float = 1.0
    # For English questions over a Chinese review, e5's cross-language similarities are
    # less sure than BM25 over the glossary's Chinese terms: dense ranks count for about a
    # third (dev, English: R@1 0.797 -> 0.845, MRR@10 0.875 -> 0.909, facts 0.936 -> 0.940;
    # the curve peaks between 0.3 and 0.35). None is ``dense_weight``.
    dense_weight_en: float | None = 0.35
    # The review's abstract exists in both languages; the one in the question's language is
    # returned, the other would only push a body passage down a rank (dev MRR@10 en 0.865 ->
    # 0.903 without it).
    one_abstract: bool = True
    # "zscore" (a weighted sum of standardized scores) ranks better on dev (MRR@10 0.871 ->
    # 0.893) but answers worse (citation precision 0.892 -> 0.882, refusal 0.917 -> 0.886).
    fusion: str = "rrf"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"retrieval mode must be one of {MODES}, not {self.mode!r}")
        if self.fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {FUSIONS}, not {self.fusion!r}")


def rank(scores: Sequence[float] | np.ndarray) -> list[int]:
    """Document indices by descending score; documents scoring zero or less are left out."""
    order = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), i))
    return [i for i in order if float(scores[i]) > 0]


def rrf_fuse(
    rankings: Sequence[Sequence[int]], weights: Sequence[float], k: int = 60
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = Σ wᵢ / (k + rankᵢ(d)), ranks from 1; best first."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for position, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + position)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def zscore_fuse(scores: Sequence[np.ndarray], weights: Sequence[float]) -> list[tuple[int, float]]:
    """A weighted sum of each signal's standardized scores; best first.

    Unlike rank fusion it keeps how sure each signal is: a BM25 score far above the rest
    counts for more than a dense similarity barely above its neighbours.
    """
    import numpy as np

    total = np.zeros(len(scores[0]), dtype=float)
    for s, w in zip(scores, weights, strict=True):
        s = np.asarray(s, dtype=float)
        sd = s.std()
        total += w * ((s - s.mean()) / sd if sd > 0 else 0.0)
    order = sorted(range(len(total)), key=lambda i: (-total[i], i))
    return [(i, float(total[i])) for i in order]


@dataclass(frozen=True)
class Signals:
    """What retrieval computed for one question; answer composition reuses it."""

    question: str
    expansion: Expansion | None
    query_text: str
    query_vector: np.ndarray | None
    bm25: np.ndarray | None
    dense: np.ndarray | None
    fused: tuple[tuple[int, float], ...]
    parts: tuple[str, ...] = ()  # the review's parts the question names (asked_parts)


class HybridRetriever:
    """Scores every passage by BM25 and by e5 similarity, then fuses the two rankings."""

    def __init__(
        self,
        index: ReviewIndex,
        embedder: Embedder,
        glossary: Glossary | None,
        config: RetrievalConfig,
    ) -> None:
        self.index, self.embedder, self.glossary, self.config = index, embedder, glossary, config
        # Keyword lists are short and name every main term, so BM25 and e5 rank them high for
        # almost any question; they answer none but a question about them, so they are
        # returned only for that.
        self._keywords = [p.is_keywords for p in index.doc.passages]
        self._sections = [p.section for p in index.doc.passages]
        self._section_ids = frozenset(self._sections)
        self._abstract_lang = [
            p.lang if p.section.startswith("abstract") else None for p in index.doc.passages
        ]

    def dense_text(self, signals_question: str, expanded: str) -> str:
        """What e5 embeds: the question as asked, unless configured to embed the expansion."""
        return expanded if self.config.expand_dense else signals_question

    def signals(self, question: str) -> Signals:
        """Expand, score with both signals (as the mode asks), fuse."""
        expansion = (
            self.glossary.expand(question) if self.config.use_glossary and self.glossary else None
        )
        text = expansion.text if expansion else question
        bm25 = dense = vector = None
        rankings: list[list[int]] = []
        weights: list[float] = []
        if self.config.mode in ("hybrid", "bm25"):
            bm25 = self.index.bm25.scores(text)
            rankings.append(rank(bm25))
            weights.append(self.config.bm25_weight)
        lang = expansion.lang if expansion else None
        if self.config.mode in ("hybrid", "dense"):
            vector = self.embedder.queries([self.dense_text(question, text)])[0]
            dense = self.index.passages.all_scores(vector)
            rankings.append(rank(dense))
            en_weight = self.config.dense_weight_en
            weights.append(
                en_weight if lang == "en" and en_weight is not None else self.config.dense_weight
            )
        # Dropped after fusion, not before: removing them from each ranking first moves every
        # other passage up a place in one signal but not the other, and measured worse (dev
        # MRR@10 en 0.865 -> 0.842).
        # a number the review has no section of ("section 3" holds only its subsections)
        parts = tuple(p for p in asked_parts(question, lang) if p in self._section_ids)
        if self.config.fusion == "zscore" and bm25 is not None and dense is not None:
            merged = zscore_fuse([bm25, dense], weights)
        else:
            merged = rrf_fuse(rankings, weights, self.config.rrf_k)
        fused = tuple(
            (i, score)
            for i, score in merged
            if self._sections[i] in parts
            or (not self._keywords[i] and not self._other_abstract(i, lang))
        )
        if parts:  # the parts named first, in the order named; the rest as ranked
            fused = tuple(sorted(fused, key=lambda item: self._part_order(item[0], parts)))
        return Signals(question, expansion, text, vector, bm25, dense, fused, parts)

    def _part_order(self, i: int, parts: tuple[str, ...]) -> int:
        section = self._sections[i]
        return parts.index(section) if section in parts else len(parts)

    def _other_abstract(self, i: int, lang: str | None) -> bool:
        """The abstract in the other language: the same summary, shown in the reader's."""
        if not self.config.one_abstract or lang is None:
            return False
        return self._abstract_lang[i] not in (None, lang)

    def hits(self, signals: Signals, k: int) -> list[Hit]:
        """The top ``k`` passages as Hits, fused score attached."""
        passages = self.index.doc.passages
        return [
            Hit.of(passages[i], round(score, 6), position)
            for position, (i, score) in enumerate(signals.fused[:k], start=1)
        ]

    def retrieve(self, question: str, k: int | None = None) -> list[Hit]:
        return self.hits(self.signals(question), k or self.config.k)
