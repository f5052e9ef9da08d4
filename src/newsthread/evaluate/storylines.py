"""Measure the story engine's storylines against a corpus labelled by folder.

The corpus is laid out as ML-Crisis is: ``<lang>/<topic>/<YYYY-MM-DD>/<doc>.txt``.
The topic folder is the gold storyline; ``reference/`` folders (timelines, not
articles) are skipped. The language folder is used for the per-language report
only: the tracker identifies languages itself.

Files are ingested in date order, as a stream would bring them, into a temporary
store (or ``db``), and the engine's assignments are scored with BCubed:

* storylines against the gold topics, over all articles and within each language
  (restricting both clusterings to that language's articles);
* events against the gold topics too: an event must never mix storylines, so its
  BCubed *precision* is the figure that matters (recall is low by design); and
  against (topic, day), a rough stand-in for gold events, since the corpus has none.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..embeddings import Embedder
from ..pipeline import IngestPipeline
from ..tracker import Tracker
from .metrics import bcubed

SKIPPED_FOLDERS = frozenset({"reference"})
TOP_STORYLINES = 10


@dataclass(frozen=True)
class GoldDocument:
    path: Path
    language: str
    topic: str
    day: str


def gold_documents(directory: str | Path) -> list[GoldDocument]:
    """Every ``<lang>/<topic>/<day>/<doc>.txt`` under ``directory``, in date order."""
    root = Path(directory)
    documents = []
    for path in root.glob("*/*/*/*.txt"):
        language, topic, day = path.relative_to(root).parts[:3]
        if topic not in SKIPPED_FOLDERS and path.is_file():
            documents.append(GoldDocument(path, language, topic, day))
    if not documents:
        raise ValueError(f"no <lang>/<topic>/<date>/<doc>.txt files under {root}")
    # A stream brings articles by date; path order would feed one topic at a time.
    return sorted(documents, key=lambda d: (d.day, str(d.path)))


def _cluster_by_document(tracker: Tracker, documents: list[GoldDocument]) -> dict[Path, dict]:
    """Each document's assignment ({"event", "storyline", ...}) by its path."""
    by_source = {str(d.path): d.path for d in documents}
    assignments = tracker.assignments()
    found = {}
    for article in tracker.articles():
        path = by_source.get(article.source)
        if path is not None and article.id in assignments:
            found[path] = {
                **assignments[article.id], "article_id": article.id, "title": article.title, "language": article.language,
            }
    return found


def evaluate_storylines(
    directory: str | Path, *, embeddings: bool = False, db: str | None = None, cache: str | Path | None = None
) -> dict:
    """Ingest the corpus and score storylines and events; see the module docstring.

    ``cache`` is a directory that keeps the title+lead embeddings between runs
    (see :class:`newsthread.embeddings.Embedder`): the first run with embeddings
    takes minutes, the next ones seconds.
    """
    documents = gold_documents(directory)
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="newsthread-eval-") as scratch,
        Tracker(db or Path(scratch) / "evaluate.db") as tracker,
    ):
        paths = [str(d.path) for d in documents]
        if embeddings and cache is not None:
            # Tracker.ingest's pipeline, with an embedder that keeps its vectors in ``cache``.
            pipeline = IngestPipeline(tracker.store, embeddings=True, progress=True, embedder=Embedder(cache=cache))
            report = pipeline.run(paths)
        else:
            # The bar shows only on a terminal; the run takes a minute or more.
            report = tracker.ingest(paths, embeddings=embeddings, progress=True)
        clustered = _cluster_by_document(tracker, documents)
        titles = {story["id"]: story["title"] for story in tracker.stories()}
    elapsed = time.perf_counter() - started
    scored = [d for d in documents if d.path in clustered]
    return {
        "directory": str(directory),
        "embeddings": embeddings,
        "elapsed_seconds": round(elapsed, 1),
        "articles_per_second": round(len(documents) / elapsed, 1) if elapsed else None,
        "counts": _counts(documents, scored, clustered, report.rejected),
        **_scores(scored, clustered),
        "by_language": {
            language: _scores([d for d in scored if d.language == language], clustered)
            for language in sorted({d.language for d in scored})
        },
        "detected_languages": dict(Counter(clustered[d.path]["language"] for d in scored).most_common()),
        "largest_storylines": _largest(scored, clustered, titles),
    }


