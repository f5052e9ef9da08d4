#!/usr/bin/env python3
"""Build ``src/newsthread/data/langid_nordic.npz``: the da/nb/nn/sv classifier.

Inputs, all obtainable by a user:

* NordicDSL Wikipedia test split (``../shared/data/nordicdsl/wikipedia_test.csv``,
  from https://github.com/renhaa/NordicDSL history, CC BY-SA), da/nb/nn/sv,
  deduplicated. K-fold ("cross-fitting"): sentence ``i`` belongs to fold
  ``sentence_hash % K`` and model ``k`` is trained on every fold but ``k``. The K
  models are shipped; new text is scored with their average (an ensemble that has
  seen all the data), while ``newsthread.evaluate.langid`` scores each pool sentence
  with the one model that never saw it. The pool's hashes are stored in the artefact.
* News text (on by default, ``--no-external`` to leave it out; skipped if absent):
  Bokmål sentences from ``../shared/data/ndt_nb_texts`` (UD Norwegian treebank raw texts, CC BY-SA) and
  Danish sentences from ``../shared/data/dr_news_2017``; only documents whose
  ``crc32(document id) % 2 == 0`` are used (the other half stays held out for
  ``scripts/langid_crosscheck.py``), cleaned like NordicDSL, with a small sample
  weight (``--external-weight``) so they do not swamp the four-way data. Their
  hashes are stored too, so the evaluator never scores them.
* simplemma's da/nb/nn/sv lemma dictionaries (installed package): reduced to a
  table of (crc32 of word form -> which of the four dictionaries hold it).
* wordfreq and py3langid (installed packages) are used at run time as features.

Usage::

    python scripts/train_langid.py [--data ../shared/data/nordicdsl/wikipedia_test.csv]
                                   [--folds 5] [--bits 18] [--external-weight 0.1]
                                   [--no-external]

Deterministic: the same inputs give the same artefact.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import warnings
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


def read_external(shared: Path) -> list[tuple[str, str]]:
    """(sentence, label) from the training half of the nb/da news documents (cased, as published)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from langid_crosscheck import news_training_half, read_news_documents, sentences

    data = shared / "data"
    if not (data / "ndt_nb_texts").is_dir() or not (data / "dr_news_2017").is_dir():
        print(f"no news data under {data}: NordicDSL only", file=sys.stderr)
        return []
    out = []
    for doc_id, lab, text in read_news_documents(data):
        if news_training_half(doc_id):
            out.extend((s, lab) for s in sentences(text))
    return out


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
        # training rows are cleaned like NordicDSL, py3langid sees the cleaned text too
        dense.append(L.dense_features(norm, L.p3_nordic_scores(ident, norm), lex_h, lex_p))
    X = csr_matrix(
        (np.concatenate(data).astype(np.float32), np.concatenate(indices), np.array(indptr)),
        shape=(len(texts), 1 << bits),
    )
    return X, np.vstack(dense)


