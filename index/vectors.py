"""A FAISS inner-product index over normalized vectors computed elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class VectorIndex:
    """Exact (flat) search by default; HNSW for corpora of hundreds of thousands of units.

    It never sees the embedding model: ``fit`` takes vectors, ``search`` takes vectors.
    """

    def __init__(self, dim: int, *, kind: str = "flat", hnsw_m: int = 32) -> None:
        if kind not in ("flat", "hnsw"):
            raise ValueError(f"unknown vector index kind {kind!r}; use 'flat' or 'hnsw'")
        self.dim, self.kind, self.hnsw_m = dim, kind, hnsw_m
        self._index = None

    def _new(self):
        import faiss

        if self.kind == "hnsw":
            return faiss.IndexHNSWFlat(self.dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        return faiss.IndexFlatIP(self.dim)

    def fit(self, vectors: np.ndarray) -> VectorIndex:
        """Index ``vectors`` (n, dim), float32 and L2-normalized; returns self."""
        import numpy as np

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(f"expected vectors of shape (n, {self.dim}), got {vectors.shape}")
        self._index = self._new()
        self._index.add(vectors)
        return self

    def __len__(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and row ids (n_queries, k), best first; ids are -1 past the index size."""
        import numpy as np

        if self._index is None:
            raise RuntimeError("the vector index is empty; call fit() or load() first")
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        return self._index.search(queries, min(k, len(self)))

    def all_scores(self, query: np.ndarray) -> np.ndarray:
        """Score of one query for every indexed vector, in row order (0 where HNSW skips one).

        Fusion ranks every passage, so this asks FAISS for all of them rather than copying the
        stored vectors out on every query.
        """
        import numpy as np

        scores, ids = self.search(query, len(self))
        out = np.zeros(len(self), dtype=np.float32)
        keep = ids[0] >= 0
        out[ids[0][keep]] = scores[0][keep]
        return out

    def vectors(self) -> np.ndarray:
        """Every stored vector, row i as added."""
        if self._index is None:
            raise RuntimeError("the vector index is empty; call fit() or load() first")
        return self._index.reconstruct_n(0, len(self))

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, *, kind: str = "flat") -> VectorIndex:
        """Read an index file; a damaged file raises a RuntimeError from FAISS."""
        import faiss

        index = faiss.read_index(str(path))
        out = cls(index.d, kind=kind)
        out._index = index
        return out
