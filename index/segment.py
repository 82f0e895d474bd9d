"""Bilingual tokens for BM25: jieba search-mode words for Chinese, whole terms for the rest."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

DOMAIN_WORDS = Path(__file__).parent / "data" / "domain_words.txt"

#: Terms kept whole before jieba sees the text: trial ids, hyphenated acronyms, numbers
#: with their percent sign, decimals, ranges and dose units.
PROTECTED = re.compile(
    r"nct\d+"
    r"|[a-z]+\d*(?:-[a-z0-9]+)+"  # xpo-1, car-t, kpt-330, nk-1
    r"|\d+(?:\.\d+)?(?:[~\-]\d+(?:\.\d+)?)?%?"  # 26%, 3.7, 0.0012, 3~4, 1-2
    r"|mg/m2|mg/m²|l/h"
)
TOKEN_CHARS = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)
# Function words that carry no meaning for retrieval in either language.
_STOPWORDS_TEXT = """
的 了 是 在 与 和 及 或 为 对 而 也 都 其 之 中 等 被 把 让 于 以 由 从 到 这 那 有 个
什么 多少 哪些 哪个 如何 怎么 怎样 是否 吗 呢 吧 请问
a an the of in on at to for and or is are was were be been by with as that this these
those what which who whom how when where why does do did it its from than into about
there their any can could should would may might much many
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
DIGIT_GROUPS = re.compile(r"(\d+\.\d{3}) (\d{1,3})\b|\b(\d{1,3}) (\d{3})\b")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """NFKC, lower case, and Chinese digit grouping undone (0.001 2 → 0.0012). Remembered:
    the same glossary variants and passages are normalized question after question."""
    text = unicodedata.normalize("NFKC", text).lower()
    return DIGIT_GROUPS.sub(lambda m: "".join(g for g in m.groups() if g), text)


@lru_cache(maxsize=4)
def _jieba(extra: tuple[str, ...] = ()) -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain words; its start-up chatter silenced."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in load_domain_words() + list(extra):
        tokenizer.add_word(normalize(word), freq=200000)
    return tokenizer


def load_domain_words(path: Path = DOMAIN_WORDS) -> list[str]:
    """Words of the field that jieba must not cut (drug, trial and adverse-event names)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _stem(token: str) -> str:
    """A light English plural stem, so 'responses' meets 'response'."""
    if token.isascii() and token.isalpha() and len(token) > 3 and token.endswith("s"):
        return token[:-1] if not token.endswith("ss") else token
    return token


def words(text: str) -> list[str]:
    """The text's words as jieba segments it (precise mode): 非难治 stays one word, where
    search-mode ``tokenize`` also yields its pieces (非难, 难治) for recall."""
    return _jieba().lcut(normalize(text))


def tokenize(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Search-mode tokens of ``text``: normalized, stop words and punctuation dropped.

    Remembered by text: one question is tokenized by BM25, by what it asks and by each
    glossary term it names, and the same terms come back question after question (jieba's
    search mode was a tenth of a warm ``ask``)."""
    return list(_tokens(text, tuple(sorted(extra_words))))


@lru_cache(maxsize=65536)
def _tokens(text: str, extra_words: tuple[str, ...]) -> tuple[str, ...]:
    tokenizer = _jieba(extra_words)
    text = normalize(text)
    tokens: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        tokens.extend(tokenizer.lcut_for_search(text[last : match.start()]))
        tokens.append(match.group())
        last = match.end()
    tokens.extend(tokenizer.lcut_for_search(text[last:]))
    out = [_stem(t.strip()) for t in tokens]
    return tuple(t for t in out if t and TOKEN_CHARS.search(t) and t not in STOPWORDS)
