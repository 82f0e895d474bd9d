"""Extractive answers: choose the review's own sentences, cite each, or refuse."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.types import Citation, Hit

REFUSAL = {
    "en": "The review does not address this.",
    "zh": "综述中没有涉及这个问题。",
}


@dataclass(frozen=True)
class AnswerConfig:
    """How sentences are chosen and when the evidence is too weak to answer."""

    passages: int = 1  # candidate sentences come from this many top passages
    max_sentences: int = 2
    fallback: int = 4  # passages tried, in rank order, for one that covers what is asked
    lexical_weight: float = 0.3
    rank_weight: float = 0.03  # a prior for sentences of the better-ranked passages
    margin: float = 0.03  # further sentences must score within this of the best one
    # English questions' similarities to the Chinese sentences lie closer together, so a gap
    # tells less: a second sentence may trail further (dev, English: facts 0.914 -> 0.931,
    # citation precision 0.923 -> 0.917)
    margin_en: float = 0.045
    min_dense: float = 0.75  # refusal gate: below this similarity nothing in the review is close
    # English questions over the mostly Chinese review are less similar to what answers them
    # (dev: answerable 0.74-0.84, the closest unanswerable 0.728); calibrated on dev.
    min_dense_en: float = 0.73
    complement: bool = True  # a further sentence must contain a question term the best lacks
    value_weight: float = 0.05  # bonus for a sentence stating the kind of value asked (26%, 80 mg)
    cause_weight: float = 0.05  # bonus for a sentence stating a cause, when the question asks why
    # bonus for a sentence naming the country asked about (the review's sentences on China
    # are few, among others on the same subject)
    place_weight: float = 0.1
    # a trial's aim ("旨在比较XVd与Vd") answers design questions; for others it is context
    aim_weight: float = 0.03
    # The first passages tried are reordered by their best sentence for questions in these
    # languages. English ones too, as re-measured with today's sentence scores (dev, English
    # questions: R@1 0.818 -> 0.890, facts 0.904 -> 0.922, with a trial's own section first);
    # they measured worse when first tried (facts 0.891 -> 0.855), and took
    # ``Evidence.body_first`` instead.
    rerank: int = 3
    rerank_languages: tuple[str, ...] = ("zh", "en")

    def for_language(self, lang: str | None) -> AnswerConfig:
        """This configuration as it applies to a question in ``lang``."""
        return replace(self, margin=self.margin_en) if lang == "en" else self


@dataclass(frozen=True)
class Candidate:
    """A sentence considered for the answer, with the signals that scored it."""

    sentence_index: int
    passage_rank: int
    dense: float
    lexical: float
    score: float
    section: str = ""
    fits: bool | None = None  # states the kind of value the question asks for (None: asks none)
    terms: frozenset[str] = frozenset()  # the question's terms the sentence contains
    kinds: frozenset[str] = frozenset()  # kinds of value asked (by any part) the sentence states
    aim: bool = False  # a trial's aim sentence, for a question not about the trial's design


def concept_overlap(
    groups: Sequence[frozenset[str]], sentence_tokens: set[str], idf: dict[str, float]
) -> float:
    """Share of the question's concepts the sentence contains, each weighted by its rarest term.

    A concept is one glossary term with all its variants (exposure: 暴露, 暴露量, 浓度-时间
    曲线下面积) or one other word of the question. Counting tokens instead lets a concept with
    many long variants outweigh the rest of the question: "exposure by age, sex or race" then
    prefers the sentence about AUC over the one about age, sex and race.
    """
    total = matched = 0.0
    for group in groups:
        weights = [idf.get(t, 0.0) for t in group]
        total += max(weights, default=0.0)
        matched += max((idf.get(t, 0.0) for t in group & sentence_tokens), default=0.0)
    return matched / total if total else 0.0


def inverse_document_frequencies(token_sets: Sequence[set[str]]) -> dict[str, float]:
    """ln(1 + N / df) over the review's sentences."""
    import math

    df: dict[str, int] = {}
    for tokens in token_sets:
        for t in tokens:
            df[t] = df.get(t, 0) + 1
    n = len(token_sets)
    return {t: math.log(1 + n / d) for t, d in df.items()}


#: Sentences about the review itself ("This paper reviews …", "现对……加以综述"): they say
#: what the review covers, so they answer only a question about that.
_META = re.compile(r"^\s*(?:现对|本文|this (?:paper|review|article)\b)", re.IGNORECASE)
_ABOUT_REVIEW = re.compile(
    # the review is the subject and its content the question: "这篇综述主要讨论了哪几个方面",
    # not "根据综述，主要不良反应有哪些"
    r"(?:综述|文章|本文)(?:主要)?(?:讨论|介绍|讲|涉及|包括|综述)了?(?:什么|哪些|哪几个?方面)"
    r"|(?:综述|文章|本文)(?:的)?(?:主要)?内容"
    r"|what (?:does|is|did) (?:the|this) (?:review|paper|article) (?:about|cover|discuss|review)"
    r"|\b(?:scope|topics?|aspects?) (?:of|does|did) (?:the|this) (?:review|paper|article)"
    # "what three things does the abstract say this paper reviews?", not "本文综述了不良反应，
    # 其中最常见的是什么？"
    r"|\b(?:what|which) (?:\w+ ){0,8}(?:the|this) (?:review|paper|article)"
    r" (?:reviews|covers|discusses|summari[sz]es)\b"
    r"|(?:本文|这篇(?:文章|综述))(?:主要)?综述了(?:哪些|什么|哪几)",
    re.IGNORECASE,
)


def is_meta(sentence: str) -> bool:
    """Whether a sentence is about the review itself rather than about selinexor or MM."""
    return _META.search(sentence) is not None


