"""The embedded store: one SQLite file, WAL journal, FTS5 search over stems."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ..engine import BatchResult, EngineRows, StoryEngine
from ..model import Article
from ..statements import StoredQuote, speaker_key
from . import engine_rows, fulltext
from .base import NEW, UNCHANGED, UPDATED, SaveResult, SearchFilter, SearchHit, Store
from .migrations import LATEST_VERSION, MIGRATIONS

_ARTICLE_COLUMNS = (
    "id, url, source, record, title, text, language, language_confidence, published, "
    "published_precision, published_sort, outlet, format, content_hash, extra"
)


class StoreError(RuntimeError):
    """The database cannot be opened or is newer than this program."""


class SQLiteStore(Store):
    """Articles in a single SQLite file.

    Parameters
    ----------
    path:
        The database file; created with its parent folder when missing.
        ``":memory:"`` gives a private in-memory store (tests).
    timeout:
        Seconds to wait for another writer's lock before failing. WAL lets readers
        go on while one process ingests.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsthread database: {exc}") from exc

    # -- schema -------------------------------------------------------------------
    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this newsthread "
                f"understands ({LATEST_VERSION}); upgrade newsthread"
            )
        for version, description, script in MIGRATIONS:
            if version <= current:
                continue
            # executescript commits implicitly, so the transaction is spelled out inside it.
            self._db.executescript(
                f"BEGIN IMMEDIATE;\n{script}\n"
                f"INSERT INTO schema_migrations VALUES ({version}, {_sql_quote(description)}, "
                f"{_sql_quote(_now())});\nCOMMIT;"
            )

    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around the block; nested blocks join the outer one."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def save_articles(self, articles: Iterable[Article]) -> list[SaveResult]:
        with self.transaction():
            return [self._save_one(article) for article in articles]

    def _save_one(self, article: Article) -> SaveResult:
        existing = self._find_existing(article)
        if existing is None:
            article.id = self._insert(article)
            return SaveResult(NEW, article.id)
        article_id, content_hash, url, outlet = existing
        article.id = article_id
        if content_hash != article.content_hash:
            self._update(article)
            return SaveResult(UPDATED, article_id)
        if (article.url and article.url != url) or (article.outlet and article.outlet != outlet):
            self._db.execute(
                "INSERT OR IGNORE INTO article_sightings VALUES (?, ?, ?, ?, ?)",
                (article_id, article.url, article.outlet, article.source, _now()),
            )
        return SaveResult(UNCHANGED, article_id)

    def _find_existing(self, article: Article) -> tuple | None:
        columns = "SELECT id, content_hash, url, outlet FROM articles"
        if article.url:
            row = self._db.execute(f"{columns} WHERE url = ?", (article.url,)).fetchone()
            if row:
                return tuple(row)
        row = self._db.execute(
            f"{columns} WHERE content_hash = ? ORDER BY id LIMIT 1", (article.content_hash,)
        ).fetchone()
        if row:
            return tuple(row)
        key = _source_key(article)
        if key and not article.url:
            row = self._db.execute(
                f"{columns} WHERE source_key = ? AND url IS NULL ORDER BY id LIMIT 1", (key,)
            ).fetchone()
            if row:
                return tuple(row)
        return None

    def _row_values(self, article: Article) -> dict:
        return {
            "url": article.url, "source": article.source, "source_key": _source_key(article),
            "record": article.record, "title": article.title, "text": article.text,
            "language": article.language, "language_confidence": article.language_confidence,
            "published": article.published, "published_precision": article.published_precision,
            "published_sort": article.published_sort, "outlet": article.outlet,
            "format": article.format, "content_hash": article.content_hash,
            "extra": json.dumps(article.extra, ensure_ascii=False, sort_keys=True),
        }

    def _insert(self, article: Article) -> int:
        values = self._row_values(article)
        values["ingested_at"] = values["updated_at"] = _now()
        names = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        cursor = self._db.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", values)
        article_id = int(cursor.lastrowid)
        self._index(article_id, article)
        return article_id

    def _update(self, article: Article) -> None:
        values = self._row_values(article)
        values["updated_at"] = _now()
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        self._db.execute(f"UPDATE articles SET {assignments} WHERE id = :id", {**values, "id": article.id})
        self._db.execute("DELETE FROM article_search WHERE rowid = ?", (article.id,))
        self._index(article.id, article)

    def _index(self, article_id: int, article: Article) -> None:
        self._db.execute(
            "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
            (
                article_id,
                fulltext.index_terms(article.title, article.language),
                fulltext.index_terms(article.text, article.language),
            ),
        )

    # -- reading ------------------------------------------------------------------
    def article(self, article_id: int) -> Article | None:
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article_from_row(row) if row else None

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [_article_from_row(row) for row in rows]

    def change_mark(self) -> int:
        # SQLite bumps data_version on this connection when another connection commits.
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def sightings(self, article_id: int) -> list[dict]:
        """Other URLs and outlets that carried exactly this article."""
        rows = self._db.execute(
            "SELECT url, outlet, source FROM article_sightings WHERE article_id = ? ORDER BY seen_at",
            (article_id,),
        )
        return [dict(row) for row in rows]

    def search(self, query: str, where: SearchFilter | None = None) -> list[SearchHit]:
        where = where or SearchFilter()
        languages = (where.language,) if where.language else None
        expression = fulltext.match_expression(query, languages)
        clauses, params = ["article_search MATCH ?"], [expression]
        if where.language:
            clauses.append("a.language = ?")
            params.append(where.language)
        if where.since:
            clauses.append("a.published_sort >= ?")
            params.append(where.since)
        if where.until:
            clauses.append("a.published_sort < ?")
            params.append(where.until)
        columns = ", ".join(f"a.{c.strip()}" for c in _ARTICLE_COLUMNS.split(","))
        # Title matches weigh three times body matches.
        sql = (
            f"SELECT {columns}, bm25(article_search, 3.0, 1.0) AS score FROM article_search "
            f"JOIN articles a ON a.id = article_search.rowid WHERE {' AND '.join(clauses)} "
            "ORDER BY score LIMIT ?"
        )
        rows = self._db.execute(sql, (*params, where.limit)).fetchall()
        hits = []
        for row in rows:
            article = _article_from_row(row)
            hits.append(SearchHit(article, -float(row["score"]), make_snippet(article.text, query, article.language)))
        return hits

    # -- story engine ------------------------------------------------------------------
    def save_engine_batch(self, engine: StoryEngine, result: BatchResult) -> None:
        with self.transaction():
            engine_rows.save_batch(self._db, engine, result)

    def load_engine_rows(self, embedding_model: str | None = None) -> EngineRows:
        return engine_rows.load_rows(self._db, embedding_model)

    def unprocessed_article_ids(self) -> list[int]:
        return engine_rows.unprocessed_article_ids(self._db)

    def articles_by_id(self, article_ids: list[int]) -> list[Article]:
        rows = self._in_chunks(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({{marks}})", article_ids)
        return sorted((_article_from_row(row) for row in rows), key=lambda a: a.id)

    def cached_embeddings(self, model: str, article_ids: list[int]) -> dict[int, np.ndarray]:
        return engine_rows.cached_embeddings(self._db, model, article_ids)

    def save_embeddings(self, model: str, vectors: dict[int, np.ndarray]) -> None:
        with self.transaction():
            engine_rows.save_embeddings(self._db, model, vectors)

    def cached_text_embeddings(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        """Vectors of texts (quotes) by text hash, for the keys that have one."""
        return engine_rows.cached_text_embeddings(self._db, model, keys)

    def save_text_embeddings(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction():
            engine_rows.save_text_embeddings(self._db, model, vectors)

    def assignments(self, article_ids: list[int] | None = None) -> dict[int, dict]:
        """article id -> {"event", "storyline", "duplicate_of"}, for all articles or the ones given."""
        sql = "SELECT article_id, event_id, storyline_id, duplicate_of FROM article_assignments"
        if article_ids is None:
            rows = self._db.execute(sql).fetchall()
        else:
            rows = self._in_chunks(f"{sql} WHERE article_id IN ({{marks}})", article_ids)
        return {a: {"event": e, "storyline": s, "duplicate_of": d} for a, e, s, d in rows}

    def _in_chunks(self, sql: str, ids: list[int]) -> list[tuple]:
        """Rows of ``sql`` (with a ``{marks}`` placeholder for an IN list) over ``ids``, 500 at a time."""
        rows: list[tuple] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows.extend(self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall())
        return rows

    def outlets_carrying(self) -> dict[int, list[str]]:
        """original article id -> every outlet that carried it (itself, copies, exact copies elsewhere)."""
        rows = self._db.execute(
            """
            SELECT COALESCE(aa.duplicate_of, a.id), a.outlet FROM articles a
            LEFT JOIN article_assignments aa ON aa.article_id = a.id WHERE a.outlet IS NOT NULL
            UNION ALL
            SELECT COALESCE(aa.duplicate_of, s.article_id), s.outlet FROM article_sightings s
            LEFT JOIN article_assignments aa ON aa.article_id = s.article_id WHERE s.outlet IS NOT NULL
            """
        )
        carried: dict[int, list[str]] = {}
        for original, outlet in rows:
            outlets = carried.setdefault(original, [])
            if outlet not in outlets:
                outlets.append(outlet)
        return carried

    def story_rows(self) -> list[sqlite3.Row]:
        """One row per assigned article with its event, storyline and their titles, in time order."""
        return self._db.execute(
            """
            SELECT aa.storyline_id, st.title AS storyline_title, aa.event_id, ev.title AS event_title,
                   a.id, a.published, a.published_sort, a.language, a.outlet, aa.duplicate_of
            FROM article_assignments aa
            JOIN articles a ON a.id = aa.article_id
            LEFT JOIN events ev ON ev.id = aa.event_id
            LEFT JOIN storylines st ON st.id = aa.storyline_id
            ORDER BY aa.storyline_id, aa.event_id, a.published_sort IS NULL, a.published_sort, a.id
            """
        ).fetchall()

    # -- who said what -----------------------------------------------------------------
    def save_statements(self, article_id: int, mentions: list[tuple], quotes: list[dict]) -> list[int]:
        """Replace an article's entity mentions and quotes; return the new quote ids.

        ``mentions`` are (canonical, type, surface, start, end); each quote dict has
        the columns of ``quotes`` except id and article_id. A quote without a
        ``quote_group`` starts its own group (its id).
        """
        with self.transaction():
            self._db.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
            self._db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
            self._db.executemany(
                "INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?, ?)", [(article_id, *m) for m in mentions]
            )
            ids = []
            for quote in quotes:
                cursor = self._db.execute(
                    "INSERT INTO quotes (article_id, text, speaker, speaker_key, speaker_role, kind, start, end, cue,"
                    " paragraph, day, quote_group) VALUES (:article_id, :text, :speaker, :speaker_key, :speaker_role,"
                    " :kind, :start, :end, :cue, :paragraph, :day, :quote_group)",
                    {**quote, "article_id": article_id},
                )
                ids.append(int(cursor.lastrowid))
            if any(quote.get("quote_group") is None for quote in quotes):
                # the article's quotes were all just inserted: one statement for every new group
                self._db.execute(
                    "UPDATE quotes SET quote_group = id WHERE article_id = ? AND quote_group IS NULL", (article_id,)
                )
            return ids

    def articles_without_statements(self) -> list[int]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM entity_mentions) "
            "AND id NOT IN (SELECT article_id FROM quotes) ORDER BY id"
        )
        return [row[0] for row in rows]

    def has_statements(self, article_id: int) -> bool:
        row = self._db.execute("SELECT 1 FROM entity_mentions WHERE article_id = ? UNION SELECT 1 FROM quotes "
                               "WHERE article_id = ? LIMIT 1", (article_id, article_id)).fetchone()
        return row is not None

    def stored_quotes(
        self,
        *,
        speaker_key: str | None = None,
        event_id: int | None = None,
        day: float | None = None,
        window_days: float | None = None,
    ) -> list[StoredQuote]:
        """Earlier quotes by one speaker, or in one event: the candidates for grouping.

        With ``day`` and ``window_days``, a speaker's quotes dated further than
        ``window_days`` from ``day`` are left out (undated ones stay), so a much-quoted
        speaker does not cost a read of all their quotes.
        """
        # The article's language comes along: the grouper compares across languages differently.
        columns = "SELECT q.id, q.article_id, q.text, q.speaker_key, q.day, q.quote_group, a.language FROM quotes q "
        if speaker_key is not None:
            sql = columns + "JOIN articles a ON a.id = q.article_id WHERE q.speaker_key = ?"
            params: tuple = (speaker_key,)
            if day is not None and window_days is not None:
                sql += " AND (q.day IS NULL OR abs(q.day - ?) <= ?)"
                params = (speaker_key, day, window_days)
            rows = self._db.execute(sql, params)
        else:
            rows = self._db.execute(
                columns + "JOIN articles a ON a.id = q.article_id "
                "JOIN article_assignments aa ON aa.article_id = q.article_id WHERE aa.event_id = ?",
                (event_id,),
            )
        return [StoredQuote(*row) for row in rows]

    def quote_rows(
        self, *, speaker: str | None = None, storyline: int | None = None, article: int | None = None
    ) -> list[sqlite3.Row]:
        """Quotes with their article's source, language, outlet, date, event and storyline."""
        clauses, params = [], []
        if article is not None:
            clauses.append("q.article_id = ?")
            params.append(article)
        if speaker:
            clauses.append("(q.speaker LIKE ? OR q.speaker_key = ?)")
            params += [f"%{speaker}%", speaker_key(speaker)]
        if storyline is not None:
            clauses.append("aa.storyline_id = ?")
            params.append(storyline)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._db.execute(
            "SELECT q.*, a.source, a.url, a.language, a.outlet, a.published, aa.event_id, aa.storyline_id "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN article_assignments aa ON aa.article_id = q.article_id {where} "
            "ORDER BY a.published_sort IS NULL, a.published_sort, q.article_id, q.start",
            params,
        ).fetchall()

    def quote_group_reach(self, groups: list[int] | None = None) -> dict[int, dict]:
        """quote_group -> {"articles", "outlets", "languages"} over every quote in the group (all, or those given)."""
        sql = "SELECT q.quote_group, q.article_id, a.outlet, a.language FROM quotes q JOIN articles a ON a.id = q.article_id"
        if groups is None:
            rows = self._db.execute(sql).fetchall()
        else:
            rows = self._in_chunks(f"{sql} WHERE q.quote_group IN ({{marks}})", groups)
        reach: dict[int, dict] = {}
        for group, article_id, outlet, language in rows:
            item = reach.setdefault(group, {"articles": set(), "outlets": set(), "languages": set()})
            item["articles"].add(article_id)
            if outlet:
                item["outlets"].add(outlet)
            item["languages"].add(language)
        return {
            g: {"articles": len(v["articles"]), "outlets": sorted(v["outlets"]), "languages": sorted(v["languages"])}
            for g, v in reach.items()
        }

    def mentions_by_article(self, article: int | None = None) -> dict[int, list[tuple]]:
        """article id -> [(surface, type, canonical, start, end)] in text order, for all articles or one."""
        found: dict[int, list[tuple]] = {}
        where = "" if article is None else "WHERE article_id = ?"
        rows = self._db.execute(
            "SELECT article_id, surface, type, canonical, start, end FROM entity_mentions "
            f"{where} ORDER BY article_id, start",
            () if article is None else (article,),
        )
        for article_id, *mention in rows:
            found.setdefault(article_id, []).append(tuple(mention))
        return found

    def close(self) -> None:
        self._db.close()


def make_snippet(text: str, query: str, language: str | None, width: int = 200) -> str:
    """The first sentence of ``text`` that contains a word of ``query`` (by stem)."""
    wanted = set(fulltext.stem_words(fulltext.tokens(query), language)) | set(fulltext.tokens(query))
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        stems = set(fulltext.stem_words(fulltext.tokens(sentence), language))
        if stems & wanted:
            return sentence if len(sentence) <= width else sentence[: width - 1].rsplit(" ", 1)[0] + "…"
    return text[:width]


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], url=row["url"], source=row["source"], record=row["record"],
        title=row["title"], text=row["text"], language=row["language"],
        language_confidence=row["language_confidence"], published=row["published"],
        published_precision=row["published_precision"], published_sort=row["published_sort"],
        outlet=row["outlet"], format=row["format"], content_hash=row["content_hash"],
        extra=json.loads(row["extra"] or "{}"),
    )


def _source_key(article: Article) -> str | None:
    """Where a one-article file lives, so an edited file updates its article.

    Only for files holding one article: a record number inside an export shifts
    when the export gains records, and would turn a new article into an "update".
    """
    if article.source in ("", "-") or article.record:
        return None
    try:
        path = str(Path(article.source).resolve())
    except OSError:
        path = article.source
    return f"{path}#{article.record}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sql_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
