"""Quote recall and speaker accuracy on the demo corpus against examples/demo/GOLD.json.

The demo corpus was written for this project with its quotes and speakers annotated in
GOLD.json (session 1). Ingests it into a temporary store (no embeddings) and matches each
gold quote to an extracted quote of the same article by its first 40 characters.

    python scripts/evaluate_demo_quotes.py            # summary and every miss
    python scripts/evaluate_demo_quotes.py --json
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from newsthread import Tracker

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def gold_key(source: str, record: str) -> str:
    """GOLD.json's key: the path under corpus/, plus '#n' for the n-th record of a multi-article file."""
    relative = source.split("corpus/", 1)[1]
    return f"{relative}#{record.split()[-1]}" if record else relative


def evaluate() -> dict:
    gold = json.loads((DEMO / "GOLD.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Tracker(Path(tmp) / "demo.db") as tracker:
        tracker.ingest([str(DEMO / "corpus")], embeddings=False)
        articles = {gold_key(a.source, a.record): a.id for a in tracker.articles()}
        quotes = tracker.quotes()
    by_article: dict[int, list[dict]] = {}
    for quote in quotes:
        by_article.setdefault(quote["article"], []).append(quote)
    found = right = 0
    errors = []
    annotated = [(key, q) for key, item in gold.items() for q in item.get("quotes", [])]
    for key, expected in annotated:
        head = expected["text"][:40]
        matches = [q for q in by_article.get(articles[key], []) if head in q["text"] or q["text"][:40] in expected["text"]]
        if not matches:
            errors.append({"article": key, "error": "not found", "text": expected["text"][:70]})
            continue
        found += 1
        if matches[0]["speaker"] == expected["speaker"]:
            right += 1
        else:
            errors.append({"article": key, "error": "speaker", "expected": expected["speaker"],
                           "got": matches[0]["speaker"], "text": expected["text"][:70]})
    return {"annotated": len(annotated), "found": found, "recall": found / len(annotated),
            "speaker_right": right, "speaker_accuracy": right / max(found, 1), "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = evaluate()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"gold quotes found: {result['found']}/{result['annotated']} = {result['recall']:.3f}")
    print(f"right speaker among found: {result['speaker_right']}/{result['found']} = {result['speaker_accuracy']:.3f}")
    for error in result["errors"]:
        print("  ", json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
