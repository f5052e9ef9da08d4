"""Fit the pair-similarity model (src/newsthread/data/similarity_model.json) on SemEval-2022 Task 8 pairs.

Usage::

    pip install -e '.[train]'
    python scripts/fit_similarity.py training_set.csv [--cache /tmp/newsthread-cache/e5] [--out PATH]

Embedding the ~1,500 texts (lead, title, the next 100 words and ~9,900 sentences: ~13,400
embeddings) takes about 40 minutes on a busy two-core machine; ``--cache`` keeps them for the
next run (the fit then takes about a minute).

The CSV is the task's training file with texts (see docs/evaluation.md for where to get
it). Two logistic models are fitted on soft labels ``(4 - Overall) / 3``, one with the
embedding features and one without (``PairScorer(embeddings=False)``). Each is
cross-validated first, 5 folds by pair, with pairs that share an article kept in one fold,
so the reported cross-validated Pearson r is a figure for unseen pairs; the in-sample r is
printed beside it. The language centres of the embeddings (mean embedding per language,
stored with the models) are learned from the training folds' texts only. The same-story threshold is the one that maximises F1 of
``Overall <= 1.5`` on the cross-validated predictions.

scikit-learn is needed here only; the package applies the stored coefficients with numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsthread.evaluate.metrics import decision_scores, pearson
from newsthread.evaluate.similarity import SAME_STORY, GoldPair, load_pairs, scorer_for
from newsthread.similarity import MODEL_PATH, SENTENCE, PairScorer, language_centres, model_inputs

# A separate within-language lexical feature was tried: CV r +0.002, collinear, dropped.
# Also tried with the dense features (CV r, same folds; 0.795 without them): character 4-gram
# TF-IDF cosine -0.002, typed entity overlap (entities.extract_entities) +0.0005, embedding of the
# whole text +0.001 (0.77 alone, below the lead's 0.78, and twice as slow), e5 "query:" prefix
# -0.007, removing top principal components -0.004..-0.02, gradient boosting 0.781-0.789,
# ridge on -Overall 0.777 (the sigmoid's shape helps), learned per-dimension weights 0.788.
LEXICAL = ["sqrt:lexical", "sqrt:names", "numbers", "length_ratio", "same_language"]
# Sentence alignment (newsthread.similarity.sentence_features), centred per language: CV r 0.796 -> 0.809
# (--repeats 10: +0.0126 ± 0.0013 on the same grouped splits, +0.0099 at least). Tried beside them and
# dropped: the mean of all sentence cosines, the best single sentence pair, the fraction of
# sentences with a match above 0.4 or 0.5, position-weighted best matches, the better of the two ways
# (all within ±0.001); uncentred sentence embeddings gain only +0.001.
SENTENCES = ["sentences_best", "sentences_top3", "sentences_best_min", "sentences_mean"]
DENSE = ["embed_lead_centred", "embed_title_centred", "embed_chunks_centred", *SENTENCES]
FEATURE_SETS = {"embeddings": [*DENSE, *LEXICAL], "lexical": LEXICAL}
# The model before the sentence features, compared with by --repeats.
PREVIOUS = [name for name in FEATURE_SETS["embeddings"] if name not in SENTENCES]
# The embedded pieces the features need (see newsthread.similarity.PIECES).
PIECES = ["lead", "title", "next", SENTENCE]
FOLDS = 5
# Strong enough to keep seven coefficients sensible on ~800 pairs; r barely moves between 0.1 and 10.
C = 1.0


def article_groups(pairs: list[GoldPair]) -> np.ndarray:
    """A group id per pair: pairs linked by a shared article (transitively) share one."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for gold in pairs:
        first, second = gold.articles
        parent[root(first)] = root(second)
    roots = [root(gold.articles[0]) for gold in pairs]
    ids = {r: i for i, r in enumerate(dict.fromkeys(roots))}
    return np.array([ids[r] for r in roots])


