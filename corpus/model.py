"""The structured review: sections, passages and sentences with offsets into the clean text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence: the unit an answer quotes and cites.

    ``text`` has the reference marks removed (it is what is searched and quoted); ``refs``
    keeps the reference numbers; ``start``/``end`` locate the sentence, marks included, in
    ``Document.text``.
    """

    id: str
    passage_id: str
    section: str
    lang: str
    text: str
    start: int
    end: int
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Passage:
    """A retrieval unit: a paragraph, or a run of its sentences when it is long."""

    id: str
    section: str
    section_title: str
    section_title_en: str
    lang: str
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    refs: tuple[int, ...] = ()

    @property
    def is_keywords(self) -> bool:
        """A keyword list (关键词, Key words): it says what the review is about, answers nothing."""
        return self.section.startswith("keywords")


@dataclass(frozen=True)
class Section:
    """A node of the section tree; ``number`` is e.g. ``3.2.1`` or ``abstract-zh``."""

    number: str
    title: str
    title_en: str
    level: int
    parent: str | None
    start: int
    end: int

    @property
    def label(self) -> str:
        """How a citation names the section: number and title, with the English title."""
        head = f"{self.number} {self.title}" if self.number[:1].isdigit() else self.title
        return f"{head} ({self.title_en})" if self.title_en else head


@dataclass(frozen=True)
class Document:
    """The clean review. ``text`` is Markdown, in reading order; offsets point into it."""

    title: str
    text: str
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]
    source: str = ""
    sha256: str = ""
    removed: str = field(default="", compare=False)  # counted chars the corrections deleted

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence, in reading order."""
        return tuple(s for p in self.passages for s in p.sentences)

    def section(self, number: str) -> Section:
        """The section with this number (KeyError if there is none)."""
        for section in self.sections:
            if section.number == number:
                return section
        raise KeyError(number)

    def passage(self, passage_id: str) -> Passage:
        """The passage with this id (KeyError if there is none)."""
        for passage in self.passages:
            if passage.id == passage_id:
                return passage
        raise KeyError(passage_id)
