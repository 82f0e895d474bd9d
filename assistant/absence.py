"""What a question names that the review, or the passage about to be cited, does not.

These checks keep the assistant from answering a question about something the review never
mentions (a price, a drug it never names) or from citing a passage about another trial or
cohort, however similar its wording: in medicine, "the review does not say" beats a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from index.segment import normalize

#: An English word written in capitals for emphasis ("which is NOT…", "TRUE or FALSE"), or a
#: label of the question's form ("MCQ:"): no name.
_EMPHASIS = (
    # not words a trial may be named (FIRST, BEST, MOST): "the FIRST trial" is not the review's
    "NOT|ALL|AND|THE|TRUE|FALSE|EXCEPT|NONE|BOTH|ONLY|NEVER|ALWAYS|MUST|CANNOT|CORRECT"
    "|INCORRECT|WRONG|YES|ANY|EACH|EVERY|BUT|WITH|WITHOUT|WHICH|WHAT|WHY|HOW"
    # ... and the labels of a question's form: a multiple-choice item, a note to self
    "|MCQS?|SBA|EMQ|FAQS?|FYI|ASAP|BTW|TLDR|PDF|TBD"
)
#: Names a question may use for things the review would have to mention by name:
#: acronyms, trial names and codes (SIENDO, XPORT-MM, CYP3A4, KRd).
NAME = re.compile(
    rf"(?<![A-Za-z0-9])(?!(?:{_EMPHASIS})(?![A-Za-z0-9]))"
    r"(?:[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Za-z]+\d+[A-Za-z0-9]*)"
)


#: A capitalised word (after a non-letter: "Chari的文章" too).
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{3,}(?![A-Za-z])")
_OPENERS = frozenset(".?!。？！:：;；·#\"'“‘(（")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _mid_sentence(text: str) -> list[str]:
    """Capitalised words of the text that open no sentence, quotation, label, list item or
    title; a Latin word written against Chinese (Chari等) is a name wherever it stands."""
    out = []
    for m in _CAPITALISED.finditer(text):
        before = text[: m.start()].rstrip()
        opens = not before or "\n" in text[len(before) : m.start()] or before[-1] in _OPENERS
        if not opens or _CJK.match(text, m.end()):
            out.append(m.group())
    return out


def capitalised_names(text: str) -> frozenset[str]:
    """The proper names a text uses (lower-cased): words it capitalises mid-sentence and never
    writes in lower case, months aside. In this review: Chari, an author it cites."""
    lower = set(re.findall(r"(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])", text))
    return frozenset(
        w for w in (n.lower() for n in _mid_sentence(text)) if w not in lower and w not in _MONTHS
    )


def proper_names(question: str, names: frozenset[str], known: Iterable[str] = ()) -> list[str]:
    """The proper names of the text (``names``: :func:`capitalised_names`) that the question
    uses ("How long after CAR-T did Chari's patients…", "Chari series: any VGPR?"), other
    than words of glossary terms (``known``: Selinexor). Opening the question too: a word the
    text never writes in lower case is its name wherever the question puts it."""
    known_text = " | ".join(k.lower() for k in known)
    return [
        w
        for w in dict.fromkeys(_CAPITALISED.findall(question))
        if w.lower() in names and not mentions(known_text, w.lower())
    ]


def occurrences(text: str, variant: str) -> Iterator[tuple[int, int]]:
    """Spans of the (lower-case) variant in the (normalized) text; Latin words only whole."""
    return (m.span() for m in _occurrence(variant).finditer(text))


@lru_cache(maxsize=65536)
def _occurrence(variant: str) -> re.Pattern[str]:
    """The pattern of ``occurrences``, built once per variant: a question checks hundreds."""
    pattern = re.escape(variant)
    if variant.isascii():
        pattern = rf"(?<![a-z]){pattern}(?![a-z])"
    else:  # Latin letters at either end whole too: Ⅰ期 (i期) is not in ii期
        if variant[0].isascii() and variant[0].isalpha():
            pattern = rf"(?<![a-z]){pattern}"
        if variant[-1].isascii() and variant[-1].isalpha():
            pattern = rf"{pattern}(?![a-z])"
    return re.compile(pattern)


@lru_cache(maxsize=65536)
def _normalized(variant: str) -> str:
    return normalize(variant)


@lru_cache(maxsize=4096)
def _worded_combination(variant: str) -> re.Pattern[str]:
    """A combination ("selinexor + bortezomib") as English may word it: with, and, plus, &."""
    joined = r"\s*(?:\+|&|\band\b|\bwith\b|\bplus\b)\s*".join(
        map(re.escape, (p.strip() for p in variant.split("+")))
    )
    return re.compile(rf"(?<![a-z]){joined}(?![a-z])")


def worded_combination_zh(variant: str) -> re.Pattern[str]:
    """A Chinese combination (塞利尼索+地塞米松) as the review may word it: its drugs joined by
    +, 、, 和, 与, 及, 联合 or 加."""
    return re.compile(r"\s*(?:\+|、|和|与|及|联合|加)\s*".join(map(re.escape, variant.split("+"))))


@lru_cache(maxsize=1 << 17)
def mentions(corpus: str, variant: str) -> bool:
    """Whether the (normalized, lower-case) corpus uses ``variant``; Latin words whole. The
    variant is normalized too: a glossary's Ⅱ期 is the review's ii期 once normalized.

    Remembered: the review's passages and titles are asked about the same glossary variants
    question after question (some 500 calls a question, a tenth of a warm ``ask``)."""
    variant = _normalized(variant)
    if next(occurrences(corpus, variant), None) is not None:
        return True
    if variant.isascii():
        if "+" not in variant.strip("+"):
            return False
        # "selinexor with bortezomib", "selinexor and dexamethasone" name selinexor + …
        return _worded_combination(variant).search(corpus) is not None
    # a combination written with words between its drugs: "塞利尼索、地塞米松与…联合",
    # "塞利尼索与地塞米松联合" name 塞利尼索+地塞米松
    if "+" in variant.strip("+") and worded_combination_zh(variant).search(corpus):
        return True
    # A long Chinese term may be worded a little differently (血液系统恶性肿瘤 vs 血液系统…肿瘤):
    # its opening half and its head noun (last in Chinese) count. Only the opening: it is what
    # sets the term apart (生存期 is not 无进展生存期, 淋巴瘤 not 霍奇金淋巴瘤; any half did
    # count, and the review "mentioned" EFS, Hodgkin lymphoma and hypocalcemia). The head noun
    # too: 浆细胞白血病 is not mentioned by 浆细胞 alone. Not a combination (塞利尼索+卡非佐米):
    # its opening names one of its drugs, which every other combination also names. Nor a term
    # mixing in Latin letters (年pfs, 个月os率): its Latin piece alone is not it.
    if len(variant) < 4 or "+" in variant or variant[-2:] not in corpus:
        return False
    if re.search(r"[a-z]", variant):
        return False
    size = max(3, len(variant) // 2)
    # ... or its opening shared by a coordination: 四重难治 in "四重、五重难治病人"
    opening = re.escape(variant[:size]) + "|" + re.escape(variant[:2])
    opening += r"(?:、[^、，。；]{1,3}){1,3}" + re.escape(variant[2:size])
    # the head noun after the opening, in the same clause and close by: "塞利尼索（60 mg…）…
    # 泊马度胺与地塞米松的二联方案" names no 塞利尼索二联
    gap = rf"[^，。；,;]{{0,{len(variant)}}}?"
    head = variant[max(size, len(variant) - 2) :]  # what of the head the opening lacks
    return re.search(rf"(?:{opening}){gap}{re.escape(head)}", corpus) is not None


def missing_concepts(concepts: Iterable[tuple[str, ...]], corpus: str) -> list[str]:
    """Concepts (each a tuple of its variants in both languages) the review never mentions.

    A question about a thing the review never names (a price, children, a drug interaction)
    cannot be answered from it, however similar its wording is to some passage.
    """
    return [variants[0] for variants in concepts if not any(mentions(corpus, v) for v in variants)]


#: The word between two alternatives: "fixed doses or escalation", "皮下注射还是静脉推注".
_OR = re.compile(r"\bor\b|还是|或者|或")
#: How far (in characters) an alternative may stand from its "or": a word or two between
#: ("fixed doses or an escalation", "单药还是和别的药联合"); Chinese says as much in fewer.
_NEAR = 12
_NEAR_ZH = 4
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _near(between: str) -> bool:
    """Whether the text between an alternative and its "or" is short enough to be one offer."""
    limit = _NEAR_ZH if _CJK.search(between) else _NEAR
    return len(between) <= limit


def _singular(text: str) -> str:
    """English plurals folded (doses → dose), the same way for questions and variants."""
    return re.sub(r"\b([a-z]{3,}[^su\W])s\b", r"\1", text)


def offered_alternatives(
    question: str,
    concepts: Sequence[tuple[str, ...]],
    corpus: str,
    in_corpus: Callable[[str], bool] | None = None,
) -> list[tuple[str, ...]]:
    """Concepts the question offers as one of two alternatives of which the review names the
    other.

    "Fixed doses or escalation?" is answered by a passage on escalation, though the review
    never speaks of fixed doses; "cataracts or blurred vision?" names neither and stays
    unanswered. The alternatives are the concepts named right before and right after "or".
    Only ways of doing something are offered so: a drug, disease, adverse event or regimen of
    named drugs ("with warfarin or dexamethasone?", "XVd or DRd?") is asked about in its own
    right, and the caller leaves those out.
    """
    out: list[tuple[str, ...]] = []
    for pair in alternatives(question, concepts):
        found = [any(in_corpus(v) if in_corpus else mentions(corpus, v) for v in c) for c in pair]
        if any(found):
            out += [c for c, ok in zip(pair, found, strict=True) if not ok]
    return out


def alternatives(
    question: str, concepts: Sequence[tuple[str, ...]]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The pairs of concepts the question offers as alternatives: the ones named right before
    and right after each "or" ("eltrombopag or romiplostim", "皮下注射还是静脉推注")."""
    text = _singular(normalize(question))
    # every place each concept is named: "Transplant team question: … an autologous or an
    # allogeneic transplant" offers the autologous one named beside the "or", not the first
    named = [
        (span, c)
        for c in concepts
        for v in c
        for span in occurrences(text, _singular(normalize(v)))
    ]
    out = []
    for m in _OR.finditer(text):
        # each beside the "or": "姜茶或者吃点酸的能缓解吗" offers no 缓解
        before = [(s, c) for s, c in named if s[1] <= m.start() and _near(text[s[1] : m.start()])]
        after = [(s, c) for s, c in named if s[0] >= m.end() and _near(text[m.end() : s[0]])]
        if before and after:
            out.append(
                (max(before, key=lambda x: x[0][1])[1], min(after, key=lambda x: x[0][0])[1])
            )
    return out