def asks_about_review(question: str) -> bool:
    """Whether the question asks what the review covers (its scope, its topics)."""
    return _ABOUT_REVIEW.search(question) is not None


def choose_sentences(candidates: Sequence[Candidate], cfg: AnswerConfig) -> list[Candidate]:
    """The best sentence, plus up to ``max_sentences - 1`` more from its section that score
    nearly as well.

    Further sentences must come from the best sentence's section: a second fact of the same
    trial is worth citing, a look-alike sentence about another trial is not. When the question
    asks for a value (a dose, a rate) and some sentences state one, only those are chosen: a
    trial's design sentence, however similar, does not answer "what was the ORR".
    """
    if any(c.fits for c in candidates):  # the question asks for a value some sentence states
        candidates = [c for c in candidates if c.fits]
    ranked = sorted(candidates, key=lambda c: (-c.score, c.sentence_index))
    if not ranked:
        return []
    best = ranked[0]
    if best.aim:  # a trial's aim, first by a little: a sentence of what it found answers
        best = next(
            (
                c
                for c in ranked[1:]
                if not c.aim
                and c.section == best.section
                and c.lexical > 0
                and c.score >= best.score - cfg.margin
            ),
            best,
        )
    chosen = [best]
    for cand in ranked:
        if cand is best:
            continue
        if len(chosen) >= cfg.max_sentences:
            break
        close = cand.score >= best.score - cfg.margin and cand.lexical > 0
        beside = (
            cand.section == best.section and abs(cand.sentence_index - best.sentence_index) == 1
        )
        if cfg.complement and not cand.terms - best.terms and not beside:
            # it supports nothing of the question the best sentence does not, and is no
            # neighbour of it (a passage's "周围神经病变发生率极低。" before its comparison)
            continue
        if cand.aim:
            continue  # a trial's aim names all its arms and drugs, and answers none of this
        if close and cand.section == best.section:
            chosen.append(cand)
    # A question in parts ("how many were enrolled? their median PFS?") needs each part's
    # value: a sentence of the same section stating a kind the chosen ones lack is added.
    unstated = frozenset().union(*(c.kinds for c in ranked)) - frozenset().union(
        *(c.kinds for c in chosen)
    )
    if unstated and len(chosen) < cfg.max_sentences:
        extra = next(
            (
                c
                for c in ranked
                if c.kinds & unstated and c.section == best.section and c.lexical > 0 and not c.aim
            ),
            None,
        )
        if extra is not None:
            chosen.append(extra)
    return sorted(chosen, key=lambda c: c.sentence_index)


def meaningful(terms: Iterable[str]) -> list[str]:
    """Terms that can carry a question's subject: not bare numbers, not single letters."""
    return [t for t in terms if len(t) > 1 and not t.replace(".", "").isdigit()]


def should_answer(
    best: Candidate | None, missing: Sequence[str], cfg: AnswerConfig, lang: str = "zh"
) -> bool:
    """The refusal gate: something close enough in the review, and nothing asked for absent."""
    floor = cfg.min_dense_en if lang == "en" else cfg.min_dense
    return best is not None and best.dense >= floor and not missing


#: Chinese names of the English parts, whose titles are English ("Abstract", "Key words").
_ZH_NAMES = {"abstract-en": "英文摘要", "keywords-en": "英文关键词"}


def section_name(section: str, title: str, title_en: str, lang: str) -> str:
    """How the answer's frame names a section, in the question's language."""
    numbered = section[:1].isdigit()
    if lang == "zh":
        return f"第{section}节（{title}）" if numbered else f"{_ZH_NAMES.get(section, title)}部分"
    label = title_en or title
    return f"section {section} ({label})" if numbered else f"the {label.lower()}"


def compose(citations: Sequence[Citation], lang: str) -> str:
    """The answer text: a frame naming the section, then each cited sentence with its marker.

    The sentences are quoted exactly, so numbers, units and doses are never rephrased.
    """
    first = citations[0]
    parts: list[str] = []
    if lang == "zh":
        parts.append(f"根据综述{section_name(first.section, first.section_title, '', 'zh')}：")
    else:
        name = section_name(first.section, first.section_title, first.section_title_en, "en")
        parts.append(f"According to the review, {name}: ")
    for cite in citations:
        if cite.section != first.section:
            name = section_name(cite.section, cite.section_title, cite.section_title_en, lang)
            parts.append(f"（{name}）" if lang == "zh" else f"({name}) ")
        sep = "" if lang == "zh" else " "
        parts.append(f"{cite.text}{sep}[{cite.marker}]{sep}")
    return "".join(parts).strip()


def nearest(hits: Sequence[Hit], n: int = 3) -> tuple[Hit, ...]:
    """Passages to offer after a refusal, labelled as nearest, never as citations."""
    return tuple(hits[:n])


#: The note of a refusal on similarity alone: nothing named is missing, nothing is close.
NOTHING_CLOSE = "No passage of the review is close enough to the question to answer it."


def refusal_note(missing: list[str], gaps: list[str]) -> str:
    """Why the assistant refused, for the reader: absent from the review, or never stated.

    "Not in the review" is said only of what the review never mentions; what its closest
    passages leave out (a PFS figure, the trial asked about) is said as such.
    """
    parts = []
    gaps = [g for g in gaps if g not in missing]  # absent from the review says it all
    if missing:
        parts.append(f"Not in the review: {', '.join(dict.fromkeys(missing))}.")
    if gaps:
        parts.append(f"The closest passages do not state: {', '.join(dict.fromkeys(gaps))}.")
    return " ".join(parts)
