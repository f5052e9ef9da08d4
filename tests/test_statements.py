from newsthread.entities import Mention
from newsthread.quotes import Quote
from newsthread.statements import (
    StatementGrouper,
    StoredQuote,
    canonical_speaker,
    fold,
    speaker_key,
    statement_similarity,
)

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
