"""End to end in headless Chromium: the real assistant answers in both languages, with sources.

Uses Debian's Chromium (``make browser`` installs it), never a downloaded one. With
REVIEWQA_UI_FAKE=1 the fake assistant stands in, for UI work before the real one exists.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ANSWER_TIMEOUT_MS = 120_000  # the first real answer may still be warming the model up

ZH = "STORM试验的客观缓解率是多少？"
EN = "What was the median progression-free survival in the STORM trial?"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    """A fresh headless Chromium page with its own profile, closed after the test."""
    if not CHROMIUM.exists():
        message = f"Debian's Chromium is missing ({CHROMIUM}): run `make browser`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(30_000)
        page = context.pages[0] if context.pages else context.new_page()
        yield page
        context.close()


def ask(page: Any, question: str, turn: int) -> Any:
    """Type a question, send it, and return the ``turn``-th assistant bubble once it appears."""
    from playwright.sync_api import expect

    page.locator("#rq-input textarea").fill(question)
    page.locator("#rq-send").click()
    bubbles = page.locator('#rq-chat [data-testid="bot"]')
    expect(bubbles).to_have_count(turn, timeout=ANSWER_TIMEOUT_MS)
    return bubbles.nth(turn - 1)


def check_cited_answer(page: Any, assistant: Any, question: str, turn: int) -> None:
    """The bubble has a [n] marker, and the panel highlights this answer's first citation."""
    from playwright.sync_api import expect

    expected = assistant.ask(question)
    assert expected.answered, f"the assistant declined {question!r}; pick an answerable one"
    bubble = ask(page, question, turn)
    assert re.search(r"\[\d+\]", bubble.inner_text()), bubble.inner_text()
    user = page.locator('#rq-chat [data-testid="user"]').nth(turn - 1)
    assert user.inner_text().strip() == question
    marks = page.locator("#rq-sources mark")
    expect(marks.first).to_have_text(expected.citations[0].text)
    expect(page.locator("#rq-copy textarea")).to_have_value(re.compile(r"\[1\] .+"))


def test_chinese_and_english_questions_get_cited_answers(
    ui_assistant: Any, serve: Callable[..., Any], page: Any, tmp_path: Path
) -> None:
    running = serve(ui_assistant)
    page.goto(running.url)
    check_cited_answer(page, ui_assistant, ZH, 1)
    check_cited_answer(page, ui_assistant, EN, 2)
    assert page.locator("#rq-sources .rq-head").first.inner_text().startswith("[1] §")
    page.screenshot(path=str(tmp_path / "ui-e2e.png"), full_page=True)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(tmp_path / "ui-e2e.png", ARTIFACTS / "ui-e2e.png")


def test_markup_is_shown_not_run_clear_resets_and_about_opens(
    ui_assistant: Any, serve: Callable[..., Any], page: Any
) -> None:
    from playwright.sync_api import expect

    running = serve(ui_assistant)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(running.url)
    page.get_by_text("Settings · 设置").click()
    page.get_by_label("Show retrieved passages · 显示检索到的段落").check()
    ask(page, XSS, 1)
    user = page.locator('#rq-chat [data-testid="user"]').first
    assert user.inner_text().strip() == XSS
    assert page.locator('#rq-chat img[src="x"]').count() == 0
    expect(page.locator("#rq-sources")).to_contain_text("Retrieved passages")
    assert dialogs == []

    page.locator("#rq-clear").click()
    expect(page.locator('#rq-chat [data-testid="bot"]')).to_have_count(0)
    expect(page.locator("#rq-sources")).to_contain_text("appear here")

    page.get_by_text("About this review · 关于本综述").click()
    expect(page.get_by_text("§3.1 STORM试验 · STORM trial")).to_be_visible()
