"""The public result types of the assistant and its named errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus import Passage, Sentence

#: The longest question accepted, in characters; longer input is refused, not truncated.
MAX_QUESTION_CHARS = 1000


class InvalidQuestion(ValueError):
    """The question cannot be asked as given (empty, or too long); the message says why."""


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its fused score (higher is better) and 1-based rank."""

    passage_id: str
    section: str
    section_title: str
    text: str
    score: float
    rank: int = 0
    lang: str = "zh"
    start: int = 0
    end: int = 0
    section_title_en: str = ""

    @classmethod
    def of(cls, passage: Passage, score: float, rank: int) -> Hit:
        """The Hit for a retrieved passage: every field but score and rank comes from it."""
        return cls(
            passage.id,
            passage.section,
            passage.section_title,
            passage.text,
            score,
            rank,
            passage.lang,
            passage.start,
            passage.end,
            passage.section_title_en,
        )


@dataclass(frozen=True)
class Citation:
    """What an inline marker [n] points at: one exact sentence of one passage."""

    marker: int
    passage_id: str
    section: str
    section_title: str
    text: str  # the cited sentence, exactly as in the review (reference marks removed)
    sentence_id: str
    start: int  # offsets of the sentence in the clean document (Document.text)
    end: int
    score: float
    passage_text: str = ""
    section_title_en: str = ""

    @classmethod
    def of(cls, marker: int, passage: Passage, sentence: Sentence, score: float) -> Citation:
        """The citation of one sentence of a passage under marker [marker]."""
        return cls(
            marker,
            passage.id,
            passage.section,
            passage.section_title,
            sentence.text,
            sentence.id,
            sentence.start,
            sentence.end,
            score,
            passage.text,
            passage.section_title_en,
        )


@dataclass(frozen=True)
class Answer:
    """An answer whose every claim carries a marker, or a refusal (``answered`` False)."""

    question: str
    answer: str
    answered: bool
    language: str
    citations: tuple[Citation, ...] = ()
    nearest: tuple[Hit, ...] = ()  # shown on refusal as "nearest passages", never as citations
    note: str = ""
    timings: dict[str, float] = field(default_factory=dict, compare=False)
