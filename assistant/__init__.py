"""Cited answers over the review: retrieval, answer composition, the public API and the CLI."""

from assistant.answer import AnswerConfig
from assistant.core import Assistant, AssistantConfig
from assistant.retrieval import RetrievalConfig
from assistant.types import Answer, Citation, Hit, InvalidQuestion

__all__ = [
    "Answer",
    "AnswerConfig",
    "Assistant",
    "AssistantConfig",
    "Citation",
    "Hit",
    "InvalidQuestion",
    "RetrievalConfig",
]
