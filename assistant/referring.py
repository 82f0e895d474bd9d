"""Trials a question names by what only they are: "the randomized phase 3 study", "那项纳入122
人的2b期研究".

A reader who does not remember a trial's name describes it: by its phase, its design, its
size. A descriptor the review states of one trial only (2b期 of STORM; 3期 and 随机 of BOSTON;
122 patients of STORM) names that trial as surely as its name, when it stands in a phrase that
refers to a study ("In the single-arm phase 2b study of …", "那个……的3期研究"). Outside such a
phrase it names nothing: "Is a phase 3 trial of XPd planned?" is not about BOSTON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.absence import NAME, mentions
from index.segment import normalize

#: A phrase referring to one study by a description: "the … study", "that … trial", "那项……研
#: 究", "这个……试验" (of normalized text).
_REFERRING = re.compile(
    r"\b(?:the|that|this)\s+(?:[^\s,.?;:]+\s+){0,8}?(?:study|trial)\b"
    # ... or opening a terse question, with its size after it: "phase 2b single-arm Xd study
    # in 122 pts — ORR?"
    r"|^\W*(?!(?:is|are|was|were|will|would|does|do|did|has|have|had|can|could|should|what"
    r"|which|how|when|why|who|where|a|an|any)\b)(?:[^\s,.?;:]+\s+){1,6}?(?:study|trial)\b"
    r"(?:\s+(?:in|of|with)\s+\d{2,}\s*(?:patients|pts|participants)\b)?"
    r"|(?:那项|那个|这项|这个|那一项|一项|一个)[^，。？?；;]{0,50}?(?:研究|试验)"
    # ... or after its description: "Xd单臂2b期那个研究"
    r"|[^，。？?；;：:]{2,20}?(?:那项|那个|这项|这个|那一项)(?:研究|试验)"
    # ... or with no word pointing at it, by a count or a phase: "在122人单臂研究里", "2b期试验"
    r"|\d{2,}\s*(?:人|例|名)[^，。？?；;、和与及]{0,12}?(?:研究|试验)"
    # (a phase, not a disease's stage: "3期骨髓瘤病人")
    r"|(?:\d|[ⅰⅱⅲⅳ]+|i{1,3}|iv)[a-d]?\s*期(?!\s*(?:骨髓瘤|病人|患者|mm|的病人|的患者))"
    r"[^，。？?；;、和与及]{0,12}?(?:研究|试验)"
)
#: A count of patients, as a question gives one ("纳入122人", "122 patients", "402-patient").
_COUNT = re.compile(
    r"(?<![\d.])(\d{2,})\s*(?:例|名|人|位|-?\s*patients?\b|-?\s*participants?\b|\s*pts\b)"
)
#: A section given to a trial: its title names the trial and says it is one.
_TRIAL_TITLE = re.compile(r"试验|\btrial\b", re.IGNORECASE)


@dataclass(frozen=True)
class TrialDescriptors:
    """What the review states of one trial only: design terms (each by its variants) and
    counts of patients, each with the trial's name."""

    terms: tuple[tuple[tuple[str, ...], str], ...]
    counts: Mapping[str, str]

    @classmethod
    def of(
        cls,
        trials: Mapping[str, str],
        rest: str,
        design_terms: Iterable[Sequence[str]],
        longer: Iterable[str] = (),
    ) -> TrialDescriptors:
        """From each trial's text (``trials``: name → normalized text of its sections), the
        review's other text (``rest``) and the glossary's design terms (each as variants).
        ``longer`` are other terms' variants: a design word inside one of them (Ⅱ期 in 推荐Ⅱ期
        给药剂量, STOMP's recommended phase 2 dose) states no design."""
        whole = " ".join([*trials.values(), rest])
        longer = sorted({v for v in map(normalize, longer) if v in whole}, key=len, reverse=True)

        def stated(text: str, variants: Sequence[str]) -> bool:
            flat = [normalize(v) for v in variants]
            for other in longer:
                if other not in flat and any(v in other and v != other for v in flat):
                    text = text.replace(other, " ")
            return any(mentions(text, v) for v in flat)

        terms = []
        for variants in design_terms:
            owners = [name for name, text in trials.items() if stated(text, variants)]
            if len(owners) == 1 and not stated(rest, variants):
                terms.append((tuple(variants), owners[0]))
        found = {name: {m.group(1) for m in _COUNT.finditer(text)} for name, text in trials.items()}
        everywhere = [n for numbers in found.values() for n in numbers]
        rest_counts = {m.group(1) for m in _COUNT.finditer(rest)}
        counts = {
            n: name
            for name, numbers in found.items()
            for n in numbers
            if everywhere.count(n) == 1 and n not in rest_counts
        }
        return cls(tuple(terms), counts)

    def described(self, question: str) -> list[str]:
        """The trials the question names by a description only they fit; none when it names
        a trial itself ("BOSTON", "that STORM study")."""
        return list(dict.fromkeys(n for _, names in self._resolved(question) for n in names))

    def phrases(self, question: str) -> list[str]:
        """The (normalized) phrases by which the question names a trial it describes: what
        they say of it identifies it, and is not itself asked ("In the single-arm phase 2b
        study of …": the review never says single-arm, and need not)."""
        return [phrase for phrase, names in self._resolved(question) if names]

    def _resolved(self, question: str) -> list[tuple[str, list[str]]]:
        """Each phrase referring to a study, with the trials its descriptors name."""
        text = normalize(question)
        trials = {name for _, name in self.terms} | set(self.counts.values())
        if any(mentions(text, name.lower()) for name in trials):
            return []
        out = []
        for m in _REFERRING.finditer(text):
            phrase = m.group()
            names = [n for variants, n in self.terms if any(mentions(phrase, v) for v in variants)]
            names += [self.counts[c] for c in _COUNT.findall(phrase) if c in self.counts]
            out.append((phrase, list(dict.fromkeys(names))))
        return out


def trial_sections(titles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The trials the review gives a section to (by the name in its title) with the section's
    number, from (number, title) pairs: {"STORM": "3.1", …}."""
    out = {}
    for number, title in titles:
        names = set(NAME.findall(title))
        if _TRIAL_TITLE.search(title) and len(names) == 1:
            out[names.pop()] = number
    return out
