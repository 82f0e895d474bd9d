"""Load a review from disk: PDF-extracted text (repaired), clean text, or Markdown."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path

from corpus.columns import reading_order
from corpus.corrections import Correction, apply_corrections, load_corrections, removed_chars
from corpus.lines import JoinConfig, join_pair, paragraphs
from corpus.model import Document
from corpus.structure import (
    LABELS,
    Draft,
    build_document,
    draft_for_label,
    drafts_from_paragraphs,
    label_key,
)
from corpus.text import normalize_spaces

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_REVIEW = DATA_DIR / "selinexor_rrmm_review.raw.txt"
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")


class CorpusError(ValueError):
    """The review cannot be read or understood; the message says what to fix."""


def sidecar(path: Path, suffix: str) -> Path:
    """``foo.raw.txt`` → ``foo.corrections.tsv``: per-review data lives beside the review."""
    return path.with_name(path.name.split(".")[0] + suffix)


def detect_kind(text: str) -> str:
    """'markdown' when it has Markdown headings, 'pdf' when it has two-column lines, else 'text'."""
    if any(MD_HEADING.match(line) for line in text.splitlines()):
        return "markdown"
    _, layout = reading_order(text.splitlines())
    return "pdf" if layout.region is not None else "text"


def clean_paragraphs(raw: str, kind: str) -> list[str]:
    """Paragraphs of a PDF extraction (columns reordered), or of clean text (blank lines)."""
    lines = raw.splitlines()
    if kind == "text":
        cfg = JoinConfig(blank_lines_break=True, short_line=0.0)
        return paragraphs(lines, width=0.0, cfg=cfg)
    ordered, layout = reading_order(lines)
    if layout.region is None:
        return paragraphs(ordered, layout.column_width)
    # The switch from full-width text to two columns is a paragraph break.
    head = layout.region[0]
    return paragraphs(ordered[:head], layout.column_width) + paragraphs(
        ordered[head:], layout.column_width
    )


def drafts_from_markdown(text: str) -> tuple[str, list[Draft]]:
    """The title (``# …``) and sections (``## 3.1 Title · English title``) of Markdown."""
    title, drafts, buffer = "", [], []

    def flush() -> None:
        if buffer and drafts:
            drafts[-1].paragraphs.append(normalize_spaces(_join_lines(buffer)))
        elif buffer:
            drafts.append(draft_for_label("引言"))
            drafts[-1].paragraphs.append(normalize_spaces(_join_lines(buffer)))
        buffer.clear()

    for line in text.splitlines():
        match = MD_HEADING.match(line)
        if match and len(match.group(1)) == 1 and not drafts:
            title = match.group(2)
        elif match:
            flush()
            drafts.append(_draft_from_heading(match.group(2), len(drafts)))
        elif line.strip():
            buffer.append(line)
        else:
            flush()
    flush()
    return title, drafts


def _join_lines(lines: list[str]) -> str:
    text = lines[0].strip()
    for line in lines[1:]:
        text = join_pair(text, line)
    return text


def _draft_from_heading(heading: str, index: int) -> Draft:
    head, _, title_en = heading.partition(" · ")
    numbered = re.match(r"^(\d+(?:\.\d+)*)\s+(.+)$", head)
    if numbered:
        return Draft(numbered.group(1), numbered.group(2).strip(), title_en.strip())
    if label_key(head) in LABELS:
        draft = draft_for_label(head)
        return Draft(draft.number, draft.title, title_en.strip() or draft.title_en)
    return Draft(f"s{index + 1}", head.strip(), title_en.strip())


def load_meta(path: Path) -> dict[str, object]:
    """Optional per-review metadata: a title and English section titles."""
    meta_path = sidecar(path, ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise CorpusError(f"{meta_path}: not valid JSON ({err}); fix or delete it") from err


def load_review(
    path: str | Path | None = None, *, kind: str = "auto", max_passage_chars: int = 300
) -> Document:
    """Read a review and return the structured, clean document.

    PDF extractions are repaired (columns, hyphenation, line joins, then the review's
    corrections table ``<name>.corrections.tsv`` if one lies beside it); clean text and
    Markdown go through the same structuring, so every review ends up in one shape.
    """
    path = Path(path) if path else DEFAULT_REVIEW
    if not path.is_file():
        raise CorpusError(f"review file not found: {path}")
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path} is not UTF-8 text ({err}); convert it first") from err
    if not raw.strip():
        raise CorpusError(f"{path} is empty")
    kind = detect_kind(raw) if kind == "auto" else kind
    corrections: tuple[Correction, ...] = ()
    if kind == "markdown":
        title, drafts = drafts_from_markdown(raw)
    else:
        if sidecar(path, ".corrections.tsv").exists():
            corrections = load_corrections(sidecar(path, ".corrections.tsv"))
        text = apply_corrections("\n".join(clean_paragraphs(raw, kind)), corrections)
        title, drafts = "", drafts_from_paragraphs(text.split("\n"))
    meta = load_meta(path)
    title = str(meta.get("title", "")) or title
    english = meta.get("sections", {})
    for draft in drafts:
        if isinstance(english, dict) and not draft.title_en:
            draft.title_en = str(english.get(draft.number, ""))
    doc = build_document(drafts, title=title, max_passage_chars=max_passage_chars)
    if not doc.passages:
        raise CorpusError(f"{path}: no text found to index")
    digest = hashlib.sha256(data).hexdigest()
    return replace(doc, source=str(path), sha256=digest, removed=removed_chars(corrections))
