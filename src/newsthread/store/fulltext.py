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

    Words in double quotes form a phrase; an upper-case ``OR`` between words gives
    alternatives (``Nato OR EU``: either; ``atomvåben Nato OR EU``: atomvåben and one of
    them, as a search engine reads it). Raises ``ValueError`` for a query with no words.
    """
    languages = languages or DEFAULT_QUERY_LANGUAGES
    clauses: list[list[str]] = []  # AND of clauses, each an OR of alternatives
    join_next = False
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        if word == "OR":
            join_next = bool(clauses)
            continue
        for clause in _clauses(phrase, word, languages):
            if join_next:
                clauses[-1].append(clause)
                join_next = False
            else:
                clauses.append([clause])
    if not clauses:
        raise ValueError(f"search query {query!r} has no words")
    return " AND ".join(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
                        for alternatives in clauses)


def _clauses(phrase: str, word: str, languages: tuple[str, ...]) -> list[str]:
    """One FTS5 clause per word (or one for a quoted phrase): any of its stems."""
    if phrase:
        words = tokens(phrase)
        if not words:
            return []
        variants = {" ".join(stem_words(words, lang)) for lang in languages}
        return ["(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")"]
    clauses = []
    for token in tokens(word):
        variants = {token} | {stem_words([token], lang)[0] for lang in languages}
        clauses.append("(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")")
    return clauses
