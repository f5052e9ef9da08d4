"""Readers: every supported format and every way an input can be bad.

All fixtures are made-up Danish and Norwegian sentences written for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsthread.model import Problem, RawArticle
from newsthread.readers import decode_bytes, detect_format, read_file, read_paths
from newsthread.readers.tabular import read_jsonl_stream
from newsthread.readers.text import TITLE_MAX, derive_title, first_sentence

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DA_1 = "Regeringen vil bygge en ny bro mellem Fyn og Ærø, oplyser transportministeren mandag."
DA_2 = "Broen skal efter planen stå færdig i 2031 og koste omkring fire milliarder kroner."
NO_1 = "Ferja mellom Bodø og Moskenes er innstilt resten av uka på grunn av storm."
NO_2 = "Rederiet beklager og ber de reisende følge med på nettsidene for oppdateringer."


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared evaluation data sits beside the clone")
    return path


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(path: Path) -> list[RawArticle | Problem]:
    return list(read_file(path))


def articles(items: list[RawArticle | Problem]) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


def problems(items: list[RawArticle | Problem]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def only_article(path: Path) -> RawArticle:
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def only_problem(path: Path) -> Problem:
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0]


# --- format detection -------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Avisa Nord</title><link>https://avisanord.example</link><language>nb</language>
<item><title>Ferja innstilt</title><link>https://avisanord.example/1</link>
<pubDate>Tue, 04 Oct 2022 10:00:00 +0200</pubDate>
<description>Kort om ferja.</description>
<content:encoded><![CDATA[<p>{NO_1}</p><p>{NO_2}<br>Les mer i morgen.</p>]]></content:encoded></item>
<item><title>Bare ingress</title><link>https://avisanord.example/2</link>
<pubDate>Wed, 05 Oct 2022 08:30:00 +0200</pubDate><description>{NO_2}</description></item>
<item><title>Tom sak</title><link>https://avisanord.example/3</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
<title>Fyns Nyheder</title><id>urn:fyn</id><updated>2023-05-02T09:00:00Z</updated>
<entry><title>Ny bro til Ærø</title><id>urn:fyn:1</id>
<link href="https://fyn.example/bro"/><updated>2023-05-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;{DA_1}&lt;/p&gt;&lt;p&gt;{DA_2}&lt;/p&gt;</content></entry>
</feed>
"""

RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://nord.example/"><title>Nordlys</title><dc:language>nn</dc:language></channel>
<item rdf:about="https://nord.example/a"><title>Stormen</title><link>https://nord.example/a</link>
<description>{NO_1}</description><dc:date>2022-10-05T10:00+02:00</dc:date></item>
</rdf:RDF>
"""


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", RSS.encode(), "rss"),
        ("feed.xml", ATOM.encode(), "atom"),
        ("feed.xml", RDF.encode(), "rss"),
        ("catalog.xml", b'<?xml version="1.0"?><catalog><book/></catalog>', None),
        ("page.html", b"<p>Hei verden</p>", "html"),
        ("page", b"\n  <!DOCTYPE html><html lang='da'><body></body></html>", "html"),
        ("page.txt", b"<html><body><p>Hej</p></body></html>", "html"),
        ("a.txt", b'{"title": "x", "text": "y"}\n{"text": "z"}\n', "jsonl"),
        ("a.json", b'{"title": "x", "text": "y"}\n', "jsonl"),
        ("a.json", b'{"articles": [{"text": "y"}]}', "json"),
        ("a.json", b'{\n  "items": []\n}\n', "json"),
        ("a.jsonl", b'[{"text": "y"}]', "json"),
        ("a.txt", b"[Lenke p\xc3\xa5 engelsk] Statsministeren sa mandag at ...", "text"),
        ("a.txt", b"{{Mal}} er ikke JSON.", "text"),
        ("a.txt", b"title,text\nA,B\n", "csv"),
        ("export.dat", b"Title\tBody\nA\tB\n", "tsv"),
        ("a.csv", b"language,sentence\nnb,hei\n", "csv"),
        ("a.tsv", b"sprog\tsaetning\n", "tsv"),
        ("note.txt", DA_1.encode(), "text"),
        ("noext", NO_1.encode(), "text"),
        ("bom.jsonl", b"\xef\xbb\xbf" + b'{"text": "y"}\n', "jsonl"),
        ("utf16.txt", '{"text": "ø"}\n'.encode("utf-16"), "jsonl"),
        ("x.gz", gzip.compress(b"hello"), None),
        ("x.pdf", b"%PDF-1.7\n...", None),
        ("x.png", b"\x89PNG\r\n\x1a\n\x00\x00", None),
        ("x.txt", b"abc\x00\x01\x02def", None),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str | None) -> None:
    assert detect_format(name, head) == expected


# --- decoding ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "Ærø og Bodø – “sagde han”".encode(),
        b"\xef\xbb\xbf" + "Ærø og Bodø – “sagde han”".encode(),
        "Ærø og Bodø – “sagde han”".encode("utf-16"),
        "Ærø og Bodø – “sagde han”".encode("cp1252"),
    ],
)
def test_decode_bytes_handles_common_encodings(data: bytes) -> None:
    assert decode_bytes(data) == "Ærø og Bodø – “sagde han”"


def test_decode_bytes_latin1_fallback_for_bytes_cp1252_leaves_undefined() -> None:
    assert decode_bytes("Ærø".encode("latin-1") + b"\x81") == "Ærø\x81"


def test_decode_bytes_refuses_control_garbage() -> None:
    assert decode_bytes(bytes(range(1, 32)) * 40 + b"\xff") is None


# --- whole-file problems -----------------------------------------------------------


def test_empty_and_blank_files_are_problems(tmp_path: Path) -> None:
    for name, content in [("a.txt", ""), ("b.txt", "  \n\n\t "), ("c.jsonl", "\n\n"), ("d.csv", "\ufeff\n")]:
        problem = only_problem(write(tmp_path / name, content))
        assert problem == Problem(str(tmp_path / name), "", "empty file")


@pytest.mark.parametrize(
    ("name", "data", "label"),
    [
        ("archive.gz", gzip.compress(DA_1.encode()), "gzip-compressed data"),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3", "PDF document"),
        ("blob.bin", b"\x00\x01\x02\x03" * 50, "binary content"),
        ("catalog.xml", b'<?xml version="1.0"?><catalog/>', "XML that is not an RSS, Atom or RDF feed"),
    ],
)
def test_unsupported_files_are_problems(tmp_path: Path, name: str, data: bytes, label: str) -> None:
    problem = only_problem(write(tmp_path / name, data))
    assert problem.record == ""
    assert problem.message == f"unsupported file type: {label}"


def test_undecodable_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "weird.txt", bytes(range(1, 32)) * 40 + b"\xff\xfe\xfd")
    assert only_problem(path).message == "cannot decode as UTF-8 or Latin-1: binary file?"


def test_missing_path_is_a_problem() -> None:
    assert list(read_paths(["/nonexistent/x.txt"])) == [
        Problem("/nonexistent/x.txt", "", "no such file or directory")
    ]


# --- plain text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "published"),
    [
        (" date 2022-09 ", "2022-09"),
        (" date 2022-09-21 ", "2022-09-21"),
        ("date 2022-09-21T10:15:00+02:00 ", "2022-09-21T10:15:00+02:00"),
        (" date 2022-09-21 10:15 ", "2022-09-21 10:15"),
        (" date 2022-09\n", "2022-09"),
    ],
)
def test_text_date_header_is_stripped_into_published(tmp_path: Path, header: str, published: str) -> None:
    article = only_article(write(tmp_path / "a.txt", f"{header}{DA_1}\n\n{DA_2}\n"))
    assert article.published == published
    assert article.text == f"{DA_1}\n\n{DA_2}"
    assert article.title == DA_1
    assert (article.record, article.format, article.outlet) == ("", "text", None)


def test_text_without_header_has_no_date(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "a.txt", f"{NO_1}\n\n{NO_2}\n"))
    assert article.published is None
    assert article.title == NO_1


def test_text_agency_line_stays_in_text_and_is_no_outlet(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "a.txt", f" date 2023-05 {DA_1}\n\n{DA_2}\n\n/ritzau/Reuters\n"))
    assert article.text.endswith("/ritzau/Reuters")
    assert article.outlet is None
    assert article.title == DA_1


def test_text_header_block(tmp_path: Path) -> None:
    content = (
        "Title: Ferja innstilt\nDate: 2022-10-04\nURL: https://avisanord.example/1\n"
        f"Source: Avisa Nord\nLanguage: nb\nAuthor: Kari Nordmann\n\n{NO_1}\n\n{NO_2}\n"
    )
    article = only_article(write(tmp_path / "a.txt", content))
    assert article.title == "Ferja innstilt"
    assert article.published == "2022-10-04"
    assert article.url == "https://avisanord.example/1"
    assert article.outlet == "Avisa Nord"
    assert article.language == "nb"
    assert article.text == f"{NO_1}\n\n{NO_2}"


@pytest.mark.parametrize(
    "header",
    [
        "Titel: Ferja innstilt\nDato: 4. oktober 2022\nKilde: Avisa Nord",
        "Tittel: Ferja innstilt\nPublisert: 04.10.2022\nKilde: Avisa Nord",
        "Rubrik: Ferja innstilt\nDatum: 2022-10-04\nKälla: Avisa Nord",
    ],
)
def test_text_header_block_in_nordic_languages(tmp_path: Path, header: str) -> None:
    article = only_article(write(tmp_path / "a.txt", f"{header}\n\n{NO_1}\n"))
    assert (article.title, article.outlet, article.text) == ("Ferja innstilt", "Avisa Nord", NO_1)
    assert article.published in {"4. oktober 2022", "04.10.2022", "2022-10-04"}


def test_markdown_heading_gives_the_title(tmp_path: Path) -> None:
    assert only_article(write(tmp_path / "a.md", f"# Ferja innstilt\n\n{NO_1}\n")).title == "Ferja innstilt"


def test_text_header_only_is_a_problem(tmp_path: Path) -> None:
    assert only_problem(write(tmp_path / "a.txt", "Title: Tom\nDate: 2022-10-04\n")).message == (
        "no text after the header"
    )


def test_text_prose_with_colon_is_not_a_header(tmp_path: Path) -> None:
    content = f"Oslo: {NO_1}\n\n{NO_2}"
    article = only_article(write(tmp_path / "a.txt", content))
    assert article.text == content
    assert article.title == f"Oslo: {NO_1}"


def test_text_dated_directory_gives_published(tmp_path: Path) -> None:
    dated = only_article(write(tmp_path / "storm" / "2022-10-04" / "doc_1.txt", NO_1))
    assert dated.published == "2022-10-04"
    own_date = only_article(write(tmp_path / "storm" / "2022-10-04" / "doc_2.txt", f" date 2022-10-03 {NO_1}"))
    assert own_date.published == "2022-10-03"
    undated = only_article(write(tmp_path / "storm" / "misc" / "doc_3.txt", NO_1))
    assert undated.published is None


def test_text_crlf_and_latin1(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"{DA_1}\r\n\r\n{DA_2}\r\n".encode("latin-1"))
    article = only_article(path)
    assert article.text == f"{DA_1}\n\n{DA_2}"


def test_title_short_headline_line(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "a.txt", f"Storm stanser ferja\n{NO_1}\n{NO_2}"))
    assert article.title == "Storm stanser ferja"
    assert article.text.startswith("Storm stanser ferja\n")


def test_title_skips_wordless_first_lines() -> None:
    assert derive_title(f"2022-10-04\n-----\n{NO_1}") == NO_1


def test_title_hard_wrapped_first_line_is_not_a_headline() -> None:
    body = "Ferja mellom Bodø og Moskenes er innstilt\nresten av uka på grunn av storm. Mer kommer."
    assert derive_title(body) == "Ferja mellom Bodø og Moskenes er innstilt resten av uka på grunn av storm."


def test_title_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    words = "Statsministeren sa etter møtet i Bodø at regjeringen vil bruke langt mer penger på ferjer"
    sentence = f"{words}, hurtigbåter, veier, tunneler og bruer i hele Nord-Norge de neste ti årene, og at arbeidet starter allerede i høst."
    title = derive_title(f"{sentence} Det ble godt mottatt.")
    assert title is not None and len(title) <= TITLE_MAX
    assert title.endswith("…")
    assert sentence.startswith(title[:-1])
    assert sentence[len(title) - 1] == " "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det sa J. Stoltenberg til NTB i Bruxelles. Så gikk han.", "Det sa J. Stoltenberg til NTB i Bruxelles."),
        ("Partiet vil bl.a. Senke skatten kraftig i år. Det koster.", "Partiet vil bl.a. Senke skatten kraftig i år."),
        ("– Vi tar det på alvor, sier han til NTB. Så gikk han.", "– Vi tar det på alvor, sier han til NTB."),
        ("Ja. Det sa statsministeren på pressemødet tirsdag. Mere.", "Ja. Det sa statsministeren på pressemødet tirsdag."),
        ("Ingen punktum her i det hele tatt", "Ingen punktum her i det hele tatt"),
    ],
)
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


def test_title_drops_leading_quote_dash() -> None:
    assert derive_title(f"– {NO_1} {NO_2}") == NO_1


# --- JSON Lines and JSON -------------------------------------------------------------


def test_jsonl_records_and_field_aliases(tmp_path: Path) -> None:
    lines = [
        {"Headline": "Ny bro", "Body": DA_1, "pubDate": "2023-05-02", "Link": "https://fyn.example/1",
         "source": {"name": "Fyns Nyheder", "id": "fyn"}, "lang": "da"},
        {"title": "Storm", "content": NO_1, "description": "Kort.", "timestamp": 1664870400,
         "site_name": "Avisa Nord", "locale": "nb_NO", "permalink": "https://avisanord.example/2"},
        {"name": "Bare ingress", "summary": NO_2, "published_at": 1664870400.5},
    ]
    path = write(tmp_path / "a.jsonl", "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    first, second, third = read(path)
    assert first == RawArticle(
        source=str(path), record="line 1", text=DA_1, title="Ny bro", url="https://fyn.example/1",
        published="2023-05-02", outlet="Fyns Nyheder", language="da", format="jsonl",
    )
    assert (second.text, second.published, second.outlet, second.language) == (NO_1, "1664870400", "Avisa Nord", "nb_NO")
    assert second.url == "https://avisanord.example/2"
    assert (third.title, third.text, third.published) == ("Bare ingress", NO_2, "1664870400.5")


def test_jsonl_prefers_the_longest_body_and_converts_html(tmp_path: Path) -> None:
    record = {"text": "Kort.", "body": f"<p>{DA_1}</p><p>{DA_2}</p>", "description": DA_1 + DA_2 + DA_2}
    article = only_article(write(tmp_path / "a.jsonl", json.dumps(record) + "\n"))
    assert article.text == f"{DA_1}\n\n{DA_2}"


def test_field_names_match_blind_to_case_and_separators(tmp_path: Path) -> None:
    """A NewsAPI-style export: camelCase date, outlet nested under source.name."""
    record = {
        "source": {"id": None, "name": "NRK"}, "Title": "Ferja", "publishedAt": "2022-10-04T10:00:00Z",
        "Article-Body": NO_1, "Language_Code": "nb",
    }
    path = write(tmp_path / "news.json", json.dumps({"status": "ok", "articles": [record]}))
    article = only_article(path)
    assert (article.title, article.text, article.published) == ("Ferja", NO_1, "2022-10-04T10:00:00Z")
    assert (article.outlet, article.language) == ("NRK", "nb")
    csv_path = write(tmp_path / "a.csv", f'Headline;Body Text;Published At\n"Ny bro";"{DA_1}";"01.11.2022 10:15"\n')
    row = only_article(csv_path)
    assert (row.title, row.text, row.published) == ("Ny bro", DA_1, "01.11.2022 10:15")


def test_jsonl_bad_lines_are_problems_and_reading_goes_on(tmp_path: Path) -> None:
    content = "\n".join([
        json.dumps({"text": DA_1}),
        "",
        '{"title": "Brudt", "text": "x" "y"}',
        json.dumps(["ikke", "et", "objekt"]),
        json.dumps({"title": "Uden tekst", "text": "  "}),
        "   ",
        json.dumps({"text": DA_2}),
    ])
    items = read(write(tmp_path / "a.jsonl", content))
    assert [item.record for item in items] == ["line 1", "line 3", "line 4", "line 5", "line 7"]
    assert [a.text for a in articles(items)] == [DA_1, DA_2]
    broken, not_object, no_text = problems(items)
    assert broken.message == "invalid JSON: Expecting ',' delimiter (column 32)"
    assert not_object.message == "expected a JSON object, found an array"
    assert no_text.message.startswith("no text (expected one of the fields text, body, content")


@pytest.mark.parametrize(
    "document",
    [
        [{"title": "A", "text": DA_1}, {"title": "B", "text": DA_2}],
        {"articles": [{"title": "A", "text": DA_1}, {"title": "B", "text": DA_2}]},
        {"status": "ok", "Items": [{"title": "A", "text": DA_1}, {"title": "B", "text": DA_2}]},
        {"response": {"meta": {"hits": 2}, "docs": [
            {"headline": {"main": "A"}, "lead_paragraph": DA_1}, {"headline": {"main": "B"}, "snippet": DA_2},
        ]}},
        {"took": 3, "hits": {"total": 2, "hits": [
            {"_id": "1", "_source": {"title": "A", "body": DA_1}}, {"_id": "2", "_source": {"title": "B", "body": DA_2}},
        ]}},
    ],
)
def test_json_documents(tmp_path: Path, document: object) -> None:
    path = write(tmp_path / "a.json", json.dumps(document, indent=2))
    items = read(path)
    assert [(a.record, a.title, a.text, a.format) for a in items] == [
        ("item 1", "A", DA_1, "json"), ("item 2", "B", DA_2, "json"),
    ]


def test_jsonl_record_kept_one_level_down_takes_its_fields_not_the_wrapper_name(tmp_path: Path) -> None:
    line = {"_id": "a1", "_source": {"title": "A", "body": DA_1, "published": "2022-11-06"}}
    (article,) = read(write(tmp_path / "a.jsonl", json.dumps(line) + "\n"))
    assert (article.title, article.text, article.published, article.outlet) == ("A", DA_1, "2022-11-06", None)


def test_json_bad_items_and_bad_documents(tmp_path: Path) -> None:
    items = read(write(tmp_path / "a.json", json.dumps([{"text": DA_1}, "tekst", {"title": "Tom"}])))
    assert [type(item).__name__ for item in items] == ["RawArticle", "Problem", "Problem"]
    assert items[1] == Problem(str(tmp_path / "a.json"), "item 2", "expected a JSON object, found a string")
    assert items[2].record == "item 3" and items[2].message.startswith("no text")
    broken = only_problem(write(tmp_path / "b.json", '[{"text": "x"},\n {"text": }]'))
    assert broken.message == "invalid JSON: Expecting value (line 2, column 11)"


def test_json_empty_array_reads_nothing_and_a_scalar_is_a_problem(tmp_path: Path) -> None:
    assert read(write(tmp_path / "a.json", "[]")) == []
    assert only_problem(write(tmp_path / "b.json", "42")).message == "expected a JSON array of articles, found a number"


def test_jsonl_stream_text_and_bytes() -> None:
    text_stream = io.StringIO(json.dumps({"text": DA_1}) + "\n\nnot json\n")
    items = list(read_jsonl_stream(text_stream))
    assert items[0].text == DA_1 and items[0].source == "-"
    assert items[1].record == "line 3" and items[1].message.startswith("invalid JSON")
    byte_stream = io.BytesIO(b"\xef\xbb\xbf" + json.dumps({"text": NO_1}).encode() + b"\n\xff\xfe\n")
    article, problem = read_jsonl_stream(byte_stream, "stdin")
    assert article.text == NO_1
    assert problem == Problem("stdin", "line 2", "not valid UTF-8 (byte 1)")


def test_read_paths_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"body": NO_2}).encode())))
    assert [(a.source, a.record, a.text) for a in read_paths(["-"])] == [("-", "line 1", NO_2)]


# --- CSV and TSV -------------------------------------------------------------------


def test_csv_rows_with_quotes_newlines_and_header_case(tmp_path: Path) -> None:
    content = (
        "ID,Title,Text,URL,Date,Outlet,Language\n"
        f'1,Ny bro,"{DA_1}\n\n{DA_2}",https://fyn.example/1,2023-05-02,Fyns Nyheder,da\n'
        f'2,"Storm, igjen","{NO_1}",,2022-10-04 10:00,,nb\n'
    )
    first, second = read(write(tmp_path / "a.csv", content))
    assert (first.record, first.title, first.text, first.format) == ("row 1", "Ny bro", f"{DA_1}\n\n{DA_2}", "csv")
    assert (first.url, first.published, first.outlet, first.language) == (
        "https://fyn.example/1", "2023-05-02", "Fyns Nyheder", "da",
    )
    assert (second.record, second.title, second.url, second.outlet) == ("row 2", "Storm, igjen", None, None)


def test_csv_semicolon_and_tsv(tmp_path: Path) -> None:
    semicolon = only_article(write(tmp_path / "a.csv", f"overskrift;text;dato\nBro;{DA_1};2023\n"))
    assert (semicolon.text, semicolon.format) == (DA_1, "csv")
    tsv = only_article(write(tmp_path / "b.tsv", f"headline\tbody\tpublished\nFerje\t{NO_1}\t2022-10\n"))
    assert (tsv.title, tsv.text, tsv.published, tsv.format) == ("Ferje", NO_1, "2022-10", "tsv")


def test_csv_bad_rows_are_problems_and_reading_goes_on(tmp_path: Path) -> None:
    content = f'title,text\nA,"{DA_1}"\nB,\n\nC,{NO_1},ekstra\nD,{NO_2}\n'
    items = read(write(tmp_path / "a.csv", content))
    assert [(item.record, type(item).__name__) for item in items] == [
        ("row 1", "RawArticle"), ("row 2", "Problem"), ("row 4", "Problem"), ("row 5", "RawArticle"),
    ]
    assert items[1].message.startswith("no text (expected one of the columns text, body, content")
    assert items[2].message == "3 fields but the header has 2 (a stray delimiter or quote?)"


def test_csv_without_text_column_is_one_problem(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path / "a.csv", "language,sentence\nnb,hei\nda,hej\n"))
    assert problem.record == ""
    assert problem.message.startswith("no text column (expected one of text, body")
    assert problem.message.endswith("found language, sentence)")


def test_csv_handles_huge_fields(tmp_path: Path) -> None:
    body = " ".join([DA_1] * 3000)
    assert len(body) > 131072
    article = only_article(write(tmp_path / "a.csv", f'title,text\nLang,"{body}"\n'))
    assert article.text == body


# --- feeds -------------------------------------------------------------------------


def test_rss_items(tmp_path: Path) -> None:
    path = write(tmp_path / "nord.xml", RSS)
    full, summary_only, empty = read(path)
    assert full == RawArticle(
        source=str(path), record="item 1", text=f"{NO_1}\n\n{NO_2}\nLes mer i morgen.", title="Ferja innstilt",
        url="https://avisanord.example/1", published="Tue, 04 Oct 2022 10:00:00 +0200", outlet="Avisa Nord",
        language="nb", format="rss",
    )
    assert (summary_only.record, summary_only.text) == ("item 2", NO_2)
    assert isinstance(empty, Problem) and empty.record == "item 3" and empty.message.startswith("no text")


def test_rss_saved_as_txt_is_read_as_a_feed(tmp_path: Path) -> None:
    items = read(write(tmp_path / "nord.txt", RSS))
    assert [item.record for item in items] == ["item 1", "item 2", "item 3"]


def test_atom_and_rdf(tmp_path: Path) -> None:
    atom = read(write(tmp_path / "fyn.atom", ATOM))[0]
    assert (atom.title, atom.text, atom.url) == ("Ny bro til Ærø", f"{DA_1}\n\n{DA_2}", "https://fyn.example/bro")
    assert (atom.published, atom.outlet, atom.language, atom.format) == (
        "2023-05-02T09:00:00Z", "Fyns Nyheder", "da", "atom",
    )
    rdf = read(write(tmp_path / "nord.rdf", RDF))[0]
    assert (rdf.text, rdf.published, rdf.outlet, rdf.language) == (NO_1, "2022-10-05T10:00+02:00", "Nordlys", "nn")


def test_unreadable_feed_is_a_problem(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path / "broken.xml", '<?xml version="1.0"?>\n<rss><channel><title>x</ti'))
    assert problem.message.startswith("not a readable feed: ")


def test_feed_without_items_is_a_problem(tmp_path: Path) -> None:
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Tom</title></channel></rss>'
    assert only_problem(write(tmp_path / "empty.rss", feed)).message == "feed has no items"


# --- HTML --------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Ferja innstilt | Avisa Nord</title>
<meta property="og:site_name" content="Avisa Nord">
<link rel="canonical" href="https://avisanord.example/ferja">
<meta property="article:published_time" content="2022-10-04T10:00:00+02:00"></head>
<body><nav><a href="/">Forsiden</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferja innstilt</h1><p>{NO_1}</p><p>{NO_2}</p>
<p>Neste avgang blir tidligst mandag morgen, opplyser selskapet i en pressemelding til avisen.</p></article>
<footer>Kontakt oss · Personvern</footer></body></html>
"""