def _counts(documents: list[GoldDocument], scored: list[GoldDocument], clustered: dict, rejected: int) -> dict:
    return {
        "files": len(documents),
        "articles": len(scored),
        "rejected": rejected,
        # Files the store collapsed into one article (exact duplicates) are not scored.
        "not_scored": len(documents) - len(scored) - rejected,
        "gold_storylines": len({d.topic for d in scored}),
        "predicted_storylines": len({clustered[d.path]["storyline"] for d in scored}),
        "predicted_events": len({clustered[d.path]["event"] for d in scored}),
        "singleton_storylines": sum(
            1 for n in Counter(clustered[d.path]["storyline"] for d in scored).values() if n == 1
        ),
        "duplicates": sum(1 for d in scored if clustered[d.path].get("duplicate_of") is not None),
        "duplicates_across_topics": _duplicates_across_topics(scored, clustered),
    }


def _duplicates_across_topics(documents: list[GoldDocument], clustered: dict) -> int:
    """Wire copies whose original is in another gold storyline: a copy detector fooled by shared page furniture."""
    topic_of = {clustered[d.path]["article_id"]: d.topic for d in documents}
    return sum(
        1 for d in documents
        if clustered[d.path].get("duplicate_of") is not None
        and topic_of.get(clustered[d.path]["duplicate_of"], d.topic) != d.topic
    )


def _scores(documents: list[GoldDocument], clustered: dict) -> dict:
    topics = {d.path: d.topic for d in documents}
    days = {d.path: (d.topic, d.day) for d in documents}
    storylines = {d.path: clustered[d.path]["storyline"] for d in documents}
    events = {d.path: clustered[d.path]["event"] for d in documents}
    return {
        "articles": len(documents),
        "storylines": bcubed(topics, storylines),
        "events": bcubed(topics, events),
        "events_vs_topic_day": bcubed(days, events),
    }


def _largest(documents: list[GoldDocument], clustered: dict, titles: dict[int, str]) -> list[dict]:
    """The biggest predicted storylines with their gold topics and languages: where merges go wrong."""
    members: dict[int, list[GoldDocument]] = {}
    for d in documents:
        members.setdefault(clustered[d.path]["storyline"], []).append(d)
    biggest = sorted(members.items(), key=lambda kv: -len(kv[1]))[:TOP_STORYLINES]
    return [
        {
            "storyline": storyline,
            "articles": len(docs),
            "topics": dict(Counter(d.topic for d in docs).most_common()),
            "languages": dict(Counter(d.language for d in docs).most_common()),
            "title": titles.get(storyline) or clustered[docs[0].path]["title"],
        }
        for storyline, docs in biggest
    ]


def format_storylines_report(result: dict) -> str:
    """The result as a short text report."""
    counts = result["counts"]
    lines = [
        f"storylines on {result['directory']} ({'with' if result['embeddings'] else 'without'} embeddings)",
        (f"  articles {counts['articles']} (files {counts['files']}, rejected {counts['rejected']}, "
        f"not scored {counts['not_scored']}, wire copies {counts['duplicates']}, "
         f"of them across gold storylines {counts['duplicates_across_topics']})"),
        (f"  gold storylines {counts['gold_storylines']}, predicted storylines {counts['predicted_storylines']} "
        f"({counts['singleton_storylines']} singletons), predicted events {counts['predicted_events']}"),
        f"  elapsed {result['elapsed_seconds']} s ({result['articles_per_second']} articles/s)",
        "",
        f"  {'scope':12} {'articles':>8} {'storyline P':>12} {'R':>6} {'F1':>6}   {'event P':>8} {'R':>6} {'F1':>6}",
    ]
    for scope, scores in [("all", result), *result["by_language"].items()]:
        s, e = scores["storylines"], scores["events"]
        lines.append(
            f"  {scope:12} {scores['articles']:>8} {s['precision']:>12.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}"
            f"   {e['precision']:>8.3f} {e['recall']:>6.3f} {e['f1']:>6.3f}"
        )
    day = result["events_vs_topic_day"]
    lines += [
        f"  events against (topic, day): P {day['precision']:.3f} R {day['recall']:.3f} F1 {day['f1']:.3f}",
        "  detected languages: " + ", ".join(f"{k} {v}" for k, v in result["detected_languages"].items()),
        "",
        "  largest predicted storylines (gold topics; languages):",
    ]
    for item in result["largest_storylines"]:
        topics = ", ".join(f"{k} {v}" for k, v in item["topics"].items())
        languages = ", ".join(f"{k} {v}" for k, v in item["languages"].items())
        lines.append(f"    {item['articles']:>5}  {topics}; {languages}  | {item['title'][:60]}")
    return "\n".join(lines)


