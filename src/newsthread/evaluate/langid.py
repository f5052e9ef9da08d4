"""Evaluate Nordic language identification (da/nb/nn/sv).

``evaluate_langid(path)`` reads either

* a CSV ``language,sentence`` (NordicDSL; ``dk`` means Danish), or
* a TSV with ``lang`` and ``text`` columns,

deduplicates (same text and label once), keeps rows labelled da/nb/nn/sv (others are
counted as ``skipped``) and identifies them with a :class:`LanguageIdentifier`
restricted to the four languages, never with a model that was trained on the sentence:

* the shipped Nordic model is K models trained K-fold on a pool of sentences
  (``scripts/train_langid.py``). A sentence of the pool is scored by the one model
  that held it out (``cross_fitted``): every pool sentence is measured out-of-sample,
  by a model trained on (K-1)/K of the pool;
* a sentence no model saw is scored by the shipped ensemble (``unseen``);
* extra training rows every model saw (news sentences) are left out
  (``excluded_training``).

``exclude_training=False`` scores everything with the shipped ensemble (in-sample for
the pool: an optimistic figure, reported as ``measured: in-sample``).

Run: ``python -m newsthread.evaluate.langid PATH [PATH ...]``.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from ..language import NORDIC, LanguageIdentifier, load_nordic_model, normalise_language_code, sentence_hash

_LABELS = {"dk": "da"}


def _label(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = raw.strip().lower()
    code = _LABELS.get(raw) or normalise_language_code(raw)
    return code if code in NORDIC else None


def read_labelled(path: str | Path) -> tuple[list[tuple[str, str]], int]:
    """(deduplicated [(text, label)] for da/nb/nn/sv, number of rows skipped)."""
    path = Path(path)
    with open(path, newline="", encoding="utf-8") as fh:
        head = fh.readline()
        fh.seek(0)
        delim = "\t" if "\t" in head else ","
        reader = csv.DictReader(fh, delimiter=delim)
        fields = {f.strip().lower(): f for f in (reader.fieldnames or [])}
        lab_col = fields.get("lang") or fields.get("language") or fields.get("label")
        txt_col = fields.get("text") or fields.get("sentence")
        if lab_col is None or txt_col is None:
            raise ValueError(f"{path}: need columns language,sentence or lang,text; got {reader.fieldnames}")
        rows: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        skipped = 0
        for r in reader:
            text = " ".join((r.get(txt_col) or "").split())
            raw_lab = r.get(lab_col)
            if not text:
                skipped += 1
                continue
            lab = _label(raw_lab)
            key = (text, lab or (raw_lab or ""))
            if key in seen:
                continue
            seen.add(key)
            if lab is None:
                skipped += 1
                continue
            rows.append((text, lab))
    return rows, skipped


def evaluate_langid(path: str | Path, *, identifier: LanguageIdentifier | None = None,
                    exclude_training: bool = True) -> dict:
    rows, skipped = read_labelled(path)
    excluded = 0
    folds: list[int | None] = [None] * len(rows)
    model = load_nordic_model()
    if exclude_training and model is not None:
        kept, kept_folds = [], []
        for t, y in rows:
            h = sentence_hash(t)
            if model.seen_by_all(h):
                excluded += 1
                continue
            kept.append((t, y))
            kept_folds.append(model.fold_of(h))
        rows, folds = kept, kept_folds
    ident = identifier or LanguageIdentifier(languages=list(NORDIC))
    t0 = time.perf_counter()
    if hasattr(ident, "_identify"):
        preds = [ident._identify(t, f).code for (t, _), f in zip(rows, folds)]
    else:  # a stand-in identifier: it cannot pick a fold
        preds = [ident.identify(t).code for t, _ in rows]
    elapsed = time.perf_counter() - t0
    n_cross = sum(f is not None for f in folds)
    if not exclude_training:
        measured = "in-sample (shipped ensemble on everything)"
    elif n_cross and n_cross == len(rows):
        measured = f"cross-fitted ({model.folds}-fold: each sentence by the model that held it out)"
    elif n_cross:
        measured = f"cross-fitted for {n_cross}, shipped ensemble for {len(rows) - n_cross} unseen"
    else:
        measured = "held-out (no sentence was trained on)"
    gold = [y for _, y in rows]
    labels = list(NORDIC)
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, preds):
        confusion[g].setdefault(p, 0)
        confusion[g][p] += 1
    per = {}
    for lang in labels:
        tp = confusion[lang].get(lang, 0)
        n_gold = sum(confusion[lang].values())
        n_pred = sum(confusion[g].get(lang, 0) for g in labels)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lang] = {"precision": prec, "recall": rec, "f1": f1, "n": n_gold}
    n = len(rows)
    correct = sum(g == p for g, p in zip(gold, preds))
    return {
        "file": str(path),
        "n": n,
        "skipped": skipped,
        "accuracy": correct / n if n else 0.0,
        "per_language": per,
        "confusion": confusion,
        "excluded_training": excluded,
        "cross_fitted": n_cross,
        "unseen": len(rows) - n_cross,
        "measured": measured,
        "sentences_per_second": n / elapsed if elapsed > 0 else 0.0,
    }


def format_langid_report(result: dict) -> str:
    conf = result["confusion"]
    golds = list(conf)
    preds = sorted({p for row in conf.values() for p in row}, key=lambda c: (c not in golds, c))
    lines = [
        f"file: {result['file']}",
        (
            f"sentences: {result['n']} (skipped {result['skipped']} other/empty, "
            f"excluded {result['excluded_training']} seen by every model)"
        ),
        f"measured: {result.get('measured', '')}",
        f"accuracy: {result['accuracy']:.4f}",
        "",
        "per language   precision  recall   f1       n",
    ]
    for lang, m in result["per_language"].items():
        lines.append(f"  {lang:<12} {m['precision']:.4f}     {m['recall']:.4f}   {m['f1']:.4f}   {m['n']}")
    lines += [
        "",
        "confusion (rows gold, columns predicted)",
        "gold\\pred " + "".join(f"{p:>7}" for p in preds),
    ]
    for g in golds:
        lines.append(f"{g:<10}" + "".join(f"{conf[g].get(p, 0):>7}" for p in preds))
    if result.get("sentences_per_second"):
        lines.append(f"\nspeed: {result['sentences_per_second']:.0f} sentences/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print("usage: python -m newsthread.evaluate.langid FILE [FILE ...]", file=sys.stderr)
        return 2
    for p in argv:
        print(format_langid_report(evaluate_langid(p)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
