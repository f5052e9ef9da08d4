"""Measure entity extraction against a hand-annotated JSON Lines file.

Each line: ``{"id", "language", "text", "entities": [{"start", "end", "type", "canonical"}]}``
(``tests/data/entities_annotated.jsonl`` is the project's own set). Scores:

* span precision / recall / F1, micro-averaged: a predicted mention counts only if
  ``(start, end, type)`` equals a gold mention exactly, so a right name with the wrong
  type or a span one word too long is both a false positive and a false negative;
* canonical accuracy: among exactly matched spans, the share whose canonical name is
  right. After per-article extraction the :class:`EntityCatalog` is fitted on the whole
  file and every mention resolved, as the tracker will do, so the figure includes the
  collection-level consolidation.

Per-type and per-language figures show where the errors are.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..entities import EntityCatalog, Mention, extract_entities


def _score(true_positive: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": true_positive, "predicted": predicted, "gold": gold}


def _load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _predict(records: list[dict]) -> list[list[Mention]]:
    """Per-article extraction, then collection-wide resolution through one catalogue."""
    per_article = [extract_entities(record["text"], record["language"]) for record in records]
    catalog = EntityCatalog().partial_fit(per_article)
    return [[catalog.resolve(mention) for mention in mentions] for mentions in per_article]


def evaluate_entities(path: str | Path, split: str | None = None) -> dict:
    """Micro P/R/F1 on (start, end, type), canonical accuracy, and the errors, for one file.

    ``split`` keeps only records with that ``split`` field ("dev": the paragraphs the
    rules were tuned on; "heldout": written after the rules were frozen).
    """
    records = [record for record in _load(path) if split is None or record.get("split") == split]
    counts: Counter[tuple[str, str]] = Counter()
    canonical_right = canonical_total = 0
    errors: list[dict] = []
    for record, predicted in zip(records, _predict(records), strict=True):
        gold = {(g["start"], g["end"], g["type"]): g for g in record["entities"]}
        found = {(m.start, m.end, m.type): m for m in predicted}
        for key in gold.keys() | found.keys():
            kind = key[2]
            for scope in ("all", kind, record["language"]):
                counts[(scope, "gold")] += key in gold
                counts[(scope, "predicted")] += key in found
                counts[(scope, "tp")] += key in gold and key in found
            if key in gold and key in found:
                canonical_total += 1
                canonical_right += gold[key]["canonical"] == found[key].canonical
                if gold[key]["canonical"] != found[key].canonical:
                    errors.append({"id": record["id"], "kind": "canonical", "text": found[key].text,
                                   "gold": gold[key]["canonical"], "predicted": found[key].canonical})
            else:
                side = gold.get(key) or found.get(key)
                text = side["text"] if isinstance(side, dict) else side.text
                errors.append({"id": record["id"], "kind": "missed" if key in gold else "spurious",
                               "text": text, "type": kind})
    scopes = sorted({scope for scope, _ in counts})
    by_scope = {scope: _score(counts[(scope, "tp")], counts[(scope, "predicted")], counts[(scope, "gold")])
                for scope in scopes}
    return {
        "articles": len(records),
        "micro": by_scope.pop("all"),
        "by_scope": by_scope,
        "canonical_accuracy": canonical_right / canonical_total if canonical_total else 0.0,
        "canonical_checked": canonical_total,
        "errors": errors,
    }


def format_entities_report(result: dict, show_errors: int = 20) -> str:
    """A plain-text report of :func:`evaluate_entities`'s result."""
    micro = result["micro"]
    lines = [
        f"articles: {result['articles']}  gold mentions: {micro['gold']}  predicted: {micro['predicted']}",
        f"micro  P {micro['precision']:.3f}  R {micro['recall']:.3f}  F1 {micro['f1']:.3f}   (exact start, end, type)",
        f"canonical accuracy on matched spans: {result['canonical_accuracy']:.3f} of {result['canonical_checked']}",
        "",
        f"{'scope':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
    ]
    for scope, score in result["by_scope"].items():
        lines.append(f"{scope:<6} {score['precision']:6.3f} {score['recall']:6.3f} {score['f1']:6.3f} {score['gold']:5d}")
    if show_errors and result["errors"]:
        lines += ["", f"first {min(show_errors, len(result['errors']))} of {len(result['errors'])} errors:"]
        for error in result["errors"][:show_errors]:
            detail = f"{error['gold']} != {error['predicted']}" if error["kind"] == "canonical" else error["type"]
            lines.append(f"  {error['id']:<6} {error['kind']:<9} {error['text']!r} {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsthread.evaluate.entities [PATH] [--errors N]``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="tests/data/entities_annotated.jsonl")
    parser.add_argument("--split", help="only records of this split (dev or heldout)")
    parser.add_argument("--errors", type=int, default=20, help="how many errors to list (0 for none)")
    args = parser.parse_args(argv)
    print(format_entities_report(evaluate_entities(args.path, args.split), show_errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