def unknown_names(question: str, corpus: str, known: Iterable[str] = ()) -> list[str]:
    """Acronyms and codes in the question that appear nowhere in the review.

    ``known`` are the variants of the glossary terms the question matched (IMWG → 国际骨髓瘤
    工作组, "TPO receptor agonist"); a name within one is judged by its concept instead.
    """
    # a name inside a term the glossary matched (NK1 in "NK1 antagonist") is that term's
    return _unmentioned(NAME.findall(question), corpus, known)


def _unmentioned(found: Iterable[str], corpus: str, known: Iterable[str]) -> list[str]:
    """The names found that neither the review nor a matched glossary term's variants have."""
    variants = " | ".join(k.lower() for k in known)
    return [n for n in found if not mentions(variants, n) and not mentions(corpus, n)]


#: A technical word in Latin letters inside a Chinese question: one with a number, a Greek
#: letter or a unit after it (caspase-3, karyopherin-β, mmol/L), not everyday code-switching
#: ("Thanks", "data", "Selinexor-based").
#: Capitals (XPO-1, CD38) are names, for ``unknown_names``; words of a schedule or of
#: everyday English (Day1, cycle2, his/her) are no terms.
_TECHNICAL_WORD = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Z]?[a-z])"
    r"(?!(?i:day|days|week|weeks|cycle|cycles|grade|stage|dose|phase|version|and|his|her|per)"
    r"(?![A-Za-z]))"
    # a unit after a figure quotes a result ("钠 132 mmol/L"); "多少mmol/L" asks in a unit
    r"(?:[A-Za-z]{3,}(?=-?[0-9α-ωΑ-Ω])|(?<![0-9] )[A-Za-z]{3,}(?=/[A-Za-z]))"
)


