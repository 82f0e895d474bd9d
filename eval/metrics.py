"""Pure scoring functions: retrieval ranks, facts in answers, citations, refusals, latency.

All text matching ignores whitespace and case (:func:`squash`): the review's PDF extraction
puts spaces between Chinese and digits ("第 2位") that the clean text does not, and answers
may re-case English terms.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

#: A fragment cut by a sentence boundary counts for the sentence that ends (or starts) with at
#: least this many of its characters: anchored at the boundary, 5 characters rarely match by
#: chance, and a split fragment may leave as few as 6 on one side ("发生率极低。").
BOUNDARY_MIN_CHARS = 5
#: Otherwise a sentence supports a fragment when they share one run of characters that is at
#: least this long *and* at least this share of the fragment: tolerant of small textual
#: differences, but a common phrase ("塞利尼索+地塞米松") alone does not pass.
SHARED_MIN_CHARS = 12
SHARED_MIN_SHARE = 0.6

_WHITESPACE = re.compile(r"\s+")
_MARKER = re.compile(r"\[\d+\]")


def squash(text: str) -> str:
    """``text`` without any whitespace, case-folded: the form every comparison uses."""
    return _WHITESPACE.sub("", text).casefold()


def contains(text: str, fragment: str) -> bool:
    """True when ``fragment`` occurs in ``text``, ignoring whitespace and case."""
    needle = squash(fragment)
    return bool(needle) and needle in squash(text)


def is_relevant(passage_text: str, evidence: Sequence[str]) -> bool:
    """A passage is relevant when it contains any one evidence fragment.

    Any, not all: one fragment is enough to ground a cited answer, and a two-fact question's
    fragments may lie in two passages.
    """
    squashed = squash(passage_text)
    return any((needle := squash(f)) and needle in squashed for f in evidence)


def evidence_coverage(texts: Iterable[str], evidence: Sequence[str]) -> float:
    """Share of the evidence fragments found in at least one of ``texts`` (1.0 for none)."""
    if not evidence:
        return 1.0
    joined = [squash(t) for t in texts]
    found = sum(1 for f in evidence if any(squash(f) in t for t in joined))
    return found / len(evidence)


def recall_at_k(ranked_relevance: Sequence[bool], k: int) -> float:
    """1.0 when a relevant passage is among the first ``k``, else 0.0 (hit rate per question).

    Averaged over questions this is the share of questions whose answer could be grounded
    from the top ``k``; the total number of relevant passages is not needed.
    """
    return 1.0 if any(ranked_relevance[:k]) else 0.0


def reciprocal_rank(ranked_relevance: Sequence[bool], k: int = 10) -> float:
    """1/rank of the first relevant passage within the first ``k``, else 0.0."""
    for rank, relevant in enumerate(ranked_relevance[:k], start=1):
        if relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked_relevance: Sequence[bool], k: int, n_relevant: int | None = None) -> float:
    """Normalised discounted cumulative gain with binary gains.

    The ideal ranking puts ``n_relevant`` relevant passages first (by default the number of
    relevant ones in ``ranked_relevance``); 0.0 when there is nothing relevant.
    """
    dcg = sum(1.0 / math.log2(i + 2) for i, rel in enumerate(ranked_relevance[:k]) if rel)
    total = sum(map(bool, ranked_relevance)) if n_relevant is None else n_relevant
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(total, k)))
    return dcg / ideal if ideal else 0.0


def strip_markers(answer_text: str) -> str:
    """The answer without its citation markers ``[n]``, which are not content."""
    return _MARKER.sub("", answer_text)


def fact_present(answer_text: str, alternatives: Sequence[str]) -> bool:
    """True when any acceptable wording of a fact occurs in the answer (markers ignored)."""
    text = squash(strip_markers(answer_text))
    return any((needle := squash(a)) and needle in text for a in alternatives)


def fact_accuracy(answer_text: str, facts: Sequence[Sequence[str]]) -> float:
    """Share of the expected facts present in the answer (1.0 when none are expected)."""
    if not facts:
        return 1.0
    return sum(fact_present(answer_text, f) for f in facts) / len(facts)


def facts_correct(answer_text: str, facts: Sequence[Sequence[str]]) -> bool:
    """An answer is counted correct only when every expected fact is present."""
    return all(fact_present(answer_text, f) for f in facts)


def _boundary_overlap(sentence: str, fragment: str) -> int:
    """Longest run by which the fragment starts at the sentence's end or ends at its start."""
    for size in range(min(len(sentence), len(fragment)), 0, -1):
        if fragment[:size] == sentence[-size:] or fragment[-size:] == sentence[:size]:
            return size
    return 0


