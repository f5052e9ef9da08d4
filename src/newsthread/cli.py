"""The ``newsthread`` command: a thin layer over :class:`newsthread.Tracker`.

Exit status: 0 success, 1 nothing could be done with the input given (or not found),
2 usage errors (bad options, unreadable database).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .model import Article, Problem
from .normalize import DateError, parse_date
from .store import StoreError, default_db_path
from .tracker import Tracker

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def article_summary(article: Article) -> dict:
    """The stable JSON fields of one article in a listing."""
    return {
        "id": article.id,
        "source": article.source,
        "record": article.record,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "published_precision": article.published_precision,
        "outlet": article.outlet,
    }


def article_detail(article: Article, sightings: list[dict]) -> dict:
    return {
        **article_summary(article),
        "format": article.format,
        "language_confidence": round(article.language_confidence, 4),
        "text": article.text,
        "also_seen_at": sightings,
        **({"unparsed_date": article.extra["unparsed_date"]} if "unparsed_date" in article.extra else {}),
        **({"declared_language": article.extra["declared_language"]} if "declared_language" in article.extra else {}),
    }


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _shorten(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_article_table(articles: Sequence[Article]) -> None:
    print(f"{'id':>5}  {'lang':4}  {'published':25}  {'outlet':18}  title")
    for a in articles:
        print(f"{a.id:>5}  {a.language:4}  {a.published or '-':25}  {_shorten(a.outlet or '-', 18):18}  {_shorten(a.title, 70)}")


# -- commands ---------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    def report_problem(problem: Problem) -> None:
        print(f"newsthread: {problem}", file=sys.stderr)

    with Tracker(args.db) as tracker:
        report = tracker.ingest(
            args.paths, batch_size=args.batch_size, on_problem=report_problem, progress=not args.quiet,
            embeddings=not args.no_embeddings,
        )
    if args.json:
        _print_json(report.as_dict())
    elif not args.quiet:
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(report.by_language.items())) or "none"
        print(
            f"ingested into {args.db}: {report.new} new, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.rejected} rejected"
            f"{f' ({len(report.warnings)} kept with a warning)' if report.warnings else ''}; by language: {languages}",
            file=sys.stderr,
        )
    return EXIT_OK if report.stored else EXIT_NOTHING


def cmd_articles(args: argparse.Namespace) -> int:
    with Tracker(args.db) as tracker:
        articles = tracker.articles(limit=args.limit)
        placed = tracker.assignments()
        carried = tracker.store.outlets_carrying()
    if args.json:
        _print_json([_with_story(article_summary(a), placed, carried) for a in articles])
    else:
        _print_article_table(articles)
    return EXIT_OK


def _with_story(summary: dict, placed: dict[int, dict], carried: dict[int, list[str]]) -> dict:
    story = placed.get(summary["id"], {"event": None, "storyline": None, "duplicate_of": None})
    outlets = carried.get(summary["id"], []) if story["duplicate_of"] is None else []
    return {**summary, **story, "carried_by": outlets}


def cmd_stories(args: argparse.Namespace) -> int:
    with Tracker(args.db) as tracker:
        stories = tracker.stories()
    if args.json:
        _print_json(stories)
        return EXIT_OK
    if not stories:
        print("no stories yet: ingest some articles first", file=sys.stderr)
    for story in stories[: args.limit]:
        span = f"{story['first'] or '?'} – {story['last'] or '?'}"
        print(f"storyline {story['id']}: {story['title']}  [{span}, {story['articles']} articles]")
        for event in story["events"]:
            langs = ",".join(event["languages"])
            outlets = ", ".join(event["outlets"][:5]) + (" …" if len(event["outlets"]) > 5 else "")
            print(f"  event {event['id']} {event['first'] or 'undated'}  {_shorten(event['title'], 70)}")
            print(f"      {len(event['articles'])} articles · {langs}" + (f" · {outlets}" if outlets else ""))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with Tracker(args.db) as tracker:
        article = tracker.article(args.id)
        if article is None:
            print(f"newsthread: no article with id {args.id} in {args.db}", file=sys.stderr)
            return EXIT_NOTHING
        sightings = tracker.store.sightings(args.id)
        statements = tracker.article_statements(args.id)
        story = tracker.assignments([args.id]).get(args.id, {"event": None, "storyline": None, "duplicate_of": None})
    if args.json:
        _print_json({**article_detail(article, sightings), **story, **statements})
        return EXIT_OK
    print(article.title)
    meta = [article.language, article.published or "undated", article.outlet or "", article.url or article.source]
    print(" · ".join(m for m in meta if m))
    for seen in sightings:
        print(f"also carried by: {seen['outlet'] or '-'} {seen['url'] or seen['source']}")
    print()
    print(article.text)
    if statements["quotes"]:
        print("\nquotes:")
        for quote in statements["quotes"]:
            print(f"  [{quote['kind']}] {quote['speaker'] or '?'}: {_shorten(quote['text'], 90)}")
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    with Tracker(args.db) as tracker:
        quotes = tracker.quotes(speaker=args.speaker, storyline=args.story)
    if args.json:
        _print_json(quotes)
        return EXIT_OK
    if not quotes:
        print("no quotes found", file=sys.stderr)
    for quote in quotes[: args.limit]:
        reach = quote["reported_by"]
        where = f"{reach.get('articles', 1)} articles, {', '.join(reach.get('languages', []))}"
        role = f" ({quote['speaker_role']})" if quote["speaker_role"] else ""
        print(f"{quote['published'] or '-':17} {quote['speaker'] or '?'}{role} [{quote['kind']}, group {quote['quote_group']}: {where}]")
        print(f"    {_shorten(quote['text'], 110)}")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    with Tracker(args.db) as tracker:
        entities = tracker.entities()
    if args.type:
        entities = [e for e in entities if e["type"] == args.type]
    if args.json:
        _print_json(entities)
        return EXIT_OK
    for entity in entities[: args.limit]:
        aliases = ", ".join(a for a in entity["aliases"] if a != entity["canonical"])
        print(f"{entity['article_count']:>5}  {entity['type']:3}  {entity['canonical']}" + (f"  ({aliases})" if aliases else ""))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    try:
        with Tracker(args.db) as tracker:
            hits = tracker.search(args.query, language=args.lang, since=args.since, until=args.until, limit=args.limit)
    except ValueError as exc:
        print(f"newsthread: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _print_json([{**article_summary(h.article), "score": round(h.score, 4), "snippet": h.snippet} for h in hits])
        return EXIT_OK
    if not hits:
        print("no matches", file=sys.stderr)
    for hit in hits:
        a = hit.article
        print(f"{a.id:>5}  {a.language:3} {a.published or '-':25} {_shorten(a.title, 80)}")
        print(f"       {hit.snippet}")
    return EXIT_OK


def _evaluation(module: str, evaluate: str, report: str, options: tuple[str, ...] = ()):
    """A command that runs ``newsthread.evaluate.<module>.<evaluate>(file, **options)`` and prints it."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        mod = importlib.import_module(f"newsthread.evaluate.{module}")
        try:
            result = getattr(mod, evaluate)(args.file, **{name: getattr(args, name) for name in options})
        except (OSError, ValueError) as exc:
            where = "" if args.file in str(exc) else f"{args.file}: "
            print(f"newsthread: {where}{exc}", file=sys.stderr)
            return EXIT_NOTHING
        if args.json:
            _print_json(result)
        else:
            print(getattr(mod, report)(result))
        return EXIT_OK

    return run


