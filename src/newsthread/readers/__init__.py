"""Readers turn input files into :class:`RawArticle` and :class:`Problem` objects.

Readers never raise for bad input and never touch the store: whatever cannot be read
becomes a :class:`Problem` and the rest of the input goes on.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsthread.model import Problem, RawArticle
from newsthread.readers.feeds import read_feed
from newsthread.readers.html import read_html
from newsthread.readers.tabular import (
    BODY_FIELDS,
    SUMMARY_FIELDS,
    article_list,
    read_csv,
    read_json,
    read_jsonl,
    read_jsonl_stream,
)
from newsthread.readers.text import read_text

__all__ = ["decode_bytes", "detect_format", "read_bytes", "read_file", "read_jsonl_stream", "read_paths"]

Item = RawArticle | Problem

HEAD_SIZE = 65536
FEED_FORMATS = frozenset({"rss", "atom"})
_EXTENSION_FORMATS = {
    ".txt": "text", ".text": "text", "": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "rss", ".rdf": "rss", ".atom": "atom", ".xml": "xml",
}
_DOC_EXTENSIONS = frozenset({".md", ".markdown", ".rst"})
_DOC_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog", "notice", "authors"})
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data"), (b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive"),
    (b"\xfd7zXZ", "xz-compressed data"), (b"7z\xbc\xaf", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"), (b"SQLite format 3", "SQLite database"),
    (b"RIFF", "RIFF media file"), (b"\x7fELF", "executable"),
)
_MARKUP = re.compile(r"<(rss|feed|rdf:rdf|html|!doctype\s+html)\b")
_HTML_FRAGMENT = re.compile(r"<(head|body|article|main|div|p|title|meta)\b")
_JSON_ARRAY_START = re.compile(r"\[\s*(?:[{\[\]]|$)")
_JSON_OBJECT_START = re.compile(r"\{\s*(?:[\"}]|$)")
_HEADER_CELL = re.compile(r"[\w .:()-]{1,40}")
_TEXT_COLUMNS = frozenset({*BODY_FIELDS, *SUMMARY_FIELDS})
# Bytes ordinary text is made of; anything else left over marks a binary file.
_TEXT_BYTES = bytes({7, 8, 9, 10, 11, 12, 13, 27} | set(range(32, 256)) - {127})


def read_paths(paths: Sequence[str]) -> Iterator[Item]:
    """Everything under the given files, directories (recursively) and ``-`` (stdin)."""
    for path in paths:
        if path == "-" and sys.stdin is None:
            yield Problem("-", "", "no standard input to read")
        elif path == "-":
            yield from read_jsonl_stream(getattr(sys.stdin, "buffer", sys.stdin), "-")
        elif os.path.isdir(path):
            yield from _read_directory(Path(path))
        elif os.path.exists(path):
            yield from read_file(path)
        else:
            yield Problem(path, "", "no such file or directory")


def _read_directory(root: Path) -> Iterator[Item]:
    for path in _walk(root):
        kind = _directory_entry_kind(path)
        if kind == "read":
            yield from read_file(path)
        elif kind != "doc":
            yield Problem(str(path), "", f"skipped: unknown file type ({kind})")


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` in sorted order, hidden files and folders left out."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(Path(folder, name) for name in filenames if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _directory_entry_kind(path: Path) -> str:
    """``read``, ``doc`` (skipped silently) or a label for a skipped file."""
    suffix = path.suffix.lower()
    if suffix in _DOC_EXTENSIONS or path.stem.lower() in _DOC_STEMS:
        return "doc"
    if suffix in _EXTENSION_FORMATS:
        return "read"
    # An unknown extension is still read when its content is plainly a known format.
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_SIZE)
    except OSError:
        return "read"
    fmt = detect_format(str(path), head)
    if fmt not in (None, "text"):
        return "read"
    return f"{suffix} file" if fmt == "text" else _binary_label(head)


def read_file(path: str | os.PathLike[str]) -> Iterator[Item]:
    """The articles in one file, in whatever supported format its content is in."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield Problem(source, "", f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(source, data)


