"""The public Assistant: load once, then ``ask`` and ``retrieve``."""

from __future__ import annotations

import contextlib
import re
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer import (
    NAME,
    NOTHING_CLOSE,
    REFUSAL,
    AnswerConfig,
    Candidate,
    asks_about_review,
    choose_sentences,
    compose,
    concept_overlap,
    inverse_document_frequencies,
    is_meta,
    lexical_overlap,
    meaningful,
    mentions,
    missing_concepts,
    nearest,
    offered_alternatives,
    refusal_note,
    should_answer,
    uncovered,
    unknown_drugs,
    unknown_names,
)
from assistant.quantity import (
    MEASURED_KINDS,
    asked_kind,
    gives,
    gives_value_for,
    lacks_value,
    measures,
    subgroup,
)
from assistant.retrieval import HybridRetriever, RetrievalConfig, Signals
from assistant.types import MAX_QUESTION_CHARS, Answer, Citation, Hit, InvalidQuestion
from index.segment import normalize, tokenize
from index.store import IndexConfig, passage_index_text

if TYPE_CHECKING:
    import numpy as np

    from assistant.glossary import Glossary
    from assistant.synthesis import SynthesisConfig
    from corpus import Document
    from index.embedder import Embedder
    from index.store import ReviewIndex


def clean_question(question: object) -> str:
    """Strip control and invisible characters; refuse empty or over-long questions."""
    if not isinstance(question, str):
        raise InvalidQuestion("The question must be text.")
    kept = [
        " " if ch in "\t\r\n" or unicodedata.category(ch) == "Zs" else ch
        for ch in question
        if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs") or ch in "\t\r\n"
    ]
    text = " ".join("".join(kept).split())
    if not text:
        raise InvalidQuestion("Please type a question (it was empty). / 请输入一个问题。")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"The question is {len(text)} characters long; please keep it under "
            f"{MAX_QUESTION_CHARS}. / 问题过长，请控制在{MAX_QUESTION_CHARS}字以内。"
        )
    return text


