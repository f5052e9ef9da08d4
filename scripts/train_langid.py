#!/usr/bin/env python3
"""Build ``src/newsthread/data/langid_nordic.npz``: the da/nb/nn/sv classifier.

Inputs, all obtainable by a user:

* NordicDSL Wikipedia test split (``../shared/data/nordicdsl/wikipedia_test.csv``,
  from https://github.com/renhaa/NordicDSL history, CC BY-SA): only the sentences
  whose 64-bit hash falls in the training part (``hash % 2 == 0`` by default) are
  used; their hashes are stored in the artefact so that
  ``newsthread.evaluate.langid`` never scores a sentence the model was trained on.
* simplemma's da/nb/nn/sv lemma dictionaries (installed package): reduced to a
  table of (crc32 of word form -> which of the four dictionaries hold it).
* wordfreq and py3langid (installed packages) are used at run time as features.

Usage::

    python scripts/train_langid.py [--data ../shared/data/nordicdsl/wikipedia_test.csv]
                                   [--train-mod 2] [--bits 18]

Deterministic: the same inputs give the same artefact.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsthread import language as L

LABEL_MAP = {"dk": "da", "da": "da", "nb": "nb", "no": "nb", "nn": "nn", "sv": "sv"}


def read_nordicdsl(path: Path) -> list[tuple[str, str]]:
    rows, seen = [], set()
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lab = LABEL_MAP.get((r.get("language") or "").strip().lower())
            text = " ".join((r.get("sentence") or "").split())
            if lab is None or not text or (text, lab) in seen:
                continue
            seen.add((text, lab))
            rows.append((text, lab))
    return rows


def in_training_part(text: str, mod: int) -> bool:
    return L.sentence_hash(text) % mod == 0


def build_lexicon(min_zipf: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """crc32(form) -> membership bits (da=1, nb=2, nn=4, sv=8) for discriminating forms."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    fac = DefaultDictionaryFactory()
    member: dict[str, int] = {}
    for bit, lang in enumerate(L.NORDIC):
        d = fac.get_dictionary(lang)
        for form in d:
            w = form.lower()
            if " " in w or not w.isalpha():
                continue
            member[w] = member.get(w, 0) | (1 << bit)
    wf = L._wordfreq_tables()
    keep_h, keep_p = [], []
    for w, pat in member.items():
        if pat == 0b1111:
            continue  # in all four: says nothing
        common = any(w in wf[l][0] and wf[l][0][w] >= 10 ** (min_zipf - 9) for l in wf)
        nn_form = bool(pat & 4) and len(w) >= 2
        if not (common or nn_form):
            continue
        keep_h.append(L.word_hash32(w))
        keep_p.append(pat)
    h = np.array(keep_h, dtype=np.uint32)
    p = np.array(keep_p, dtype=np.uint8)
    order = np.argsort(h, kind="stable")
    h, p = h[order], p[order]
    uniq = np.ones(len(h), dtype=bool)
    uniq[1:] = h[1:] != h[:-1]  # on a hash collision keep the first
    print(f"lexicon: {len(member):,} forms, {uniq.sum():,} kept", file=sys.stderr)
    return h[uniq], p[uniq]


def featurise(texts, bits, lex_h, lex_p):
    from scipy.sparse import csr_matrix

    ident = L._p3_identifier()
    indptr, indices, data, dense = [0], [], [], []
    for t in texts:
        norm = L.normalise_text(t)
        ids, vals = L.sparse_features(norm, bits)
        indices.append(ids)
        data.append(vals)
        indptr.append(indptr[-1] + len(ids))
        dense.append(L.dense_features(norm, L.p3_nordic_scores(ident, t), lex_h, lex_p))
    X = csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.array(indptr)),
        shape=(len(texts), 1 << bits),
    )
    return X, np.vstack(dense)


def fit(X, D, y, C, dense_weight):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    std = D.std(axis=0)
    scale = np.where(std > 1e-6, dense_weight / np.maximum(std, 1e-6), 0.0).astype(np.float32)
    Z = hstack([X, csr_matrix(D * scale)]).tocsr()
    m = LogisticRegression(C=C, max_iter=5000)
    m.fit(Z, y)
    return m, scale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared" / "data" / "nordicdsl" / "wikipedia_test.csv")
    ap.add_argument("--train-mod", type=int, default=2,
                    help="train on sentences with hash %% MOD == 0 (default 2: half)")
    ap.add_argument("--bits", type=int, default=18, help="hashed feature space 2**BITS")
    ap.add_argument("--C", type=float, default=None, help="skip the C search")
    ap.add_argument("--dense-weight", type=float, default=None)
    ap.add_argument("--out", type=Path, default=L.MODEL_PATH)
    args = ap.parse_args(argv)

    t0 = time.time()
    rows = read_nordicdsl(args.data)
    train = [(t, y) for t, y in rows if in_training_part(t, args.train_mod)]
    print(f"{len(rows):,} deduplicated da/nb/nn/sv sentences, {len(train):,} for training",
          file=sys.stderr)
    lex_h, lex_p = build_lexicon()
    texts = [t for t, _ in train]
    y = np.array([lab for _, lab in train])
    X, D = featurise(texts, args.bits, lex_h, lex_p)
    print(f"features in {time.time() - t0:.1f}s", file=sys.stderr)

    # choose C and the dense weight on an inner split of the training part only
    inner = np.array([(L.sentence_hash(t) >> 20) % 5 == 0 for t in texts])
    grid_c = [args.C] if args.C else [10.0, 30.0, 100.0]
    grid_w = [args.dense_weight] if args.dense_weight else [0.1, 0.3]
    best = None
    for C in grid_c:
        for w in grid_w:
            m, scale = fit(X[~inner], D[~inner], y[~inner], C, w)
            from scipy.sparse import csr_matrix, hstack

            acc = float((m.predict(hstack([X[inner], csr_matrix(D[inner] * scale)]).tocsr())
                         == y[inner]).mean())
            print(f"  inner C={C:g} dense_weight={w:g}: {acc:.4f}", file=sys.stderr)
            if best is None or acc > best[0]:
                best = (acc, C, w)
    _, C, w = best
    m, scale = fit(X, D, y, C, w)
    classes = [str(c) for c in m.classes_]
    assert tuple(classes) == L.NORDIC, classes
    nsp = 1 << args.bits
    coef = m.coef_.T.astype(np.float32)  # (features, C)
    train_hashes = np.unique(np.array([L.sentence_hash(t) for t in texts], dtype=np.uint64))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "source": str(args.data.name), "train_mod": args.train_mod, "n_train": len(texts),
        "C": C, "dense_weight": w, "bits": args.bits, "dense_names": L.DENSE_NAMES,
    }
    np.savez_compressed(
        args.out,
        classes=np.array(classes),
        bits=np.int64(args.bits),
        w_sparse=coef[:nsp].astype(np.float16),
        w_dense=coef[nsp:],
        dense_scale=scale,
        bias=m.intercept_.astype(np.float32),
        lex_hashes=lex_h,
        lex_patterns=lex_p,
        train_hashes=train_hashes,
        meta=np.array(json.dumps(meta)),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) "
          f"C={C:g} dense_weight={w:g} in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
