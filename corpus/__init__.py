"""The review as clean, structured text: sections, passages and sentences with offsets."""

from corpus.corrections import Correction, CorrectionError
from corpus.loader import DEFAULT_REVIEW, CorpusError, load_review
from corpus.model import Document, Passage, Section, Sentence

__all__ = [
    "DEFAULT_REVIEW",
    "CorpusError",
    "Correction",
    "CorrectionError",
    "Document",
    "Passage",
    "Section",
    "Sentence",
    "load_review",
]
