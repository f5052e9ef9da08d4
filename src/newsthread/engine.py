"""The story engine: wire copies, events and storylines, as articles arrive.

:class:`StoryEngine` holds everything the engine has learned (document
frequencies, the near-duplicate index, events, storylines) and takes batches of
stored articles through :meth:`StoryEngine.process`. It knows nothing about the
database: the pipeline saves what it returns, and :meth:`StoryEngine.restore`
rebuilds the learned state from what was saved, so a second ``ingest``
continues the same stream.

Decisions, each with its reason:

* A near-duplicate (wire copy) joins its original's event without being compared
  with anything else: it is the same article.
* Events compare lexical TF-IDF (plus names and numbers), and title+lead
  embeddings when available, inside a window of a few days. Each embedding is
  centred on its language's running mean when the article arrives
  (:class:`~newsthread.cluster.LanguageMeans`): raw e5 cosines of any two news
  texts sit at 0.75-0.9 and group by language before topic.
* Storylines compare *names* only (people, organisations, places, canonical
  across languages), inside a window of months: a storyline is "the same actors
  and places", and names are what survives translation. An article that joins an
  event joins that event's storyline; only an article that starts an event is
  matched against storylines.
* A small storyline joins a much larger one it resembles (``absorb_*``): next to
  a storyline ten times its size it is judged like one article, at the joining
  threshold, not at the stricter threshold for merging two storylines.
* Lines learned as boilerplate (``dedup``) are left out before anything is
  compared, the title too when it is one of them (web pages whose first line is
  a menu): the first real line of the text then stands in for it. Articles go
  through one at a time, even within a batch, so what one teaches is used for
  the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from .cluster import (
    CENTRED_EMBEDDING_FLOOR,
    RAW_EMBEDDING_FLOOR,
    ArticleVector,
    Cluster,
    LanguageMeans,
    OnlineClusterer,
    _resolve_chains,
)
from .dedup import Fingerprint, NearDuplicateIndex
from .model import Article
from .represent import NAME_PROFILE_SIZE, DocumentFrequencies, article_terms, name_profile, name_terms, tfidf

EPOCH = date(1970, 1, 1).toordinal()
# How many days a date of each precision can mean, so a month-precise seed date
# overlaps every day of its month.
SPAN_DAYS = {"year": 365.0, "month": 31.0, "day": 1.0, "minute": 1 / 1440, "second": 1 / 86400}

# The stand-in title taken from a text line when the article's own title is boilerplate.
TITLE_CHARS = 160
TITLE_MIN_WORDS = 5  # shorter lines are datelines, bylines and menu items

EntityExtractor = Callable[[str, str], list[str]]


def default_entity_names(text: str, language: str) -> list[str]:
    """Canonical names in ``text``, by the fast gazetteer look-up of :func:`represent.name_terms`."""
    return name_terms(text, language)


def article_span(article: Article) -> tuple[float | None, float | None]:
    """First and last day (days since 1970) the article's date can mean."""
    if not article.published_sort:
        return None, None
    moment = datetime.fromisoformat(article.published_sort)
    start = moment.toordinal() - EPOCH + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400
    return start, start + SPAN_DAYS.get(article.published_precision or "day", 1.0)


@dataclass
class ArticleFeatures:
    """What the engine keeps of an article: enough to restore its state without the text."""

    article_id: int
    language: str
    title: str
    start: float | None
    end: float | None
    terms: dict[str, float]
    names: dict[str, float]
    fingerprint: Fingerprint
    outlet: str | None = None
    embedding: np.ndarray | None = None


@dataclass(frozen=True)
class Assignment:
    """Where one article ended up."""

    article_id: int
    event_id: int
    storyline_id: int
    duplicate_of: int | None


@dataclass
class BatchResult:
    assignments: list[Assignment]
    features: list[ArticleFeatures]
    merged_events: dict[int, int] = field(default_factory=dict)
    merged_storylines: dict[int, int] = field(default_factory=dict)
    # article -> its original (None: it is an original now), for earlier articles re-pointed by this batch
    changed_originals: dict[int, int | None] = field(default_factory=dict)


