"""Answers that set the review's groups side by side: a comparison, a ranking, a list.

A question comparing trials or cohorts ("STORM的中位OS和卡非佐米队列的OS，哪个更长？"), ranking
them ("Which STOMP cohort had the highest ORR?") or asking which have something ("Which regimens
used 28-day cycles?") is answered by a sentence from each group's own section, never by the first
passage alone: one group's figure must not read as every group's, or as the highest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.absence import mentions, occurrences
from assistant.answer import AnswerConfig, Candidate, choose_sentences
from assistant.quantity import MEASURED_KINDS, lacks_value, measures
from assistant.ranking import (
    asks_listing,
    asks_ranking,
    given_figures,
    is_group_word,
    ranked_kind,
    ranked_scope,
    within,
)
from assistant.subgroup import gives_value_for, group_owner, subgroup
from index.segment import normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

    from assistant.asked import Asked
    from assistant.evidence import _Required
    from assistant.glossary import Term
    from assistant.retrieval import Signals
    from assistant.types import Hit
    from index.store import ReviewIndex

#: A question setting two trials or cohorts side by side: a figure each ("分别是多少", "各是
#: 多少", "which had the longer PFS") or whether they match ("the same as", "有何不同").
_SIDE_BY_SIDE_VALUES = re.compile(
    # "各是多少", and a verb between ("两个方案里塞利尼索每次各吃多少")
    r"分别|各(?:是|为|有|自)|各[吃服用给打][^，,。？?]{0,2}(?:多少|几)|哪(?:个|一个|组|项)[^，,。？?]{0,8}(?:更|较)|相比|比较|对比"
    r"|\bvs\.?|\bversus\b|\bcompar|\bside[- ]by[- ]side\b|\beach\b|\bboth\b"
    r"|\bwhich (?:\w+ ){0,3}(?:higher|longer|lower|shorter|better|more|fewer|larger|bigger)\b"
    r"|\bthe same\b|\brespectively\b|一样|相同|不同|区别|差别|\bdiffer"
    # "was the ORR higher in the bortezomib cohort or the carfilzomib cohort?", "A还是B更高"
    r"|\b(?:higher|longer|lower|shorter|better|worse|greater|larger|smaller)\b[^?]{0,40}?"
    r"\b(?:in|with|for|on|among)\b[^?]{1,50}?\bor\b|还是[^，,。？?]{1,24}(?:更|较)",
    re.IGNORECASE,
)
#: Glossary categories of what a comparison measures, never a trial compared.
_MEASURED_CATEGORIES = frozenset(
    {"endpoint", "response", "pk", "adverse_event", "general", "design"}
)


#: A clause setting one trial beside the one asked about ("与STORM不同，BOSTON…", "Unlike STORM,
#: …", "Like the pomalidomide cohort, …"): context, no comparison asked.
_CONTEXT_CLAUSE = re.compile(
    r"(?:^|(?<=[。；;.!?？！]))\s*(?:与|和|跟|同|像)[^，,。？?]{1,24}(?:不同|一样|相同|相比|类似|相似)[，,]"
    r"|(?:^|(?<=[.;!?]))\s*(?:unlike|like|as in|as with|similar to)\b[^,]{1,60},",
    re.IGNORECASE,
)


def measured_names(matched: Iterable[Term]) -> set[str]:
    """The names of what a question measures (ORR, PFS, follow-up), lower-cased: no trial or
    regimen, though acronyms like them."""
    return {v.lower() for t in matched if t.category in _MEASURED_CATEGORIES for v in t.en + t.zh}


class Comparing:
    """Evidence's answers over several groups: ``_ranking`` and ``_listing`` before a single
    passage is tried, ``_across`` after none answers alone. A mixin of ``Evidence``, whose
    reading of the review and of the question (below) it uses."""

    index: ReviewIndex
    _citable: dict[str, str]
    _sentence_texts: list[str]
    _subject: frozenset[str]
    _title: str

    if TYPE_CHECKING:

        def _candidates(
            self, signals: Signals, hits: list[Hit], asked: Asked
        ) -> list[Candidate]: ...
        def _titled_by(self, hit: Hit, names: list[str]) -> bool: ...
        def _names_every(self, hit: Hit, concepts: list[tuple[str, ...]]) -> bool: ...
        def _other_drugs(self, required: _Required) -> list[tuple[str, ...]]: ...
        def _uncovered(
            self,
            required: _Required | None,
            chosen: list[Candidate],
            asked: Asked,
            across: bool = False,
        ) -> list[str]: ...
        def _unplaced(
            self, required: _Required | None, chosen: list[Candidate], asked: Asked
        ) -> list[str]: ...

    def _across(
        self,
        signals: Signals,
        hits: list[Hit],
        asked: Asked,
        required: _Required,
        cfg: AnswerConfig,
    ) -> tuple[list[Candidate], Candidate, list[str]] | None:
        """Sentences from one passage for each trial or cohort a question compares, when no
        single passage speaks of them all ("STORM的中位OS和卡非佐米队列的OS，哪个更长？"): the
        figures side by side, each cited to its own passage. None when the question names
        fewer than two, compares no value, or any one passage lacks what is asked of it: each
        must state the value compared (a figure of the measure named, a follow-up or an age
        among them; a dose) and, when a group is asked, the group's figure; what else the
        question names (an adverse event, a drug) the passages must name together.

        Trials and names first (STORM, Chari; not what is measured, ORR), then drugs and named
        regimens (XKd); a drug that a passage already chosen names (地塞米松, in every regimen)
        adds none.
        """
        question = _CONTEXT_CLAUSE.sub("", required.question)
        if not _SIDE_BY_SIDE_VALUES.search(question):
            return None  # one trial asked about; another named is context ("那XPd的呢")
        matched = signals.expansion.matched if signals.expansion else ()
        kind, measured = asked.kind, asked.measures
        if kind is None:
            # "which had the longer median OS?", "the same dose?": each one's value of what is
            # named, a measure's figure or a dose
            if any(t.en[0] == "dose" for t in matched):
                kind, measured = "dose", []
            else:
                kind, measured = "number", measures(signals.expansion, "number")
            if not measured and kind == "number":
                return None
        # "the higher ORR among PI-refractory patients": each trial's figure for them
        group = asked.group or subgroup(question.lower())
        if group is not None:  # the group is whose figure, not a measure ("double-refractory")
            measured = [m for m in measured if not any(group[1].search(v) for v in m)]
        picked: list[Hit] = []
        regimens = [v for c, v in required.concepts if c == "regimen" and v not in required.drugs]
        # what is measured (ORR, PFS) is no trial to find a passage for, though an acronym
        named_measures = measured_names(matched)
        entities = [((n,), True) for n in required.names if n.lower() not in named_measures] + [
            (d, False) for d in required.drugs + regimens
        ]
        flat = normalize(question)
        where: list[tuple[int, Hit]] = []  # where each entity is named, and its passage
        for entity, is_name in entities:
            # a trial by its own section (STORM's 3.1, not the summary naming every trial); a
            # drug by any passage already chosen that names it, else the first naming it
            # ... of its passages, the one stating the value compared (the carfilzomib cohort's
            # results, not its design passage before them)
            titled = [h for h in hits if any(self._titled_by(h, [v]) for v in entity)]
            titled = [h for h in titled if h.section == titled[0].section]
            own = next(
                (h for h in titled if not lacks_value(self._citable[h.passage_id], kind, measured)),
                titled[0] if titled else None,
            )
            naming = [h for h in picked if self._names_every(h, [entity])]
            hit = (
                own
                if own in picked
                else naming[0]
                if naming and not is_name
                else own or next((h for h in hits if self._names_every(h, [entity])), None)
            )
            if hit is None:
                return None
            if hit not in picked:
                picked.append(hit)
            if self._subject.isdisjoint(entity):  # the review's drug names no one trial
                where += [(a, hit) for v in entity for a, _ in occurrences(flat, normalize(v))]
        # a trial's heading passage gives way to its cohort's, which sits under it (STOMP's 3.2
        # to the carfilzomib cohort's 3.2.2)
        picked = [
            h
            for h in picked
            if not any(o.section != h.section and within(o.section, h.section) for o in picked)
        ]
        if len(picked) < 2:
            return None
        owner = group_owner(flat, group, picked, where)
        chosen: list[Candidate] = []
        candidates: list[Candidate] = []
        for hit in picked:
            own_candidates = self._candidates(signals, [hit], asked)
            # the sentences stating the value compared, when some do (the carfilzomib cohort's
            # results, not its design sentence first by similarity)
            stating = self._stating(own_candidates, kind, measured)
            own_chosen = choose_sentences(stating or own_candidates, cfg)
            text = " ".join(self._sentence_texts[c.sentence_index] for c in own_chosen)
            if not own_chosen or lacks_value(text, kind, measured):
                return None  # each trial's value, side by side: none may be missing
            if (
                group is not None
                and owner in (None, hit)
                and not gives_value_for(text, kind, measured, group[1])
            ):
                # each trial's figure for the group asked: "分为PI难治组和PI非难治组…非难治组高于
                # 难治组" gives refractory patients no ORR, and STORM's 26% is everyone's
                return None
            candidates += own_candidates
            chosen += own_chosen
        if self._uncovered(required, chosen, asked, across=True):
            return None
        if self._unplaced(required, chosen, asked):
            return None
        chosen.sort(key=lambda c: c.sentence_index)
        return chosen, max(candidates, key=lambda c: c.dense), []

    def _ranking(
        self,
        signals: Signals,
        hits: list[Hit],
        asked: Asked,
        required: _Required,
        cfg: AnswerConfig,
    ) -> tuple[list[Candidate], Candidate, list[str]] | None:
        """Each group's figure, one sentence from each section of the trials ranked, when the
        question ranks groups it does not name ("Which STOMP cohort had the highest ORR?"; see
        ``assistant.ranking``). None when it names two or more (``_across`` sets those side by
        side), asks of a subgroup, names no measure, or fewer than two sections state one."""
        question = required.question
        if not asks_ranking(question) or (asked.group or subgroup(question.lower())):
            return None  # "the highest ORR in high-risk patients": the groups' own figures
        scope = self._groups(signals, hits, required)
        if scope is None:
            return None
        kind = ranked_kind(question, asked.kind) or "number"
        measured = asked.measures or measures(signals.expansion, kind)
        if kind not in MEASURED_KINDS or not (measured or kind == "count"):
            return None  # a count of patients is one of the patients enrolled
        candidates: list[Candidate] = []
        chosen: list[Candidate] = []
        for section in scope:
            own = [h for h in hits if h.section == section]
            stating = self._stating(self._candidates(signals, own, asked), kind, measured)
            if stating:
                candidates += stating
                chosen.append(max(stating, key=lambda c: c.score))
        if len(chosen) < 2:
            # one group's figure would read as the highest: "Which STOMP cohort had the
            # longest OS?" of the only cohort reporting one
            return None
        chosen.sort(key=lambda c: c.sentence_index)
        return chosen, max(candidates, key=lambda c: c.dense), []

    def _groups(self, signals: Signals, hits: list[Hit], required: _Required) -> list[str] | None:
        """The sections whose groups a ranking or a list is over (``ranked_scope``): those of
        the trial named (by a name titling a section: STOMP, not RRMM), or every trial's. None
        when the groups are narrowed by what the question names, which neither does ("which
        pomalidomide-containing regimen…", "…in newly diagnosed patients"), or it names two
        trials (``_across`` sets those side by side)."""
        matched = signals.expansion.matched if signals.expansion else ()
        named_measures = measured_names(matched)
        titling = {
            n: [h.section for h in hits if self._titled_by(h, [n])]
            for n in required.names
            if n.lower() not in named_measures
        }
        trials = [n for n, sections in titling.items() if sections]
        regimens = [v for c, v in required.concepts if c == "regimen" and v not in required.drugs]
        populations = [
            v
            for c, v in required.concepts
            if c == "disease" and not any(mentions(self._title, x) for x in v)
        ]
        if self._other_drugs(required) or regimens or populations or len(trials) > 1:
            return None
        titled = [section for n in trials for section in titling[n]]
        return ranked_scope((p.section for p in self.index.doc.passages), titled)

    def _listing(
        self,
        signals: Signals,
        hits: list[Hit],
        asked: Asked,
        required: _Required,
    ) -> tuple[list[Candidate], Candidate, list[str]] | None:
        """One sentence from each group's section that has what is asked, when the question
        asks which groups have it ("Which STOMP cohorts used dose escalation?" is answered by
        the carfilzomib and the pomalidomide cohorts' sentences, not by the first passage
        alone). What is asked: the specific concepts the question names that some group's
        passage names (a word of its own, 疗效, is no test), the figures it gives with
        their units ("28-day cycles": "28 d"), and a value of the kind asked ("registration
        numbers"). None when the groups are narrowed (``_groups``), fewer than two are in
        scope, nothing tells them apart, or none has it."""
        question = required.question
        if not asks_listing(question) or asked.group or subgroup(question.lower()):
            return None
        scope = self._groups(signals, hits, required)
        if scope is None or len(scope) < 2:
            return None
        own = [h for h in hits if h.section in scope]
        text = " ".join(self._citable[h.passage_id] for h in own)
        wanted = [
            v
            for c, v in required.concepts
            if c != "general"
            and not is_group_word(v)
            and not any(mentions(self._title, x) for x in v)  # the review's drug: everywhere
            and any(mentions(text, x) for x in v)
        ]
        figures = given_figures(question)
        if not (wanted or figures or asked.kind):
            return None
        candidates = [
            c
            for c in self._candidates(signals, own, asked)
            if (c.fits or not asked.kind)
            and all(
                any(mentions(self._sentence_texts[c.sentence_index], x) for x in v) for v in wanted
            )
            and all(f.search(self._sentence_texts[c.sentence_index]) for f in figures)
        ]
        chosen = [
            max((c for c in candidates if c.section == section), key=lambda c: c.score)
            for section in scope
            if any(c.section == section for c in candidates)
        ]
        if not chosen:
            return None
        chosen.sort(key=lambda c: c.sentence_index)
        return chosen, max(candidates, key=lambda c: c.dense), []

    def _stating(
        self, candidates: list[Candidate], kind: str, measured: list[tuple[str, ...]]
    ) -> list[Candidate]:
        """The candidates whose own sentence states a value of the kind for what is measured:
        what a comparison or a ranking cites of each group."""
        return [
            c
            for c in candidates
            if not lacks_value(self._sentence_texts[c.sentence_index], kind, measured)
        ]
