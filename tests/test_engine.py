"""The story engine on its own, and its state surviving a round trip through the store."""

from __future__ import annotations

from itertools import combinations

from conftest import DEMO
from newsthread import Tracker
from newsthread.engine import StoryEngine
from newsthread.model import Article

WIRE = (
    "Politiet i Aalborg efterlyser vidner til et røveri mod en guldsmed i Bispensgade tirsdag eftermiddag. "
    "To maskerede mænd truede ekspedienten med en kniv og stak af med smykker for omkring en halv million kroner. "
    "Ifølge politiet flygtede de på knallert mod Vesterbro, og der er endnu ingen anholdte i sagen. "
    "Politiet beder alle, der har set noget mistænkeligt i området, om at ringe til 114."
)
OTHER = (
    "Regeringen vil give landmændene mere tid til at omlægge produktionen, siger fødevareministeren. "
    "Fristen for de nye regler om kvælstof rykkes et år, efter at flere organisationer har klaget over tempoet. "
    "Oppositionen kalder udskydelsen for et svigt over for vandmiljøet i fjordene."
)


def article(id_, text, published, title="Røveri i Aalborg"):
    return Article(id=id_, source=f"{id_}.txt", title=title, text=text, language="da",
                   published=published, published_precision="minute", published_sort=published)


def test_the_earliest_copy_is_the_original_whatever_the_order():
    engine = StoryEngine()
    later = article(1, WIRE + " Sagen efterforskes fortsat.", "2026-09-02T12:00:00")
    earlier = article(2, WIRE, "2026-09-02T09:00:00")
    copy = article(3, "Opdateret: " + WIRE, "2026-09-02T15:00:00")
    result = engine.process([later])
    result = engine.process([earlier, copy])
    placed = {a.article_id: a for a in engine.assignments()}
    assert placed[2].duplicate_of is None
    assert placed[1].duplicate_of == 2 and placed[3].duplicate_of == 2
    assert result.changed_originals[1] == 2
    assert len({a.event_id for a in placed.values()}) == 1


def test_unrelated_articles_get_separate_events_and_undated_ones_cluster():
    engine = StoryEngine()
    engine.process([article(1, WIRE, "2026-09-02T09:00:00"), article(2, OTHER, "2026-09-02T10:00:00", "Frist")])
    undated = Article(id=3, source="3.txt", title="Røveri", text=WIRE.replace("tirsdag", "i går"), language="da")
    engine.process([undated])
    placed = {a.article_id: a for a in engine.assignments()}
    assert placed[1].event_id != placed[2].event_id
    assert placed[3].event_id == placed[1].event_id


def test_articles_weeks_apart_are_not_one_event():
    engine = StoryEngine()
    rewritten = WIRE.replace("tirsdag", "torsdag").replace("halv million", "kvart million")
    engine.process([article(1, WIRE, "2026-09-02T09:00:00"), article(2, rewritten + " Nyt røveri.", "2026-10-20T09:00:00")])
    placed = {a.article_id: a for a in engine.assignments()}
    assert placed[1].event_id != placed[2].event_id


def partition(tracker: Tracker, key: str) -> set[frozenset[str]]:
    sources = {a.id: f"{a.source}#{a.record}" for a in tracker.articles()}
    groups: dict[int, set[str]] = {}
    for article_id, placed in tracker.assignments().items():
        groups.setdefault(placed[key], set()).add(sources[article_id].split("corpus/", 1)[1])
    return {frozenset(g) for g in groups.values()}


def pair_agreement(a: set[frozenset[str]], b: set[frozenset[str]]) -> float:
    """Share of article pairs on which two clusterings agree (Rand index)."""
    def together(parts):
        return {frozenset(p) for part in parts for p in combinations(sorted(part), 2)}
    items = sorted({x for part in a for x in part})
    pairs = [frozenset(p) for p in combinations(items, 2)]
    ta, tb = together(a), together(b)
    return sum((p in ta) == (p in tb) for p in pairs) / len(pairs)