def test_html_page(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "ferja.html", PAGE))
    assert article.title == "Ferja innstilt"
    assert f"{NO_1}\n\n{NO_2}" in article.text
    assert "Personvern" not in article.text
    assert (article.url, article.published, article.outlet) == (
        "https://avisanord.example/ferja", "2022-10-04T10:00:00+02:00", "Avisa Nord",
    )
    assert (article.language, article.format, article.record) == ("nb", "html", "")


@pytest.mark.parametrize(
    ("page_title", "outlet"),
    [
        ("Ferja innstilt | Avisa Nord", "Avisa Nord"),
        ("Ferja innstilt - Avisa Nord", "Avisa Nord"),
        ("Ferja innstilt", "avisanord.example"),  # the canonical URL's domain
        ("Nyheter - Ferja innstilt", "avisanord.example"),  # not the headline first: no guess
    ],
)
def test_html_outlet_from_the_title_suffix_when_no_site_name(tmp_path: Path, page_title: str, outlet: str | None) -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Avisa Nord">', "").replace(
        "<title>Ferja innstilt | Avisa Nord</title>", f"<title>{page_title}</title>"
    )
    assert only_article(write(tmp_path / "a.html", page)).outlet == outlet


def test_html_date_is_not_guessed_from_the_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Stormen</title></head><body><article>"
        f"<p>{NO_1} Stormen startet 1. oktober 2022.</p><p>{NO_2}</p><p>Oppdatert 03.10.2022.</p>"
        "</article></body></html>"
    )
    article = only_article(write(tmp_path / "a.htm", page))
    assert article.published is None
    assert article.language is None