def unknown_words(question: str, corpus: str, known: Iterable[str] = ()) -> list[str]:
    """English words of a Chinese question that appear nowhere in the review.

    Written in Latin letters inside Chinese, with a number, Greek letter or unit after it, a
    word is a technical term ("karyopherin-β家族", "caspase-3", "mmol/L"): when neither the
    review nor a glossary term the question matched has it, the review does not speak of it.
    English questions are left to the glossary: every word of theirs is in Latin letters, and
    hyphenated ones joined to a number are everyday English as often as terms (mid-2019, top-3).
    """
    if not _CJK.search(question):
        return []
    return _unmentioned(dict.fromkeys(_TECHNICAL_WORD.findall(question)), corpus, known)


#: A dose a question quotes ("改成每周一次56 mg/m2", "as 160 mg once weekly").
_QUOTED_DOSE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(mg\s*/\s*m\s*[2²]|mg)(?![a-z])", re.IGNORECASE
)
#: A question proposing another dose, or asking about one ("改成每周一次56 mg/m2，效果会一样吗？",
#: "can it be given as 160 mg once weekly instead?", "比如56或70 mg/m²，有没有数据？"); not one
#: checking a dose against the review ("STORM里是120 mg吗？"), which its dose answers.
_PROPOSES = re.compile(
    r"改成|改为|换成|加到|加量到|减到|增加到|提高到|调整为|调到|比如|例如|如果|假如|能不能|可不可以"
    r"|行不行|行吗|能否|可否|可以吗"
    r"|\b(?:instead|switch\w*|change|increase|escalat\w*|be given as|can|could|would|if"
    r"|such as|e\.g)\b",
    re.IGNORECASE,
)