# -- how far profile similarity can go ------------------------------------------------------
def profile_ceiling(directory: str | Path, db: str | Path, *, term_weight: float = 0.7) -> dict:
    """BCubed of a *supervised* nearest-profile assignment: what the engine's way of comparing could reach.

    ``db`` is a store that ``evaluate_storylines(directory, db=...)`` filled. Each article
    goes to the gold topic whose summed profile, without the article itself, is most
    similar to it, compared as the engine compares an article with a storyline (cosine
    with the profile's 40 heaviest names). The gold topics are given here, which the
    engine never has, so an unsupervised engine that compares profiles can hardly do
    better. Variants: the engine's stored name profiles; name profiles with every name
    and full IDF (recomputed from the text with the store's final name frequencies);
    that plus the content terms at ``term_weight``.
    """
    from ..engine import StoryEngine, restore_engine
    from ..represent import DocumentFrequencies, cosine, name_terms, top_normalised
    from ..store import open_store

    root = Path(directory).resolve()
    store = open_store(db)
    saved = store.load_engine_rows(None)
    rows = {item.article_id: item for item in saved.features}
    names_df: DocumentFrequencies = restore_engine(StoryEngine(), saved).name_frequencies_
    gold: dict[int, str] = {}
    texts: dict[int, tuple[str, str]] = {}
    for article in store.articles(limit=store.count_articles()):
        path = Path(article.source).resolve()
        if article.id in rows and path.is_relative_to(root) and len(path.relative_to(root).parts) == 4:
            gold[article.id] = path.relative_to(root).parts[1]
            texts[article.id] = (f"{rows[article.id].title}\n{article.text}", article.language)
    store.close()

    def unit(weights: dict[str, float], top: int | None = None) -> dict[str, float]:
        return top_normalised(weights, top or len(weights))

    def full_idf(article_id: int) -> dict[str, float]:
        return unit(names_df.weights(Counter("@" + name for name in name_terms(*texts[article_id]))))

    stored = {i: rows[i].names or rows[i].terms for i in gold}
    full = {i: full_idf(i) for i in gold}
    content = {i: {t: w for t, w in rows[i].terms.items() if not t.startswith("@")} for i in gold}

    def assign(names: dict[int, dict[str, float]], weight: float) -> dict[int, str]:
        sums: dict[str, Counter] = {}
        term_sums: dict[str, Counter] = {}
        for i, topic in gold.items():
            sums.setdefault(topic, Counter()).update(names[i])
            term_sums.setdefault(topic, Counter()).update(content[i])
        chosen = {}
        for i, own in gold.items():
            scores = {}
            for topic, summed in sums.items():
                profile = summed - Counter(names[i]) if topic == own else summed
                score = cosine(unit(names[i]), unit(profile, 40))
                if weight:
                    terms = term_sums[topic] - Counter(content[i]) if topic == own else term_sums[topic]
                    score += weight * cosine(unit(content[i]), unit(terms, 300))
                scores[topic] = score
            chosen[i] = max(scores, key=scores.get)
        return chosen

    return {
        "articles": len(gold),
        "stored name profiles": bcubed(gold, assign(stored, 0.0)),
        "all names, full IDF": bcubed(gold, assign(full, 0.0)),
        f"all names, full IDF, + content terms x{term_weight}": bcubed(gold, assign(full, term_weight)),
    }


if __name__ == "__main__":  # python -m newsthread.evaluate.storylines DIR DB
    import sys

    for label, scores in profile_ceiling(sys.argv[1], sys.argv[2]).items():
        if isinstance(scores, dict):
            scores = f"P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}"
        print(f"{label:48} {scores}")