def read_bytes(source: str, data: bytes) -> Iterator[Item]:
    """The articles in a file's content; ``source`` names it and hints at its format."""
    if not data.strip():
        yield Problem(source, "", "empty file")
        return
    fmt = detect_format(source, data[:HEAD_SIZE])
    if fmt is None:
        yield Problem(source, "", f"unsupported file type: {_unsupported_label(source, data)}")
        return
    if fmt in FEED_FORMATS:
        yield from read_feed(source, data)
        return
    if fmt == "html":
        yield from read_html(source, data)
        return
    content = decode_bytes(data)
    if content is None:
        yield Problem(source, "", "cannot decode as UTF-8 or Latin-1: binary file?")
    elif not content.strip():
        yield Problem(source, "", "empty file")
    else:
        yield from _read_content(source, content, fmt)


def _read_content(source: str, content: str, fmt: str) -> Iterator[Item]:
    if fmt == "jsonl":
        return read_jsonl(source, content)
    if fmt == "json":
        return read_json(source, content)
    if fmt in ("csv", "tsv"):
        return read_csv(source, content, "\t" if fmt == "tsv" else None)
    return read_text(source, content)


def decode_bytes(data: bytes) -> str | None:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252/Latin-1 if it looks like text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if not _looks_like_text(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:HEAD_SIZE]
    return len(sample.translate(None, _TEXT_BYTES)) <= len(sample) // 1000


def detect_format(path: str, head: bytes) -> str | None:
    """``text``, ``jsonl``, ``json``, ``csv``, ``tsv``, ``rss``, ``atom``, ``html`` or None.

    Content decides first and the extension second, so a feed saved as ``.txt`` is read
    as a feed. None means a binary or otherwise unsupported file.
    """
    sample = _head_text(head)
    if sample is None:
        return None
    suffix = Path(path).suffix.lower()
    fmt = _format_from_content(sample, suffix) or _EXTENSION_FORMATS.get(suffix, "text")
    return None if fmt == "xml" else fmt


def _head_text(head: bytes) -> str | None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    if any(head.startswith(magic) for magic, _ in _MAGIC) or b"\x00" in head:
        return None
    return head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def _format_from_content(sample: str, suffix: str) -> str | None:
    if sample.startswith("<"):
        return _markup_format(sample[:8192].lower(), suffix)
    # Prose may open with "[Link in English]": only a bracket that starts JSON counts.
    if _JSON_ARRAY_START.match(sample):
        return "json"
    if _JSON_OBJECT_START.match(sample):
        return _json_format(sample, suffix)
    return _delimited_format(sample)


def _markup_format(sample: str, suffix: str) -> str | None:
    match = _MARKUP.search(sample)
    if match:
        tag = match.group(1)
        if tag == "feed":
            return "atom"
        return "rss" if tag in ("rss", "rdf:rdf") else "html"
    if _EXTENSION_FORMATS.get(suffix) in ("html", "rss", "atom", "xml"):
        return None if suffix == ".xml" else _EXTENSION_FORMATS[suffix]
    return "html" if _HTML_FRAGMENT.search(sample) else None


def _json_format(sample: str, suffix: str) -> str:
    """JSON Lines when the first line is a whole object, unless it wraps an article list."""
    end = sample.find("\n")
    try:
        first = json.loads(sample if end < 0 else sample[:end])
    except json.JSONDecodeError:
        return "jsonl" if _EXTENSION_FORMATS.get(suffix) == "jsonl" else "json"
    if isinstance(first, dict) and article_list(first) is None:
        return "jsonl"
    return "json"


def _delimited_format(sample: str) -> str | None:
    """CSV or TSV when the first line is a header naming a text column."""
    end = sample.find("\n")
    line = (sample if end < 0 else sample[:end]).strip()
    for delimiter, fmt in (("\t", "tsv"), (";", "csv"), (",", "csv")):
        cells = [cell.strip().strip('"').strip().lower() for cell in line.split(delimiter)]
        if len(cells) < 2 or not all(_HEADER_CELL.fullmatch(cell) for cell in cells if cell):
            continue
        if _TEXT_COLUMNS & set(cells):
            return fmt
    return None


def _unsupported_label(source: str, data: bytes) -> str:
    head = data[:HEAD_SIZE]
    if Path(source).suffix.lower() == ".xml" and _head_text(head) is not None:
        return "XML that is not an RSS, Atom or RDF feed"
    if _head_text(head) is not None and head.lstrip().startswith(b"<"):
        return "markup that is neither HTML nor an RSS, Atom or RDF feed"
    return _binary_label(head)


def _binary_label(head: bytes) -> str:
    for magic, label in _MAGIC:
        if head.startswith(magic):
            return label
    return "binary content"
