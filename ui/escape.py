"""Escaping for text the browser renders: questions and review text must show as text, never run."""

from __future__ import annotations

import html

# Characters that Markdown (marked, GFM) gives meaning to. The review itself contains "1~2.5"
# and "+" runs, and a user may type anything, so all of them are escaped with a backslash,
# which CommonMark defines for every ASCII punctuation character. "$" is included because the
# chat also knows LaTeX delimiters; "." and "@" stop auto-linking of "www.x.com" and e-mails.
_MARKDOWN_ACTIVE = "\\`*_{}[]()#+-.!|~$=:@"

# "<", ">" and "&" become entities rather than backslash escapes so that no tag can survive
# even a renderer that ignores backslashes. One translation table does both in a single pass,
# so an entity written here is never escaped a second time.
_MARKDOWN_TABLE = str.maketrans(
    {**{c: "\\" + c for c in _MARKDOWN_ACTIVE}, "&": "&amp;", "<": "&lt;", ">": "&gt;"}
)


def escape_html(text: str) -> str:
    """Text for an HTML element or attribute: every tag and quote shows as itself."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Text for a Markdown renderer: shows literally, with no markup, tags, links or maths."""
    return text.translate(_MARKDOWN_TABLE)
