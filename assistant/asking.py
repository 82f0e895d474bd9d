"""Which sentences of a question ask something, and which only set the scene.

"我手上有个MM病人，骨质破坏灶特别多，换了几个方案都耐药。综述里有没有把XPO-1和这两种情况联系
起来？" asks no number: 几个 is "several" in a statement. A question's scene (a patient's
platelets, the regimen they are on) says why it is asked; what it asks is in the sentences
ending with a question mark, or, when none does, in the whole of it.
"""

from __future__ import annotations

import re

#: Sentence ends: Chinese full stops and exclamations, semicolons, and an English full stop
#: followed by a capital ("…gum bleeding. Was serious…"), not a decimal point (1.5) or "e.g.".
_SENTENCE_END = re.compile(r"(?<=[。！!；;])|(?<=[a-z0-9)\]]\.)\s+(?=[A-Z])")
_QUESTION_MARK = re.compile(r"[?？]\s*$")


def sentences(question: str) -> list[str]:
    """The question's sentences, in order; question marks end sentences too."""
    pieces = re.split(r"(?<=[?？])", question)
    out = [s.strip() for piece in pieces for s in _SENTENCE_END.split(piece)]
    return [s for s in out if s]


def asking(question: str) -> str:
    """The sentences that ask: those ending with a question mark, and the last one (a question
    may end without its mark); the question as it is when it sets no scene."""
    parts = sentences(question)
    last = len(parts) - 1
    asks = [p for i, p in enumerate(parts) if i == last or _QUESTION_MARK.search(p)]
    return question if len(asks) == len(parts) else " ".join(asks)


def scene(question: str) -> str:
    """The sentences that only set the scene (everything :func:`asking` leaves out)."""
    parts = sentences(question)
    if len(parts) < 2:
        return ""
    last = len(parts) - 1
    return " ".join(p for i, p in enumerate(parts) if i != last and not _QUESTION_MARK.search(p))
