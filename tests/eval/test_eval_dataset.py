"""The question set: validation errors name the line; the bundled set matches the review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus import Document
from eval.dataset import (
    DEFAULT_QUESTIONS,
    Question,
    check_against_document,
    evidence_passages,
    evidence_sections,
    load_questions,
)
from eval.errors import DatasetError

GOOD_RECORD = {
    "id": "q1",
    "question": "STORM的ORR？",
    "lang": "zh",
    "section": "3.1",
    "evidence": ["率（ORR）达 26%"],
    "facts": [["26%"]],
    "answerable": True,
    "type": "numeric",
    "split": "test",
}


def write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "q.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_a_valid_record(tmp_path: Path) -> None:
    (q,) = load_questions(write(tmp_path, GOOD_RECORD))
    assert q == Question(
        id="q1",
        question="STORM的ORR？",
        lang="zh",
        section="3.1",
        evidence=("率（ORR）达 26%",),
        facts=(("26%",),),
        answerable=True,
        type="numeric",
        split="test",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lang": "fr"}, "'lang' must be one of"),
        ({"split": "train"}, "'split' must be one of"),
        ({"evidence": []}, "an answerable question needs at least one evidence"),
        ({"facts": []}, "an answerable question needs at least one expected fact"),
        ({"evidence": "率（ORR）达 26%"}, "'evidence' must be a list"),
        ({"facts": [["26%", ""]]}, "'facts[]' must be a list of non-empty strings"),
        ({"answerable": "yes"}, "'answerable' must be true or false"),
        ({"question": " "}, "'question' must be a non-empty string"),
    ],
)
def test_invalid_fields_name_the_line(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    second = {**GOOD_RECORD, "id": "q2", **change}
    with pytest.raises(DatasetError, match=rf"q\.jsonl, line 2: {re.escape(message)}"):
        load_questions(write(tmp_path, GOOD_RECORD, second))


def test_missing_fields_are_listed(tmp_path: Path) -> None:
    record = {k: v for k, v in GOOD_RECORD.items() if k not in ("lang", "facts")}
    with pytest.raises(DatasetError, match=r"line 1: missing field\(s\): lang, facts"):
        load_questions(write(tmp_path, record))


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"line 3: duplicate id 'q1' \(first on line 1\)"):
        load_questions(write(tmp_path, GOOD_RECORD, {**GOOD_RECORD, "id": "q2"}, GOOD_RECORD))


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="line 2: "):
        load_questions(write(tmp_path, GOOD_RECORD, "{not json"))


def test_unanswerable_needs_no_evidence_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    record = {**GOOD_RECORD, "answerable": False, "evidence": [], "facts": [], "section": None}
    (q,) = load_questions(write(tmp_path, "", record))
    assert not q.answerable and q.section is None


def test_split_filter_and_errors(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RECORD, {**GOOD_RECORD, "id": "q2", "split": "dev"})
    assert [q.id for q in load_questions(path, split="dev")] == ["q2"]
    assert len(load_questions(path, split="all")) == 2
    with pytest.raises(DatasetError, match="unknown split"):
        load_questions(path, split="train")
    with pytest.raises(DatasetError, match="not found"):
        load_questions(tmp_path / "missing.jsonl")


def test_bundled_set_loads_with_both_splits_and_languages() -> None:
    questions = load_questions()
    assert questions == load_questions(DEFAULT_QUESTIONS, split="all")
    assert {q.split for q in questions} == {"dev", "test"}
    for split in ("dev", "test"):
        part = load_questions(split=split)
        assert {q.lang for q in part} == {"zh", "en"}
        assert any(not q.answerable for q in part)


def test_bundled_evidence_is_in_the_clean_review(review: Document) -> None:
    assert check_against_document(load_questions(), review) == []


def test_bundled_section_labels_match_the_evidence(review: Document) -> None:
    """The label is a section holding the evidence (a comparison across trials has several),
    and each fragment lies in one section only: an ambiguous fragment credits any passage."""
    wrong = {
        q.id: (q.section, evidence_sections(q, review))
        for q in load_questions()
        if q.evidence and q.section not in evidence_sections(q, review)
    }
    assert wrong == {}
    sections = {p.id: p.section for p in review.passages}
    ambiguous = {
        (q.id, fragment)
        for q in load_questions()
        for fragment in q.evidence
        if len({sections[pid] for pid in evidence_passages(fragment, review)}) != 1
    }
    assert ambiguous == set()


def test_check_reports_fragments_not_in_any_passage(review: Document) -> None:
    q = Question(
        "x", "?", "zh", None, ("率（ORR）达 26%", "不存在的片段"), (("26%",),), True, "", "dev"
    )
    assert check_against_document([q], review) == [
        "x: evidence not found in any passage: '不存在的片段'"
    ]