def unknown_doses(question: str, corpus: str) -> list[str]:
    """Doses a question proposes that the review never states ("卡非佐米改成每周一次56 mg/m2，
    效果会一样吗？"): what is asked is about that dose, of which the review knows nothing.
    ``corpus`` is normalized."""
    if not _PROPOSES.search(question):
        return []
    flat = corpus.replace(" ", "")
    out = []
    for m in _QUOTED_DOSE.finditer(question):
        unit = re.sub(r"\s", "", m.group(2).lower()).replace("²", "2")
        if not re.search(rf"(?<![\d.]){re.escape(m.group(1) + unit)}(?![a-z/])", flat):
            out.append(m.group(0))
    return out


#: Endings of drug names (INN stems) and disease names in Chinese and English: a question
#: naming a drug or disease the review never mentions (贝兰妥单抗, ixazomib, amyloidosis
#: aside) is about something it does not cover.
_ZH_DRUG = re.compile(
    r"(?=(单抗|替尼|佐米|度胺|米松|司琼|匹坦|他滨|紫杉醇|霉素|沙星|帕格|曲泊帕|罗司亭"
    r"|昔布|洛芬|沙坦|地平|普利|他汀|西林|拉唑|洛尔|洛韦|肝素|西泮|唑仑|曲肽|瑞肽|鲁肽|瑞林"
    # and of diseases: a question about 华氏巨球蛋白血症 is not about myeloma
    r"|血症|白血病|淋巴瘤|骨髓瘤|肉瘤|癌|综合征))"
)
#: What stands before no drug or disease name's ending: particles, marks, spaces.
#: Words asking or setting aside a kind right before the ending (哪些癌症, 其他癌).
_KIND_WORD = re.compile(r"(?:哪些|哪种|什么|其他|其它|别的|这种|那种|各种|哪类)$")
_NOT_A_NAME = re.compile(r"[的了和与及或、，,。；;：:（）()“”\"\s]")
_EN_DRUG = re.compile(
    r"\b[a-z]{3,}(?:mab|nib|zomib|lidomide|pag|setron|pitant|platin|taxel|rubicin|mycin|"
    r"floxacin|ciclib|clax|parib|emia|coxib|profen|sartan|dipine|pril|statin|cillin|prazole"
    r"|olol|clovir|parin|azepam|azolam|reotide|glutide|relin)\b|\b[a-z]{4,}omas?\b"
)