def test_one_by_one_and_reversed_ingest_give_nearly_the_same_events(tmp_path):
    files = sorted(str(p) for p in (DEMO / "corpus").rglob("*") if p.is_file())
    with Tracker(tmp_path / "batch.db") as batch:
        batch.ingest(files, embeddings=False)
        events_batch = partition(batch, "event")
        storylines_batch = partition(batch, "storyline")
    with Tracker(tmp_path / "single.db") as single:
        for path in reversed(files):
            single.ingest([path], embeddings=False)
    with Tracker(tmp_path / "single.db") as reopened:  # state restored from the store each time
        events_single = partition(reopened, "event")
        storylines_single = partition(reopened, "storyline")
    assert pair_agreement(events_batch, events_single) >= 0.95
    assert pair_agreement(storylines_batch, storylines_single) >= 0.9


MENU = "Abonnez-vous à notre lettre du matin"
BODIES = [
    "Le gouvernement a présenté mercredi un budget qui réduit les dépenses de l'État de deux milliards d'euros.",
    "Un incendie a détruit trois entrepôts dans le port de Marseille dans la nuit de lundi à mardi.",
    "La sélection nationale a battu la Belgique deux buts à zéro en match amical au Stade de France.",
    "Les agriculteurs bretons manifestent contre la baisse du prix du lait payé par les laiteries.",
]


def test_a_title_learned_as_boilerplate_gives_way_to_the_first_real_line():
    # Pages whose first line is a site menu: the reader takes that line as the title.
    pages = [
        Article(id=i + 1, source=f"{i}.txt", title=MENU, text=f"{MENU}\n{body}", language="fr",
                published=f"2026-09-0{i + 1}", published_precision="day", published_sort=f"2026-09-0{i + 1}T00:00:00")
        for i, body in enumerate(BODIES)
    ]
    engine = StoryEngine()
    # One batch: what the first three pages teach is used for the fourth in the same batch.
    result = engine.process(pages)
    first, last = result.features[0], result.features[-1]
    assert first.title == MENU
    assert last.title == BODIES[-1]
    assert not any(term.startswith("abonn") for term in last.terms)


def test_a_storyline_far_smaller_than_another_joins_it_at_the_joining_threshold():
    from newsthread.cluster import ArticleVector

    def absorbed(big_size):
        engine = StoryEngine(absorb_size=3, absorb_ratio=10.0)
        storylines = engine.storylines_

        def storyline(size, names, first_id):
            cluster = storylines.new_cluster()
            for i in range(size):
                storylines.add(cluster, ArticleVector(first_id + i, names, "fr", "t", 20000.0 + i, 20001.0 + i), 1.0)
            return cluster

        big = storyline(big_size, {"@Syria": 0.8, "@Damascus": 0.6}, 1)
        small = storyline(4, {"@Syria": 0.2125, "@Homs": 0.977}, 100)
        # Similarity 0.17: above the joining threshold (0.15), below the merge threshold (0.2).
        assert storylines.threshold < storylines.cluster_similarity(small, big) < engine.storyline_merge_threshold
        return engine._absorb_small_storylines({small.id}) == {small.id: big.id}

    assert absorbed(40)
    # Not ten times larger: the two stay apart.
    assert not absorbed(20)


def test_a_kept_engine_sees_what_another_connection_wrote(tmp_path):
    """A long-lived Tracker keeps its engine between calls, but not past another writer's commit."""
    first, copy, other = (tmp_path / name for name in ("first.txt", "copy.txt", "other.txt"))
    first.write_text(f" date 2022-10-04\n{OTHER}", encoding="utf-8")
    copy.write_text(f" date 2022-10-04\n{WIRE}", encoding="utf-8")
    other.write_text(f" date 2022-10-05\n{WIRE} Sagen efterforskes fortsat.", encoding="utf-8")
    db = tmp_path / "shared.db"
    with Tracker(db) as reader, Tracker(db) as writer:
        reader.ingest([str(first)], embeddings=False)
        writer.ingest([str(copy)], embeddings=False)
        reader.ingest([str(other)], embeddings=False)
        by_source = {a.source: a.id for a in reader.articles()}
        placed = reader.assignments()
    assert placed[by_source[str(other)]]["duplicate_of"] == by_source[str(copy)]


