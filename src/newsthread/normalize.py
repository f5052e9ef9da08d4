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
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_WORDY = re.compile(
    r"^(?:\w+,?\s+)?(\d{1,2})\.?\s+([a-zæøåä]+)\.?,?\s+(\d{4})(?:,?\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?$",
    re.IGNORECASE,
)
_WORDY_EN = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", re.IGNORECASE)


def parse_date(value: str) -> PartialDate:
    """Parse a publication date in any of the forms exports and feeds use.

    Accepts ISO 8601 (year, month, day, timestamps with or without zone), RFC 822
    feed dates, ``DD.MM.YYYY``, ``21. september 2022`` in da/nb/nn/sv/en, and Unix
    epoch seconds or milliseconds. Raises :class:`DateError` for anything else.
    """
    text = value.strip()
    if not text:
        raise DateError("empty date")
    for parser in (_parse_iso_partial, _parse_iso_time, _parse_epoch, _parse_wordy, _parse_rfc822):
        result = parser(text)
        if result is not None:
            return result
    raise DateError(f"unrecognised date {value!r}")


def _check(year: int, month: int = 1, day: int = 1) -> None:
    try:
        datetime(year, month, day)
    except ValueError as exc:
        raise DateError(str(exc)) from None
    if not 1800 <= year <= 2200:
        raise DateError(f"implausible year {year}")


def _parse_iso_partial(text: str) -> PartialDate | None:
    if m := _YEAR.match(text):
        year = int(m[1])
        _check(year)
        return PartialDate(f"{year:04d}", "year", f"{year:04d}-01-01T00:00:00")
    if m := _YEAR_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        _check(year, month)
        return PartialDate(f"{year:04d}-{month:02d}", "month", f"{year:04d}-{month:02d}-01T00:00:00")
    m = _DAY.match(text)
    day_first = None if m else _DAY_FIRST.match(text)
    if m or day_first:
        year, month, day = (int(m[1]), int(m[2]), int(m[3])) if m else (
            int(day_first[3]), int(day_first[2]), int(day_first[1]))
        _check(year, month, day)
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return PartialDate(iso, "day", f"{iso}T00:00:00")
    return None


def _zone(token: str | None) -> timezone | None:
    if not token:
        return None
    if token.upper() in {"Z", "UTC", "GMT"}:
        return UTC
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
    year, month, day, hour, minute = (int(m[i]) for i in range(1, 6))
    _check(year, month, day)
    second = int(m[6]) if m[6] else 0
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=_zone(m[7]))
    except ValueError as exc:
        raise DateError(str(exc)) from None
    return _from_datetime(moment, "second" if m[6] and second else "minute")


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
        day, month_name, year = int(m[1]), m[2].lower(), int(m[3])
        month = MONTH_NAMES.get(month_name)
        if month is None:
            return None
        _check(year, month, day)
        if m[4]:
            moment = datetime(year, month, day, int(m[4]), int(m[5]))
            return _from_datetime(moment, "minute")
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return PartialDate(iso, "day", f"{iso}T00:00:00")
    if m := _WORDY_EN.match(text):
        month = MONTH_NAMES.get(m[1].lower())
        if month is None:
            return None
        year, day = int(m[3]), int(m[2])
        _check(year, month, day)
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return PartialDate(iso, "day", f"{iso}T00:00:00")
    return None


def _parse_rfc822(text: str) -> PartialDate | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    _check(moment.year, moment.month, moment.day)
    return _from_datetime(moment, "second" if moment.second else "minute")


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
