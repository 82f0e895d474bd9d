"""Escaping: whatever a user or the review writes shows as text and runs nothing."""

from __future__ import annotations

import html
import re

import pytest

from ui.escape import escape_html, escape_markdown

ATTACKS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "<a href='javascript:alert(1)'>a</a>",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_html_escape_leaves_no_tag_or_quote(text: str) -> None:
    out = escape_html(text)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    assert html.unescape(out) == text


@pytest.mark.parametrize("text", ATTACKS)
def test_markdown_escape_leaves_no_tag_link_or_image(text: str) -> None:
    out = escape_markdown(text)
    assert "<" not in out and ">" not in out
    # every bracket and parenthesis is escaped, so no link or image syntax survives
    assert not re.search(r"(?<!\\)[\[\]()!]", out)


def unescape_markdown(text: str) -> str:
    """What a CommonMark renderer shows for escaped text (backslash escapes, then entities)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


@pytest.mark.parametrize(
    "text",
    [
        "据估计我国MM发病率约为每年1~2.5/100 000，且发病率在逐年升高。",  # "~" would strike through
        "血小板计数<50×10^9/L时应减量",
        "*ORR* was 26% (n=122) & PFS 3.7 months_",
        "1. not a list\n# not a heading\n| not | a table |",
        "$$x$$ `code` \\ back",
    ],
)
def test_markdown_escape_round_trips_to_the_same_text(text: str) -> None:
    assert unescape_markdown(escape_markdown(text)) == text


def test_markdown_escape_keeps_cjk_untouched() -> None:
    text = "塞利尼索的作用机制是什么？"
    assert escape_markdown(text) == text