def test_language_means_shrink_towards_the_prior_until_a_language_has_enough_texts():
    import numpy as np

    from newsthread.cluster import LanguageMeans

    prior, seen = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    means = LanguageMeans({"*": prior}, prior_weight=30)
    assert np.allclose(means.mean("da"), prior)  # nothing seen: the shipped all-language centre
    means.add(seen, "da")
    assert np.allclose(means.mean("da"), (seen + 30 * ((seen + 30 * prior) / 31)) / 31)
    for _ in range(2999):
        means.add(seen, "da")
    assert np.allclose(means.mean("da"), seen, atol=0.02)  # thousands of texts: their own mean
    centred = means.centred(np.array([0.6, 0.8, 0.0]), "da")
    assert abs(float(np.linalg.norm(centred)) - 1.0) < 1e-6
    # Without any prior the mean is the plain running mean.
    plain = LanguageMeans()
    assert plain.mean("sv") is None
    plain.add(seen, "sv")
    plain.add(prior, "sv")
    assert np.allclose(plain.mean("sv"), (seen + prior) / 2)


class _FakeEmbedder:
    """Deterministic unit vectors that share a large common part, as e5's do."""

    model_name = "fake/embedder"

    def embed(self, articles):
        import numpy as np

        vectors = {}
        for a in articles:
            rng = np.random.default_rng(sum(map(ord, a.title)))
            vector = np.r_[np.ones(4) * 3.0, rng.normal(size=12)].astype(np.float32)
            vectors[a.id] = vector / np.linalg.norm(vector)
        return vectors


def test_centred_embeddings_survive_a_round_trip_through_the_store(tmp_path):
    """restore_engine replays the running language means in arrival order: the same centred sums."""
    import numpy as np

    from newsthread.pipeline import IngestPipeline
    from newsthread.store import open_store

    for i, text in enumerate([WIRE, OTHER, WIRE + " Sagen efterforskes fortsat.", OTHER + " Mere følger."]):
        (tmp_path / f"{i}.txt").write_text(f"Titel nummer {i}\n date 2022-10-0{i + 1}\n{text}", encoding="utf-8")
    store = open_store(tmp_path / "x.db")
    kept = IngestPipeline(store, embeddings=True, statements=False, batch_size=2)
    kept.embedder = _FakeEmbedder()
    kept.run([str(tmp_path / f"{i}.txt") for i in range(4)])
    restored = IngestPipeline(store, embeddings=True, statements=False)
    restored.embedder = _FakeEmbedder()
    a, b = kept.engine, restored.engine
    assert a.language_means_.counts == b.language_means_.counts and sum(a.language_means_.counts.values()) == 4
    assert np.allclose(a.language_means_.total, b.language_means_.total)
    assert set(a.events_.clusters_) == set(b.events_.clusters_)
    for event_id, cluster in a.events_.clusters_.items():
        assert np.allclose(cluster.embedding_sum, b.events_.clusters_[event_id].embedding_sum, atol=1e-5)
    store.close()


def test_lexical_engine_ignores_the_centring_settings():
    """Without embeddings the centring settings change nothing."""
    articles = [article(1, WIRE, "2026-09-02T09:00:00"), article(2, OTHER, "2026-09-02T10:00:00", "Landbrug")]
    plain = StoryEngine(centre_embeddings=False)
    centred = StoryEngine(centre_embeddings=True)
    plain.process(articles)
    centred.process(articles)
    assert [(x.event_id, x.storyline_id) for x in plain.assignments()] == [
        (x.event_id, x.storyline_id) for x in centred.assignments()
    ]
    assert centred.language_means_ is None


