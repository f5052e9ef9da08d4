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

from ..terms import SNOWBALL_BY_LANGUAGE, search_term, stem_words, tokens

__all__ = ["SNOWBALL_BY_LANGUAGE", "index_terms", "match_expression", "search_term", "stem_words", "tokens"]

# Languages a query is stemmed in when the caller does not say which.
DEFAULT_QUERY_LANGUAGES = ("da", "nb", "sv", "en")


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
