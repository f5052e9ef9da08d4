"""The library entry point the CLI (and later the web app) are thin layers over."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Self

from .entities import EntityCatalog, Mention
from .model import Article, Problem
from .normalize import DateError, PartialDate, parse_date
from .pipeline import IngestPipeline, IngestReport
from .store import SearchFilter, SearchHit, Store, open_store
from .stories import build_stories, quote_record


class Tracker:
    """A newsthread collection: ingest articles, list, show and search them.

    ``location`` is the store (a SQLite file path; ``$NEWSTHREAD_DB`` or
    ``./newsthread.db`` when omitted).
    """

    def __init__(self, location: str | Path | None = None) -> None:
        self.store: Store = open_store(location)
        # One pipeline per embeddings setting, kept between calls so the story engine is
        # restored from the store once, not on every call (articles arriving one by one).
        self._pipelines: dict[bool, tuple[IngestPipeline, object | None]] = {}

    def ingest(
        self,
        paths: Sequence[str],
        *,
        batch_size: int = 200,
        on_problem: Callable[[Problem], None] | None = None,
        progress: bool = False,
        embeddings: bool = True,
    ) -> IngestReport:
        """Read ``paths`` into the store and cluster the new articles into events and storylines.

        ``embeddings=False`` clusters on words and names only: about a hundred times
        faster, and weaker across languages (see docs/benchmarks.md).
        """
        pipeline = self._pipeline(embeddings)
        pipeline.batch_size, pipeline.on_problem, pipeline.progress = batch_size, on_problem, progress
        report = pipeline.run(paths)
        # Kept only after a clean run: after an error the store is the truth, not memory.
        self._pipelines[embeddings] = (pipeline, self.store.change_mark())
        return report

    def _pipeline(self, embeddings: bool) -> IngestPipeline:
        """The pipeline of the last call, unless another connection has written since."""
        kept = self._pipelines.pop(embeddings, None)
        if kept is not None:
            pipeline, mark = kept
            if mark is not None and mark == self.store.change_mark():
                return pipeline
        return IngestPipeline(self.store, embeddings=embeddings)

    def assignments(self, article_ids: list[int] | None = None) -> dict[int, dict]:
        """article id -> {"event", "storyline", "duplicate_of"} for every clustered article (or those given)."""
        return self.store.assignments(article_ids)

    def quotes(self, *, speaker: str | None = None, storyline: int | None = None) -> list[dict]:
        """Quotes in time order; ``speaker`` matches a name or a surname, ``storyline`` a storyline id.

        Each quote carries ``reported_by``: how many articles, which outlets and
        languages rendered the same statement (its ``quote_group``).
        """
        reach = self.store.quote_group_reach()
        return [quote_record(row, reach) for row in self.store.quote_rows(speaker=speaker, storyline=storyline)]

    def entities(self) -> list[dict]:
        """People, organisations and places with one canonical name, aliases and article counts."""
        catalog = EntityCatalog()
        mentions = self.store.mentions_by_article()
        catalog.partial_fit(
            [Mention(text, start, end, kind, canonical) for text, kind, canonical, start, end in article]
            for article in mentions.values()
        )
        return catalog.entities()

    def article_statements(self, article_id: int) -> dict:
        """The quotes and entity mentions of one article."""
        rows = self.store.quote_rows(article=article_id)
        reach = self.store.quote_group_reach(sorted({row["quote_group"] for row in rows}))
        quotes = [quote_record(row, reach) for row in rows]
        mentions = self.store.mentions_by_article(article_id).get(article_id, [])
        return {
            "quotes": quotes,
            "entities": [
                {"text": text, "type": kind, "canonical": canonical, "start": start, "end": end}
                for text, kind, canonical, start, end in mentions
            ],
        }

    def stories(self) -> list[dict]:
        """Storylines, newest first, each with its events in time order."""
        return build_stories(self.store.story_rows(), self.store.outlets_carrying())

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        return self.store.articles(limit=limit, offset=offset)

    def article(self, article_id: int) -> Article | None:
        return self.store.article(article_id)

    def search(
        self,
        query: str,
        *,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search; ``since``/``until`` are dates of any precision, both inclusive.

        ``until="2022-09"`` includes all of September. Raises ``ValueError`` for a
        query without words or a date that cannot be parsed.
        """
        where = SearchFilter(
            language=language,
            since=_date_bound(since, "since", end=False),
            until=_date_bound(until, "until", end=True),
            limit=limit,
        )
        return self.store.search(query, where)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _date_bound(value: str | None, name: str, *, end: bool) -> str | None:
    if not value:
        return None
    try:
        date = parse_date(value)
    except DateError as exc:
        raise ValueError(f"--{name}: {exc}") from None
    return period_end(date) if end else date.sort_key


def period_end(date: PartialDate) -> str:
    """The first instant after the period ``date`` names (exclusive upper bound)."""
    from datetime import datetime, timedelta

    start = datetime.fromisoformat(date.sort_key)
    if date.precision == "year":
        nxt = start.replace(year=start.year + 1)
    elif date.precision == "month":
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    elif date.precision == "day":
        nxt = start + timedelta(days=1)
    elif date.precision == "minute":
        nxt = start + timedelta(minutes=1)
    else:
        nxt = start + timedelta(seconds=1)
    return nxt.isoformat(timespec="seconds")
