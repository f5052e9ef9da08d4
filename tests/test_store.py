import sqlite3

import pytest

from newsthread.model import Article
from newsthread.normalize import content_fingerprint
from newsthread.store import NEW, UNCHANGED, UPDATED, SearchFilter, SQLiteStore, StoreError
from newsthread.store.fulltext import index_terms, match_expression
from newsthread.store.migrations import LATEST_VERSION


def make_article(text, *, title="Titel", url=None, language="da", source="x.jsonl", record=None, published_sort=None):
    record = f"line {abs(hash(text))}" if record is None else record
    return Article(
        source=source, record=record, title=title, text=text, url=url, language=language,
        published_sort=published_sort, content_hash=content_fingerprint(title, text),
    )


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "t.db") as s:
        yield s


def test_new_store_is_migrated_and_uses_wal(tmp_path, store):
    assert store.schema_version() == LATEST_VERSION
    mode = sqlite3.connect(tmp_path / "t.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_reopening_does_not_migrate_twice(tmp_path, store):
    store.save_articles([make_article("Et ord.")])
    store.close()
    again = SQLiteStore(tmp_path / "t.db")
    assert again.count_articles() == 1 and again.schema_version() == LATEST_VERSION
    again.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        SQLiteStore(path)


def test_same_content_or_url_is_unchanged_and_changed_url_updates(store):
    first = store.save_articles([make_article("Første udgave.", url="https://a.example/1")])
    assert first[0].status == NEW
    same = store.save_articles([make_article("Første udgave.", url="https://a.example/1")])
    assert same[0].status == UNCHANGED and same[0].article_id == first[0].article_id
    changed = store.save_articles([make_article("Rettet udgave.", url="https://a.example/1")])
    assert changed[0].status == UPDATED and changed[0].article_id == first[0].article_id
    assert store.count_articles() == 1
    assert store.article(first[0].article_id).text == "Rettet udgave."


def test_same_content_elsewhere_is_remembered_as_a_sighting(store):
    original = store.save_articles([make_article("Samme tekst.", url="https://a.example/1")])[0]
    copy = make_article("Samme tekst.", url="https://b.example/9")
    copy.outlet = "B-avisen"
    assert store.save_articles([copy])[0].status == UNCHANGED
    assert store.sightings(original.article_id) == [
        {"url": "https://b.example/9", "outlet": "B-avisen", "source": "x.jsonl"}
    ]


def test_edited_file_updates_its_article(store, tmp_path):
    source = str(tmp_path / "a.txt")
    first = store.save_articles([make_article("Gammel tekst.", source=source, record="")])[0]
    second = store.save_articles([make_article("Ny tekst.", source=source, record="")])[0]
    assert (second.status, second.article_id) == (UPDATED, first.article_id)


def test_shifted_records_in_an_export_are_new_articles(store):
    store.save_articles([make_article("Første.", record="line 1")])
    result = store.save_articles([make_article("Helt ny.", record="line 1")])[0]
    assert result.status == NEW and store.count_articles() == 2


def test_failed_batch_leaves_nothing_behind(store):
    broken = make_article("Anden.")
    broken.content_hash = None  # NOT NULL violation in the middle of the batch
    with pytest.raises(sqlite3.IntegrityError):
        store.save_articles([make_article("Første."), broken])
    assert store.count_articles() == 0


def test_search_finds_inflected_forms_and_filters(store):
    store.save_articles([
        make_article("Rusland har atomvåbnene klar.", title="Atomvåben", language="da",
                     published_sort="2022-09-21T00:00:00"),
        make_article("Russland har atomvåpen.", title="Atomvåpen", language="nb",
                     published_sort="2022-10-13T00:00:00"),
        make_article("Sverige köper nya stridsflygplan.", title="Flyg", language="sv"),
    ])
    assert [h.article.language for h in store.search("atomvåben")] == ["da"]
    assert {h.article.title for h in store.search("russland")} == {"Atomvåpen"}
    assert len(store.search("stridsflygplanen")) == 1
    assert store.search("har", SearchFilter(language="nb"))[0].article.language == "nb"
    assert [h.article.language for h in store.search("har", SearchFilter(since="2022-10-01T00:00:00"))] == ["nb"]
    assert [h.article.language for h in store.search("har", SearchFilter(until="2022-10-01T00:00:00"))] == ["da"]
    assert "atomvåbnene" in store.search("atomvåben")[0].snippet
    assert {h.article.title for h in store.search("Rusland OR stridsflygplan")} == {"Atomvåben", "Flyg"}
    assert {h.article.title for h in store.search("har Rusland OR Russland")} == {"Atomvåben", "Atomvåpen"}


def test_match_expression_quotes_terms_and_rejects_empty():
    assert match_expression("NATO", ("en",)) == '("nato")'
    assert match_expression('"vil gøre"', ("da",)) == '("vil gør")'
    assert match_expression("Nato OR EU", ("en",)) == '(("nato") OR ("eu"))'
    assert match_expression("or Nato", ("en",)) == '("or") AND ("nato")'  # only upper-case OR is an operator
    with pytest.raises(ValueError):
        match_expression("  ?! ")
    with pytest.raises(ValueError):
        match_expression("OR")
    assert index_terms("Nato-landenes møde", "da").split()[0] == "natoland"
