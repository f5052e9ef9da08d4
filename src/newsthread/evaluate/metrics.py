"""Scores shared by the evaluations: BCubed, Pearson r, precision/recall of a decision.

Pure functions over plain Python values, so each can be checked by hand.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> dict[str, float]:
    """BCubed precision, recall and F1 (Bagga and Baldwin 1998; Amigó et al. 2009).

    ``gold`` and ``predicted`` map each item to its cluster label; only items in both
    are scored. For an item, precision is the share of its predicted cluster that shares
    its gold cluster, recall the share of its gold cluster that shares its predicted
    cluster (each item counts itself); both are averaged over items.
    """
    items = [item for item in gold if item in predicted]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    # Items in both a gold and a predicted cluster, counted per (gold, predicted) cell.
    cells = Counter((gold[item], predicted[item]) for item in items)
    gold_sizes = Counter(gold[item] for item in items)
    predicted_sizes = Counter(predicted[item] for item in items)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in cells.items()) / len(items)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in cells.items()) / len(items)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall), "items": len(items)}


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; ``nan`` when fewer than two values or either side is constant."""
    if len(x) != len(y):
        raise ValueError(f"pearson: {len(x)} values against {len(y)}")
    n = len(x)
    if n < 2:
        return math.nan
    mean_x, mean_y = sum(x) / n, sum(y) / n
    dx = [v - mean_x for v in x]
    dy = [v - mean_y for v in y]
    sxx, syy = sum(v * v for v in dx), sum(v * v for v in dy)
    if not sxx or not syy:
        return math.nan
    return sum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)


def decision_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of a binary decision, with the counts behind them."""
    if len(gold) != len(predicted):
        raise ValueError(f"decision_scores: {len(gold)} gold against {len(predicted)} predicted")
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    n_predicted, n_gold = sum(map(bool, predicted)), sum(map(bool, gold))
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "tp": tp, "predicted": n_predicted, "gold": n_gold, "pairs": len(gold),
    }
