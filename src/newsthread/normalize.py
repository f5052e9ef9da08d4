"""Normalisation: clean text, parse dates without losing precision, fingerprint content.

Everything here is pure: strings in, values out. The pipeline calls
:func:`normalise_article` to turn a :class:`RawArticle` into an :class:`Article`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from .model import Article, Problem, RawArticle

# Month names as newsrooms write them, for dates like "21. september 2022" or
# "Sept 21, 2022". Kept as data so a new language is one more entry.
MONTH_NAMES: dict[str, int] = {}
for _names in (
    # en
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    # da / nb / nn
    "januar februar marts april maj juni juli august september oktober november december",
    "januar februar mars april mai juni juli august september oktober november desember",
    # sv
    "januari februari mars april maj juni juli augusti september oktober november december",
    "jan feb mar apr mai jun jul aug sep okt nov des",
):
    for _number, _name in enumerate(_names.split(), start=1):
        MONTH_NAMES.setdefault(_name, _number)
MONTH_NAMES["sept"] = 9

PRECISIONS = ("year", "month", "day", "minute", "second")


@dataclass(frozen=True)
class PartialDate:
    """A publication date that remembers how precise the input was.

    ``iso`` is what we show (``2022-09``, ``2022-09-21``, ``2022-09-21T10:05:00+02:00``);
    ``precision`` is one of :data:`PRECISIONS`; ``sort_key`` is the earliest instant the
    date can mean, in UTC when the input had a time zone, as ``YYYY-MM-DDTHH:MM:SS``.
    """

    iso: str
    precision: str
    sort_key: str


class DateError(ValueError):
    """Raised by :func:`parse_date` for a value that is not a date we understand."""


_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Time zones as a suffix: offsets, and the abbreviations Nordic and English sites print.
_ZONE = r"(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{3,4})"
ZONE_ABBREVIATIONS: dict[str, int] = {  # minutes east of UTC
    "UTC": 0, "GMT": 0, "WET": 0, "BST": 60, "WEST": 60, "CET": 60, "MET": 60, "CEST": 120,
    "MEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360,
    "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
}
_TIME = rf"(?:,?\s+(?:kl\.?|klokken|klockan|at)?\s*(\d{{1,2}})[:.](\d{{2}})(?:[:.](\d{{2}}))?\s*(am|pm|a\.m\.|p\.m\.)?)?(?:\s*{_ZONE})?"
_DAY_FIRST = re.compile(rf"^(\d{{1,2}})[./-](\d{{1,2}})[./-](\d{{4}}){_TIME}$", re.IGNORECASE)
# "03.11.22 kl. 10:15": Nordic bylines shorten the year; dots only, as "22-11-03" could be
# year first.
_DAY_FIRST_SHORT_YEAR = re.compile(rf"^(\d{{1,2}})\.(\d{{1,2}})\.(\d{{2}}){_TIME}$", re.IGNORECASE)
_LEADING_DEN = re.compile(r"^(?:den|d\.)\s+(?=\d)", re.IGNORECASE)
_ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    rf"\s*{_ZONE}?$",
    re.IGNORECASE,
)
_WORDY = re.compile(rf"^(\d{{1,2}})\.?\s+([a-zæøåä]+)\.?,?\s+(\d{{4}}){_TIME}$", re.IGNORECASE)
_WORDY_EN = re.compile(rf"^([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_TIME}$", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"^([a-zæøåä]+)\.?,?\s+(\d{4})$", re.IGNORECASE)
# What pages print before a date: "Publisert 13.01.2023", "tirsdag den 1. november", "Updated:".
_LABEL = re.compile(
    r"^(?:(?:first\s+)?publi[a-z]*|oppdatert|opdateret|uppdaterad|updated|posted|sist\s+\w+|dato|datum|date)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
_WEEKDAY_NAMES = (
    "mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag "
    "tisdag lördag söndag monday tuesday wednesday thursday friday saturday sunday "
    "man tir ons tor fre lør søn mon tue wed thu fri sat sun"
)
WEEKDAYS = frozenset(_WEEKDAY_NAMES.split())
_LEADING_WEEKDAY = re.compile(r"^([a-zæøåäö]+)\.?,?\s+(?:(?:den|d\.|the)\s+)?", re.IGNORECASE)


def parse_date(value: str) -> PartialDate:
    """Parse a publication date in any of the forms exports, feeds and pages use.

    Accepts ISO 8601 (year, month, day, timestamps with or without zone, also with
    ``/`` or ``.``, or as ``YYYYMMDD``), RFC 822 feed dates, ``DD.MM.YYYY [HH:MM]`` (also
    ``DD.MM.YY``, the year put at most one year ahead of today), ``21.
    september 2022 kl. 10.15`` and ``September 21, 2022`` in da/nb/nn/sv/en, a month
    and year (``oktober 2022``), and Unix epoch seconds or milliseconds. A leading
    label, weekday or ``den`` (``Publisert``, ``tirsdag den``) is skipped, and a zone
    abbreviation (``CET``) is kept as an offset. Raises :class:`DateError` for
    anything else.
    """
    text = value.strip()
    if not text:
        raise DateError("empty date")
    result = _parse_bare(text)
    if result is None and (stripped := _without_prefix(text)) != text:
        result = _parse_bare(stripped)
    if result is None:
        raise DateError(f"unrecognised date {value!r}")
    return result


def _parse_bare(text: str) -> PartialDate | None:
    """The first parser's reading of ``text``, or None when none understands it."""
    for parser in _PARSERS:
        result = parser(text)
        if result is not None:
            return result
    return None


