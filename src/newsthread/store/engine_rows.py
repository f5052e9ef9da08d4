"""Saving and loading the story engine's state in the SQLite store.

Kept apart from :mod:`newsthread.store.sqlite` because it is the engine's
bookkeeping, not article storage: features per article, document frequencies,
where every article went, and event and storyline titles.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np

from ..dedup import Fingerprint
from ..engine import ArticleFeatures, BatchResult, EngineRows, StoryEngine

EMBEDDING_DTYPE = np.float32


def save_batch(db: sqlite3.Connection, engine: StoryEngine, result: BatchResult) -> None:
    """Write what one batch changed. The caller holds the transaction."""
    db.executemany(
        "INSERT OR REPLACE INTO article_features VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_feature_row(item) for item in result.features],
    )
    _save_frequencies(db, engine)
    for dropped, kept in result.merged_events.items():
        db.execute("UPDATE article_assignments SET event_id = ? WHERE event_id = ?", (kept, dropped))
        db.execute("DELETE FROM events WHERE id = ?", (dropped,))
        # All of an event's articles follow its storyline, whichever side they came from.
        storyline = engine.storyline_of_event_.get(kept)
        if storyline is not None:
            db.execute("UPDATE article_assignments SET storyline_id = ? WHERE event_id = ?", (storyline, kept))
    for dropped, kept in result.merged_storylines.items():
        db.execute("UPDATE article_assignments SET storyline_id = ? WHERE storyline_id = ?", (kept, dropped))
        db.execute("UPDATE events SET storyline_id = ? WHERE storyline_id = ?", (kept, dropped))
        db.execute("DELETE FROM storylines WHERE id = ?", (dropped,))
    db.executemany(
        "INSERT OR REPLACE INTO article_assignments VALUES (?, ?, ?, ?)",
        [(a.article_id, a.event_id, a.storyline_id, a.duplicate_of) for a in result.assignments],
    )
    db.executemany(
        "UPDATE article_assignments SET duplicate_of = ? WHERE article_id = ?",
        [(original, article) for article, original in result.changed_originals.items()],
    )
    touched_events = {a.event_id for a in result.assignments} | set(result.merged_events.values())
    touched_storylines = {a.storyline_id for a in result.assignments} | set(result.merged_storylines.values())
    _save_clusters(db, engine, touched_events, touched_storylines)


def _feature_row(item: ArticleFeatures) -> tuple:
    return (
        item.article_id, item.language, item.title, item.start, item.end, item.outlet,
        json.dumps(_rounded(item.terms), ensure_ascii=False), json.dumps(_rounded(item.names), ensure_ascii=False),
        item.fingerprint.signature.astype(np.uint32).tobytes(), item.fingerprint.size,
        json.dumps(item.fingerprint.paragraphs),
    )


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    return {term: round(weight, 5) for term, weight in weights.items()}


def _save_frequencies(db: sqlite3.Connection, engine: StoryEngine) -> None:
    for kind, frequencies in (("terms", engine.term_frequencies_), ("names", engine.name_frequencies_)):
        db.executemany(
            "INSERT OR REPLACE INTO term_frequencies VALUES (?, ?, ?)",
            [(kind, term, df) for term, df in frequencies.take_changes().items()],
        )
        db.execute("INSERT OR REPLACE INTO engine_counters VALUES (?, ?)", (f"documents:{kind}", frequencies.n_documents_))


def _save_clusters(db: sqlite3.Connection, engine: StoryEngine, events: set[int], storylines: set[int]) -> None:
    rows = []
    for event_id in events:
        cluster = engine.events_.clusters_.get(event_id)
        if cluster is not None:
            rows.append((event_id, engine.storyline_of_event_[event_id], cluster.title, cluster.title_score))
    db.executemany("INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?)", rows)
    rows = []
    for storyline_id in storylines:
        cluster = engine.storylines_.clusters_.get(storyline_id)
        if cluster is not None:
            rows.append((storyline_id, cluster.title))
    db.executemany("INSERT OR REPLACE INTO storylines VALUES (?, ?)", rows)


def load_rows(db: sqlite3.Connection, embedding_model: str | None = None) -> EngineRows:
    """Everything :func:`newsthread.engine.restore_engine` needs, read in article order."""
    embeddings = _load_embeddings(db, embedding_model) if embedding_model else {}
    features = [
        _feature_from_row(row, embeddings.get(row[0]))
        for row in db.execute("SELECT * FROM article_features ORDER BY article_id")
    ]
    assignments = {
        row[0]: (row[1], row[2], row[3]) for row in db.execute("SELECT * FROM article_assignments")
    }
    frequencies: dict[str, dict[str, int]] = {}
    for kind, term, df in db.execute("SELECT kind, term, df FROM term_frequencies"):
        frequencies.setdefault(kind, {})[term] = df
    documents = {
        name.split(":", 1)[1]: value
        for name, value in db.execute("SELECT name, value FROM engine_counters WHERE name LIKE 'documents:%'")
    }
    return EngineRows(
        features=features,
        assignments=assignments,
        event_titles={row[0]: (row[1], row[2]) for row in db.execute("SELECT id, title, title_score FROM events")},
        storyline_titles=dict(db.execute("SELECT id, title FROM storylines").fetchall()),
        frequencies=frequencies,
        documents=documents,
    )


def _feature_from_row(row: tuple, embedding: np.ndarray | None) -> ArticleFeatures:
    article_id, language, title, start, end, outlet, terms, names, signature, shingles, paragraphs = row
    fingerprint = Fingerprint(np.frombuffer(signature, dtype=np.uint32).copy(), shingles, json.loads(paragraphs))
    return ArticleFeatures(
        article_id=article_id, language=language, title=title, start=start, end=end,
        terms=json.loads(terms), names=json.loads(names), fingerprint=fingerprint, outlet=outlet,
        embedding=embedding,
    )


def unprocessed_article_ids(db: sqlite3.Connection) -> list[int]:
    """Stored articles the engine has not seen (older schema, or an interrupted run)."""
    rows = db.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_assignments) ORDER BY id"
    )
    return [row[0] for row in rows]


# -- embeddings cache ---------------------------------------------------------------------
def _load_embeddings(db: sqlite3.Connection, model: str) -> dict[int, np.ndarray]:
    rows = db.execute("SELECT article_id, vector FROM embeddings WHERE model = ?", (model,))
    return {article_id: np.frombuffer(vector, dtype=EMBEDDING_DTYPE).copy() for article_id, vector in rows}


def cached_embeddings(db: sqlite3.Connection, model: str, article_ids: list[int]) -> dict[int, np.ndarray]:
    return _vectors(db, "embeddings", "article_id", model, article_ids)


def save_embeddings(db: sqlite3.Connection, model: str, vectors: dict[int, np.ndarray]) -> None:
    _save_vectors(db, "embeddings", model, vectors)


def cached_text_embeddings(db: sqlite3.Connection, model: str, keys: list[str]) -> dict[str, np.ndarray]:
    return _vectors(db, "text_embeddings", "text_key", model, keys)


def save_text_embeddings(db: sqlite3.Connection, model: str, vectors: dict[str, np.ndarray]) -> None:
    _save_vectors(db, "text_embeddings", model, vectors)


# Table and column names below are the two literals above, never input.
def _vectors(db: sqlite3.Connection, table: str, key_column: str, model: str, keys: list) -> dict:
    found = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT {key_column}, vector FROM {table} WHERE model = ? AND {key_column} IN ({marks})", (model, *chunk)
        )
        found.update({key: np.frombuffer(vector, dtype=EMBEDDING_DTYPE).copy() for key, vector in rows})
    return found


def _save_vectors(db: sqlite3.Connection, table: str, model: str, vectors: dict) -> None:
    # Both tables are (key, model, vector) in that column order.
    db.executemany(
        f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
        [(key, model, np.asarray(vector, dtype=EMBEDDING_DTYPE).tobytes()) for key, vector in vectors.items()],
    )