# -- parser -----------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsthread",
        description="Follow news stories across Nordic outlets and languages.",
        epilog="Run 'newsthread COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newsthread {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=default_db_path(), help="store file (default: $NEWSTHREAD_DB or ./newsthread.db)")
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON for machines")

    ingest = commands.add_parser(
        "ingest", parents=[db, as_json], help="read articles into the store",
        description="Read text files, JSONL/CSV exports, RSS/Atom feeds and saved HTML (directories "
        "recursively; '-' reads JSON Lines from stdin). Re-ingesting is safe: known articles are not duplicated.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--batch-size", type=int, default=200, help="articles per transaction (default 200)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    ingest.add_argument(
        "--no-embeddings", action="store_true",
        help="cluster on words and names only: much faster, weaker across languages",
    )
    ingest.set_defaults(run=cmd_ingest)

    articles = commands.add_parser("articles", parents=[db, as_json], help="list stored articles")
    articles.add_argument("--limit", type=int, default=None, help="at most this many")
    articles.set_defaults(run=cmd_articles, reads_store=True)

    stories = commands.add_parser(
        "stories", parents=[db, as_json], help="storylines and their events",
        description="Storylines (newest first) with their events: title, dates, languages, outlets, articles.",
    )
    stories.add_argument("--limit", type=int, default=None, help="at most this many storylines (text output)")
    stories.set_defaults(run=cmd_stories, reads_store=True)

    show = commands.add_parser("show", parents=[db, as_json], help="one article with its text")
    show.add_argument("id", type=int)
    show.set_defaults(run=cmd_show, reads_store=True)

    search = commands.add_parser(
        "search", parents=[db, as_json], help="full-text search (stemmed, da/nb/nn/sv/en)",
        description="Every word must match (by stem); put words in double quotes for a phrase; an upper-case OR "
        "between words matches either (Nato OR EU).",
    )
    search.add_argument("query")
    search.add_argument("--lang", help="only articles in this language (ISO 639-1, e.g. da, nb, nn, sv, en)")
    search.add_argument("--since", type=_date_argument, help="published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, ...)")
    search.add_argument("--until", type=_date_argument, help="published on or before this date (a month means the whole month)")
    search.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")
    search.set_defaults(run=cmd_search, reads_store=True)

    quotes = commands.add_parser(
        "quotes", parents=[db, as_json], help="who said what",
        description="Quotes with their resolved speakers; quotes of one statement share a quote_group.",
    )
    quotes.add_argument("--speaker", help="a name or surname (Stoltenberg matches Jens Stoltenberg)")
    quotes.add_argument("--story", type=int, help="only quotes in this storyline (id from 'newsthread stories')")
    quotes.add_argument("--limit", type=int, default=None, help="at most this many (text output)")
    quotes.set_defaults(run=cmd_quotes, reads_store=True)

    entities = commands.add_parser(
        "entities", parents=[db, as_json], help="people, organisations and places",
        description="Entities with one canonical name across languages, their aliases and article counts.",
    )
    entities.add_argument("--type", choices=["PER", "ORG", "LOC"], help="only this type")
    entities.add_argument("--limit", type=int, default=None, help="at most this many (text output)")
    entities.set_defaults(run=cmd_entities, reads_store=True)

    evaluate = commands.add_parser("evaluate", help="measure quality on annotated data")
    tasks = evaluate.add_subparsers(dest="task", required=True, metavar="TASK")
    langid = tasks.add_parser(
        "langid", parents=[as_json], help="language identification accuracy (da/nb/nn/sv)",
        description="FILE is a CSV 'language,sentence' (NordicDSL; 'dk' = Danish) or a TSV with "
        "'lang' and 'text' columns. Duplicates are counted once.",
    )
    langid.add_argument("file")
    langid.set_defaults(run=_evaluation("langid", "evaluate_langid", "format_langid_report"))

    quotes_eval = tasks.add_parser(
        "quotes", parents=[as_json], help="quote recall against heuristic dash quotes (JSONL)",
        description="FILE is JSON Lines with 'text' and 'heuristic_quotes' (a list of quote texts), "
        "like ../shared/data/dr_news_2017/articles.jsonl.",
    )
    quotes_eval.add_argument("file")
    quotes_eval.set_defaults(run=_evaluation("quotes", "evaluate_quotes", "format_quotes_report"))

    speakers_eval = tasks.add_parser(
        "speakers", parents=[as_json], help="quote recall and speaker accuracy on hand-annotated JSONL",
        description="FILE is annotated JSONL (text, language, split, quotes with text/speaker/kind), "
        "e.g. tests/data/quotes_annotated.jsonl in the repository.",
    )
    speakers_eval.add_argument("file")
    speakers_eval.add_argument(
        "--split", help="only the articles of this split (any split in the file, e.g. dev, heldout, heldout2)"
    )
    speakers_eval.add_argument(
        "--end-to-end", dest="mode", action="store_const", const="end-to-end", default="extract",
        help="ingest the articles into a temporary store (no embeddings) and score the stored quotes, "
        "whose speakers are canonicalised as 'newsthread quotes' shows them",
    )
    speakers_eval.set_defaults(
        run=_evaluation("speakers", "evaluate_speakers", "format_speakers_report", ("split", "mode"))
    )

    entities_eval = tasks.add_parser(
        "entities", parents=[as_json], help="entity precision/recall on annotated JSONL",
        description="FILE is annotated JSONL (text, language, entities with start/end/type/canonical), "
        "e.g. tests/data/entities_annotated.jsonl in the repository.",
    )
    entities_eval.add_argument("file")

    storylines_eval = tasks.add_parser(
        "storylines", parents=[as_json], help="BCubed of storylines on a <lang>/<topic>/<date>/<doc>.txt tree",
        description="DIR in the ML-Crisis layout: the topic folder is the gold storyline; 'reference' folders "
        "are ignored. Articles are ingested into a temporary store and clustered as a stream.",
    )
    storylines_eval.add_argument("file", metavar="DIR")
    storylines_eval.add_argument(
        "--embeddings", action="store_true", help="also use title+lead embeddings (slow: about 3 articles/s)"
    )
    storylines_eval.add_argument(
        "--cache", metavar="DIR",
        help="with --embeddings: keep the embeddings in DIR so a rerun takes seconds (the first run embeds "
        "every article: about 7 minutes for ML-Crisis's 1,260 texts)",
    )
    storylines_eval.set_defaults(
        run=_evaluation("storylines", "evaluate_storylines", "format_storylines_report", ("embeddings", "cache"))
    )

    similarity_eval = tasks.add_parser(
        "similarity", parents=[as_json], help="Pearson r of pair similarity on SemEval-2022 Task 8 pairs",
        description="CSV with pair_id, lang1, lang2, text1, text2, ..., Overall. Rows whose pair_id has a "
        "language suffix (machine translations) are dropped.",
    )
    similarity_eval.add_argument("file", metavar="CSV")
    similarity_eval.add_argument(
        "--no-embeddings", dest="embeddings", action="store_false", help="words, names and numbers only (fast)"
    )
    similarity_eval.add_argument(
        "--cache", metavar="DIR",
        help="keep the text embeddings in DIR so a rerun takes seconds (the first run embeds ~13,400 texts "
        "(titles, leads, next chunks, sentences): 25-40 minutes on 2 cores)",
    )
    similarity_eval.set_defaults(
        run=_evaluation("similarity", "evaluate_similarity", "format_similarity_report", ("embeddings", "cache"))
    )
    entities_eval.set_defaults(run=_evaluation("entities", "evaluate_entities", "format_entities_report"))
    return parser


def _date_argument(value: str) -> str:
    """A date option checked when the command line is read, so a bad one is a usage error."""
    try:
        parse_date(value)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "reads_store", False) and not Path(args.db).exists():
        # Opening would create an empty store (and its folder) where the user meant another.
        print(f"newsthread: no store at {args.db}: ingest articles first (newsthread ingest PATH --db {args.db})",
              file=sys.stderr)
        return EXIT_NOTHING
    try:
        return args.run(args)
    except StoreError as exc:
        print(f"newsthread: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("newsthread: interrupted; the batch in flight was not stored", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
