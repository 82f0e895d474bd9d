"""Shared fixtures: a deterministic fake embedder for fast tests, the real assistant for slow ones."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest


class FakeEmbedder:
    """Hashes character bigrams into a normalized vector: deterministic, instant, no model."""

    dim = 64

    @property
    def fingerprint(self) -> str:
        return "fake-embedder-v1"

    def _one(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        text = text.lower()
        for i in range(len(text) - 1):
            h = int(hashlib.md5(text[i : i + 2].encode()).hexdigest(), 16)
            vec[h % self.dim] += 1.0
        norm = np.linalg.norm(vec)
        return vec / norm if norm else vec

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._one(t) for t in texts])

    def passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        return np.stack([self._one(t) for t in texts])


@pytest.fixture(scope="session")
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def review():
    from corpus import load_review

    return load_review()


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory: pytest.TempPathFactory):
    """The real assistant (real model, real FAISS index) built into a temporary folder."""
    from assistant import Assistant

    folder: Path = tmp_path_factory.mktemp("index")
    return Assistant.load(folder, progress=False)
