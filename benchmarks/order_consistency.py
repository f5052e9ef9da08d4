"""Does the way a stream arrives change the stories? Batch vs one by one vs reversed.

Ingests the same articles three ways into temporary stores, through the library API
(``Tracker.ingest``), lexical only:

* ``batch``: all files in one call (one consolidation at the end);
* ``one-by-one``: one call per article, in order (consolidation after every article);
* ``reversed``: one call per article, newest file first.

and reports BCubed precision/recall/F1 of each way's events, storylines and copies
(``duplicate_of`` groups) against the batch run. 1.0 means the same partition.

It also reports the start-up cost a new process pays before it can cluster: CPU
seconds to read the batch store's engine rows and to rebuild the engine from them
(``restore_engine``; best of three).

    python benchmarks/order_consistency.py                       # 150 DR articles
    python benchmarks/order_consistency.py --articles 400 --json
    python benchmarks/order_consistency.py --input examples/demo/corpus
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from newsthread import Tracker
from newsthread.evaluate.metrics import bcubed

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dr_news_2017" / "articles.jsonl"


def split_into_files(source: Path, limit: int, folder: Path) -> list[str]:
    """One file per article: JSONL lines become one-line files; a folder's files are used as they are."""
    if source.is_dir():
        return sorted(str(path) for path in source.rglob("*") if path.is_file() and not path.name.startswith("."))[
            :limit
        ]
    paths = []
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            path = folder / f"{number:05d}.jsonl"
            path.write_text(line, encoding="utf-8")
            paths.append(str(path))
    return paths


def ingest(paths: list[str], db: Path, *, one_by_one: bool) -> tuple[dict[str, dict], float]:
    """Articles by source after ingesting ``paths``, and the seconds it took."""
    started = time.perf_counter()
    with Tracker(str(db)) as tracker:
        for chunk in ([p] for p in paths) if one_by_one else [paths]:
            tracker.ingest(chunk, progress=False, embeddings=False)
        placed = tracker.assignments()
        articles = tracker.articles()
    elapsed = time.perf_counter() - started
    by_source = {}
    for article in articles:
        where = placed.get(article.id, {})
        by_source[f"{article.source}#{article.record}"] = {
            "event": where.get("event"),
            "storyline": where.get("storyline"),
            "copy_of": where.get("duplicate_of") or article.id,
        }
    return by_source, elapsed


def startup_seconds(db: Path, repeats: int = 3) -> dict[str, float]:
    """CPU seconds to read the engine rows of ``db`` and to restore an engine from them (best of ``repeats``)."""
    from newsthread.engine import StoryEngine, restore_engine
    from newsthread.store import open_store

    store = open_store(db)
    best = {"read": float("inf"), "restore": float("inf")}
    for _ in range(repeats):
        started = time.process_time()
        rows = store.load_engine_rows(None)
        read = time.process_time()
        restore_engine(StoryEngine(), rows)
        best = {"read": min(best["read"], read - started), "restore": min(best["restore"], time.process_time() - read)}
    store.close()
    return {k: round(v, 3) for k, v in best.items()}


def compare(reference: dict[str, dict], other: dict[str, dict]) -> dict[str, dict]:
    shared = reference.keys() & other.keys()
    return {
        level: bcubed({k: reference[k][level] for k in shared}, {k: other[k][level] for k in shared})
        for level in ("event", "storyline", "copy_of")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="a JSONL file or a folder of articles")
    parser.add_argument("--articles", type=int, default=150, help="how many articles (default 150)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"order_consistency: {args.input} not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newsthread-order-") as tmp:
        folder = Path(tmp)
        paths = split_into_files(args.input, args.articles, folder)
        batch, batch_s = ingest(paths, folder / "batch.db", one_by_one=False)
        startup = startup_seconds(folder / "batch.db")
        single, single_s = ingest(paths, folder / "single.db", one_by_one=True)
        backwards, backwards_s = ingest(paths[::-1], folder / "reversed.db", one_by_one=True)
    result = {
        "input": str(args.input), "articles": len(batch),
        "seconds": {"batch": round(batch_s, 1), "one-by-one": round(single_s, 1), "reversed": round(backwards_s, 1)},
        "startup_cpu_seconds": startup,
        "one-by-one vs batch": compare(batch, single),
        "reversed vs batch": compare(batch, backwards),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles from {args.input}; seconds {result['seconds']}")
    print(f"start-up CPU seconds of a new process on the batch store: read rows {startup['read']}, "
          f"restore engine {startup['restore']}")
    print(f"{'':22} {'events F1':>10} {'storylines F1':>14} {'copies F1':>10}")
    for name in ("one-by-one vs batch", "reversed vs batch"):
        scores = result[name]
        print(f"{name:22} {scores['event']['f1']:10.3f} {scores['storyline']['f1']:14.3f} {scores['copy_of']['f1']:10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