def fit_soft_logistic(x: np.ndarray, target: np.ndarray, c: float = C) -> dict:
    """Logistic regression on labels in [0, 1]: each row counts as a positive with weight
    ``target`` and a negative with weight ``1 - target``."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    rows = np.vstack([z, z])
    labels = np.r_[np.ones(len(z)), np.zeros(len(z))]
    weights = np.r_[target, 1 - target]
    model = LogisticRegression(C=c, max_iter=1000).fit(rows, labels, sample_weight=weights)
    return {"mean": mean, "scale": scale, "coef": model.coef_[0], "intercept": float(model.intercept_[0])}


def predict(params: dict, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(params["intercept"] + ((x - params["mean"]) / params["scale"]) @ params["coef"])))


def language_centres_of(scorer: PairScorer, pairs: list[GoldPair], rows: np.ndarray | None = None) -> dict:
    """Language centres of each embedded piece, from the texts of ``pairs`` (or of ``rows`` of them)."""
    chosen = pairs if rows is None else [pairs[i] for i in rows]
    centres = {}
    for piece in PIECES:
        if piece == SENTENCE:
            vectors = scorer.sentence_embeddings([g.pair for g in chosen])
        else:
            vectors = scorer.embeddings_of([g.pair for g in chosen], piece)
        by_article = {}
        for index, gold in enumerate(chosen):
            first, second = gold.articles
            by_article[first] = (vectors[2 * index], gold.pair.language1)
            by_article[second] = (vectors[2 * index + 1], gold.pair.language2)
        centres[piece] = language_centres(by_article.values())
    return centres


def fold_inputs(scorer: PairScorer, pairs: list[GoldPair], sparse: list[dict], names: list[str], centres: dict):
    """Model inputs of every pair with the dense features centred on ``centres``."""
    scorer.centres = centres
    dense = scorer.dense_features([g.pair for g in pairs], PIECES)
    return np.array([model_inputs({**f, **d}, names) for f, d in zip(sparse, dense, strict=True)])


def cross_validated(inputs, target: np.ndarray, groups: np.ndarray, seed: int | None = None) -> np.ndarray:
    """Held-out predictions; ``inputs(train_rows)`` gives every pair's inputs with whatever is
    learned without labels (the language centres) learned from the training rows only.
    ``seed``: shuffle the groups into folds (``None``: the fixed, unshuffled split)."""
    predictions = np.zeros(len(target))
    folds = GroupKFold(n_splits=FOLDS) if seed is None else GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train, test in folds.split(target, target, groups):
        x = inputs(train)
        predictions[test] = predict(fit_soft_logistic(x[train], target[train]), x[test])
    return predictions


def repeated_cv(scorer: PairScorer, sparse: list[dict], pairs: list[GoldPair], groups: np.ndarray, repeats: int) -> None:
    """Print cross-validated r over ``repeats`` grouped splits (the fixed one, then shuffled ones)
    for the shipped feature set and the previous one without sentences, and their difference."""
    overall = np.array([g.overall for g in pairs])
    target = (4 - overall) / 3
    centres: dict = {}

    def inputs(names: list[str]):
        def rows(train: np.ndarray) -> np.ndarray:
            key = train.tobytes()
            if key not in centres:
                centres[key] = language_centres_of(scorer, pairs, train)
            return fold_inputs(scorer, pairs, sparse, names, centres[key])
        return rows

    results = {}
    for label, names in {"embeddings": FEATURE_SETS["embeddings"], "without sentences": PREVIOUS}.items():
        seeds = [None, *range(1, repeats)]
        held_out = [cross_validated(inputs(names), target, groups, seed) for seed in seeds]
        results[label] = np.array([pearson(list(p), list(-overall)) for p in held_out])
        print(f"{label}: cross-validated r over {repeats} grouped splits "
              f"{results[label].mean():.4f} ± {results[label].std():.4f} ({np.round(results[label], 4).tolist()})")
    gain = results["embeddings"] - results["without sentences"]
    print(f"gain from the sentence features: {gain.mean():+.4f} ± {gain.std():.4f} (min {gain.min():+.4f})")


def best_threshold(similarity: np.ndarray, same: list[bool]) -> tuple[float, dict]:
    candidates = np.unique(np.round(similarity, 3))
    scored = [(decision_scores(same, list(similarity >= t))["f1"], t) for t in candidates]
    _, threshold = max(scored)
    return float(threshold), decision_scores(same, list(similarity >= threshold))


def fit_model(name: str, scorer: PairScorer, sparse: list[dict], pairs: list[GoldPair], groups: np.ndarray) -> dict:
    names = FEATURE_SETS[name]
    x = fold_inputs(scorer, pairs, sparse, names, language_centres_of(scorer, pairs))
    overall = np.array([g.overall for g in pairs])
    target = (4 - overall) / 3
    held_out = cross_validated(
        lambda rows: fold_inputs(scorer, pairs, sparse, names, language_centres_of(scorer, pairs, rows)), target, groups
    )
    params = fit_soft_logistic(x, target)
    fitted = predict(params, x)
    same = [bool(v <= SAME_STORY) for v in overall]
    # Chosen on held-out predictions, so it is not tuned to the pairs it was fitted on.
    threshold, decision = best_threshold(held_out, same)
    by_languages = {}
    for languages in sorted({g.languages for g in pairs}):
        mask = np.array([g.languages == languages for g in pairs])
        by_languages[languages] = round(pearson(list(held_out[mask]), list(-overall[mask])), 4)
    report = {
        "pearson_cross_validated": round(pearson(list(held_out), list(-overall)), 4),
        "pearson_in_sample": round(pearson(list(fitted), list(-overall)), 4),
        "pearson_cross_validated_by_languages": by_languages,
        "same_story_cross_validated": {k: round(v, 4) for k, v in decision.items()},
    }
    return {
        "features": names, "mean": params["mean"].round(6).tolist(), "scale": params["scale"].round(6).tolist(),
        "coef": params["coef"].round(6).tolist(), "intercept": round(params["intercept"], 6),
        "threshold": threshold, "fit": report,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", help="SemEval-2022 Task 8 training CSV with texts")
    parser.add_argument("--cache", default=None, help="directory to keep embeddings in between runs")
    parser.add_argument("--out", default=str(MODEL_PATH), help=f"model file (default {MODEL_PATH})")
    parser.add_argument(
        "--repeats", type=int, default=0,
        help="also report cross-validated r over this many grouped splits (the fixed one, then shuffled), "
        "against the model without sentence features, and write nothing",
    )
    args = parser.parse_args()
    pairs, dropped = load_pairs(args.csv)
    groups = article_groups(pairs)
    print(f"{len(pairs)} gold pairs in {len(set(groups))} article groups; dropped {dropped}")
    scorer = scorer_for(pairs, embeddings=True, cache=args.cache, model={})
    sparse = scorer.features([g.pair for g in pairs], PIECES)
    if args.repeats:
        repeated_cv(scorer, sparse, pairs, groups, args.repeats)
        return
    models = {name: fit_model(name, scorer, sparse, pairs, groups) for name in FEATURE_SETS}
    centres = language_centres_of(scorer, pairs)
    for name, model in models.items():
        print(name, json.dumps(model["fit"], indent=1))
        print("  coefficients", dict(zip(model["features"], model["coef"], strict=True)), "threshold", model["threshold"])
    digest = hashlib.sha256(Path(args.csv).read_bytes()).hexdigest()
    document = {
        "description": (
            "PairScorer models fitted by scripts/fit_similarity.py; sigmoid(intercept + coef . (x - mean) / scale);"
            " centres: mean embedding per 'piece/language' ('*' = all), subtracted before cosines"
        ),
        "trained_on": {"file": Path(args.csv).name, "sha256": digest, "pairs": len(pairs), "date": date.today().isoformat()},
        "models": models,
    }
    # Mean embedding per language of the training texts, by embedded piece ("*": all languages),
    # one vector a line (4 decimals: the centred cosines move by less than 1e-4).
    vectors = ",\n".join(
        f'  "{piece}/{language}": ' + json.dumps([round(float(v), 4) for v in vector])
        for piece, by_language in centres.items() for language, vector in sorted(by_language.items())
    )
    text = json.dumps(document, indent=1)[:-2] + ',\n "centres": {\n' + vectors + "\n }\n}\n"
    json.loads(text)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
