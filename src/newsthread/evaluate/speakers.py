"""Who said what, measured on hand-annotated articles (``newsthread evaluate speakers FILE``).

FILE is JSON Lines, one article a line (``tests/data/quotes_annotated.jsonl`` is the
project's own set, written for it)::

    {"id", "language", "title", "text", "split": "dev"|"heldout"|"heldout2"|...,
     "quotes": [{"text": <a distinctive substring of the quote>, "speaker": <full name or null>,
                 "kind": "direct"|"indirect"}]}

Scores, overall, by language and by split:

* **recall**: annotated quotes found, i.e. some extracted quote's text contains the
  annotated substring (whitespace-normalised);
* **speaker accuracy** over the found quotes: the extracted speaker equals the
  annotated full name exactly (``null`` must be matched by ``None``: no guessing);
* **kind accuracy** over the found quotes (direct/indirect);
* **precision**: the share of extracted quotes that contain an annotated quote; the
  others are *extra* quotes (a statement the annotator did not count as a quote, or a
  wrong boundary).

``split`` keeps only records of that split; any split name present in the file is accepted
("dev": the articles the rules were tuned on; "heldout": written after the rules were frozen;
"heldout2", "heldout3", "heldout4": blind sets, each written and measured before its round of rule changes).

``mode="extract"`` (default) scores :func:`newsthread.quotes.extract_quotes` alone, with the
annotated language. ``mode="end-to-end"`` scores what a user sees: the articles are ingested
into a temporary store (embeddings off, language detected as on any ingest, the annotated one
declared) and the stored quotes are read back, so the speaker is the canonical speaker after
entity canonicalisation (:func:`newsthread.statements.canonical_speaker`), as
``newsthread quotes --json`` and ``show --json`` print it.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

from ..quotes import Quote, extract_quotes


def _norm(text: str) -> str:
    return " ".join(text.split())


def _load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# Whether an indirect quote's span starts before or after its conjunction ("siger, at ...")
# is a convention, not a finding: the annotated text matches without it too.
_LEADING_CONJUNCTION = re.compile(r"^(?:at|att|that|om)\s+", re.IGNORECASE)


def _found_in(gold_text: str, quote_text: str) -> bool:
    gold, found = _norm(gold_text), _norm(quote_text)
    return gold in found or _LEADING_CONJUNCTION.sub("", gold, count=1) in found


def _match(gold: dict, quotes: list[Quote]) -> Quote | None:
    """The extracted quote containing the annotated substring (the one of the annotated kind first)."""
    hits = [q for q in quotes if _found_in(gold["text"], q.text)]
    same_kind = [q for q in hits if q.kind == gold.get("kind")]
    return (same_kind or hits or [None])[0]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _summary(c: dict[str, int]) -> dict[str, float | int]:
    return {
        "annotated": c["annotated"],
        "found": c["found"],
        "recall": _ratio(c["found"], c["annotated"]),
        "speaker_right": c["speaker_right"],
        "speaker_accuracy": _ratio(c["speaker_right"], c["found"]),
        # a missed quote counts as wrong here: the share a reader gets right
        "right_of_annotated": _ratio(c["speaker_right"], c["annotated"]),
        "kind_accuracy": _ratio(c["kind_right"], c["found"]),
        "extracted": c["extracted"],
        "extra": c["extracted"] - c["matched"],
        "precision": _ratio(c["matched"], c["extracted"]),
    }


MODES = ("extract", "end-to-end")


def _stored_quotes(records: list[dict]) -> tuple[list[list], list[str | None]]:
    """Each record's quotes as stored by an ingest into a temporary store, and its stored language."""
    from ..tracker import Tracker

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "annotated.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for record in records:
                row = {"id": record.get("id"), "title": record.get("title"), "text": record["text"],
                       "language": record["language"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        with Tracker(Path(tmp) / "speakers.db") as tracker:
            tracker.ingest([str(source)], embeddings=False)
            articles = tracker.articles()
            index = {a.id: int(a.record.split()[-1]) - 1 for a in articles}
            languages: list[str | None] = [None] * len(records)
            for article in articles:
                languages[index[article.id]] = article.language
            stored: list[list] = [[] for _ in records]
            for row in tracker.quotes():
                stored[index[row["article"]]].append(SimpleNamespace(
                    text=row["text"], speaker=row["speaker"], speaker_role=row["speaker_role"],
                    kind=row["kind"], cue=None))
    return stored, languages


def evaluate_speakers(path: str | Path, split: str | None = None, mode: str = "extract") -> dict:
    """Recall, speaker accuracy, kind accuracy and precision on ``path``.

    ``mode``: ``"extract"`` scores :func:`extract_quotes` alone; ``"end-to-end"`` the quotes
    stored by an ingest (canonical speakers, detected language).
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
    every = _load(path)
    records = [r for r in every if split is None or r.get("split") == split]
    if not records:
        known = ", ".join(sorted({str(r.get("split")) for r in every if r.get("split")})) or "none"
        raise ValueError(f"no annotated articles{f' in split {split!r} (splits in the file: {known})' if split else ''}")
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[dict] = []
    stored, languages = _stored_quotes(records) if mode == "end-to-end" else (None, None)
    for number, record in enumerate(records):
        if stored is None:
            quotes = extract_quotes(record["text"], record["language"], title=record.get("title"))
        else:
            quotes = stored[number]
            if languages[number] != record["language"]:
                errors.append({"id": record["id"], "kind": "language", "text": "", "gold": record["language"],
                               "predicted": languages[number]})
        scopes = ("all", record["language"], record.get("split") or "-")
        for gold in record["quotes"]:
            quote = _match(gold, quotes)
            right = quote is not None and quote.speaker == gold["speaker"]
            for scope in scopes:
                counts[scope]["annotated"] += 1
                counts[scope]["found"] += quote is not None
                counts[scope]["speaker_right"] += right
                counts[scope]["kind_right"] += quote is not None and quote.kind == gold["kind"]
            if quote is None:
                errors.append({"id": record["id"], "kind": "missed", "text": gold["text"], "gold": gold["speaker"]})
                continue
            if not right:
                errors.append({"id": record["id"], "kind": "speaker", "text": quote.text, "gold": gold["speaker"],
                               "predicted": quote.speaker, "role": quote.speaker_role, "cue": quote.cue})
        for quote in quotes:
            hit = any(_found_in(g["text"], quote.text) for g in record["quotes"])
            for scope in scopes:
                counts[scope]["extracted"] += 1
                counts[scope]["matched"] += hit
            if not hit:
                errors.append({"id": record["id"], "kind": "extra", "text": quote.text, "predicted": quote.speaker,
                               "cue": quote.cue})
    overall = _summary(counts.pop("all"))
    return {
        "articles": len(records),
        "split": split,
        "mode": mode,
        **overall,
        "by_scope": {scope: _summary(c) for scope, c in sorted(counts.items())},
        "errors": errors,
    }


def format_speakers_report(result: dict, show_errors: int = 40) -> str:
    """A plain-text report of :func:`evaluate_speakers`' result."""
    lines = [
        (f"articles: {result['articles']}{'  split: ' + result['split'] if result['split'] else ''}"
         f"  mode: {result.get('mode', 'extract')}"
         f"  annotated quotes: {result['annotated']}  extracted: {result['extracted']}"),
        f"recall (annotated quotes found): {result['found']}/{result['annotated']} = {result['recall']:.3f}",
        (f"speaker accuracy on found quotes: {result['speaker_right']}/{result['found']} = "
         f"{result['speaker_accuracy']:.3f}  (exact full name; null must match null)"),
        (f"right speaker among all annotated quotes (a missed one counts as wrong): "
         f"{result['speaker_right']}/{result['annotated']} = {result['right_of_annotated']:.3f}"),
        f"kind accuracy on found quotes: {result['kind_accuracy']:.3f}",
        f"precision (extracted quotes that are annotated): {result['precision']:.3f}  extra: {result['extra']}",
        "",
        f"{'scope':<8} {'quotes':>6} {'recall':>7} {'speaker':>8} {'kind':>6} {'prec':>6}",
    ]
    for scope, s in result["by_scope"].items():
        lines.append(f"{scope:<8} {s['annotated']:6d} {s['recall']:7.3f} {s['speaker_accuracy']:8.3f}"
                     f" {s['kind_accuracy']:6.3f} {s['precision']:6.3f}")
    errors = result["errors"]
    if show_errors and errors:
        lines += ["", f"first {min(show_errors, len(errors))} of {len(errors)} errors:"]
        for e in errors[:show_errors]:
            if e["kind"] == "speaker":
                detail = f"gold {e['gold']!r} != {e['predicted']!r} (role {e['role']!r}, cue {e['cue']!r})"
            elif e["kind"] == "missed":
                detail = f"gold {e['gold']!r}"
            elif e["kind"] == "language":
                detail = f"annotated {e['gold']!r}, detected {e['predicted']!r}"
            else:
                detail = f"speaker {e['predicted']!r}"
            lines.append(f"  {e['id']:<6} {e['kind']:<7} {e['text'][:70]!r} {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsthread.evaluate.speakers [PATH] [--split NAME] [--end-to-end] [--errors N] [--json]``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="tests/data/quotes_annotated.jsonl")
    parser.add_argument("--split", help="only records of this split (any split in the file: dev, heldout, heldout2, heldout3, heldout4)")
    parser.add_argument("--end-to-end", action="store_true",
                        help="ingest into a temporary store and score the stored (canonical) speakers")
    parser.add_argument("--errors", type=int, default=40, help="how many errors to list (0 for none)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = evaluate_speakers(args.path, args.split, "end-to-end" if args.end_to_end else "extract")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_speakers_report(result, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
