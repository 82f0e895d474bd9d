"""The options of a multiple-choice question: "(A) splenomegaly (B) infection …", "A. … B. …",
"A、… B、…".

A student's question lists wrong options on purpose. An option naming what the review never
mentions (splenomegaly, a skin rash) is a distractor, not something the answer must speak of:
when the text at hand names one option, the others are spared. When it names none, they stay
required, and a question whose every option the review ignores is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.glossary import en_key
from index.segment import normalize

#: An option's letter: "(A)", "（B）", "C.", "D、", "A:" after a space, a colon or a
#: punctuation mark (or opening the text), and never inside a word ("XPd、" is no option D).
#: A lower-case letter only in brackets ("(a) nausea (b) …"): "a." and "a:" are words.
_MARK = re.compile(
    r"(?:^|(?<=[\s:：，,；;。？?!！）)]))"
    r"(?:[（(]?([A-F])(?:[)）]|[.．、:：](?!\d))|[（(]([a-f])[)）])\s*"
)


#: Dashes a student may type between a name's parts (JAK–STAT): the glossary's hyphen.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))


def _flat(text: str) -> str:
    """``text`` normalized as the review is, its dashes hyphens."""
    return normalize(text.translate(_DASHES))


#: Options numbered in circles ("①脾切除 ②静注丙种球蛋白 ③输注血小板").
_CIRCLED = re.compile(r"[①②③④⑤⑥]")
#: A stem asking which one of a list, the list after a colon or a dash ("Which of these does
#: the introduction list: hyperkalemia, hypercalcemia, venous thrombosis, or jaundice?").
_WHICH_OF_LIST = re.compile(
    r"(?:\bwhich (?:one )?of (?:these|the following)\b|以下哪|下列哪|哪一项|哪一个"
    # ... or any "which" whose list after a colon ends "…, or …" ("Which is the most frequent
    # adverse event: nausea, fatigue, or grade 3–4 thrombocytopenia?")
    r"|\bwhich\b(?=[^:：?？]*[:：][^:：?？]*,[^:：?？]*\bor\b))[^:：—–]*"
    r"(?:[:：]|\s[—–]\s?|[—–])\s*(?P<list>[^:：?？]+?)\s*[?？]?\s*$",
    re.IGNORECASE,
)
#: (a semicolon between digits is a translocation's, "t(4;14)", no separator)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:or\s+)?|\s+or\s+|、|(?<!\d)[;；]|[;；](?!\d)|还是)\s*")


def options(question: str) -> tuple[str, tuple[str, ...]]:
    """The stem and the options of a multiple-choice question (the options empty when the
    question lists none: at least two, lettered in order from A or numbered ①②③; or, after a
    stem asking which of them, three or more listed after a colon or a dash)."""
    lettered = _lettered(question)
    if lettered[1]:
        return lettered
    circled = list(_CIRCLED.finditer(question))
    if len(circled) >= 2 and [m.group() for m in circled] == list("①②③④⑤⑥"[: len(circled)]):
        ends = [m.start() for m in circled[1:]] + [len(question)]
        texts = tuple(
            question[m.end() : end].strip(" ，,、；;？?")
            for m, end in zip(circled, ends, strict=True)
        )
        # "①STORM的ORR是多少？②…": numbered questions, each to be answered, not options
        asks = any(_ITEM_ASKS.search(t) for t in texts[:-1]) or _ITEM_ASKS.search(
            question[circled[-1].end() :].rstrip(" ？?")
        )
        stem = question[: circled[0].start()]
        if not asks and _CHOOSING.search(stem) and not any(_ALL_ABOVE.search(t) for t in texts):
            return stem, texts
        return question, ()
    if (listed := _WHICH_OF_LIST.search(question)) is not None:
        items = tuple(i.strip() for i in _LIST_SEPARATOR.split(listed.group("list")) if i.strip())
        if len(items) >= 3 and all(len(i) <= 40 for i in items):
            return question[: listed.start("list")], items
    return question, ()


#: A stem asking to choose among numbered items ("以下哪一项…：①…②…").
_CHOOSING = re.compile(r"哪|以下|下列|选|正确|错误|\b(?:which|choose|select|true|false)\b", re.I)
#: A numbered item that asks a question of its own.
_ITEM_ASKS = re.compile(r"[?？]|吗|多少|什么|哪|几|\b(?:what|how|which|when|why)\b", re.I)
#: An option standing for all the others ("以上都是", "all of the above"): each must hold.
_ALL_ABOVE = re.compile(r"以上(?:都|均|皆|全)|all of the above|none of the above", re.I)


def _lettered(question: str) -> tuple[str, tuple[str, ...]]:
    """The stem and the lettered options (A, B, C … in order; none if fewer than two)."""
    # the run of marks lettered A, B, C … in order
    run: list[re.Match[str]] = []
    for m in _MARK.finditer(question):
        expected = chr(ord("A") + len(run))
        letter = m.group(1) or m.group(2).upper()
        if letter == expected and (not run or _case(run[0]) == _case(m)):
            run.append(m)
        elif letter == "A":
            run = [m]
    if len(run) < 2:
        return question, ()
    ends = [m.start() for m in run[1:]] + [len(question)]
    texts = tuple(question[m.end() : end].strip() for m, end in zip(run, ends, strict=True))
    if not _case(run[0]) and any(_SUB_QUESTION.search(t) for t in texts[:-1]):
        return question, ()  # "give (a) the ORR and (b) the CR rate": parts, not options
    return question[: run[0].start()], texts


#: A lettered part that asks something of its own ("(a) the ORR and (b) …", "(a) BOSTON纳入了
#: 多少病人；(b) …"): lower-case letters mark sub-questions as often as options.
_SUB_QUESTION = re.compile(
    r"^(?:the|what|how|which|whether|its|their)\b|多少|什么|哪|几|吗|[?？；;]|\band\s*$",
    re.IGNORECASE,
)


def _case(mark: re.Match[str]) -> bool:
    """Whether an option's letter is a capital: one run of options keeps to one case."""
    return mark.group(1) is not None


