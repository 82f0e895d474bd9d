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
    # ... or with the noun left out: "3期随机对照那个（XVd对Vd），…"
    r"|[^，。？?；;：:（(]{2,20}?(?:那项|那个|那一项)(?=\s*[（(，,：:])"
    # ... or with no word pointing at it, by a count or a phase: "在122人单臂研究里", "2b期试验"
    r"|\d{2,}\s*(?:人|例|名)[^，。？?；;、和与及]{0,12}?(?:研究|试验)"
    # (a phase, not a disease's stage: "3期骨髓瘤病人")
    r"|(?:\d|[ⅰⅱⅲⅳ]+|i{1,3}|iv)[a-d]?\s*期(?!\s*(?:骨髓瘤|病人|患者|mm|的病人|的患者))"
    r"[^，。？?；;、和与及]{0,12}?(?:研究|试验)"
)
#: A phrase pointing at a study it describes ("the …", "那个……"), not one saying what a study
#: is ("STORM是一项3期研究吗？", "a phase 3 trial, right?").
_POINTING = re.compile(r"\b(?:the|that|this)\b|那个|那项|这个|这项|那一项")
#: A cohort or arm described by its size: "the 21-patient cohort", "48例的那个队列".
_COHORT_SIZE = re.compile(
    r"\b(?:the|that|this)\s+\d{2,}\s*-?\s*(?:patients?|pts|participants?)?\s*(?:cohort|arm|group)s?\b"
    r"|\d{2,}\s*(?:人|例|名)(?:的)?(?:那个|这个)?(?:队列|组)"
)
#: A count of patients, as a question gives one ("纳入122人", "122 patients", "402-patient").
_COUNT = re.compile(
    r"(?<![\d.])(\d{2,})\s*(?:例|名|人|位|-?\s*patients?\b|-?\s*participants?\b|\s*pts\b)"
)
#: Descriptors that are a trial's identity: its phase, randomisation, control arm (glossary
#: names), unlike a cohort or an evaluable patient, which a question may say loosely.
_IDENTITY = re.compile(r"^phase\b|random|control", re.IGNORECASE)
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
        sizes: Mapping[str, str] | None = None,
    ) -> TrialDescriptors:
        """From each trial's text (``trials``: name → normalized text of its sections), the
        review's other text (``rest``) and the glossary's design terms (each as variants).
        ``longer`` are other terms' variants: a design word inside one of them (Ⅱ期 in 推荐Ⅱ期
        给药剂量, STOMP's recommended phase 2 dose) states no design. ``sizes``: the text each
        trial's count of patients is read from (by default its whole text)."""
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
        found = {
            name: {m.group(1) for m in _COUNT.finditer(text)}
            for name, text in (sizes if sizes is not None else trials).items()
        }
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

    def sizes(self, question: str) -> list[str]:
        """The counts of patients by which the question describes a cohort ("42人那个研究",
        "the 21-patient cohort"): the passage answering must state it. (A trial's own count
        names the trial, whose passages answer: "122人单臂研究" is STORM.)"""
        text = normalize(question)
        phrases = [m.group() for m in _REFERRING.finditer(text)]
        phrases += _COHORT_SIZE.findall(text)
        counts = (c for p in phrases for c in _COUNT.findall(p))
        return list(dict.fromkeys(c for c in counts if c not in self.counts))

    def misattributed(self, question: str) -> list[str]:
        """What the question gives the one trial it names that the review states of another
        only: its phase, randomisation or control arm, or its size ("STORM那个随机对照研究", "the
        402-patient STORM trial"). A premise the review contradicts, so nothing it says of
        that trial answers the question."""
        text = normalize(question)
        named = [name for name in self._names() if mentions(text, name.lower())]
        if len(named) != 1:
            return []  # none named, or several compared ("STORM和BOSTON哪个是随机的？")
        # only where the question describes the trial, not where it asks its design ("Is
        # STOMP a randomized trial?" is answered by what the review says it is)
        phrases = " ".join(
            m.group() for m in _REFERRING.finditer(text) if _POINTING.search(m.group())
        )
        out = [
            variants[0]
            for variants, owner in self.terms
            if owner != named[0]
            and _IDENTITY.search(variants[0])
            and any(mentions(phrases, v) for v in variants)
        ]
        out += [
            f"{c} patients"
            for c in _COUNT.findall(phrases)
            if self.counts.get(c, named[0]) != named[0]
        ]
        return [f"{d} ({named[0]})" for d in out]

    def _names(self) -> set[str]:
        """The trials some descriptor names."""
        return {name for _, name in self.terms} | set(self.counts.values())

    def _resolved(self, question: str) -> list[tuple[str, list[str]]]:
        """Each phrase referring to a study, with the trials its descriptors name."""
        text = normalize(question)
        if any(mentions(text, name.lower()) for name in self._names()):
            return []
        out = []
        for m in _REFERRING.finditer(text):
            phrase = m.group()
            found = [
                (n, [v for v in map(normalize, variants) if mentions(phrase, v)])
                for variants, n in self.terms
            ]
            found = [(n, vs) for n, vs in found if vs]
            # a descriptor inside a longer one names nothing of its own: 国际 (international,
            # STORM's 全球) in 国际骨髓瘤工作组 (the IMWG's study)
            names = [
                n
                for n, vs in found
                if not all(any(v in w and v != w for _, ws in found for w in ws) for v in vs)
            ]
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
