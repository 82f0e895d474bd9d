"""Questions that rank groups the review reports one by one: "Which STOMP cohort had the
highest ORR?", "哪种联合方案的中位PFS最长？".

No sentence of the review ranks its cohorts; each cohort's passage states its own figure. Such a
question is answered by every figure side by side, each cited to its own passage, never by the
one passage that ranks first for the question (which would read as "the highest").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A superlative of a figure, or a ranking asked for; not "most common" (the review says which
#: adverse event is the most common in one sentence) nor 最常见.
_SUPERLATIVE = re.compile(
    r"\b(?:highest|lowest|longest|shortest|largest|smallest|biggest|greatest|best|worst|fewest"
    r"|most(?! (?:common|frequent|often|likely|important))|least)\b"
    r"|最(?:高|低|长|短|多|少|大|小|好|差|优|久)|排序|排名|依次|\brank(?:ed|ing)?\b",
    re.IGNORECASE,
)

#: The groups ranked: cohorts, arms, regimens, trials.
_GROUPS = re.compile(
    r"\b(?:cohorts?|arms?|regimens?|combinations?|trials?|stud(?:y|ies)|doublets?|triplets?)\b"
    r"|队列|方案|组合|试验|研究|联合|二联|三联",
    re.IGNORECASE,
)


#: A keyword query for a superlative, naming no group ("Highest ORR?", "Longest median PFS?",
#: "ORR最高？", "最长的中位PFS？"): the groups are every trial's, as in "which trial had …".
_TERSE = re.compile(
    r"^\s*(?:the\s+)?(?:highest|lowest|longest|shortest|best|worst)\s+(?:[\w-]+\s*){1,3}[?？.]?\s*$"
    r"|^\s*[\w-]{1,12}\s*最(?:高|低|长|短)\s*(?:的是)?[?？]?\s*$"
    r"|^\s*最(?:高|低|长|短)的[\w-]{1,12}[?？]?\s*$",
    re.IGNORECASE,
)


def asks_ranking(question: str) -> bool:
    """Whether the question ranks groups by a figure ("which cohort had the highest ORR",
    "Highest ORR?")."""
    return (
        _SUPERLATIVE.search(question) is not None and _GROUPS.search(question) is not None
    ) or _TERSE.match(question) is not None


#: A question asking which groups (more than one) have something: "Which STOMP cohorts used
#: dose escalation?", "哪些方案是每周一次给药的？", "list every registration number".
_LISTING = re.compile(
    r"\bwhich (?:of the )?(?:\w+ ){0,2}(?:cohorts|regimens|trials|studies|arms|combinations"
    r"|triplets|doublets)\b"
    r"|\b(?:list|name|give) (?:all|every)\b"
    r"|\b(?:all|every) (?:the )?(?:\w+ ){0,2}(?:cohorts|regimens|trials|studies|arms)\b"
    r"|哪些[^，,。？?]{0,6}(?:队列|方案|试验|研究|组合|三联|二联)"
    r"|哪几(?:个|项|种)[^，,。？?]{0,4}(?:队列|方案|试验|研究)"
    r"|(?:所有|全部|各个)的?[^，,。？?]{0,4}(?:队列|方案|试验|研究)|列出",
    re.IGNORECASE,
)


_GROUP_WORD = re.compile(rf"(?:{_GROUPS.pattern})|patients?|病人|患者", re.IGNORECASE)


def is_group_word(variants: tuple[str, ...]) -> bool:
    """Whether a concept is a word for the groups themselves (cohort, 方案, patients): what a
    list is of, not what its groups must have."""
    return any(_GROUP_WORD.fullmatch(v) for v in variants)


def asks_listing(question: str) -> bool:
    """Whether the question asks which groups have something, not how they rank."""
    return _LISTING.search(question) is not None and not asks_ranking(question)


#: Units a figure of a group is given in, as a question writes them and as the review does.
_UNITS = (
    (r"-?\s*days?\b|天|日", r"\s*(?:d(?![a-z])|天|日)"),
    (r"-?\s*weeks?\b|周", r"\s*周"),
    (r"-?\s*months?\b|个月", r"\s*个月"),
    (r"\s*mg\b|毫克", r"\s*mg(?![a-z])"),
    (r"\s*%|\s*percent\b", r"\s*%"),
    (r"\s*(?:patients?|people|例|名|人)", r"\s*(?:例|名|人)"),
)
#: A figure a question gives: a number and its unit ("28-day cycles", "42名"; not the 2 of
#: "mg/m2").
_FIGURE = re.compile(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(?![\d.])")


def given_figures(question: str) -> list[re.Pattern[str]]:
    """For each figure the question gives with a unit, how a sentence states it (the number,
    then its unit: "28-day" is "28 d", not the 28 of "28例"). A number with no unit is part of
    a name (phase 2, t(14;16)), and no figure."""
    out: list[re.Pattern[str]] = []
    for m in _FIGURE.finditer(question):
        rest = question[m.end() :]
        unit = next((said for asked, said in _UNITS if re.match(asked, rest, re.I)), None)
        if unit is not None:
            out.append(re.compile(rf"(?<![\d.]){re.escape(m.group(1))}{unit}"))
    return out


def within(section: str, part: str) -> bool:
    """Whether the section is the part or one of its subsections (3.2.4 of 3.2)."""
    return section == part or section.startswith(part + ".")


def ranked_scope(sections: Iterable[str], trials: list[str]) -> list[str]:
    """The sections whose groups are ranked, in the review's order: the sections of the trials
    named and their subsections, or, when none is named, every trial's (section 3's), the
    heading of a trial whose cohorts have sections of their own left out (STOMP's 3.2, whose
    cohorts are 3.2.1 to 3.2.5)."""
    unique = list(dict.fromkeys(sections))
    parts = trials or ["3"]
    scope = [s for s in unique if any(within(s, p) for p in parts) and s not in ("3",)]
    return [s for s in scope if not any(o != s and within(o, s) for o in scope)]


#: Groups ranked by how many patients they enrolled ("which cohort enrolled the most patients",
#: "the largest cohort", "哪个队列纳入的病人最少").
_BY_SIZE = re.compile(
    r"\b(?:most|fewest|least|largest|smallest|biggest)\b[^?？]{0,20}?"
    r"\b(?:patients|people|participants|subjects|cohorts?|arms?|trials?|stud(?:y|ies))\b"
    r"|\b(?:enrolled|recruited|included|treated)\b[^?？]{0,20}?\b(?:most|fewest|least)\b"
    r"|\b(?:largest|smallest|biggest)\b\s*[?？.]?\s*$"
    r"|(?:病人|患者|例数|人数|纳入|入组)[^，,。？?]{0,10}最(?:多|少)|(?:规模|样本量)最(?:大|小)",
    re.IGNORECASE,
)


def ranked_kind(question: str, kind: str | None) -> str | None:
    """The kind of figure groups are ranked by: what the question asks, else their size (a
    count of patients) when it ranks by how many were enrolled."""
    if kind is None and _BY_SIZE.search(question):
        return "count"
    return kind
