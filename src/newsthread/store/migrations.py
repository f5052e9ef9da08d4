"""Schema versions of the SQLite store, oldest first.

Each entry is applied once, in order, inside one transaction, and recorded in
``schema_migrations``. Never edit a released migration: add a new one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles and full-text search",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT,
            source TEXT NOT NULL,
            source_key TEXT,
            record TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT NOT NULL,
            language_confidence REAL NOT NULL DEFAULT 0,
            published TEXT,
            published_precision TEXT,
            published_sort TEXT,
            outlet TEXT,
            format TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_by_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_by_content ON articles(content_hash);
        CREATE INDEX articles_by_source_key ON articles(source_key);
        CREATE INDEX articles_by_published ON articles(published_sort);
        CREATE INDEX articles_by_language ON articles(language);
        -- The same content seen again at another URL or outlet: kept, not re-ingested.
        CREATE TABLE article_sightings (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            url TEXT,
            outlet TEXT,
            source TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            UNIQUE (article_id, url, outlet)
        );
        -- Stems, not words: see newsthread.store.fulltext for why.
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 0'
        );
        """,
    ),
]

MIGRATIONS.append(
    (
        2,
        "story engine: features, copies, events, storylines, embeddings",
        """
        -- What the engine keeps of each article, so a later run restores its state
        -- without reading texts again.
        CREATE TABLE article_features (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            span_start REAL,
            span_end REAL,
            outlet TEXT,
            terms TEXT NOT NULL,
            names TEXT NOT NULL,
            signature BLOB NOT NULL,
            shingles INTEGER NOT NULL,
            paragraphs TEXT NOT NULL
        );
        CREATE TABLE term_frequencies (
            kind TEXT NOT NULL,
            term TEXT NOT NULL,
            df INTEGER NOT NULL,
            PRIMARY KEY (kind, term)
        ) WITHOUT ROWID;
        CREATE TABLE engine_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE article_assignments (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            event_id INTEGER NOT NULL,
            storyline_id INTEGER NOT NULL,
            duplicate_of INTEGER REFERENCES articles(id)
        );
        CREATE INDEX assignments_by_event ON article_assignments(event_id);
        CREATE INDEX assignments_by_storyline ON article_assignments(storyline_id);
        CREATE INDEX assignments_by_original ON article_assignments(duplicate_of);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            storyline_id INTEGER NOT NULL,
            title TEXT NOT NULL,
            title_score REAL NOT NULL DEFAULT 0
        );
        CREATE TABLE storylines (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
        -- Embeddings are expensive (a quarter of a second each): computed once, kept.
        CREATE TABLE embeddings (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (article_id, model)
        );
        """,
    )
)

MIGRATIONS.append(
    (
        3,
        "who said what: entity mentions and quotes with speakers and groups",
        """
        CREATE TABLE entity_mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            canonical TEXT NOT NULL,
            type TEXT NOT NULL,
            surface TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX mentions_by_article ON entity_mentions(article_id);
        CREATE INDEX mentions_by_canonical ON entity_mentions(canonical);
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_key TEXT,
            speaker_role TEXT,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            cue TEXT,
            paragraph INTEGER NOT NULL,
            day REAL,
            quote_group INTEGER
        );
        CREATE INDEX quotes_by_article ON quotes(article_id);
        CREATE INDEX quotes_by_speaker ON quotes(speaker_key);
        CREATE INDEX quotes_by_group ON quotes(quote_group);
        """,
    )
)

MIGRATIONS.append(
    (
        4,
        "embeddings of quote texts, kept by text hash",
        """
        -- Quotes compared across languages are embedded once, then looked up by a hash of
        -- their text in every later ingest (a new process has an empty memory cache).
        CREATE TABLE text_embeddings (
            text_key TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (text_key, model)
        );
        """,
    )
)

LATEST_VERSION = MIGRATIONS[-1][0]
