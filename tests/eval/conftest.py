"""A fast fake assistant over the real review, so the harness's plumbing is tested in seconds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from assistant.types import Answer, Citation, Hit
from corpus import Document, load_review
from eval.dataset import Question
from eval.metrics import squash

REFUSAL = "The review does not say."


class FakeAssistant:
    """Finds passages by substring: those holding the question's planted fragment come first.

    ``oracle`` maps a question to the fragments its passages must contain; a question
    without one is refused. Mode "bm25" reverses the order of the rest of the ranking and
    "dense" puts the relevant passage second, so ablations differ in known ways.
    """

    def __init__(
        self,
        doc: Document,
        oracle: Mapping[str, Sequence[str]],
        *,
        mode: str = "hybrid",
        use_glossary: bool = True,
        extra_citation: bool = False,
    ) -> None:
        self.doc, self.oracle, self.mode, self.use_glossary = doc, dict(oracle), mode, use_glossary
        self.embedder = "fake-embedder"
        self.extra_citation = extra_citation
        self.calls: list[str] = []

    @classmethod
    def from_document(cls, doc: Document, *, embedder: Any, retrieval: Any) -> FakeAssistant:
        assert embedder == "fake-embedder"
        return cls(doc, {}, mode=retrieval.mode, use_glossary=retrieval.use_glossary)

    def with_retrieval(self, **changes: Any) -> FakeAssistant:
        settings = {"mode": self.mode, "use_glossary": self.use_glossary, **changes}
        return FakeAssistant(self.doc, self.oracle, **settings)

    def _holds(self, text: str, question: str) -> bool:
        return any(squash(f) in squash(text) for f in self.oracle.get(question, ()))

    def retrieve(self, question: str, k: int = 5) -> list[Hit]:
        self.calls.append(f"retrieve:{question}")
        passages = list(self.doc.passages)
        hits = [p for p in passages if self._holds(p.text, question)]
        rest = [p for p in passages if p not in hits]
        if self.mode == "bm25":
            rest.reverse()
        ranked = rest[:1] + hits + rest[1:] if self.mode == "dense" else hits + rest
        return [Hit.of(p, 1.0 / n, n) for n, p in enumerate(ranked[:k], start=1)]

    def ask(self, question: str) -> Answer:
        self.calls.append(f"ask:{question}")
        sentences = [s for s in self.doc.sentences if self._holds(s.text, question)]
        if not sentences:
            return Answer(question, REFUSAL, False, "en", note="fake refusal")
        chosen = sentences[:1] + ([self.doc.sentences[0]] if self.extra_citation else [])
        citations = tuple(self._cite(n, s.id) for n, s in enumerate(chosen, start=1))
        text = " ".join(f"{c.text}[{c.marker}]" for c in citations)
        return Answer(question, text, True, "zh", citations)

    def _cite(self, marker: int, sentence_id: str) -> Citation:
        s = next(s for s in self.doc.sentences if s.id == sentence_id)
        p = self.doc.passage(s.passage_id)
        return Citation.of(marker, p, s, 1.0)


def make_question(
    qid: str,
    question: str,
    evidence: Sequence[str] = (),
    facts: Sequence[Sequence[str]] = (),
    *,
    lang: str = "zh",
    split: str = "test",
) -> Question:
    return Question(
        id=qid,
        question=question,
        lang=lang,
        section=None,
        evidence=tuple(evidence),
        facts=tuple(tuple(f) for f in facts),
        answerable=bool(evidence),
        type="fact" if evidence else "unanswerable",
        split=split,
    )


@pytest.fixture(scope="session")
def review() -> Document:
    return load_review()


@pytest.fixture()
def questions() -> list[Question]:
    """Two languages; one unanswerable each; evidence planted in the real review."""
    return [
        make_question("storm-orr", "STORM的ORR？", ["率（ORR）达 26%"], [["26%"]]),
        make_question("tmax", "达峰时间？", ["给药后3~4 h，血药浓度达到"], [["3~4 h"], ["峰值"]]),
        make_question(
            "halflife-en", "Half-life?", ["其终末半衰期约为 6 h"], [["6 h", "6 hours"]], lang="en"
        ),
        make_question(
            "boston-os-en",
            "BOSTON OS?",
            ["17.3个月，未达到中位OS"],
            [["未达到"], ["not in the answer"]],
            lang="en",
        ),
        make_question("price", "价格？"),
        make_question("maker", "Who makes it?", lang="en"),
    ]


@pytest.fixture()
def fake(review: Document, questions: list[Question]) -> FakeAssistant:
    """Knows where every answerable question's evidence is; refuses the rest."""
    return FakeAssistant(review, {q.question: q.evidence for q in questions if q.evidence})