class StoryEngine:
    """Near-duplicates, online events and storylines.

    Parameters
    ----------
    event_threshold, event_window_days, event_max_span_days:
        Passed to the event :class:`~newsthread.cluster.OnlineClusterer`.
        Events are tight: one happening, reported within days, covering a week at most.
    storyline_threshold, storyline_window_days:
        The same for storylines, over names only: looser, and months wide.
    storyline_undated_threshold:
        Joining threshold for a storyline when the article or the storyline is
        undated: names shared with a storyline months away would otherwise be enough.
    storyline_merge_threshold:
        Two existing storylines merge only above this similarity, higher than the
        joining threshold: a storyline's centroid sums many articles and shares
        some names with every neighbouring conflict, so merging at the joining
        threshold chains separate storylines together.
    absorb_size, absorb_threshold:
        After each batch, a storyline smaller than ``absorb_size`` joins its most
        similar storyline in the window when they share a name of some weight
        (similarity ``absorb_threshold``): an isolated article about a known
        conflict is more likely a part of it than a storyline of its own. 0.1 asks
        for more than a shared country mentioned in passing (0.02, the first
        choice, put a Svalbard sea-ice story into a Baltic cable storyline through
        "Norway").
    absorb_ratio:
        A storyline of any size joins one at least this many times larger when
        their similarity clears the *joining* threshold ``storyline_threshold``:
        beside a storyline ten times its size it weighs like one article, and the
        higher merge threshold is there to keep two big centroids from chaining.
    duplicate_threshold:
        Near-duplicate similarity (see :class:`~newsthread.dedup.NearDuplicateIndex`).
    duplicate_window_days:
        Dated copies further apart than this are separate articles (a re-run), and
        go through event clustering like any other.
    embedding_weight:
        Share of the embedding cosine in event similarity when both sides have one.
    centre_embeddings:
        Compare embeddings after subtracting their language's running mean
        (:class:`~newsthread.cluster.LanguageMeans`): each article is centred when it
        arrives, with the mean of what came before it and itself.
    embedding_floor:
        The cosine that counts as unrelated (:func:`~newsthread.cluster.calibrated_cosine`);
        by default 0.25 for centred embeddings, 0.85 for raw ones.
    entity_names:
        Function from (text, language) to canonical names; replaceable for tests
        and for languages with a better extractor.
    """

    def __init__(
        self,
        *,
        event_threshold: float = 0.3,
        event_window_days: float = 3.0,
        event_max_span_days: float = 7.0,
        storyline_threshold: float = 0.15,
        storyline_window_days: float = 150.0,
        storyline_merge_threshold: float = 0.2,
        storyline_undated_threshold: float = 0.3,
        absorb_size: int = 3,
        absorb_threshold: float = 0.1,
        absorb_ratio: float = 10.0,
        duplicate_threshold: float = 0.5,
        duplicate_window_days: float = 7.0,
        embedding_weight: float = 0.5,
        centre_embeddings: bool = True,
        embedding_floor: float | None = None,
        entity_names: EntityExtractor | None = None,
    ) -> None:
        self.absorb_size = absorb_size
        self.storyline_merge_threshold = storyline_merge_threshold
        self.duplicate_window_days = duplicate_window_days
        self.absorb_threshold = absorb_threshold
        self.absorb_ratio = absorb_ratio
        self.entity_names = entity_names or default_entity_names
        self.term_frequencies_ = DocumentFrequencies()
        self.name_frequencies_ = DocumentFrequencies()
        self.duplicates_ = NearDuplicateIndex(threshold=duplicate_threshold)
        self.centre_embeddings = centre_embeddings
        if embedding_floor is None:
            embedding_floor = CENTRED_EMBEDDING_FLOOR if centre_embeddings else RAW_EMBEDDING_FLOOR
        self.language_means_: LanguageMeans | None = None  # created with the first embedding
        self.events_ = OnlineClusterer(
            threshold=event_threshold, window_days=event_window_days, embedding_weight=embedding_weight,
            max_span_days=event_max_span_days, embedding_floor=embedding_floor,
        )
        self.storylines_ = OnlineClusterer(
            threshold=storyline_threshold, window_days=storyline_window_days, embedding_weight=0.0,
            undated_threshold=storyline_undated_threshold,
            centroid_terms=40, query_terms=NAME_PROFILE_SIZE,
        )
        self.duplicate_of_: dict[int, int] = {}
        self.copies_of_: dict[int, set[int]] = {}
        self.start_of_: dict[int, float | None] = {}
        self.changed_originals_: dict[int, int | None] = {}
        self.storyline_of_event_: dict[int, int] = {}
        self.absorb_checked_: dict[int, int] = {}  # storyline -> its size when last checked for absorbing
        self.events_of_storyline_: dict[int, set[int]] = {}

    # -- features -------------------------------------------------------------------
    def features(self, article: Article, embedding: np.ndarray | None = None) -> ArticleFeatures:
        """Compute an article's features and learn its document frequencies."""
        assert article.id is not None, "the engine works on stored articles"
        # Lines seen across unrelated articles (menus, newsletter plugs) say nothing about the story.
        text = self.duplicates_.without_boilerplate(article.text)
        # A page's first line is often its site's name or menu ("Boutique le Point"), and
        # readers take it as the title: then the first line that is not boilerplate stands in.
        title = article.title
        if self.duplicates_.is_boilerplate(title):
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            title = next((line for line in lines if len(line.split()) >= TITLE_MIN_WORDS), "")[:TITLE_CHARS]
        names = Counter("@" + name for name in self.entity_names(f"{title}\n{text}", article.language))
        terms = article_terms(title, text, article.language)
        terms.update(names)  # names are "@"-prefixed, so this appends them (as ``+`` would, without a copy)
        self.term_frequencies_.partial_fit(terms)
        self.name_frequencies_.partial_fit(names)
        start, end = article_span(article)
        return ArticleFeatures(
            article_id=article.id, language=article.language, title=title or article.title, start=start, end=end,
            terms=tfidf(terms, self.term_frequencies_), names=name_profile(names, self.name_frequencies_),
            fingerprint=self.duplicates_.fingerprint(f"{article.title}\n{article.text}"),
            outlet=article.outlet, embedding=embedding,
        )

    # -- online processing ----------------------------------------------------------------
    def process(self, articles: Iterable[Article], embeddings: dict[int, np.ndarray] | None = None) -> BatchResult:
        """Assign a batch of stored articles; consolidate the events and storylines it touched."""
        embeddings = embeddings or {}
        features: list[ArticleFeatures] = []
        touched_events: set[int] = set()
        # One article at a time, features then assignment, so that boilerplate learned
        # from an article is already left out of the next one in the same batch.
        for article in articles:
            if article.id in self.events_.assignment_:
                continue
            item = self.features(article, embeddings.get(article.id))
            features.append(item)
            touched_events.add(self._assign(item))
        merged_events = self.events_.consolidate(sorted(touched_events))
        forced_storyline_merges = self._follow_event_merges(merged_events)
        touched_storylines = {self.storyline_of_event_[e] for e in touched_events if e in self.events_.clusters_}
        merged_storylines = self.storylines_.consolidate(
            sorted(touched_storylines), threshold=self.storyline_merge_threshold
        )
        absorbed = self._absorb_small_storylines(touched_storylines)
        self._follow_storyline_merges(merged_storylines)
        self._follow_storyline_merges(absorbed)
        merged_storylines = _resolve_chains({**forced_storyline_merges, **merged_storylines, **absorbed})
        changed, self.changed_originals_ = self.changed_originals_, {}
        return BatchResult(
            assignments=[self.assignment(item.article_id) for item in features],
            features=features, merged_events=merged_events, merged_storylines=merged_storylines,
            changed_originals=changed,
        )

    def _assign(self, item: ArticleFeatures) -> int:
        # A story re-run weeks later is a new article, not a copy.
        match = self.duplicates_.best_match(
            item.article_id, item.fingerprint,
            allowed=lambda other: not self._too_far_apart(item.start, self.start_of_.get(other)),
        )
        original = match.original_id if match else None
        if original is not None and self._too_far_apart(item.start, self.start_of_.get(original)):
            original = None
        self.duplicates_.add_fingerprint(item.article_id, item.fingerprint, original)
        vector = self._event_vector(item)
        self.start_of_[item.article_id] = item.start
        if original is not None and original in self.events_.assignment_:
            self._record_copy(item, original)
            event = self.events_.clusters_[self.events_.assignment_[original]]
            self.events_.add(event, vector, 0.0)
            self._add_to_storyline(self.storyline_of_event_[event.id], item)
            return event.id
        [event_id] = self.events_.partial_fit([vector])
        if event_id in self.storyline_of_event_:
            self._add_to_storyline(self.storyline_of_event_[event_id], item)
        else:
            [storyline_id] = self.storylines_.partial_fit([self._storyline_vector(item)])
            self._set_storyline(event_id, storyline_id)
        return event_id

    def _too_far_apart(self, a: float | None, b: float | None) -> bool:
        return a is not None and b is not None and abs(a - b) > self.duplicate_window_days

    def _record_copy(self, item: ArticleFeatures, original: int) -> None:
        """Link a copy to its group; the earliest-published member is the original.

        Wire copies arrive in any order, so a copy that turns out to be older than
        the group's original takes its place and every member points to it.
        """
        original_start = self.start_of_.get(original)
        if item.start is None or (original_start is not None and original_start <= item.start):
            self._point(item.article_id, original)
            return
        for member in [original, *self.copies_of_.pop(original, set())]:
            self._point(member, item.article_id)
        self.duplicate_of_.pop(item.article_id, None)
        self.duplicates_.original_of_.pop(item.article_id, None)
        self.changed_originals_[item.article_id] = None

    def _point(self, copy: int, original: int) -> None:
        self.duplicate_of_[copy] = original
        self.duplicates_.original_of_[copy] = original
        self.copies_of_.setdefault(original, set()).add(copy)
        self.changed_originals_[copy] = original

    def _event_vector(self, item: ArticleFeatures) -> ArticleVector:
        """The article as events compare it; call once per article, in arrival order (it learns the means)."""
        return ArticleVector(
            item.article_id, item.terms, item.language, item.title, item.start, item.end,
            self._compared_embedding(item), item.outlet,
        )

    def _compared_embedding(self, item: ArticleFeatures) -> np.ndarray | None:
        """The embedding centred on its language's mean so far (itself included), or as it is."""
        if item.embedding is None or not self.centre_embeddings:
            return item.embedding
        if self.language_means_ is None:
            self.language_means_ = LanguageMeans(_shipped_centres())
        self.language_means_.add(item.embedding, item.language)
        return self.language_means_.centred(item.embedding, item.language)

    def _storyline_vector(self, item: ArticleFeatures) -> ArticleVector:
        # Articles without names still need a storyline; their terms stand in.
        names = item.names or item.terms
        return ArticleVector(item.article_id, names, item.language, item.title, item.start, item.end)

    def _add_to_storyline(self, storyline_id: int, item: ArticleFeatures) -> None:
        storyline = self.storylines_.clusters_[storyline_id]
        self.storylines_.add(storyline, self._storyline_vector(item), 0.0)

    def _follow_event_merges(self, merged: dict[int, int]) -> dict[int, int]:
        """Give each merged event one storyline; return the storyline merges this caused.

        The two storylines merge only when they are alike by the storyline
        standard; otherwise the merged event keeps the storyline of the event it
        was merged into. One over-eager event merge must not chain two storylines.
        """
        storyline_merges: dict[int, int] = {}
        for dropped, kept in merged.items():
            a = self.storyline_of_event_.pop(dropped)
            self.events_of_storyline_.get(a, set()).discard(dropped)
            b = self.storyline_of_event_[kept]
            clusters = self.storylines_.clusters_
            if a == b or a not in clusters or b not in clusters:
                continue
            if self.storylines_.cluster_similarity(clusters[a], clusters[b]) < self.storyline_merge_threshold:
                continue
            keep, drop = sorted((clusters[a], clusters[b]), key=lambda c: (-c.size, c.id))
            self.storylines_.merge(keep, drop)
            self._follow_storyline_merges({drop.id: keep.id})
            storyline_merges[drop.id] = keep.id
        return storyline_merges

    def _set_storyline(self, event_id: int, storyline_id: int) -> None:
        self.storyline_of_event_[event_id] = storyline_id
        self.events_of_storyline_.setdefault(storyline_id, set()).add(event_id)

    def _absorb_small_storylines(self, touched: set[int]) -> dict[int, int]:
        """Merge small storylines into a much larger one they resemble; return the merges.

        A storyline under ``absorb_size`` joins its most similar storyline at
        ``absorb_threshold``. A larger one joins a storyline at least
        ``absorb_ratio`` times its size at the *joining* threshold: next to a big
        storyline it is like one article, and the higher merge threshold exists
        only to keep two big centroids from chaining.
        """
        merged: dict[int, int] = {}
        clusters = self.storylines_.clusters_
        for storyline_id in sorted(touched, key=lambda s: (clusters[s].size if s in clusters else 0, s)):
            small = clusters.get(storyline_id)
            # An undated storyline has no window to be absorbed within: it stays on its own.
            if small is None or small.start is None:
                continue
            tiny = small.size < self.absorb_size
            # Like consolidation, a larger storyline is checked again only once it has grown by a quarter.
            if not tiny and small.size < 1.25 * self.absorb_checked_.get(small.id, 0):
                continue
            if not tiny:
                self.absorb_checked_[small.id] = small.size
            best, best_score = None, self.absorb_threshold if tiny else self.storylines_.threshold
            # Every name of the small storyline finds candidates: its heaviest names are often
            # the ones no big storyline lists (a local official), while the name it shares
            # with the storyline it belongs to (the country) weighs less.
            candidates = self.storylines_.index_.candidates(
                list(small.centroid(self.storylines_.centroid_terms)), small.start, small.end,
                self.storylines_.window_days,
            )
            for other_id in candidates:
                other = clusters.get(other_id)
                if other is None or other.id == small.id or other.start is None:
                    continue
                if other.size < (small.size if tiny else self.absorb_ratio * small.size):
                    continue
                score = self.storylines_.cluster_similarity(small, other)
                if score >= best_score:
                    best, best_score = other, score
            if best is not None:
                self.storylines_.merge(best, small)
                merged[small.id] = best.id
        return _resolve_chains(merged)

    def _follow_storyline_merges(self, merged: dict[int, int]) -> None:
        """Move the events of each dropped storyline to the one it merged into."""
        for dropped, kept in merged.items():
            self.absorb_checked_.pop(dropped, None)
            for event_id in self.events_of_storyline_.pop(dropped, set()):
                self._set_storyline(event_id, kept)

    # -- results --------------------------------------------------------------------
    def assignment(self, article_id: int) -> Assignment:
        event_id = self.events_.assignment_[article_id]
        return Assignment(article_id, event_id, self.storyline_of_event_[event_id], self.duplicate_of_.get(article_id))

    def assignments(self) -> list[Assignment]:
        return [self.assignment(article_id) for article_id in self.events_.assignment_]


