"""The one storage interface every part of newsthread talks to.

SQLite (:mod:`newsthread.store.sqlite`) is the embedded default; a PostgreSQL
implementation can be added behind the same methods.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self

from ..model import Article

# What happened to one article handed to :meth:`Store.save_articles`.
NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"


@dataclass(frozen=True)
class SaveResult:
    status: str  # NEW, UPDATED or UNCHANGED
    article_id: int


@dataclass(frozen=True)
class SearchHit:
    article: Article
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchFilter:
    """Optional limits on a search; dates are ISO sort keys (``YYYY-MM-DDTHH:MM:SS``).

    ``since`` is inclusive, ``until`` exclusive, so ``--until 2022-09`` can be passed
    as the first instant of October.
    """

    language: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 20


class Store(ABC):
    """Persistent articles, their search index and the schema version."""

    @abstractmethod
    def save_articles(self, articles: Iterable[Article]) -> list[SaveResult]:
        """Insert or update a batch in one transaction: all of it lands or none does.

        The same article again (same URL, or same content fingerprint) is UNCHANGED;
        a changed article at a known URL, or a changed file at a known path and
        record, is UPDATED in place and keeps its id.
        """

    @abstractmethod
    def article(self, article_id: int) -> Article | None: ...

    @abstractmethod
    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]: ...

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def search(self, query: str, where: SearchFilter | None = None) -> list[SearchHit]: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def change_mark(self) -> object | None:
        """A value that changes whenever another connection commits to the store.

        Lets a long-lived tracker keep its in-memory story engine between ingest calls
        and rebuild it only when someone else wrote. ``None`` means "cannot tell", and
        the engine is then rebuilt from the store on every call.
        """
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
