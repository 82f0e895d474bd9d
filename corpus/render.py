"""Views of a Document for people (Markdown) and programs (JSON-ready dicts)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from corpus.model import Document, Passage


def to_markdown(doc: Document) -> str:
    """The clean review in reading order, one heading per section (it is ``doc.text``)."""
    return doc.text


def passage_dict(passage: Passage) -> dict[str, Any]:
    """A passage as plain data; sentences keep their ids, offsets and reference numbers."""
    data = asdict(passage)
    data["refs"] = list(passage.refs)
    data["sentences"] = [{**asdict(s), "refs": list(s.refs)} for s in passage.sentences]
    return data


def to_json_dict(doc: Document) -> dict[str, Any]:
    """The document's passages with its source, checksum and section tree."""
    return {
        "title": doc.title,
        "source": doc.source,
        "sha256": doc.sha256,
        "sections": [asdict(s) for s in doc.sections],
        "passages": [passage_dict(p) for p in doc.passages],
    }
