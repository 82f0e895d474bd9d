"""Character classes and whitespace rules shared by every corpus step."""

from __future__ import annotations

import re
import unicodedata

#: Reference marks such as ［27-28］ or ［11-12，15-17］ (full-width brackets, as in the review).
REF_MARK = re.compile(r"［\s*\d[\d\s,，\-–~]*］")
#: Characters that end a sentence in Chinese text.
ZH_TERMINALS = "。！？；"
#: Characters that end a paragraph when they close a short line.
PARAGRAPH_TERMINALS = "。！？.!?"


def is_cjk(ch: str) -> bool:
    """True for Han characters and the CJK blocks a Chinese review uses."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0xF900 <= cp <= 0xFAFF
    )


def is_wide(ch: str) -> bool:
    """True for characters a PDF sets in a full em: Han, full-width punctuation, kana."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def display_width(text: str) -> int:
    """Width in half-em units, the unit in which a column's width is roughly constant."""
    return sum(2 if is_wide(ch) else 1 for ch in text)


def is_counted(ch: str) -> bool:
    """Characters the conservation check counts: CJK, letters and digits."""
    return ch.isalnum() or is_cjk(ch)


def counted_chars(text: str) -> str:
    """The counted characters of ``text`` in order (NFKC, so ＡＢ and AB agree)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if is_counted(ch))


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among CJK characters and letters."""
    cjk = sum(1 for ch in text if is_cjk(ch))
    letters = sum(1 for ch in text if ch.isalpha() and not is_cjk(ch))
    return cjk / (cjk + letters) if cjk + letters else 0.0


def language_of(text: str) -> str:
    """'zh' when Chinese characters make up a fifth or more of the letters, else 'en'."""
    return "zh" if cjk_ratio(text) >= 0.2 else "en"


def _narrow(ch: str) -> bool:
    return not is_wide(ch) and not ch.isspace()


def normalize_spaces(text: str) -> str:
    """Drop the typesetting spaces a PDF puts around Chinese text; keep spaces between words.

    A space next to a wide character (Han or full-width punctuation) is justification or
    inter-script spacing, not content: ``达 26%`` → ``达26%``, ``STOMP 试 验`` → ``STOMP试验``.
    Spaces between narrow characters are content (``80 mg``, ``0.001 2``) and are kept,
    folded to one.
    """
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch != " ":
            out.append(ch)
            continue
        prev = out[-1] if out else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if prev and nxt and _narrow(prev) and _narrow(nxt):
            out.append(ch)
    return "".join(out)


def strip_ref_marks(text: str) -> str:
    """Text without reference marks, for searching and quoting."""
    return REF_MARK.sub("", text)


def ref_numbers(mark: str) -> tuple[int, ...]:
    """Reference numbers a mark cites: ［11-12，15-17］ → (11, 12, 15, 16, 17)."""
    numbers: list[int] = []
    for part in re.split(r"[,，\s]+", mark.strip("［］ ")):
        bounds = re.split(r"[-–~]", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            numbers.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        elif part.isdigit():
            numbers.append(int(part))
    return tuple(numbers)
