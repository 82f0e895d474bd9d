"""UI fixtures: a fast fake assistant over the real review, the real one, and a live server."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.types import MAX_QUESTION_CHARS, Answer, Citation, Hit, InvalidQuestion
from corpus import Document, Passage, load_review

REFUSAL = {"en": "The review does not address this.", "zh": "综述中没有涉及这个问题。"}
_STOP = {"what", "which", "how", "the", "was", "were", "are", "does", "did", "and", "for", "with"}
_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def _terms(text: str) -> set[str]:
    """English words and Chinese character bigrams: enough to find the right passage."""
    lower = text.lower()
    words = {w for w in _WORD.findall(lower) if w not in _STOP}
    bigrams = {run[i : i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1)}
    return words | bigrams


def _overlap(terms: set[str], text: str) -> float:
    lower = text.lower()
    return sum(t in lower for t in terms) / len(terms) if terms else 0.0


class FakeAssistant:
    """Answers from the real review by substring overlap, with the real types and errors.

    ``delay`` makes concurrent calls overlap (``peak`` records how many ran at once);
    ``fail`` is raised by every ``ask``.
    """

    def __init__(
        self, doc: Document, *, delay: float = 0.0, fail: BaseException | None = None
    ) -> None:
        self.doc = doc
        self.delay = delay
        self.fail = fail
        self.asked: list[str] = []
        self.retrieved: list[tuple[str, int]] = []
        self.peak = 0
        self._running = 0
        self._lock = threading.Lock()

    def _ranked(self, question: str) -> list[tuple[float, Passage]]:
        terms = _terms(question)
        scored = [(_overlap(terms, p.text), i, p) for i, p in enumerate(self.doc.passages)]
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [(score, p) for score, _, p in scored]

    def retrieve(self, question: str, k: int = 5) -> list[Hit]:
        self.retrieved.append((question, k))
        return [
            Hit.of(p, score, rank)
            for rank, (score, p) in enumerate(self._ranked(question)[:k], start=1)
        ]

    def _wait(self) -> None:
        with self._lock:
            self._running += 1
            self.peak = max(self.peak, self._running)
        time.sleep(self.delay)
        with self._lock:
            self._running -= 1

    def ask(self, question: str) -> Answer:
        if not question.strip():
            raise InvalidQuestion("Please type a question. 请输入问题。")
        if len(question) > MAX_QUESTION_CHARS:
            raise InvalidQuestion(f"The question is longer than {MAX_QUESTION_CHARS} characters.")
        self.asked.append(question)
        if self.fail is not None:
            raise self.fail
        self._wait()
        lang = "zh" if _CJK.search(question) else "en"
        ranked = self._ranked(question)
        best_score, passage = ranked[0]
        if best_score < 0.15:
            nearest = tuple(self.retrieve(question, 3))
            return Answer(question, REFUSAL[lang], False, lang, nearest=nearest)
        terms = _terms(question)
        chosen = sorted(passage.sentences, key=lambda s: -_overlap(terms, s.text))[:2]
        chosen = [s for s in passage.sentences if s in chosen]  # reading order
        citations = tuple(
            Citation.of(i, passage, s, best_score) for i, s in enumerate(chosen, start=1)
        )
        text = " ".join(f"{c.text}[{c.marker}]" for c in citations)
        return Answer(question, text, True, lang, citations=citations)


@pytest.fixture(scope="session")
def doc() -> Document:
    return load_review()


@pytest.fixture
def fake(doc: Document) -> FakeAssistant:
    return FakeAssistant(doc)


@pytest.fixture
def make_fake(doc: Document) -> Callable[..., FakeAssistant]:
    return lambda **kw: FakeAssistant(doc, **kw)


@pytest.fixture(scope="session")
def ui_assistant(request: pytest.FixtureRequest) -> Any:
    """The real assistant, shared with the rest of the suite so the model loads once.

    It is ``real_assistant`` from tests/conftest.py when that exists; REVIEWQA_UI_FAKE=1
    swaps in the fake, for UI work before the real assistant is ready.
    """
    if os.environ.get("REVIEWQA_UI_FAKE") == "1":
        return FakeAssistant(load_review(), delay=0.05)
    try:
        from assistant import Assistant
    except ImportError as err:
        pytest.fail(
            f"assistant.Assistant is not importable ({err}). The slow UI tests use the real "
            "assistant; set REVIEWQA_UI_FAKE=1 to run them against the fake meanwhile."
        )
    try:
        return request.getfixturevalue("real_assistant")
    except pytest.FixtureLookupError:
        return Assistant.load()


def free_port() -> int:
    """A port nothing listens on now (the OS picks it), for a test server on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve() -> Iterator[Callable[..., Any]]:
    """Start the app for an assistant on 127.0.0.1; every server started is closed after."""
    from ui.server import launch

    started: list[Any] = []

    def start(assistant: Any, **kw: Any) -> Any:
        running = launch(assistant, port=free_port(), block=False, **kw)
        started.append(running)
        return running

    yield start
    for running in started:
        running.close()
