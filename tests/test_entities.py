"""Entity extraction: canonical names across languages, rules, catalogue, evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsthread.entities import EntityCatalog, Mention, extract_entities, spelling_key
from newsthread.evaluate.entities import evaluate_entities, format_entities_report

ANNOTATED = Path(__file__).parent / "data" / "entities_annotated.jsonl"


def canonicals(text: str, language: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.type, m.canonical) for m in extract_entities(text, language)}


@pytest.mark.parametrize(
    ("language", "sentence", "surface", "expected"),
    [
        ("da", "Han talte om Rusland i går.", "Rusland", ("LOC", "Russia")),
        ("nb", "Han talte om Russland i går.", "Russland", ("LOC", "Russia")),
        ("sv", "Han talade om Ryssland i går.", "Ryssland", ("LOC", "Russia")),
        ("en", "He spoke about Russia yesterday.", "Russia", ("LOC", "Russia")),
        ("da", "Det handler om Ruslands hær.", "Ruslands", ("LOC", "Russia")),
        ("nb", "Det handler om Russlands hær.", "Russlands", ("LOC", "Russia")),
        ("sv", "Det handlar om Rysslands armé.", "Rysslands", ("LOC", "Russia")),
        ("da", "Krigen i Ukraine fortsætter.", "Ukraine", ("LOC", "Ukraine")),
        ("nb", "Krigen i Ukraina fortsetter.", "Ukraina", ("LOC", "Ukraine")),
        ("da", "Det er Ukraines hær.", "Ukraines", ("LOC", "Ukraine")),
        ("nb", "Det er Ukrainas hær.", "Ukrainas", ("LOC", "Ukraine")),
        ("da", "Mødet i Nato varede længe.", "Nato", ("ORG", "NATO")),
        ("en", "The NATO summit ended.", "NATO", ("ORG", "NATO")),
        ("da", "Det var Natos møde.", "Natos", ("ORG", "NATO")),
        ("sv", "Det var FN:s möte.", "FN:s", ("ORG", "UN")),
        ("da", "Det var FN's møde.", "FN's", ("ORG", "UN")),
        ("nn", "Det var eit møte i SN.", "SN", ("ORG", "UN")),
        ("da", "Topmødet i Bruxelles.", "Bruxelles", ("LOC", "Brussels")),
        ("nb", "Toppmøtet i Brussel.", "Brussel", ("LOC", "Brussels")),
        ("sv", "Toppmötet i Bryssel.", "Bryssel", ("LOC", "Brussels")),
        ("en", "The summit in Brussels.", "Brussels", ("LOC", "Brussels")),
        ("da", "Mødet med Zelenskyj var kort.", "Zelenskyj", ("PER", "Volodymyr Zelensky")),
        ("nb", "Møtet med Zelenskij var kort.", "Zelenskij", ("PER", "Volodymyr Zelensky")),
        ("en", "The meeting with Zelenskyy was short.", "Zelenskyy", ("PER", "Volodymyr Zelensky")),
        ("en", "The meeting with Zelensky was short.", "Zelensky", ("PER", "Volodymyr Zelensky")),
        ("en", "The meeting with Zelenskyi was short.", "Zelenskyi", ("PER", "Volodymyr Zelensky")),
        ("da", "Han mødte Sergej Rjabkov i går.", "Sergej Rjabkov", ("PER", "Sergey Ryabkov")),
        ("en", "He met Sergei Ryabkov yesterday.", "Sergei Ryabkov", ("PER", "Sergey Ryabkov")),
        ("nb", "Han møtte Reznikow i går.", "Reznikow", ("PER", "Oleksii Reznikov")),
        ("da", "Det var Stoltenbergs besked.", "Stoltenbergs", ("PER", "Jens Stoltenberg")),
        ("nb", "Han var i Det hvite hus.", "Det hvite hus", ("ORG", "White House")),
        ("sv", "Han var i Vita huset.", "Vita huset", ("ORG", "White House")),
    ],
)
def test_aliases_resolve_to_one_canonical_name(language, sentence, surface, expected):
    assert canonicals(sentence, language)[surface] == expected


@pytest.mark.parametrize("variant", ["Zelenskyj", "Zelenskij", "Zelenskyy", "Zelensky", "Zelenskyi"])
def test_spelling_key_folds_slavic_transliterations(variant):
    assert spelling_key(variant) == spelling_key("Zelensky")


@pytest.mark.parametrize(("one", "other"), [("Rjabkov", "Ryabkov"), ("Reznikov", "Reznikow"), ("Sjojgu", "Shoigu")])
def test_spelling_key_pairs(one, other):
    assert spelling_key(one) == spelling_key(other)


def test_offsets_point_at_the_surface_text():
    text = "Ifølge Natos generalsekretær, Jens Stoltenberg, vil Rusland ikke vinde."
    for mention in extract_entities(text, "da"):
        assert text[mention.start : mention.end] == mention.text


def test_sentence_initial_common_words_are_not_names():
    found = canonicals("Dermed er sagen lukket. Ifølge kilder var det Rusland.", "da")
    assert set(found) == {"Rusland"}


def test_hyphen_compound_gives_the_name_part():
    assert canonicals("Nato-landene mødes, og EU-landene venter.", "da") == {
        "Nato": ("ORG", "NATO"),
        "EU": ("ORG", "EU"),
    }


@pytest.mark.parametrize(
    ("language", "sentence", "surface", "kind"),
    [
        ("da", "Sagen er sendt til Energistyrelsen i går.", "Energistyrelsen", "ORG"),
        ("nb", "Han jobber i Kystverket Holding ASA nå.", "Kystverket Holding ASA", "ORG"),
        ("en", "Shares in Fjordline Group rose.", "Fjordline Group", "ORG"),
        ("sv", "Det meddelade SMHI på fredagen.", "SMHI", "ORG"),
        ("da", "Det siger Karen Holmgaard til avisen.", "Karen Holmgaard", "PER"),
        ("nb", "Det sier direktør Kvamme til NTB.", "Kvamme", "PER"),
        ("da", "Kampene foregår i Pokrovsk nu.", "Pokrovsk", "LOC"),
    ],
)
def test_rules_type_unknown_names(language, sentence, surface, kind):
    assert canonicals(sentence, language)[surface][0] == kind


def test_surname_resolves_within_the_article():
    found = canonicals("Borgmester Karen Holmgaard åbnede skolen. Holmgaards tale var kort.", "da")
    assert found["Holmgaards"] == ("PER", "Karen Holmgaard")


def test_english_demonyms_and_titles_are_not_entities():
    found = canonicals("Russian President Vladimir Putin met Finnish officials.", "en")
    assert found == {"Vladimir Putin": ("PER", "Vladimir Putin")}


def article(text: str, language: str = "da") -> list[Mention]:
    return extract_entities(text, language)


def test_catalog_resolves_short_forms_seen_in_full_elsewhere():
    catalog = EntityCatalog().partial_fit(
        [
            article("Direktør Karen Holmgaard fra Vestjysk Energi A/S siger ja."),
            article("Holmgaard afviser kritikken."),
        ]
    )
    short = next(m for m in article("Holmgaard afviser kritikken.") if m.text == "Holmgaard")
    assert catalog.resolve(short).canonical == "Karen Holmgaard"
    records = {record["canonical"]: record for record in catalog.entities()}
    assert records["Karen Holmgaard"]["article_count"] == 2
    assert set(records["Karen Holmgaard"]["aliases"]) == {"Karen Holmgaard", "Holmgaard"}
    assert records["Vestjysk Energi A/S"]["type"] == "ORG"


def test_catalog_leaves_ambiguous_surnames_alone():
    catalog = EntityCatalog().partial_fit(
        [
            article("Minister Lise Kvamme talte."),
            article("Direktør Ole Kvamme svarede."),
        ]
    )
    short = Mention("Kvamme", 0, 6, "PER", "Kvamme")
    assert catalog.resolve(short).canonical == "Kvamme"


def test_catalog_entities_across_languages_share_one_record():
    catalog = EntityCatalog().partial_fit(
        [
            article("Rusland og Nato.", "da"),
            article("Russland og Nato.", "nb"),
            article("Ryssland och Nato.", "sv"),
            article("Russia and NATO.", "en"),
        ]
    )
    records = {record["canonical"]: record for record in catalog.entities()}
    assert records["Russia"]["article_count"] == 4
    assert set(records["Russia"]["aliases"]) == {"Rusland", "Russland", "Ryssland", "Russia"}
    assert records["NATO"]["article_count"] == 4


def test_annotated_set_is_consistent():
    for line in ANNOTATED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]
            assert entity["type"] in {"PER", "ORG", "LOC"}


def test_evaluation_on_the_annotated_set():
    result = evaluate_entities(ANNOTATED, split="dev")
    # The dev split is what the rules were tuned on: a regression guard, not a claim.
    assert result["micro"]["f1"] >= 0.95
    assert result["canonical_accuracy"] >= 0.95
    heldout = evaluate_entities(ANNOTATED, split="heldout")
    assert heldout["micro"]["f1"] >= 0.65
    assert "micro" in format_entities_report(result)


def test_speed_on_a_batch_of_articles():
    import time

    text = " ".join(["Jens Stoltenberg sagde i Bruxelles, at Rusland og Nato står over for en svær vinter."] * 20)
    extract_entities(text, "da")
    started = time.perf_counter()
    for _ in range(100):
        extract_entities(text, "da")
    assert time.perf_counter() - started < 5.0  # 100 articles of ~300 words; ~0.5 s on the dev machine


# -- more languages: countries and capitals from CLDR, transliteration fold ---------

VARIANTS = Path(__file__).parent / "data" / "name_variants.tsv"


@pytest.mark.parametrize(
    ("language", "sentence", "surface", "expected"),
    [
        ("es", "La guerra en Siria sigue.", "Siria", ("LOC", "Syria")),
        ("fr", "La guerre en Syrie continue.", "Syrie", ("LOC", "Syria")),
        ("de", "Der Krieg in Syrien geht weiter.", "Syrien", ("LOC", "Syria")),
        ("pl", "Wojna w Rosja trwa.", "Rosja", ("LOC", "Russia")),
        ("it", "Il vertice in Germania.", "Germania", ("LOC", "Germany")),
        ("fr", "Le sommet à Moscou.", "Moscou", ("LOC", "Moscow")),
        ("es", "La cumbre en Moscú.", "Moscú", ("LOC", "Moscow")),
        ("de", "Der Gipfel in Moskau.", "Moskau", ("LOC", "Moscow")),
        ("it", "Il vertice a Pechino.", "Pechino", ("LOC", "Beijing")),
        ("es", "La reunión en Ginebra.", "Ginebra", ("LOC", "Geneva")),
        ("pl", "Spotkanie w Kijów.", "Kijów", ("LOC", "Kyiv")),
        ("fr", "Le sommet à Damas.", "Damas", ("LOC", "Damascus")),
        ("es", "La reunión en Bruselas.", "Bruselas", ("LOC", "Brussels")),
        ("de", "Selenskyj reiste ab.", "Selenskyj", ("PER", "Volodymyr Zelensky")),
    ],
)
def test_european_languages_resolve_countries_and_capitals(language, sentence, surface, expected):
    assert canonicals(sentence, language)[surface] == expected


def test_inverted_catalogue_names_are_turned_round_not_cut():
    """ "Syrienne, République arabe" gives the full name, never the adjective alone."""
    from newsthread.entity_data import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.folded[tuple(spelling_key(w) for w in ("République", "arabe", "syrienne"))].canonical == "Syria"
    assert (spelling_key("Syrienne"),) not in lexicon.folded


@pytest.mark.parametrize(
    "variants",
    [
        ("Bashar", "Bachar", "Baschar"),
        ("Khamenei", "Chamenei"),
        ("Mubarak", "Moubarak"),
        ("Shevchenko", "Sjevtjenko", "Schewtschenko", "Szewczenko"),
        ("Selenskyj", "Zelenskyj", "Zełenski"),
    ],
)
def test_spelling_key_folds_arabic_and_slavic_transliterations(variants):
    assert len({spelling_key(variant) for variant in variants}) == 1


def _variant_pairs_meeting() -> tuple[int, int]:
    import itertools

    meets = total = 0
    for line in VARIANTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            for one, other in itertools.combinations(line.split("|"), 2):
                total += 1
                meets += spelling_key(one) == spelling_key(other)
    return meets, total


def test_spelling_key_joins_most_listed_variants():
    """490 of 770 pairs meet (292 with the earlier fold); guard against regressions."""
    meets, total = _variant_pairs_meeting()
    assert total >= 700
    assert meets / total >= 0.62


def test_few_gazetteer_keys_are_claimed_by_two_entities():
    """Keys dropped as ambiguous at load time: 105 with this fold (110 with the old one)."""
    from newsthread.entity_data import GAZETTEERS, TOKEN, _rows

    owners: dict[tuple[str, ...], set[str]] = {}
    for name in GAZETTEERS:
        for canonical, _kind, aliases in _rows(name):
            for alias in aliases:
                if len(alias) > 4 and not alias.isupper():
                    key = tuple(spelling_key(m.group()) for m in TOKEN.finditer(alias))
                    owners.setdefault(key, set()).add(canonical)
    assert sum(len(owner) > 1 for owner in owners.values()) <= 120


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Det siger Anne-Grethe Bisgaard i dag.", ("Anne-Grethe Bisgaard", "PER")),
        ("Det sier Hans-Christian Thomsen til NTB.", ("Hans-Christian Thomsen", "PER")),
        ("Det siger Jens-Ole Bisgaard i Syd-Sudan.", ("Syd-Sudan", "LOC")),
    ],
)
def test_a_hyphen_inside_a_name_neither_starts_a_sentence_nor_splits_it(sentence, expected):
    """A bare hyphen is no dash opening a quote, and a gazetteer's "Anne" or "Sudan" must not cut the word."""
    assert expected in [(m.text, m.type) for m in extract_entities(sentence, "da")]


def test_a_national_organisation_with_a_compound_head_opening_a_sentence():
    found = canonicals("Norsk Sykepleierforbund brøt forhandlingene. Hos Dansk Cyklistforening er man glad.", "nb")
    assert found["Norsk Sykepleierforbund"][0] == "ORG"
    assert found["Dansk Cyklistforening"][0] == "ORG"
