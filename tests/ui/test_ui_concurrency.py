"""Twenty people at once: every one gets the answer to their own question, in their own history."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from ui.chat import message_text
from ui.format import format_answer, format_question

QUESTIONS = [
    "塞利尼索的作用机制是什么？",
    "What was the overall response rate in the STORM trial?",
    "How is selinexor-induced nausea managed?",
    "BOSTON试验中XVd组和Vd组的中位随访时间分别是多少？",
    "STORM试验的客观缓解率是多少？",
    "What was the median progression-free survival in the STORM trial?",
    "塞利尼索最常见的血液学不良反应有哪些？",
    "Which combinations of selinexor were studied in the STOMP trial?",
    "血小板减少应如何处理？",
    "What is the incidence of hyponatremia with selinexor?",
    "塞利尼索何时被FDA批准？",
    "When was selinexor approved by the FDA?",
    "XPd方案的总缓解率是多少？",
    "What did the BOSTON trial compare?",
    "塞利尼索联合达雷妥尤单抗的疗效如何？",
    "Can selinexor be used after CAR-T failure?",
    "乏力的发生率是多少？",
    "Does selinexor cause peripheral neuropathy?",
    "What is the weather in Paris?",
    "多发性骨髓瘤在我国的发病率是多少？",
]
N_USERS = 20


def _text(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(m["role"], message_text(m["content"])) for m in items]


def ask_all(url: str, questions: list[str]) -> list[Any]:
    """Each question from its own client (its own session) with its own earlier turn, at once."""
    from gradio_client import Client

    start = threading.Barrier(len(questions))

    def one(i: int, question: str) -> Any:
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        prior = [
            {"role": "user", "content": [{"type": "text", "text": f"session {i} earlier"}]},
            {"role": "assistant", "content": [{"type": "text", "text": f"session {i} reply"}]},
        ]
        start.wait(timeout=120)
        return client.predict(question, prior, 5, True, api_name="/ask")

    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        return list(pool.map(one, range(len(questions)), questions))


def check_each_answer_is_its_own(assistant: Any, results: list[Any]) -> None:
    assert len(results) == N_USERS
    for i, (question, (history, sources, copy)) in enumerate(zip(QUESTIONS, results, strict=True)):
        expected = assistant.ask(question)
        assert _text(history) == [
            ("user", f"session {i} earlier"),
            ("assistant", f"session {i} reply"),
            ("user", format_question(question)),
            ("assistant", format_answer(expected)),
        ], f"user {i} got someone else's turn"
        assert "Sorry" not in history[-1]["content"][0]["text"]
        assert "Retrieved passages" in sources
        assert copy.startswith(expected.answer)


def test_twenty_simultaneous_users_with_the_fake(
    make_fake: Callable[..., Any], serve: Callable[..., Any]
) -> None:
    fake = make_fake(delay=0.3)
    running = serve(fake, concurrency_limit=4)
    results = ask_all(running.url, QUESTIONS)
    fake.delay = 0.0  # the expected answers are computed one by one below
    check_each_answer_is_its_own(fake, results)
    assert 2 <= fake.peak <= 4  # answered in parallel, within the queue's limit


@pytest.mark.slow
def test_twenty_simultaneous_users_with_the_real_assistant(
    ui_assistant: Any, serve: Callable[..., Any]
) -> None:
    running = serve(ui_assistant)
    results = ask_all(running.url, QUESTIONS)
    check_each_answer_is_its_own(ui_assistant, results)
