"""Extractive answers: choose the review's own sentences, cite each, or refuse."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.types import Citation, Hit
from index.segment import normalize

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
    min_dense: float = 0.75  # refusal gate: below this similarity nothing in the review is close
    # English questions over the mostly Chinese review are less similar to what answers them
    # (dev: answerable 0.74-0.84, the closest unanswerable 0.728); calibrated on dev.
    min_dense_en: float = 0.73
    complement: bool = True  # a further sentence must contain a question term the best lacks
    value_weight: float = 0.05  # bonus for a sentence stating the kind of value asked (26%, 80 mg)
    cause_weight: float = 0.05  # bonus for a sentence stating a cause, when the question asks why


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
    r"|\b(?:scope|topics?|aspects?) (?:of|does|did) (?:the|this) (?:review|paper|article)",
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
    chosen = [best]
    for cand in ranked[1:]:
        if len(chosen) >= cfg.max_sentences:
            break
        close = cand.score >= best.score - cfg.margin and cand.lexical > 0
        if cfg.complement and not cand.terms - best.terms:
            continue  # it supports nothing of the question the best sentence does not
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
                if c.kinds & unstated and c.section == best.section and c.lexical > 0
            ),
            None,
        )
        if extra is not None:
            chosen.append(extra)
    return sorted(chosen, key=lambda c: c.sentence_index)


#: Names a question may use for things the review would have to mention by name:
#: acronyms, trial names and codes (SIENDO, XPORT-MM, CYP3A4, KRd).
NAME = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Za-z]+\d+[A-Za-z0-9]*)")


def mentions(corpus: str, variant: str) -> bool:
    """Whether the (normalized, lower-case) corpus uses ``variant``; Latin words whole."""
    variant = variant.lower()
    if variant.isascii():
        return re.search(rf"(?<![a-z]){re.escape(variant)}(?![a-z])", corpus) is not None
    if variant in corpus:
        return True
    # A long Chinese term may be worded a little differently (血液恶性肿瘤 vs 血液系统肿瘤):
    # a piece of half of it counts. Not a combination (塞利尼索+卡非佐米): any piece of that
    # names one of its drugs, which every other combination also names.
    # The head noun, last in Chinese, must be there too: 浆细胞白血病 is not mentioned by
    # 浆细胞 alone.
    if len(variant) < 4 or "+" in variant or variant[-2:] not in corpus:
        return False
    size = max(3, len(variant) // 2)
    return any(variant[i : i + size] in corpus for i in range(len(variant) - size + 1))


def missing_concepts(concepts: Iterable[tuple[str, ...]], corpus: str) -> list[str]:
    """Concepts (each a tuple of its variants in both languages) the review never mentions.

    A question about a thing the review never names (a price, children, a drug interaction)
    cannot be answered from it, however similar its wording is to some passage.
    """
    return [variants[0] for variants in concepts if not any(mentions(corpus, v) for v in variants)]


#: The word between two alternatives: "fixed doses or escalation", "皮下注射还是静脉推注".
_OR = re.compile(r"\bor\b|还是|或者|或")


def _singular(text: str) -> str:
    """English plurals folded (doses → dose), the same way for questions and variants."""
    return re.sub(r"\b([a-z]{3,}[^su\W])s\b", r"\1", text)


def _span(text: str, variants: Sequence[str]) -> tuple[int, int] | None:
    """Where the concept is first named in the (normalized) text, if it is."""
    spans = []
    for v in variants:
        v = _singular(normalize(v))
        pattern = rf"(?<![a-z]){re.escape(v)}(?![a-z])" if v.isascii() else re.escape(v)
        spans += [m.span() for m in re.finditer(pattern, text)]
    return min(spans) if spans else None


def offered_alternatives(
    question: str, concepts: Sequence[tuple[str, ...]], corpus: str
) -> list[tuple[str, ...]]:
    """Concepts the question offers as one of two alternatives of which the review names the
    other.

    "Fixed doses or escalation?" is answered by a passage on escalation, though the review
    never speaks of fixed doses; "cataracts or blurred vision?" names neither and stays
    unanswered. The alternatives are the concepts named right before and right after "or".
    Only ways of doing something are offered so: a drug, disease, regimen or adverse event
    ("with warfarin or dexamethasone?") is asked about in its own right, and the caller
    leaves those out.
    """
    text = _singular(normalize(question))
    named = [(span, c) for c in concepts if (span := _span(text, c)) is not None]
    out: list[tuple[str, ...]] = []
    for m in _OR.finditer(text):
        before = [(s, c) for s, c in named if s[1] <= m.start()]
        after = [(s, c) for s, c in named if s[0] >= m.end()]
        if not before or not after:
            continue
        pair = [max(before, key=lambda x: x[0][1])[1], min(after, key=lambda x: x[0][0])[1]]
        found = [any(mentions(corpus, v) for v in c) for c in pair]
        if any(found):
            out += [c for c, ok in zip(pair, found, strict=True) if not ok]
    return out


def unknown_names(question: str, corpus: str, known: Iterable[str] = ()) -> list[str]:
    """Acronyms and codes in the question that appear nowhere in the review.

    ``known`` are the variants of the glossary terms the question matched (IMWG → 国际骨髓瘤
    工作组, "TPO receptor agonist"); a name within one is judged by its concept instead.
    """
    known = " | ".join(k.lower() for k in known)
    found = NAME.findall(question)
    # a name inside a term the glossary matched (NK1 in "NK1 antagonist") is that term's
    return [n for n in found if not mentions(known, n) and not mentions(corpus, n)]


#: Endings of drug names (INN stems) and disease names in Chinese and English: a question
#: naming a drug or disease the review never mentions (贝兰妥单抗, ixazomib, amyloidosis
#: aside) is about something it does not cover.
_ZH_DRUG = re.compile(
    r"(?=(单抗|替尼|佐米|度胺|米松|司琼|匹坦|他滨|紫杉醇|霉素|沙星|帕格|曲泊帕|罗司亭"
    # and of diseases: a question about 华氏巨球蛋白血症 is not about myeloma
    r"|血症|白血病|淋巴瘤|骨髓瘤|肉瘤|癌|综合征))"
)
_EN_DRUG = re.compile(
    r"\b[a-z]{3,}(?:mab|nib|zomib|lidomide|pag|setron|pitant|platin|taxel|rubicin|mycin|"
    r"floxacin|ciclib|clax|parib|emia)\b|\b[a-z]{4,}omas?\b"
)


def unknown_drugs(question: str, corpus: str, known: Iterable[str] = ()) -> list[str]:
    """Drug and disease names in the question (by their ending) the review never mentions.

    A Chinese name counts as mentioned when its ending and two to four characters before it
    appear together in the review (达雷妥尤单抗 is mentioned; 贝兰妥单抗 is not), or, for an
    ending that is a name by itself (淋巴瘤), when the review names it.
    """
    text = question.lower()
    skip = {k.lower() for k in known}
    out = []
    for match in _ZH_DRUG.finditer(text):
        start, suffix = match.start(), match.group(1)
        names = [text[start - k : start] + suffix for k in (2, 3, 4) if start - k >= 0]
        if len(suffix) >= 3:  # 淋巴瘤, 白血病: a name by itself
            names.insert(0, suffix)
        if suffix == "癌":  # 癌 heading a word (癌细胞) is the review's wording, not a disease
            names.append(text[start : start + 3])
        if names and not any(n in corpus or n in skip for n in names):
            out.append(names[0])
    for match in _EN_DRUG.finditer(text):
        name = match.group()
        inside_known = any(name in k for k in skip)  # leukaemia of plasma cell leukaemia
        if not inside_known and not mentions(corpus, name):
            out.append(name)
    return out


#: Glossary categories whose concepts an answer must speak to: a question about an endpoint,
#: an adverse event, a pharmacokinetic measure or a regimen is not answered by a passage
#: that never names it, however similar the rest of its wording.
SPECIFIC = frozenset({"endpoint", "adverse_event", "pk", "response", "regimen"})


def uncovered(
    concepts: Iterable[tuple[str, tuple[str, ...]]],
    evidence: str,
    names: Iterable[str] = (),
    drugs: Sequence[tuple[str, ...]] = (),
) -> list[str]:
    """Specific concepts (category, variants) and names (STOMP, XVd) the evidence never names.

    A question about the STOMP cohort is not answered by a STORM sentence that happens to
    report the endpoint asked about. A combination (塞利尼索+地塞米松) is named by a longer one
    that contains it, but only when the question names another drug (``drugs``) that the
    longer one adds: Xd alone is STORM's regimen, not XVd's.
    """
    concepts = list(concepts)
    gaps = [
        variants[0]
        for category, variants in concepts
        if category in SPECIFIC
        and not any(
            mentions(evidence, v)
            or (_parts_named(evidence, v) and _another_drug(v, drugs, evidence))
            for v in variants
        )
    ]
    return gaps + [name for name in names if not mentions(evidence, name)]


def _another_drug(combination: str, drugs: Sequence[tuple[str, ...]], evidence: str) -> bool:
    """Whether the question names a drug outside the combination that the evidence names."""
    parts = {normalize(p.strip()) for p in combination.split("+")}
    return any(
        not parts & {normalize(v) for v in variants}
        and any(mentions(evidence, v) for v in variants)
        for variants in drugs
    )


def _parts_named(evidence: str, variant: str) -> bool:
    """Whether every drug of a combination (塞利尼索+地塞米松) is named, as in 塞利尼索+泊马度胺+
    地塞米松: "the doses of selinexor and dexamethasone in the pomalidomide cohort" is asked
    of a passage that never writes the pair alone."""
    parts = [p.strip() for p in variant.split("+")]
    return len(parts) > 1 and all(p and mentions(evidence, p) for p in parts)


def meaningful(terms: Iterable[str]) -> list[str]:
    """Terms that can carry a question's subject: not bare numbers, not single letters."""
    return [t for t in terms if len(t) > 1 and not t.replace(".", "").isdigit()]


def should_answer(
    best: Candidate | None, missing: Sequence[str], cfg: AnswerConfig, lang: str = "zh"
) -> bool:
    """The refusal gate: something close enough in the review, and nothing asked for absent."""
    floor = cfg.min_dense_en if lang == "en" else cfg.min_dense
    return best is not None and best.dense >= floor and not missing


def section_name(section: str, title: str, title_en: str, lang: str) -> str:
    """How the answer's frame names a section, in the question's language."""
    numbered = section[:1].isdigit()
    if lang == "zh":
        return f"第{section}节（{title}）" if numbered else f"{title}部分"
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
    if missing:
        parts.append(f"Not in the review: {', '.join(dict.fromkeys(missing))}.")
    if gaps:
        parts.append(f"The closest passages do not state: {', '.join(dict.fromkeys(gaps))}.")
    return " ".join(parts)
