"""Build the review's index, or load it when it is current: the one entry point callers use."""

from __future__ import annotations

import sys
from pathlib import Path

from corpus import Document
from index.bm25 import BM25Index
from index.embedder import Embedder
from index.store import (
    IndexConfig,
    IndexCorrupted,
    IndexMissing,
    IndexStale,
    ReviewIndex,
    make_manifest,
    passage_index_text,
)
from index.vectors import VectorIndex


def _say(progress: bool, message: str) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


def build_index(
    doc: Document, config: IndexConfig, embedder: Embedder, *, progress: bool = True
) -> ReviewIndex:
    """Tokenize and embed the passages and sentences of ``doc`` (in memory; nothing saved)."""
    passage_texts = [passage_index_text(p) for p in doc.passages]
    sentence_texts = [s.text for s in doc.sentences]
    bm25 = BM25Index(k1=config.bm25_k1, b=config.bm25_b).fit(passage_texts)
    _say(progress, f"Embedding {len(passage_texts)} passages and {len(sentence_texts)} sentences…")
    vectors = embedder.passages(passage_texts + sentence_texts, progress=progress)
    n = len(passage_texts)
    passages = VectorIndex(embedder.dim, kind=config.vector_index).fit(vectors[:n])
    sentences = VectorIndex(embedder.dim, kind=config.vector_index).fit(vectors[n:])
    manifest = make_manifest(doc, config, embedder.fingerprint, embedder.dim)
    return ReviewIndex(doc, config, bm25, passages, sentences, manifest)


def load_or_build(
    doc: Document,
    folder: Path,
    config: IndexConfig,
    embedder: Embedder,
    *,
    force: bool = False,
    progress: bool = True,
) -> ReviewIndex:
    """Load the index in ``folder`` if it is current; otherwise build and save it (atomically).

    A stale index (other corpus, model or settings) is rebuilt with a message saying why; a
    damaged one is rebuilt with a warning naming the damaged file.
    """
    if not force:
        try:
            return ReviewIndex.load(folder, doc, config, embedder.fingerprint)
        except IndexMissing:
            _say(progress, f"No index yet at {folder}; building it (one time).")
        except IndexStale as err:
            _say(progress, f"Rebuilding the index at {folder}: {err}.")
        except IndexCorrupted as err:
            _say(progress, f"warning: {err}. Rebuilding it.")
    index = build_index(doc, config, embedder, progress=progress)
    index.save(folder)
    _say(progress, f"Index saved to {folder}.")
    return index
