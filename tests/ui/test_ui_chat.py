"""One chat turn: answers, refusals, bad input and failures as the page shows them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest

from ui.chat import clamp_k, message_text, normalize_history, respond
from ui.format import EMPTY_SOURCES, format_answer, format_copy_text, format_question

STORM_ZH = "STORM试验的客观缓解率是多少？"
STORM_EN = "What was the median progression-free survival in the STORM trial?"
OFF_TOPIC = "What is the weather in Paris?"


def test_answer_appends_question_and_cited_answer(fake: Any) -> None:
    history, sources, copy = respond(fake, STORM_ZH, [], 5, False)
    answer = fake.ask(STORM_ZH)
    assert history == [
        {"role": "user", "content": format_question(STORM_ZH)},
        {"role": "assistant", "content": format_answer(answer)},
    ]
    assert "\\[1\\]" in history[-1]["content"]
    assert "<mark>" in sources and "§3.1 STORM试验 · STORM trial" in sources
    assert copy == format_copy_text(answer)
    assert fake.retrieved == []  # the retrieved-passages panel is off


def test_refusal_shows_nearest_passages_not_citations(fake: Any) -> None:
    history, sources, copy = respond(fake, OFF_TOPIC, [], 5, False)
    assert history[-1]["content"].startswith("**The review does not address this\\.**")
    assert "Nearest passages (not citations)" in sources and "<mark>" not in sources
    assert copy.startswith("The review does not address this.")


def test_show_retrieved_appends_k_passages(fake: Any) -> None:
    _, sources, _ = respond(fake, STORM_EN, [], 7, True)
    assert (STORM_EN, 7) in fake.retrieved
    assert "Retrieved passages" in sources and "(k=7)" in sources
    assert sources.index("Sources") < sources.index("Retrieved passages")


def test_hidden_retrieved_passages_are_not_fetched(fake: Any) -> None:
    _, sources, _ = respond(fake, STORM_EN, [], 7, False)
    assert "Retrieved passages" not in sources


@pytest.mark.parametrize("message", ["", "   \n ", None])
def test_empty_input_gets_the_assistants_message_and_no_empty_bubble(
    fake: Any, message: str | None
) -> None:
    history, sources, copy = respond(fake, message, [], 5, False)
    assert history == [{"role": "assistant", "content": "Please type a question\\. 请输入问题。"}]
    assert sources == EMPTY_SOURCES and copy == ""


def test_too_long_input_is_explained_in_the_chat(fake: Any) -> None:
    history, _, _ = respond(fake, "骨" * 5000, [], 5, False)
    assert history[0]["role"] == "user" and len(history[0]["content"]) < 300
    assert "longer than 1000 characters" in history[1]["content"]
    assert fake.asked == []


def test_unexpected_failure_is_logged_and_shown_as_an_apology(
    make_fake: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    broken = make_fake(fail=RuntimeError("index file /secret/path is corrupt"))
    with caplog.at_level(logging.ERROR, logger="ui.chat"):
        history, sources, copy = respond(broken, STORM_EN, [], 5, True)
    shown = history[-1]["content"]
    assert shown == "Sorry, something went wrong while answering\\. Please try again\\."
    assert "Traceback" not in shown and "secret" not in shown and "RuntimeError" not in shown
    assert sources == EMPTY_SOURCES and copy == ""
    assert any("RuntimeError" in (r.exc_text or "") for r in caplog.records)


def test_apology_follows_the_question_language(make_fake: Callable[..., Any]) -> None:
    broken = make_fake(fail=KeyError("x"))
    history, _, _ = respond(broken, STORM_ZH, [], 5, False)
    assert history[-1]["content"] == "抱歉，回答时出了问题，请重试。"


def test_failing_retrieval_panel_keeps_the_answer(
    fake: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(question: str, k: int = 5) -> list[Any]:
        raise RuntimeError("retrieval down")

    monkeypatch.setattr(fake, "retrieve", boom)
    history, sources, _ = respond(fake, STORM_ZH, [], 5, True)
    assert "\\[1\\]" in history[-1]["content"] and "<mark>" in sources
    assert "Retrieved passages" not in sources


def test_two_sessions_histories_do_not_mix(fake: Any) -> None:
    alice: list[dict[str, Any]] = []
    bob: list[dict[str, Any]] = []
    alice, _, _ = respond(fake, STORM_ZH, alice, 5, False)
    bob, _, _ = respond(fake, OFF_TOPIC, bob, 5, False)
    alice, _, _ = respond(fake, STORM_EN, alice, 5, False)
    assert [m["content"] for m in alice if m["role"] == "user"] == [
        format_question(STORM_ZH),
        format_question(STORM_EN),
    ]
    assert [m["content"] for m in bob if m["role"] == "user"] == [format_question(OFF_TOPIC)]


def test_the_callers_history_is_not_changed(fake: Any) -> None:
    before = [{"role": "user", "content": "earlier"}, {"role": "assistant", "content": "reply"}]
    snapshot = [dict(m) for m in before]
    after, _, _ = respond(fake, STORM_ZH, before, 5, False)
    assert before == snapshot and after[:2] == snapshot and after is not before


def test_gradio_message_parts_are_read_as_text(fake: Any) -> None:
    history = [
        {"role": "user", "content": [{"type": "text", "text": "earlier"}], "metadata": None},
        {"role": "assistant", "content": [{"type": "text", "text": "reply"}], "options": None},
    ]
    after, _, _ = respond(fake, STORM_ZH, history, 5, False)
    assert after[:2] == [
        {"role": "user", "content": "earlier"},
        {"role": "assistant", "content": "reply"},
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("plain", "plain"),
        ([{"type": "text", "text": "a"}, {"type": "text", "text": "b"}], "a\nb"),
        ({"text": "dict"}, "dict"),
        ([{"type": "file", "file": {"path": "/x"}}], ""),
        (None, ""),
    ],
)
def test_message_text(content: Any, expected: str) -> None:
    assert message_text(content) == expected


def test_normalize_history_drops_unknown_roles() -> None:
    out = normalize_history([{"role": "system", "content": "x"}, "junk", None])
    assert out == []


@pytest.mark.parametrize(
    ("k", "expected"), [(5, 5), (3.0, 3), (0, 1), (99, 10), (None, 5), ("x", 5), (6.6, 7)]
)
def test_clamp_k(k: Any, expected: int) -> None:
    assert clamp_k(k) == expected
