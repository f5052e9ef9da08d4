#!/usr/bin/env python3
"""Cross-domain check of the language identifier on news text (nothing here is trained on).

* ndt_nb_texts: Norwegian Bokmål news/prose -> every sentence should be 'nb'
* dr_news_2017: Danish news -> every sentence should be 'da'
* whole articles of both, and the five seed articles (000, 001, 004 da; 002, 003 nb)

Sentences are cased and punctuated as published; those with fewer than 5 words are left out.
Usage: python scripts/langid_crosscheck.py [--shared ../shared] [--max 3000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsthread.language import NORDIC, LanguageIdentifier

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"–-])|\n+")
SEEDS = {"000": "da", "001": "da", "002": "nb", "003": "nb", "004": "da"}


def sentences(text: str, min_words: int = 5):
    for s in SENT_SPLIT.split(text):
        s = s.strip()
        if len(s.split()) >= min_words:
            yield s


def report(name, gold, preds, elapsed):
    c = Counter(preds)
    acc = c[gold] / len(preds) if preds else 0.0
    print(f"{name}: n={len(preds)} accuracy={acc:.4f} predicted={dict(c.most_common())} "
          f"({len(preds) / elapsed:.0f}/s)")
    return acc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--max", type=int, default=3000, help="sentences per source")
    args = ap.parse_args(argv)
    data = args.shared / "data"
    nordic = LanguageIdentifier(languages=list(NORDIC))
    full = LanguageIdentifier()

    nb_docs = [p.read_text(encoding="utf-8") for p in sorted((data / "ndt_nb_texts" / "texts" / "original").glob("*.txt"))]
    da_docs = []
    with open(data / "dr_news_2017" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("text") or ""
            if t.strip():
                da_docs.append(t)

    for name, gold, docs in (("ndt_nb_texts", "nb", nb_docs), ("dr_news_2017", "da", da_docs)):
        sents = [s for d in docs for s in sentences(d)][: args.max]
        for label, ident in (("4-way", nordic), ("open", full)):
            t0 = time.perf_counter()
            preds = [g.code for g in ident.pipe(sents)]
            report(f"{name} sentences ({label})", gold, preds, time.perf_counter() - t0)
        t0 = time.perf_counter()
        preds = [g.code for g in full.pipe(docs)]
        report(f"{name} whole documents (open)", gold, preds, time.perf_counter() - t0)

    seeds_dir = args.shared / "seeds"
    ok = 0
    for p in sorted(seeds_dir.glob("*.txt")):
        g = full.identify(p.read_text(encoding="utf-8"))
        want = SEEDS.get(p.name[:3])
        ok += g.code == want
        print(f"seed {p.name}: {g.code} ({g.confidence:.3f}) expected {want}")
    print(f"seeds right: {ok}/{len(SEEDS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
