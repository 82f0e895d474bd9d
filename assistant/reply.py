"""Checking an LLM's reply: every sentence cited, every marker in range, every number stated.

Pure functions over text, apart from the client: what may be shown to a clinician is decided
here, so it is tested here, case by case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.types import Citation

#: What the LLM is told to reply when the sentences do not answer the question.
NOT_IN_REVIEW = "NOT_IN_REVIEW"

# [1], ［2］, [1,2], [1，2], [1、2], [1-3]; markers are written as [k] after renumbering.
MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,，、\-–~]\s*\d+)*)\s*[\]］]")
# Sentence ends: Chinese and English stops, and line breaks (lists). A full stop ends a
# sentence only before a space, a marker or the end, so 1.5 and 3.1 stay whole.
SENTENCE_END = re.compile(r"[。！？!?]+|\.(?=\s|$|[\[［])|\n+")
TRAILING_MARKERS = re.compile(rf"(?:\s*{MARKER.pattern})+")
ABBREVIATIONS = frozenset({"al", "e.g", "i.e", "vs", "approx", "fig", "cf", "u.s"})
NUMBER = re.compile(r"\d+(?:\.\d+)?")
THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)


def clean_reply(reply: str | None) -> str:
    """The reply without a reasoning model's <think> block or surrounding whitespace."""
    return THINKING.sub("", reply or "").strip()


def split_sentences(text: str) -> list[str]:
    """Sentences of a reply, each keeping the markers that follow its full stop ("。[1]")."""
    pieces, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() < start or (m.group() == "." and _abbreviation(text, m.start())):
            continue
        tail = TRAILING_MARKERS.match(text, m.end())
        end = tail.end() if tail else m.end()
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p.strip() for p in pieces if any(ch.isalnum() for ch in MARKER.sub("", p))]


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[A-Za-z]+(?:\.[A-Za-z]+)*$", text[:dot])
    return word is not None and word.group().lower() in ABBREVIATIONS


def marker_numbers(group: str) -> list[int]:
    """The numbers a marker's inside names: "1,2" → [1, 2]; "2-4" → [2, 3, 4]."""
    out: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", group):
        bounds = [int(b) for b in re.split(r"\s*[\-–~]\s*", part)]
        lo, hi = bounds[0], bounds[-1]
        out += list(range(lo, hi + 1)) if 0 < hi - lo <= 20 else bounds
    return out


@dataclass(frozen=True)
class ReplyCheck:
    """Whether a reply may be shown; ``markers`` are the cited numbers by first appearance."""

    ok: bool
    reason: str = ""
    markers: tuple[int, ...] = ()
    declined: bool = False  # the LLM replied NOT_IN_REVIEW


def check_reply(reply: str, n_candidates: int, sources: Sequence[str] = ()) -> ReplyCheck:
    """Every sentence cites at least one of the ``n_candidates`` sentences, and nothing else.

    With ``sources`` (the candidates' sentences, in order) every number a sentence states
    must also appear in a sentence it cites, with the same unit when it has one (26% is not
    26 mg), number words included (每周一次, twice): a rephrased dose or response rate is
    the costliest mistake an LLM can make here. Claims without numbers are not verified.
    """
    text = clean_reply(reply)
    if not text:
        return ReplyCheck(False, "the reply is empty")
    if NOT_IN_REVIEW in text:
        return ReplyCheck(False, "the LLM found no answer in the sentences", declined=True)
    used: dict[int, None] = {}
    for i, sentence in enumerate(split_sentences(text), start=1):
        cited = [n for m in MARKER.finditer(sentence) for n in marker_numbers(m.group(1))]
        if not cited:
            return ReplyCheck(False, f"sentence {i} cites nothing ({_clip(sentence)})")
        outside = [n for n in cited if not 1 <= n <= n_candidates]
        if outside:
            return ReplyCheck(
                False, f"sentence {i} cites [{outside[0]}], but only [1]–[{n_candidates}] exist"
            )
        if sources:
            unsupported = _unsupported_numbers(sentence, [sources[n - 1] for n in cited])
            if unsupported:
                return ReplyCheck(
                    False, f"sentence {i} states {unsupported[0]}, which its citations do not"
                )
        used.update(dict.fromkeys(cited))
    return ReplyCheck(True, markers=tuple(used))


def _unsupported_numbers(sentence: str, cited: Sequence[str]) -> list[str]:
    """The quantities of ``sentence`` (number and unit) that no cited sentence states."""
    given = quantities(" ".join(cited))
    given_numbers = {number for number, _ in given}
    out = []
    for number, unit in quantities(MARKER.sub("", sentence)):
        supported = (number, unit) in given if unit else number in given_numbers
        if not supported:
            out.append(number + unit if unit in ("", "%") else f"{number} {unit}")
    return out


#: Units a reply may restate in either language, each folded to one name.
_UNITS = {
    "%": "%",
    "mg/m2": "mg/m2",
    "mg/m²": "mg/m2",
    "mg": "mg",
    "l/h": "l/h",
    "个月": "month",
    "月": "month",
    "month": "month",
    "months": "month",
    "周": "week",
    "week": "week",
    "weeks": "week",
    "天": "day",
    "日": "day",
    "d": "day",
    "day": "day",
    "days": "day",
    "h": "hour",
    "小时": "hour",
    "hour": "hour",
    "hours": "hour",
    "例": "patients",
    "名": "patients",
    "patients": "patients",
    "patient": "patients",
    "次": "times",
    "times": "times",
}
_WORD_NUMBERS = {
    "once": "1 times",
    "twice": "2 times",
    "thrice": "3 times",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_CJK_DIGITS = {
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "十": "10",
}
_UNIT_RE = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_QUANTITY = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_RE})?(?![a-z])")


def quantities(text: str) -> set[tuple[str, str]]:
    """(number, unit) pairs of a text, in either language: "26%", "3.7 months" = "3.7个月".

    Number words become digits first (两次 → 2次, twice → 2 times), so a reply cannot slip
    a changed schedule past the check by spelling it out.
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 → 1000
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)  # 100 000 → 100000
    text = re.sub(
        rf"([{''.join(_CJK_DIGITS)}])(?=\s*(?:次|周|个月|天|例|名|倍))",
        lambda m: _CJK_DIGITS[m.group(1)],
        text,
    )
    text = re.sub(rf"\b({'|'.join(_WORD_NUMBERS)})\b", lambda m: _WORD_NUMBERS[m.group(1)], text)
    return {(m.group(1), _UNITS.get(m.group(2) or "", "")) for m in _QUANTITY.finditer(text)}


def _clip(text: str, n: int = 40) -> str:
    return f"“{text[:n]}…”" if len(text) > n else f"“{text}”"


def renumber(reply: str, candidates: Sequence[Citation]) -> tuple[str, tuple[Citation, ...]]:
    """The reply with markers renumbered 1..k by first appearance, and the k citations.

    The same contract as extractive answers: every [k] in the text is one Citation.
    """
    order: dict[int, int] = {}

    def rewrite(m: re.Match[str]) -> str:
        names = dict.fromkeys(marker_numbers(m.group(1)))
        for n in names:
            order.setdefault(n, len(order) + 1)
        return "".join(f"[{order[n]}]" for n in names)

    text = MARKER.sub(rewrite, clean_reply(reply))
    return text, tuple(replace(candidates[n - 1], marker=k) for n, k in order.items())
