"""The bilingual question set: loading with line-precise validation; checks against the review."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.errors import DatasetError
from eval.metrics import squash

if TYPE_CHECKING:
    from corpus import Document

DEFAULT_QUESTIONS = Path(__file__).parent / "data" / "questions.jsonl"
LANGS = ("zh", "en")
SPLITS = ("dev", "test")
REQUIRED = ("id", "question", "lang", "section", "evidence", "facts", "answerable", "type", "split")


@dataclass(frozen=True)
class Question:
    """One evaluation item.

    ``evidence`` holds short exact fragments of the clean review (matched ignoring
    whitespace); ``facts`` holds, per expected fact, the acceptable wordings of it.
    """

    id: str
    question: str
    lang: str
    section: str | None
    evidence: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]
    answerable: bool
    type: str
    split: str


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"'{what}' must be a list of non-empty strings")
    return tuple(value)


def parse_question(record: Any) -> Question:
    """A :class:`Question` from one decoded JSON object; ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    missing = [name for name in REQUIRED if name not in record]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    if not isinstance(record["id"], str) or not record["id"].strip():
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(record["question"], str) or not record["question"].strip():
        raise ValueError("'question' must be a non-empty string")
    if record["lang"] not in LANGS:
        raise ValueError(f"'lang' must be one of {LANGS}, got {record['lang']!r}")
    if record["split"] not in SPLITS:
        raise ValueError(f"'split' must be one of {SPLITS}, got {record['split']!r}")
    if not isinstance(record["answerable"], bool):
        raise ValueError("'answerable' must be true or false")
    if not isinstance(record["facts"], list):
        raise ValueError("'facts' must be a list of lists of strings")
    evidence = _strings(record["evidence"], "evidence")
    facts = tuple(_strings(f, "facts[]") for f in record["facts"])
    if record["answerable"] and not evidence:
        raise ValueError("an answerable question needs at least one evidence fragment")
    if record["answerable"] and not facts:
        raise ValueError("an answerable question needs at least one expected fact")
    section = record.get("section")
    return Question(
        id=record["id"],
        question=record["question"],
        lang=record["lang"],
        section=str(section) if section is not None else None,
        evidence=evidence,
        facts=facts,
        answerable=record["answerable"],
        type=str(record.get("type", "")),
        split=record["split"],
    )


def parse_lines(lines: list[str], source: str = "<questions>") -> list[Question]:
    """Every question of a JSON Lines text, or DatasetError naming the offending line."""
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            question = parse_question(json.loads(line))
        except ValueError as err:  # json.JSONDecodeError is a ValueError too
            raise DatasetError(f"{source}, line {number}: {err}") from err
        if question.id in seen:
            raise DatasetError(
                f"{source}, line {number}: duplicate id {question.id!r} "
                f"(first on line {seen[question.id]}); ids must be unique"
            )
        seen[question.id] = number
        questions.append(question)
    return questions


def load_questions(path: str | Path | None = None, split: str | None = None) -> list[Question]:
    """The questions of a JSON Lines file (default: the bundled set), optionally one split.

    ``split`` is "dev", "test", or None / "all" for every question.
    """
    path = Path(path) if path else DEFAULT_QUESTIONS
    if split not in (None, "all", *SPLITS):
        raise DatasetError(f"unknown split {split!r}; choose dev, test or all")
    if not path.is_file():
        raise DatasetError(f"question set not found: {path}")
    questions = parse_lines(path.read_text(encoding="utf-8").splitlines(), source=str(path))
    if split in (None, "all"):
        return questions
    return [q for q in questions if q.split == split]


def evidence_passages(fragment: str, doc: Document) -> list[str]:
    """Ids of the passages of ``doc`` whose text contains ``fragment`` (whitespace ignored)."""
    needle = squash(fragment)
    return [p.id for p in doc.passages if needle in squash(p.text)]


def check_against_document(questions: list[Question], doc: Document) -> list[str]:
    """One message per evidence fragment that no passage of the clean ``doc`` contains.

    Passages, not ``doc.text``: passage text has the reference marks removed, as answers
    and citations do, and a fragment is only useful if one retrievable unit holds it.
    """
    texts = [squash(p.text) for p in doc.passages]
    problems = []
    for question in questions:
        for fragment in question.evidence:
            if not any(squash(fragment) in text for text in texts):
                problems.append(f"{question.id}: evidence not found in any passage: {fragment!r}")
    return problems


def evidence_sections(question: Question, doc: Document) -> set[str]:
    """The sections of the passages that hold the question's evidence."""
    sections = {p.id: p.section for p in doc.passages}
    return {sections[pid] for f in question.evidence for pid in evidence_passages(f, doc)}
