"""Quote extraction against silver dash quotes (``newsthread evaluate quotes FILE``).

FILE is JSON Lines with ``text``, ``title``, ``lang`` and ``heuristic_quotes`` (dash-quote
texts a regex found, no speakers), like ``../shared/data/dr_news_2017/articles.jsonl``.
The heuristic quotes are not gold: they give *recall* of Danish dash quotes, nothing
about precision or speakers. Precision and speakers are checked by hand on ``sample``.

A heuristic quote counts as found when one of our quotes covers it: its normalised text
(lowercase, letters and digits only) is contained in ours, or ours in it with token
Jaccard >= 0.8 (ours may drop a trailing attribution the regex kept).
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from ..quotes import Quote, extract_quotes

JACCARD = 0.8
GOAL_RECALL = 0.95


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def covers(ours: str, heuristic: str) -> bool:
    """Whether our quote text covers a heuristic quote (containment, or Jaccard >= 0.8)."""
    a, b = _norm(ours), _norm(heuristic)
    if not b:
        return True
    if b in a:
        return True
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / len(ta | tb) >= JACCARD


def evaluate_quotes(path: str | Path, *, sample_size: int = 40, seed: int = 13) -> dict:
    """Recall of the heuristic quotes, extra quotes by kind, speaker share, and a random sample."""
    articles = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = total = 0
    extra: list[tuple[str, Quote]] = []
    all_quotes: list[Quote] = []
    missed: list[str] = []
    started = time.perf_counter()
    for article in articles:
        text = article.get("text") or ""
        quotes = extract_quotes(text, article.get("lang") or "da", title=article.get("title"))
        all_quotes += quotes
        heuristic = article.get("heuristic_quotes") or []
        for h in heuristic:
            total += 1
            if any(covers(q.text, h) for q in quotes):
                found += 1
            else:
                missed.append(h)
        for q in quotes:
            if not any(covers(q.text, h) or covers(h, q.text) for h in heuristic):
                extra.append((str(article.get("id", "")), q))
    seconds = time.perf_counter() - started
    rng = random.Random(seed)
    chosen = rng.sample(extra, min(sample_size, len(extra)))
    return {
        "articles": len(articles),
        "heuristic_quotes": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "goal_recall": GOAL_RECALL,
        "quotes": len(all_quotes),
        "quotes_by_kind": dict(Counter(q.kind for q in all_quotes)),
        "extra": len(extra),
        "extra_by_kind": dict(Counter(q.kind for _, q in extra)),
        "with_speaker": sum(q.speaker is not None for q in all_quotes) / len(all_quotes) if all_quotes else 0.0,
        "seconds": seconds,
        "missed_examples": missed[:10],
        "sample": [
            {"article": aid, "kind": q.kind, "speaker": q.speaker, "role": q.speaker_role, "cue": q.cue, "text": q.text}
            for aid, q in chosen
        ],
    }


def format_quotes_report(result: dict) -> str:
    """A plain-text report of :func:`evaluate_quotes`' result."""
    goal = "met" if result["recall"] >= result["goal_recall"] else "NOT met"
    lines = [
        (f"articles: {result['articles']}  quotes: {result['quotes']} {result['quotes_by_kind']}"
        f"  ({result['seconds']:.1f} s)"),
        (f"heuristic dash quotes found: {result['found']}/{result['heuristic_quotes']} = {result['recall']:.3f}"
        f" (goal >= {result['goal_recall']}: {goal}; containment or token Jaccard >= {JACCARD})"),
        f"extra quotes beyond the heuristic ones: {result['extra']} {result['extra_by_kind']}",
        f"quotes with a resolved speaker: {result['with_speaker']:.3f}",
        f"random sample of {len(result['sample'])} extra quotes (check by hand):",
    ]
    for item in result["sample"]:
        who = item["speaker"] or "-"
        role = f" ({item['role']})" if item["role"] else ""
        lines.append(f"  [{item['article']}] {item['kind']:8} {who}{role} <{item['cue']}>: {item['text'][:140]}")
    return "\n".join(lines)
