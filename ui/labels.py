"""Short user-facing words shared by the chat and the sources panel, in both languages."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_chinese(text: str) -> bool:
    """Whether a message should be answered in Chinese: it contains any CJK character."""
    return bool(_CJK.search(text))


def section_label(number: str, title: str, title_en: str = "") -> str:
    """How a passage names its section: "§3.1 STORM试验 · STORM trial".

    Front matter ("abstract-zh", "intro") has no printed number, so it shows by title only.
    """
    head = f"§{number} {title}" if number[:1].isdigit() else title
    return f"{head} · {title_en}" if title_en and title_en != title else head


REFUSAL_NOTE = {
    "en": (
        "No answer was given. The nearest passages are listed in the sources panel for "
        "reference only; they are not citations."
    ),
    "zh": "未作回答。右侧来源栏列出了最接近的段落，仅供参考，并非引用。",
}

APOLOGY = {
    "en": "Sorry, something went wrong while answering. Please try again.",
    "zh": "抱歉，回答时出了问题，请重试。",
}

NEAREST_HEADING = "Nearest passages (not citations) · 最接近的段落（非引用）"
SOURCES_HEADING = "Sources · 来源"
RETRIEVED_HEADING = "Retrieved passages · 检索到的段落"
EMPTY_SOURCES_TEXT = (
    "The sentences an answer cites appear here, highlighted in their passages. "
    "答案所引用的句子将在此处显示，并在原段落中高亮。"
)
