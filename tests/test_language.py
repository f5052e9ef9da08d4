"""Tests for newsthread.language and newsthread.evaluate.langid.

The example sentences are written for these tests (not taken from any corpus).
Tests that need the shared evaluation data skip when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsthread.evaluate.langid import evaluate_langid, format_langid_report
from newsthread.language import (
    MODEL_PATH,
    NORDIC,
    LanguageGuess,
    LanguageIdentifier,
    identify_language,
    normalise_language_code,
    normalise_text,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not found at {SHARED}")
needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="Nordic model artefact not built")

DA = "Regeringen har besluttet, at skolerne skal have flere lærere efter sommerferien, siger ministeren."
NB = "Regjeringen har bestemt at skolene skal få flere lærere etter sommerferien, sier statsråden."
NN = "Regjeringa har bestemt at skulane skal få fleire lærarar etter sommarferien, seier statsråden."
SV = "Regeringen har beslutat att skolorna ska få fler lärare efter sommarlovet, säger ministern."
EN = "The government has decided that schools will get more teachers after the summer holidays."
DE = "Die Regierung hat beschlossen, dass die Schulen nach den Sommerferien mehr Lehrer bekommen."


@pytest.mark.parametrize(
    "code,expected",
    [
        ("no", "nb"), ("nor", "nb"), ("nob", "nb"), ("no-NO", "nb"), ("nb-NO", "nb"), ("NB", "nb"),
        ("nno", "nn"), ("nn-NO", "nn"), ("nn", "nn"),
        ("dk", "da"), ("dan", "da"), ("da-DK", "da"), ("da_DK", "da"),
        ("swe", "sv"), ("sv-SE", "sv"), ("en-US", "en"), ("en", "en"), ("de-DE", "de"),
        ("", None), (None, None), ("xx-unknown", None), ("klingon", None),
    ],
)
def test_normalise_language_code(code, expected):
    assert normalise_language_code(code) == expected


def test_normalise_text_matches_nordicdsl_cleaning():
    assert normalise_text("Hej, Verden! 2022 – «citat»") == "hej verden citat"


def test_empty_and_undecidable():
    ident = LanguageIdentifier()
    assert ident.identify("") == LanguageGuess("und", 0.0)
    assert ident.identify("   ").code == "und"
    assert ident.identify("12345 !!! 2022-10-03").code == "und"


@needs_model
@pytest.mark.parametrize("text,code", [(DA, "da"), (NB, "nb"), (NN, "nn"), (SV, "sv"), (EN, "en"), (DE, "de")])
def test_single_sentences(text, code):
    g = identify_language(text)
    assert g.code == code
    assert 0.0 < g.confidence <= 1.0


@needs_model
def test_lowercase_unpunctuated_sentences():
    ident = LanguageIdentifier(languages=NORDIC)
    for text, code in ((DA, "da"), (NB, "nb"), (NN, "nn"), (SV, "sv")):
        assert ident.identify(normalise_text(text)).code == code


def test_never_outputs_no():
    ident = LanguageIdentifier()
    texts = [NB, NN, NB.lower(), "Det er ikke lett å si hva som skjer nå.", "Han kom hjem i går."]
    assert all(g.code != "no" for g in ident.pipe(texts))


def test_restriction_to_candidates():
    ident = LanguageIdentifier(languages=["da", "nb"])
    for text in (DA, NB, NN, SV, EN):
        assert ident.identify(text).code in ("da", "nb")
    only_en_de = LanguageIdentifier(languages=["en", "de"])
    assert only_en_de.identify(DA).code in ("en", "de")


def test_without_refinement_still_nordic_codes():
    ident = LanguageIdentifier(nordic_refinement=False)
    assert ident.identify(NB).code in ("nb", "da", "nn")
    assert ident.identify(SV).code == "sv"


@needs_model
def test_long_article_is_capped_and_fast():
    import time

    article = " ".join([NB] * 400)  # ~38,000 characters
    ident = LanguageIdentifier()
    ident.identify(NB)  # load models
    t0 = time.perf_counter()
    for _ in range(50):
        assert ident.identify(article).code == "nb"
    assert (time.perf_counter() - t0) / 50 < 0.05  # well over 20 articles/s even on a slow CI


def test_pipe_matches_identify():
    ident = LanguageIdentifier()
    texts = [DA, EN, ""]
    assert ident.pipe(texts) == [ident.identify(t) for t in texts]


def test_evaluate_langid_on_small_files(tmp_path):
    csv_file = tmp_path / "dsl.csv"
    csv_file.write_text(
        "language,sentence\n"
        f"dk,{normalise_text(DA)}\n"
        f"dk,{normalise_text(DA)}\n"  # duplicate: counted once
        f"nb,{normalise_text(NB)}\n"
        f"nn,{normalise_text(NN)}\n"
        f"sv,{normalise_text(SV)}\n"
        "fo,hetta er ein setningur\n",
        encoding="utf-8",
    )
    r = evaluate_langid(csv_file)
    assert r["n"] == 4 and r["skipped"] == 1
    assert set(r["confusion"]) == set(NORDIC)
    assert sum(sum(row.values()) for row in r["confusion"].values()) == 4
    assert 0.0 <= r["accuracy"] <= 1.0
    assert "accuracy" in format_langid_report(r)

    tsv_file = tmp_path / "held.tsv"
    tsv_file.write_text(f"lang\ttext\nda\t{DA}\nnb\t{NB}\nnn\t{NN}\nsv\t{SV}\nen\t{EN}\n", encoding="utf-8")
    r = evaluate_langid(tsv_file)
    assert r["n"] == 4 and r["skipped"] == 1
    if MODEL_PATH.is_file():
        assert r["accuracy"] == 1.0


@needs_shared
@needs_model
def test_seed_articles():
    expected = {"000": "da", "001": "da", "002": "nb", "003": "nb", "004": "da"}
    files = sorted((SHARED / "seeds").glob("*.txt"))
    assert len(files) == 5
    for p in files:
        assert identify_language(p.read_text(encoding="utf-8")).code == expected[p.name[:3]], p.name


@needs_shared
@needs_model
def test_nordicdsl_held_out_accuracy():
    path = SHARED / "data" / "nordicdsl" / "wikipedia_test.csv"
    if not path.is_file():
        pytest.skip(f"{path} absent")
    r = evaluate_langid(path)
    # every pool sentence is scored by the one K-fold model that never saw it
    assert r["cross_fitted"] == r["n"] > 14000
    assert r["measured"].startswith("cross-fitted")
    assert r["accuracy"] > 0.96  # py3langid alone: 0.931


@needs_model
def test_ensemble_is_mean_of_fold_models():
    import numpy as np

    from newsthread.language import load_nordic_model

    m = load_nordic_model()
    assert m.folds >= 2
    norm = normalise_text(NN)
    per_fold = np.mean([m.scores(norm, None, fold=k) for k in range(m.folds)], axis=0)
    assert np.allclose(m.scores(norm, None), per_fold, atol=1e-3)
    assert m.fold_of(0) is None


# -- the fast py3langid walk (language._P3Walk) -------------------------------


def test_p3_automaton_synchronises_after_window():
    """From every state, the same _P3_WINDOW bytes lead to the same state (all byte strings)."""
    import numpy as np

    from newsthread import language as L

    ident = L._p3_identifier()
    walk = L._P3Walk(ident)
    assert walk.ok, "py3langid model changed: the fast walk is off (update _P3_FINGERPRINT)"
    nm, rowbase = walk.nm.astype(np.int64), walk.rowbase.astype(np.int64)
    n = rowbase.size
    byte = np.arange(256, dtype=np.int64)
    pairs = np.stack([np.arange(n, dtype=np.int64), np.zeros(n, dtype=np.int64)], 1)
    for _ in range(L._P3_WINDOW):
        keys = []
        for lo in range(0, len(pairs), 20_000):
            a, b = pairs[lo : lo + 20_000, 0], pairs[lo : lo + 20_000, 1]
            na = nm[(rowbase[a][:, None] + byte).ravel()]
            nb = nm[(rowbase[b][:, None] + byte).ravel()]
            m = na != nb
            keys.append(np.unique(na[m] * n + nb[m]))
        k = np.unique(np.concatenate(keys))
        pairs = np.stack([k // n, k % n], 1)
    assert len(pairs) == 0


def test_fast_p3_scores_are_bit_identical():
    import numpy as np

    from newsthread import language as L

    ident = L._p3_identifier()
    texts = [DA, NB, NN, SV, EN, DE, "", "a", "ab\x00\x00cd\x00", "日本語のテキスト", "ÆØÅ æøå " * 40, DA * 5]
    encs = [ident._encode(t) for t in texts]
    batch = L.p3_raw_scores(ident, encs)
    for e, b in zip(encs, batch):
        ref = ident._raw_score(e)
        assert b.dtype == ref.dtype and np.array_equal(b, ref)
        assert np.array_equal(L.p3_raw_scores(ident, [e])[0], ref)


def test_pipe_equals_identify():
    texts = [DA, NB, "", "12345", NN, SV, EN, DE, "ok", DA * 20]
    for ident in (LanguageIdentifier(), LanguageIdentifier(languages=["en", "nb", "da"])):
        assert ident.pipe(texts) == [ident.identify(t) for t in texts]
