"""The wiring: read, normalise, identify language, store in batches.

Stages do not know about each other; this module decides their order, batches
articles, reports progress and writes each batch to the store in one transaction.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Self

from .language import LanguageIdentifier, normalise_language_code
from .model import Article, Problem, RawArticle
from .normalize import normalise_article
from .readers import read_paths
from .store import NEW, UNCHANGED, UPDATED, Store

# Below this many words a detector's guess is weaker than what the file declares.
SHORT_TEXT_WORDS = 25
CONFIDENT = 0.80


@dataclass
class IngestReport:
    """What one ingest run did; ``problems`` holds every rejected file or record."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    by_language: Counter = field(default_factory=Counter)
    article_ids: list[int] = field(default_factory=list)

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
            "problems": [
                {"source": p.source, "record": p.record, "message": p.message} for p in self.problems
            ],
        }


class LanguageStage:
    """Sets ``language`` and ``language_confidence`` on each article.

    The detector decides, except for short texts where it is unsure and the input
    declared a language: then the declaration wins. The declaration is kept in
    ``extra['declared_language']`` either way.
    """

    def __init__(self, *, identifier: LanguageIdentifier | None = None) -> None:
        self.identifier = identifier or LanguageIdentifier()

    def pipe(self, articles: list[Article]) -> list[Article]:
        guesses = self.identifier.pipe(f"{a.title}\n{a.text}" for a in articles)
        for article, guess in zip(articles, guesses):
            declared = normalise_language_code(article.extra.get("declared_language"))
            short = len(article.text.split()) < SHORT_TEXT_WORDS
            if declared and (guess.code == "und" or (short and guess.confidence < CONFIDENT)):
                article.language, article.language_confidence = declared, 1.0
            else:
                article.language, article.language_confidence = guess.code, guess.confidence
        return articles


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
        Called with each :class:`Problem` as it happens (the CLI prints it).
    progress:
        Show a progress bar on stderr.
    """

    def __init__(
        self,
        store: Store,
        *,
        batch_size: int = 200,
        on_problem: Callable[[Problem], None] | None = None,
        progress: bool = False,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.on_problem = on_problem
        self.progress = progress
        self.language = LanguageStage()

    def run(self, paths: Sequence[str]) -> IngestReport:
        report = IngestReport()
        with _progress_bar(self.progress) as bar:
            for batch in _batches(self._normalised(read_paths(paths), report), self.batch_size):
                self._store_batch(self.language.pipe(batch), report)
                bar.update(len(batch))
        return report

    def _normalised(self, items: Iterable[RawArticle | Problem], report: IngestReport) -> Iterator[Article]:
        for item in items:
            result = normalise_article(item) if isinstance(item, RawArticle) else item
            if isinstance(result, Problem):
                report.problems.append(result)
                if self.on_problem:
                    self.on_problem(result)
            else:
                yield result

    def _store_batch(self, batch: list[Article], report: IngestReport) -> None:
        for article, result in zip(batch, self.store.save_articles(batch)):
            report.article_ids.append(result.article_id)
            if result.status == NEW:
                report.new += 1
            elif result.status == UPDATED:
                report.updated += 1
            elif result.status == UNCHANGED:
                report.unchanged += 1
            report.by_language[article.language] += 1


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
