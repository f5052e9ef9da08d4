"""The wiring: read, normalise, identify language, store, then the story engine.

Stages do not know about each other; this module decides their order, batches
articles, reports progress and writes each batch to the store in one transaction.
The story engine (copies, events, storylines) runs on each batch's new articles
right after they are stored, with their embeddings when those are enabled; an
article stored but not yet clustered (an interrupted run) is picked up at the
start of the next run.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Self

from .embeddings import Embedder
from .engine import StoryEngine, article_span, restore_engine
from .entities import extract_entities
from .language import LanguageIdentifier, normalise_language_code
from .model import Article, Problem, RawArticle
from .normalize import normalise_article
from .quotes import extract_quotes
from .readers import read_paths
from .statements import NewQuote, QuoteEmbedder, StatementGrouper, canonical_speaker, speaker_key
from .store import NEW, UNCHANGED, UPDATED, Store

# Below this many words a detector's guess is weaker than what the file declares.
SHORT_TEXT_WORDS = 25
CONFIDENT = 0.80


@dataclass
class IngestReport:
    """What one ingest run did; ``problems`` holds every rejected file or record,
    ``warnings`` the records kept with something missing (an unreadable date)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    by_language: Counter = field(default_factory=Counter)
    article_ids: list[int] = field(default_factory=list)
    # CPU seconds per stage (read, language, store, engine, entities, quotes, statements,
    # catch-up; "read" also holds whatever falls between stages), for benchmarks; not
    # in as_dict().
    cpu_seconds: Counter = field(default_factory=Counter, compare=False, repr=False)

    @property
    def rejected(self) -> int:
        return len(self.problems)

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    def as_dict(self) -> dict:
        return {
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": self.rejected, "by_language": dict(sorted(self.by_language.items())),
            "problems": [_problem_dict(p) for p in self.problems],
            "warnings": [_problem_dict(p) for p in self.warnings],
        }


def _problem_dict(problem: Problem) -> dict[str, str]:
    return {"source": problem.source, "record": problem.record, "message": problem.message}


class LanguageStage:
    """Sets ``language`` and ``language_confidence`` on each article.

    The detector decides, except for short texts where it is unsure and the input
    declared a language: then the declaration wins. The declaration is kept in
    ``extra['declared_language']`` either way.
    """

    def __init__(self, *, identifier: LanguageIdentifier | None = None) -> None:
        self.identifier = identifier or LanguageIdentifier()
        self.cpu_seconds: Counter = Counter()  # CPU time of language identification

    def pipe(self, articles: list[Article]) -> list[Article]:
        started = time.process_time()
        guesses = self.identifier.pipe(f"{a.title}\n{a.text}" for a in articles)
        self.cpu_seconds["language"] += time.process_time() - started
        for article, guess in zip(articles, guesses):
            declared = normalise_language_code(article.extra.get("declared_language"))
            short = len(article.text.split()) < SHORT_TEXT_WORDS
            if declared and (guess.code == "und" or (short and guess.confidence < CONFIDENT)):
                article.language, article.language_confidence = declared, 1.0
            else:
                article.language, article.language_confidence = guess.code, guess.confidence
        return articles


class StatementsStage:
    """Entity mentions and quotes of each article, speakers resolved, statements grouped.

    Runs after the story engine, so a quote without a named speaker can still be
    grouped with quotes from the same event. With ``embeddings``, renderings of one
    statement in languages that share no spelling (English and Danish) are compared
    by multilingual-e5 embeddings of the quote texts, for plausible candidates only
    (see :class:`newsthread.statements.StatementGrouper`).
    """

    def __init__(self, store: Store, *, grouper: StatementGrouper | None = None, embeddings: bool = False) -> None:
        self.store = store
        self.grouper = grouper or StatementGrouper(embedder=QuoteEmbedder(store=store) if embeddings else None)
        self.cpu_seconds: Counter = Counter()  # CPU time in entity and in quote extraction

    def pipe(self, articles: list[Article]) -> list[Article]:
        events = self.store.assignments([a.id for a in articles])
        with self.store.transaction():
            for article in articles:
                self._one(article, events.get(article.id, {}).get("event"))
        return articles

    def _one(self, article: Article, event_id: int | None) -> None:
        started = time.process_time()
        mentions = extract_entities(article.text, article.language)
        entities_done = time.process_time()
        quotes = extract_quotes(article.text, article.language, title=article.title, mentions=mentions)
        self.cpu_seconds["entities"] += entities_done - started
        self.cpu_seconds["quotes"] += time.process_time() - entities_done
        day = article_span(article)[0]
        rows, news = [], []
        for quote in quotes:
            speaker = canonical_speaker(quote, mentions)
            key = speaker_key(speaker)
            candidates = [
                q
                for q in self.store.stored_quotes(
                    speaker_key=key, event_id=event_id, day=day, window_days=self.grouper.window_days
                )
                if q.article_id != article.id
            ]
            news.append(NewQuote(quote.text, key, day, candidates))
            rows.append({
                "text": quote.text, "speaker": speaker, "speaker_key": key, "speaker_role": quote.speaker_role,
                "kind": quote.kind, "start": quote.start, "end": quote.end, "cue": quote.cue,
                "paragraph": quote.paragraph, "day": day,
            })
        embedder = self.grouper.embedder
        embedding_cpu = embedder.cpu_seconds if embedder else 0.0
        for row, group in zip(rows, self.grouper.group_article(news, article.language), strict=True):
            row["quote_group"] = group
        if embedder:
            self.cpu_seconds["quote embeddings"] += embedder.cpu_seconds - embedding_cpu
        self.store.save_statements(
            article.id, [(m.canonical, m.type, m.text, m.start, m.end) for m in mentions], rows
        )


