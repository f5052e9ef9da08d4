#!/usr/bin/env python3
"""Cross-domain check of the language identifier on news text.

* ndt_nb_texts: Norwegian Bokmål news/prose -> every sentence should be 'nb'
* dr_news_2017: Danish news -> every sentence should be 'da'
* whole articles of both, and the five seed articles (000, 001, 004 da; 002, 003 nb)

``scripts/train_langid.py`` may train on the documents with ``crc32(id) % 2 == 0``
(``news_training_half``); by default only the other half is checked here, so the
figures stay out-of-sample (``--all`` checks every document, of which half may be
in-sample). The seeds are never trained on.

Sentences are cased and punctuated as published; those with fewer than 5 words are left out.
Usage: python scripts/langid_crosscheck.py [--shared ../shared] [--max 3000] [--all]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
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


def news_training_half(doc_id: str) -> bool:
    """True for the half of the news documents that training may use (by document id)."""
    return zlib.crc32(doc_id.encode("utf-8")) % 2 == 0


def read_news_documents(data: Path):
    """(document id, label, text) for ndt_nb_texts files (nb) and dr_news_2017 articles (da)."""
    for p in sorted((data / "ndt_nb_texts" / "texts" / "original").glob("*.txt")):
        yield p.name, "nb", p.read_text(encoding="utf-8")
    with open(data / "dr_news_2017" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            t = a.get("text") or ""
            if t.strip():
                yield str(a.get("id")), "da", t


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
    ap.add_argument("--all", action="store_true",
                    help="also the documents training may use (then partly in-sample)")
    args = ap.parse_args(argv)
    data = args.shared / "data"
    nordic = LanguageIdentifier(languages=list(NORDIC))
    full = LanguageIdentifier()

    docs_by = {"nb": [], "da": []}
    for doc_id, lab, text in read_news_documents(data):
        if args.all or not news_training_half(doc_id):
            docs_by[lab].append(text)
    nb_docs, da_docs = docs_by["nb"], docs_by["da"]
    print("documents checked: " + ("all" if args.all else "held-out half (not trainable)")
          + f", nb {len(nb_docs)}, da {len(da_docs)}")

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
