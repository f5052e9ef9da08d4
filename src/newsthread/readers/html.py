"""Saved HTML pages, read with trafilatura, and a small HTML-to-text helper."""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from newsthread.model import Problem, RawArticle
from newsthread.normalize import DateError, parse_date

# Elements that end a paragraph when converting markup to plain text.
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "blockquote",
    "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tr", "hr", "address", "head", "list", "item", "quote",
    "row",
})
# "lb" is trafilatura's line break inside its own XML body.
_BREAK_TAGS = frozenset({"br", "lb"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")

# htmldate falls back to dates anywhere in the running text ("updated 03.10.", comment
# stamps) even in fast mode, so the date comes from the page's own metadata only.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "published_time", "pubdate",
    "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date", "dcterms.date",
    "date", "sailthru.date", "parsely-pub-date", "article.published", "datecreated",
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
# A visible byline stamp ("Publisert 13.01.2023 07:31", "1. november 2022 kl. 10.15"), for
# pages without date metadata: only in <time> or elements whose class names a date.
_BYLINE_CLASS = re.compile(r"date|time|publi|byline|dateline|stamp", re.IGNORECASE)
_BYLINE_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2})?"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,9}\.?\s+\d{4}(?:,?\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2})?"
    r"|[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
)
_BYLINE_MAX = 120
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|\b)")
_MIN_WORDS = 10


def html_to_text(markup: str) -> str:
    """Plain text from an HTML fragment, one blank line between paragraphs."""
    if "<" not in markup:
        return _clean_paragraphs(markup.split("\n\n"))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    return _element_text(root)


def _element_text(root: etree._Element) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    _walk(root, paragraphs, current)
    paragraphs.append("".join(current))
    return _clean_paragraphs(paragraphs)


def _walk(node: etree._Element, paragraphs: list[str], current: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIP_TAGS:
        current.append(node.tail or "")
        return
    block = tag in _BLOCK_TAGS
    if block or tag in _BREAK_TAGS:
        _flush(paragraphs, current, soft=tag in _BREAK_TAGS)
    current.append(node.text or "")
    for child in node:
        _walk(child, paragraphs, current)
    if block:
        _flush(paragraphs, current)
    current.append(node.tail or "")


def _flush(paragraphs: list[str], current: list[str], soft: bool = False) -> None:
    if soft:
        current.append("\n")
        return
    paragraphs.append("".join(current))
    current.clear()


def _clean_paragraphs(paragraphs: list[str]) -> str:
    cleaned = []
    for para in paragraphs:
        lines = (_SPACES.sub(" ", line).strip() for line in para.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            cleaned.append(text)
    return "\n\n".join(cleaned)


def read_html(source: str, data: bytes | str) -> Iterator[RawArticle | Problem]:
    """One article from a saved web page; a page without main text is a problem."""
    try:
        tree = trafilatura.load_html(data)
    except (ValueError, etree.LxmlError) as exc:
        yield Problem(source, "", f"cannot parse HTML: {exc}")
        return
    if tree is None:
        yield Problem(source, "", "cannot parse HTML")
        return
    language = _page_language(tree)
    published = _page_date(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = _element_text(doc.body) if doc is not None and doc.body is not None else ""
    # A few words (a menu, "Meny") is what trafilatura's fallback finds on a page without an article.
    if len(text.split()) < _MIN_WORDS:
        yield Problem(source, "", "no article text found in HTML")
        return
    yield RawArticle(
        source=source,
        text=text,
        title=_clean(doc.title),
        url=_clean(doc.url),
        published=published or _url_date(doc.url),
        outlet=_outlet(tree, _clean(doc.sitename), _clean(doc.title)),
        language=language or _clean(doc.language),
        format="html",
    )


def _outlet(tree: etree._Element, site_name: str | None, title: str | None) -> str | None:
    """The site name from metadata; when the page has none, trafilatura falls back to the
    URL's domain, and a name the ``<title>`` gives after the headline reads better."""
    if site_name and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", site_name):
        return site_name
    return _title_suffix_site(tree, title) or site_name


_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7:-]{1,2}\s+")
_MAX_SITE_WORDS = 5


def _title_suffix_site(tree: etree._Element, title: str | None) -> str | None:
    """The site name a page's ``<title>`` adds after the headline ("Headline | Outlet"),
    used when the page has no site-name metadata. Only a short last segment after the
    article's own title counts, so a headline with a dash in it is not cut."""
    element = tree.find(".//title")
    page_title = " ".join((element.text or "").split()) if element is not None else ""
    parts = _TITLE_SEPARATORS.split(page_title)
    if not title or len(parts) < 2 or parts[0].casefold() != title.casefold():
        return None
    site = parts[-1].strip()
    return site if site and len(site.split()) <= _MAX_SITE_WORDS and site.casefold() != title.casefold() else None


def _page_language(tree: etree._Element) -> str | None:
    """The language the page declares: ``<html lang>``, else a content-language meta."""
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang.strip():
        return lang.strip()
    for meta in root.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in {"content-language", "og:locale", "language", "dc.language"}:
            value = (meta.get("content") or "").strip()
            if value:
                return value
    return None


def _page_date(tree: etree._Element) -> str | None:
    """The publication date as the page's metadata states it, unparsed."""
    root = tree.getroottree().getroot()
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key in _DATE_META and value:
            found.setdefault(key, value)
    for key in _DATE_META:
        if key in found:
            return found[key]
    for script in root.iter("script"):
        if "ld+json" in (script.get("type") or "") and script.text:
            match = _JSON_LD_DATE.search(script.text)
            if match:
                return match.group(1).strip()
    return _time_element_date(root) or _byline_date(root)


def _byline_date(root: etree._Element) -> str | None:
    """The first parseable date in a short <time> or date/byline element's text."""
    for elem in root.iter():
        if not isinstance(elem.tag, str):
            continue
        if elem.tag != "time" and not _BYLINE_CLASS.search(_attributes(elem, "class", "id", "itemprop")):
            continue
        text = " ".join("".join(elem.itertext()).split())
        if not text or len(text) > _BYLINE_MAX:
            continue
        for match in _BYLINE_DATE.finditer(text):
            try:
                parse_date(match.group(0))
            except DateError:
                continue
            return match.group(0)
    return None


def _time_element_date(root: etree._Element) -> str | None:
    times = [elem for elem in root.iter("time") if (elem.get("datetime") or "").strip()]
    published = [elem for elem in times if "publish" in _attributes(elem, "itemprop", "class")]
    chosen = (published or times or [None])[0]
    return chosen.get("datetime").strip() if chosen is not None else None


def _attributes(elem: etree._Element, *names: str) -> str:
    return " ".join(elem.get(name) or "" for name in names).lower()


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    return "-".join(match.groups()) if match else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
