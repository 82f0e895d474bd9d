"""The saved index folder: round trip, manifest checks, damage detection, atomic rebuilds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.build import build_index, load_or_build
from index.store import IndexConfig, IndexCorrupted, IndexMissing, IndexStale, ReviewIndex

CFG = IndexConfig()


def test_save_load_round_trip(review, fake_embedder, tmp_path: Path) -> None:
    built = build_index(review, CFG, fake_embedder, progress=False)
    built.save(tmp_path / "ix")
    loaded = ReviewIndex.load(tmp_path / "ix", review, CFG, fake_embedder.fingerprint)
    np.testing.assert_allclose(loaded.sentence_vectors(), built.sentence_vectors())
    np.testing.assert_allclose(
        loaded.bm25.scores("塞利尼索 半衰期"), built.bm25.scores("塞利尼索 半衰期")
    )
    manifest = loaded.manifest
    assert manifest["corpus_sha256"] == review.sha256
    assert manifest["n_passages"] == len(review.passages)
    assert manifest["model_fingerprint"] == "fake-embedder-v1"
    assert {"passages.faiss", "sentences.faiss", "config.json"} <= set(manifest["files"])


def test_missing_stale_and_corrupted_are_told_apart(review, fake_embedder, tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    with pytest.raises(IndexMissing, match="reviewqa build"):
        ReviewIndex.load(folder, review, CFG, fake_embedder.fingerprint)
    build_index(review, CFG, fake_embedder, progress=False).save(folder)
    with pytest.raises(IndexStale, match="corpus"):
        ReviewIndex.load(folder, replace(review, sha256="0" * 64), CFG, fake_embedder.fingerprint)
    with pytest.raises(IndexStale, match="embedding model"):
        ReviewIndex.load(folder, review, CFG, "another-model")
    with pytest.raises(IndexStale, match="configuration"):
        ReviewIndex.load(folder, review, replace(CFG, bm25_k1=2.0), fake_embedder.fingerprint)
    # the same passages cut into other sentences: every sentence vector after the cut is
    # another sentence's
    first = review.passages[0]
    merged = replace(first, sentences=first.sentences[:1])
    resegmented = replace(review, passages=(merged, *review.passages[1:]))
    with pytest.raises(IndexStale, match="sentences"):
        ReviewIndex.load(folder, resegmented, CFG, fake_embedder.fingerprint)
    damaged = folder / "passages.faiss"
    damaged.write_bytes(damaged.read_bytes()[:-40])  # truncated
    with pytest.raises(IndexCorrupted, match=r"passages\.faiss"):
        ReviewIndex.load(folder, review, CFG, fake_embedder.fingerprint)


def test_load_or_build_heals_and_is_idempotent(review, fake_embedder, tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    load_or_build(review, folder, CFG, fake_embedder, progress=False)
    stamp = (folder / "manifest.json").stat().st_mtime_ns
    load_or_build(
        review, folder, CFG, fake_embedder, progress=False
    )  # current: loaded, not rebuilt
    assert (folder / "manifest.json").stat().st_mtime_ns == stamp
    (folder / "sentences.faiss").write_bytes(b"garbage")
    healed = load_or_build(review, folder, CFG, fake_embedder, progress=False)
    assert len(healed.sentences) == len(review.sentences)


def test_a_crash_mid_save_leaves_the_previous_index_usable(
    review, fake_embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ix"
    build_index(review, CFG, fake_embedder, progress=False).save(folder)
    again = build_index(review, CFG, fake_embedder, progress=False)

    def crash(self, path: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(type(again.sentences), "save", crash)
    with pytest.raises(OSError, match="disk full"):
        again.save(folder)
    monkeypatch.undo()
    ReviewIndex.load(folder, review, CFG, fake_embedder.fingerprint)  # still fine
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]