def _without_prefix(text: str) -> str:
    text = _LABEL.sub("", text, count=1)
    match = _LEADING_WEEKDAY.match(text)
    if match and match[1].lower() in WEEKDAYS:
        text = text[match.end():]
    return _LEADING_DEN.sub("", text, count=1)


def _check(year: int, month: int = 1, day: int = 1) -> None:
    try:
        datetime(year, month, day)
    except ValueError as exc:
        raise DateError(str(exc)) from None
    if not 1800 <= year <= 2200:
        raise DateError(f"implausible year {year}")


def _day(year: int, month: int, day: int) -> PartialDate:
    _check(year, month, day)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return PartialDate(iso, "day", f"{iso}T00:00:00")


def _parse_iso_partial(text: str) -> PartialDate | None:
    if m := _YEAR.match(text):
        year = int(m[1])
        _check(year)
        return PartialDate(f"{year:04d}", "year", f"{year:04d}-01-01T00:00:00")
    if m := _YEAR_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        _check(year, month)
        return PartialDate(f"{year:04d}-{month:02d}", "month", f"{year:04d}-{month:02d}-01T00:00:00")
    if m := _DAY.match(text) or _COMPACT_DAY.match(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    return None


def _zone(token: str | None) -> timezone | None:
    if not token:
        return None
    upper = token.upper()
    if upper == "Z":
        return UTC
    if upper in ZONE_ABBREVIATIONS:
        return timezone(timedelta(minutes=ZONE_ABBREVIATIONS[upper]))
    if token[0] not in "+-":
        raise DateError(f"unknown time zone {token!r}")
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _from_datetime(moment: datetime, precision: str) -> PartialDate:
    spec = "minutes" if precision == "minute" else "seconds"
    iso = moment.isoformat(timespec=spec)
    utc = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    return PartialDate(iso, precision, utc.isoformat(timespec="seconds"))


def _parse_iso_time(text: str) -> PartialDate | None:
    m = _ISO_TIME.match(text)
    if not m:
        return None
    return _moment(int(m[1]), int(m[2]), int(m[3]), m[4], m[5], m[6], None, m[7])


def _moment(
    year: int, month: int, day: int, hour: str | None, minute: str | None,
    second: str | None, meridiem: str | None, zone: str | None,
) -> PartialDate:
    """A day, or a time on it when one was given; precision follows what was written."""
    if hour is None:
        return _day(year, month, day)
    _check(year, month, day)
    hours = int(hour)
    if meridiem:
        if hours > 12:
            raise DateError(f"hour {hours} with {meridiem}")
        hours = hours % 12 + (12 if meridiem.lower().startswith("p") else 0)
    seconds = int(second) if second else 0
    try:
        moment = datetime(year, month, day, hours, int(minute or 0), seconds, tzinfo=_zone(zone))
    except ValueError as exc:
        raise DateError(str(exc)) from None
    return _from_datetime(moment, "second" if seconds else "minute")


def _parse_day_first(text: str) -> PartialDate | None:
    if m := _DAY_FIRST.match(text):
        return _moment(int(m[3]), int(m[2]), int(m[1]), *m.groups()[3:])
    if m := _DAY_FIRST_SHORT_YEAR.match(text):
        return _moment(_full_year(int(m[3])), int(m[2]), int(m[1]), *m.groups()[3:])
    return None


def _full_year(short: int) -> int:
    """A two-digit year in the century that puts it at most a year ahead of today."""
    this_year = datetime.now(UTC).year
    year = this_year // 100 * 100 + short
    return year - 100 if year > this_year + 1 else year


def _parse_epoch(text: str) -> PartialDate | None:
    if not re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return None
    seconds = float(text)
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return _from_datetime(moment, "second")


def _parse_wordy(text: str) -> PartialDate | None:
    if m := _WORDY.match(text):
        day, month_name, year = int(m[1]), m[2], int(m[3])
    elif m := _WORDY_EN.match(text):
        month_name, day, year = m[1], int(m[2]), int(m[3])
    else:
        return None
    month = MONTH_NAMES.get(month_name.lower())
    if month is None:
        return None
    return _moment(year, month, day, *m.groups()[3:])


def _parse_month_year(text: str) -> PartialDate | None:
    m = _MONTH_YEAR.match(text)
    month = MONTH_NAMES.get(m[1].lower()) if m else None
    if m is None or month is None:
        return None
    year = int(m[2])
    _check(year, month)
    return PartialDate(f"{year:04d}-{month:02d}", "month", f"{year:04d}-{month:02d}-01T00:00:00")


def _parse_rfc822(text: str) -> PartialDate | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    _check(moment.year, moment.month, moment.day)
    return _from_datetime(moment, "second" if moment.second else "minute")


_PARSERS = (
    _parse_iso_partial, _parse_iso_time, _parse_epoch, _parse_day_first, _parse_wordy,
    _parse_month_year, _parse_rfc822,
)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Unicode NFC, one space between words, paragraphs separated by one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\u00ad", "")
    text = _SPACES.sub(" ", text)
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()


_WORD = re.compile(r"\w+", re.UNICODE)


def content_fingerprint(title: str, text: str) -> str:
    """A hash of the words of title and text, blind to case, spacing and punctuation.

    Two records with the same fingerprint are the same article for idempotent
    ingest; light rewrites are the deduplication stage's business, not this one's.
    """
    words = _WORD.findall(f"{title}\n{text}".casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def normalise_article(raw: RawArticle) -> Article | Problem:
    """Clean one raw article; return a :class:`Problem` when it has no usable text.

    An unparseable date is not fatal: the article is kept without a date and the
    raw value is kept in ``extra['unparsed_date']``.
    """
    text = clean_text(raw.text or "")
    if not text:
        return Problem(raw.source, raw.record, "no text")
    title = clean_text(raw.title or "").replace("\n", " ") or _title_from_text(text)
    article = Article(
        source=raw.source,
        record=raw.record,
        text=text,
        title=title,
        url=(raw.url or "").strip() or None,
        outlet=clean_text(raw.outlet or "") or None,
        format=raw.format,
        content_hash=content_fingerprint(title, text),
    )
    if raw.language:
        article.extra["declared_language"] = raw.language.strip()
    if raw.published and raw.published.strip():
        try:
            date = parse_date(raw.published)
        except DateError:
            article.extra["unparsed_date"] = raw.published.strip()
        else:
            article.published = date.iso
            article.published_precision = date.precision
            article.published_sort = date.sort_key
    return article


def _title_from_text(text: str, limit: int = 160) -> str:
    first = text.split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖ«“\"–-])", first, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut + "…"
