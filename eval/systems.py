"""The systems an evaluation compares, built by name from one loaded assistant.

``"<mode>[+glossary]"`` is the loaded assistant with other retrieval settings (same index and
model); ``"naive"`` is the pre-project baseline indexed in memory with the same model.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from eval.errors import UnknownSystemError

if TYPE_CHECKING:
    from assistant.types import Answer, Hit
    from corpus import Document

MAIN_SYSTEM = "hybrid+glossary"
NAIVE = "naive"
MODES = ("hybrid", "bm25", "dense")
DEFAULT_SYSTEMS = (MAIN_SYSTEM, "hybrid", "bm25", "dense", NAIVE)
GLOSSARY_SUFFIX = "+glossary"


class QA(Protocol):
    """What the harness needs of an assistant (``assistant.Assistant`` or a test fake)."""

    embedder: Any

    @property
    def doc(self) -> Document: ...

    def retrieve(self, question: str, k: int = 5) -> list[Hit]: ...

    def ask(self, question: str) -> Answer: ...

    def with_retrieval(self, **changes: Any) -> QA: ...


def parse_system(name: str) -> tuple[str, bool]:
    """``"bm25+glossary"`` → ``("bm25", True)``; UnknownSystemError for anything else."""
    mode = name.removesuffix(GLOSSARY_SUFFIX)
    if mode not in MODES:
        known = ", ".join((*DEFAULT_SYSTEMS, *(m + GLOSSARY_SUFFIX for m in MODES[1:])))
        raise UnknownSystemError(f"unknown system {name!r}; choose from {known}")
    return mode, name.endswith(GLOSSARY_SUFFIX)


def parse_systems(text: str) -> tuple[str, ...]:
    """A comma-separated list of system names, checked, duplicates dropped, order kept."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    if not names:
        raise UnknownSystemError("no system named; e.g. --systems hybrid+glossary,naive")
    for name in names:
        if name != NAIVE:
            parse_system(name)
    return names


def naive_system(qa: QA, raw_path: str | Path | None = None) -> QA:
    """The naive baseline: 300-character windows of the raw extraction, hybrid, no glossary.

    Built with ``from_document`` of the assistant's own class and its loaded embedder, so
    the baseline differs from the main system only in what it indexes (and the glossary).
    """
    from assistant import RetrievalConfig
    from corpus import DEFAULT_REVIEW
    from eval.baseline import naive_windows_document

    path = Path(raw_path) if raw_path else DEFAULT_REVIEW
    doc = naive_windows_document(path.read_text(encoding="utf-8-sig"), source=str(path))
    config = RetrievalConfig(mode="hybrid", use_glossary=False)
    built: QA = type(qa).from_document(doc, embedder=qa.embedder, retrieval=config)  # type: ignore[attr-defined]
    return built


def build_system(qa: QA, name: str, raw_path: str | Path | None = None) -> QA:
    """The named system; the main system is ``qa`` itself, as loaded."""
    if name == MAIN_SYSTEM:
        return qa
    if name == NAIVE:
        return naive_system(qa, raw_path)
    mode, use_glossary = parse_system(name)
    return qa.with_retrieval(mode=mode, use_glossary=use_glossary)
