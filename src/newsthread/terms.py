"""Word normalisation shared by search and the story engine: lemma, then stem.

First the dictionary lemma (simplemma, which knows that Danish ``atomvåbnene`` is
``atomvåben``, something Snowball's suffix rules cannot see), then the Snowball
stem (PyStemmer) of it, which also folds forms the dictionary lacks.
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
_TOKEN = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL_BY_LANGUAGE.get(language)
    if algorithm is None or algorithm not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(algorithm)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated compounds split into their parts too."""
    words: list[str] = []
    append = words.append
    for word in _TOKEN.findall(text.casefold()):
        if "-" in word:
            append(word.replace("-", "").replace("'", ""))
            words.extend(part for part in word.split("-") if part)
        elif "'" in word:
            append(word.replace("'", ""))
        else:
            append(word)
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
    language = language or ""
    return [search_term(word, language) for word in words]


