"""Who said what, across the collection: speakers named one way, statements grouped.

:mod:`newsthread.quotes` finds quotes in one article and :mod:`newsthread.entities`
the names in it. This module joins them for the collection:

* a speaker gets the canonical name of the matching person mention in the article
  (so ``Zelenskyj`` and ``Zelenskij`` are one speaker), and a *speaker key* (the
  spelling key of the surname) that also matches a surname-only attribution in
  another article;
* quotes that render one statement, in one language or several, share a
  ``quote_group``. Two quotes are one statement when their character 4-gram sets
  overlap enough (Danish, Norwegian and Swedish renderings of one sentence share
  most of their 4-grams once diacritics are folded) and they are attributed to the
  same speaker, within ``window_days`` of each other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .entities import Mention
from .entity_data import spelling_key
from .quotes import Quote

_NON_WORD = re.compile(r"[^\w]+")
_FOLDS = (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "a"), ("ö", "o"), ("ß", "ss"))


def fold(text: str) -> str:
    """Lower case, no diacritics, one space between words: spelling-blind comparison."""
    text = text.casefold()
    for source, target in _FOLDS:
        text = text.replace(source, target)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=100_000)
def char_grams(text: str, n: int = 4) -> frozenset[str]:
    padded = f" {fold(text)} "
    return frozenset(padded[i : i + n] for i in range(len(padded) - n + 1))


def statement_similarity(a: str, b: str) -> float:
    """Jaccard index of folded character 4-grams."""
    ga, gb = char_grams(a), char_grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def speaker_key(name: str | None) -> str | None:
    """The spelling key of the surname: ``Jens Stoltenberg`` and ``Stoltenberg`` meet."""
    if not name:
        return None
    words = name.split()
    return spelling_key(words[-1]) if words else None


def canonical_speaker(quote: Quote, mentions: list[Mention]) -> str | None:
    """The speaker's canonical person name from the article's mentions, else as written."""
    if not quote.speaker:
        return None
    key = speaker_key(quote.speaker)
    words = quote.speaker.split()
    keys = [spelling_key(word) for word in words]
    for mention in mentions:
        if mention.type != "PER":
            continue
        canonical = mention.canonical.split()
        if len(words) == 1:
            # A surname alone takes the full name (or a respelling of itself).
            if mention.text == quote.speaker or speaker_key(mention.canonical) == key:
                return mention.canonical
        elif [spelling_key(word) for word in canonical] == keys:
            # A full name takes only a respelling of itself, word for word: never a longer
            # mention ("Chief Executive Johan Ekström" carries a title), nor another person
            # with the same surname ("Kim Fogh Rasmussen" is not "Anders Fogh Rasmussen").
            return mention.canonical
    return quote.speaker


@dataclass
class StoredQuote:
    """A quote already in the store, as the grouper needs it."""

    id: int
    article_id: int
    text: str
    speaker_key: str | None
    day: float | None
    group: int


class StatementGrouper:
    """Decides the ``quote_group`` of a new quote among earlier quotes.

    Parameters
    ----------
    threshold:
        Minimum 4-gram Jaccard for two quotes by the same speaker to be one
        statement. Translations between Danish and Norwegian score about 0.3 to
        0.55, different statements by the same person below 0.25.
    unknown_speaker_threshold:
        The same when one side has no resolved speaker ("Nato-sjefen" never tied to
        a name). Such a quote is only compared with quotes of its own event, which
        is what keeps this from grouping look-alike sentences at random.
    min_words:
        Shorter quotes (a partial quote of one or two words) only group when
        their folded text is identical: "farlig" is not a statement.
    window_days:
        Dated quotes further apart are never one statement.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.28,
        unknown_speaker_threshold: float = 0.28,
        min_words: int = 4,
        window_days: float = 30.0,
    ) -> None:
        self.threshold = threshold
        self.unknown_speaker_threshold = unknown_speaker_threshold
        self.min_words = min_words
        self.window_days = window_days

    def best_group(self, text: str, key: str | None, day: float | None, candidates: list[StoredQuote]) -> int | None:
        best, best_score = None, 0.0
        for other in candidates:
            if day is not None and other.day is not None and abs(day - other.day) > self.window_days:
                continue
            score = self._score(text, key, other)
            if score > best_score:
                best, best_score = other.group, score
        return best

    def _score(self, text: str, key: str | None, other: StoredQuote) -> float:
        if len(text.split()) < self.min_words or len(other.text.split()) < self.min_words:
            return 1.0 if fold(text) == fold(other.text) and key == other.speaker_key else 0.0
        similarity = statement_similarity(text, other.text)
        same_speaker = key is not None and key == other.speaker_key
        needed = self.threshold if same_speaker else self.unknown_speaker_threshold
        if not same_speaker and key is not None and other.speaker_key is not None:
            return 0.0  # two different named speakers never share a statement
        return similarity if similarity >= needed else 0.0