def fit(X, D, y, C, dense_weight, sample_weight=None):
    """Linear SVM (one-vs-rest, liblinear) on hashed n-grams + standardised dense features.

    Returns (sparse weights (F, 4), dense weights with the scaling folded in (D, 4), bias (4,)).
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.svm import LinearSVC

    std = D.std(axis=0)
    scale = np.where(std > 1e-6, dense_weight / np.maximum(std, 1e-6), 0.0).astype(np.float32)
    Z = hstack([X, csr_matrix(D * scale)]).tocsr()
    m = LinearSVC(C=C, max_iter=5000, random_state=0)  # deterministic coordinate order
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # liblinear may stop at max_iter; accuracy is flat there
        m.fit(Z, y, sample_weight=sample_weight)
    assert tuple(str(c) for c in m.classes_) == L.NORDIC, m.classes_
    coef = m.coef_.T.astype(np.float32)
    nsp = X.shape[1]
    return coef[:nsp], coef[nsp:] * scale[:, None], m.intercept_.astype(np.float32)


def decide(X, D, w_sparse, w_dense, bias):
    return np.asarray(X @ w_sparse) + D @ w_dense + bias


def fit_temperature(scores: np.ndarray, y_idx: np.ndarray) -> float:
    """Scalar T minimising the log loss of softmax(T * scores) (confidences, not decisions)."""
    best = None
    for t in np.exp(np.linspace(np.log(0.3), np.log(30.0), 61)):
        z = scores * t
        z = z - z.max(axis=1, keepdims=True)
        nll = -(z[np.arange(len(z)), y_idx] - np.log(np.exp(z).sum(axis=1))).mean()
        if best is None or nll < best[0]:
            best = (nll, float(t))
    return best[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared" / "data" / "nordicdsl" / "wikipedia_test.csv")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="folder holding data/ndt_nb_texts and data/dr_news_2017")
    ap.add_argument("--folds", type=int, default=5, help="K models, fold = sentence_hash %% K")
    ap.add_argument("--bits", type=int, default=18, help="hashed feature space 2**BITS")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--dense-weight", type=float, default=0.3)
    ap.add_argument("--external-weight", type=float, default=0.1,
                    help="sample weight of a news sentence (a NordicDSL sentence weighs 1)")
    ap.add_argument("--no-external", action="store_true", help="NordicDSL only")
    ap.add_argument("--out", type=Path, default=L.MODEL_PATH)
    args = ap.parse_args(argv)

    t0 = time.time()
    rows = read_nordicdsl(args.data)
    texts = [t for t, _ in rows]
    y = np.array([lab for _, lab in rows])
    hashes = np.array([L.sentence_hash(t) for t in texts], dtype=np.uint64)
    folds = (hashes % np.uint64(args.folds)).astype(np.int64)
    ext = [] if args.no_external else read_external(args.shared)
    print(f"{len(rows):,} deduplicated da/nb/nn/sv sentences in {args.folds} folds, "
          f"{len(ext):,} news sentences (weight {args.external_weight:g})", file=sys.stderr)
    lex_h, lex_p = build_lexicon()
    X, D = featurise(texts, args.bits, lex_h, lex_p)
    if ext:
        from scipy.sparse import vstack

        XE, DE = featurise([t for t, _ in ext], args.bits, lex_h, lex_p)
        yE = np.array([lab for _, lab in ext])
    print(f"features in {time.time() - t0:.1f}s", file=sys.stderr)

    ws, wd, bs = [], [], []
    cross = np.zeros((len(texts), len(L.NORDIC)), dtype=np.float32)
    for k in range(args.folds):
        tr = folds != k
        Xk, Dk, yk, sw = X[tr], D[tr], y[tr], None
        if ext:
            Xk = vstack([Xk, XE]).tocsr()
            Dk = np.vstack([Dk, DE])
            yk = np.concatenate([yk, yE])
            sw = np.concatenate([np.ones(tr.sum()), np.full(len(yE), args.external_weight)])
        w_s, w_d, b = fit(Xk, Dk, yk, args.C, args.dense_weight, sw)
        cross[~tr] = decide(X[~tr], D[~tr], w_s, w_d, b)
        acc = float((np.array(L.NORDIC)[cross[~tr].argmax(1)] == y[~tr]).mean())
        print(f"  fold {k}: trained on {tr.sum():,}, held-out accuracy {acc:.4f} "
              f"({time.time() - t0:.0f}s)", file=sys.stderr)
        ws.append(w_s.astype(np.float16))
        wd.append(w_d)
        bs.append(b)
    y_idx = np.array([L.NORDIC.index(v) for v in y])
    acc = float((cross.argmax(1) == y_idx).mean())
    temperature = fit_temperature(cross, y_idx)
    print(f"cross-fitted accuracy {acc:.4f} on {len(y):,}; temperature {temperature:.2f}",
          file=sys.stderr)
    ext_hashes = np.unique(np.array([L.sentence_hash(t) for t, _ in ext], dtype=np.uint64))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "source": str(args.data.name), "folds": args.folds, "n_pool": len(texts),
        "n_external": len(ext), "external_weight": args.external_weight if ext else 0.0,
        "C": args.C, "dense_weight": args.dense_weight, "bits": args.bits,
        "classifier": "LinearSVC one-vs-rest", "cross_fitted_accuracy": round(acc, 4),
        "dense_names": L.DENSE_NAMES,
    }
    order = np.argsort(hashes)
    np.savez_compressed(
        args.out,
        classes=np.array(L.NORDIC),
        bits=np.int64(args.bits),
        w_sparse=np.stack(ws),  # (K, 2**bits, 4) float16
        w_dense=np.stack(wd),  # (K, D, 4), dense scaling folded in
        bias=np.stack(bs),  # (K, 4)
        temperature=np.float32(temperature),
        lex_hashes=lex_h,
        lex_patterns=lex_p,
        pool_hashes=hashes[order],
        pool_folds=folds[order].astype(np.uint8),
        external_hashes=ext_hashes,
        meta=np.array(json.dumps(meta)),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
