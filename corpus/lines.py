"""Join extracted lines into paragraphs: de-hyphenation, script-aware joining, breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import PARAGRAPH_TERMINALS, REF_MARK, display_width, is_wide, normalize_spaces

SOFT_HYPHEN_CHARS = "\u2010\u00ad"  # a PDF's line-end hyphen and the soft hyphen
HEADING = re.compile(r"^\s*(\d+(?:\.\d+)*)\u3000")
LABEL = re.compile(r"^\s*(摘\s*要|关键词|Abstract|Key\s*words)\s*[：:]", re.IGNORECASE)


@dataclass(frozen=True)
class JoinConfig:
    """When a line closes its paragraph."""

    short_line: float = 0.85  # a line this much narrower than its neighbours is a last line
    standalone_heading: float = 0.7  # a heading line this narrow holds only its title
    blank_lines_break: bool = False  # True for clean text; PDF extraction scatters blanks


def join_pair(prev: str, nxt: str) -> str:
    """Join two lines: de-hyphenate words, no space for Chinese, one space between words."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt:
        return prev + nxt
    last, first = prev[-1], nxt[0]
    if last in SOFT_HYPHEN_CHARS and len(prev) > 1 and prev[-2].isalpha() and first.isalpha():
        return prev[:-1] + nxt
    if is_wide(last) or is_wide(first) or last in "/-‐~":
        return prev + nxt
    return prev + " " + nxt


def starts_block(line: str) -> bool:
    """Headings and labels such as 摘要： or Abstract: always open a paragraph."""
    return bool(HEADING.match(line) or LABEL.match(line))


def is_standalone_heading(line: str, width: float, cfg: JoinConfig) -> bool:
    """A numbered heading that fills its line alone (not a run-in heading before its text)."""
    match = HEADING.match(line)
    if not match:
        return False
    rest = line[match.end() :]
    return "\u3000" not in rest and display_width(line.strip()) < cfg.standalone_heading * width


def closes_paragraph(line: str, reference: float, cfg: JoinConfig) -> bool:
    """A short line that ends a sentence is the last line of its paragraph."""
    text = REF_MARK.sub("", line.strip())
    if not text or text[-1] not in PARAGRAPH_TERMINALS:
        return False
    return display_width(line.strip()) < cfg.short_line * reference


def paragraphs(lines: list[str], width: float, cfg: JoinConfig | None = None) -> list[str]:
    """Group lines into paragraphs and join each into one space-normalized string."""
    cfg = cfg or JoinConfig()
    groups: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            groups.append(list(current))
            current.clear()

    for line in lines:
        if not line.strip():
            if cfg.blank_lines_break:
                flush()
            continue
        if starts_block(line):
            flush()
        reference = max([display_width(x.strip()) for x in current[-3:]] + [width])
        current.append(line)
        if is_standalone_heading(line, width, cfg) or closes_paragraph(line, reference, cfg):
            flush()
    flush()
    return [normalize_spaces(_join(group)) for group in groups]


def _join(group: list[str]) -> str:
    text = group[0].strip()
    for line in group[1:]:
        text = join_pair(text, line)
    return text.strip()
