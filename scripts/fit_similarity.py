"""Fit the pair-similarity model (src/newsthread/data/similarity_model.json) on SemEval-2022 Task 8 pairs.

Usage::

    pip install -e '.[train]'
    python scripts/fit_similarity.py training_set.csv [--cache /tmp/newsthread-cache/e5] [--out PATH]

The CSV is the task's training file with texts (see docs/evaluation.md for where to get
it). Two logistic models are fitted on soft labels ``(4 - Overall) / 3``, one with the
embedding features and one without (``PairScorer(embeddings=False)``). Each is
cross-validated first, 5 folds by pair, with pairs that share an article kept in one fold,
so the reported cross-validated Pearson r is a figure for unseen pairs; the in-sample r is
printed beside it. The same-story threshold is the one that maximises F1 of
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
from newsthread.similarity import MODEL_PATH, model_inputs

# A separate within-language lexical feature was tried: CV r +0.002, collinear, dropped.
LEXICAL = ["sqrt:lexical", "sqrt:names", "numbers", "length_ratio", "same_language"]
FEATURE_SETS = {"embeddings": ["embed_lead", "embed_title", *LEXICAL], "lexical": LEXICAL}
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


def cross_validated(x: np.ndarray, target: np.ndarray, groups: np.ndarray) -> np.ndarray:
    predictions = np.zeros(len(target))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, target, groups):
        predictions[test] = predict(fit_soft_logistic(x[train], target[train]), x[test])
    return predictions


def best_threshold(similarity: np.ndarray, same: list[bool]) -> tuple[float, dict]:
    candidates = np.unique(np.round(similarity, 3))
    scored = [(decision_scores(same, list(similarity >= t))["f1"], t) for t in candidates]
    _, threshold = max(scored)
    return float(threshold), decision_scores(same, list(similarity >= threshold))


def fit_model(name: str, features: list[dict], pairs: list[GoldPair], groups: np.ndarray) -> dict:
    names = FEATURE_SETS[name]
    x = np.array([model_inputs(f, names) for f in features])
    overall = np.array([g.overall for g in pairs])
    target = (4 - overall) / 3
    held_out = cross_validated(x, target, groups)
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
    args = parser.parse_args()
    pairs, dropped = load_pairs(args.csv)
    groups = article_groups(pairs)
    print(f"{len(pairs)} gold pairs in {len(set(groups))} article groups; dropped {dropped}")
    features = scorer_for(pairs, embeddings=True, cache=args.cache, model={}).features([g.pair for g in pairs])
    models = {name: fit_model(name, features, pairs, groups) for name in FEATURE_SETS}
    for name, model in models.items():
        print(name, json.dumps(model["fit"], indent=1))
        print("  coefficients", dict(zip(model["features"], model["coef"], strict=True)), "threshold", model["threshold"])
    digest = hashlib.sha256(Path(args.csv).read_bytes()).hexdigest()
    document = {
        "description": "PairScorer models fitted by scripts/fit_similarity.py; sigmoid(intercept + coef . (x - mean) / scale)",
        "trained_on": {"file": Path(args.csv).name, "sha256": digest, "pairs": len(pairs), "date": date.today().isoformat()},
        "models": models,
    }
    Path(args.out).write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
