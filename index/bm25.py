"""BM25 over bilingual tokens, with bm25s doing the scoring."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.segment import tokenize

if TYPE_CHECKING:
    import numpy as np


@contextlib.contextmanager
def _quiet():
    """bm25s prints progress bars and notices; the user's terminal is not its log."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        yield


class BM25Index:
    """``fit(texts)`` tokenizes and indexes; ``scores(query)`` scores every document."""

    def __init__(
        self, *, k1: float = 1.2, b: float = 0.75, splitter: Callable[[str], list[str]] = tokenize
    ) -> None:
        self.k1, self.b, self.splitter = k1, b, splitter
        self._model = None

    def fit(self, texts: Sequence[str]) -> BM25Index:
        """Index ``texts``; returns self."""
        import bm25s

        self._model = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
        with _quiet():
            self._model.index([self.splitter(t) for t in texts], show_progress=False)
        return self

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed document for ``query`` (zeros when nothing matches)."""
        import numpy as np

        if self._model is None:
            raise RuntimeError("the BM25 index is empty; call fit() or load() first")
        tokens = [t for t in self.splitter(query) if t in self._model.vocab_dict]
        if not tokens:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def known_terms(self, text: str) -> list[str]:
        """The tokens of ``text`` that occur somewhere in the indexed documents."""
        if self._model is None:
            raise RuntimeError("the BM25 index is empty; call fit() or load() first")
        return [t for t in self.splitter(text) if t in self._model.vocab_dict]

    def save(self, folder: Path) -> None:
        with _quiet():
            self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, *, splitter: Callable[[str], list[str]] = tokenize) -> BM25Index:
        import bm25s

        out = cls(splitter=splitter)
        with _quiet():
            out._model = bm25s.BM25.load(str(folder), show_progress=False)
        out.k1, out.b = out._model.k1, out._model.b
        return out
