"""JSON Lines, JSON and CSV/TSV exports with the usual field names."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from newsthread.model import Problem, RawArticle
from newsthread.readers.html import html_to_text

# Field names are matched blind to case, "_", "-" and spaces: "publishedAt", "published_at"
# and "Published At" are one name. Kept as data so a new export is one more entry.
BODY_FIELDS = ("text", "body", "content", "article", "full_text", "fulltext", "maintext",
               "article_text", "article_body", "body_text", "story", "content_text", "article_content")
SUMMARY_FIELDS = ("description", "summary", "abstract", "lead", "teaser", "excerpt", "ingress", "intro",
                  "lead_paragraph", "snippet", "standfirst")
TITLE_FIELDS = ("title", "headline", "heading", "article_title", "news_title", "name")
URL_FIELDS = ("url", "link", "href", "permalink", "canonical_url", "article_url", "web_url", "uri")
DATE_FIELDS = ("published", "date", "pubdate", "published_at", "publication_date", "published_date",
               "publish_date", "date_published", "pub_date", "publication_time", "first_published",
               "datetime", "time", "timestamp", "created_at", "created", "date_created", "updated",
               "updated_at", "modified")
OUTLET_FIELDS = ("source", "outlet", "site", "site_name", "source_name", "publisher", "publication",
                 "newspaper", "media", "medium", "domain", "feed")
LANGUAGE_FIELDS = ("language", "lang", "language_code", "lang_code", "in_language", "locale")
LIST_KEYS = ("articles", "items", "entries", "documents", "data", "results", "hits", "docs", "posts",
             "stories", "news", "records", "rows")
# How deep a list of records may sit in wrapper objects: {"response": {"docs": [...]}} (NYT),
# {"hits": {"hits": [...]}} (Elasticsearch). Deeper nesting is not an export format.
_MAX_WRAPPER_DEPTH = 3

_NO_TEXT = "no text (expected one of the {kind} " + ", ".join(BODY_FIELDS[:5]) + ", ...)"
# Keys under which nested objects keep their display value: {"source": {"name": "NRK"}},
# {"content": {"rendered": "<p>..."}} (WordPress), {"link": {"href": ...}}.
_NESTED_KEYS = ("name", "title", "main", "rendered", "value", "text", "href", "url", "code", "$date")
_HTML_HINT = re.compile(r"<(p|br|div|span|a|em|strong|h[1-6]|li)\b[^>]*>", re.IGNORECASE)
_CSV_FIELD_LIMIT = 2**31 - 1
_SEPARATORS = re.compile(r"[\s_\-.:]+")


def record_to_article(
    source: str, record: str, obj: Mapping[str, Any], fmt: str, kind: str = "fields"
) -> RawArticle | Problem:
    """Map one exported record, field names matched case-insensitively."""
    fields: dict[str, Any] = {}
    for key, value in obj.items():
        fields.setdefault(field_key(key), value)
    text = _body_text(fields)
    if not text:
        fields = _inner_record(fields) or fields
        text = _body_text(fields)
    if not text:
        return Problem(source, record, _NO_TEXT.format(kind=kind))
    return RawArticle(
        source=source,
        record=record,
        text=text,
        title=_first(fields, TITLE_FIELDS),
        url=_first(fields, URL_FIELDS),
        published=_first(fields, DATE_FIELDS),
        outlet=_first(fields, OUTLET_FIELDS),
        language=_first(fields, LANGUAGE_FIELDS),
        format=fmt,
    )


@functools.lru_cache(maxsize=4096)  # bounded: field names come from the input
def field_key(name: Any) -> str:
    """A field name as matched: lower case, without separators ("Published_At" -> "publishedat")."""
    return _SEPARATORS.sub("", str(name).lower())


def _inner_record(fields: Mapping[str, Any]) -> dict[str, Any] | None:
    """Fields of a record kept one level down ({"_source": {...}}, {"fields": {...}}), the
    outer fields filling what the inner one lacks (ids, dates kept beside the document)."""
    for name, value in fields.items():
        if isinstance(value, Mapping):
            inner = {field_key(key): item for key, item in value.items()}
            if _body_text(inner):
                outer = {key: item for key, item in fields.items() if key != name}
                return {**outer, **inner}
    return None


def _body_text(fields: Mapping[str, Any]) -> str:
    for names in (BODY_FIELDS, SUMMARY_FIELDS):
        candidates = (_scalar(fields.get(field_key(name))) for name in names)
        best = max((value for value in candidates if value), key=len, default="")
        if best:
            return html_to_text(best) if _HTML_HINT.search(best) else best
    return ""


def _first(fields: Mapping[str, Any], names: Iterable[str]) -> str | None:
    for name in names:
        value = _scalar(fields.get(field_key(name)))
        if value:
            return " ".join(value.split()) if "\n" in value else value
    return None


def _scalar(value: Any) -> str:
    """A field value as a trimmed string; "" when nothing usable is there."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        lowered = {str(key).lower(): item for key, item in value.items()}
        return next((_scalar(lowered[key]) for key in _NESTED_KEYS if key in lowered), "")
    if isinstance(value, list):
        return next((text for text in map(_scalar, value) if text), "")
    return ""