@dataclass
class EngineRows:
    """The engine's saved state as the store hands it back (see :meth:`StoryEngine.restore`)."""

    features: list[ArticleFeatures]
    assignments: dict[int, tuple[int, int, int | None]]  # article -> (event, storyline, duplicate_of)
    event_titles: dict[int, tuple[str, float]]
    storyline_titles: dict[int, str]
    frequencies: dict[str, dict[str, int]]  # kind ("terms", "names") -> term -> df
    documents: dict[str, int]  # kind -> number of documents


def restore_engine(engine: StoryEngine, rows: EngineRows) -> StoryEngine:
    """Put saved state back into a fresh engine, exactly as it was after the last batch."""
    for kind, frequencies in (("terms", engine.term_frequencies_), ("names", engine.name_frequencies_)):
        frequencies.counts_ = Counter(rows.frequencies.get(kind, {}))
        frequencies.n_documents_ = rows.documents.get(kind, 0)
    stored = [item for item in rows.features if item.article_id in rows.assignments]
    # The near-duplicate index is rebuilt in one go (band keys cut with numpy), not article by article.
    engine.duplicates_.add_fingerprints(
        [(item.article_id, item.fingerprint, rows.assignments[item.article_id][2]) for item in stored]
    )
    for item in stored:
        event_id, storyline_id, duplicate_of = rows.assignments[item.article_id]
        engine.start_of_[item.article_id] = item.start
        if duplicate_of is not None:
            engine.duplicate_of_[item.article_id] = duplicate_of
            engine.copies_of_.setdefault(duplicate_of, set()).add(item.article_id)
        _restore_member(engine.events_, event_id, engine._event_vector(item))
        _restore_member(engine.storylines_, storyline_id, engine._storyline_vector(item))
        engine._set_storyline(event_id, storyline_id)
    for event_id, (title, score) in rows.event_titles.items():
        if event_id in engine.events_.clusters_:
            cluster = engine.events_.clusters_[event_id]
            cluster.title, cluster.title_score = title, score
    for storyline_id, title in rows.storyline_titles.items():
        if storyline_id in engine.storylines_.clusters_:
            engine.storylines_.clusters_[storyline_id].title = title
    for clusterer in (engine.events_, engine.storylines_):
        clusterer.next_id_ = max(clusterer.clusters_, default=0) + 1
        # Each time bucket of the candidate index is built when first used: a stream going on
        # from today reads only recent buckets, so start-up does not pay for the whole past.
        for cluster in clusterer.clusters_.values():
            clusterer.reindex(cluster, deferred=True)
    return engine


def _shipped_centres() -> dict[str, np.ndarray]:
    """The similarity model's title+lead language centres: priors for languages the stream has seen little of."""
    from .similarity import load_centres

    try:
        return load_centres().get("lead", {})
    except (OSError, ValueError):
        return {}


def _restore_member(clusterer: OnlineClusterer, cluster_id: int, vector: ArticleVector) -> None:
    cluster = clusterer.clusters_.get(cluster_id)
    if cluster is None:
        cluster = clusterer.clusters_[cluster_id] = Cluster(cluster_id)
    title, score = cluster.title, cluster.title_score
    clusterer.add(cluster, vector, -1.0, index=False)
    cluster.title, cluster.title_score = title, score
