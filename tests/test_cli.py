"""End-to-end: the real ``newsthread`` command on a temporary store."""

from __future__ import annotations

import json

from conftest import DEMO, needs_shared

SEED_LANGUAGES = {"000": "da", "001": "da", "002": "nb", "003": "nb", "004": "da"}
SEED_DATES = {"000": None, "001": "2022-09", "002": "2022-10", "003": "2022-09", "004": "2022-01"}


def by_seed(articles):
    return {a["source"].rsplit("/", 1)[-1][:3]: a for a in articles}


def test_seeds_ingest_with_language_and_month_precision(cli):
    seeds = needs_shared("seeds")
    result = cli.run("ingest", str(seeds), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["new"] == 5
    articles = by_seed(cli.json("articles"))
    assert {k: a["language"] for k, a in articles.items()} == SEED_LANGUAGES
    assert {k: a["published"] for k, a in articles.items()} == SEED_DATES
    assert all(a["title"] for a in articles.values())
    assert set(articles["001"]) >= {"id", "source", "url", "title", "language", "published", "outlet"}


def test_reingest_changes_nothing(cli):
    seeds = needs_shared("seeds")
    cli.run("ingest", str(seeds))
    before = cli.json("articles")
    again = cli.run("ingest", str(seeds), "--json")
    assert again.returncode == 0
    summary = json.loads(again.stdout)
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 0, 5)
    assert cli.json("articles") == before