def read_jsonl(source: str, content: str, fmt: str = "jsonl") -> Iterator[RawArticle | Problem]:
    """One article per line; ``record`` is the 1-based physical line number."""
    return _jsonl_lines(source, enumerate(content.splitlines(), start=1), fmt)


def read_jsonl_stream(stream: IO[str] | IO[bytes], source: str = "-") -> Iterator[RawArticle | Problem]:
    """JSON Lines from an open stream (stdin), text or binary, read lazily."""
    return _jsonl_lines(source, enumerate(stream, start=1), "jsonl")


def _jsonl_lines(
    source: str, lines: Iterable[tuple[int, str | bytes]], fmt: str
) -> Iterator[RawArticle | Problem]:
    for number, line in lines:
        record = f"line {number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Problem(source, record, f"not valid UTF-8 (byte {exc.start + 1})")
                continue
        line = line.lstrip("\ufeff").strip()
        if line:
            yield _json_line(source, record, line, fmt)


def _json_line(source: str, record: str, line: str, fmt: str) -> RawArticle | Problem:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(source, record, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return Problem(source, record, f"expected a JSON object, found {_json_kind(obj)}")
    return record_to_article(source, record, obj, fmt)


def read_json(source: str, content: str) -> Iterator[RawArticle | Problem]:
    """A JSON array of article objects, an object holding such a list, or one article."""
    try:
        doc = json.loads(content)
    except json.JSONDecodeError as exc:
        yield Problem(source, "", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    items = article_list(doc)
    if items is None:
        if isinstance(doc, dict):
            yield record_to_article(source, "", doc, "json")
        else:
            yield Problem(source, "", f"expected a JSON array of articles, found {_json_kind(doc)}")
        return
    for number, item in enumerate(items, start=1):
        record = f"item {number}"
        if isinstance(item, dict):
            yield record_to_article(source, record, item, "json")
        else:
            yield Problem(source, record, f"expected a JSON object, found {_json_kind(item)}")


def article_list(doc: Any, depth: int = 0) -> list[Any] | None:
    """The list of records in a JSON document, or None when it holds no such list.

    The list may sit in wrapper objects ({"response": {"docs": [...]}}); those are searched
    only when the object is not itself an article (has no text field)."""
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict) or depth >= _MAX_WRAPPER_DEPTH:
        return None
    lowered = {str(key).lower(): value for key, value in doc.items()}
    for key in LIST_KEYS:
        if isinstance(lowered.get(key), list):
            return lowered[key]
    if any(field_key(key) in _TEXT_KEYS for key in doc):
        return None
    for value in doc.values():
        found = article_list(value, depth + 1) if isinstance(value, dict) else None
        if found is not None:
            return found
    return None


def _json_kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


_TEXT_KEYS = frozenset(field_key(name) for name in (*BODY_FIELDS, *SUMMARY_FIELDS))


def read_csv(source: str, content: str, delimiter: str | None = None) -> Iterator[RawArticle | Problem]:
    """One article per data row; ``record`` is the 1-based data row (header not counted)."""
    # Article bodies easily exceed the csv module's 128 KiB default field limit.
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    delimiter = delimiter or sniff_delimiter(content)
    fmt = "tsv" if delimiter == "\t" else "csv"
    rows = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff").lower() for name in next(rows, [])]
        if not any(field_key(name) in _TEXT_KEYS for name in header):
            yield Problem(source, "", _no_text_column(header))
            return
        yield from _csv_rows(source, header, rows, fmt)
    except csv.Error as exc:
        yield Problem(source, f"near line {rows.line_num}", f"malformed CSV, rest of file skipped: {exc}")


def _csv_rows(
    source: str, header: list[str], rows: Iterator[list[str]], fmt: str
) -> Iterator[RawArticle | Problem]:
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        record = f"row {number}"
        if len(row) > len(header):
            message = f"{len(row)} fields but the header has {len(header)} (a stray delimiter or quote?)"
            yield Problem(source, record, message)
            continue
        yield record_to_article(source, record, dict(zip(header, row)), fmt, kind="columns")


def _no_text_column(header: list[str]) -> str:
    found = ", ".join(name for name in header if name) or "none"
    expected = ", ".join((*BODY_FIELDS[:5], *SUMMARY_FIELDS[:2]))
    return f"no text column (expected one of {expected}, ...; found {found})"


def sniff_delimiter(content: str) -> str:
    """The most frequent of , ; and tab in the header line (outside quotes)."""
    header = _first_line(content)
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {delim: unquoted.count(delim) for delim in (",", ";", "\t")}
    best = max(counts, key=lambda delim: counts[delim])
    return best if counts[best] else ","


def _first_line(content: str) -> str:
    for line in content.splitlines():
        if line.strip():
            return line
    return ""
