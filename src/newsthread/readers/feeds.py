"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with feedparser."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from newsthread.model import Problem, RawArticle
from newsthread.readers.html import html_to_text

_DATE_KEYS = ("published", "updated", "created")


def read_feed(source: str, data: bytes) -> Iterator[RawArticle | Problem]:
    """One article per feed entry; entries without any text become problems."""
    # Bytes, not str: feedparser would treat a short string as a URL to fetch, and
    # from bytes it honours the encoding the XML declaration names.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield Problem(source, "", _empty_feed_message(parsed))
        return
    channel = parsed.feed
    fmt = "atom" if parsed.get("version", "").startswith("atom") else "rss"
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(source, f"item {number}", entry, channel, fmt)


def _empty_feed_message(parsed: Any) -> str:
    if parsed.get("bozo"):
        return f"not a readable feed: {parsed.get('bozo_exception')}"
    return "feed has no items"


def _entry_article(
    source: str, record: str, entry: Mapping[str, Any], channel: Mapping[str, Any], fmt: str
) -> RawArticle | Problem:
    text = _entry_text(entry)
    if not text:
        return Problem(source, record, "no text (the item has no content, summary or description)")
    return RawArticle(
        source=source,
        record=record,
        text=text,
        title=_detail_text(entry, "title"),
        url=_stripped(entry.get("link")),
        published=_first(entry, _DATE_KEYS),
        outlet=_detail_text(channel, "title"),
        language=_entry_language(entry, channel),
        format=fmt,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest full content, else the summary: feeds often put a teaser in both."""
    bodies = [_as_text(part) for part in entry.get("content") or ()]
    best = max(bodies, key=len, default="")
    if best:
        return best
    return _as_text(entry.get("summary_detail") or {"value": entry.get("summary") or ""})


def _as_text(detail: Mapping[str, Any]) -> str:
    value = detail.get("value") or ""
    if detail.get("type") == "text/plain":
        return value.strip()
    return html_to_text(value)


def _detail_text(item: Mapping[str, Any], key: str) -> str | None:
    detail = item.get(f"{key}_detail")
    text = _as_text(detail) if detail else (item.get(key) or "").strip()
    return " ".join(text.split()) or None


def _entry_language(entry: Mapping[str, Any], channel: Mapping[str, Any]) -> str | None:
    if _stripped(entry.get("language")):
        return _stripped(entry.get("language"))
    for detail in (*(entry.get("content") or ()), entry.get("summary_detail") or {}):
        if _stripped(detail.get("language")):
            return _stripped(detail["language"])
    return _stripped(channel.get("language"))


def _first(item: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _stripped(item.get(key))
        if value:
            return value
    return None


def _stripped(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None