def test_bad_input_is_reported_by_file_and_record_and_the_rest_is_kept(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.jsonl").write_text(
        '{"title": "Første", "text": "Regeringen fremlægger i dag sit forslag til finansloven for næste år."}\n'
        '{"title": "Brudt", "text": \n'
        '{"title": "Tom", "text": ""}\n'
        '{"title": "Anden", "text": "Statsministeren siger, at der bliver flere penge til sygehusene."}\n',
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = cli.run("ingest", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["new"] == 2
    errors = result.stderr
    assert "export.jsonl: line 2" in errors and "export.jsonl: line 3" in errors
    assert "empty.txt" in errors and "picture.png" in errors
    assert summary["rejected"] == len([line for line in errors.splitlines() if line.startswith("newsthread:")])
    assert [a["title"] for a in cli.json("articles")] == ["Første", "Anden"]


def test_unreadable_date_keeps_the_article_with_a_warning(cli, tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(
        '{"title": "Ny bro", "date": "i går", "text": "Den nye bro over havnen åbnede i går, siger borgmesteren."}\n',
        encoding="utf-8",
    )
    result = cli.run("ingest", str(export), "--json")
    summary = json.loads(result.stdout)
    assert (result.returncode, summary["new"], summary["rejected"]) == (0, 1, 0)
    assert "export.jsonl: line 1: warning: date 'i går' not understood" in result.stderr
    assert summary["warnings"][0]["record"] == "line 1"
    [article] = cli.json("articles")
    assert article["published"] is None
    assert cli.json("show", str(article["id"]))["unparsed_date"] == "i går"


def test_exit_status_when_nothing_can_be_read(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = cli.run("ingest", str(empty))
    assert result.returncode == 1 and "empty.txt" in result.stderr
    missing = cli.run("ingest", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "nope.jsonl" in missing.stderr


def test_usage_errors_exit_2(cli):
    assert cli.run("ingest", db=False).returncode == 2
    assert cli.run("frobnicate", db=False).returncode == 2
    assert cli.run("search", "x", "--since", "not a date").returncode == 2


def test_jsonl_from_stdin_and_update_at_known_url(cli):
    record = {"url": "https://avis.example/a/1", "title": "Færgen er aflyst",
              "text": "Færgen mellem Rødby og Puttgarden er aflyst i dag på grund af storm, oplyser rederiet.",
              "published": "2026-09-14T08:30:00+02:00", "source": "Avisen"}
    first = cli.run("ingest", "-", "--json", stdin=json.dumps(record) + "\n")
    assert json.loads(first.stdout)["new"] == 1, first.stderr
    record["text"] += " Den næste afgang forventes i aften."
    second = cli.run("ingest", "-", "--json", stdin=json.dumps(record) + "\n")
    assert json.loads(second.stdout)["updated"] == 1
    [article] = cli.json("articles")
    assert article["published"] == "2026-09-14T08:30+02:00" and article["outlet"] == "Avisen"
    shown = cli.json("show", str(article["id"]))
    assert shown["text"].endswith("forventes i aften.") and shown["language"] == "da"


def test_search_with_language_and_dates(cli):
    seeds = needs_shared("seeds")
    cli.run("ingest", str(seeds))
    nato = cli.json("search", "atomvåben")
    assert {hit["language"] for hit in nato} == {"da"}
    nb = cli.json("search", "Stoltenberg", "--lang", "nb")
    assert sorted(by_seed(nb)) == ["002", "003"]
    september = cli.json("search", "Stoltenberg", "--since", "2022-09", "--until", "2022-09")
    assert sorted(by_seed(september)) == ["001", "003"]
    assert all(hit["snippet"] for hit in september)


def test_show_unknown_id(cli, tmp_path):
    result = cli.run("show", "12345")
    assert result.returncode == 1 and "no store at" in result.stderr  # nothing ingested yet: no store created
    article = tmp_path / "a.txt"
    article.write_text("Færgen er aflyst\n\nFærgen mellem Rødby og Puttgarden er aflyst i dag på grund af storm.\n",
                       encoding="utf-8")
    assert cli.run("ingest", str(article), "--no-embeddings").returncode == 0
    result = cli.run("show", "12345")
    assert result.returncode == 1 and "12345" in result.stderr


def test_demo_corpus_languages_match_its_gold():
    gold_path = DEMO / "GOLD.json"
    assert gold_path.exists(), "the bundled demo corpus must ship its gold annotations"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert len(gold) >= 25
    assert {g["language"] for g in gold.values()} >= {"da", "nb", "nn", "sv", "en"}


def test_demo_corpus_ingests_with_the_right_languages(cli):
    result = cli.run("ingest", str(DEMO / "corpus"), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    gold = json.loads((DEMO / "GOLD.json").read_text(encoding="utf-8"))
    assert summary["rejected"] == 0, result.stderr
    assert summary["new"] + summary["unchanged"] == len(gold)
    articles = cli.json("articles")
    found = {}
    for a in articles:
        relative = a["source"].split("examples/demo/corpus/", 1)[1]
        key = relative + (f"#{a['record'].split()[-1]}" if a["record"] else "")
        found[key] = a["language"]
    wrong = {k: (found.get(k), g["language"]) for k, g in gold.items() if found.get(k) != g["language"]}
    assert not wrong


def test_seed_events_storylines_quotes_and_entities(cli):
    seeds = needs_shared("seeds")
    assert cli.run("ingest", str(seeds), "--no-embeddings").returncode == 0
    articles = by_seed(cli.json("articles"))
    assert all(a["event"] is not None and a["storyline"] is not None for a in articles.values())
    assert articles["001"]["event"] == articles["003"]["event"]
    assert articles["004"]["event"] not in {articles[k]["event"] for k in ("000", "001", "002", "003")}
    assert articles["000"]["storyline"] == articles["002"]["storyline"]
    stories = cli.json("stories")
    events = [e for s in stories for e in s["events"]]
    assert sorted(i for e in events for i in e["articles"]) == sorted(a["id"] for a in articles.values())
    reuters = next(e for e in events if articles["001"]["id"] in e["articles"])
    assert set(reuters["languages"]) >= {"da", "nb"} and reuters["first"] == "2022-09"

    quotes = cli.json("quotes", "--speaker", "Stoltenberg")
    assert quotes and all(q["speaker"] == "Jens Stoltenberg" for q in quotes)
    assert set(quotes[0]) >= {"article", "source", "text", "speaker", "speaker_role", "kind", "quote_group"}
    shared = {q["quote_group"] for q in quotes if q["reported_by"]["languages"] == ["da", "nb"]}
    assert len(shared) >= 3, "the Reuters interview's statements are grouped across Danish and Norwegian"

    entities = {e["canonical"]: e for e in cli.json("entities")}
    assert {"Rusland", "Russland"} <= set(entities["Russia"]["aliases"])
    assert entities["Jens Stoltenberg"]["article_count"] == 5

    shown = cli.json("show", str(articles["004"]["id"]))
    speakers = {q["speaker"] for q in shown["quotes"]}
    assert {"Jens Stoltenberg", "Jeppe Kofod", "Sergey Ryabkov"} <= speakers
    assert any(e["canonical"] == "NATO" for e in shown["entities"])


def test_demo_wire_copies_point_to_their_original(cli):
    assert cli.run("ingest", str(DEMO / "corpus"), "--no-embeddings").returncode == 0
    gold = json.loads((DEMO / "GOLD.json").read_text(encoding="utf-8"))
    ids = {}
    for a in cli.json("articles"):
        relative = a["source"].split("examples/demo/corpus/", 1)[1]
        ids[relative + (f"#{a['record'].split()[-1]}" if a["record"] else "")] = a
    copies = {k: g["duplicate_of"] for k, g in gold.items() if g["duplicate_of"]}
    assert copies
    for copy, original in copies.items():
        assert ids[copy]["duplicate_of"] == ids[original]["id"], copy
    assert len(ids[next(iter(copies.values()))]["carried_by"]) >= 2
