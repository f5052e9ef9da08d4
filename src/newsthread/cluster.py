"""Online event clustering, consolidation, and storylines.

An *event* is one happening as a reader would name it; a *storyline* is a chain
of events about the same actors and topic over weeks or months.

Each arriving article is compared with the events that share one of its
heaviest terms and whose time span is within ``window_days`` of its date; it
joins the most similar one when the similarity clears ``threshold``, otherwise
it starts a new event. After a batch, :meth:`EventClusterer.consolidate` merges
events that were split early (two halves of one event that each grew before
they met). Events then join storylines the same way, by names and topic terms,
with a much wider time window.

Similarity is the cosine of TF-IDF vectors (``represent``), blended with the
cosine of title+lead embeddings when both sides have one (the engine centres
those per language first, see :class:`LanguageMeans`). Entity names are
terms too, prefixed ``@``, and weigh more in storylines than in events.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

from .represent import cosine
from .similarity import centred_unit

_STAMPS = itertools.count()
_CENTROIDS: OrderedDict[tuple[int, int | None], dict[str, float]] = OrderedDict()
CENTROID_CACHE_SIZE = 4_096


@dataclass
class ArticleVector:
    """One article as the engine sees it.

    ``start``/``end`` are the first and last day (days since 1970-01-01) its
    publication date can mean: a month-precise date spans the month. Both are
    ``None`` for an undated article, which then clusters on content alone.
    """

    article_id: int
    terms: dict[str, float]
    language: str
    title: str
    start: float | None = None
    end: float | None = None
    embedding: np.ndarray | None = None
    outlet: str | None = None


@dataclass
class Cluster:
    """An event or a storyline: a running sum of member vectors and a time span."""

    id: int
    term_sum: dict[str, float] = field(default_factory=dict)
    embedding_sum: np.ndarray | None = None
    embedded: int = 0
    size: int = 0
    start: float | None = None
    end: float | None = None
    last_start: float | None = None  # the latest member's start
    members: list[int] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    title: str = ""
    title_score: float = -1.0
    # A fresh stamp on every change keys the shared centroid cache (see centroid()).
    _stamp: int = field(default_factory=lambda: next(_STAMPS), repr=False, compare=False)
    _mean: np.ndarray | None = field(default=None, repr=False, compare=False)

    def centroid(self, top: int | None = None) -> dict[str, float]:
        """The normalised mean of the members' term vectors, its ``top`` terms only.

        Centroids are compared far more often than clusters change, so they are
        cached; the cache is one LRU for all clusters, so the memory it takes stays
        bounded however many clusters a long stream leaves behind.
        """
        key = (self._stamp, top)
        cached = _CENTROIDS.get(key)
        if cached is not None:
            _CENTROIDS.move_to_end(key)
            return cached
        items = self.term_sum.items()
        if top is not None and len(self.term_sum) > top:
            items = sorted(items, key=itemgetter(1), reverse=True)[:top]
        norm = math.sqrt(sum(w * w for _, w in items)) or 1.0
        centroid = {t: w / norm for t, w in items}
        _CENTROIDS[key] = centroid
        if len(_CENTROIDS) > CENTROID_CACHE_SIZE:
            _CENTROIDS.popitem(last=False)
        return centroid

    def mean_embedding(self) -> np.ndarray | None:
        if self.embedding_sum is None or not self.embedded:
            return None
        if self._mean is None:
            norm = float(np.linalg.norm(self.embedding_sum))
            self._mean = self.embedding_sum / norm if norm else None
        return self._mean

    def add_embedding(self, embedding: np.ndarray, count: int = 1) -> None:
        self.embedding_sum = embedding.copy() if self.embedding_sum is None else self.embedding_sum + embedding
        self.embedded += count
        self._mean = None

    def add_terms(self, terms: dict[str, float], weight: float = 1.0, keep: int = 300) -> None:
        self._stamp = next(_STAMPS)
        for term, value in terms.items():
            self.term_sum[term] = self.term_sum.get(term, 0.0) + weight * value
        if len(self.term_sum) > 2 * keep:
            # Bounded memory: the tail terms of a big cluster never decide a match.
            self.term_sum = dict(sorted(self.term_sum.items(), key=itemgetter(1), reverse=True)[:keep])

    def add_span(self, start: float | None, end: float | None, last_start: float | None = None) -> None:
        if start is None:
            return
        last_start = start if last_start is None else last_start
        self.start = start if self.start is None else min(self.start, start)
        self.end = end if self.end is None else max(self.end, end)
        self.last_start = last_start if self.last_start is None else max(self.last_start, last_start)


def calibrated_cosine(cosine_value: float, floor: float) -> float:
    """Rescale an embedding cosine so that ``floor`` (what unrelated texts score) maps to 0.

    multilingual-e5 puts any two news texts at a cosine of 0.75 to 0.9, so a raw
    cosine blended with a lexical one would make everything look related.
    """
    return max(0.0, (cosine_value - floor) / (1.0 - floor))


# The calibrated-cosine floors of raw and of language-centred e5 title+lead cosines. Each is the
# 99th percentile of random same-language SemEval-2022 pairs (raw 0.849, centred 0.232) and near
# the 90th of pairs the annotators judged unrelated (raw 0.850, centred 0.296); see docs/benchmarks.md.
RAW_EMBEDDING_FLOOR = 0.85
CENTRED_EMBEDDING_FLOOR = 0.25


class LanguageMeans:
    """Running mean embedding per language, to centre embeddings as articles stream in.

    multilingual-e5 gives every text a large shared component and every language
    another, so raw cosines group by language first and sit at 0.75-0.9 for any two
    news texts. Subtracting the mean of the text's language leaves what the text says
    (storyline F1 on ML-Crisis, and pair similarity's Pearson r, both gain).

    A language's mean is shrunk towards a prior while it has few texts:
    ``(sum + k * prior) / (n + k)`` with ``k = prior_weight``, the prior being the
    ``shipped`` centre of that language when there is one (the similarity model's
    title+lead centres), else the running mean of all languages (itself shrunk towards
    the shipped all-language centre). About 30 texts give a centre as good as 200
    (``similarity.language_centres``), hence ``k = 30``.
    """

    def __init__(self, shipped: dict[str, np.ndarray] | None = None, *, prior_weight: float = 30.0,
                 any_language: str = "*") -> None:
        self.shipped = {k: np.asarray(v, np.float64) for k, v in (shipped or {}).items()}
        self.prior_weight = prior_weight
        self.any_language = any_language
        self.sums: dict[str, np.ndarray] = {}
        self.counts: Counter = Counter()
        self.total: np.ndarray | None = None
        self.n_total = 0

    def add(self, embedding: np.ndarray, language: str) -> None:
        vector = np.asarray(embedding, np.float64)
        if self.total is None:
            # Centres of another model (another dimension) are no prior for this one.
            self.shipped = {k: v for k, v in self.shipped.items() if v.shape == vector.shape}
        self.sums[language] = vector.copy() if language not in self.sums else self.sums[language] + vector
        self.counts[language] += 1
        self.total = vector.copy() if self.total is None else self.total + vector
        self.n_total += 1

    def _shrunk(self, total: np.ndarray | None, n: int, prior: np.ndarray | None) -> np.ndarray | None:
        if prior is None:
            return None if total is None or not n else total / n
        if total is None:
            return prior
        return (total + self.prior_weight * prior) / (n + self.prior_weight)

    def mean(self, language: str) -> np.ndarray | None:
        """The current centre of ``language`` (None before any embedding and without a prior)."""
        overall = self._shrunk(self.total, self.n_total, self.shipped.get(self.any_language))
        prior = self.shipped.get(language, overall)
        return self._shrunk(self.sums.get(language), self.counts[language], prior)

    def centred(self, embedding: np.ndarray, language: str) -> np.ndarray:
        """``embedding`` minus its language's current mean, at unit length."""
        centre = self.mean(language)
        if centre is None:
            return embedding
        return centred_unit(np.asarray(embedding, np.float64), centre).astype(np.float32)


def _span_with(cluster: Cluster, vector: ArticleVector) -> float:
    """Days between the earliest and latest start of the cluster with the vector in it.

    Starts, not ends: a month-precise date ("2022-09") is one point in time whose
    exact day is unknown, not an event lasting a month.
    """
    if cluster.start is None or vector.start is None:
        return 0.0
    return max(cluster.last_start, vector.start) - min(cluster.start, vector.start)


def _joint_span(a: Cluster, b: Cluster) -> float:
    if a.start is None or b.start is None:
        return 0.0
    return max(a.last_start, b.last_start) - min(a.start, b.start)


def time_gap(a_start: float | None, a_end: float | None, b_start: float | None, b_end: float | None) -> float:
    """Days between two spans (0 when they overlap or either is undated)."""
    if a_start is None or b_start is None:
        return 0.0
    return max(0.0, b_start - a_end, a_start - b_end)


UNDATED = None  # the time bucket of clusters without a date


def _collect(found: set[int], posting: int | list[int] | None) -> None:
    """Add a posting's cluster ids (one id, or a list of them) to ``found``."""
    if isinstance(posting, list):
        found.update(posting)
    elif posting is not None:
        found.add(posting)


class _InvertedIndex:
    """Time bucket -> term -> ids of clusters whose centroid holds the term, newest last.

    Bucketing by time keeps a query's candidates to the clusters near its date,
    so the cost of finding candidates does not grow with the length of the
    stream. A cluster is listed under every bucket its time span touches;
    undated clusters sit in their own bucket, which every query also reads, and
    an undated query reads every bucket of its terms.

    A restored engine lists its clusters with :meth:`defer`: each bucket's postings
    are built the first time the bucket is read or written, in the order the
    clusters were deferred, so the index is the one an eager rebuild gives, but a
    stream that goes on from today never pays for the buckets of past years.
    """

    def __init__(self, max_postings: int, bucket_days: float) -> None:
        self.max_postings = max_postings
        self.bucket_days = bucket_days
        # Nested by bucket rather than keyed by (term, bucket): a query then looks up plain
        # strings, without building and hashing a tuple per term and bucket. A term listed by
        # one cluster (most of them: a new event's rarer terms) holds its id, not a one-id
        # list: about 2 kB less per article, and fewer objects for the garbage collector.
        self.postings: dict[int | None, dict[str, int | list[int]]] = {}
        self.buckets_of_term: dict[str, set[int | None]] = defaultdict(set)
        # cluster id -> bucket -> the terms it is listed under there (what remove() must undo)
        self.keys_of: dict[int, dict[int | None, set[str]]] = defaultdict(dict)
        # Deferred listings (see defer): bucket -> [(cluster id, terms)], and cluster id -> its buckets.
        self.pending: dict[int | None, list[tuple[int, list[str]]]] = {}
        self.pending_buckets: dict[int, list[int | None]] = {}

    def buckets(self, start: float | None, end: float | None) -> list[int | None]:
        if start is None:
            return [UNDATED]
        return list(range(int(start // self.bucket_days), int(end // self.bucket_days) + 1))

    def defer(self, cluster_id: int, terms: list[str], start: float | None, end: float | None) -> None:
        """List the cluster as :meth:`update` would, each bucket when it is first needed (bulk restore)."""
        buckets = self.buckets(start, end)
        for bucket in buckets:
            self.pending.setdefault(bucket, []).append((cluster_id, terms))
        self.pending_buckets.setdefault(cluster_id, []).extend(buckets)

    def _materialise(self, buckets: list[int | None]) -> None:
        for bucket in buckets:
            entries = self.pending.pop(bucket, None)
            for cluster_id, terms in entries or ():
                self._list(cluster_id, terms, bucket)
        if not self.pending:
            self.pending_buckets.clear()

    def materialise_all(self) -> None:
        """Build every deferred bucket now."""
        self._materialise(list(self.pending))

    def update(self, cluster_id: int, terms: list[str], start: float | None, end: float | None) -> None:
        buckets = self.buckets(start, end)
        if self.pending:
            # A cluster's span only grows, so its deferred buckets are among these.
            self._materialise(buckets)
            self.pending_buckets.pop(cluster_id, None)
        for bucket in buckets:
            self._list(cluster_id, terms, bucket)

    def _list(self, cluster_id: int, terms: list[str], bucket: int | None) -> None:
        known = self.keys_of[cluster_id].setdefault(bucket, set())
        # A cluster re-listed after one more member mostly keeps its top terms: the set
        # difference (in C) leaves only the few new ones. Each term has its own posting
        # list, so the order they are listed in does not matter.
        new = set(terms).difference(known)
        known |= new
        table = self.postings.setdefault(bucket, {})
        for term in new:
            self.buckets_of_term[term].add(bucket)
            posting = table.get(term)
            if posting is None and self.max_postings >= 1:
                table[term] = cluster_id
                continue
            if not isinstance(posting, list):
                posting = table[term] = [] if posting is None else [posting]
            posting.append(cluster_id)
            if len(posting) > self.max_postings:
                del posting[: len(posting) - self.max_postings]

    def remove(self, cluster_id: int) -> None:
        if self.pending:
            self._materialise(self.pending_buckets.pop(cluster_id, []))
        for bucket, terms in self.keys_of.pop(cluster_id, {}).items():
            table = self.postings.get(bucket, {})
            for term in terms:
                posting = table.get(term)
                if posting == cluster_id:
                    del table[term]
                elif isinstance(posting, list) and cluster_id in posting:
                    posting.remove(cluster_id)

    def candidates(self, terms: list[str], start: float | None = None, end: float | None = None,
                   window: float = 0.0) -> set[int]:
        found: set[int] = set()
        if start is None:
            if self.pending:
                self.materialise_all()
            for term in terms:
                for bucket in self.buckets_of_term.get(term, ()):
                    _collect(found, self.postings[bucket].get(term))
            return found
        wanted = [*self.buckets(start - window, end + window), UNDATED]
        if self.pending:
            self._materialise(wanted)
        tables = [table for bucket in wanted if (table := self.postings.get(bucket))]
        for term in terms:
            for table in tables:
                posting = table.get(term)  # _collect, inlined: this loop runs for every article
                if isinstance(posting, list):
                    found.update(posting)
                elif posting is not None:
                    found.add(posting)
        return found


class OnlineClusterer:
    """Single-pass clustering of vectors into :class:`Cluster` objects.

    Parameters
    ----------
    threshold:
        Minimum similarity to join an existing cluster. Lower merges more
        (fewer, broader clusters); higher splits more.
    window_days:
        A member may be at most this many days from the cluster's time span.
        Events use days, storylines months.
    embedding_weight:
        Share of the embedding cosine in the similarity when both sides have an
        embedding (the rest is the lexical cosine).
    embedding_floor:
        The embedding cosine that counts as "unrelated" (see :func:`calibrated_cosine`).
    undated_threshold:
        The joining threshold when the article or the cluster has no date (None:
        the same as ``threshold``). Time rules out most wrong joins of dated
        articles; an undated one has only its content.
    max_span_days:
        Longest time a cluster may cover. Without it a cluster whose members keep
        arriving within the window of its newest member grows without end: right
        for a storyline, wrong for an event.
    query_terms:
        How many of a vector's heaviest terms are used to find candidates.
        More finds more candidates at more cost per article.
    centroid_terms:
        Terms of each centroid that are indexed and compared.
    max_postings:
        Clusters remembered per term; the oldest drop out, which keeps the cost of
        a very common term bounded as the store grows.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.3,
        window_days: float = 3.0,
        embedding_weight: float = 0.5,
        embedding_floor: float = RAW_EMBEDDING_FLOOR,
        max_span_days: float | None = None,
        undated_threshold: float | None = None,
        query_terms: int = 12,
        centroid_terms: int = 80,
        max_postings: int = 400,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.embedding_weight = embedding_weight
        self.embedding_floor = embedding_floor
        self.max_span_days = max_span_days
        self.undated_threshold = undated_threshold
        self.query_terms = query_terms
        self.centroid_terms = centroid_terms
        self.max_postings = max_postings
        self.clusters_: dict[int, Cluster] = {}
        self.assignment_: dict[int, int] = {}
        # Buckets as wide as the window: a query reads at most three per term.
        self.index_ = _InvertedIndex(max_postings, bucket_days=max(window_days, 1.0))
        self.checked_size_: dict[int, int] = {}
        self.next_id_ = 1

    # -- similarity -----------------------------------------------------------------
    def similarity(self, vector: ArticleVector, cluster: Cluster) -> float:
        if time_gap(vector.start, vector.end, cluster.start, cluster.end) > self.window_days:
            return 0.0
        if self.max_span_days is not None and _span_with(cluster, vector) > self.max_span_days:
            return 0.0
        lexical = cosine(vector.terms, cluster.centroid(self.centroid_terms))
        mean = cluster.mean_embedding()
        if vector.embedding is None or mean is None or not self.embedding_weight:
            return lexical
        dense = calibrated_cosine(float(np.dot(vector.embedding, mean)), self.embedding_floor)
        return (1 - self.embedding_weight) * lexical + self.embedding_weight * dense

    def best_cluster(self, vector: ArticleVector) -> tuple[Cluster | None, float]:
        query = sorted(vector.terms, key=vector.terms.get, reverse=True)[: self.query_terms]
        best, best_score = None, 0.0
        for cluster_id in self.index_.candidates(query, vector.start, vector.end, self.window_days):
            cluster = self.clusters_[cluster_id]
            score = self.similarity(vector, cluster)
            if score > best_score:
                best, best_score = cluster, score
        return best, best_score

    # -- learning -------------------------------------------------------------------
    def partial_fit(self, vectors: list[ArticleVector]) -> list[int]:
        """Assign each vector to a cluster, creating clusters as needed."""
        assigned = []
        for vector in vectors:
            previous = self.assignment_.get(vector.article_id)
            if previous is not None:
                assigned.append(previous)
                continue
            cluster, score = self.best_cluster(vector)
            if cluster is None or score < self._threshold_for(vector, cluster):
                cluster = self.new_cluster()
                score = 1.0
            self.add(cluster, vector, score)
            assigned.append(cluster.id)
        return assigned

    def _threshold_for(self, vector: ArticleVector, cluster: Cluster) -> float:
        """Without dates on both sides, content alone must carry the decision, so it must be stronger."""
        if self.undated_threshold is not None and (vector.start is None or cluster.start is None):
            return max(self.threshold, self.undated_threshold)
        return self.threshold

    def new_cluster(self) -> Cluster:
        cluster = Cluster(self.next_id_)
        self.next_id_ += 1
        self.clusters_[cluster.id] = cluster
        return cluster

    def add(self, cluster: Cluster, vector: ArticleVector, score: float, *, index: bool = True) -> None:
        """Add a member; ``index=False`` defers the candidate index (bulk restore)."""
        cluster.add_terms(vector.terms)
        cluster.add_span(vector.start, vector.end)
        if vector.embedding is not None:
            cluster.add_embedding(vector.embedding)
        cluster.size += 1
        cluster.members.append(vector.article_id)
        cluster.languages[vector.language] += 1
        if score > cluster.title_score:
            cluster.title, cluster.title_score = vector.title, score
        self.assignment_[vector.article_id] = cluster.id
        if index:
            self.reindex(cluster)

    # -- consolidation ----------------------------------------------------------------
    def cluster_similarity(self, a: Cluster, b: Cluster) -> float:
        if time_gap(a.start, a.end, b.start, b.end) > self.window_days:
            return 0.0
        if self.max_span_days is not None and _joint_span(a, b) > self.max_span_days:
            return 0.0
        lexical = cosine(a.centroid(self.centroid_terms), b.centroid(self.centroid_terms))
        ea, eb = a.mean_embedding(), b.mean_embedding()
        if ea is None or eb is None or not self.embedding_weight:
            return lexical
        dense = calibrated_cosine(float(np.dot(ea, eb)), self.embedding_floor)
        return (1 - self.embedding_weight) * lexical + self.embedding_weight * dense

    def consolidate(self, cluster_ids: list[int] | None = None, *, threshold: float | None = None) -> dict[int, int]:
        """Merge clusters that are as similar as a member is to its cluster.

        Only ``cluster_ids`` (the clusters touched by the last batch) are checked
        against their candidates, so the cost follows the batch, not the store.
        Returns ``{removed_id: kept_id}``; the larger cluster (then the older) is kept.
        """
        threshold = self.threshold if threshold is None else threshold
        merged: dict[int, int] = {}
        if cluster_ids is None:
            cluster_ids = list(self.clusters_)
        queue = [c for c in cluster_ids if c in self.clusters_ and self._changed_enough(self.clusters_[c])]
        while queue:
            cluster = self.clusters_.get(queue.pop())
            if cluster is None:
                continue
            top = list(cluster.centroid(self.query_terms))
            best, best_score = None, threshold
            for other_id in self.index_.candidates(top, cluster.start, cluster.end, self.window_days):
                if other_id == cluster.id:
                    continue
                score = self.cluster_similarity(cluster, self.clusters_[other_id])
                if score >= best_score:
                    best, best_score = self.clusters_[other_id], score
            if best is not None:
                keep, drop = sorted((cluster, best), key=lambda c: (-c.size, c.id))
                self.merge(keep, drop)
                merged[drop.id] = keep.id
                queue.append(keep.id)
        return _resolve_chains(merged)

    def _changed_enough(self, cluster: Cluster) -> bool:
        """Re-check a cluster only when it has grown by a quarter since it was last checked.

        A cluster that failed to merge with its neighbours will not pass the same
        threshold after gaining one more member out of a hundred; skipping it keeps
        the cost of consolidation flat as big clusters keep growing.
        """
        checked = self.checked_size_.get(cluster.id, 0)
        if cluster.size < checked * 1.25:
            return False
        self.checked_size_[cluster.id] = cluster.size
        return True

    def merge(self, keep: Cluster, drop: Cluster) -> None:
        keep.add_terms(drop.term_sum)
        keep.add_span(drop.start, drop.end, drop.last_start)
        if drop.embedding_sum is not None:
            keep.add_embedding(drop.embedding_sum, drop.embedded)
        keep.size += drop.size
        keep.members.extend(drop.members)
        keep.languages.update(drop.languages)
        for member in drop.members:
            self.assignment_[member] = keep.id
        self.index_.remove(drop.id)
        del self.clusters_[drop.id]
        self.reindex(keep)

    def reindex(self, cluster: Cluster, *, deferred: bool = False) -> None:
        """List the cluster under its current top terms and time buckets (``deferred``: as each bucket is needed)."""
        terms = list(cluster.centroid(self.centroid_terms))
        if deferred:
            self.index_.defer(cluster.id, terms, cluster.start, cluster.end)
        else:
            self.index_.update(cluster.id, terms, cluster.start, cluster.end)


def _resolve_chains(merged: dict[int, int]) -> dict[int, int]:
    resolved = {}
    for old, new in merged.items():
        while new in merged:
            new = merged[new]
        resolved[old] = new
    return resolved