def _loosely(named: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    """``named``, or an English variant found among the text's words as the glossary matches
    them: a student writes "tumour suppressors", "heat-shock proteins"."""

    def found(text: str, variant: str) -> bool:
        if named(text, variant):
            return True
        if not variant.isascii() or not (key := en_key(variant)):
            return False
        return re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", en_key(text)) is not None

    return found


def unchosen(
    question: str,
    concepts: Sequence[tuple[str, ...]],
    named: Callable[[str, str], bool],
    text: str,
) -> tuple[str, ...]:
    """The (normalized) options of the question that ``text`` does not bear out, when it bears
    out another: one whose every concept (each a tuple of variants) it names. Empty for a
    question with no options, when the text names no option whole, or, for a stem asking
    which option does not hold ("Which is NOT…"), unless it bears out all the others.
    ``named(text, variant)`` says whether a text names a variant (the caller's matching)."""
    stem, opts = options(question)
    if not opts:
        return ()
    named = _loosely(named)
    flat_stem = _flat(stem)
    flat = [_flat(o) for o in opts]

    def own(part: str) -> list[tuple[str, ...]]:
        return [
            c
            for c in concepts
            if any(named(part, v) for v in c) and not any(named(flat_stem, v) for v in c)
        ]

    found = [bool(cs) and all(any(named(text, v) for v in c) for c in cs) for cs in map(own, flat)]
    if not any(found):
        return ()
    if _NEGATED.search(stem) and found.count(False) != 1:
        return ()  # "which is NOT…": every option but the answer must be borne out
    return tuple(o for o, ok in zip(flat, found, strict=True) if not ok)


def _kept(question: str, rejected: Sequence[str]) -> list[str]:
    """The (normalized) stem and the options not rejected."""
    stem, opts = options(question)
    return [_flat(stem)] + [o for o in map(_flat, opts) if o not in rejected]


#: A stem asking for the one option that does not hold ("Which is NOT…", "以下错误的是"): the
#: text answering bears out every other option, so only one can be a distractor to spare.
_NEGATED = re.compile(
    r"\bNOT\b|\b(?i:except|false|incorrect|untrue)\b"
    # "which of the following is not", not "which is given when nausea is not relieved"
    r"|\b(?i:which|what)(?: \w+){0,3} (?i:is|are|was|were|does|did|do)(?:n't| not)\b"
    r"|\b(?i:not)\s+(?i:one of|true|correct|among|included|listed|mentioned|named|reported)\b"
    r"|哪(?:一)?(?:项|个|种|些)?不是|不属于|不包括|错误的是|不正确的是|除外|不符合"
)


def negated(question: str) -> bool:
    """Whether the multiple-choice question asks which option does not hold."""
    return _NEGATED.search(options(question)[0]) is not None


def spared_options(
    question: str,
    concepts: Sequence[tuple[str, ...]],
    named: Callable[[str, str], bool],
    rejected: Sequence[str],
) -> list[tuple[str, ...]]:
    """The concepts only the ``rejected`` options (:func:`unchosen`) name: distractors."""
    if not rejected:
        return []
    named = _loosely(named)
    kept = _kept(question, rejected)
    return [
        c
        for c in concepts
        if any(named(o, v) for o in rejected for v in c)
        and not any(named(k, v) for k in kept for v in c)
    ]


def spared_words(question: str, words: Sequence[str], rejected: Sequence[str]) -> list[str]:
    """Of the words (names, codes) the review lacks, those only the rejected options use."""
    if not rejected:
        return []
    kept = _kept(question, rejected)
    return [
        w
        for w in words
        if any(normalize(w) in o for o in rejected) and not any(normalize(w) in k for k in kept)
    ]


#: A figure of an option, and its unit if one follows ("2.5 mg", "6 h", "3 个月").
_FIGURE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(mg|%|h\b|hours?\b|小时|个月|months?\b|天|days?\b|周|weeks?\b|年|years?\b|例)?"
)
#: How the review writes each unit an option may use.
_UNITS = {
    "mg": "mg",
    "%": "%",
    "h": "(?:h|小时)",
    "hour": "(?:h|小时)",
    "hours": "(?:h|小时)",
    "小时": "(?:h|小时)",
    "个月": "个?月",
    "month": "个?月",
    "months": "个?月",
    "天": "(?:天|d)",
    "day": "(?:天|d)",
    "days": "(?:天|d)",
    "周": "周",
    "week": "周",
    "weeks": "周",
    "年": "年",
    "year": "年",
    "years": "年",
    "例": "(?:例|名|人)",
}
#: A thousands separator inside a figure ("100,000", "100 000"): the review writes 100 000.
_THOUSANDS = re.compile(r"(?<=\d)[,\s](?=\d{3}(?!\d))")


def bears_a_figure(question: str, text: str) -> bool | None:
    """For a question whose options are all figures ("A. 3 h B. 6 h C. 12 h"), whether the
    (normalized) text states every figure of one option, in the option's unit where it gives
    one: the right one is in the passage that answers ("5 mg" is not the 5 of 5-羟色胺3).
    None when the question offers no such options."""
    _, opts = options(question)
    figures = [_FIGURE.findall(_THOUSANDS.sub("", normalize(o))) for o in opts]
    if not figures or not all(figures):
        return None
    flat = _THOUSANDS.sub("", text)
    return any(
        all(
            re.search(rf"(?<![\d.]){re.escape(f)}(?!\d|\.\d)\s*{_UNITS.get(u, '')}", flat)
            for f, u in found
        )
        for found in figures
    )
