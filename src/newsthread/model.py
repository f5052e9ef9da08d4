"""Dataclasses shared by every stage of the pipeline.

Readers produce :class:`RawArticle` and :class:`Problem`; the normaliser turns a
raw article into an :class:`Article`; the store persists articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """Something in the input that could not be read. A problem is data, never raised.

    ``source`` is the file path (or ``-`` for stdin), ``record`` says where inside it
    (``line 12``, ``row 3``, ``item 4``) or is empty when the whole file is affected.
    A ``warning`` is a record that was kept with something missing (a date that could
    not be read); anything else is a rejection.
    """

    source: str
    record: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.source}: {self.record}" if self.record else self.source
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class RawArticle:
    """An article as a reader found it: strings only, nothing parsed or guessed.

    ``source`` is the path or URL as given to ``ingest``; ``record`` locates the
    article inside it (empty for one-article files). ``published`` and ``language``
    are the raw values from the input (``"2022-09"``, ``"Tue, 04 Oct 2022 10:00:00 +0200"``,
    ``"no"``) and may be ``None``.
    """

    source: str
    text: str
    record: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    format: str = "text"


@dataclass
class Article:
    """A normalised article, ready for the store.

    ``published`` is an ISO 8601 string that keeps the input's precision: ``2022-09``
    (a month), ``2022-09-21`` (a day), ``2017-07-01T06:15:00`` (a timestamp without time
    zone) or ``2022-10-04T10:00:00+02:00``. ``published_precision`` names that precision
    (``year``, ``month``, ``day``, ``minute``, ``second``) and ``published_sort`` is the
    first UTC instant the date can mean, for ordering and range queries.
    """

    source: str
    text: str
    title: str
    record: str = ""
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_sort: str | None = None
    outlet: str | None = None
    language: str = "und"
    language_confidence: float = 0.0
    format: str = "text"
    content_hash: str = ""
    id: int | None = None
    extra: dict = field(default_factory=dict)
