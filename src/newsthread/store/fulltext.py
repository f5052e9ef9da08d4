"""Full-text search terms: the same stemming for what we index and what we ask.

SQLite's FTS5 only stems English (``porter``), so we normalise words ourselves in
the article's language and index the results: first the dictionary lemma
(simplemma, which knows that Danish ``atomvåbnene`` is ``atomvåben``, something
Snowball's suffix rules cannot see), then the Snowball stem (PyStemmer) of it, which
also folds forms the dictionary lacks. A query is stemmed in
every language it may be in and each word matches any of its stems, so a Danish
query ``atomvåbnene`` finds ``atomvåben`` and a query without ``--lang`` still finds
Swedish and English articles.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import simplemma
import Stemmer

# ISO 639-1 -> Snowball algorithm. Nynorsk uses the Norwegian stemmer, which was
# written for Bokmål but shares most endings.
SNOWBALL_BY_LANGUAGE = {
    "da": "danish", "nb": "norwegian", "nn": "norwegian", "sv": "swedish", "en": "english",
    "de": "german", "nl": "dutch", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "fi": "finnish", "ru": "russian", "tr": "turkish", "pl": "polish",
}
# Languages a query is stemmed in when the caller does not say which.
DEFAULT_QUERY_LANGUAGES = ("da", "nb", "sv", "en")

_TOKEN = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL_BY_LANGUAGE.get(language)
    if algorithm is None or algorithm not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(algorithm)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated compounds split into their parts too."""
    words = []
    for match in _TOKEN.finditer(text.casefold()):
        word = match.group()
        words.append(word.replace("-", "").replace("'", ""))
        if "-" in word:
            words.extend(part for part in word.split("-") if part)
    return words


# Languages whose simplemma dictionary we use before stemming.
LEMMA_LANGUAGES = {"da", "nb", "nn", "sv", "en", "de", "nl", "fr", "es", "it", "pt", "fi", "ru", "pl", "tr"}


@lru_cache(maxsize=500_000)
def search_term(word: str, language: str) -> str:
    """The indexed form of one lower-cased word: lemma, then stem."""
    if language in LEMMA_LANGUAGES:
        word = simplemma.lemmatize(word, lang=language).casefold()
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def stem_words(words: list[str], language: str | None) -> list[str]:
    return [search_term(word, language or "") for word in words]


def index_terms(text: str, language: str | None) -> str:
    """The text as FTS5 should index it: stems separated by spaces."""
    return " ".join(stem_words(tokens(text), language))


def match_expression(query: str, languages: tuple[str, ...] | None = None) -> str:
    """An FTS5 MATCH expression: every word of ``query`` must match one of its stems.

    Words in double quotes form a phrase. Raises ``ValueError`` for a query with no words.
    """
    languages = languages or DEFAULT_QUERY_LANGUAGES
    clauses = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        if phrase:
            words = tokens(phrase)
            if words:
                variants = {" ".join(stem_words(words, lang)) for lang in languages}
                clauses.append("(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")")
            continue
        for token in tokens(word):
            variants = {token} | {stem_words([token], lang)[0] for lang in languages}
            clauses.append("(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")")
    if not clauses:
        raise ValueError(f"search query {query!r} has no words")
    return " AND ".join(clauses)