@dataclass(frozen=True)
class AssistantConfig:
    """One place for every setting: index, retrieval and answer composition."""

    index: IndexConfig = field(default_factory=IndexConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answer: AnswerConfig = field(default_factory=AnswerConfig)
    #: An OpenAI-compatible endpoint that rewrites answers from cited sentences; None is off.
    synthesis: SynthesisConfig | None = None


class Assistant:
    """Cited answers over one review. Build with ``Assistant.load()``."""

    def __init__(
        self,
        index: ReviewIndex,
        embedder: Embedder,
        glossary: Glossary | None,
        config: AssistantConfig | None = None,
    ) -> None:
        self.index, self.embedder, self.glossary = index, embedder, glossary
        self.index_dir: Path | None = None  # where the index was loaded from, if anywhere
        self.config = config or AssistantConfig(index=index.config)
        self.retriever = HybridRetriever(index, embedder, glossary, self.config.retrieval)
        self._sentence_vectors: np.ndarray | None = None
        self._sentences = index.doc.sentences
        self._sentence_offsets = _sentence_offsets(index.doc)
        self._corpus = normalize(index.doc.text)
        self._sentence_tokens = [set(tokenize(s.text)) for s in index.doc.sentences]
        self._sentence_texts = [normalize(s.text) for s in index.doc.sentences]
        self._title = normalize(index.doc.title)
        self._idf = inverse_document_frequencies(self._sentence_tokens)

    @property
    def doc(self) -> Document:
        return self.index.doc

    @classmethod
    def load(
        cls,
        index_dir: str | Path | None = None,
        *,
        review: str | Path | None = None,
        progress: bool = True,
        force: bool = False,
        llm: SynthesisConfig | None = None,
        **overrides: Any,
    ) -> Assistant:
        """Load the review and its index, building the index (with a message) if needed.

        ``overrides`` set fields of the retrieval or index configuration by name, e.g.
        ``Assistant.load(mode="bm25")`` or ``Assistant.load(model_path="/models/e5")``.
        ``llm`` turns on LLM synthesis (off by default; see ``assistant.synthesis``).
        """
        from assistant.glossary import harvest_pairs, load_glossary
        from corpus import load_review
        from index.build import load_or_build
        from index.embedder import E5Embedder
        from index.store import default_index_dir

        config = replace(_apply_overrides(AssistantConfig(), overrides), synthesis=llm)
        doc = load_review(review, max_passage_chars=config.index.max_passage_chars)
        embedder = E5Embedder(config.index.model_path, config.index.batch_size, progress)
        folder = (
            Path(index_dir) if index_dir else default_index_dir(Path(doc.source).name.split(".")[0])
        )
        index = load_or_build(doc, folder, config.index, embedder, force=force, progress=progress)
        glossary = load_glossary(extra=harvest_pairs(doc.text))
        assistant = cls(index, embedder, glossary, config)
        assistant.index_dir = folder
        assistant.warm_up()
        return assistant

    def warm_up(self) -> None:
        """Load the model, jieba and the sentence vectors now, so the first question is fast."""
        self.ask("塞利尼索 selinexor", synthesize=False)

    @classmethod
    def from_document(
        cls,
        doc: Document,
        *,
        embedder: Embedder,
        retrieval: RetrievalConfig | None = None,
        glossary: Glossary | None = None,
        progress: bool = False,
    ) -> Assistant:
        """An assistant over any Document, indexed in memory (used for baselines and tests)."""
        from index.build import build_index

        config = AssistantConfig(retrieval=retrieval or RetrievalConfig())
        index = build_index(doc, config.index, embedder, progress=progress)
        return cls(index, embedder, glossary, config)

    def with_retrieval(self, **changes: Any) -> Assistant:
        """The same index and model with other retrieval settings (for ablations)."""
        config = replace(self.config, retrieval=replace(self.config.retrieval, **changes))
        return Assistant(self.index, self.embedder, self.glossary, config)

    def retrieve(self, question: str, k: int = 5) -> list[Hit]:
        """The ``k`` best passages for the question, best first."""
        if not isinstance(k, int) or k < 1:
            raise InvalidQuestion("k must be a positive whole number.")
        return self.retriever.retrieve(clean_question(question), k)

    def ask(self, question: str, *, synthesize: bool = True) -> Answer:
        """An answer citing the review's sentences, or a refusal.

        The answer is extractive unless LLM synthesis is configured (and ``synthesize``); a
        synthesised reply that fails its citation check falls back to the extractive answer.
        """
        started = time.perf_counter()
        text = clean_question(question)
        lang = _language(text)
        signals = self.retriever.signals(text)
        hits = self.retriever.hits(
            signals, max(self.config.retrieval.k, self.config.answer.fallback)
        )
        missing = self._missing(text, signals)
        if not meaningful(self.index.bm25.known_terms(signals.query_text)):
            missing.append("any term of the question")  # nonsense, or another subject
        chosen, best, gaps = self._choose(signals, hits)
        timings = {"total_s": 0.0}
        if not chosen or not should_answer(best, missing + gaps, self.config.answer, lang):
            timings["total_s"] = time.perf_counter() - started
            note = refusal_note(missing, gaps) or NOTHING_CLOSE
            return Answer(text, REFUSAL[lang], False, lang, (), nearest(hits), note, timings)
        citations = tuple(self._citation(n, c) for n, c in enumerate(chosen, start=1))
        timings["total_s"] = time.perf_counter() - started
        answer = Answer(text, compose(citations, lang), True, lang, citations, (), timings=timings)
        if synthesize and self.config.synthesis is not None:
            from assistant.synthesis import synthesize as rewrite

            answer = rewrite(answer, self._context(citations), self.config.synthesis)
            timings = {**answer.timings, "total_s": time.perf_counter() - started}
            answer = replace(answer, timings=timings)
        return answer

    def _context(self, chosen: tuple[Citation, ...]) -> list[Citation]:
        """Every sentence of the cited passages, numbered for an LLM.

        Only the passages that passed the checks above (they name the trial, drug and value
        asked about): a top hit about another cohort would let the LLM cite its figures.
        """
        out: list[Citation] = []
        for pid in dict.fromkeys(c.passage_id for c in chosen):
            passage = self.doc.passage(pid)
            for sentence in passage.sentences:
                out.append(Citation.of(len(out) + 1, passage, sentence, 0.0))
        return out

    def _missing(self, question: str, signals: Signals) -> list[str]:
        """What the question names that the review never mentions (glossary terms, codes)."""
        expansion = signals.expansion
        if expansion is None and self.glossary is not None:
            expansion = self.glossary.expand(question)
        matched = expansion.matched if expansion else ()
        # "general" words (compared, proportion) shape a question; they name no subject.
        concepts = [t.en + t.zh for t in matched if t.category != "general"]
        spared = offered_alternatives(question, concepts, self._corpus)
        concepts = [c for c in concepts if c not in spared]
        known = [v for t in matched for v in t.en + t.zh]
        return (
            missing_concepts(concepts, self._corpus)
            + unknown_names(question, self._corpus, known)
            + unknown_drugs(question, self._corpus, known)
        )

    def _choose(
        self, signals: Signals, hits: list[Hit]
    ) -> tuple[list[Candidate], Candidate | None, list[str]]:
        """Sentences from the best passage that speaks to what the question asks about.

        Passages are tried in rank order (at most ``fallback`` of them): when the top one never
        names the endpoint or adverse event asked about, the next one may.
        """
        cfg = self.config.answer
        asked = _Asked.of(signals)  # once per question, not once per passage tried
        first_gaps: list[str] | None = None
        for start in range(0, min(cfg.fallback, len(hits)), cfg.passages):
            candidates = self._candidates(signals, hits[start : start + cfg.passages], asked)
            chosen = choose_sentences(candidates, cfg)
            gaps = self._uncovered(signals, chosen, asked)
            if chosen and not gaps:
                return chosen, max(candidates, key=lambda c: c.dense), []
            first_gaps = gaps if first_gaps is None else first_gaps
        return [], None, first_gaps or []

    def _uncovered(self, signals: Signals, chosen: list[Candidate], asked: _Asked) -> list[str]:
        """Endpoints, adverse events and PK measures asked about that the cited passage lacks."""
        if signals.expansion is None or not chosen:
            return []
        passages = {self._sentences[c.sentence_index].passage_id for c in chosen}
        texts = [passage_index_text(self.doc.passage(p)) for p in passages]
        # A cohort's passage sits under its trial's heading (3.2.4 under 3.2 STOMP).
        texts += [self._ancestry(self.doc.passage(p).section) for p in passages]
        evidence = normalize(" ".join(texts))
        matched = signals.expansion.matched
        # "a side effect such as numbness" names the event: the umbrella term need not appear
        named_event = any(t.category == "adverse_event" and t.en[0] != UMBRELLA for t in matched)
        concepts = [
            (t.category, t.en + t.zh) for t in matched if not (named_event and t.en[0] == UMBRELLA)
        ]
        # A drug asked about must be in the cited passage, unless it is the review's subject
        # (selinexor is in every passage's context, if not in its words).
        concepts += [
            ("regimen", variants)
            for category, variants in concepts
            if category == "drug" and not any(mentions(self._title, v) for v in variants)
        ]
        names = [n for n in NAME.findall(signals.expansion.question) if mentions(self._corpus, n)]
        gaps = uncovered(concepts, evidence, names)
        cited = normalize(" ".join(self._sentences[c.sentence_index].text for c in chosen))
        if asked.kind and not gaps and lacks_value(cited, asked.kind, asked.measures):
            gaps.append(f"the {asked.kind} asked for")
        elif asked.group and not gaps and not asked.for_group(cited):
            gaps.append(f"the {asked.kind} for {asked.group[0]}")
        return gaps

    def _ancestry(self, number: str) -> str:
        """Titles (both languages) of the section's parents, e.g. 3.2 for 3.2.4."""
        titles = []
        while "." in number:
            number = number.rsplit(".", 1)[0]
            with contextlib.suppress(KeyError):
                section = self.doc.section(number)
                titles.append(f"{section.title} {section.title_en}")
        return " ".join(titles)

    def _candidates(self, signals: Signals, hits: list[Hit], asked: _Asked) -> list[Candidate]:
        """Every sentence of the hits, scored: e5 similarity, rare-term overlap, passage rank.

        A sentence about the review itself is left out unless the question asks about the
        review; one stating the kind of value asked for is marked ``fits``.
        """
        vector = signals.query_vector
        if vector is None:  # a BM25-only configuration still needs a vector to pick sentences
            text = self.retriever.dense_text(signals.question, signals.query_text)
            vector = self.embedder.queries([text])[0]
        if self._sentence_vectors is None:
            self._sentence_vectors = self.index.sentence_vectors()
        query_tokens = asked.tokens
        cfg = self.config.answer
        kind = asked.kind
        out = []
        for hit in hits:
            first, last = self._sentence_offsets[hit.passage_id]
            for i in range(first, last):
                if not asked.about_review and is_meta(self._sentences[i].text):
                    continue
                dense = float(self._sentence_vectors[i] @ vector)
                if cfg.concepts:
                    lexical = concept_overlap(asked.concepts, self._sentence_tokens[i], self._idf)
                else:
                    lexical = lexical_overlap(query_tokens, self._sentence_tokens[i], self._idf)
                score = dense + cfg.lexical_weight * lexical + cfg.rank_weight / hit.rank
                fits = None
                if kind:
                    text = self._sentence_texts[i]
                    fits = gives(text, kind) and not lacks_value(text, kind, asked.measures)
                    fits = fits and asked.for_group(text)
                    score += cfg.value_weight * fits
                terms = frozenset(query_tokens & self._sentence_tokens[i])
                out.append(Candidate(i, hit.rank, dense, lexical, score, hit.section, fits, terms))
        return out

    def _citation(self, marker: int, cand: Candidate) -> Citation:
        s = self._sentences[cand.sentence_index]
        p = self.doc.passage(s.passage_id)
        return Citation.of(marker, p, s, round(cand.score, 4))


@dataclass(frozen=True)
class _Asked:
    """What sentence choice needs to know of a question, read from it once."""

    kind: str | None  # the kind of value asked for (quantity.asked_kind)
    measures: list[tuple[str, ...]]  # what that value must sit beside
    about_review: bool  # asks what the review covers
    tokens: set[str]  # tokens of the expanded question
    concepts: list[frozenset[str]]  # those tokens grouped by glossary concept
    group: tuple[str, re.Pattern[str]] | None  # the patients a figure is asked for

    def for_group(self, text: str) -> bool:
        """Whether the text gives the value asked for the group asked about (if any)."""
        if self.group is None or self.kind is None:
            return True
        return gives_value_for(text, self.kind, self.measures, self.group[1])

    @classmethod
    def of(cls, signals: Signals) -> _Asked:
        kind = asked_kind(signals.question)
        tokens = set(tokenize(signals.query_text))
        return cls(
            kind,
            measures(signals.expansion, kind),
            asks_about_review(signals.question),
            tokens,
            _concepts(signals, tokens),
            subgroup(signals.question.lower()) if kind in MEASURED_KINDS else None,
        )


def _concepts(signals: Signals, tokens: set[str]) -> list[frozenset[str]]:
    """The question's tokens grouped: one group per glossary term matched, one per other token."""
    matched = signals.expansion.matched if signals.expansion else ()
    groups = [frozenset(tokenize(" ".join(t.en + t.zh))) & tokens for t in matched]
    groups = [g for g in dict.fromkeys(groups) if g]
    grouped = set().union(*groups) if groups else set()
    return groups + [frozenset({t}) for t in sorted(tokens - grouped)]


#: The glossary's umbrella term for adverse events (不良反应, side effects).
UMBRELLA = "adverse event"


def _sentence_offsets(doc: Document) -> dict[str, tuple[int, int]]:
    """Passage id → the range of its sentences in ``doc.sentences``."""
    out, i = {}, 0
    for p in doc.passages:
        out[p.id] = (i, i + len(p.sentences))
        i += len(p.sentences)
    return out


def _language(text: str) -> str:
    from assistant.glossary import detect_language

    return detect_language(text)


def _apply_overrides(config: AssistantConfig, overrides: dict[str, Any]) -> AssistantConfig:
    """Route ``name=value`` overrides to the configuration that has a field of that name."""
    parts = {"index": config.index, "retrieval": config.retrieval, "answer": config.answer}
    for name, value in overrides.items():
        owner = next((k for k, part in parts.items() if name in part.__dataclass_fields__), None)
        if owner is None:
            raise TypeError(f"unknown setting {name!r}")
        parts[owner] = replace(parts[owner], **{name: value})
    return AssistantConfig(**parts)