def test_a_restored_engine_continues_the_stream_as_the_kept_one_does(tmp_path):
    """restore_engine (bulk near-duplicate index, rebuilt candidate index) behaves as the engine it saved."""
    from newsthread.pipeline import IngestPipeline
    from newsthread.store import open_store

    files = sorted(str(p) for p in DEMO.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert len(files) >= 4
    kept_store, restored_store = open_store(tmp_path / "kept.db"), open_store(tmp_path / "restored.db")
    kept = IngestPipeline(kept_store, embeddings=False, statements=False)
    kept.run(files[:-2])
    IngestPipeline(restored_store, embeddings=False, statements=False).run(files[:-2])
    restored = IngestPipeline(restored_store, embeddings=False, statements=False)  # rebuilt from the store
    a, b = kept.engine, restored.engine
    assert a.duplicates_.lsh_.keys_ == b.duplicates_.lsh_.keys_
    assert a.duplicates_.original_of_ == b.duplicates_.original_of_
    for clusterer in ("events_", "storylines_"):
        x, y = getattr(a, clusterer), getattr(b, clusterer)
        assert x.assignment_ == y.assignment_
        for cluster_id, cluster in x.clusters_.items():
            assert cluster.centroid(x.centroid_terms).keys() == y.clusters_[cluster_id].centroid(y.centroid_terms).keys()
    kept.run(files[-2:])
    restored.run(files[-2:])
    assert kept_store.assignments() == restored_store.assignments()
    kept_store.close()
    restored_store.close()


def test_a_deferred_candidate_index_is_the_eager_one_once_built(tmp_path):
    """Restored clusters are listed bucket by bucket as buckets are used; built out, the index is the eager one."""
    from newsthread.engine import restore_engine
    from newsthread.pipeline import IngestPipeline
    from newsthread.store import open_store

    store = open_store(tmp_path / "x.db")
    IngestPipeline(store, embeddings=False, statements=False).run([str(DEMO)])
    rows = store.load_engine_rows(None)
    lazy, eager = restore_engine(StoryEngine(), rows), restore_engine(StoryEngine(), rows)
    for name in ("events_", "storylines_"):
        index = getattr(eager, name).index_
        index.materialise_all()
        assert not index.pending
    first = next(iter(lazy.events_.clusters_.values()))
    query = list(first.centroid(12))
    # A dated query builds only the buckets it reads, and finds what the eager index finds.
    assert lazy.events_.index_.candidates(query, first.start, first.end, 3.0) == eager.events_.index_.candidates(
        query, first.start, first.end, 3.0
    )
    assert lazy.events_.index_.pending  # other buckets still wait
    for name in ("events_", "storylines_"):
        a, b = getattr(lazy, name).index_, getattr(eager, name).index_
        a.materialise_all()
        assert dict(a.postings) == dict(b.postings)
        assert dict(a.keys_of) == dict(b.keys_of) and dict(a.buckets_of_term) == dict(b.buckets_of_term)
    store.close()


def test_the_candidate_index_lists_one_cluster_by_id_and_forgets_a_removed_one():
    """A term listed by one cluster holds its id, by two a list; removing a cluster takes it out of both."""
    from newsthread.cluster import _InvertedIndex

    index = _InvertedIndex(max_postings=2, bucket_days=3.0)
    index.update(1, ["nato", "kiev"], 10.0, 10.5)
    index.update(2, ["nato"], 10.0, 10.5)
    index.update(1, ["nato", "kiev"], 10.0, 10.5)  # listed again: nothing changes
    assert index.postings[3] == {"nato": [1, 2], "kiev": 1}
    assert index.candidates(["kiev"], 10.0, 10.5, 3.0) == {1}
    index.update(3, ["nato"], 10.0, 10.5)  # the oldest listing drops out past max_postings
    assert index.candidates(["nato"], 10.0, 10.5, 3.0) == {2, 3}
    index.remove(1)
    index.remove(2)
    assert index.candidates(["nato", "kiev"], 10.0, 10.5, 3.0) == {3}
    assert index.candidates(["nato", "kiev"]) == {3}  # undated: every bucket of the terms