class IngestPipeline:
    """Reads paths and stores what it finds.

    Parameters
    ----------
    store:
        Where articles go.
    batch_size:
        Articles per transaction. Larger batches are faster; a crash loses at most
        the batch in flight, never half of one.
    on_problem:
        Called with each :class:`Problem` as it happens (the CLI prints it), warnings
        (``problem.warning``) included.
    progress:
        Show a progress bar on stderr.
    embedder:
        The title+lead embedder when ``embeddings`` is on; by default one that keeps its
        vectors in the store only (an evaluation passes one with a directory cache).
    """

    def __init__(
        self,
        store: Store,
        *,
        batch_size: int = 200,
        on_problem: Callable[[Problem], None] | None = None,
        progress: bool = False,
        stories: bool = True,
        embeddings: bool = True,
        statements: bool = True,
        embedder: Embedder | None = None,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.on_problem = on_problem
        self.progress = progress
        self.stories = stories
        self.language = LanguageStage()
        self.embedder = (embedder or Embedder()) if embeddings else None
        self.statements = StatementsStage(store, embeddings=embeddings) if statements else None
        self._engine: StoryEngine | None = None

    def run(self, paths: Sequence[str]) -> IngestReport:
        report = IngestReport()
        clock = _StageClock(report.cpu_seconds)
        self.language.cpu_seconds.clear()
        if self.statements:
            self.statements.cpu_seconds.clear()
        if self.stories:
            self._catch_up()
            clock.lap("catch-up")
            if self.statements:
                clock.split_out(self.statements.cpu_seconds, "catch-up")
        with _progress_bar(self.progress) as bar:
            for batch in _batches(self._normalised(read_paths(paths), report), self.batch_size):
                clock.lap("read")
                new, updated = self._store_batch(self.language.pipe(batch), report)
                clock.lap("store")
                if self.stories and new:
                    self._cluster(new)
                    clock.lap("engine")
                if self.statements and (new or updated):
                    self.statements.pipe(new + updated)
                    clock.lap("statements")
                bar.update(len(batch))
        clock.lap("read")
        clock.split_out(self.language.cpu_seconds, "store")
        if self.statements:
            clock.split_out(self.statements.cpu_seconds, "statements")
        return report

    # -- story engine -------------------------------------------------------------------
    @property
    def engine(self) -> StoryEngine:
        if self._engine is None:
            model = self.embedder.model_name if self.embedder else None
            self._engine = restore_engine(StoryEngine(), self.store.load_engine_rows(model))
        return self._engine

    def _catch_up(self) -> None:
        """Cluster and read quotes of stored articles an earlier run did not finish."""
        pending = self.store.unprocessed_article_ids()
        for start in range(0, len(pending), self.batch_size):
            articles = self.store.articles_by_id(pending[start : start + self.batch_size])
            self._cluster(articles)
            if self.statements:
                self.statements.pipe([a for a in articles if not self.store.has_statements(a.id)])

    def _cluster(self, articles: list[Article]) -> None:
        vectors = self._embeddings(articles) if self.embedder else None
        result = self.engine.process(articles, vectors)
        self.store.save_engine_batch(self.engine, result)

    def _embeddings(self, articles: list[Article]) -> dict:
        model = self.embedder.model_name
        ids = [a.id for a in articles]
        vectors = self.store.cached_embeddings(model, ids)
        missing = [a for a in articles if a.id not in vectors]
        if missing:
            computed = self.embedder.embed(missing)
            self.store.save_embeddings(model, computed)
            vectors.update(computed)
        return vectors

    def _normalised(self, items: Iterable[RawArticle | Problem], report: IngestReport) -> Iterator[Article]:
        for item in items:
            result = normalise_article(item) if isinstance(item, RawArticle) else item
            if isinstance(result, Problem):
                report.problems.append(result)
                self._tell(result)
                continue
            if "unparsed_date" in result.extra:
                warning = Problem(
                    result.source, result.record,
                    f"date {result.extra['unparsed_date']!r} not understood; kept without a date", warning=True,
                )
                report.warnings.append(warning)
                self._tell(warning)
            yield result

    def _tell(self, problem: Problem) -> None:
        if self.on_problem:
            self.on_problem(problem)

    def _store_batch(self, batch: list[Article], report: IngestReport) -> tuple[list[Article], list[Article]]:
        """Save a batch; return the articles that were new and those that were updated."""
        new, updated = [], []
        for article, result in zip(batch, self.store.save_articles(batch), strict=True):
            report.article_ids.append(result.article_id)
            if result.status == NEW:
                new.append(article)
                report.new += 1
            elif result.status == UPDATED:
                updated.append(article)
                report.updated += 1
            elif result.status == UNCHANGED:
                report.unchanged += 1
            report.by_language[article.language] += 1
        return new, updated


class _StageClock:
    """Adds the process CPU time since the previous lap to a stage's total."""

    def __init__(self, totals: Counter) -> None:
        self.totals = totals
        self.last = time.process_time()

    def lap(self, stage: str) -> None:
        now = time.process_time()
        self.totals[stage] += now - self.last
        self.last = now

    def split_out(self, parts: Counter, within: str) -> None:
        """Move the time of ``parts``, measured inside stage ``within``, to stages of their own."""
        for stage, seconds in parts.items():
            self.totals[stage] += seconds
            self.totals[within] -= seconds
        parts.clear()


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _progress_bar(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", desc="ingest", file=sys.stderr, leave=False)