def supports(sentence: str, fragment: str) -> bool:
    """Does a cited sentence carry (part of) one evidence fragment?

    Yes when, ignoring whitespace and case, one contains the other (a long fragment may span
    several sentences); when the fragment crosses the sentence's boundary by at least
    :data:`BOUNDARY_MIN_CHARS`; or when both share one run of at least
    :data:`SHARED_MIN_CHARS` characters that is also :data:`SHARED_MIN_SHARE` of the fragment.
    """
    s, f = squash(sentence), squash(fragment)
    if not s or not f:
        return False
    if f in s or s in f:
        return True
    if _boundary_overlap(s, f) >= BOUNDARY_MIN_CHARS:
        return True
    match = SequenceMatcher(None, s, f, autojunk=False).find_longest_match(0, len(s), 0, len(f))
    return match.size >= SHARED_MIN_CHARS and match.size >= SHARED_MIN_SHARE * len(f)


def cites_evidence(sentence: str, evidence: Sequence[str]) -> bool:
    """True when the cited sentence supports any of the question's evidence fragments."""
    return any(supports(sentence, f) for f in evidence)


def citation_precision(cited_sentences: Sequence[str], evidence: Sequence[str]) -> float:
    """Share of an answer's citations whose sentence supports some evidence fragment.

    An answer without citations scores 0.0: every claim should carry one, so an uncited
    answer supports nothing.
    """
    if not cited_sentences:
        return 0.0
    return sum(cites_evidence(s, evidence) for s in cited_sentences) / len(cited_sentences)


def citation_recall(
    cited_per_question: Sequence[Sequence[str]], evidence_per_question: Sequence[Sequence[str]]
) -> float:
    """Share of (answerable) questions with at least one citation that supports the evidence.

    Pass every answerable question: a refusal has no citations and counts as a miss.
    """
    if len(cited_per_question) != len(evidence_per_question):
        raise ValueError("one list of cited sentences per question's evidence is needed")
    if not cited_per_question:
        return math.nan
    hits = sum(
        any(cites_evidence(s, ev) for s in cited)
        for cited, ev in zip(cited_per_question, evidence_per_question, strict=True)
    )
    return hits / len(cited_per_question)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else math.nan


def refusal_precision(refused: Sequence[bool], answerable: Sequence[bool]) -> float:
    """Of the refusals, the share on unanswerable questions (NaN when nothing was refused)."""
    pairs = list(zip(refused, answerable, strict=True))
    return _ratio(sum(r and not a for r, a in pairs), sum(r for r, _ in pairs))


def refusal_recall(refused: Sequence[bool], answerable: Sequence[bool]) -> float:
    """Of the unanswerable questions, the share refused (NaN when there are none)."""
    pairs = list(zip(refused, answerable, strict=True))
    return _ratio(sum(r and not a for r, a in pairs), sum(not a for _, a in pairs))


def false_refusal_rate(refused: Sequence[bool], answerable: Sequence[bool]) -> float:
    """Of the answerable questions, the share refused (NaN when there are none)."""
    pairs = list(zip(refused, answerable, strict=True))
    return _ratio(sum(r and a for r, a in pairs), sum(a for _, a in pairs))


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; NaN for no values, so an empty group is not mistaken for 0."""
    items = list(values)
    return sum(items) / len(items) if items else math.nan


def percentile(values: Iterable[float], p: float) -> float:
    """The ``p``-th percentile (0–100), interpolated linearly as NumPy's default; NaN if empty."""
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must lie in 0..100, got {p}")
    items = sorted(values)
    if not items:
        return math.nan
    position = (len(items) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(items) - 1)
    return items[low] + (items[high] - items[low]) * (position - low)