def unknown_drugs(question: str, corpus: str, known: Iterable[str] = ()) -> list[str]:
    """Drug and disease names in the question (by their ending) the review never mentions.

    A Chinese name counts as mentioned when its ending and two to four characters before it
    appear together in the review (达雷妥尤单抗 is mentioned; 贝兰妥单抗 is not), or, for an
    ending that is a name by itself (淋巴瘤), when the review names it.
    """
    text = question.lower()
    skip = {k.lower() for k in known}
    # an ending inside a glossary term the question matched, after its start (the 癌 of 抗癌 in
    # 起到抗癌效果), is that term's, no name of its own; not one the term starts with (单抗
    # of 贝兰妥单抗 is the name's ending)
    inside = {
        i for k in skip if not k.isascii() for a, b in occurrences(text, k) for i in range(a + 1, b)
    }
    out = []
    for match in _ZH_DRUG.finditer(text):
        start, suffix = match.start(), match.group(1)
        if start in inside:
            continue
        # a particle or a mark right before the ending: "第二常见的癌" names no cancer,
        # "关键词里，和单抗相关" no antibody (卡那霉素 and 贝那普利 are names)
        if start and _NOT_A_NAME.match(text, start - 1) and len(suffix) < 3:
            continue
        if len(suffix) < 3 and _KIND_WORD.search(text[max(0, start - 2) : start]):
            continue  # "哪些癌症", "其他癌": a kind asked about, no name
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
#: an adverse event, a pharmacokinetic measure, a regimen or a transplant is not answered by a
#: passage that never names it, however similar the rest of its wording.
SPECIFIC = frozenset({"endpoint", "adverse_event", "pk", "response", "regimen", "procedure"})


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
            or _listed_together(evidence, v)
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


def _listed_together(evidence: str, variant: str) -> bool:
    """Whether a combination's drugs are listed together, in its order ("塞利尼索、地塞米松与
    FDA批准的…药物联合" names selinexor with dexamethasone)."""
    parts = [re.escape(p.strip()) for p in variant.split("+")]
    if len(parts) < 2 or not all(parts):
        return False
    joint = r"\s*(?:、|和|与|及|以及|加|联合|\+|/|,|and|plus|with)\s*"
    return re.search(joint.join(parts), evidence) is not None


def _parts_named(evidence: str, variant: str) -> bool:
    """Whether every drug of a combination (塞利尼索+地塞米松) is named, as in 塞利尼索+泊马度胺+
    地塞米松: "the doses of selinexor and dexamethasone in the pomalidomide cohort" is asked
    of a passage that never writes the pair alone."""
    parts = [p.strip() for p in variant.split("+")]
    return len(parts) > 1 and all(p and mentions(evidence, p) for p in parts)
