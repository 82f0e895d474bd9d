"""Split a paragraph into sentences without cutting numbers, abbreviations or parentheses."""

from __future__ import annotations

from corpus.text import REF_MARK, ZH_TERMINALS

OPENERS = "（(［[「『“"
CLOSERS = "）)］]」』”"
EN_TERMINALS = ".!?"
ABBREVIATIONS = ("et al.", "e.g.", "i.e.", "vs.", "Fig.", "No.", "approx.", "Dr.", "etc.")


def _ends_english_sentence(text: str, i: int) -> bool:
    """A '.', '!' or '?' ends a sentence when a space and a capital (or the end) follow."""
    if text[i] == "." and i + 1 < len(text) and text[i + 1].isdigit():
        return False  # 3.7, 0.001
    if any(text[: i + 1].endswith(abbr) for abbr in ABBREVIATIONS):
        return False
    rest = text[i + 1 :]
    if not rest.strip():
        return True
    stripped = rest.lstrip()
    return rest[:1].isspace() and (stripped[:1].isupper() or stripped[:1] in OPENERS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the terminal punctuation belongs to its sentence."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in OPENERS and not REF_MARK.match(text, i):
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
        elif depth == 0 and (
            ch in ZH_TERMINALS or (ch in EN_TERMINALS and _ends_english_sentence(text, i))
        ):
            end = i + 1
            while end < len(text) and text[end] in CLOSERS:
                end += 1
            spans.append((start, end))
            while end < len(text) and text[end].isspace():
                end += 1
            start = i = end
            continue
        elif ch == "［":
            mark = REF_MARK.match(text, i)
            if mark:
                i = mark.end()
                continue
        i += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
