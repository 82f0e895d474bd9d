"""One chat turn: ask the assistant, and turn the result or the failure into what the page shows."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.types import Answer, Hit, InvalidQuestion
from corpus import Document
from ui.escape import escape_markdown
from ui.format import (
    EMPTY_SOURCES,
    format_answer,
    format_copy_text,
    format_question,
    format_retrieved,
    format_sources,
)
from ui.labels import APOLOGY, is_chinese

log = logging.getLogger(__name__)

#: A chat message as the Chatbot takes it: {"role": "user" | "assistant", "content": str}.
Message = dict[str, Any]

K_MIN, K_MAX, K_DEFAULT = 1, 10, 5


class AssistantLike(Protocol):
    """What the UI needs from ``assistant.Assistant``; tests pass a fake with the same shape."""

    doc: Document

    def ask(self, question: str) -> Answer: ...

    def retrieve(self, question: str, k: int = 5) -> list[Hit]: ...


def message_text(content: Any) -> str:
    """The text of a message's content, whichever shape Gradio hands back.

    Gradio 6 returns content as a list of parts (``[{"type": "text", "text": ...}]``) while
    handlers and API clients usually send plain strings; history is kept as strings.
    """
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    if isinstance(content, Sequence):
        return "\n".join(message_text(part) for part in content)
    return ""


def normalize_history(history: Sequence[Any] | None) -> list[Message]:
    """A fresh list of role/text messages; the caller's list is never changed or shared."""
    messages: list[Message] = []
    for item in history or ():
        if isinstance(item, dict) and item.get("role") in ("user", "assistant"):
            messages.append({"role": item["role"], "content": message_text(item.get("content"))})
    return messages


def clamp_k(k: float | int | None) -> int:
    """The slider's value as a passage count in 1..10 (clients may send floats or nothing)."""
    try:
        value = round(float(k if k is not None else K_DEFAULT))
    except (TypeError, ValueError):
        return K_DEFAULT
    return min(max(value, K_MIN), K_MAX)


def _retrieved_panel(assistant: AssistantLike, question: str, k: int) -> str:
    try:
        return format_retrieved(assistant.retrieve(question, k=k), assistant.doc)
    except Exception:  # the answer is already shown; the extra panel must not take it away
        log.exception("retrieve failed for the retrieved-passages panel")
        return ""


def respond(
    assistant: AssistantLike,
    message: str | None,
    history: Sequence[Any] | None,
    k: float | int | None = K_DEFAULT,
    show_retrieved: bool = False,
) -> tuple[list[Message], str, str]:
    """One turn: (new history, sources panel HTML, copy text).

    Never raises: a bad question becomes the assistant's own explanation in the chat, and any
    other failure is logged and shown as a one-line apology (no traceback reaches the page).
    """
    question = message or ""
    turn = normalize_history(history)
    if question.strip():
        turn.append({"role": "user", "content": format_question(question)})
    try:
        answer = assistant.ask(question)
    except InvalidQuestion as err:
        turn.append({"role": "assistant", "content": escape_markdown(str(err))})
        return turn, EMPTY_SOURCES, ""
    except Exception:
        log.exception("the assistant failed to answer %r", question[:200])
        lang = "zh" if is_chinese(question) else "en"
        turn.append({"role": "assistant", "content": escape_markdown(APOLOGY[lang])})
        return turn, EMPTY_SOURCES, ""
    turn.append({"role": "assistant", "content": format_answer(answer)})
    sources = format_sources(answer, assistant.doc)
    if show_retrieved:
        sources += _retrieved_panel(assistant, question, clamp_k(k))
    return turn, sources, format_copy_text(answer)
