"""Misspelt words of a question mended before it is read: "karfilzomib", "bortezimib".

Users type drug names from memory and in a hurry. The dense model shrugs most slips off, but
BM25, the glossary and the checks for names the review never mentions read letters: to them
"karfilzomib" is an unknown drug, and the question is refused. A slip is mended only into a word
the assistant knows (the review's own Latin words and the glossary's English ones), only when
the typed word is no English word at all (symspellpy's dictionary of 82,765), and only within one
edit (a transposition is one), so "stating" never becomes "staging". Two edits turned one drug
into another (fluoxetine into duloxetine, betamethasone into dexamethasone): never allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symspellpy import SymSpell

#: Words a slip may hide in: lower-case letters only (XVd, mPFS, CD38 are names, not words);
#: each part of a hyphenated run ("selinexor-bortezimib-dexamethasone") is a word.
_WORD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][a-z]+)(?![A-Za-z0-9])")
#: A word in capitals of five letters or more: a name (STORM, BOSTON), or a slip of one.
_CAPITALS = re.compile(r"(?<![A-Za-z0-9])([A-Z]{5,})(?![A-Za-z0-9])")
#: A short acronym typed in lower case ("xkd", "orr"): the glossary reads acronyms of three
#: letters or fewer only with their capitals (English "or", "os", "pr" are no ORR, OS, PR).
_LOWER_SHORT = re.compile(r"(?<![A-Za-z0-9])([a-z]{3})(?![A-Za-z0-9])")
#: What such an acronym is, as the review and the glossary write it: two capitals or more
#: (XKd, ORR, PFS), three letters.
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])((?=(?:[a-z]*[A-Z]){2})[A-Za-z]{3})(?![A-Za-z0-9])")
#: The most frequent English words, which a short acronym in lower case is read as instead
#: ("all", "car"; but "orr" and "dor", rarer than 10,000 others, are ORR and DOR).
COMMON = 10_000
#: Shorter words are left alone: "pts", "sel", "dara", "penta" are shorthand, not slips.
MIN_LENGTH = 6
#: How far a slip may be from what was meant.
EDITS = 1


@dataclass(frozen=True)
class Correction:
    """One mended word: what was typed and what it was read as."""

    typed: str
    read: str


@dataclass(frozen=True)
class Mended:
    """A question with its slips mended, and the corrections made (none: the text as typed)."""

    text: str
    corrections: tuple[Correction, ...] = ()

    def note(self) -> str:
        """What the reader is told: which words were read as which."""
        if not self.corrections:
            return ""
        pairs = ", ".join(f"“{c.typed}” as “{c.read}”" for c in self.corrections)
        return f"Read {pairs}."


def acronyms(texts: Iterable[str], english: frozenset[str]) -> dict[str, str]:
    """Each three-letter acronym of the texts by its lower case, when that is no common English
    word (``english``) and no other acronym's ("xkd": XKd, "orr": ORR; not "all", "car")."""
    found: dict[str, set[str]] = {}
    for t in texts:
        for m in _ACRONYM.findall(t):
            found.setdefault(m.lower(), set()).add(m)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k not in english}


def capital_names(texts: Iterable[str]) -> frozenset[str]:
    """The words of five capitals or more of the texts: trial names (STORM, BOSTON), which a
    question typed in a hurry misspells in capitals too ("BOSTEN")."""
    return frozenset(m for t in texts for m in _CAPITALS.findall(t))


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def known_words(texts: Iterable[str]) -> set[str]:
    """The lower-case Latin words of the texts (the review, the glossary's variants)."""
    return {m.lower() for t in texts for m in re.findall(r"[A-Za-z]+", t)}


@lru_cache(maxsize=1)
def english_by_frequency() -> tuple[str, ...]:
    """symspellpy's English dictionary (82,765 words), most frequent first.

    Read once per process: every Assistant (``with_retrieval``'s ablations too) shares it, and
    so does ``assistant.dictionary``, which leaves English's most frequent words unglossed."""
    from importlib.resources import files

    path = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    return tuple(line.split(" ", 1)[0] for line in path.read_text("utf-8").splitlines())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """symspellpy's English dictionary: words that are no slips, however close to a term."""
    return frozenset(english_by_frequency())


@dataclass
class Speller:
    """Mends a question's slips into the words the assistant knows, and gives a short acronym
    typed in lower case its capitals.

    ``known`` are the targets (the review's and the glossary's words); ``english`` the words no
    one misspells by typing them. Build with ``Speller.of``; the lookup table is made on first
    use, so an assistant that is never asked pays nothing for it.
    """

    known: frozenset[str]
    english: frozenset[str]
    capitals: dict[str, str] = field(default_factory=dict)  # "xkd": "XKd" (``acronyms``)
    names: frozenset[str] = frozenset()  # names in capitals: STORM, BOSTON (``capital_names``)
    _symspell: SymSpell | None = field(default=None, init=False, repr=False)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Speller:
        """A speller whose targets are the words of ``texts`` long enough to be mended into."""
        texts = list(texts)
        words = frozenset(w for w in known_words(texts) if len(w) >= MIN_LENGTH - 1)
        english = english_words()
        return cls(
            words,
            english,
            acronyms(texts, frozenset(english_by_frequency()[:COMMON])),
            capital_names(texts),
        )

    def ready(self) -> None:
        """Build the lookup table now (``Assistant.warm_up``), not on the first slip asked."""
        self._table()

    def _table(self) -> SymSpell:
        if self._symspell is None:
            from symspellpy import SymSpell

            table = SymSpell(max_dictionary_edit_distance=EDITS, prefix_length=7)
            for word in self.known:
                table.create_dictionary_entry(word, 1)
            self._symspell = table
        return self._symspell

    def suggestion(self, word: str) -> str | None:
        """The known word ``word`` is a slip of, or None: it is a word, or close to none, or
        close to two alike (a slip that could be either is left as typed)."""
        from symspellpy import Verbosity

        lower = word.lower()
        if len(lower) < MIN_LENGTH or lower in self.known or lower in self.english:
            return None
        if lower.endswith("s") and (lower[:-1] in self.known or lower[:-2] in self.known):
            return None  # a plural ("exportins", "alkylators"), which the glossary folds
        found = self._table().lookup(lower, Verbosity.CLOSEST, max_edit_distance=EDITS)
        if len(found) != 1:
            return None
        read = found[0].term
        return read.capitalize() if word[0].isupper() else read

    def name_of(self, word: str) -> str | None:
        """The name in capitals ``word`` is a slip of ("BOSTEN": BOSTON, "STROM": STORM), or
        None: it is one, or an English word, or within one edit of none or of two."""
        if word in self.names or word.lower() in self.english:
            return None
        close = [n for n in self.names if one_edit_apart(word, n)]
        return close[0] if len(close) == 1 else None

    def mend(self, question: str) -> Mended:
        """The question with each slip replaced by the word it was read as."""
        corrections: list[Correction] = []

        def reading(read_as: Callable[[str], str | None]) -> Callable[[re.Match[str]], str]:
            """Replaces a match by what ``read_as`` reads it as, noting the correction."""

            def replace(m: re.Match[str]) -> str:
                read = read_as(m.group(1))
                if read is None:
                    return m.group(0)
                corrections.append(Correction(m.group(1), read))
                return read

            return replace

        mended = _WORD.sub(reading(self.suggestion), question)
        mended = _CAPITALS.sub(reading(self.name_of), mended)
        text = _LOWER_SHORT.sub(reading(self.capitals.get), mended)
        return Mended(text, tuple(dict.fromkeys(corrections)))