ARTICLE_BODY = f"<article><p>{NO_1}</p><p>{NO_2}</p></article>"
JSON_LD = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-10-04T08:00:00Z"}</script>'
TIMES = '<time datetime="2022-10-01">1. okt.</time><time itemprop="datePublished" datetime="2022-10-04T10:00+02:00">'
CANONICAL = '<link rel="canonical" href="https://avisanord.example/2022/10/04/ferja-innstilt">'


@pytest.mark.parametrize(
    ("head", "body", "published"),
    [
        (JSON_LD, ARTICLE_BODY, "2022-10-04T08:00:00Z"),
        ("", f"{TIMES}i dag</time>{ARTICLE_BODY}", "2022-10-04T10:00+02:00"),
        (CANONICAL, ARTICLE_BODY, "2022-10-04"),
        ("", f'<div class="byline">Av Kari Nordmann <span>Publisert 04.10.2022 10:15</span></div>{ARTICLE_BODY}',
         "04.10.2022 10:15"),
        ("", f"<time>tirsdag 4. oktober 2022 kl. 10.15</time>{ARTICLE_BODY}", "4. oktober 2022 kl. 10.15"),
    ],
)
def test_html_date_from_json_ld_time_element_or_url(tmp_path: Path, head: str, body: str, published: str) -> None:
    page = f"<html><head><title>Ferja</title>{head}</head><body>{body}</body></html>"
    assert only_article(write(tmp_path / "a.html", page)).published == published


