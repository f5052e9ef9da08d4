"""Plain-text articles: one article per file, with optional date or field headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from newsthread.model import Problem, RawArticle

_DATE_VALUE = (
    r"\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?"
)
# The seed format: " date 2022-09 First sentence of the article..." on the first line.
_DATE_HEADER = re.compile(rf"[ \t]*date:?[ \t]+({_DATE_VALUE})(?![\d:])[ \t]*", re.IGNORECASE)
_FIELD_LINE = re.compile(r"([^\W\d_][^\W\d]{0,24}(?:[ -][^\W\d]{1,24})?):[ \t]*(.*)")
# Header names in en/da/nb/nn/sv; kept as data so a new language is one more entry.
_HEADER_FIELDS = {
    "title": "title", "headline": "title", "titel": "title", "tittel": "title", "rubrik": "title",
    "overskrift": "title", "rubrikk": "title",
    "date": "published", "published": "published", "dato": "published", "datum": "published",
    "publiceret": "published", "publisert": "published", "publicert": "published", "publicerad": "published",
    "url": "url", "link": "url", "lenke": "url", "länk": "url",
    "source": "outlet", "outlet": "outlet", "kilde": "outlet", "källa": "outlet", "medie": "outlet",
    "medium": "outlet", "avis": "outlet", "tidning": "outlet", "kjelde": "outlet",
    "language": "language", "lang": "language", "sprog": "language", "språk": "language", "språg": "language",
}
_DATED_DIR = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’')\]]*(?=\s+[\"«“‘(–—-]?\s?[0-9A-ZÆØÅÄÖÜÉÀÈÁÍÓÚÑÇ])")
# Words that end with a period without ending the sentence (Nordic and English).
_ABBREVIATIONS = frozenset({
    "dr", "mr", "mrs", "ms", "st", "nr", "ca", "kl", "bl", "f.eks", "jf", "prof", "hr", "fr", "sr",
    "jr", "vs", "inc", "ltd", "co", "mv", "osv", "etc", "pga", "evt", "ifm", "dvs", "mfl", "bl.a",
    "f.eks.", "ds", "sen", "rep", "gen", "lt", "kpt", "mill", "mia",
})
_WORDY_LINE = re.compile(r"^.*[^\W\d_]{2}", re.MULTILINE)
_LEADING_DASH = re.compile(r"^(?:[–—-]|#{1,6})\s+")
TITLE_MAX = 160
HEADLINE_MAX = 200
_MIN_SENTENCE = 25


def read_text(source: str, content: str) -> Iterator[RawArticle | Problem]:
    """The single article in a plain-text file."""
    body = _normalise(content)
    if not body:
        yield Problem(source, "", "empty file")
        return
    fields, body = _split_header(body)
    if not body:
        yield Problem(source, "", "no text after the header")
        return
    yield RawArticle(
        source=source,
        text=body,
        title=fields.get("title") or derive_title(body),
        url=fields.get("url"),
        published=fields.get("published") or _directory_date(source),
        outlet=fields.get("outlet"),
        language=fields.get("language"),
        format="text",
    )


def _normalise(content: str) -> str:
    lines = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n").rstrip()


def _split_header(body: str) -> tuple[dict[str, str], str]:
    """Header fields and the text after them; a text without header is returned as is."""
    fields, rest = _field_block(body)
    if fields is not None:
        return fields, rest
    match = _DATE_HEADER.match(body)
    if match:
        return {"published": match.group(1)}, body[match.end():].strip()
    return {}, body.strip()


def _field_block(body: str) -> tuple[dict[str, str] | None, str]:
    """``Title: ...`` / ``Date: ...`` lines up to the first blank line, if that is what leads."""
    head, _, rest = body.partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.split("\n"):
        match = _FIELD_LINE.fullmatch(line.strip())
        if not match:
            return None, body
        key = _HEADER_FIELDS.get(match.group(1).strip().lower())
        if key and match.group(2).strip():
            fields.setdefault(key, match.group(2).strip())
    # Unknown "Key: value" lines alone are more likely prose ("Oslo: ...") than a header.
    if not fields:
        return None, body
    return fields, rest.strip()


def _directory_date(source: str) -> str | None:
    """Corpora laid out as ``.../<YYYY-MM-DD>/<doc>.txt`` date documents by folder."""
    parent = PurePath(source).parent.name
    return parent if _DATED_DIR.fullmatch(parent) else None


def derive_title(body: str) -> str | None:
    """A short headline-like first line, else the first sentence, shortened if long."""
    # Lines without words (a date, a rule of dashes) say nothing about the content.
    words = _WORDY_LINE.search(body)
    if not words:
        return None
    paragraph = _PARAGRAPH_BREAK.split(body[words.start():], maxsplit=1)[0].strip()
    lines = paragraph.split("\n")
    first = lines[0].strip()
    wrapped = len(lines) > 1 and lines[1][:1].islower()
    if len(first) <= HEADLINE_MAX and not _ends_sentence(first) and not wrapped:
        return _LEADING_DASH.sub("", first) or None
    lead = first if _ends_sentence(first) else " ".join(line.strip() for line in lines)
    sentence = _LEADING_DASH.sub("", first_sentence(lead))
    return shorten(sentence, TITLE_MAX) or None


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…:;,][\"»”’')\]]*$", line))


def first_sentence(text: str) -> str:
    """Text up to the first sentence end that is not an abbreviation or an initial."""
    for match in _SENTENCE_END.finditer(text):
        if match.end() < _MIN_SENTENCE or _is_abbreviation(text, match.start()):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _is_abbreviation(text: str, end: int) -> bool:
    if text[end] != ".":
        return False
    word = text[:end].rsplit(None, 1)[-1].lower() if text[:end].strip() else ""
    return len(word) == 1 or word in _ABBREVIATIONS


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"
