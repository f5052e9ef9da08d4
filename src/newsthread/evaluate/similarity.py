"""Measure pair similarity against SemEval-2022 Task 8 (multilingual news article similarity).

The CSV has one pair per row: ``pair_id, lang1, lang2, text1, text2, ..., Overall``,
where ``Overall`` runs from 1 (same story) to 4 (unrelated), averaged over annotators.
Rows whose ``pair_id`` carries a language suffix (``123zh_456``) are machine-translated
augmentations, not gold, and rows with an empty text cannot be scored: both are dropped
and counted.

Scores: Pearson r between :class:`~newsthread.similarity.PairScorer` similarity and
``-Overall`` (overall and per language pair; the cosine of lead embeddings alone is
reported beside it as the baseline), and precision/recall/F1 of the same-story decision
(similarity >= the model's threshold) against gold ``Overall <= 1.5``.
"""

from __future__ import annotations

import csv
import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..similarity import CacheLocation, LinearModel, Pair, PairScorer
from .metrics import decision_scores, pearson

SAME_STORY = 1.5
REQUIRED_COLUMNS = frozenset({"pair_id", "lang1", "lang2", "text1", "text2", "Overall"})
_GOLD_PAIR_ID = re.compile(r"\d+_\d+")


@dataclass(frozen=True)
class GoldPair:
    pair_id: str
    pair: Pair
    overall: float

    @property
    def articles(self) -> tuple[str, str]:
        first, _, second = self.pair_id.partition("_")
        return first, second

    @property
    def languages(self) -> str:
        return f"{self.pair.language1}-{self.pair.language2}"


def load_pairs(csv_path: str | Path) -> tuple[list[GoldPair], dict[str, int]]:
    """Gold pairs of a SemEval-2022 Task 8 CSV, and how many rows were dropped and why."""
    csv.field_size_limit(sys.maxsize)
    pairs: list[GoldPair] = []
    dropped = {"rows": 0, "translated": 0, "empty_text": 0, "no_score": 0}
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{csv_path}: missing columns {', '.join(sorted(missing))}")
        for row in reader:
            dropped["rows"] += 1
            pair_id = row["pair_id"].strip()
            if not _GOLD_PAIR_ID.fullmatch(pair_id):
                dropped["translated"] += 1
            elif not row["text1"].strip() or not row["text2"].strip():
                dropped["empty_text"] += 1
            elif not row.get("Overall", "").strip():
                dropped["no_score"] += 1
            else:
                pair = Pair(row["text1"], row["text2"], row["lang1"].strip(), row["lang2"].strip())
                pairs.append(GoldPair(pair_id, pair, float(row["Overall"])))
    if not pairs:
        raise ValueError(f"{csv_path}: no gold pairs (columns pair_id, lang1, lang2, text1, text2, Overall)")
    return pairs, dropped


def scorer_for(
    pairs: list[GoldPair],
    *,
    embeddings: bool = True,
    cache: CacheLocation = None,
    model: dict[str, LinearModel] | None = None,
) -> PairScorer:
    """A scorer whose document frequencies are learned from the pairs' texts (no labels used)."""
    scorer = PairScorer(embeddings=embeddings, cache=cache, model=model)
    texts = {}
    for gold in pairs:
        first, second = gold.articles
        texts[first] = (gold.pair.text1, gold.pair.language1)
        texts[second] = (gold.pair.text2, gold.pair.language2)
    return scorer.observe(texts.values())


def evaluate_similarity(csv_path: str | Path, *, embeddings: bool = True, cache: CacheLocation = None) -> dict:
    """Score every gold pair and compare with the annotators; see the module docstring.

    ``cache`` keeps embeddings between runs (a directory or a dict).
    """
    pairs, dropped = load_pairs(csv_path)
    started = time.perf_counter()
    scorer = scorer_for(pairs, embeddings=embeddings, cache=cache)
    features = scorer.features([g.pair for g in pairs])
    similarity = scorer.score_many([g.pair for g in pairs])
    elapsed = time.perf_counter() - started
    baseline = [f.get("embed_lead") for f in features] if embeddings else None
    by_languages: dict[str, list[int]] = defaultdict(list)
    for index, gold in enumerate(pairs):
        by_languages[gold.languages].append(index)
    return {
        "file": str(csv_path),
        "embeddings": embeddings,
        "pairs": len(pairs),
        "dropped": dropped,
        "threshold": scorer.threshold,
        "elapsed_seconds": round(elapsed, 1),
        **_correlations(pairs, list(similarity), baseline, range(len(pairs))),
        "by_languages": {
            languages: _correlations(pairs, list(similarity), baseline, indices)
            for languages, indices in sorted(by_languages.items(), key=lambda kv: -len(kv[1]))
        },
        "same_story": decision_scores(
            [g.overall <= SAME_STORY for g in pairs], [bool(s >= scorer.threshold) for s in similarity]
        ),
    }


def _correlations(
    pairs: list[GoldPair], similarity: list[float], baseline: list[float] | None, indices: Iterable[int]
) -> dict:
    indices = list(indices)
    target = [-pairs[i].overall for i in indices]
    result = {"n": len(indices), "pearson": _finite(pearson([similarity[i] for i in indices], target))}
    if baseline is not None:
        result["pearson_embedding_cosine"] = _finite(pearson([baseline[i] for i in indices], target))
    return result


def _finite(value: float) -> float | None:
    # A single pair or a constant score has no correlation; None keeps --json valid JSON.
    return None if math.isnan(value) else value


def _r(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_similarity_report(result: dict) -> str:
    """The result as a short text report."""
    dropped = result["dropped"]
    has_baseline = "pearson_embedding_cosine" in result
    lines = [
        f"pair similarity on {result['file']} ({'with' if result['embeddings'] else 'without'} embeddings)",
        (f"  gold pairs {result['pairs']} of {dropped['rows']} rows (dropped: {dropped['translated']} machine-translated,"
        f" {dropped['empty_text']} with an empty text, {dropped['no_score']} without a score)"),
        f"  elapsed {result['elapsed_seconds']} s",
        "",
        f"  {'languages':10} {'pairs':>6} {'Pearson r':>10}" + (f" {'lead cosine r':>14}" if has_baseline else ""),
    ]
    for scope, scores in [("all", result), *result["by_languages"].items()]:
        line = f"  {scope:10} {scores['n']:>6} {_r(scores['pearson']):>10}"
        if has_baseline:
            line += f" {_r(scores['pearson_embedding_cosine']):>14}"
        lines.append(line)
    same = result["same_story"]
    lines += [
        "",
        (f"  same story (gold Overall <= {SAME_STORY}, similarity >= {result['threshold']:.3f}): "
        f"P {same['precision']:.3f} R {same['recall']:.3f} F1 {same['f1']:.3f} "
        f"({same['tp']} right of {same['predicted']} called, {same['gold']} gold)"),
        "  Pearson r is between the similarity and -Overall (1 = same story .. 4 = unrelated).",
    ]
    return "\n".join(lines)