def test_html_without_text_is_a_problem(tmp_path: Path) -> None:
    page = "<!doctype html><html><head><title>Tom</title></head><body><nav>Meny</nav></body></html>"
    assert only_problem(write(tmp_path / "a.html", page)).message == "no article text found in HTML"


# --- directories -------------------------------------------------------------------


def test_directory_walk(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.txt", NO_2)
    write(tmp_path / "a.txt", DA_1)
    write(tmp_path / "b" / "1.txt", NO_1)
    write(tmp_path / "b" / "feed.xml", RDF)
    write(tmp_path / "c.data", json.dumps({"text": DA_2}) + "\n")
    write(tmp_path / "README.md", "# Om data\n")
    write(tmp_path / "b" / "SOURCE.md", "Kilde\n")
    write(tmp_path / "LICENSE", "Fri lisens\n")
    write(tmp_path / ".hidden.txt", DA_1)
    write(tmp_path / ".cache" / "x.txt", DA_1)
    write(tmp_path / "notes.yaml", "key: value\n")
    write(tmp_path / "image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    items = list(read_paths([str(tmp_path)]))
    found = [(Path(item.source).relative_to(tmp_path).as_posix(), type(item).__name__) for item in items]
    assert found == [
        ("a.txt", "RawArticle"),
        ("b/1.txt", "RawArticle"),
        ("b/2.txt", "RawArticle"),
        ("b/feed.xml", "RawArticle"),
        ("c.data", "RawArticle"),
        ("image.jpg", "Problem"),
        ("notes.yaml", "Problem"),
    ]
    assert items[-2].message == "skipped: unknown file type (JPEG image)"
    assert items[-1].message == "skipped: unknown file type (.yaml file)"


def test_read_paths_mixes_files_and_directories(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", DA_1)
    write(tmp_path / "dir" / "two.txt", NO_1)
    items = list(read_paths([str(one), str(tmp_path / "dir")]))
    assert [a.text for a in articles(items)] == [DA_1, NO_1]


# --- the shared data -----------------------------------------------------------------

SEED_MONTHS = {"000": None, "001": "2022-09", "002": "2022-10", "003": "2022-09", "004": "2022-01"}


def test_seeds() -> None:
    seeds = shared("seeds")
    found = {Path(a.source).name[:3]: a for a in articles(list(read_paths([str(seeds)])))}
    assert set(found) == set(SEED_MONTHS)
    for prefix, month in SEED_MONTHS.items():
        article = found[prefix]
        assert article.published == month, prefix
        assert not article.text.startswith(" date")
        title = article.title
        assert title and len(title) <= TITLE_MAX, prefix
        lead = first_sentence(article.text.split("\n", 1)[0]).lstrip("– ")
        assert lead.startswith(title.rstrip("…")), (prefix, title)
    assert found["001"].text.endswith("/ritzau/Reuters")
    assert found["004"].title.startswith("Nato vil overveje at sende yderligere soldater")


def test_reading_dr_news_rejects_only_the_empty_texts() -> None:
    path = shared("data", "dr_news_2017", "articles.jsonl")
    items = list(read_paths([str(path)]))
    assert len(articles(items)) == 994
    assert [p.message.split(" (")[0] for p in items if isinstance(p, Problem)] == ["no text"] * 6


def test_reading_ml_crisis_dates_articles_by_folder() -> None:
    root = shared("data", "ml_crisis")
    items = list(read_paths([str(root)]))
    dated = [a for a in articles(items) if a.published]
    assert len(dated) >= 1200
    assert all(a.published == Path(a.source).parent.name for a in dated)

