"""The public Assistant: load once, then ``ask`` and ``retrieve``."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer import (
    NOTHING_CLOSE,
    REFUSAL,
    AnswerConfig,
    Candidate,
    compose,
    meaningful,
    nearest,
    refusal_note,
    should_answer,
)
from assistant.asked import routes_offered
from assistant.choices import options
from assistant.evidence import Evidence
from assistant.retrieval import HybridRetriever, RetrievalConfig
from assistant.spelling import Speller
from assistant.types import MAX_QUESTION_CHARS, Answer, Citation, Hit, InvalidQuestion
from index.store import IndexConfig

if TYPE_CHECKING:
    from assistant.glossary import Glossary
    from assistant.retrieval import Signals
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
        self.evidence = Evidence(index, embedder, self.retriever, glossary, self.config.answer)
        self.speller = Speller.of([index.doc.text, *(v for t in glossary or () for v in t.en)])

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
        from assistant.dictionary import with_dictionary
        from assistant.glossary import harvest_pairs, load_glossary
        from corpus import load_review
        from index.build import load_or_build
        from index.embedder import E5Embedder
        from index.segment import words
        from index.store import default_index_dir

        config = replace(_apply_overrides(AssistantConfig(), overrides), synthesis=llm)
        doc = load_review(review, max_passage_chars=config.index.max_passage_chars)
        embedder = E5Embedder(config.index.model_path, config.index.batch_size, progress)
        folder = (
            Path(index_dir) if index_dir else default_index_dir(Path(doc.source).name.split(".")[0])
        )
        index = load_or_build(doc, folder, config.index, embedder, force=force, progress=progress)
        glossary = with_dictionary(load_glossary(extra=harvest_pairs(doc.text)), words(doc.text))
        assistant = cls(index, embedder, glossary, config)
        assistant.index_dir = folder
        assistant.warm_up()
        return assistant

    def warm_up(self) -> None:
        """Load the model, jieba and the sentence vectors now, so the first question is fast."""
        self.ask("塞利尼索 selinexor", synthesize=False)
        self.speller.ready()

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
        """The ``k`` best passages for the question, best first.

        In the order ``ask`` considers them (``_ranked``): passages stating a figure the
        question quotes first; else the first three reordered by their best sentence (for the
        languages in ``AnswerConfig.rerank_languages``, both by default; for another, a body
        passage before an abstract in its language when it covers as much); then the section
        titled by the adverse event asked about, when it is among the first four. Ranks follow
        that order; each hit keeps its fused score, so scores need not fall with rank. (``ask``
        then passes over passages not naming the trial asked about.)
        """
        if not isinstance(k, int) or k < 1:
            raise InvalidQuestion("k must be a positive whole number.")
        text = self.speller.mend(clean_question(question)).text
        signals = self.retriever.signals(text)
        return self._ranked(signals, _language(text), k)

    def ask(self, question: str, *, synthesize: bool = True) -> Answer:
        """An answer citing the review's sentences, or a refusal.

        The answer is extractive unless LLM synthesis is configured (and ``synthesize``); a
        synthesised reply that fails its citation check falls back to the extractive answer.
        """
        started = time.perf_counter()
        typed = clean_question(question)
        mended = self.speller.mend(typed)  # "karfilzomib" is read as carfilzomib
        text = mended.text
        lang = _language(text)
        signals = self.retriever.signals(text)
        hits = self._ranked(self._ranking_signals(text, signals), lang, len(self.doc.passages))
        missing = self.evidence.missing(text, signals)
        # the field's terms only: a dictionary's gloss of "keep" or "good" names no subject
        field = signals.expansion.field_text if signals.expansion else signals.query_text
        if not meaningful(self.index.bm25.known_terms(field)):
            missing.append("any term of the question")  # nonsense, or another subject
        chosen, best, gaps = self.evidence.choose(signals, hits)
        timings = {"total_s": 0.0}
        if not chosen or not should_answer(best, missing + gaps, self.config.answer, lang):
            timings["total_s"] = time.perf_counter() - started
            note = _joined(mended.note(), refusal_note(missing, gaps) or NOTHING_CLOSE)
            return Answer(typed, REFUSAL[lang], False, lang, (), nearest(hits), note, timings)
        citations = tuple(self._citation(n, c) for n, c in enumerate(chosen, start=1))
        timings["total_s"] = time.perf_counter() - started
        answer = Answer(
            typed, compose(citations, lang), True, lang, citations, (), mended.note(), timings
        )
        if synthesize and self.config.synthesis is not None:
            from assistant.synthesis import synthesize as rewrite

            answer = rewrite(answer, self._context(citations), self.config.synthesis)
            timings = {**answer.timings, "total_s": time.perf_counter() - started}
            answer = replace(answer, timings=timings)
        return answer

    def _ranking_signals(self, text: str, signals: Signals) -> Signals:
        """What passages are ranked by: a multiple-choice question's stem, when it names what it
        asks about ("Which does the introduction list as a main clinical manifestation? (A)
        splenomegaly (B) infection …"): its wrong options would rank the passages naming them
        first (周围神经病变 has a section of its own). A stem naming nothing ("下列说法正确的是")
        leaves the options to rank by."""
        stem, opts = options(text)
        if not opts or signals.expansion is None:
            return signals
        stem_signals = self.retriever.signals(stem)
        named = stem_signals.expansion.matched if stem_signals.expansion else ()
        own = [t for t in named if t.category != "general" and not self.evidence.is_subject(t)]
        if not own and routes_offered(text):
            # "Selinexor is: A) given intravenously B) taken orally": a stem naming only the
            # review's drug asks how it is given, which the options' words find (口服给药);
            # not options of other kinds, whose wrong ones would find passages of their own
            return signals
        return stem_signals if any(t.category != "general" for t in named) else signals

    def _ranked(self, signals: Signals, lang: str, k: int) -> list[Hit]:
        """The top ``k`` hits: those stating a figure the question quotes first, else the
        fused order, reranked by best sentence for the languages configured, or with the
        body's passage before a same-language abstract for the others; then the section
        titled by the adverse event asked about, if near the top, first."""
        cfg = self.config.answer
        hits = self.retriever.hits(signals, len(self.doc.passages))
        if self.config.retrieval.mode != "hybrid":
            return hits[:k]  # the BM25-only and dense-only ablations measure just that
        if signals.parts:
            return hits[:k]  # "英文摘要里是怎么说的": the part named, first, is what is asked
        quoting = self.evidence.quoting(signals.question, hits)
        if quoting is not None:
            hits = quoting
        elif lang in cfg.rerank_languages:
            hits = self.evidence.reranked(signals, hits)
        else:
            hits = self.evidence.body_first(signals, hits)
        return self.evidence.titled_first(signals, hits)[:k]

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

    def _citation(self, marker: int, cand: Candidate) -> Citation:
        s = self.doc.sentences[cand.sentence_index]
        p = self.doc.passage(s.passage_id)
        return Citation.of(marker, p, s, round(cand.score, 4))


def _joined(*notes: str) -> str:
    return " ".join(n for n in notes if n)


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
